"""Find the fact files named, and those under the folders named, in a stable order."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

__all__ = ["FACT_FILE_SUFFIXES", "StrPath", "discover", "fact_files_by_folder"]

FACT_FILE_SUFFIXES = (".facts.toml", ".facts.json", ".facts.csv")

StrPath = str | Path


def discover(paths: Iterable[StrPath]) -> list[Path]:
    """The fact files named, and those under the folders named, in a stable order.

    Raises FileNotFoundError for a path that does not exist.
    """
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.extend(
                sorted(
                    candidate
                    for candidate in path.rglob("*")
                    if candidate.name.endswith(FACT_FILE_SUFFIXES)
                    and candidate.is_file()
                    and not any(part.startswith(".") for part in candidate.relative_to(path).parts)
                )
            )
        elif path.exists():
            found.append(path)
        else:
            raise FileNotFoundError(f"{given}: no such file or folder")
    return list(dict.fromkeys(found))


def fact_files_by_folder(paths: Iterable[StrPath]) -> dict[Path, list[Path]]:
    """Every fact file of each folder that holds a fact file found by `discover`, folder by folder."""
    folders = dict.fromkeys(path.parent for path in discover(paths))
    return {
        folder: [path for path in sorted(folder.iterdir()) if path.name.endswith(FACT_FILE_SUFFIXES) and path.is_file()]
        for folder in folders
    }
