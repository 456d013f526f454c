"""A fact file's text read into a Document (its raw entries, their positions, its syntax problems): TOML and JSON."""

from __future__ import annotations

import itertools
import json
import re
import sys
from collections.abc import Mapping

import attrs

from factlint import _toml
from factlint._codes import INVALID_FILE
from factlint._loading.entries import TABLES, describe
from factlint._model import Location, Problem
from factlint._nesting import MAX_NESTING, too_deep
from factlint._patterns import lazy_pattern
from factlint._positions import Path as DocPath
from factlint._positions import SourceMap, json_source_map, table_header_offsets, toml_source_map

__all__ = ["Document", "parse_json", "parse_toml"]


@attrs.define
class Document:
    """One fact file as parsed: its raw entries by table, where each was written, and what was wrong with it.

    A raw entry is whatever the parser gave (a table, or anything else to report), or
    None where an entry was written but could not be parsed, so that the entries after
    it keep the indexes their positions use.
    """

    path: str
    tables: dict[str, list[object]]
    source_map: SourceMap | None
    problems: list[Problem]
    # Ids of entries left out of `tables` because they could not be read at all (a CSV row of the wrong width).
    unreadable_ids: set[str] = attrs.field(factory=set)

    @classmethod
    def unreadable(cls, path: str, message: str, location: Location | None = None) -> Document:
        return cls(path, {}, None, [Problem(INVALID_FILE.code, message, location or Location(path, 1, 1))])

    def locate(self, doc_path: DocPath, *, key: bool = False) -> Location:
        """Where the value (or the key) at `doc_path` was written, else its nearest enclosing entry, else the file."""
        position = None
        if self.source_map is not None:
            position = self.source_map.key(doc_path) if key else self.source_map.value(doc_path)
            if position is None and key:
                position = self.source_map.value(doc_path)
            while position is None and len(doc_path) > 1:
                doc_path = doc_path[:-1]
                position = self.source_map.value(doc_path)
        if position is None:
            return Location(self.path, 1, 1)
        return Location(self.path, position.line, position.column)


_TOML_POSITION = lazy_pattern(r"\(at (?:line (\d+), column (\d+)|end of document)\)")
_TOML_AT_END = "(at end of document)"
_ARRAY_OF_TABLES_HEADER = lazy_pattern(r"\s*\[\[\s*([A-Za-z_]+)\s*\]\]")
_LONG_NUMBER = lazy_pattern(r"[0-9][0-9_]*")


def parse_toml(text: str, path: str) -> Document:
    source_map = toml_source_map(text)
    try:
        raw = _toml.loads(text)
    except (ValueError, RecursionError) as error:  # a TOMLDecodeError, an integer too long for int(), deep nesting
        return _parse_toml_by_table(text, path, source_map, error)
    document = Document(path, {}, source_map, [])
    _collect_tables(document, raw)
    return document


def _parse_toml_by_table(text: str, path: str, source_map: SourceMap, first_error: Exception) -> Document:
    """Recover from a syntax error: parse each table on its own, so the rest of the file is still checked."""
    document = Document(path, {}, source_map, [])
    starts = table_header_offsets(text)
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    starts.append(len(text))
    line_offset, counted = 0, 0
    for begin, end in itertools.pairwise(starts):
        chunk = text[begin:end]
        line_offset += text.count("\n", counted, begin)
        counted = begin
        try:
            raw = _toml.loads(chunk)
        except (ValueError, RecursionError) as error:
            if isinstance(error, _toml.TOMLDecodeError):
                line, column = _toml_error_position(error, chunk)
                problem = Problem(INVALID_FILE.code, f"TOML syntax error: {_toml_error_message(error)}", Location(path, line + line_offset, column))
            elif isinstance(error, RecursionError):
                problem = _nested_too_deeply(chunk, "toml", path, line_offset)
            else:
                problem = _too_long_number(chunk, path, line_offset)
            document.problems.append(problem)
            header = _ARRAY_OF_TABLES_HEADER.match(chunk)
            if header:
                # Keep the table's place so later tables keep the indexes their positions use.
                document.tables.setdefault(header[1], []).append(None)
            continue
        _collect_tables(document, raw)
    if not document.problems:  # pragma: no cover - the whole failed, so some table must
        line, column = _toml_error_position(first_error, text) if isinstance(first_error, ValueError) else (1, 1)
        document.problems.append(Problem(INVALID_FILE.code, f"TOML syntax error: {first_error}", Location(path, line, column)))
    return document


def _nested_too_deeply(text: str, format: str, path: str, line_offset: int) -> Problem:
    line, column, depth = too_deep(text, format)
    shown = f"more than {MAX_NESTING}" if depth > MAX_NESTING else str(depth)
    return Problem(
        INVALID_FILE.code,
        f"arrays and tables nested {shown} levels deep, too deep to read (a fact file needs a few levels)",
        Location(path, line + line_offset, column),
    )


def _toml_error_position(error: ValueError, text: str) -> tuple[int, int]:
    if _TOML_AT_END in str(error) and "string" in str(error):
        # A string still open at the end: the place to fix is where it opens.
        return _unclosed_string_position(text)
    # tomli (and tomllib from Python 3.14) give lineno and colno; before, tomllib only has them in
    # the message, where "at end of document" is the position after the last character of `text`.
    line: int | None = getattr(error, "lineno", None)
    column: int | None = getattr(error, "colno", None)
    if line is None:
        match = _TOML_POSITION.search(str(error))
        if match is None:
            line, column = 1, 1
        elif match[1] is None:
            line = text.count("\n") + 1
            column = len(text) - text.rfind("\n")
        else:
            line, column = int(match[1]), int(match[2])
    return line, column or 1


def _unclosed_string_position(text: str) -> tuple[int, int]:
    """Where a text that ends inside a string opened it: its last triple quote, else its end."""
    opening = max(text.rfind('"""'), text.rfind("'''"))
    if opening < 0:
        opening = len(text.rstrip())
    line_start = text.rfind("\n", 0, opening) + 1
    return text.count("\n", 0, opening) + 1, opening - line_start + 1


def _toml_error_message(error: ValueError) -> str:
    message: str | None = getattr(error, "msg", None)
    return message or _TOML_POSITION.sub("", str(error)).strip()


def _too_long_number(text: str, path: str, line_offset: int) -> Problem:
    """The problem of a number with more digits than int() reads (sys.get_int_max_str_digits())."""
    limit = sys.get_int_max_str_digits()
    found = next((match for match in _LONG_NUMBER.finditer(text) if len(match[0].replace("_", "")) > limit), None)
    line, column = 1, 1
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    return Problem(
        INVALID_FILE.code, f"a number has more than {limit} digits, too many to read", Location(path, line + line_offset, column)
    )


def parse_json(text: str, path: str) -> Document:
    if "\r" in text:
        # A lone CR ends a line in editors; json counts lines at LF alone. Outside strings a
        # CR is only whitespace, and inside one it is an error either way.
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    repeated: list[bool] = []

    def table(pairs: list[tuple[str, object]]) -> dict[str, object]:
        read = dict(pairs)
        if len(read) != len(pairs):
            repeated.append(True)
        return read

    try:
        raw = json.loads(text, object_pairs_hook=table)
    except json.JSONDecodeError as error:
        return Document.unreadable(path, f"JSON syntax error: {error.msg}", Location(path, error.lineno, error.colno))
    except RecursionError:
        problem = _nested_too_deeply(text, "json", path, 0)
        return Document.unreadable(path, problem.message, problem.location)
    except ValueError:  # an integer too long for int()
        problem = _too_long_number(text, path, 0)
        return Document.unreadable(path, problem.message, problem.location)
    document = Document(path, {}, json_source_map(text), [])
    if repeated:
        document.problems.extend(_repeated_keys(text, path))
    if not isinstance(raw, dict):
        document.problems.append(
            Problem(INVALID_FILE.code, f"a fact file must hold an object with \"claim\", \"source\"... lists, not {describe(raw)}", Location(path, 1, 1))
        )
        return document
    _collect_tables(document, raw)
    return document


_JSON_TOKEN = lazy_pattern(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]', re.S)


def _repeated_keys(text: str, path: str) -> list[Problem]:
    """A problem at each key that an object of this (well-formed) JSON text repeats: json.loads keeps only the last."""
    problems = []
    # Per open object or array: the keys seen so far (None for an array), and whether the next string is a key.
    keys: list[dict[str, int] | None] = []
    expect_key = False
    for token in _JSON_TOKEN.finditer(text):
        symbol = token.group()
        if symbol == "{":
            keys.append({})
            expect_key = True
        elif symbol == "[":
            keys.append(None)
        elif symbol in "]}":
            keys.pop()
        elif symbol == ",":
            expect_key = bool(keys) and keys[-1] is not None
        elif symbol == ":":
            expect_key = False
        elif expect_key:
            seen = keys[-1]
            assert seen is not None
            name = json.loads(symbol)
            if name in seen:
                first = _line_and_column(text, seen[name])
                problems.append(
                    Problem(
                        INVALID_FILE.code,
                        f"the key {name!r} appears twice in this object (first at line {first[0]}, column {first[1]}): "
                        "only the last would be read; merge them or remove one",
                        Location(path, *_line_and_column(text, token.start())),
                    )
                )
            seen[name] = token.start()
            expect_key = False
    return problems


def _line_and_column(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _collect_tables(document: Document, raw: Mapping[str, object]) -> None:
    for name, entries in raw.items():
        if name == "factlint":
            if not isinstance(entries, dict):
                document.problems.append(
                    Problem(INVALID_FILE.code, f"[factlint] must be a table, not {describe(entries)}", document.locate((name,), key=True))
                )
                continue
            document.tables["factlint"] = [entries]
            continue
        if name not in TABLES:
            expected = ", ".join(f"[[{table}]]" for table in TABLES)
            document.problems.append(
                Problem(INVALID_FILE.code, f"unknown table {name!r}: a fact file has {expected} and [factlint]", document.locate((name,), key=True))
            )
            continue
        if not isinstance(entries, list):
            document.problems.append(
                Problem(INVALID_FILE.code, f"{name!r} must be a list of tables ([[{name}]]), not {describe(entries)}", document.locate((name,), key=True))
            )
            continue
        document.tables.setdefault(name, []).extend(entries)
