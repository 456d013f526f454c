"""Load CSV claim tables (`*.facts.csv`): one claim a row, named columns, `dims.<name>` columns for breakdowns.

Each row becomes the raw `[[claim]]` entry that the TOML loader would have read, so
claims from CSV are structured and validated by exactly the same code. A CSV file
holds claims only; their sources and relations live in TOML or JSON files of the
same run (ids are shared across the files of one run).

Locations in a CSV file: the line is the line on which the row starts (a quoted
cell may run over several lines), and the **column counts fields**, not
characters: column 3 is the third cell of the row. A field's *key* is its header
cell.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator

import attrs

from factlint._codes import INVALID_FILE
from factlint._loading.documents import Document
from factlint._loading.entries import ClaimEntry
from factlint._model import Location, Problem
from factlint._patterns import lazy_pattern
from factlint._positions import Path, Position, SourceMap

__all__ = ["CLAIM_COLUMNS", "DIMS_PREFIX", "parse_csv"]

# The fields of a [[claim]] entry, in their order; `dims` is spread over `dims.<name>` columns.
CLAIM_COLUMNS = tuple(field.name for field in attrs.fields(ClaimEntry) if field.name != "dims")
# Columns of true-or-false fields (`forecast`, `binary`): a cell reads "true" or "false", as TOML writes them.
_BOOLEAN_COLUMNS = frozenset(field.name for field in attrs.fields(ClaimEntry) if field.type in (bool, "bool"))
DIMS_PREFIX = "dims."
_REQUIRED = ("id", "metric", "value")
# The columns whose texts differ from row to row.
_UNIQUE_COLUMNS = frozenset({"id", "value", "quote"})
_CODES_SEPARATOR = lazy_pattern(r"[\s,]+")
_LINE_END = lazy_pattern(r"\r\n|\r|\n")
_LINE = lazy_pattern(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


class _CsvSourceMap(SourceMap):
    """Positions in a CSV claim table: (the row's first line, the field's 1-based column number).

    It keeps one line number per row, and reads a row again from the text when a
    position in it is asked for (only claims named in a finding ever are), so that
    neither the rows nor their raw entries outlive the loading of a large table.
    """

    def __init__(self, text: str, header_line: int, width: int, columns: dict[str, int], dims: dict[str, int]) -> None:
        super().__init__(text)
        self.header_line = header_line
        self.row_lines: list[int] = []
        self._width = width
        self._columns = columns
        self._dims = dims
        self._line_starts: list[int] | None = None
        self._last_row: tuple[int, list[str] | None] | None = None

    def value(self, path: Path) -> Position | None:
        if len(path) < 2 or path[0] != "claim" or not isinstance(path[1], int):
            return None
        index = path[1]
        if not 0 <= index < len(self.row_lines):
            return None
        line = self.row_lines[index]
        if len(path) == 2:
            return Position(line, 1)
        column = self._column(index, path[2:])
        return None if column is None else Position(line, column)

    def key(self, path: Path) -> Position | None:
        if len(path) < 3 or path[0] != "claim":
            return None
        columns, name = (self._dims, path[3]) if path[2] == "dims" and len(path) > 3 else (self._columns, path[2])
        column = _column_named(columns, name)
        return None if column is None else Position(self.header_line, column)

    def raw(self, path: Path) -> str | None:
        if len(path) != 3 or path[0] != "claim" or not isinstance(path[1], int):
            return None
        column = self._column(path[1], path[2:])
        cells = self._cells(path[1])
        return None if column is None or cells is None or path[2] == "dims" else cells[column - 1]

    def _column(self, index: int, field_path: Path) -> int | None:
        """The column of a field the row states, or None where it leaves it empty."""
        cells = self._cells(index)
        if cells is None:
            return None
        field = field_path[0]
        if field == "dims":
            if len(field_path) > 1:
                column = _column_named(self._dims, field_path[1])
                return column if column is not None and cells[column - 1] else None
            stated = [column for column in self._dims.values() if cells[column - 1]]
            return min(stated) if stated else None
        column = _column_named(self._columns, field)
        return column if column is not None and cells[column - 1] else None

    def _cells(self, index: int) -> list[str] | None:
        """The cells of a row, read again from the text; None for a row of the wrong width."""
        if self._last_row is not None and self._last_row[0] == index:
            return self._last_row[1]
        if self._line_starts is None:
            # Lines end as csv.reader's (and io.StringIO(newline="")'s) do: \n, \r or \r\n.
            self._line_starts = [0, *(match.end() for match in _LINE_END.finditer(self._text))]
        start = self._line_starts[self.row_lines[index] - 1]
        lines = (match.group() for match in _LINE.finditer(self._text, start))
        try:
            cells: list[str] | None = next(csv.reader(lines), None)
        except csv.Error:
            cells = None
        if cells is not None and len(cells) != self._width:
            cells = None
        self._last_row = (index, cells)
        return cells

    def _span(self, path: Path) -> None:  # pragma: no cover - value, key and raw do not use spans
        return None


def _column_named(columns: dict[str, int], name: str | int) -> int | None:
    """The column of a field or a `dims.<name>`; a list index names no column."""
    return columns.get(name) if isinstance(name, str) else None


def parse_csv(text: str, path: str) -> Document:
    """Read a CSV claim table into the raw `claim` entries and the source map of a fact file.

    A bad header cell, or a row with the wrong number of fields, is reported where it
    is and left out; every other row is still read. A header without an `id`, `metric`
    or `value` column is one finding, and no row is read (each would fail alike).
    """
    problems: list[Problem] = []
    document = Document(path, {}, None, problems)
    broken_lines: set[int] = set()
    rows = _rows(text, path, problems, broken_lines)
    header = next(rows, None)
    if header is None:
        if problems:
            return document  # a header never closed is reported already
        problems.append(Problem(INVALID_FILE.code, "empty CSV file: expected a header row naming the claim fields", Location(path, 1, 1)))
        return document
    header_line, header_cells = header
    columns, dims = _read_header(header_cells, header_line, path, problems)
    missing = [name for name in _REQUIRED if name not in columns]
    if missing:
        named = ", ".join(repr(name) for name in missing)
        problems.append(
            Problem(INVALID_FILE.code, f"the header has no {named} column: every claim needs an id, a metric and a value", Location(path, header_line, 1))
        )
        return document

    width = len(header_cells)
    source_map = _CsvSourceMap(text, header_line, width, columns, dims)
    document.source_map = source_map
    entries: list[object] = []
    row_lines = source_map.row_lines
    # A table repeats its metrics, units, dates, sources and breakdowns row after row: each
    # such text is kept once, about 170 bytes a claim.
    plain = [
        (name, column - 1, name not in _UNIQUE_COLUMNS)
        for name, column in columns.items()
        if name not in ("items", "tails", "ignore")
    ]
    shared: dict[str, str] = {}
    dims_cells = [(name, column - 1) for name, column in dims.items()]
    items_cell = columns["items"] - 1 if "items" in columns else None
    tails_cell = columns["tails"] - 1 if "tails" in columns else None
    ignore_cell = columns["ignore"] - 1 if "ignore" in columns else None
    id_cell = columns["id"] - 1
    for line, row in rows:
        row_lines.append(line)
        if line in broken_lines:
            # Reported at its unclosed quote; its id, if the row got that far, is known to exist.
            entries.append(None)
            if id_cell < len(row) - 1 and row[id_cell]:
                document.unreadable_ids.add(row[id_cell])
            continue
        if len(row) != width:
            entries.append(None)
            if id_cell < len(row) and row[id_cell]:
                document.unreadable_ids.add(row[id_cell])
            column = width + 1 if len(row) > width else len(row) + 1
            problems.append(
                Problem(
                    INVALID_FILE.code,
                    f"this row has {len(row)} fields, but the header has {width}",
                    Location(path, line, column),
                )
            )
            continue
        entry: dict[str, object] = {
            name: _boolean(row[cell]) if name in _BOOLEAN_COLUMNS else shared.setdefault(row[cell], row[cell]) if is_repeated else row[cell]
            for name, cell, is_repeated in plain
            if row[cell]
        }
        if dims_cells:
            breakdown = {name: shared.setdefault(row[cell], row[cell]) for name, cell in dims_cells if row[cell]}
            if breakdown:
                entry["dims"] = breakdown
        if items_cell is not None and row[items_cell]:
            entry["items"] = _whole_number(row[items_cell])
        if tails_cell is not None and row[tails_cell]:
            entry["tails"] = _whole_number(row[tails_cell])
        if ignore_cell is not None and row[ignore_cell]:
            entry["ignore"] = [code for code in _CODES_SEPARATOR.split(row[ignore_cell]) if code]
        entries.append(entry)
    document.tables["claim"] = entries
    return document


def _rows(text: str, path: str, problems: list[Problem], broken_lines: set[int]) -> Iterator[tuple[int, list[str]]]:
    """(first line, cells) of each non-blank row; a CSV syntax error is reported and reading goes on.

    A quote that opens a field and is never closed would take the rest of the file into
    that field: it is reported where it opens, and reading starts again on the next line.
    The row it breaks is given with its cells before the quote, and its line is added to
    `broken_lines`.
    """
    start, first_line, header_read = 0, 1, False
    while start < len(text):
        last: tuple[int, list[str]] | None = None
        for row in _rows_from(text, start, first_line, path, problems):
            if last is not None:
                yield last
                header_read = True
            last = row
        if last is None:
            return
        line = last[0]
        row_start = _line_offset(text, start, line - first_line)
        unclosed = _unclosed_quote(text, row_start)
        if unclosed is None:
            yield last
            return
        quote, field = unclosed
        quote_line = line + len(_LINE_END.findall(text, row_start, quote))
        problems.append(
            Problem(
                INVALID_FILE.code,
                "this quote is never closed, so the rest of the file would be read into one cell: close it, or double it (\"\") to write a quote",
                Location(path, quote_line, field),
            )
        )
        if not header_read:
            return  # the header itself is broken: no row can be read against it
        broken_lines.add(line)
        yield line, next(csv.reader(io.StringIO(text[row_start:quote], newline="")), [])
        next_line = _LINE_END.search(text, quote)
        start, first_line = (next_line.end(), quote_line + 1) if next_line else (len(text), quote_line)


def _rows_from(text: str, start: int, first_line: int, path: str, problems: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text[start:] if start else text, newline=""))
    line = first_line
    while True:
        try:
            for row in reader:
                if row:
                    yield line, row
                line = first_line + reader.line_num
            return
        except csv.Error as error:
            problems.append(Problem(INVALID_FILE.code, f"CSV syntax error: {error}", Location(path, line, 1)))
            line = first_line + reader.line_num


def _line_offset(text: str, start: int, lines: int) -> int:
    """The offset of the line `lines` lines after the one starting at `start`."""
    if lines <= 0:
        return start
    found = next(itertools.islice(_LINE_END.finditer(text, start), lines - 1, None), None)
    return len(text) if found is None else found.end()


def _unclosed_quote(text: str, row_start: int) -> tuple[int, int] | None:
    """(offset, field number) of a quote that opens a field of the row at `row_start` and never closes, as csv.reader reads it."""
    position, field, at_field_start = row_start, 1, True
    while position < len(text):
        char = text[position]
        if at_field_start and char == '"':
            opening = position
            while True:
                closing = text.find('"', position + 1)
                if closing < 0:
                    return opening, field
                if not text.startswith('"', closing + 1):
                    break
                position = closing + 1  # a doubled quote is one quote inside the field
            position, at_field_start = closing + 1, False
            continue
        if char in "\r\n":
            return None
        at_field_start = char == ","
        if at_field_start:
            field += 1
        position += 1
    return None


def _read_header(cells: list[str], line: int, path: str, problems: list[Problem]) -> tuple[dict[str, int], dict[str, int]]:
    """The 1-based column of each claim field and of each `dims.<name>`; unknown and repeated columns are reported."""
    columns: dict[str, int] = {}
    dims: dict[str, int] = {}
    for column, cell in enumerate(cells, start=1):
        name = cell.strip()
        if name.startswith(DIMS_PREFIX) and name[len(DIMS_PREFIX) :]:
            target, key = dims, name[len(DIMS_PREFIX) :]
        elif name in CLAIM_COLUMNS:
            target, key = columns, name
        else:
            expected = ", ".join(CLAIM_COLUMNS)
            problems.append(
                Problem(
                    INVALID_FILE.code,
                    f"unknown column {cell!r}: expected one of {expected}, or dims.<name> for a breakdown",
                    Location(path, line, column),
                )
            )
            continue
        if key in target:
            problems.append(
                Problem(INVALID_FILE.code, f"column {name!r} appears twice (first in column {target[key]})", Location(path, line, column))
            )
            continue
        target[key] = column
    return columns, dims


def _boolean(cell: str) -> bool | str:
    """A true-or-false cell as TOML would give it; other text is kept for the loader to report."""
    return {"true": True, "false": False}.get(cell.strip().lower(), cell)


def _whole_number(cell: str) -> int | str:
    """`items` or `tails` as a number, as TOML would give it; text that is not one is kept for the loader to report."""
    try:
        return int(cell.replace(",", ""))
    except ValueError:
        return cell
