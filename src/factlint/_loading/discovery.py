"""Find the fact files named, and those under the folders named, in a stable order."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from factlint._loading.gitignore import IgnoreFiles

__all__ = [
    "FACT_FILE_SUFFIXES",
    "NO_EXCLUSIONS",
    "Exclusions",
    "StrPath",
    "context_files",
    "discover",
    "fact_files_by_folder",
    "is_a_folder",
]

FACT_FILE_SUFFIXES = (".facts.toml", ".facts.json", ".facts.csv")

StrPath = str | Path


@attrs.frozen
class Exclusions:
    """What a folder search leaves out besides hidden names: glob patterns, and `.gitignore` files.

    A pattern without a slash matches a file or folder name anywhere; one with a slash
    matches the absolute path (with forward slashes). A path named explicitly is never left out.
    """

    patterns: tuple[str, ...] = ()
    respect_gitignore: bool = False

    def excludes(self, path: Path, ignore_files: IgnoreFiles, *, is_folder: bool) -> bool:
        if path.name.startswith("."):
            return True
        if any(fnmatch.fnmatchcase(path.name, pattern) for pattern in self.patterns if "/" not in pattern):
            return True
        paths = [pattern for pattern in self.patterns if "/" in pattern]
        if paths:
            full = path.absolute().as_posix()
            if any(fnmatch.fnmatchcase(full, pattern) for pattern in paths):
                return True
        return self.respect_gitignore and ignore_files.ignores(path, is_folder=is_folder)

    def ignore_files(self, folder: Path) -> IgnoreFiles:
        return IgnoreFiles.above(folder) if self.respect_gitignore else IgnoreFiles()


NO_EXCLUSIONS = Exclusions()


def discover(paths: Iterable[StrPath], *, exclusions: Exclusions = NO_EXCLUSIONS) -> list[Path]:
    """The fact files named, and those under the folders named, in a stable order.

    Folder search skips hidden names and what `exclusions` leave out; a file named is always found,
    whatever its name. A folder that cannot be listed, and a fact file that is a symbolic link to
    nothing, are found too, so that loading them reports them where they are.
    Raises FileNotFoundError for a path that does not exist.
    """
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.extend(sorted(_search(path, exclusions)))
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            raise FileNotFoundError(f"{given}: no such file or folder")
    return list(dict.fromkeys(found))


def _search(root: Path, exclusions: Exclusions) -> Iterable[Path]:
    ignore_files = {root: exclusions.ignore_files(root)}
    unlistable: list[Path] = []

    def cannot_list(error: OSError) -> None:
        unlistable.append(Path(error.filename))

    for folder_name, folder_names, file_names in os.walk(root, onerror=cannot_list):
        folder = Path(folder_name)
        here = ignore_files.pop(folder)
        kept = []
        for name in sorted(folder_names):
            child = folder / name
            if not exclusions.excludes(child, here, is_folder=True):
                kept.append(name)
                ignore_files[child] = here.below(child) if exclusions.respect_gitignore else here
        folder_names[:] = kept
        for name in file_names:
            candidate = folder / name
            if (
                name.endswith(FACT_FILE_SUFFIXES)
                and not exclusions.excludes(candidate, here, is_folder=False)
                and _may_be_a_file(candidate)
            ):
                yield candidate
    yield from unlistable


def _may_be_a_file(path: Path) -> bool:
    """A file, a symbolic link to nothing, or a name whose kind cannot be told: loading reports the last two."""
    try:
        return path.is_file() or (path.is_symlink() and not path.exists())
    except OSError:
        return True


def fact_files_by_folder(paths: Iterable[StrPath], *, exclusions: Exclusions = NO_EXCLUSIONS) -> dict[Path, list[Path]]:
    """Every fact file of each folder that holds a fact file found by `discover`, folder by folder.

    The other fact files of a named file's folder are its context; `exclusions` leave some out,
    but never a file found.
    """
    found = discover(paths, exclusions=exclusions)
    folders: dict[Path, list[Path]] = {}
    for path in found:
        # A folder that could not be listed is a group of its own, not context for its parent's files.
        folders.setdefault(path if is_a_folder(path) else path.parent, []).append(path)
    return {folder: _folder_files(folder, named, exclusions) for folder, named in folders.items()}


def is_a_folder(path: Path) -> bool:
    """Path.is_dir(), but False where a folder on the way cannot be searched (is_dir() raises there)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _folder_files(folder: Path, named: Sequence[Path], exclusions: Exclusions) -> list[Path]:
    """The fact files of `folder` (those `named` whatever their names); only those named when it cannot be listed."""
    ignore_files = exclusions.ignore_files(folder)
    names = {path.name for path in named if path.parent == folder}
    try:
        listed = sorted(folder.iterdir())
    except OSError:
        return sorted(named)
    return [
        path
        for path in listed
        if path.name in names
        or (
            path.name.endswith(FACT_FILE_SUFFIXES)
            and _may_be_a_file(path)
            and not exclusions.excludes(path, ignore_files, is_folder=False)
        )
    ]


def context_files(path: Path, *, exclusions: Exclusions = NO_EXCLUSIONS) -> list[Path]:
    """The other fact files of `path`'s folder (none when the folder does not exist)."""
    if not path.parent.is_dir():
        return []
    return [other for other in _folder_files(path.parent, [path], exclusions) if other.name != path.name]
