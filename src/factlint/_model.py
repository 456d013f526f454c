"""The fact model: sources, claims, the relations between them, and the claim set that indexes them."""

from __future__ import annotations

import datetime
import enum
import functools
from collections import defaultdict
from collections.abc import ItemsView, Iterable, Iterator, KeysView, Mapping, ValuesView
from typing import ClassVar

import attrs

from factlint._dates import DateRange, parse_date_range
from factlint._expressions import Expression, parse_expression
from factlint._quantities import Factor, Quantity, Reading, Stated, parse_factor, parse_quantity, unit_code
from factlint._reported_tests import ReportedTest, parse_reported_test, reported_test_quantity
from factlint._writing import PrettyPrinter, pretty_as_fact_file

__all__ = [
    "EMPTY_CODE_MESSAGE",
    "Check",
    "Claim",
    "ClaimSet",
    "Dims",
    "FileSettings",
    "Location",
    "Part",
    "Problem",
    "RateUnit",
    "Ratio",
    "Relation",
    "Same",
    "Source",
    "Statistic",
    "Sum",
]


@attrs.frozen(order=True)
class Location:
    """Where something was stated: a file and a 1-based line and column."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class Dims(Mapping[str, str]):
    """A claim's breakdown (`{charge = "AWOL"}`): an immutable, hashable mapping of strings."""

    __slots__ = ("_items", "_lookup")

    def __init__(self, items: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> None:
        # A dict first: isinstance against typing.Mapping is slow, and this runs once per claim.
        pairs = dict(items) if type(items) is dict else dict(items.items() if isinstance(items, Mapping) else items)
        for key, value in pairs.items():
            if not isinstance(key, str) or not isinstance(value, str):
                raise TypeError(f"dims must map text to text, not {key!r} = {value!r}")
        self._items: tuple[tuple[str, str], ...] = tuple(sorted(pairs.items()))
        self._lookup: dict[str, str] = dict(self._items)

    def __getitem__(self, key: str) -> str:
        return self._lookup[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._lookup)

    def __len__(self) -> int:
        return len(self._items)

    # The dict's own views: the Mapping defaults look every key up again (a hot path in inference).
    def keys(self) -> KeysView[str]:
        return self._lookup.keys()

    def items(self) -> ItemsView[str, str]:
        return self._lookup.items()

    def values(self) -> ValuesView[str]:
        return self._lookup.values()

    def __hash__(self) -> int:
        return hash(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Dims):
            return self._items == other._items
        return isinstance(other, Mapping) and dict(self._items) == dict(other)

    def __repr__(self) -> str:
        return f"Dims({dict(self._items)!r})"

    def __str__(self) -> str:
        return "{" + ", ".join(f"{key} = {value!r}" for key, value in self._items) + "}"

    def refines(self, other: Dims) -> bool:
        """This breakdown is a strict refinement of `other`: it has all its keys and values, and more."""
        return len(self) > len(other) and all(self._lookup.get(key) == value for key, value in other._items)


class RateUnit(enum.Enum):
    """The time unit of a rate ("per week")."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"

    @classmethod
    def read(cls, text: str | RateUnit) -> RateUnit:
        if isinstance(text, RateUnit):
            return text
        normal = text.strip().lower()
        normal = _RATE_ALIASES.get(normal, normal)
        try:
            return cls(normal)
        except ValueError:
            allowed = ", ".join(unit.value for unit in cls)
            raise ValueError(f"cannot read per = {text!r}: expected one of {allowed}") from None


class Statistic(enum.Enum):
    """What a claim's value summarises, when it is not a count.

    `mean` of whole-number answers, `sd` their standard deviation, `test` a reported test
    result ("t(28) = 2.20, p = .04"), which a value in that form implies.
    """

    MEAN = "mean"
    SD = "sd"
    TEST = "test"

    @classmethod
    def read(cls, text: str | Statistic) -> Statistic:
        if isinstance(text, Statistic):
            return text
        if not isinstance(text, str):
            raise TypeError(f"statistic must be text such as 'mean', not {text!r}")
        try:
            return cls(text.strip().lower())
        except ValueError:
            allowed = ", ".join(repr(kind.value) for kind in cls)
            raise ValueError(f"cannot read statistic = {text!r}: expected one of {allowed}") from None


_RATE_ALIASES = {
    "daily": "day", "a day": "day", "days": "day",
    "weekly": "week", "a week": "week", "weeks": "week",
    "monthly": "month", "a month": "month", "months": "month",
    "quarterly": "quarter", "a quarter": "quarter", "quarters": "quarter",
    "yearly": "year", "annually": "year", "a year": "year", "annual": "year", "years": "year",
}  # fmt: skip
# A rate's unit as most files write it ("week"), read without RateUnit.read.
_RATE_UNITS_BY_NAME = {unit.value: unit for unit in RateUnit}


def _texts(field: str, value: Iterable[str]) -> tuple[str, ...]:
    """A tuple of ids or codes; a lone string is refused, since it would be read letter by letter."""
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{field} must be a list of text, not the text {value!r} (write [{value!r}])")
    items = tuple(value)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"{field} must hold text, not {item!r}")
    return items


# Named converters, one per field, so that each error names its field (and type checkers see them).
def _cited_ids(value: Iterable[str]) -> tuple[str, ...]:
    return _texts("cites", value)


EMPTY_CODE_MESSAGE = 'ignore: an empty code would silence every rule; name the codes or prefixes to ignore, such as "A101" or "A"'


def _ignored_codes(value: Iterable[str]) -> tuple[str, ...]:
    if type(value) is list and not value:
        # Most claims ignore nothing: a loaded claim's empty list costs no check.
        return ()
    codes = _texts("ignore", value)
    if not all(code.strip() for code in codes):
        raise ValueError(EMPTY_CODE_MESSAGE)
    return codes


def _part_ids(value: Iterable[str]) -> tuple[str, ...]:
    return _texts("parts", value)


def _same_ids(value: Iterable[str]) -> tuple[str, ...]:
    return _texts("claims", value)


def _optional_date_range(value: DateRange | str | datetime.date | None) -> DateRange | None:
    return None if value is None else _date_range(value)


def _optional_rate_unit(value: RateUnit | str | None) -> RateUnit | None:
    if type(value) is str and value in _RATE_UNITS_BY_NAME:
        return _RATE_UNITS_BY_NAME[value]
    return None if value is None else RateUnit.read(value)


def _optional_statistic(value: Statistic | str | None) -> Statistic | None:
    return None if value is None else Statistic.read(value)


def _claim_value(stated: Stated) -> Quantity:
    """A claim's value: a quantity, or a reported test result ("t(28) = 2.20, p = .04") read as its statistic."""
    if type(stated) is Quantity:
        # Loading reads the value first, to report its problem at its field.
        return stated
    if isinstance(stated, str):
        test_value = reported_test_quantity(stated)
        if test_value is not None:
            return test_value
    return parse_quantity(stated)


def _optional_tails(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value not in (1, 2):
        raise ValueError(f"tails must be 1 (a one-tailed test) or 2, not {value!r}")
    return value


def _text(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be text, not {type(value).__name__} {value!r}")


def _check_base_n(value: object) -> None:
    """`of` is the base n of a percentage or a mean: a positive whole number, or the id of the claim that states it."""
    if value is None:
        return
    if isinstance(value, str):
        if not value.isidentifier():
            raise ValueError(f"of {value!r} must be a claim id or a positive whole number")
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"of must be a positive whole number or a claim id, not {type(value).__name__} {value!r}")
    if value <= 0:
        raise ValueError(f"of must be a positive whole number (the base n), not {value}")


def _date_range(value: DateRange | str | datetime.date) -> DateRange:
    return value if isinstance(value, DateRange) else parse_date_range(value)


_NO_DIMS = Dims()


def _dims(value: Dims | Mapping[str, str] | Iterable[tuple[str, str]]) -> Dims:
    """Dims are immutable, so most claims (which have none) share one empty Dims."""
    if type(value) is dict and not value:
        return _NO_DIMS
    return Dims(value)


def _identifier(instance: object, attribute: attrs.Attribute, value: str) -> None:  # type: ignore[type-arg]
    if not isinstance(value, str) or not value.isidentifier():
        raise ValueError(
            f"{attribute.name} {value!r} must be an identifier: letters, digits and underscores, not starting with a digit"
        )


class _Located:
    """Where an entry and each of its fields were stated (empty when built in code)."""

    __slots__ = ()
    # The table that states the entry in a fact file ("" for none): `[[claim]]` is "claim".
    _fact_file_table: ClassVar[str] = ""
    location: Location | None
    locations: Mapping[str, Location]

    def location_of(self, field: str) -> Location | None:
        """Where a field was stated, or where the entry starts when the field was not located."""
        return self.locations.get(field, self.location)

    def _repr_pretty_(self, printer: PrettyPrinter, cycle: bool) -> None:
        """Hypothesis and IPython print an entry as its fact-file table, which loads as it is."""
        if self._fact_file_table:
            pretty_as_fact_file(printer, type(self).__name__, [self])
        else:
            printer.text(repr(self))


def _optional_month(instance: object, attribute: attrs.Attribute[int | None], month: int | None) -> None:
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{attribute.name} must be a month number from 1 to 12, not {month}")


@attrs.frozen
class Source(_Located):
    """Where claims come from: an article, a report, a dataset."""

    _fact_file_table: ClassVar[str] = "source"

    id: str = attrs.field(validator=_identifier)
    publisher: str = attrs.field(default="", validator=_text)
    title: str = attrs.field(default="", validator=_text)
    # A date range, so that "July 2023" or "late August 2023" can be stated as known.
    published: DateRange | None = attrs.field(default=None, converter=_optional_date_range)
    url: str = attrs.field(default="", validator=_text)
    cites: tuple[str, ...] = attrs.field(default=(), converter=_cited_ids)
    retrieved: DateRange | None = attrs.field(default=None, converter=_optional_date_range)
    location: Location | None = attrs.field(default=None, eq=False, repr=False)
    locations: Mapping[str, Location] = attrs.field(factory=dict, eq=False, repr=False)

    @property
    def label(self) -> str:
        published = f", {self.published}" if self.published else ""
        return f"{self.publisher or self.id}{published}"


# "$" and "dollars" are read as US dollars, but many countries write their dollar so: a `unit`
# field naming another dollar refines the value's currency rather than contradicting it.
_DOLLARS = frozenset({"USD", "CAD", "AUD"})


def _same_currency(field: str, stated: str) -> bool:
    return field == stated or (stated == "USD" and field in _DOLLARS)


def _check_claim_fields(claim: Claim) -> None:
    """The checks of a claim's plain fields, each error naming its field."""
    for name in ("metric", "unit", "quote"):
        if not isinstance(getattr(claim, name), str):
            value = getattr(claim, name)
            raise TypeError(f"{name} must be text, not {type(value).__name__} {value!r}")
    if claim.source is not None and not isinstance(claim.source, str):
        raise TypeError(f"source must be a source id, not {type(claim.source).__name__} {claim.source!r}")
    if not isinstance(claim.forecast, bool):
        raise TypeError(f"forecast must be true or false, not {type(claim.forecast).__name__} {claim.forecast!r}")
    if isinstance(claim.items, bool) or not isinstance(claim.items, int):
        raise TypeError(f"items must be a whole number, not {type(claim.items).__name__} {claim.items!r}")
    if claim.items < 1:
        raise ValueError(f"items must be at least 1, not {claim.items}")
    _check_base_n(claim.of)
    if claim.mean is not None and (not isinstance(claim.mean, str) or not claim.mean.isidentifier()):
        raise ValueError(f"mean {claim.mean!r} must be the id of the claim stating the mean this sd belongs to")
    if claim.mean is not None and claim.statistic is not Statistic.SD:
        raise ValueError('mean names the mean a standard deviation belongs to: give statistic = "sd" too')
    if not isinstance(claim.binary, bool):
        raise TypeError(f"binary must be true or false, not {type(claim.binary).__name__} {claim.binary!r}")
    if claim.binary and claim.statistic not in (Statistic.MEAN, Statistic.SD):
        raise ValueError('binary marks the mean or sd of a 0/1 variable: give statistic = "mean" or "sd" too')
    if claim.tails is not None and claim.test is None:
        raise ValueError('tails belongs to a reported test: give a value such as "t(28) = 2.20, p = .04"')


@attrs.frozen
class Claim(_Located):
    """One stated figure: what is counted, its value, when, in which breakdown, and from which source."""

    _fact_file_table: ClassVar[str] = "claim"

    id: str = attrs.field(validator=_identifier)
    # metric, unit, of, items, source, quote and forecast are checked in __attrs_post_init__,
    # in one pass with a fast path: a claim set may hold a million claims.
    metric: str
    value: Quantity = attrs.field(converter=_claim_value)
    unit: str = ""
    per: RateUnit | None = attrs.field(default=None, converter=_optional_rate_unit)
    as_of: DateRange | None = attrs.field(default=None, converter=_optional_date_range)
    period: DateRange | None = attrs.field(default=None, converter=_optional_date_range)
    since: DateRange | None = attrs.field(default=None, converter=_optional_date_range)
    dims: Dims = attrs.field(factory=Dims, converter=_dims)
    of: int | str | None = None
    statistic: Statistic | None = attrs.field(default=None, converter=_optional_statistic)
    items: int = 1
    source: str | None = None
    quote: str = ""
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_ignored_codes)
    # A projection, budget or plan: it may lie after its source's publication.
    forecast: bool = False
    # An sd (statistic = "sd"): the id of the claim stating its mean, for GRIMMER and DEBIT.
    mean: str | None = None
    # The mean or sd of a 0/1 variable (DEBIT).
    binary: bool = False
    # A reported test: 1 when the text says it was one-tailed, 2 when two-tailed, else unknown.
    tails: int | None = attrs.field(default=None, converter=_optional_tails)
    location: Location | None = attrs.field(default=None, eq=False, repr=False)
    locations: Mapping[str, Location] = attrs.field(factory=dict, eq=False, repr=False)
    # The reported test result that a value such as "t(28) = 2.20, p = .04" states.
    test: ReportedTest | None = attrs.field(init=False, default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.value.reading is Reading.REPORTED_TEST:
            if self.statistic not in (None, Statistic.TEST):
                raise ValueError(f"statistic = {self.statistic.value!r} does not fit a reported test {self.value.text!r}")
            object.__setattr__(self, "statistic", Statistic.TEST)
            object.__setattr__(self, "test", parse_reported_test(self.value.text))
        elif self.statistic is Statistic.TEST:
            raise ValueError(f"statistic = 'test' needs a value such as 't(28) = 2.20, p = .04', not {self.value.text!r}")
        usual = (
            type(self.metric) is str
            and type(self.unit) is str
            and type(self.quote) is str
            and (self.source is None or type(self.source) is str)
            and self.of is None
            and self.items == 1
            and type(self.items) is int
            and type(self.forecast) is bool
            and self.mean is None
            and self.binary is False
            and self.tails is None
        )
        if not usual:
            _check_claim_fields(self)
        if self.value.unit and self.unit and not _same_currency(unit_code(self.unit), self.value.unit):
            raise ValueError(
                f"unit {self.unit!r} is not the currency of value {self.value.text!r} ({self.value.unit}): "
                "correct one of them, or leave unit empty"
            )
        # A rate or a mean is a quotient, almost never a whole number: its stated text is read
        # by the rate row (rounding of its last digit), never as a round count.
        if self.per is not None or self.statistic is not None:
            object.__setattr__(self, "value", self.value.as_rate())

    @property
    def is_cumulative(self) -> bool:
        """A running total: it counts everything since `since`."""
        return self.since is not None

    @property
    def is_rate(self) -> bool:
        return self.per is not None

    @property
    def unit_key(self) -> str:
        """The unit its number is in: the `unit` field, a currency as its code ("dollars" is "USD"), else the value's currency.

        Scale words are not part of it: "13,500 billion rubles" and "13.5 trillion rubles" are both RUB.
        """
        return unit_code(self.unit) if self.unit else self.value.unit

    @property
    def when(self) -> DateRange | None:
        """The time the figure refers to: its period for a flow, else its `as_of` moment."""
        return self.period if self.period is not None else self.as_of


# A [[sum]] whose total is this literal declares its parts the complete shares of one whole.
WHOLE_PERCENT = "100%"


@attrs.frozen
class Sum(_Located):
    """`parts` add up to `total` (or at most to it, when the breakdown is not complete).

    `total` is a claim id, or the literal "100%": the parts are then shares of one whole.
    """

    _fact_file_table: ClassVar[str] = "sum"

    total: str = attrs.field(validator=_text)
    parts: tuple[str, ...] = attrs.field(converter=_part_ids)
    complete: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    location: Location | None = attrs.field(default=None, eq=False, repr=False)
    locations: Mapping[str, Location] = attrs.field(factory=dict, eq=False, repr=False)

    @property
    def of_whole(self) -> bool:
        """The total is the literal "100%" rather than a claim."""
        return "".join(self.total.split()) == WHOLE_PERCENT

    @property
    def claim_ids(self) -> tuple[str, ...]:
        return self.parts if self.of_whole else (self.total, *self.parts)


@attrs.frozen
class Part(_Located):
    """`part` is no larger than `whole`."""

    _fact_file_table: ClassVar[str] = "part"

    part: str = attrs.field(validator=_text)
    whole: str = attrs.field(validator=_text)
    location: Location | None = attrs.field(default=None, eq=False, repr=False)
    locations: Mapping[str, Location] = attrs.field(factory=dict, eq=False, repr=False)

    @property
    def claim_ids(self) -> tuple[str, ...]:
        return (self.part, self.whole)


@attrs.frozen
class Ratio(_Located):
    """Claim `of` is `factor` times claim `to` ("double", "three times")."""

    _fact_file_table: ClassVar[str] = "ratio"

    of: str = attrs.field(validator=_text)
    to: str = attrs.field(validator=_text)
    factor: Factor = attrs.field(converter=parse_factor)
    location: Location | None = attrs.field(default=None, eq=False, repr=False)
    locations: Mapping[str, Location] = attrs.field(factory=dict, eq=False, repr=False)

    @property
    def claim_ids(self) -> tuple[str, ...]:
        return (self.of, self.to)


@attrs.frozen
class Same(_Located):
    """These claims state one quantity (rates in different units are converted)."""

    _fact_file_table: ClassVar[str] = "same"

    claims: tuple[str, ...] = attrs.field(converter=_same_ids)
    location: Location | None = attrs.field(default=None, eq=False, repr=False)
    locations: Mapping[str, Location] = attrs.field(factory=dict, eq=False, repr=False)

    @property
    def claim_ids(self) -> tuple[str, ...]:
        return self.claims


def _expression(value: Expression | str) -> Expression:
    return value if isinstance(value, Expression) else parse_expression(value)


@attrs.frozen
class Check(_Located):
    """Anything else: a whitelisted expression over claim ids that must be able to hold."""

    _fact_file_table: ClassVar[str] = "check"

    expr: Expression = attrs.field(converter=_expression)
    name: str = attrs.field(default="", validator=_text)
    message: str = attrs.field(default="", validator=_text)
    location: Location | None = attrs.field(default=None, eq=False, repr=False)
    locations: Mapping[str, Location] = attrs.field(factory=dict, eq=False, repr=False)

    # Read by several rules for every check: the expression's names are gathered once.
    @functools.cached_property
    def claim_ids(self) -> tuple[str, ...]:
        return tuple(sorted(self.expr.names()))


Relation = Sum | Part | Ratio | Same | Check


@attrs.frozen
class Problem:
    """Something wrong with the input itself, found while loading (codes F001 and F002)."""

    code: str
    message: str
    location: Location | None = None


@attrs.frozen
class FileSettings(_Located):
    """The optional `[factlint]` table of one fact file."""

    path: str
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_ignored_codes)
    infer: bool = True
    fiscal_year_start: int | None = attrs.field(default=None, validator=_optional_month)
    location: Location | None = attrs.field(default=None, eq=False, repr=False)
    locations: Mapping[str, Location] = attrs.field(factory=dict, eq=False, repr=False)


def _frozen_ids(ids: Iterable[str]) -> frozenset[str]:
    return frozenset(ids)


def _tuple(items: Iterable[object]) -> tuple[object, ...]:
    return tuple(items)


@attrs.frozen
class ClaimSet:
    """The claims, sources and relations of one or more files (or built in code), with their indexes."""

    claims: tuple[Claim, ...] = attrs.field(default=(), converter=_tuple)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_tuple)
    relations: tuple[Relation, ...] = attrs.field(default=(), converter=_tuple)
    problems: tuple[Problem, ...] = attrs.field(default=(), converter=_tuple)
    files: tuple[FileSettings, ...] = attrs.field(default=(), converter=_tuple)
    # Ids of entries that were stated but could not be read: relations naming them are
    # skipped rather than reported again as unknown references.
    unreadable_ids: frozenset[str] = attrs.field(default=frozenset(), converter=_frozen_ids)

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.claims)

    def _repr_pretty_(self, printer: PrettyPrinter, cycle: bool) -> None:
        """Hypothesis and IPython print a claim set as its fact file: a failing example can be pasted and checked."""
        notes = [f"{problem.code} {problem.message}" for problem in self.problems]
        pretty_as_fact_file(printer, "ClaimSet", [*self.sources, *self.claims, *self.relations], notes)

    def __len__(self) -> int:
        return len(self.claims)

    @functools.cached_property
    def _claims_by_id(self) -> dict[str, Claim]:
        index: dict[str, Claim] = {}
        for claim in self.claims:
            index.setdefault(claim.id, claim)
        return index

    @functools.cached_property
    def _sources_by_id(self) -> dict[str, Source]:
        index: dict[str, Source] = {}
        for source in self.sources:
            index.setdefault(source.id, source)
        return index

    @functools.cached_property
    def by_metric(self) -> Mapping[str, tuple[Claim, ...]]:
        """Claims grouped by metric, in the order they were stated."""
        return _group(self.claims, lambda claim: claim.metric)

    @functools.cached_property
    def by_metric_and_dims(self) -> Mapping[tuple[str, Dims], tuple[Claim, ...]]:
        return _group(self.claims, lambda claim: (claim.metric, claim.dims))

    @functools.cached_property
    def file_settings(self) -> Mapping[str, FileSettings]:
        return {settings.path: settings for settings in self.files}

    def claim(self, claim_id: str) -> Claim | None:
        """The claim with this id (the first one, if an id is duplicated), or None."""
        return self._claims_by_id.get(claim_id)

    def claims_named(self, claim_ids: Iterable[str]) -> list[Claim] | None:
        """The claims with these ids, in order; None when one is unknown (F003 reports that)."""
        found = [self._claims_by_id.get(claim_id) for claim_id in claim_ids]
        return None if None in found else found  # type: ignore[return-value]

    def source(self, source_id: str | None) -> Source | None:
        return None if source_id is None else self._sources_by_id.get(source_id)

    def source_of(self, claim: Claim) -> Source | None:
        return self.source(claim.source)

    def infers(self, claim: Claim) -> bool:
        """Relations may be inferred for this claim (its file did not say `infer = false`)."""
        if claim.location is None or not self._paths_without_inference:
            return True
        return claim.location.path not in self._paths_without_inference

    @functools.cached_property
    def _paths_without_inference(self) -> frozenset[str]:
        return frozenset(path for path, settings in self.file_settings.items() if not settings.infer)

    @functools.cached_property
    def shared_results(self) -> dict[str, object]:
        """What several rules of one run derive alike (inferred breakdowns), found once: a claim set never changes."""
        return {}

    def merged(self, other: ClaimSet) -> ClaimSet:
        """The claims, sources, relations and problems of both sets, as from one run."""
        return ClaimSet(
            claims=self.claims + other.claims,
            sources=self.sources + other.sources,
            relations=self.relations + other.relations,
            problems=self.problems + other.problems,
            files=self.files + other.files,
            unreadable_ids=self.unreadable_ids | other.unreadable_ids,
        )


def _group(claims: Iterable[Claim], key) -> dict:  # type: ignore[no-untyped-def, type-arg]
    groups: dict = defaultdict(list)  # type: ignore[type-arg]
    for claim in claims:
        groups[key(claim)].append(claim)
    return {group: tuple(members) for group, members in groups.items()}
