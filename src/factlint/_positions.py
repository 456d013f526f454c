"""Recover line and column positions in TOML and JSON fact files, which tomllib and json do not give."""

from __future__ import annotations

import abc
import functools
import json
import re
import sys
from typing import NamedTuple

import attrs

from factlint._patterns import lazy_pattern

__all__ = ["Path", "Position", "SourceMap", "json_source_map", "table_header_offsets", "toml_source_map"]

Path = tuple[str | int, ...]

_BOM = "\ufeff"

# Nesting (or a dotted key) deeper than this is never a fact file; stopping
# there keeps the scanners clear of Python's recursion limit and of paths
# quadratic in size on hostile input.
_MAX_DEPTH = 100


@attrs.frozen
class Position:
    """A place in a file: 1-based line, and 1-based column counted in characters."""

    line: int
    column: int


class _Span(NamedTuple):
    """Offsets of one entry: its key (-1 if it has none), its value's start and end, and whether that value is a scalar."""

    key: int
    start: int
    end: int
    scalar: bool


class _Lines:
    """Turns character offsets into positions, from newline counts taken once per fixed-size chunk of the text."""

    _CHUNK = 4096

    def __init__(self, text: str) -> None:
        self._text = text
        self._newlines_before: list[int] = []
        self._line_start_at: list[int] = []

    def position(self, offset: int) -> Position:
        if not self._newlines_before:
            self._count_chunks()
        text = self._text
        chunk = offset // self._CHUNK
        base = chunk * self._CHUNK
        line = self._newlines_before[chunk] + text.count("\n", base, offset) + 1
        newline = text.rfind("\n", base, offset)
        line_start = newline + 1 if newline >= 0 else self._line_start_at[chunk]
        column = offset - line_start + 1
        if line_start == 0 and text.startswith(_BOM):
            # Editors do not show the byte order mark, so it takes no column.
            column -= 1
        return Position(line, column)

    def _count_chunks(self) -> None:
        text, size = self._text, self._CHUNK
        newlines_before, line_start_at = [0], [0]
        newlines, line_start = 0, 0
        for base in range(size, len(text) + 1, size):
            newlines += text.count("\n", base - size, base)
            newline = text.rfind("\n", base - size, base)
            if newline >= 0:
                line_start = newline + 1
            newlines_before.append(newlines)
            line_start_at.append(line_start)
        self._newlines_before, self._line_start_at = newlines_before, line_start_at


class SourceMap(abc.ABC):
    """Where the keys and values of a parsed fact file start in its text, addressed by their path in the parsed document."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines = _Lines(text)

    def value(self, path: Path) -> Position | None:
        """Where the value at `path` starts: a scalar's first character, an array's `[`, a table's `{` or header.

        A table that only a dotted key makes (`dims.charge = ...`) starts at its name.
        """
        span = self._span(tuple(path))
        return None if span is None else self._lines.position(span.start)

    def key(self, path: Path) -> Position | None:
        """Where the key naming `path` starts; None for array elements and for the document itself."""
        span = self._span(tuple(path))
        return None if span is None or span.key < 0 else self._lines.position(span.key)

    def raw(self, path: Path) -> str | None:
        """The source text of the scalar at `path` as written (strings with their quotes); None for tables and arrays."""
        span = self._span(tuple(path))
        return self._text[span.start : span.end] if span is not None and span.scalar else None

    @abc.abstractmethod
    def _span(self, path: Path) -> _Span | None:
        """The offsets of the entry at `path`, or None if the text has no such entry."""


# TOML ----------------------------------------------------------------------

_BARE_KEY = r"[A-Za-z0-9_-]+"
_BASIC_STRING = r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"'
_LITERAL_STRING = r"'[^'\n]*'"
# A multi-line string may end in one or two quotes of its own right before
# the closing three, hence up to five quotes at the end.
_MULTI_LINE_BASIC_STRING = lazy_pattern(r'"""[^"\\]*(?:(?:\\[\s\S]|""?(?!"))[^"\\]*)*"{3,5}')
_MULTI_LINE_LITERAL_STRING = lazy_pattern(r"'''[^']*(?:''?(?!')[^']*)*'{3,5}")
_STRING = lazy_pattern(f"{_BASIC_STRING}|{_LITERAL_STRING}")
# Numbers, booleans, dates and times; a date may be followed by a space and a time.
_SCALAR_TOKEN = r"(?:\d{4}-\d{2}-\d{2} (?=\d{2}:))?[A-Za-z0-9_+.:-]+"
_SCALAR = lazy_pattern(_SCALAR_TOKEN)
_KEY_PART = lazy_pattern(f"{_BARE_KEY}|{_BASIC_STRING}|{_LITERAL_STRING}")
_DOT = lazy_pattern(r"[ \t]*\.[ \t]*")
_EQUALS = lazy_pattern(r"[ \t]*=[ \t]*")
_SPACES = lazy_pattern(r"[ \t]*")
# A comment runs to the end of its line: the lookahead keeps a failed match from
# backtracking into it and reading its text as a key (quadratic in its length).
_BLANKS = lazy_pattern(r"[ \t\r\n]*(?:#[^\n]*(?![^\n])[ \t\r\n]*)*")
_ESCAPE = lazy_pattern(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.S)
_ESCAPED = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", "e": "\x1b", '"': '"', "\\": "\\"}

# The common line, `key = scalar` with an optional comment, read in one
# match together with the blank and comment lines before it.
_ONE_LINE_ENTRY = lazy_pattern(
    rf"{_BLANKS.pattern}[ \t]*({_BARE_KEY})[ \t]*=[ \t]*({_BASIC_STRING}|{_LITERAL_STRING}|{_SCALAR_TOKEN})"
    r"[ \t]*(?:#[^\n]*)?\r?(?=\n|\Z)"
)

# A header candidate is any line starting with `[`; the groups read the
# common single-name header (`[factlint]`, `[[claim]]`) without a key scan.
_HEADER = lazy_pattern(r"^[ \t]*(\[\[?)[ \t]*(?:([A-Za-z0-9_-]+)[ \t]*(\]))?", re.M)


def _one_line_statement() -> str:
    """A regex for a line that certainly holds a whole statement: its strings and brackets all close on it.

    Brackets are matched to a fixed depth; a deeper line merely counts as one
    that may continue, which costs a careful scan, never a wrong answer.  A
    string may not touch another quote, so no multi-line string opens here.
    """
    plain = r"[^\"'\[\]{}#\n]"
    quoted = rf"(?:{_BASIC_STRING}|{_LITERAL_STRING})(?![\"'])"
    atom = quoted
    for _ in range(4):
        run = rf"{plain}*(?:(?:{atom}){plain}*)*"
        atom = rf"{quoted}|\[{run}\]|\{{{run}\}}"
    return rf"{plain}*(?:(?:{atom}){plain}*)*(?:#[^\n]*)?(?:\n|\Z)"


@functools.cache
def _may_continue() -> re.Pattern[str]:
    """The start of a line that may not hold a whole statement; compiled on first use, as it is slow to compile."""
    return re.compile(rf"^(?!{_one_line_statement()})", re.M)


@functools.cache
def _newline_before_may_continue() -> re.Pattern[str]:
    """The newline before such a line: a search for a literal first character skips ahead at C speed, `^` does not."""
    return re.compile(rf"\n(?!{_one_line_statement()})")


def _next_may_continue(text: str, position: int) -> int:
    """Where the first line at or after `position` that may not hold a whole statement starts, or -1; as `_may_continue().search`."""
    if position == 0 and _may_continue().match(text):
        return 0
    # A line starts at `position` only after a newline (or at 0, above), as `^` matches.
    found = _newline_before_may_continue().search(text, max(position - 1, 0))
    return -1 if found is None else found.start() + 1


def _skip(pattern: re.Pattern[str], text: str, offset: int, end: int = sys.maxsize) -> int:
    """The offset after what `pattern` matches at `offset`; given only patterns that match everywhere (if only nothing)."""
    found = pattern.match(text, offset, end)
    return offset if found is None else found.end()


def _next_line(text: str, offset: int, end: int) -> int:
    newline = text.find("\n", offset, end)
    return end if newline < 0 else newline + 1


def _key_name(token: str) -> str:
    if token.startswith('"'):
        return _ESCAPE.sub(_unescape, token[1:-1])
    if token.startswith("'"):
        return token[1:-1]
    return token


def _unescape(match: re.Match[str]) -> str:
    hex_digits = match.group(1) or match.group(2)
    if hex_digits is not None:
        code = int(hex_digits, 16)
        return chr(code) if code <= 0x10FFFF else match.group()
    return _ESCAPED.get(match.group(3), match.group())


def _scan_key(text: str, offset: int, end: int) -> tuple[list[str], list[int], int] | None:
    """Read a dotted key: its names, where each starts, and the offset after it."""
    names: list[str] = []
    starts: list[int] = []
    while True:
        part = _KEY_PART.match(text, offset, end)
        if part is None:
            return None
        names.append(_key_name(part.group()))
        starts.append(offset)
        dot = _DOT.match(text, part.end(), end)
        if dot is None:
            return names, starts, part.end()
        if len(names) > _MAX_DEPTH:
            return None
        offset = dot.end()


def _enter_dotted_key(prefix: Path, names: list[str], starts: list[int], spans: dict[Path, _Span]) -> Path:
    """Record the tables a dotted key implies (at their name) and return the path of its value."""
    path = prefix
    for name, start in zip(names[:-1], starts[:-1]):
        path = (*path, name)
        if path not in spans:
            spans[path] = _Span(start, start, start, False)
    return (*path, names[-1])


def _scan_statement(text: str, offset: int, end: int, spans: dict[Path, _Span]) -> int:
    """Record the `key = value` statement at the start of a line; return the offset of the line after it."""
    offset = _skip(_SPACES, text, offset, end)
    key = _scan_key(text, offset, end)
    if key is None:
        return _next_line(text, offset, end)
    names, starts, after_key = key
    equals = _EQUALS.match(text, after_key, end)
    if equals is None:
        return _next_line(text, after_key, end)
    path = _enter_dotted_key((), names, starts, spans)
    after_value = _scan_value(text, equals.end(), end, path, starts[-1], spans, 0)
    return _next_line(text, after_value, end)


def _scan_value(text: str, offset: int, end: int, path: Path, key: int, spans: dict[Path, _Span], depth: int) -> int:
    """Record the value starting at `offset` and everything in it; return the offset after it (`offset` if there is none)."""
    if depth > _MAX_DEPTH:
        return offset
    first = text[offset : offset + 1]
    if first == "[":
        return _scan_array(text, offset, end, path, key, spans, depth)
    if first == "{":
        return _scan_inline_table(text, offset, end, path, key, spans, depth)
    if first == '"' or first == "'":
        if text.startswith(first * 3, offset):
            pattern = _MULTI_LINE_BASIC_STRING if first == '"' else _MULTI_LINE_LITERAL_STRING
            match = pattern.match(text, offset, end)
            if match is None:
                # An unclosed multi-line string swallows the rest of the text.
                return end
        else:
            match = _STRING.match(text, offset, end)
    else:
        match = _SCALAR.match(text, offset, end)
    if match is None:
        return offset
    if path not in spans:
        spans[path] = _Span(key, offset, match.end(), True)
    return match.end()


def _scan_array(text: str, offset: int, end: int, path: Path, key: int, spans: dict[Path, _Span], depth: int) -> int:
    position = offset + 1
    index = 0
    while True:
        position = _skip(_BLANKS, text, position, end)
        if text.startswith("]", position):
            position += 1
            break
        after = _scan_value(text, position, end, (*path, index), -1, spans, depth + 1)
        if after == position:
            break
        index += 1
        position = _skip(_BLANKS, text, after, end)
        if text.startswith(",", position):
            position += 1
        elif text.startswith("]", position):
            position += 1
            break
        else:
            break
    if path not in spans:
        spans[path] = _Span(key, offset, position, False)
    return position


def _scan_inline_table(
    text: str, offset: int, end: int, path: Path, key: int, spans: dict[Path, _Span], depth: int
) -> int:
    # Newlines and comments are let through although TOML 1.0 forbids them
    # here: tomllib reports that, and TOML 1.1 allows them.
    position = offset + 1
    while True:
        position = _skip(_BLANKS, text, position, end)
        if text.startswith("}", position):
            position += 1
            break
        inner_key = _scan_key(text, position, end)
        if inner_key is None:
            break
        names, starts, after_key = inner_key
        equals = _EQUALS.match(text, after_key, end)
        if equals is None:
            position = after_key
            break
        inner_path = _enter_dotted_key(path, names, starts, spans)
        after = _scan_value(text, equals.end(), end, inner_path, starts[-1], spans, depth + 1)
        if after == equals.end():
            position = after
            break
        position = _skip(_BLANKS, text, after, end)
        if text.startswith(",", position):
            position += 1
        elif text.startswith("}", position):
            position += 1
            break
        else:
            break
    if path not in spans:
        spans[path] = _Span(key, offset, position, False)
    return position


def _scan_body(text: str, start: int, end: int) -> dict[Path, _Span]:
    """Record every entry of one table's body, with paths relative to the table."""
    spans: dict[Path, _Span] = {}
    position = start
    while position < end:
        entry = _ONE_LINE_ENTRY.match(text, position, end)
        if entry is not None:
            path = (entry.group(1),)
            if path not in spans:
                spans[path] = _Span(entry.start(1), entry.start(2), entry.end(2), True)
            position = entry.end()
            continue
        position = _skip(_BLANKS, text, position, end)
        if position >= end:
            break
        if text.startswith("[", position):
            # A line the header pass did not take (only in malformed text).
            position = _next_line(text, position, end)
        else:
            position = _scan_statement(text, position, end, spans)
    return spans


def _multi_line_statements(text: str, start: int) -> list[tuple[int, int]]:
    """The (start, end) offsets of statements that may run over several lines.

    One regex search, at C speed, skips the lines that certainly hold a whole
    statement; only the others (multi-line strings and arrays, deep nesting,
    malformed lines) are scanned in Python, to find where they really end.
    """
    statements: list[tuple[int, int]] = []
    position = start
    while True:
        begin = _next_may_continue(text, position)
        if begin < 0 or begin >= len(text):
            return statements
        if text.startswith("[", _skip(_SPACES, text, begin)):
            after = _next_line(text, begin, len(text))
        else:
            after = _scan_statement(text, begin, len(text), {})
        statements.append((begin, after))
        position = max(after, begin + 1)


def _outside(text: str, headers: list[re.Match[str]], statements: list[tuple[int, int]]) -> list[re.Match[str]]:
    """The `[` lines that do not lie inside a multi-line string or array.

    A statement that runs to the end of the text without closing quotes at its end
    (a multi-line string never closed) hides no `[` line, so that the tables after it
    are still found.
    """
    if statements and statements[-1][1] >= len(text) and _opens_an_unclosed_string(text, statements[-1][0]):
        statements = statements[:-1]
    kept = []
    index = 0
    for header in headers:
        line_start = header.start()
        while index < len(statements) and statements[index][1] <= line_start:
            index += 1
        if index < len(statements) and statements[index][0] < line_start:
            continue
        kept.append(header)
    return kept


# What may hold quotes in a statement: a multi-line string's opening, a one-line string, a comment.
_QUOTING = lazy_pattern(rf"\"\"\"|'''|{_BASIC_STRING}|{_LITERAL_STRING}|#[^\n]*")


def _opens_an_unclosed_string(text: str, offset: int) -> bool:
    """Whether a multi-line string that opens at or after `offset` is never closed."""
    token = _QUOTING.search(text, offset)
    while token is not None:
        after = token.end()
        if token.group() in ('"""', "'''"):
            pattern = _MULTI_LINE_BASIC_STRING if token.group() == '"""' else _MULTI_LINE_LITERAL_STRING
            string = pattern.match(text, token.start())
            if string is None:
                return True
            after = string.end()
        token = _QUOTING.search(text, after)
    return False


def table_header_offsets(text: str) -> list[int]:
    """Where each table header line (`[factlint]`, `[[claim]]`) starts; `[` lines inside a multi-line string are not headers."""
    start = 1 if text.startswith(_BOM) else 0
    return [header.start() for header in _outside(text, list(_HEADER.finditer(text, start)), _multi_line_statements(text, start))]


class _TomlSourceMap(SourceMap):
    """Positions in TOML text; a table's body is only scanned when one of its paths is first asked for."""

    def __reduce__(self) -> tuple[type[_TomlSourceMap], tuple[str]]:
        # Stored as its text (for the cache): what was found is found again when asked for.
        return _TomlSourceMap, (self._text,)

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._start = 1 if text.startswith(_BOM) else 0
        # Filled on the first question, which most runs never ask: see _resolve_headers and _body.
        self._headers: list[re.Match[str]] = []
        # Each table's header (-1 for the document) and where its key starts (-1 for none): its
        # span is made from these only when asked for, as most tables never are.
        self._tables: dict[Path, tuple[int, int]] = {}
        self._implied_spans: dict[Path, _Span] = {}
        self._bodies: dict[int, dict[Path, _Span]] = {}

    def _find_headers(self) -> list[re.Match[str]]:
        text = self._text
        headers = list(_HEADER.finditer(text, self._start))
        statements = _multi_line_statements(text, self._start)
        if not statements:
            return headers
        return _outside(text, headers, statements)

    def _resolve_headers(self) -> None:
        """Give every header its path in the parsed document, counting the entries of each array of tables."""
        text = self._text
        headers = self._headers = self._find_headers()
        tables, implied_spans = self._tables, self._implied_spans
        tables[()] = (-1, -1)
        array_lengths: dict[Path, int] = {}
        for index, header in enumerate(headers):
            opening, name, closing = header.group(1, 2, 3)
            is_array = opening == "[["
            path: Path
            if closing is not None and is_array:
                # The common header, `[[claim]]`: one name, one more entry of its array.
                path = (name,)
                if path not in implied_spans:
                    implied_spans[path] = _Span(header.start(2), header.start(1), header.start(1), False)
                length = array_lengths.get(path, 0)
                array_lengths[path] = length + 1
                path = (name, length)
                if path not in tables:
                    tables[path] = (index, -1)
                continue
            if closing is not None:
                names, starts = [name], [header.start(2)]
            else:
                key = _scan_key(text, _skip(_SPACES, text, header.end()), len(text))
                if key is None:
                    continue
                names, starts, _ = key
            bracket = header.start(1)
            path = ()
            key_start = -1
            for depth, (name, start) in enumerate(zip(names, starts)):
                path = (*path, name)
                if path not in implied_spans:
                    implied_spans[path] = _Span(start, bracket, bracket, False)
                key_start = start
                if is_array and depth == len(names) - 1:
                    length = array_lengths.get(path, 0)
                    array_lengths[path] = length + 1
                    path = (*path, length)
                    key_start = -1
                elif path in array_lengths:
                    # A sub-table of an array of tables belongs to its latest entry.
                    path = (*path, array_lengths[path] - 1)
            if path not in tables:
                tables[path] = (index, key_start)

    def _body(self, index: int) -> dict[Path, _Span]:
        spans = self._bodies.get(index)
        if spans is None:
            text = self._text
            start = self._start if index < 0 else _next_line(text, self._headers[index].start(1), len(text))
            end = self._headers[index + 1].start() if index + 1 < len(self._headers) else len(text)
            spans = self._bodies[index] = _scan_body(text, start, end)
        return spans

    def _span(self, path: Path) -> _Span | None:
        if not self._tables:
            self._resolve_headers()
        table = self._tables.get(path)
        if table is not None:
            index, key_start = table
            bracket = self._start if index < 0 else self._headers[index].start(1)
            return _Span(key_start, bracket, bracket, False)
        for size in range(len(path) - 1, -1, -1):
            table = self._tables.get(path[:size])
            if table is not None:
                span = self._body(table[0]).get(path[size:])
                if span is not None:
                    return span
        return self._implied_spans.get(path)


def toml_source_map(text: str) -> SourceMap:
    """Map the paths of `tomllib.loads(text)` to positions in `text`; never raises, whatever the text."""
    return _TomlSourceMap(text)


# JSON ----------------------------------------------------------------------

_JSON_SPACE = lazy_pattern(r"[ \t\n\r]*")
_JSON_STRING = lazy_pattern(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_JSON_SCALAR = lazy_pattern(r"-?(?:Infinity|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|NaN|true|false|null")


def _json_key(token: str) -> str:
    if "\\" not in token:
        return token[1:-1]
    try:
        key: str = json.loads(token)
    except ValueError:
        return token[1:-1]
    return key


def _scan_json_value(text: str, offset: int, path: Path, key: int, spans: dict[Path, _Span], depth: int) -> int:
    """Record the JSON value at `offset` and everything in it; return the offset after it, or -1 where the text breaks off."""
    if depth > _MAX_DEPTH:
        return -1
    first = text[offset : offset + 1]
    if first == "{" or first == "[":
        # A repeated key replaces the earlier one, as in json.loads.
        spans[path] = _Span(key, offset, offset + 1, False)
        closing = "}" if first == "{" else "]"
        position = _skip(_JSON_SPACE, text, offset + 1)
        if text.startswith(closing, position):
            return position + 1
        index = 0
        while True:
            if first == "{":
                name = _JSON_STRING.match(text, position)
                if name is None:
                    return -1
                position = _skip(_JSON_SPACE, text, name.end())
                if not text.startswith(":", position):
                    return -1
                position = _skip(_JSON_SPACE, text, position + 1)
                after = _scan_json_value(text, position, (*path, _json_key(name.group())), name.start(), spans, depth + 1)
            else:
                after = _scan_json_value(text, position, (*path, index), -1, spans, depth + 1)
                index += 1
            if after < 0:
                return -1
            position = _skip(_JSON_SPACE, text, after)
            if text.startswith(",", position):
                position = _skip(_JSON_SPACE, text, position + 1)
            elif text.startswith(closing, position):
                return position + 1
            else:
                return -1
    match = (_JSON_STRING if first == '"' else _JSON_SCALAR).match(text, offset)
    if match is None:
        return -1
    spans[path] = _Span(key, offset, match.end(), True)
    return match.end()


class _Outline(NamedTuple):
    """Where the top level of a JSON document's object starts: each key and value, and each entry of each array."""

    start: int
    # By name: the key's offset, the value's offset, and the offsets of its entries if it is an array.
    members: dict[str, tuple[int, int, list[int] | None]]


_DECODER = json.JSONDecoder()


def _json_outline(text: str, start: int) -> _Outline | None:
    """The outline of a document whose top level is an object; None for any other document.

    Each entry is skipped by the json module, at C speed, without recording anything in it.
    """
    if not text.startswith("{", start):
        return None
    members: dict[str, tuple[int, int, list[int] | None]] = {}
    position = _skip(_JSON_SPACE, text, start + 1)
    if text.startswith("}", position):
        return _Outline(start, members)
    try:
        while True:
            name = _JSON_STRING.match(text, position)
            if name is None:
                return None
            position = _skip(_JSON_SPACE, text, name.end())
            if not text.startswith(":", position):
                return None
            value = _skip(_JSON_SPACE, text, position + 1)
            entries: list[int] | None = None
            if text.startswith("[", value):
                entries = []
                position = _skip(_JSON_SPACE, text, value + 1)
                if text.startswith("]", position):
                    position += 1
                else:
                    while True:
                        entries.append(position)
                        position = _skip(_JSON_SPACE, text, _DECODER.raw_decode(text, position)[1])
                        if text.startswith(",", position):
                            position = _skip(_JSON_SPACE, text, position + 1)
                        elif text.startswith("]", position):
                            position += 1
                            break
                        else:
                            return None
            else:
                position = _DECODER.raw_decode(text, value)[1]
            # A repeated key replaces the earlier one, as in json.loads.
            members[_json_key(name.group())] = (name.start(), value, entries)
            position = _skip(_JSON_SPACE, text, position)
            if text.startswith(",", position):
                position = _skip(_JSON_SPACE, text, position + 1)
            elif text.startswith("}", position):
                return _Outline(start, members)
            else:
                return None
    except (ValueError, RecursionError):
        return None


class _JsonSourceMap(SourceMap):
    """Positions in JSON text: an outline of the top level on the first question, and each entry scanned when first asked about.

    A document whose top level is not an object is scanned whole on the first question.
    """

    def __reduce__(self) -> tuple[type[_JsonSourceMap], tuple[str]]:
        return _JsonSourceMap, (self._text,)

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._outline: _Outline | None = None
        self._spans: dict[Path, _Span] | None = None
        # The spans of each top-level value (by name) or array entry (by name and index) scanned so far.
        self._parts: dict[Path, dict[Path, _Span]] = {}

    def _span(self, path: Path) -> _Span | None:
        if self._outline is None and self._spans is None:
            text = self._text
            start = _skip(_JSON_SPACE, text, 1 if text.startswith(_BOM) else 0)
            self._outline = _json_outline(text, start)
            if self._outline is None:
                self._spans = {}
                _scan_json_value(text, start, (), -1, self._spans, 0)
        outline = self._outline
        if outline is None:  # scanned whole
            return self._spans.get(path) if self._spans is not None else None
        if not path:
            return _Span(-1, outline.start, outline.start + 1, False)
        member = outline.members.get(path[0]) if isinstance(path[0], str) else None
        if member is None:
            return None
        key, value, entries = member
        if entries is not None and len(path) == 1:
            return _Span(key, value, value + 1, False)
        if entries is not None:
            index = path[1]
            if not isinstance(index, int) or not 0 <= index < len(entries):
                return None
            part: Path = path[:2]
            offset, key = entries[index], -1
        else:
            part, offset = path[:1], value
        spans = self._parts.get(part)
        if spans is None:
            spans = self._parts[part] = {}
            _scan_json_value(self._text, offset, part, key, spans, len(part))
        return spans.get(path)


def json_source_map(text: str) -> SourceMap:
    """Map the paths of `json.loads(text)` to positions in `text`; never raises, whatever the text."""
    return _JsonSourceMap(text)
