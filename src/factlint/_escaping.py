"""Neutralise text that came from input before it is printed: no line, escape sequence or unencodable character from a fact file reaches a terminal or a log."""

from __future__ import annotations

import re

from factlint._patterns import lazy_pattern

__all__ = ["encodable", "escape_json_text", "printable", "printable_lines"]

# Control characters (C0, DEL, C1), the Unicode line and paragraph separators, the bidirectional
# overrides and isolates (which reorder what a reader sees), and lone surrogates (which no
# encoding can write).
_UNSAFE = lazy_pattern("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

# The same characters, less those that json.dumps escapes itself (below U+0020); outside the
# C0 range they can only occur inside a JSON string, where a \\u escape means the same.
_UNSAFE_IN_JSON = lazy_pattern("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` on one line with its control characters shown as escapes: a line break as `\\n`, ESC as `\\x1b`.

    Backslashes are left as they are, so an ordinary Windows path reads as itself.
    """
    return _UNSAFE.sub(_escape, text)


def printable_lines(text: str) -> str:
    """Multi-line text (a rule's page) with its line breaks kept and every other control character escaped."""
    return "\n".join(printable(line) for line in text.split("\n"))


def escape_json_text(document: str) -> str:
    """JSON text from json.dumps(ensure_ascii=False) with the characters above made `\\uXXXX` escapes.

    The result is the same JSON value, but it holds no character that another program might take for
    a line break, nor a lone surrogate that no encoding can write.
    """
    return _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", document)


def encodable(text: str, encoding: str, *, json: bool = False) -> str:
    """`text` with every character that `encoding` cannot write (or a lone surrogate) as an escape.

    The escapes are `\\u00fc` and `\\U0001f600`, which TOML strings and people read; with `json`,
    `\\ud83d\\ude00` as JSON has it (JSON text holds such characters only inside strings).
    An encoding Python does not know is taken for ASCII.
    """
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        pass
    except LookupError:
        encoding = "ascii"
    known: dict[str, str] = {}

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        if char not in known:
            try:
                char.encode(encoding)
                known[char] = char
            except UnicodeEncodeError:
                known[char] = _json_escape(char) if json else _text_escape(char)
        return known[char]

    return _NON_ASCII.sub(escape, text)


_NON_ASCII = lazy_pattern("[^\x00-\x7f]")


def _text_escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _json_escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
