"""How output shows a finding's path: relative to the working directory when below it (like ruff)."""

from __future__ import annotations

import os

__all__ = ["display_path"]


def display_path(path: str) -> str:
    """A finding's path for people: relative to the working directory when below it, else as it is (like ruff)."""
    if not os.path.isabs(path):
        return path
    cwd = os.getcwd()
    try:
        if os.path.commonpath([path, cwd]) == cwd:
            return os.path.relpath(path, cwd)
    except ValueError:  # another drive on Windows
        pass
    return path
