"""The raw entries of a fact file: their fields and types, and the plain path that takes a valid entry as it stands.

What that path leaves (an unknown key, a value of another type) `structuring` reads with
cattrs, which words every problem.
"""

from __future__ import annotations

import datetime
import functools
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

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
    "describe",
    "plain_fields",
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
    """The fields of a raw entry as `structuring.converter` would structure them, when it would take every value as it is; else None.

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
