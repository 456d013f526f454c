"""How a message quotes text taken from a fact file: in full when short, else its start, so one finding stays one line's worth."""

from __future__ import annotations

__all__ = ["quoted"]

# Long enough for any real date, number or check; a 5,000-character value is shown by its start.
_LONGEST = 80


def quoted(text: str) -> str:
    """The text as repr() quotes it, cut to its first characters and an ellipsis when it is long."""
    return repr(text if len(text) <= _LONGEST else text[: _LONGEST - 1] + "…")
