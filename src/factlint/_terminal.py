"""Colour on a terminal: whether to use it (`--color`, NO_COLOR, FORCE_COLOR) and the text report in colour."""

from __future__ import annotations

import os
from typing import TextIO

from factlint._patterns import lazy_pattern

__all__ = ["COLOR_CHOICES", "coloured", "wants_colour"]

COLOR_CHOICES = ("auto", "always", "never")

_RESET = "\033[0m"
_BOLD = "\033[1m"
_DIM = "\033[2m"
_RED = "\033[31m"
_GREEN = "\033[32m"
_YELLOW = "\033[33m"
_CYAN = "\033[36m"
_SEVERITY_COLOURS = {"": _RED, "[warning] ": _YELLOW, "[info] ": _CYAN}

# A finding's first line: `path:line:col: CODE [severity] message` (the tag only below error).
_HEAD = lazy_pattern(r"(?P<where>\S.*?:\d+:\d+: )?(?P<code>[A-Z]+[0-9]+) (?P<tag>\[(?:warning|info)\] )?")


def wants_colour(choice: str, stream: TextIO) -> bool:
    """Whether to colour what goes to `stream`: `choice` decides unless "auto".

    "auto" follows NO_COLOR (https://no-color.org), then FORCE_COLOR (https://force-color.org),
    then whether `stream` is a terminal (not a dumb one). Files and pipes get no colour.
    """
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def coloured(text: str) -> str:
    """The text report with its locations, codes, fixes and summary in colour."""
    return "".join(_colour_line(line) for line in text.splitlines(keepends=True))


def _colour_line(line: str) -> str:
    body = line.rstrip("\n")
    end = line[len(body) :]
    if body.startswith("Found "):
        return f"{_BOLD}{body}{_RESET}{end}"
    if body.startswith("All checks passed"):
        return f"{_GREEN}{_BOLD}{body}{_RESET}{end}"
    if body.startswith("  fix: "):
        return f"  {_GREEN}{body[2:]}{_RESET}{end}"
    if body.startswith("  rule: "):
        return f"  {_DIM}{body[2:]}{_RESET}{end}"
    head = _HEAD.match(body)
    if head is None or body.startswith(" "):
        return line
    tag = head["tag"] or ""
    colour = _SEVERITY_COLOURS[tag]
    where = f"{_BOLD}{head['where']}{_RESET}" if head["where"] else ""
    label = f"{colour}{_BOLD}{head['code']}{_RESET} " + (f"{colour}{tag.rstrip()}{_RESET} " if tag else "")
    return f"{where}{label}{body[head.end() :]}{end}"
