"""The pre-commit hook's view of a commit: the folders whose fact files the staged changes delete or rename away.

pre-commit passes the hook the files a commit adds or changes, never those it deletes; but a
deleted file may hold the sources or claims that the rest of its folder names.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from factlint._loading.discovery import FACT_FILE_SUFFIXES, Exclusions, context_files

__all__ = ["GitError", "staged_removal_context", "staged_removals"]


class GitError(Exception):
    """git could not say what is staged (not a repository, or no git): one line for the user."""


def staged_removal_context(exclusions: Exclusions) -> list[Path]:
    """The fact files left in each folder from which the staged changes delete or rename a fact file."""
    found: dict[Path, None] = {}
    for removed in staged_removals():
        if removed.name.endswith(FACT_FILE_SUFFIXES):
            found.update(dict.fromkeys(context_files(removed, exclusions=exclusions)))
    return list(found)


def staged_removals() -> list[Path]:
    """The paths (absolute) that the staged changes delete, or rename to another path."""
    top = Path(_git("rev-parse", "--show-toplevel").strip())
    fields = _git("diff", "--cached", "--name-status", "-z", "--find-renames").split("\0")
    removed: list[Path] = []
    index = 0
    while index < len(fields) and fields[index]:
        status = fields[index]
        # Renames and copies name two paths (from, to); every other status one.
        paths = fields[index + 1 : index + (3 if status[:1] in "RC" else 2)]
        index += 1 + len(paths)
        if status[:1] in "DR" and paths:
            removed.append(top / paths[0])
    return removed


def _git(*args: str) -> str:
    try:
        result = subprocess.run(["git", *args], capture_output=True, text=True, encoding="utf-8", check=False)
    except OSError as error:
        raise GitError(f"--pre-commit needs git: {error.strerror or error}") from None
    if result.returncode != 0:
        problem = " ".join(result.stderr.split()) or f"exit code {result.returncode}"
        raise GitError(f"--pre-commit: git {args[0]} failed: {problem}")
    return result.stdout
