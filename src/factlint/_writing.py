"""Claims, sources, relations and claim sets written back as TOML fact-file text that loads to the same values.

Hypothesis and IPython print a value through its `_repr_pretty_`: the model's classes use
this, so a failing example prints as a fact file one can paste into `*.facts.toml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

from factlint._dates import DateError, DateRange, parse_date_range
from factlint._quantities import Quantity, Reading

if TYPE_CHECKING:
    from factlint._model import Claim, ClaimSet, FileSettings, Relation, Source

__all__ = ["PrettyPrinter", "fact_file_text", "pretty_as_fact_file"]

# A bare key in TOML: letters, digits, underscores and dashes; anything else is quoted.
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


class PrettyPrinter(Protocol):
    """The part of Hypothesis' (and IPython's) pretty printer that `_repr_pretty_` uses."""

    def text(self, obj: str) -> None: ...


def pretty_as_fact_file(value: ClaimSet | Claim | Source | Relation | FileSettings, printer: PrettyPrinter, cycle: bool) -> None:
    """`_repr_pretty_` for the model: the fact file on lines of its own, so that it can be pasted whole."""
    try:
        text = fact_file_text(value)
    except ValueError:  # a number beyond what Python writes as text (over 4,300 digits)
        printer.text(object.__repr__(value))
        return
    printer.text("\n# " + type(value).__name__ + " as a fact file (*.facts.toml):\n" + text)


def fact_file_text(value: ClaimSet | Claim | Source | Relation | FileSettings) -> str:
    """The TOML text of a claim set, or of one claim, source or relation, as `factlint.loads` reads it back."""
    from factlint._model import Claim, ClaimSet, FileSettings, Source

    if isinstance(value, ClaimSet):
        tables = [
            *(_source_lines(source) for source in value.sources),
            *(_claim_lines(claim) for claim in value.claims),
            *(_relation_lines(relation) for relation in _by_kind(value.relations)),
        ]
        notes = [f"# {problem.code} {' '.join(problem.message.split())}" for problem in value.problems]
        return "\n\n".join(["\n".join(notes)] * bool(notes) + ["\n".join(table) for table in tables]) + "\n"
    if isinstance(value, Claim):
        return "\n".join(_claim_lines(value)) + "\n"
    if isinstance(value, Source):
        return "\n".join(_source_lines(value)) + "\n"
    if isinstance(value, FileSettings):
        return "\n".join(_file_settings_lines(value)) + "\n"
    return "\n".join(_relation_lines(value)) + "\n"


def _by_kind(relations: Iterable[Relation]) -> list[Relation]:
    """The relations in the order a fact file loads them: sums, parts, ratios, sames, then checks."""
    from factlint._model import Check, Part, Ratio, Same, Sum

    order = (Sum, Part, Ratio, Same, Check)
    return sorted(relations, key=lambda relation: order.index(type(relation)))


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


def _strings(items: Iterable[str]) -> str:
    return "[" + ", ".join(map(_string, items)) + "]"


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


def _source_lines(source: Source) -> Iterator[str]:
    yield "[[source]]"
    yield f"id = {_string(source.id)}"
    for name in ("publisher", "title", "url"):
        if getattr(source, name):
            yield f"{name} = {_string(getattr(source, name))}"
    for name in ("published", "retrieved"):
        dates = getattr(source, name)
        if dates is not None:
            yield f"{name} = {_date_range(dates)}"
    if source.cites:
        yield f"cites = {_strings(source.cites)}"


def _file_settings_lines(settings: FileSettings) -> Iterator[str]:
    yield "[factlint]"
    if settings.ignore:
        yield f"ignore = {_strings(settings.ignore)}"
    if not settings.infer:
        yield "infer = false"
    if settings.fiscal_year_start is not None:
        yield f"fiscal-year-start = {settings.fiscal_year_start}"


def _claim_lines(claim: Claim) -> Iterator[str]:
    yield "[[claim]]"
    yield f"id = {_string(claim.id)}"
    yield f"metric = {_string(claim.metric)}"
    yield f"value = {_quantity(claim.value)}"
    if claim.unit:
        yield f"unit = {_string(claim.unit)}"
    if claim.per is not None:
        yield f"per = {_string(claim.per.value)}"
    for name in ("as_of", "period", "since"):
        dates = getattr(claim, name)
        if dates is not None:
            yield f"{name} = {_date_range(dates)}"
    if claim.dims:
        yield "dims = { " + ", ".join(f"{_key(key)} = {_string(value)}" for key, value in claim.dims.items()) + " }"
    if claim.of is not None:
        yield f"of = {claim.of}" if isinstance(claim.of, int) else f"of = {_string(claim.of)}"
    # A reported test's statistic is implied by its value.
    if claim.statistic is not None and claim.test is None:
        yield f"statistic = {_string(claim.statistic.value)}"
    if claim.items != 1:
        yield f"items = {claim.items}"
    if claim.mean is not None:
        yield f"mean = {_string(claim.mean)}"
    if claim.binary:
        yield "binary = true"
    if claim.tails is not None:
        yield f"tails = {claim.tails}"
    if claim.forecast:
        yield "forecast = true"
    if claim.source is not None:
        yield f"source = {_string(claim.source)}"
    if claim.quote:
        yield f"quote = {_string(claim.quote)}"
    if claim.ignore:
        yield f"ignore = {_strings(claim.ignore)}"


def _relation_lines(relation: Relation) -> Iterator[str]:
    from factlint._model import Check, Part, Ratio, Same, Sum

    if isinstance(relation, Sum):
        yield "[[sum]]"
        yield f"total = {_string(relation.total)}"
        yield f"parts = {_strings(relation.parts)}"
        yield f"complete = {'true' if relation.complete else 'false'}"
    elif isinstance(relation, Part):
        yield "[[part]]"
        yield f"part = {_string(relation.part)}"
        yield f"whole = {_string(relation.whole)}"
    elif isinstance(relation, Ratio):
        yield "[[ratio]]"
        yield f"of = {_string(relation.of)}"
        yield f"to = {_string(relation.to)}"
        yield f"factor = {_string(relation.factor.text)}"
    elif isinstance(relation, Same):
        yield "[[same]]"
        yield f"claims = {_strings(relation.claims)}"
    elif isinstance(relation, Check):
        yield "[[check]]"
        if relation.name:
            yield f"name = {_string(relation.name)}"
        yield f"expr = {_string(relation.expr.text)}"
        if relation.message:
            yield f"message = {_string(relation.message)}"
