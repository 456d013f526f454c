"""Claims, sources, relations and claim sets written back as TOML fact-file text that loads to the same values.

Hypothesis and IPython print a value through its `_repr_pretty_`: the model's classes use
this, so a failing example prints as a fact file one can paste into `*.facts.toml`.
An entry names its table in `_fact_file_table` ("claim", "sum", ...); its fields are written
under their own names, which are the fact file's keys, leaving out those at their default.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, Protocol

import attrs

from factlint._dates import DateError, DateRange, parse_date_range
from factlint._expressions import Expression
from factlint._patterns import lazy_pattern
from factlint._quantities import Factor, Quantity, Reading

__all__ = ["FactFileEntry", "PrettyPrinter", "fact_file_text", "pretty_as_fact_file"]

# A bare key in TOML: letters, digits, underscores and dashes; anything else is quoted.
_BARE_KEY = lazy_pattern(r"[A-Za-z0-9_-]+")
_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
# The order in which a fact file's relations load: sums, parts, ratios, sames, then checks.
_RELATION_TABLES = ("sum", "part", "ratio", "same", "check")


class FactFileEntry(Protocol):
    """An attrs class of the model that a fact-file table states: `_fact_file_table` names the table."""

    _fact_file_table: ClassVar[str]


class PrettyPrinter(Protocol):
    """The part of Hypothesis' (and IPython's) pretty printer that `_repr_pretty_` uses."""

    def text(self, obj: str) -> None: ...


def pretty_as_fact_file(
    printer: PrettyPrinter, heading: str, entries: Sequence[FactFileEntry], notes: Iterable[str] = ()
) -> None:
    """`_repr_pretty_` for the model: the fact file on lines of its own, so that it can be pasted whole."""
    try:
        text = fact_file_text(entries, notes)
    except ValueError:  # a number beyond what Python writes as text (over 4,300 digits)
        printer.text(", ".join(object.__repr__(entry) for entry in entries))
        return
    printer.text(f"\n# {heading} as a fact file (*.facts.toml):\n{text}")


def fact_file_text(entries: Iterable[FactFileEntry], notes: Iterable[str] = ()) -> str:
    """The TOML text of these entries (sources, claims, relations), relations in the order they load back in."""
    ordered = sorted(entries, key=_entry_order)
    comments = [f"# {' '.join(note.split())}" for note in notes]
    blocks = ["\n".join(comments)] if comments else []
    blocks += ["\n".join(_entry_lines(entry)) for entry in ordered]
    return "\n\n".join(blocks) + "\n"


def _entry_order(entry: FactFileEntry) -> int:
    table = entry._fact_file_table
    return 1 + _RELATION_TABLES.index(table) if table in _RELATION_TABLES else 0


def _entry_lines(entry: FactFileEntry) -> Iterator[str]:
    yield f"[[{entry._fact_file_table}]]"
    fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(type(entry))  # type: ignore[arg-type]
    for field in fields:
        if not (field.init and field.eq):  # where it was stated, and what is derived from it
            continue
        value = getattr(entry, field.name)
        default = field.default.factory() if isinstance(field.default, attrs.Factory) else field.default  # type: ignore[arg-type, union-attr]
        if value is None or (default is not attrs.NOTHING and value == default):
            continue
        yield f"{field.name} = {_value(value)}"


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, Quantity):
        return _quantity(value)
    if isinstance(value, DateRange):
        return _date_range(value)
    if isinstance(value, (Factor, Expression)):
        return _string(value.text)
    if isinstance(value, enum.Enum):
        return _value(value.value)
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(key)} = {_value(item)}" for key, item in value.items()) + " }"
    if isinstance(value, tuple):
        return "[" + ", ".join(map(_value, value)) + "]"
    raise TypeError(f"a fact file cannot state {type(value).__name__} {value!r}")


def _string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    escaped = []
    for character in text:
        if character in _SHORT_ESCAPES:
            escaped.append(_SHORT_ESCAPES[character])
        elif ord(character) < 0x20 or ord(character) == 0x7F:
            escaped.append(f"\\u{ord(character):04x}")
        else:
            escaped.append(character)
    return '"' + "".join(escaped) + '"'


def _key(name: str) -> str:
    return name if _BARE_KEY.fullmatch(name) else _string(name)


def _quantity(quantity: Quantity) -> str:
    # A TOML number is exact data: only a whole one is written as a number, as the loader reads it.
    if quantity.reading is Reading.DATA and quantity.nominal.denominator == 1:
        return str(quantity.nominal.numerator)
    return _string(quantity.text)


def _date_range(dates: DateRange) -> str:
    """The stated text when it reads back as the same days, else the days as an EDTF interval."""
    if dates.text:
        try:
            if parse_date_range(dates.text) == dates:
                return _string(dates.text)
        except DateError:
            pass  # relative to a source's publication: its days are written out instead
    first, last = (day.isoformat() if day is not None else ".." for day in (dates.first, dates.last))
    if dates.first is not None and dates.first == dates.last:
        return _string(first)
    return _string(f"{first}/{last}")
