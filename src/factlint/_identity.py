"""Identity: when two claims state one quantity, when one is part of another, and when one time lies inside another.

Every inferring rule asks this module, so no two rules read a date range, a breakdown or a
running total two ways. Inference assumes a relation only where it must hold under every
honest reading of the claims; when in doubt it assumes nothing and the user can state it.

Everything is found through dicts keyed by what must match (metric, dims, unit, kind, time),
never by comparing all pairs of claims, so a large claim set stays linear; and once per claim
set: the first rule that asks builds one index of each claim's keys, kept with the claim set,
and every grouping is built from it once, whichever rules read it.
"""

from __future__ import annotations

import datetime
import enum
import functools
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from fractions import Fraction
from typing import NamedTuple, TypeVar

import attrs

from factlint._dates import DateRange
from factlint._intervals import Interval
from factlint._model import Claim, ClaimSet, Dims, Same, Source, Statistic

__all__ = [
    "UNDATED_ASSUMPTION",
    "Breakdown",
    "EndKey",
    "Kind",
    "Tally",
    "breakdowns",
    "high_key",
    "highest_low",
    "is_undated",
    "kind_of",
    "low_key",
    "lowest_high",
    "may_be_one_quantity",
    "needs_source_link",
    "nested_counts",
    "one_time_rates",
    "part_of_pairs",
    "rate_count_pairs",
    "running_totals",
    "same_quantity_groups",
    "share_breakdowns",
    "span_of",
    "stated_same",
]

T = TypeVar("T")

UNDATED_ASSUMPTION = (
    "assumed: undated claims describe one fixed quantity; give `as_of` if it changes over time"
)


class Kind(enum.Enum):
    """What a claim's number is: only quantities of one kind can be one quantity."""

    COUNT = "count"  # a count or an amount: additive
    RATE = "rate"  # a count per day, week, month, quarter or year: additive
    PERCENTAGE = "percentage"
    MEAN = "mean"
    SD = "sd"  # a standard deviation: never one quantity with the mean of the same metric
    TEST = "test"  # a reported test result, compared only with the same test on the same df


def kind_of(claim: Claim) -> Kind:
    if claim.value.percent:
        return Kind.PERCENTAGE
    if claim.statistic is not None:
        return _STATISTIC_KINDS[claim.statistic]
    if claim.per is not None:
        return Kind.RATE
    return Kind.COUNT


_STATISTIC_KINDS = {Statistic.MEAN: Kind.MEAN, Statistic.SD: Kind.SD, Statistic.TEST: Kind.TEST}


RangeKey = tuple[datetime.date | None, datetime.date | None, str] | None


def _range_key(dates: DateRange | None) -> RangeKey:
    """A date range as compared: its days, and the part of the day it names ("Monday evening").

    Stocks such as homes without power change by the hour, so "early on Monday" and "Monday
    evening" are different times, and neither is the same time as a plain "Monday".
    """
    return None if dates is None else (dates.first, dates.last, dates.part_of_day)


def _unit_key(claim: Claim) -> str:
    return _normal_unit(claim.unit_key)


@functools.lru_cache(maxsize=1024)
def _normal_unit(unit: str) -> str:
    """A unit as compared: case and spacing aside, "People" and "people " are one unit."""
    return " ".join(unit.lower().split())


def is_undated(claim: Claim) -> bool:
    return claim.as_of is None and claim.period is None and claim.since is None


def _recorded_key(claim: Claim) -> RangeKey:
    """When a count over a period was recorded: its `as_of`, if it states one besides its period.

    Tallies of a past period are revised as records are verified (the deaths recorded for
    April 2022 grew from 714 to 817 between two reports), so one period's counts recorded at
    different dates are different numbers, as running totals at different dates are.
    """
    return _range_key(claim.as_of) if claim.period is not None else None


def _quantity_key(claim: Claim, kind: Kind, measure: int, when: RangeKey, since: RangeKey) -> Hashable:
    """What must match for two claims to be one quantity: metric, dims and unit (its measure), kind, base and time, to the day."""
    return (
        measure,
        kind,
        claim.per,
        claim.of,
        claim.items,
        when,
        since,
        _recorded_key(claim),
        claim.forecast,
        # t(28) and t(30), or t and F, are different quantities however close their statistics.
        None if claim.test is None else (claim.test.kind, tuple(number.value for number in claim.test.df)),
    )


# -- sources ----------------------------------------------------------------------------------


class _SourceLinks:
    """Which sources are one line of reporting: one is or cites the other, or both cite one upstream source."""

    def __init__(self, sources: Iterable[Source]) -> None:
        self._cites: dict[str, frozenset[str]] = {source.id: frozenset(source.cites) for source in sources}

    def linked(self, one: str | None, other: str | None) -> bool:
        if one is None or other is None:
            return False
        if one == other:
            return True
        cites_one, cites_other = self._cites.get(one, frozenset()), self._cites.get(other, frozenset())
        return one in cites_other or other in cites_one or bool(cites_one & cites_other)


def _links(claim_set: ClaimSet) -> _SourceLinks:
    found = claim_set.shared_results.get("source_links")
    if not isinstance(found, _SourceLinks):
        found = claim_set.shared_results["source_links"] = _SourceLinks(claim_set.sources)
    return found


def stated_same(claim_set: ClaimSet) -> Callable[[Claim, Claim], bool]:
    """Whether an explicit `[[same]]` ties two claims."""
    groups: dict[str, set[int]] = defaultdict(set)
    for index, relation in enumerate(claim_set.relations):
        if isinstance(relation, Same):
            for claim_id in relation.claims:
                groups[claim_id].add(index)
    return lambda a, b: bool(groups.get(a.id, set()) & groups.get(b.id, set()))


def needs_source_link(claim: Claim) -> bool:
    """Whether claims of this quantity key from different sources state one number only if their sources are linked.

    A running total grows daily, so two of them at one multi-day `as_of` may be counts of
    different days; forecasts issued apart are revisions, not contradictions.
    """
    if claim.forecast:
        return True
    moment = claim.as_of
    return claim.is_cumulative and moment is not None and (moment.first is None or moment.first != moment.last)


def may_be_one_quantity(claim_set: ClaimSet, a: Claim, b: Claim) -> str | None:
    """Why two claims of one quantity key state one number, or None when they need not (see needs_source_link)."""
    if needs_source_link(a) and not _links(claim_set).linked(a.source, b.source):
        return None
    if a.forecast:
        return "forecasts from one line of reporting (one source, or one citing the other or a common upstream)"
    if is_undated(a):
        return "same metric, dims, unit and kind, both undated"
    if needs_source_link(a):
        return f"running totals as of {a.as_of} from sources that cite one another, or one common upstream source"
    return f"same metric, dims, unit and kind, at one time ({a.when})"


def same_quantity_groups(claim_set: ClaimSet) -> list[tuple[Claim, ...]]:
    """Claims that may state one quantity: same metric, dims, unit, kind and time, to the day (C101)."""
    return _inference(claim_set).same_quantity_groups


def one_time_rates(claim_set: ClaimSet) -> list[tuple[Claim, ...]]:
    """Rates of one metric, dims and unit over one period, day for day (R101; C101 answers for one unit across sources).

    Rates over overlapping but different periods are never assumed equal: a rate can change.
    """
    return _inference(claim_set).one_time_rates


# -- extremes of a group ------------------------------------------------------------------------


# Orders intervals by one end; a whole end is an int, which compares at C speed, exactly as its Fraction does.
EndKey = tuple[bool, int | Fraction, bool]


def low_key(interval: Interval) -> EndKey:
    """Orders intervals by how high they start (an open low end starts just above it)."""
    low = interval.low
    if low is None:
        return (False, 0, True)
    return (True, low.numerator if low.denominator == 1 else low, interval.low_open)


def high_key(interval: Interval) -> EndKey:
    """Orders intervals by how high they end (an open high end ends just below it)."""
    high = interval.high
    if high is None:
        return (True, 0, False)
    return (False, high.numerator if high.denominator == 1 else high, not interval.high_open)


def highest_low(items: Iterable[T], interval: Callable[[T], Interval]) -> T:
    """The item whose interval starts highest: if any item lies above another, this one does."""
    return max(items, key=lambda item: low_key(interval(item)))


def lowest_high(items: Iterable[T], interval: Callable[[T], Interval]) -> T:
    """The item whose interval ends lowest."""
    return min(items, key=lambda item: high_key(interval(item)))


# -- breakdowns ---------------------------------------------------------------------------------


@attrs.frozen
class Breakdown:
    """A whole and parts of it that differ from each other in one dims key: disjoint parts."""

    whole: Claim
    key: str
    parts: tuple[Claim, ...]


def _frame(claim: Claim, kind: Kind, unit: str, when: RangeKey, since: RangeKey) -> Hashable:
    """What parts share with their whole: metric, unit, kind, source and time (all but dims)."""
    return (claim.metric, unit, kind, claim.per, claim.source, when, since, claim.forecast)


DimsItems = tuple[tuple[str, str], ...]


def _sub_dims(items: DimsItems) -> list[DimsItems]:
    """Every breakdown that dims of these (sorted) items refine (proper subsets of the keys), nearest first."""
    count = len(items)
    by_size: list[list[DimsItems]] = [[] for _ in range(count)]
    for mask in range((1 << count) - 1):
        chosen = tuple(items[index] for index in range(count) if mask >> index & 1)
        by_size[len(chosen)].append(chosen)
    return [sub for size in reversed(range(count)) for sub in by_size[size]]


def part_of_pairs(claim_set: ClaimSet) -> list[tuple[Claim, Claim, tuple[str, ...]]]:
    """(part, whole, keys added) for every inferred part-of-whole, also two or more keys deeper.

    Only additive quantities (counts, amounts, rates) of one metric, unit, kind, source and
    time are parts, and a part is linked to its nearest stated whole: no claim lies between.
    """
    return _inference(claim_set).part_of_pairs


def breakdowns(claim_set: ClaimSet) -> list[Breakdown]:
    """Each whole with parts that differ from each other in exactly one key: they are disjoint.

    Assumed rather than proven, and every finding built on it says so: values of one dims
    key are disjoint.
    """
    return _inference(claim_set).breakdowns


def share_breakdowns(claim_set: ClaimSet) -> list[tuple[str, tuple[Claim, ...]]]:
    """Percentages that are shares of one whole: one base (`of`), one frame, dims differing in one key.

    Percentages by group without a stated base are not shares of one whole (62% of men and
    55% of women is not 117% of anything), so they are never added up.
    """
    return _inference(claim_set).share_breakdowns


# -- time: running totals and nested periods ------------------------------------------------------


@attrs.frozen
class Tally:
    """A count read as a running total: everything from `start` up to the moment `moment`."""

    claim: Claim
    moment: DateRange


def _start_and_moment(claim: Claim) -> tuple[DateRange, DateRange] | None:
    """Where a count starts and the moment it counts to: `since`..`as_of`, or a period's start and end."""
    if claim.since is not None and claim.as_of is not None:
        return claim.since, claim.as_of
    period = claim.period
    if period is None or claim.since is not None or period.first is None or period.last is None:
        return None
    if period.start is not None and period.end is not None:
        return period.start, period.end
    first, last = DateRange(period.first, period.first), DateRange(period.last, period.last)
    return first, last


def running_totals(claim_set: ClaimSet) -> list[tuple[Tally, ...]]:
    """Counts of one metric, dims and unit that share one start: a running total, which cannot fall (T101).

    A claim with `since` and `as_of` is one; so is a count over a period, read as everything
    from the period's start to its end ("2022-09/2024-06", or the first half of 2023 against
    all of 2023).
    """
    return _inference(claim_set).running_totals


class _Span(NamedTuple):
    """A count's period as T104 compares it; a named tuple, as one is made for every count over a period."""

    claim: Claim
    # The latest day it may start and the earliest day it may end: it surely covers at least that.
    latest_start: datetime.date
    earliest_end: datetime.date
    # The earliest day it may start and the latest it may end: it surely lies within that.
    earliest_start: datetime.date
    latest_end: datetime.date
    start_key: Hashable
    # How low its value is read: the span read lowest is the one asked for.
    high_key: EndKey


def _span(claim: Claim, start: DateRange, end: DateRange) -> _Span | None:
    if None in (start.first, start.last, end.first, end.last):
        return None
    return _Span(claim, start.last, end.first, start.first, end.last, _range_key(start), high_key(claim.value.interval))  # type: ignore[arg-type]


def nested_counts(claim_set: ClaimSet) -> list[tuple[Claim, Claim]]:
    """(inner, outer): a count over a period surely inside the other's, with a different start (T104).

    For each inner count, only the containing count read lowest is returned: if any
    containing count is surely smaller than the inner one, that one is. Pairs that share a
    start are running totals, which T101 answers for.
    """
    return _inference(claim_set).nested_counts


def _lowest_containers(spans: Sequence[_Span]) -> Iterator[tuple[Claim, Claim]]:
    """For each span, the surely-containing span whose value is read lowest, by a sweep and a prefix-minimum tree.

    Spans are added in order of their earliest end, latest first, so that when a span is asked
    about, every span that surely ends no earlier than it may end has been added; the tree,
    indexed by latest start, answers "the lowest value among those that surely start before".
    """
    starts = sorted({span.latest_start for span in spans})
    rank = {day: index + 1 for index, day in enumerate(starts)}
    size = len(starts)
    tree: list[_Span | None] = [None] * (size + 1)

    def better(one: _Span | None, other: _Span | None) -> _Span | None:
        if one is None:
            return other
        if other is None:
            return one
        # As lowest_high([one, other]) chooses: `one` unless `other` ends lower.
        return other if other.high_key < one.high_key else one

    def add(span: _Span) -> None:
        index = rank[span.latest_start]
        while index <= size:
            tree[index] = better(tree[index], span)
            index += index & -index

    def lowest_before(day: datetime.date) -> _Span | None:
        # Spans whose latest start is strictly before `day`: a different start, surely no later.
        index = _count_before(starts, day)
        found: _Span | None = None
        while index > 0:
            found = better(found, tree[index])
            index -= index & -index
        return found

    by_earliest_end = sorted(spans, key=lambda span: span.earliest_end, reverse=True)
    by_latest_end = sorted(spans, key=lambda span: span.latest_end, reverse=True)
    added = 0
    for inner in by_latest_end:
        while added < len(by_earliest_end) and by_earliest_end[added].earliest_end >= inner.latest_end:
            add(by_earliest_end[added])
            added += 1
        outer = lowest_before(inner.earliest_start)
        if outer is not None and outer.claim is not inner.claim and outer.start_key != inner.start_key:
            yield inner.claim, outer.claim


def _count_before(days: Sequence[datetime.date], day: datetime.date) -> int:
    low, high = 0, len(days)
    while low < high:
        middle = (low + high) // 2
        if days[middle] < day:
            low = middle + 1
        else:
            high = middle
    return low


# -- rates against counts -----------------------------------------------------------------------


def span_of(claim: Claim) -> DateRange | None:
    """The stretch of time a flow covers: its `period`, or `as_of` for a running total; None for a moment."""
    if claim.period is not None:
        return claim.period
    if claim.since is not None:
        return claim.as_of
    return None


def rate_count_pairs(claim_set: ClaimSet) -> list[tuple[list[Claim], list[Claim]]]:
    """(rates, counts) of one metric, dims and unit over one period (`period`, or `since`..`as_of`) (R102)."""
    return _inference(claim_set).rate_count_pairs


# -- the one index every inferring rule reads ----------------------------------------------------


def _inference(claim_set: ClaimSet) -> _Inference:
    """The claim set's index, built by the first rule that asks: every later rule of the run reads the same one."""
    found = claim_set.shared_results.get("inference")
    if not isinstance(found, _Inference):
        found = claim_set.shared_results["inference"] = _Inference(claim_set)
    return found


class _Inference:
    """The claims inference may use, each with its kind, unit and times read once, and the groupings built from them.

    Each grouping is found on first use and kept: a claim set never changes, and a rule's
    regrouping of 100,000 claims would cost more than the checks it makes.
    """

    def __init__(self, claim_set: ClaimSet) -> None:
        self._claims = claim_set.claims
        infers = claim_set.infers
        # What a claim measures, its metric, dims and unit, as a small int: most groupings key
        # on it, and hashing and comparing Dims each time cost more than the grouping.
        measures: dict[tuple[str, Dims, str], int] = {}
        keyed: list[tuple[Claim, Kind, str, RangeKey, RangeKey, int]] = []
        # A claim's unit key depends on its `unit` and its value's currency alone, and a claim
        # set states few of those.
        units: dict[tuple[str, str], str] = {}
        for claim in claim_set.claims:
            if infers(claim):
                stated_units = (claim.unit, claim.value.unit)
                unit = units.get(stated_units)
                if unit is None:
                    unit = units[stated_units] = _unit_key(claim)
                measure = measures.setdefault((claim.metric, claim.dims, unit), len(measures))
                keyed.append((claim, kind_of(claim), unit, _range_key(claim.when), _range_key(claim.since), measure))
        self._keyed = keyed
        claims_per_measure = [0] * len(measures)
        for entry in keyed:
            claims_per_measure[entry[5]] += 1
        # Groupings keyed on the measure (and more) skip the claims alone in their measure,
        # which can be in no group of two: in a large set, about half of them.
        self._measured_twice = [entry for entry in keyed if claims_per_measure[entry[5]] > 1]
        # Parts and shares differ from their whole or siblings in dims only: a metric and unit
        # stated with one dims alone (most of them) has none.
        dims_per_metric_and_unit: dict[tuple[str, str], int] = defaultdict(int)
        for metric, _, unit in measures:
            dims_per_metric_and_unit[(metric, unit)] += 1
        broken_down = [dims_per_metric_and_unit[(metric, unit)] > 1 for metric, _, unit in measures]
        self._broken_down = [entry for entry in keyed if broken_down[entry[5]]]

    @functools.cached_property
    def _signed_metrics(self) -> frozenset[str]:
        """Metrics for which some claim states a negative value (a net change): no part-of-whole holds for them."""
        # A stated negative value, not a reading that dips below 0 ("0" a day may be -0.4).
        return frozenset(claim.metric for claim in self._claims if claim.value.nominal.numerator < 0)

    @functools.cached_property
    def same_quantity_groups(self) -> list[tuple[Claim, ...]]:
        groups: dict[Hashable, list[Claim]] = defaultdict(list)
        for claim, kind, _, when, since, measure in self._measured_twice:
            groups[_quantity_key(claim, kind, measure, when, since)].append(claim)
        return [tuple(group) for group in groups.values() if len(group) > 1]

    @functools.cached_property
    def one_time_rates(self) -> list[tuple[Claim, ...]]:
        groups: dict[Hashable, list[Claim]] = defaultdict(list)
        for claim, kind, _, when, since, measure in self._measured_twice:
            if kind is Kind.RATE:
                key = (measure, when, since, _recorded_key(claim), claim.forecast)
                groups[key].append(claim)
        return [tuple(group) for group in groups.values() if len(group) > 1]

    @functools.cached_property
    def part_of_pairs(self) -> list[tuple[Claim, Claim, tuple[str, ...]]]:
        signed = self._signed_metrics
        # Dims are compared as their sorted items, which is how Dims compare.
        by_frame: dict[Hashable, dict[DimsItems, Claim]] = defaultdict(dict)
        for claim, kind, unit, when, since, _ in self._broken_down:
            if (kind is Kind.COUNT or kind is Kind.RATE) and claim.metric not in signed:
                by_frame[_frame(claim, kind, unit, when, since)].setdefault(tuple(claim.dims.items()), claim)
        sub_dims: dict[DimsItems, list[DimsItems]] = {}
        pairs: list[tuple[Claim, Claim, tuple[str, ...]]] = []
        for claims_by_dims in by_frame.values():
            if len(claims_by_dims) < 2:
                continue
            for dims, part in claims_by_dims.items():
                candidates = sub_dims.get(dims)
                if candidates is None:
                    candidates = sub_dims[dims] = _sub_dims(dims)
                nearest: DimsItems | None = None
                for candidate in candidates:
                    if candidate in claims_by_dims:
                        if nearest is None or len(candidate) == len(nearest):
                            added = tuple(sorted({key for key, _ in dims} - {key for key, _ in candidate}))
                            pairs.append((part, claims_by_dims[candidate], added))
                            nearest = candidate
                        else:
                            break
        return pairs

    @functools.cached_property
    def breakdowns(self) -> list[Breakdown]:
        siblings: dict[tuple[str, str, DimsItems], list[Claim]] = defaultdict(list)
        wholes: dict[str, Claim] = {}
        for part, whole, added in self.part_of_pairs:
            wholes[whole.id] = whole
            for key in added:
                rest = tuple(item for item in part.dims.items() if item[0] != key)
                siblings[(whole.id, key, rest)].append(part)
        return [
            Breakdown(whole=wholes[whole_id], key=key, parts=tuple(parts))
            for (whole_id, key, _), parts in siblings.items()
            if len(parts) > 1
        ]

    @functools.cached_property
    def share_breakdowns(self) -> list[tuple[str, tuple[Claim, ...]]]:
        by_frame: dict[Hashable, dict[Dims, Claim]] = defaultdict(dict)
        for claim, kind, unit, when, since, _ in self._broken_down:
            if kind is Kind.PERCENTAGE and claim.of is not None and claim.dims:
                by_frame[(_frame(claim, kind, unit, when, since), claim.of)].setdefault(claim.dims, claim)
        found: list[tuple[str, tuple[Claim, ...]]] = []
        for claims_by_dims in by_frame.values():
            if len(claims_by_dims) < 2:
                continue
            siblings: dict[tuple[Dims, str], list[Claim]] = defaultdict(list)
            for dims, claim in claims_by_dims.items():
                for key in dims:
                    parent = Dims((name, value) for name, value in dims.items() if name != key)
                    siblings[(parent, key)].append(claim)
            found.extend((key, tuple(shares)) for (_, key), shares in siblings.items() if len(shares) > 1)
        return found

    @functools.cached_property
    def _flows(self) -> list[tuple[Claim, int, DateRange, DateRange]]:
        """Plain, non-negative counts of their metric, each with its measure, where it starts and the moment it counts to.

        A flow cannot be negative, so totals cannot fall; T101 and T104 both read these.
        """
        signed = self._signed_metrics
        flows = []
        for claim, kind, _, _, _, measure in self._measured_twice:
            if kind is Kind.COUNT and not claim.forecast and claim.metric not in signed:
                span = _start_and_moment(claim)
                if span is not None:
                    flows.append((claim, measure, *span))
        return flows

    @functools.cached_property
    def running_totals(self) -> list[tuple[Tally, ...]]:
        groups: dict[Hashable, list[Tally]] = defaultdict(list)
        for claim, measure, start, moment in self._flows:
            if moment.first is not None and moment.last is not None:
                groups[(measure, _range_key(start))].append(Tally(claim, moment))
        return [tuple(group) for group in groups.values() if len(group) > 1]

    @functools.cached_property
    def nested_counts(self) -> list[tuple[Claim, Claim]]:
        groups: dict[int, list[_Span]] = defaultdict(list)
        for claim, measure, start, end in self._flows:
            span = _span(claim, start, end)
            if span is not None:
                groups[measure].append(span)
        return [pair for spans in groups.values() if len(spans) > 1 for pair in _lowest_containers(spans)]

    @functools.cached_property
    def rate_count_pairs(self) -> list[tuple[list[Claim], list[Claim]]]:
        groups: dict[Hashable, tuple[list[Claim], list[Claim]]] = defaultdict(lambda: ([], []))
        for claim, kind, _, _, since, measure in self._measured_twice:
            if kind is not Kind.RATE and kind is not Kind.COUNT:
                continue
            span = span_of(claim)
            if span is None:
                continue
            key = (measure, since, _range_key(span), claim.forecast)
            groups[key][0 if kind is Kind.RATE else 1].append(claim)
        return [(rates, counts) for rates, counts in groups.values() if rates and counts]
