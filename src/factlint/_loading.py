"""Load TOML and JSON fact files into a ClaimSet, turning every bad input into a located problem."""

from __future__ import annotations

import datetime
import json
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Union

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from factlint._codes import INVALID_FILE, INVALID_VALUE
from factlint._dates import DateError, DateRange, parse_date_range
from factlint._expressions import ExpressionError
from factlint._model import (
    Check,
    Claim,
    ClaimSet,
    FileSettings,
    Location,
    Part,
    Problem,
    Ratio,
    Relation,
    Same,
    Source,
    Sum,
)
from factlint._positions import SourceMap, json_source_map, toml_source_map
from factlint._quantities import DEFAULT_TOLERANCES, QuantityError, Tolerances, parse_quantity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["FACT_FILE_SUFFIXES", "discover", "load", "load_by_folder", "loads"]

FACT_FILE_SUFFIXES = (".facts.toml", ".facts.json", ".facts.csv")

Path_ = Union[str, Path]
DocPath = tuple[str | int, ...]


# -- the raw entries of a fact file, as cattrs structures them ----------------------------
# Text stays text here; quantities and dates are read afterwards, so that each problem can
# be reported at its own field.

StatedValue = Union[int, str]
StatedDate = Union[datetime.date, str]
StatedBase = Union[int, str]


@attrs.frozen
class _SourceEntry:
    id: str
    publisher: str = ""
    title: str = ""
    published: StatedDate | None = None
    url: str = ""
    cites: list[str] = attrs.field(factory=list)
    retrieved: StatedDate | None = None


@attrs.frozen
class _ClaimEntry:
    id: str
    metric: str
    value: StatedValue
    unit: str = ""
    per: str | None = None
    as_of: StatedDate | None = None
    period: StatedDate | None = None
    since: StatedDate | None = None
    dims: dict[str, str] = attrs.field(factory=dict)
    of: StatedBase | None = None
    statistic: str | None = None
    items: int = 1
    source: str | None = None
    quote: str = ""
    ignore: list[str] = attrs.field(factory=list)
    forecast: bool = False


@attrs.frozen
class _SumEntry:
    total: str
    parts: list[str]
    complete: bool = True


@attrs.frozen
class _PartEntry:
    part: str
    whole: str


@attrs.frozen
class _RatioEntry:
    of: str
    to: str
    factor: StatedValue


@attrs.frozen
class _SameEntry:
    claims: list[str]


@attrs.frozen
class _CheckEntry:
    expr: str
    name: str = ""
    message: str = ""


@attrs.frozen
class _FileEntry:
    ignore: list[str] = attrs.field(factory=list)
    infer: bool = True


_TABLES: dict[str, type] = {
    "source": _SourceEntry,
    "claim": _ClaimEntry,
    "sum": _SumEntry,
    "part": _PartEntry,
    "ratio": _RatioEntry,
    "same": _SameEntry,
    "check": _CheckEntry,
}
_RELATIONS: dict[type, type] = {
    _SumEntry: Sum,
    _PartEntry: Part,
    _RatioEntry: Ratio,
    _SameEntry: Same,
    _CheckEntry: Check,
}


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"text ({value!r})"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, datetime.date):
        return f"a date ({value})"
    return type(value).__name__


def _strict(expected: type, description: str):  # type: ignore[no-untyped-def]
    def structure(value: object, _: type) -> object:
        if (isinstance(value, bool) and expected is not bool) or not isinstance(value, expected):
            raise ValueError(f"expected {description}, not {_type_name(value)}")
        return value

    return structure


def _stated_value(value: object, _: type) -> object:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(f'expected a number or text such as "nearly 100", not {_type_name(value)}')
    return value


def _stated_date(value: object, _: type) -> object:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, (datetime.date, str)):
        return value
    raise ValueError(f'expected a date or date text such as "late May 2025", not {_type_name(value)}')


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_structure_hook(str, _strict(str, "text"))
    converter.register_structure_hook(int, _strict(int, "a whole number"))
    converter.register_structure_hook(bool, _strict(bool, "true or false"))
    converter.register_structure_hook(StatedValue, _stated_value)
    converter.register_structure_hook(StatedDate, _stated_date)
    converter.register_structure_hook(Union[StatedValue, None], _stated_value)
    converter.register_structure_hook(Union[StatedDate, None], _stated_date)
    converter.register_structure_hook_func(
        lambda type_: type_ == list[str], lambda value, _: _strict_list(converter, value)
    )
    return converter


def _strict_list(converter: cattrs.Converter, value: object) -> list[str]:
    if not isinstance(value, list):
        raise ValueError(f"expected a list of text, not {_type_name(value)}")
    errors = []
    for index, item in enumerate(value):
        if not isinstance(item, str):
            error = ValueError(f"expected text, not {_type_name(item)}")
            error.__notes__ = [IterableValidationNote(f"@ index {index}", index, str)]  # type: ignore[attr-defined]
            errors.append(error)
    if errors:
        raise IterableValidationError("While structuring a list of text", errors, list)
    return value


_converter = _make_converter()


# -- finding the files ---------------------------------------------------------------------


def discover(paths: Iterable[Path_]) -> list[Path]:
    """The fact files named, and those under the folders named, in a stable order.

    Raises FileNotFoundError for a path that does not exist.
    """
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.extend(
                sorted(
                    candidate
                    for candidate in path.rglob("*")
                    if candidate.name.endswith(FACT_FILE_SUFFIXES)
                    and candidate.is_file()
                    and not any(part.startswith(".") for part in candidate.relative_to(path).parts)
                )
            )
        elif path.exists():
            found.append(path)
        else:
            raise FileNotFoundError(f"{given}: no such file or folder")
    return list(dict.fromkeys(found))


def load(paths: Path_ | Iterable[Path_], *, tolerances: Tolerances = DEFAULT_TOLERANCES) -> ClaimSet:
    """Load fact files (and the fact files under folders) into one ClaimSet.

    Ids are shared across the files of one call, so sources may live in one file and
    claims in another. Bad input never raises: it becomes a problem with its location.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    documents = []
    for path in discover(paths):
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            documents.append(_Document.unreadable(str(path), f"not UTF-8 text: {error.reason} at byte {error.start}"))
            continue
        documents.append(_parse_document(text, str(path)))
    return _build(documents, tolerances)


def load_by_folder(
    paths: Path_ | Iterable[Path_], *, tolerances: Tolerances = DEFAULT_TOLERANCES
) -> list[tuple[Path, ClaimSet]]:
    """One claim set per folder, as the command line checks them.

    The fact files of one folder share ids (sources in one file, claims in another) and
    relations are inferred across them; different folders are independent, so unrelated
    stories in one repository never collide. A file named on its own brings the other
    fact files of its folder, whose sources and claims it may use.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    folders: dict[Path, list[Path]] = {}
    for path in discover(paths):
        folders.setdefault(path.parent, [])
    for folder in folders:
        folders[folder] = [
            path for path in sorted(folder.iterdir()) if path.name.endswith(FACT_FILE_SUFFIXES) and path.is_file()
        ]
    return [(folder, load(files, tolerances=tolerances)) for folder, files in folders.items()]


def loads(text: str, *, path: str = "<string>", format: str = "toml", tolerances: Tolerances = DEFAULT_TOLERANCES) -> ClaimSet:
    """Load one fact file's text; `format` is "toml" or "json"."""
    if format not in ("toml", "json"):
        raise ValueError(f"format must be 'toml' or 'json', not {format!r}")
    suffix = ".facts.json" if format == "json" else ".facts.toml"
    name = path if path.endswith(FACT_FILE_SUFFIXES) else path + suffix
    document = _parse_document(text, name)
    # The name with a suffix only chose the parser: problems found while parsing are at `path` too.
    problems = [
        attrs.evolve(problem, location=attrs.evolve(problem.location, path=path))
        if problem.location is not None and problem.location.path == name
        else problem
        for problem in document.problems
    ]
    return _build([attrs.evolve(document, path=path, problems=problems)], tolerances)


# -- parsing one file ------------------------------------------------------------------------


@attrs.define
class _Document:
    path: str
    tables: dict[str, list[Any]]
    source_map: SourceMap | None
    problems: list[Problem]
    # Ids of entries left out of `tables` because they could not be read at all (a CSV row of the wrong width).
    unreadable_ids: set[str] = attrs.field(factory=set)

    @classmethod
    def unreadable(cls, path: str, message: str, location: Location | None = None) -> _Document:
        return cls(path, {}, None, [Problem(INVALID_FILE.code, message, location or Location(path, 1, 1))])

    def locate(self, doc_path: DocPath, *, key: bool = False) -> Location:
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


_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_TABLE_HEADER = re.compile(r"^[ \t]*\[", re.MULTILINE)


def _parse_document(text: str, path: str) -> _Document:
    if path.endswith(".json"):
        return _parse_json(text, path)
    if path.endswith(".csv"):
        from factlint._csv_tables import parse_csv

        return parse_csv(text, path)
    return _parse_toml(text, path)


def _parse_toml(text: str, path: str) -> _Document:
    source_map = toml_source_map(text)
    try:
        raw = tomllib.loads(text)
    except ValueError as error:  # a TOMLDecodeError, or an integer too long for int()
        return _parse_toml_by_table(text, path, source_map, error)
    document = _Document(path, {}, source_map, [])
    _collect_tables(document, raw)
    return document


def _parse_toml_by_table(text: str, path: str, source_map: SourceMap, first_error: Exception) -> _Document:
    """Recover from a syntax error: parse each table on its own, so the rest of the file is still checked."""
    document = _Document(path, {}, source_map, [])
    starts = [match.start() for match in _TABLE_HEADER.finditer(text)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    starts.append(len(text))
    for begin, end in zip(starts, starts[1:]):
        chunk = text[begin:end]
        line_offset = text.count("\n", 0, begin)
        try:
            raw = tomllib.loads(chunk)
        except ValueError as error:
            if isinstance(error, tomllib.TOMLDecodeError):
                line, column = _toml_error_position(error)
                problem = Problem(INVALID_FILE.code, f"TOML syntax error: {_toml_error_message(error)}", Location(path, line + line_offset, column))
            else:
                problem = _too_long_number(chunk, path, line_offset)
            document.problems.append(problem)
            header = re.match(r"\s*\[\[\s*([A-Za-z_]+)\s*\]\]", chunk)
            if header:
                # Keep the table's place so later tables keep the indexes their positions use.
                document.tables.setdefault(header[1], []).append(None)
            continue
        _collect_tables(document, raw, merge=True)
    if not document.problems:  # pragma: no cover - the whole failed, so some table must
        line, column = _toml_error_position(first_error)
        document.problems.append(Problem(INVALID_FILE.code, f"TOML syntax error: {first_error}", Location(path, line, column)))
    return document


def _toml_error_position(error: Exception) -> tuple[int, int]:
    line = getattr(error, "lineno", None)
    column = getattr(error, "colno", None)
    if line is None:
        match = _TOML_POSITION.search(str(error))
        line, column = (int(match[1]), int(match[2])) if match else (1, 1)
    return line, column or 1


_LONG_NUMBER = re.compile(r"[0-9][0-9_]*")


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


def _toml_error_message(error: Exception) -> str:
    return getattr(error, "msg", None) or _TOML_POSITION.sub("", str(error)).strip()


def _parse_json(text: str, path: str) -> _Document:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        return _Document.unreadable(path, f"JSON syntax error: {error.msg}", Location(path, error.lineno, error.colno))
    except RecursionError:
        return _Document.unreadable(path, "JSON nested too deeply")
    except ValueError:  # an integer too long for int()
        problem = _too_long_number(text, path, 0)
        return _Document.unreadable(path, problem.message, problem.location)
    document = _Document(path, {}, json_source_map(text), [])
    if not isinstance(raw, dict):
        document.problems.append(
            Problem(INVALID_FILE.code, f"a fact file must hold an object with \"claim\", \"source\"... lists, not {_type_name(raw)}", Location(path, 1, 1))
        )
        return document
    _collect_tables(document, raw)
    return document


def _collect_tables(document: _Document, raw: Mapping[str, Any], *, merge: bool = False) -> None:
    for name, entries in raw.items():
        if name == "factlint":
            if not isinstance(entries, dict):
                document.problems.append(
                    Problem(INVALID_FILE.code, f"[factlint] must be a table, not {_type_name(entries)}", document.locate((name,), key=True))
                )
                continue
            document.tables["factlint"] = [entries]
            continue
        if name not in _TABLES:
            expected = ", ".join(f"[[{table}]]" for table in _TABLES)
            document.problems.append(
                Problem(INVALID_FILE.code, f"unknown table {name!r}: a fact file has {expected} and [factlint]", document.locate((name,), key=True))
            )
            continue
        if not isinstance(entries, list):
            document.problems.append(
                Problem(INVALID_FILE.code, f"{name!r} must be a list of tables ([[{name}]]), not {_type_name(entries)}", document.locate((name,), key=True))
            )
            continue
        document.tables.setdefault(name, []).extend(entries)


# -- building the claim set ----------------------------------------------------------------


@attrs.define
class _Builder:
    tolerances: Tolerances
    problems: list[Problem] = attrs.field(factory=list)
    unreadable_ids: set[str] = attrs.field(factory=set)

    def problem(self, code: str, message: str, location: Location) -> None:
        self.problems.append(Problem(code, message, location))

    def structure(self, document: _Document, table: str, index: int, raw: Any) -> Any:
        """The raw entry as its attrs class, or None after reporting each of its problems."""
        where = (table, index)
        if not isinstance(raw, dict):
            self.problem(INVALID_FILE.code, f"each [[{table}]] must be a table, not {_type_name(raw)}", document.locate(where))
            return None
        restored = _restore_decimal_text(raw, where, document.source_map)
        try:
            return _converter.structure(restored, _TABLES.get(table, _FileEntry))
        except (ClassValidationError, IterableValidationError, ValueError, TypeError) as error:
            for doc_path, message, at_key in _structure_errors(error, where, table):
                self.problem(INVALID_FILE.code, message, document.locate(doc_path, key=at_key))
            if isinstance(raw.get("id"), str):
                self.unreadable_ids.add(raw["id"])
            return None


def _restore_decimal_text(raw: dict[str, Any], where: DocPath, source_map: SourceMap | None) -> dict[str, Any]:
    """TOML floats lose their stated decimals ("15.70" becomes 15.7); take the text from the file instead."""
    for value in raw.values():
        if isinstance(value, float):
            break
    else:
        return raw
    restored = dict(raw)
    for key, value in raw.items():
        if isinstance(value, float):
            text = source_map.raw((*where, key)) if source_map is not None else None
            restored[key] = text.replace("_", "") if text else repr(value)
    return restored


def _structure_errors(error: BaseException, where: DocPath, table: str) -> Iterator[tuple[DocPath, str, bool]]:
    """Each leaf problem of a cattrs error: its document path, a plain message, and whether to point at the key."""
    if isinstance(error, ClassValidationError):
        with_notes, without_notes = error.group_exceptions()
        for inner, note in with_notes:
            yield from _structure_errors(inner, (*where, note.name), table)
        for inner in without_notes:
            yield from _structure_errors(inner, where, table)
    elif isinstance(error, IterableValidationError):
        with_notes, without_notes = error.group_exceptions()
        for inner, note in with_notes:
            yield from _structure_errors(inner, (*where, note.index), table)
        for inner in without_notes:
            yield from _structure_errors(inner, where, table)
    elif isinstance(error, ForbiddenExtraKeysError):
        entry = _TABLES.get(table, _FileEntry)
        allowed = ", ".join(field.name for field in attrs.fields(entry))
        for key in sorted(error.extra_fields):
            yield (*where, key), f"unknown key {key!r} in [[{table}]]; expected one of: {allowed}", True
    elif isinstance(error, KeyError):
        yield where, f"[[{table}]] is missing its required key {error.args[0]!r}", False
    else:
        field = next((str(part) for part in reversed(where) if isinstance(part, str)), table)
        message = str(error)
        if "required positional argument" in message:
            missing = re.findall(r"'(\w+)'", message)
            message = f"[[{table}]] is missing its required key {', '.join(repr(name) for name in missing)}"
            yield where[:2], message, False
        else:
            yield where, f"{field}: {message}", False


def _build(documents: list[_Document], tolerances: Tolerances) -> ClaimSet:
    builder = _Builder(tolerances)
    sources: list[Source] = []
    claims: list[Claim] = []
    relations: list[Relation] = []
    files: list[FileSettings] = []

    for document in documents:
        builder.problems.extend(document.problems)
        builder.unreadable_ids.update(document.unreadable_ids)
        for index, raw in enumerate(document.tables.get("source", [])):
            if raw is None:
                continue
            entry = builder.structure(document, "source", index, raw)
            if entry is not None:
                source = _source(builder, document, index, entry)
                if source is not None:
                    sources.append(source)
        settings = document.tables.get("factlint")
        if settings:
            entry = builder.structure(document, "factlint", 0, settings[0])
            if entry is not None:
                files.append(
                    FileSettings(
                        path=document.path,
                        ignore=entry.ignore,
                        infer=entry.infer,
                        location=document.locate(("factlint",)),
                        locations={"ignore": document.locate(("factlint", "ignore"))},
                    )
                )

    published = {source.id: source.published for source in sources}
    for document in documents:
        raw_claims = document.tables.get("claim", [])
        for index, raw in enumerate(raw_claims):
            if raw is None:
                continue
            # Let go of each raw entry once read, so that a large file never holds all of
            # its raw entries and all of its claims at once.
            raw_claims[index] = None
            entry = builder.structure(document, "claim", index, raw)
            if entry is not None:
                claim = _claim(builder, document, index, entry, published)
                if claim is not None:
                    claims.append(claim)
        for table in ("sum", "part", "ratio", "same", "check"):
            for index, raw in enumerate(document.tables.get(table, [])):
                if raw is None:
                    continue
                entry = builder.structure(document, table, index, raw)
                if entry is not None:
                    relation = _relation(builder, document, table, index, entry)
                    if relation is not None:
                        relations.append(relation)

    for document in documents:
        # The lazy locations keep their document: let go of its raw entries.
        document.tables = {}
    return ClaimSet(
        claims=claims,
        sources=sources,
        relations=relations,
        problems=builder.problems,
        files=files,
        unreadable_ids=builder.unreadable_ids,
    )


class _FieldLocations(Mapping[str, Location]):
    """Where each field of an entry was stated, looked up in the source map only when first asked for.

    Most claims never appear in a finding; finding a dozen positions for each claim of a
    large file up front was most of the time it took to load.
    """

    __slots__ = ("_document", "_fields", "_found", "_where")

    def __init__(self, document: _Document, where: DocPath, fields: tuple[str, ...]) -> None:
        self._document: _Document | None = document
        self._where = where
        self._fields = fields
        self._found: dict[str, Location] | None = None

    def _resolved(self) -> dict[str, Location]:
        found = self._found
        if found is None:
            document = self._document
            found = {}
            if document is not None and document.source_map is not None:
                for name in self._fields:
                    if document.source_map.value((*self._where, name)) is not None:
                        found[name] = document.locate((*self._where, name))
            self._found, self._document = found, None
        return found

    def __getitem__(self, field: str) -> Location:
        return self._resolved()[field]

    def __iter__(self) -> Iterator[str]:
        return iter(self._resolved())

    def __len__(self) -> int:
        return len(self._resolved())

    def __repr__(self) -> str:
        return repr(self._resolved())

    def __reduce__(self) -> tuple[type, tuple[dict[str, Location]]]:
        return dict, (self._resolved(),)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_locations(document: _Document, where: DocPath, entry: Any) -> Mapping[str, Location]:
    names = _FIELD_NAMES.get(type(entry))
    if names is None:
        names = _FIELD_NAMES[type(entry)] = tuple(field.name for field in attrs.fields(type(entry)))
    return _FieldLocations(document, where, names)


def _read_date(
    builder: _Builder, document: _Document, where: DocPath, field: str, stated: Any, reference: DateRange | None
) -> DateRange | None:
    if stated is None:
        return None
    try:
        return parse_date_range(stated, reference=reference.last if reference is not None else None)
    except DateError as error:
        message = str(error)
        if reference is None and "no year" in message:
            message += " (give the year, or a `published` date to its source)"
        builder.problem(INVALID_VALUE.code, f"{field}: {message}", document.locate((*where, field)))
        raise


def _source(builder: _Builder, document: _Document, index: int, entry: _SourceEntry) -> Source | None:
    where: DocPath = ("source", index)
    try:
        published = _read_date(builder, document, where, "published", entry.published, None)
        retrieved = _read_date(builder, document, where, "retrieved", entry.retrieved, None)
        return Source(
            id=entry.id,
            publisher=entry.publisher,
            title=entry.title,
            published=published,
            url=entry.url,
            cites=entry.cites,
            retrieved=retrieved,
            location=document.locate(where),
            locations=_field_locations(document, where, entry),
        )
    except DateError:
        builder.unreadable_ids.add(entry.id)
    except ValueError as error:
        builder.problem(INVALID_VALUE.code, str(error), document.locate((*where, "id")))
        builder.unreadable_ids.add(entry.id)
    return None


def _claim(
    builder: _Builder,
    document: _Document,
    index: int,
    entry: _ClaimEntry,
    published: Mapping[str, DateRange | None],
) -> Claim | None:
    where: DocPath = ("claim", index)
    reference = published.get(entry.source) if entry.source is not None else None
    readable = True
    try:
        value = parse_quantity(entry.value, builder.tolerances)
    except QuantityError as error:
        builder.problem(INVALID_VALUE.code, f"value: {error}", document.locate((*where, "value")))
        readable = False
    dates: dict[str, DateRange | None] = {}
    for field in ("as_of", "period", "since"):
        try:
            dates[field] = _read_date(builder, document, where, field, getattr(entry, field), reference)
        except DateError:
            readable = False
    if not readable:
        builder.unreadable_ids.add(entry.id)
        return None
    try:
        return Claim(
            id=entry.id,
            metric=entry.metric,
            value=value,
            unit=entry.unit,
            per=entry.per,
            dims=entry.dims,
            of=_base(entry.of),
            statistic=entry.statistic,
            items=entry.items,
            source=entry.source,
            quote=entry.quote,
            ignore=entry.ignore,
            forecast=entry.forecast,
            location=document.locate(where),
            locations=_field_locations(document, where, entry),
            **dates,
        )
    except (TypeError, ValueError) as error:
        named = re.match(r"(?:cannot read )?(per|statistic|items|of|ignore)\b", str(error))
        field = named[1] if named else "id"
        builder.problem(INVALID_VALUE.code, str(error), document.locate((*where, field)))
        builder.unreadable_ids.add(entry.id)
        return None


def _base(stated: int | str | None) -> int | str | None:
    """`of` is a number ("43" or 43) or the id of a claim holding the number."""
    if isinstance(stated, str) and stated.replace(",", "").strip().isdigit():
        return int(stated.replace(",", ""))
    return stated


def _relation(builder: _Builder, document: _Document, table: str, index: int, entry: Any) -> Relation | None:
    where: DocPath = (table, index)
    fields = attrs.asdict(entry)
    try:
        return _RELATIONS[type(entry)](
            **fields, location=document.locate(where), locations=_field_locations(document, where, entry)
        )
    except ExpressionError as error:
        location = document.locate((*where, "expr"))
        # Point inside the expression text, just after the opening quote.
        column = location.column + getattr(error, "column", 1)
        builder.problem(INVALID_VALUE.code, f"expr: {error}", attrs.evolve(location, column=column))
    except (QuantityError, ValueError) as error:
        field = {"ratio": "factor"}.get(table, next(iter(fields)))
        builder.problem(INVALID_VALUE.code, f"{field}: {error}", document.locate((*where, field)))
    return None
