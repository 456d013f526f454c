"""Build the model from the raw entries of parsed fact files, each problem located at the field where it was written."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from fractions import Fraction
from typing import Any

import attrs

from factlint._codes import INVALID_FILE, INVALID_VALUE
from factlint._dates import DateError, DateRange, parse_date_range
from factlint._expressions import ExpressionError
from factlint._loading.documents import Document
from factlint._loading.entries import (
    RELATION_TABLES,
    ClaimEntry,
    FileEntry,
    SourceEntry,
    StatedDate,
    describe,
    plain_fields,
)
from factlint._loading.locations import LazyLocation
from factlint._model import (
    EMPTY_CODE_MESSAGE,
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
from factlint._patterns import lazy_pattern
from factlint._positions import Path as DocPath
from factlint._positions import SourceMap
from factlint._quantities import Quantity, QuantityError, Tolerances, parse_quantity
from factlint._reported_tests import reported_test_quantity

__all__ = ["FileBuild", "build", "build_file", "combine", "published_dates", "sources_of"]

# By the table that states each relation, as RELATION_TABLES names its entry class.
_RELATION_MODELS: dict[str, type[Relation]] = {
    "sum": Sum,
    "part": Part,
    "ratio": Ratio,
    "same": Same,
    "check": Check,
}


@functools.cache
def _field_names(entry_class: type[attrs.AttrsInstance]) -> tuple[str, ...]:
    return tuple(field.name for field in attrs.fields(entry_class))


# Dates are read against the date their source was published ("late May" of which year);
# `of` may be a number written as text; the value is read with the run's tolerances.
_SOURCE_DATES = ("published", "retrieved")
_CLAIM_DATES = ("as_of", "period", "since")
# A Claim's error names its field first ("items must be at least 1", "cannot read per = ...").
_NAMED_FIELD = lazy_pattern(r"(?:cannot read )?(\w+)")
# `of = 3.0`: a base written as a decimal number.
_DECIMAL_BASE = lazy_pattern(r"-?[0-9][0-9,]*\.[0-9]+")


@attrs.define
class _Builder:
    tolerances: Tolerances
    fiscal_year_start: int
    problems: list[Problem] = attrs.field(factory=list)
    # A file's own `[factlint] fiscal_year_start`, by the file's path.
    fiscal_year_starts: dict[str, int] = attrs.field(factory=dict)
    unreadable_ids: set[str] = attrs.field(factory=set)
    # What the file's values and dates were read as: quantities and date ranges are immutable, and a
    # large file states the same few again and again.
    quantities: dict[int | str, Quantity] = attrs.field(factory=dict)
    dates: dict[tuple[StatedDate, DateRange | None, int], DateRange] = attrs.field(factory=dict)

    def problem(self, code: str, message: str, location: Location) -> None:
        self.problems.append(Problem(code, message, location))

    def structure(
        self, document: Document, where: DocPath, raw: object, entry_class: type[attrs.AttrsInstance]
    ) -> dict[str, Any] | None:
        """The fields of the raw entry at `where` (("claim", 3), or ("factlint",)), or None after reporting its problems."""
        if isinstance(raw, dict):
            fields = plain_fields(raw, entry_class)
            if fields is not None:
                return fields
        return self.structure_by_cattrs(document, where, raw, entry_class)

    def structure_by_cattrs(
        self, document: Document, where: DocPath, raw: object, entry_class: type[attrs.AttrsInstance]
    ) -> dict[str, Any] | None:
        """The fields of the raw entry at `where` as cattrs structures them into `entry_class`, each problem worded and located."""
        heading = f"[{where[0]}]" if len(where) == 1 else f"[[{where[0]}]]"
        if not isinstance(raw, dict):
            self.problem(INVALID_FILE.code, f"each {heading} must be a table, not {describe(raw)}", document.locate(where))
            return None
        # Imported here: cattrs is needed only for such entries, and a run on valid files
        # should not pay for its import at start-up.
        from factlint._loading.structuring import STRUCTURING_ERRORS, converter, structure_errors

        restored = _restore_decimal_text(raw, where, document.source_map)
        try:
            return attrs.asdict(converter.structure(restored, entry_class), recurse=False)
        except STRUCTURING_ERRORS as error:
            for doc_path, message, at_key in structure_errors(error, where, heading, entry_class):
                self.problem(INVALID_FILE.code, message, document.locate(doc_path, key=at_key))
            stated_id = raw.get("id")
            if isinstance(stated_id, str):
                self.unreadable_ids.add(stated_id)
            return None

    def sources_of(self, document: Document) -> FileBuild:
        """The file's first pass: its reading problems, its [factlint] table and its sources."""
        self.problems.extend(document.problems)
        self.unreadable_ids.update(document.unreadable_ids)
        file_build = FileBuild(document.path, first_problems=self.problems, unreadable_ids=self.unreadable_ids)
        settings = document.tables.get("factlint")
        if settings:
            file_settings = _file_settings(self, document, settings[0])
            if file_settings is not None:
                file_build.files.append(file_settings)
                if file_settings.fiscal_year_start is not None:
                    self.fiscal_year_starts[document.path] = file_settings.fiscal_year_start
        for index, raw in enumerate(document.tables.get("source", [])):
            if raw is None:
                continue
            source_fields = self.structure(document, ("source", index), raw, SourceEntry)
            if source_fields is not None:
                source = _source(self, document, index, source_fields)
                if source is not None:
                    file_build.sources.append(source)
        return file_build

    def claims_of(self, document: Document, file_build: FileBuild, published: Mapping[str, DateRange | None]) -> None:
        """The file's second pass: its claims, read against the `published` dates of their sources, and its relations."""
        self.problems = file_build.second_problems
        raw_claims = document.tables.get("claim", [])
        for index, raw in enumerate(raw_claims):
            if raw is None:
                continue
            # Let go of each raw entry once read, so that a large file never holds all of
            # its raw entries and all of its claims at once.
            raw_claims[index] = None
            claim_fields = self.structure(document, ("claim", index), raw, ClaimEntry)
            if claim_fields is not None:
                source = claim_fields["source"]
                if source is not None:
                    file_build.published_used[source] = published.get(source)
                claim = _claim(self, document, index, claim_fields, published)
                if claim is not None:
                    file_build.claims.append(claim)
        for table, entry_class in RELATION_TABLES.items():
            for index, raw in enumerate(document.tables.get(table, [])):
                if raw is None:
                    continue
                relation_fields = self.structure(document, (table, index), raw, entry_class)
                if relation_fields is not None:
                    relation = _relation(self, document, table, index, relation_fields)
                    if relation is not None:
                        file_build.relations.append(relation)


def _restore_decimal_text(raw: dict[str, object], where: DocPath, source_map: SourceMap | None) -> dict[str, object]:
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


@attrs.define
class FileBuild:
    """What one fact file gives its folder's claim set, built from the file alone and the `published` dates it reads."""

    path: str
    # The problems of reading the file, its [factlint] table and its sources, and then those of its
    # claims and relations: a folder lists all files' first problems before the second ones.
    first_problems: list[Problem] = attrs.field(factory=list)
    second_problems: list[Problem] = attrs.field(factory=list)
    unreadable_ids: set[str] = attrs.field(factory=set)
    files: list[FileSettings] = attrs.field(factory=list)
    sources: list[Source] = attrs.field(factory=list)
    claims: list[Claim] = attrs.field(factory=list)
    relations: list[Relation] = attrs.field(factory=list)
    # The `published` date of each source its claims name (None: no such source, or no date),
    # against which their dates were read: when one changes, the file is built again.
    published_used: dict[str, DateRange | None] = attrs.field(factory=dict)


def build(documents: list[Document], tolerances: Tolerances, fiscal_year_start: int = 10) -> ClaimSet:
    """One claim set of the parsed files: ids are shared across them, and every problem is kept, located."""
    builders = [_Builder(tolerances, fiscal_year_start) for _ in documents]
    builds = [builder.sources_of(document) for builder, document in zip(builders, documents)]
    published = published_dates(builds)
    for builder, document, file_build in zip(builders, documents, builds):
        builder.claims_of(document, file_build, published)
    for document in documents:
        # The lazy locations keep their document: let go of its raw entries.
        document.tables = {}
    return combine(builds)


def build_file(document: Document, tolerances: Tolerances, fiscal_year_start: int, published: Mapping[str, DateRange | None]) -> FileBuild:
    """One file built on its own, its claims read against the `published` dates of its folder's sources."""
    builder = _Builder(tolerances, fiscal_year_start)
    file_build = builder.sources_of(document)
    builder.claims_of(document, file_build, published)
    document.tables = {}
    return file_build


def sources_of(document: Document, tolerances: Tolerances, fiscal_year_start: int) -> list[Source]:
    """The sources of one file, for the `published` dates its folder's claims are read against."""
    return _Builder(tolerances, fiscal_year_start).sources_of(document).sources


def published_dates(builds: Iterable[FileBuild]) -> dict[str, DateRange | None]:
    """The `published` date of every source of a folder, by id (a repeated id: the last one)."""
    return {source.id: source.published for file_build in builds for source in file_build.sources}


def combine(builds: list[FileBuild]) -> ClaimSet:
    """The claim set of a folder's files, in the order of the files."""
    return ClaimSet(
        claims=[claim for file_build in builds for claim in file_build.claims],
        sources=[source for file_build in builds for source in file_build.sources],
        relations=[relation for file_build in builds for relation in file_build.relations],
        problems=[problem for file_build in builds for problem in file_build.first_problems]
        + [problem for file_build in builds for problem in file_build.second_problems],
        files=[settings for file_build in builds for settings in file_build.files],
        unreadable_ids={stated_id for file_build in builds for stated_id in file_build.unreadable_ids},
    )


class _FieldLocations(Mapping[str, Location]):
    """Where each field of an entry was stated, looked up in the source map only when first asked for.

    Most claims never appear in a finding; finding a dozen positions for each claim of a
    large file up front was most of the time it took to load.
    """

    __slots__ = ("_document", "_fields", "_found", "_where")

    def __init__(self, document: Document, where: DocPath, entry_class: type[attrs.AttrsInstance]) -> None:
        self._document: Document | None = document
        self._where = where
        self._fields = _field_names(entry_class)
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

    def __reduce__(self) -> tuple[Any, ...]:
        # Stored as it stands (for the cache): positions not found yet are found after loading, if ever.
        return _field_locations, (self._document, self._where, self._fields, self._found)


def _field_locations(
    document: Document | None, where: DocPath, fields: tuple[str, ...], found: dict[str, Location] | None
) -> _FieldLocations:
    locations = _FieldLocations.__new__(_FieldLocations)
    locations._document, locations._where, locations._fields, locations._found = document, where, fields, found
    return locations


def _file_settings(builder: _Builder, document: Document, raw: object) -> FileSettings | None:
    fields = builder.structure(document, ("factlint",), raw, FileEntry)
    if fields is None:
        return None
    fields["ignore"] = _stated_codes(builder, document, ("factlint",), fields["ignore"])
    try:
        return FileSettings(
            path=document.path,
            **fields,
            location=document.locate(("factlint",)),
            locations={"ignore": document.locate(("factlint", "ignore"))},
        )
    except ValueError as error:
        builder.problem(INVALID_VALUE.code, str(error), document.locate(("factlint", "fiscal_year_start")))
        return None


def _stated_codes(builder: _Builder, document: Document, where: DocPath, codes: list[str]) -> list[str]:
    """The codes an `ignore` names; an empty one, which would silence every rule, is reported and left out."""
    if all(code.strip() for code in codes):
        return codes
    for index, code in enumerate(codes):
        if not code.strip():
            builder.problem(INVALID_VALUE.code, EMPTY_CODE_MESSAGE, document.locate((*where, "ignore", index)))
    return [code for code in codes if code.strip()]


def _read_date(
    builder: _Builder, document: Document, where: DocPath, field: str, stated: StatedDate | None, reference: DateRange | None
) -> DateRange | None:
    if stated is None:
        return None
    fiscal_year_start = builder.fiscal_year_starts.get(document.path, builder.fiscal_year_start)
    key = (stated, reference, fiscal_year_start)
    known = builder.dates.get(key)
    if known is not None:
        return known
    try:
        builder.dates[key] = read = parse_date_range(stated, reference=reference, fiscal_year_start=fiscal_year_start)
    except DateError as error:
        message = str(error)
        if reference is None and "published date" in message:
            message += " (give the date in full, or a `published` date to its source)"
        builder.problem(INVALID_VALUE.code, f"{field}: {message}", document.locate((*where, field)))
        raise
    return read


def _source(builder: _Builder, document: Document, index: int, fields: dict[str, Any]) -> Source | None:
    where: DocPath = ("source", index)
    try:
        for field in _SOURCE_DATES:
            fields[field] = _read_date(builder, document, where, field, fields[field], None)
        return Source(
            **fields,
            location=LazyLocation.of(document, where),
            locations=_FieldLocations(document, where, SourceEntry),
        )
    except DateError:
        builder.unreadable_ids.add(fields["id"])
    except ValueError as error:
        builder.problem(INVALID_VALUE.code, str(error), document.locate((*where, "id")))
        builder.unreadable_ids.add(fields["id"])
    return None


def _claim(
    builder: _Builder,
    document: Document,
    index: int,
    fields: dict[str, Any],
    published: Mapping[str, DateRange | None],
) -> Claim | None:
    """The claim of the fields of the [[claim]] at `index`; its value, base and dates are read here, each problem at its field."""
    where: DocPath = ("claim", index)
    stated_value, stated_base = fields.pop("value"), fields.pop("of")
    source = fields["source"]
    reference = published.get(source) if source is not None else None
    readable = True
    try:
        value = _quantity(builder, stated_value)
    except QuantityError as error:
        builder.problem(INVALID_VALUE.code, f"value: {error}", document.locate((*where, "value")))
        readable = False
    fields["ignore"] = _stated_codes(builder, document, where, fields["ignore"])
    for field in _CLAIM_DATES:
        try:
            fields[field] = _read_date(builder, document, where, field, fields[field], reference)
        except DateError:
            readable = False
    if not readable:
        builder.unreadable_ids.add(fields["id"])
        return None
    try:
        return Claim(
            **fields,
            value=value,
            of=_base(stated_base),
            location=LazyLocation.of(document, where),
            locations=_FieldLocations(document, where, ClaimEntry),
        )
    except (TypeError, ValueError) as error:
        named = _NAMED_FIELD.match(str(error))
        field = named[1] if named and named[1] in _field_names(ClaimEntry) else "id"
        builder.problem(INVALID_VALUE.code, str(error), document.locate((*where, field)))
        builder.unreadable_ids.add(fields["id"])
        return None


def _quantity(builder: _Builder, stated: int | str) -> Quantity:
    """A claim's value: a reported test result ("t(28) = 2.20, p = .04") as its statistic, else a quantity."""
    known = builder.quantities.get(stated)
    if known is None:
        test_value = reported_test_quantity(stated) if isinstance(stated, str) else None
        known = builder.quantities[stated] = test_value or parse_quantity(stated, builder.tolerances)
    return known


def _base(stated: int | str | None) -> int | str | None:
    """`of` is a number ("43", 43, or 43.0 as TOML and JSON may write it) or the id of a claim holding the number."""
    if isinstance(stated, str) and stated.replace(",", "").strip().isdigit():
        return int(stated.replace(",", ""))
    if isinstance(stated, str) and _DECIMAL_BASE.fullmatch(stated.strip()):
        number = Fraction(stated.strip().replace(",", ""))
        if number.denominator != 1:
            raise ValueError(f"of must be a positive whole number (the base n) or a claim id, not {stated.strip()}")
        return int(number)
    return stated


def _relation(builder: _Builder, document: Document, table: str, index: int, fields: dict[str, Any]) -> Relation | None:
    where: DocPath = (table, index)
    entry_class: type[attrs.AttrsInstance] = RELATION_TABLES[table]
    try:
        return _RELATION_MODELS[table](**fields, location=LazyLocation.of(document, where), locations=_FieldLocations(document, where, entry_class))
    except ExpressionError as error:
        builder.problem(INVALID_VALUE.code, f"expr: {error}", _inside_string(document, (*where, "expr"), error.column - 1))
    except (QuantityError, ValueError) as error:
        field = {"ratio": "factor"}.get(table, _field_names(entry_class)[0])
        builder.problem(INVALID_VALUE.code, f"{field}: {error}", document.locate((*where, field)))
    return None



# An escape sequence in a TOML or JSON string: one character of the text it stands for,
# or none for a TOML line-ending backslash (which also drops the blanks after it).
_STRING_ESCAPE = lazy_pattern(r"\\(?:[ \t]*\r?\n[ \t\r\n]*|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.S)
# JSON writes a character beyond U+FFFF as two escapes.
_SURROGATE_PAIR_ESCAPE = lazy_pattern(r"\\u[dD][89abAB][0-9A-Fa-f]{2}\\u[dD][c-fC-F][0-9A-Fa-f]{2}")


def _inside_string(document: Document, where: DocPath, index: int) -> Location:
    """Where the character `index` of the string at `where` was written, counting escapes and line breaks as written."""
    location = document.locate(where)
    raw = document.source_map.raw(where) if document.source_map is not None else None
    if raw is None or not raw.startswith(('"', "'")):
        return attrs.evolve(location, column=location.column + 1 + index)
    offset = _raw_offset(raw, index)
    before = raw[:offset]
    newlines = before.count("\n")
    if not newlines:
        return attrs.evolve(location, column=location.column + offset)
    return attrs.evolve(location, line=location.line + newlines, column=offset - before.rfind("\n"))


def _raw_offset(raw: str, index: int) -> int:
    """The offset in a string as written (with its quotes) of the character `index` of the string it stands for."""
    quotes = 3 if raw.startswith(('"""', "'''")) else 1
    offset = quotes
    if quotes == 3:
        # A line break right after the opening quotes is not part of the string.
        offset += 2 if raw.startswith("\r\n", offset) else 1 if raw.startswith("\n", offset) else 0
    escapes = raw.startswith('"')
    count = 0
    while offset < len(raw):
        escape = _STRING_ESCAPE.match(raw, offset) if escapes and raw[offset] == "\\" else None
        if escape is not None and "\n" in escape.group():
            offset = escape.end()
            continue
        if count == index:
            break
        if escape is not None:
            offset = (_SURROGATE_PAIR_ESCAPE.match(raw, offset) or escape).end()
        else:
            # tomllib reads a CRLF line break as one LF.
            offset += 2 if raw.startswith("\r\n", offset) else 1
        count += 1
    return offset
