"""The raw entries of a fact file as cattrs structures them, and cattrs's errors as plain messages with their paths."""

from __future__ import annotations

import datetime
import functools
import re
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from factlint._positions import Path as DocPath

__all__ = [
    "RELATION_TABLES",
    "TABLES",
    "CheckEntry",
    "ClaimEntry",
    "FileEntry",
    "PartEntry",
    "RatioEntry",
    "RelationEntry",
    "SameEntry",
    "SourceEntry",
    "StatedDate",
    "SumEntry",
    "converter",
    "describe",
    "plain_fields",
    "structure_errors",
]

# Text stays text here; quantities and dates are read afterwards, so that each problem can
# be reported at its own field.
StatedValue = int | str
StatedDate = datetime.date | str
StatedBase = int | str


@attrs.frozen
class SourceEntry:
    id: str
    publisher: str = ""
    title: str = ""
    published: StatedDate | None = None
    url: str = ""
    cites: list[str] = attrs.field(factory=list)
    retrieved: StatedDate | None = None


@attrs.frozen
class ClaimEntry:
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
    mean: str | None = None
    binary: bool = False
    tails: int | None = None


@attrs.frozen
class SumEntry:
    total: str
    parts: list[str]
    complete: bool = True


@attrs.frozen
class PartEntry:
    part: str
    whole: str


@attrs.frozen
class RatioEntry:
    of: str
    to: str
    factor: StatedValue


@attrs.frozen
class SameEntry:
    claims: list[str]


@attrs.frozen
class CheckEntry:
    expr: str
    name: str = ""
    message: str = ""


@attrs.frozen
class FileEntry:
    """The `[factlint]` table: a single table, not one of the arrays of tables a fact file lists."""

    ignore: list[str] = attrs.field(factory=list)
    infer: bool = True
    # The month this file's fiscal years start in, when its figures come from one
    # organisation's accounts: it wins over the run's `fiscal-year-start` setting.
    fiscal_year_start: int | None = None


RelationEntry = SumEntry | PartEntry | RatioEntry | SameEntry | CheckEntry

RELATION_TABLES: dict[str, type[RelationEntry]] = {
    "sum": SumEntry,
    "part": PartEntry,
    "ratio": RatioEntry,
    "same": SameEntry,
    "check": CheckEntry,
}
# The arrays of tables of a fact file, in the order an error message lists them.
TABLES: dict[str, type[SourceEntry | ClaimEntry | RelationEntry]] = {
    "source": SourceEntry,
    "claim": ClaimEntry,
    **RELATION_TABLES,
}


def describe(value: object) -> str:
    """A raw value as an error message names it: "a number (5)", "text ('five')", "a list"."""
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


def _strict(expected: type[object], description: str) -> Callable[[object, type[object]], object]:
    """A hook that takes only values of `expected` as they are: no text read as a number, no number as text."""

    def structure(value: object, _: type[object]) -> object:
        if (isinstance(value, bool) and expected is not bool) or not isinstance(value, expected):
            raise ValueError(f"expected {description}, not {describe(value)}")
        return value

    return structure


def _stated_value(value: object, _: type[object]) -> StatedValue:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(f'expected a number or text such as "nearly 100", not {describe(value)}')
    return value


def _stated_date(value: object, _: type[object]) -> StatedDate:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, (datetime.date, str)):
        return value
    raise ValueError(f'expected a date or date text such as "late May 2025", not {describe(value)}')


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_structure_hook(str, _strict(str, "text"))
    converter.register_structure_hook(int, _strict(int, "a whole number"))
    converter.register_structure_hook(bool, _strict(bool, "true or false"))
    converter.register_structure_hook(StatedValue, _stated_value)
    converter.register_structure_hook(StatedDate, _stated_date)
    converter.register_structure_hook(StatedValue | None, _stated_value)
    converter.register_structure_hook(StatedDate | None, _stated_date)

    def strict_list(value: object, _: type[object]) -> list[str]:
        # A text is iterable too: refuse it here, where cattrs would read it letter by letter.
        if not isinstance(value, list):
            raise ValueError(f"expected a list of text, not {describe(value)}")
        # Structured as a tuple, so that each item is read by the strict `str` hook and each
        # error is noted with its index.
        return list(converter.structure(value, tuple[str, ...]))

    converter.register_structure_hook_func(lambda type_: type_ == list[str], strict_list)

    structure_table = converter.get_structure_hook(dict[str, str])

    def strict_table(value: object, type_: type[object]) -> dict[str, str]:
        # cattrs would call .items() on whatever it is given, and report that it has none.
        if not isinstance(value, dict):
            raise ValueError(f'expected a table such as {{ charge = "AWOL" }}, not {describe(value)}')
        table: dict[str, str] = structure_table(value, type_)
        return table

    converter.register_structure_hook_func(lambda type_: type_ == dict[str, str], strict_table)
    return converter


converter = _make_converter()


@attrs.frozen
class _PlainShape:
    """What a raw entry holds when the converter would hand each of its values on unchanged."""

    # The exact types of a value cattrs's hooks take as they are, by key; a bool is no int here.
    types: dict[str, tuple[type, ...]]
    required: frozenset[str]
    defaults: dict[str, object]
    factories: tuple[tuple[str, Callable[[], object]], ...]


def _unchanged_types(annotation: object) -> tuple[type, ...]:
    """The types the strict hooks pass through unchanged for a field so annotated (None aside: JSON's null is rare).

    Any other annotation gives no type, so that an entry stating such a field is left to cattrs.
    """
    members = typing.get_args(annotation) if isinstance(annotation, types.UnionType) else (annotation,)
    unchanged: list[type] = []
    for member in members:
        if member in (str, int, bool, datetime.date):
            unchanged.append(member)
        elif member == list[str]:
            unchanged.append(list)
        elif member == dict[str, str]:
            unchanged.append(dict)
    return tuple(unchanged)


@functools.cache
def _plain_shape(entry_class: type[attrs.AttrsInstance]) -> _PlainShape:
    hints = typing.get_type_hints(entry_class)
    fields = attrs.fields(entry_class)
    return _PlainShape(
        types={field.name: _unchanged_types(hints[field.name]) for field in fields},
        required=frozenset(field.name for field in fields if field.default is attrs.NOTHING),
        defaults={
            field.name: field.default
            for field in fields
            if field.default is not attrs.NOTHING and not isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]
        },
        factories=tuple(
            (field.name, field.default.factory)
            for field in fields
            if isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]
        ),
    )


def plain_fields(raw: dict[str, object], entry_class: type[attrs.AttrsInstance]) -> dict[str, Any] | None:
    """The fields of a raw entry as `converter` would structure them, when it would take every value as it is; else None.

    Nearly every entry of a fact file is such a table of known keys and plain values, and
    reading it so costs a fraction of cattrs's structuring. In any doubt (an unknown key, a
    missing one, a type the hooks would convert or refuse) it is None, and cattrs reads the
    entry and words its errors.
    """
    shape = _plain_shape(entry_class)
    types_by_key = shape.types
    for key, value in raw.items():
        kind = type(value)
        if kind not in types_by_key.get(key, ()):
            return None
        if kind is list:
            if not all(type(item) is str for item in value):  # type: ignore[attr-defined]
                return None
        elif kind is dict and not all(
            type(name) is str and type(text) is str
            for name, text in value.items()  # type: ignore[attr-defined]
        ):
            return None
    if not shape.required <= raw.keys():
        return None
    fields = {**shape.defaults, **raw}
    for name, factory in shape.factories:
        if name not in raw:
            fields[name] = factory()
    return fields


def structure_errors(
    error: BaseException, where: DocPath, heading: str, entry_class: type[attrs.AttrsInstance]
) -> Iterator[tuple[DocPath, str, bool]]:
    """Each leaf problem of a cattrs error: its document path, a plain message, and whether to point at the key.

    `heading` names the entry's table as the file writes it: "[[claim]]", or "[factlint]".
    """
    if isinstance(error, ClassValidationError):
        with_names, without_names = error.group_exceptions()
        for inner, attribute in with_names:
            yield from structure_errors(inner, (*where, attribute.name), heading, entry_class)
        for inner in without_names:
            yield from structure_errors(inner, where, heading, entry_class)
    elif isinstance(error, IterableValidationError):
        with_indexes, without_indexes = error.group_exceptions()
        for inner, item in with_indexes:
            yield from structure_errors(inner, (*where, item.index), heading, entry_class)
        for inner in without_indexes:
            yield from structure_errors(inner, where, heading, entry_class)
    elif isinstance(error, ForbiddenExtraKeysError):
        allowed = ", ".join(field.name for field in attrs.fields(entry_class))
        for key in sorted(error.extra_fields):
            yield (*where, key), f"unknown key {key!r} in {heading}; expected one of: {allowed}", True
    elif isinstance(error, KeyError):
        yield where, f"{heading} is missing its required key {error.args[0]!r}", False
    else:
        field = next((str(part) for part in reversed(where) if isinstance(part, str)), heading)
        message = str(error)
        if "required positional argument" in message:
            missing = re.findall(r"'(\w+)'", message)
            message = f"{heading} is missing its required key {', '.join(repr(name) for name in missing)}"
            yield where[:2], message, False
        else:
            yield where, f"{field}: {message}", False
