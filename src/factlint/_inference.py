"""Relations inferred from plain claims: breakdowns by `dims`, running totals, rates, and one quantity stated twice."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator
from fractions import Fraction
from typing import TypeVar

import attrs

from factlint._dates import DateRange
from factlint._intervals import Interval
from factlint._model import Claim, ClaimSet, Dims, Same

T = TypeVar("T")


def frame(claim: Claim) -> Hashable:
    """What must match for two claims to describe the same total at the same time from the same source."""
    when = claim.when
    since = claim.since
    return (
        claim.metric,
        claim.per,
        claim.value.percent,
        claim.statistic,
        claim.source,
        None if when is None else (when.first, when.last),
        None if since is None else (since.first, since.last),
    )


@attrs.frozen
class Breakdown:
    """A claim (`whole`) and the claims that split it by one more dimension (`key`): disjoint parts."""

    whole: Claim
    key: str
    parts: tuple[Claim, ...]


def breakdowns(claim_set: ClaimSet) -> Iterator[Breakdown]:
    """Every whole with its parts, where the parts' dims are the whole's plus one key."""
    found = claim_set.shared_results.get("breakdowns")
    if found is None:
        found = claim_set.shared_results["breakdowns"] = list(_find_breakdowns(claim_set))
    return iter(found)  # type: ignore[call-overload]


def _find_breakdowns(claim_set: ClaimSet) -> Iterator[Breakdown]:
    by_frame: dict[Hashable, dict[Dims, Claim]] = defaultdict(dict)
    for claim in claim_set.claims:
        if claim_set.infers(claim):
            by_frame[frame(claim)].setdefault(claim.dims, claim)
    for claims_by_dims in by_frame.values():
        if len(claims_by_dims) < 2:
            continue
        children: dict[tuple[Dims, str], list[Claim]] = defaultdict(list)
        for dims, claim in claims_by_dims.items():
            for key in dims:
                parent = Dims((name, value) for name, value in dims.items() if name != key)
                if parent in claims_by_dims:
                    children[(parent, key)].append(claim)
        for (parent, key), parts in children.items():
            yield Breakdown(whole=claims_by_dims[parent], key=key, parts=tuple(parts))


# -- grouping for cross-claim inference ---------------------------------------------------
#
# Every inferred relation below is found through dicts keyed by what must match (metric,
# dims, time), never by comparing all pairs of claims: a 100k-claim file stays linear-ish.


def _range_key(dates: DateRange | None) -> Hashable:
    return None if dates is None else (dates.first, dates.last)


def _is_plain_count(claim: Claim) -> bool:
    return claim.per is None and not claim.value.percent and claim.statistic is None


def running_totals(claim_set: ClaimSet) -> list[tuple[Claim, ...]]:
    """Running totals (claims with `since` and `as_of`) of one metric, dims and start, in stated order."""
    groups: dict[Hashable, list[Claim]] = defaultdict(list)
    for claim in claim_set.claims:
        dated = claim.as_of is not None and claim.as_of.first is not None and claim.as_of.last is not None
        if claim.is_cumulative and dated and _is_plain_count(claim) and claim_set.infers(claim):
            groups[(claim.metric, claim.dims, _range_key(claim.since))].append(claim)
    return [tuple(group) for group in groups.values() if len(group) > 1]


def same_quantity_groups(claim_set: ClaimSet) -> list[tuple[Claim, ...]]:
    """Claims that state one quantity: same metric, dims, per, kind, time (`when`) and `since`."""
    groups: dict[Hashable, list[Claim]] = defaultdict(list)
    for claim in claim_set.claims:
        if claim_set.infers(claim):
            key = (
                claim.metric,
                claim.dims,
                claim.per,
                claim.value.percent,
                claim.statistic,
                claim.of,
                _range_key(claim.when),
                _range_key(claim.since),
            )
            groups[key].append(claim)
    return [tuple(group) for group in groups.values() if len(group) > 1]


def rate_groups(claim_set: ClaimSet) -> list[dict[Hashable, list[Claim]]]:
    """Rates of one metric and dims, bucketed by their time (`when`, or None when unstated)."""
    groups: dict[Hashable, dict[Hashable, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for claim in claim_set.claims:
        if claim.is_rate and not claim.value.percent and claim.statistic is None and claim_set.infers(claim):
            groups[(claim.metric, claim.dims)][_range_key(claim.when)].append(claim)
    return [dict(buckets) for buckets in groups.values()]


def overlapping_times(keys: list[Hashable]) -> Iterator[tuple[Hashable, Hashable]]:
    """Pairs of distinct (first, last) day ranges that share a day, by a sweep over their starts.

    An open end (None) reaches to infinity; the key None (no time stated) overlaps nothing here.
    """
    spans = sorted(
        (key for key in keys if key is not None),
        key=lambda key: (key[0] is not None, key[0] or datetime.date.min),  # type: ignore[index]
    )
    active: list[Hashable] = []
    for key in spans:
        first = key[0]  # type: ignore[index]
        if first is not None:
            active = [other for other in active if other[1] is None or other[1] >= first]  # type: ignore[index]
        for other in active:
            yield other, key
        active.append(key)


def rate_count_groups(claim_set: ClaimSet) -> list[tuple[list[Claim], list[Claim]]]:
    """(rates, counts) of one metric and dims over one period (`period`, or `since`..`as_of`)."""
    groups: dict[Hashable, tuple[list[Claim], list[Claim]]] = defaultdict(lambda: ([], []))
    for claim in claim_set.claims:
        if claim.value.percent or claim.statistic is not None or not claim_set.infers(claim):
            continue
        span = span_of(claim)
        if span is None:
            continue
        key = (claim.metric, claim.dims, _range_key(claim.since), _range_key(span))
        groups[key][0 if claim.is_rate else 1].append(claim)
    return [(rates, counts) for rates, counts in groups.values() if rates and counts]


def span_of(claim: Claim) -> DateRange | None:
    """The stretch of time a flow covers: its `period`, or `as_of` for a running total; None for a moment."""
    if claim.period is not None:
        return claim.period
    if claim.since is not None:
        return claim.as_of
    return None


def share_breakdowns(claim_set: ClaimSet) -> Iterator[tuple[str, tuple[Claim, ...]]]:
    """Percentages that split one whole by one key (dims differing only there): (key, shares).

    The whole itself need not be stated: shares of one breakdown are parts of 100%.
    """
    by_frame: dict[Hashable, dict[Dims, Claim]] = defaultdict(dict)
    for claim in claim_set.claims:
        if claim.value.percent and claim.dims and claim_set.infers(claim):
            by_frame[(frame(claim), claim.of)].setdefault(claim.dims, claim)
    for claims_by_dims in by_frame.values():
        if len(claims_by_dims) < 2:
            continue
        siblings: dict[tuple[Dims, str], list[Claim]] = defaultdict(list)
        for dims, claim in claims_by_dims.items():
            for key in dims:
                parent = Dims((name, value) for name, value in dims.items() if name != key)
                siblings[(parent, key)].append(claim)
        for (_, key), shares in siblings.items():
            if len(shares) > 1:
                yield key, tuple(shares)


def stated_same(claim_set: ClaimSet) -> Callable[[Claim, Claim], bool]:
    """Whether an explicit `[[same]]` already ties two claims (so inference must not report them again)."""
    groups: dict[str, set[int]] = defaultdict(set)
    for index, relation in enumerate(claim_set.relations):
        if isinstance(relation, Same):
            for claim_id in relation.claims:
                groups[claim_id].add(index)
    return lambda a, b: bool(groups.get(a.id, set()) & groups.get(b.id, set()))


# -- the extreme readings of a group ---------------------------------------------------------


def _low_key(interval: Interval) -> tuple[bool, Fraction, bool]:
    """Orders intervals by how high they start (an open low end starts just above it)."""
    return (interval.low is not None, interval.low or Fraction(0), interval.low_open)


def _high_key(interval: Interval) -> tuple[bool, Fraction, bool]:
    """Orders intervals by how high they end (an open high end ends just below it)."""
    return (interval.high is None, interval.high or Fraction(0), not interval.high_open)


def highest_low(items: Iterable[T], interval: Callable[[T], Interval]) -> T:
    """The item whose interval starts highest: if any item lies above another, this one does."""
    return max(items, key=lambda item: _low_key(interval(item)))


def lowest_high(items: Iterable[T], interval: Callable[[T], Interval]) -> T:
    """The item whose interval ends lowest."""
    return min(items, key=lambda item: _high_key(interval(item)))
