"""Where a TOML or JSON text nests its arrays and tables too deeply, to report a parser's RecursionError at its place.

The parsers recurse once per level of nesting and give up with a RecursionError (tomllib
at Python's recursion limit, tomli past 400 levels, json near the recursion limit); the
library never raises that limit. A fact file needs a few levels at most.
"""

from __future__ import annotations

import re

__all__ = ["MAX_NESTING", "too_deep"]

# The depth past which a finding points: a claim's `dims` table is two levels deep.
MAX_NESTING = 100

# The tokens that open and close a level, and those whose brackets do not count (strings
# and comments); an unclosed string runs to the end of the text.
_TOKENS = {
    "toml": re.compile(
        r'"""(?:[^"\\]|\\[\s\S]|""?(?!"))*"*'
        r"|'''[\s\S]*?(?:'''|\Z)"
        r'|"(?:[^"\\\n]|\\.)*"?'
        r"|'[^'\n]*'?"
        r"|#[^\n]*"
        r"|[\[\]{}]"
    ),
    "json": re.compile(r'"(?:[^"\\]|\\[\s\S])*"?|[\[\]{}]'),
}


def too_deep(text: str, format: str) -> tuple[int, int, int]:
    """(line, column, depth) of the first bracket nested deeper than MAX_NESTING, else of the deepest one.

    Lines are counted at "\\n" (the caller normalises other line endings); columns in characters.
    """
    depth, deepest, where = 0, 0, 0
    for token in _TOKENS[format].finditer(text):
        char = token.group()[0]
        if char in "[{":
            depth += 1
            if depth > deepest:
                deepest, where = depth, token.start()
                if depth > MAX_NESTING:
                    break
        elif char in "]}":
            depth = max(depth - 1, 0)
    line_start = text.rfind("\n", 0, where) + 1
    return text.count("\n", 0, where) + 1, where - line_start + 1, deepest
