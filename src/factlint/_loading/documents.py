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
from factlint._positions import Path as DocPath
from factlint._positions import SourceMap, json_source_map, toml_source_map

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


_TOML_POSITION = re.compile(r"\(at (?:line (\d+), column (\d+)|end of document)\)")
_TABLE_HEADER = re.compile(r"^[ \t]*\[", re.MULTILINE)
_ARRAY_OF_TABLES_HEADER = re.compile(r"\s*\[\[\s*([A-Za-z_]+)\s*\]\]")
_LONG_NUMBER = re.compile(r"[0-9][0-9_]*")


def parse_toml(text: str, path: str) -> Document:
    source_map = toml_source_map(text)
    try:
        raw = _toml.loads(text)
    except ValueError as error:  # a TOMLDecodeError, or an integer too long for int()
        return _parse_toml_by_table(text, path, source_map, error)
    document = Document(path, {}, source_map, [])
    _collect_tables(document, raw)
    return document


def _parse_toml_by_table(text: str, path: str, source_map: SourceMap, first_error: ValueError) -> Document:
    """Recover from a syntax error: parse each table on its own, so the rest of the file is still checked."""
    document = Document(path, {}, source_map, [])
    starts = [match.start() for match in _TABLE_HEADER.finditer(text)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    starts.append(len(text))
    for begin, end in itertools.pairwise(starts):
        chunk = text[begin:end]
        line_offset = text.count("\n", 0, begin)
        try:
            raw = _toml.loads(chunk)
        except ValueError as error:
            if isinstance(error, _toml.TOMLDecodeError):
                line, column = _toml_error_position(error, chunk)
                problem = Problem(INVALID_FILE.code, f"TOML syntax error: {_toml_error_message(error)}", Location(path, line + line_offset, column))
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
        line, column = _toml_error_position(first_error, text)
        document.problems.append(Problem(INVALID_FILE.code, f"TOML syntax error: {first_error}", Location(path, line, column)))
    return document


def _toml_error_position(error: ValueError, text: str) -> tuple[int, int]:
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
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        return Document.unreadable(path, f"JSON syntax error: {error.msg}", Location(path, error.lineno, error.colno))
    except RecursionError:
        return Document.unreadable(path, "JSON nested too deeply")
    except ValueError:  # an integer too long for int()
        problem = _too_long_number(text, path, 0)
        return Document.unreadable(path, problem.message, problem.location)
    document = Document(path, {}, json_source_map(text), [])
    if not isinstance(raw, dict):
        document.problems.append(
            Problem(INVALID_FILE.code, f"a fact file must hold an object with \"claim\", \"source\"... lists, not {describe(raw)}", Location(path, 1, 1))
        )
        return document
    _collect_tables(document, raw)
    return document


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
