"""Regular expressions compiled on first use: a run needs few of factlint's patterns, and compiling every one cost each start."""

from __future__ import annotations

import re
from typing import Any, cast

__all__ = ["lazy_pattern"]

# The methods a caller may use; each is the compiled pattern's own once it is compiled.
_METHODS = ("match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer", "scanner")


class _LazyPattern:
    """Stands for `re.compile(pattern, flags)`, compiling it when a method or attribute is first asked for.

    After that, each method is a slot holding the compiled pattern's bound method, so a call
    costs what it costs on the compiled pattern.
    """

    __slots__ = ("_compiled", "flags", "pattern", *_METHODS)

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        # Reached only for what is not yet set: the methods before the first compile, and the
        # compiled pattern's other attributes (groups, groupindex).
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self.flags)
            self.flags = compiled.flags
            for method in _METHODS:
                setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_pattern({self.pattern!r}, {self.flags})"


def lazy_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when first used."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))
