"""R: rates: one rate stated per week, month or year that disagrees with itself, or with a count for its period."""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from fractions import Fraction

import attrs

from factlint._codes import RATE_CONVERSION_MISMATCH, RATE_TOTAL_MISMATCH
from factlint._conventions import conventions_used, conversion_factor, period_days, units_in_period
from factlint._dates import DateRange
from factlint._figures import Bar, Figure, Role, gap_between, stated_bar
from factlint._identity import (
    Kind,
    highest_low,
    kind_of,
    lowest_high,
    may_be_one_quantity,
    needs_source_link,
    one_time_rates,
    rate_count_pairs,
    span_of,
    stated_same,
)
from factlint._intervals import Interval, format_number
from factlint._model import Claim, ClaimSet, RateUnit, Same
from factlint._rule import Violation, rule
from factlint._settings import Context
from factlint._wording import readings, stated

_UNIT_ORDER = list(RateUnit)


def _short(value: Fraction) -> str:
    """A conversion factor for a sentence: 12, 52, 52.29 (rounded for reading only)."""
    return format_number(round(value, 2)).rstrip("…")


def _rounded(interval: Interval, percent: bool = False) -> str:
    """An interval with its ends rounded to two decimals for reading; the check itself is exact."""
    if interval.is_point:
        return _short(interval.low)  # type: ignore[arg-type]
    left = "(" if interval.low_open else "["
    right = ")" if interval.high_open else "]"
    low = "-inf" if interval.low is None else _short(interval.low)
    high = "inf" if interval.high is None else _short(interval.high)
    return f"{left}{low}, {high}{right}"


def _factor_text(from_unit: RateUnit, to_unit: RateUnit) -> str:
    factor = conversion_factor(from_unit, to_unit)
    if factor.is_point:
        return f"{_short(factor.low)} {from_unit.value}s a {to_unit.value}"  # type: ignore[arg-type]
    return f"{_short(factor.low)} to {_short(factor.high)} {from_unit.value}s a {to_unit.value}"  # type: ignore[arg-type]


def _rate_conflict(a: Claim, b: Claim, *, inferred: bool) -> Violation | None:
    """a and b state one rate; None when some convention and some reading reconcile them."""
    if a.per is None or b.per is None:
        if a.per is not None or b.per is not None or a.value.interval.intersects(b.value.interval):
            return None  # a rate against a count needs a period: R102's business
        return Violation(
            message=f"{a.id} ({stated(a)}) and {b.id} ({stated(b)}) are stated as one quantity but cannot be equal",
            claims=[a, b],
            explanation=[
                f"{a.id} {stated(a)} means {_rounded(a.value.interval)}, {b.id} {stated(b)} means "
                f"{_rounded(b.value.interval)}: no value lies in both",
                *readings([a, b]),
            ],
            location=b.location_of("value"),
            figure=Figure(
                [stated_bar(a), stated_bar(b)], gap=gap_between(a.value.interval, b.value.interval), unit=b.value.unit or b.unit
            ),
        )
    # Convert the rate with the shorter unit into the longer one: "per week x 52 weeks a year".
    if _UNIT_ORDER.index(a.per) > _UNIT_ORDER.index(b.per):
        a, b = b, a
    shorter, longer = a.per, b.per
    assert shorter is not None and longer is not None  # both are rates, checked above
    converted = a.value.interval * conversion_factor(shorter, longer)
    if converted.intersects(b.value.interval):
        return None
    arithmetic = (
        f"{stated(a)} per {shorter.value} x {_factor_text(shorter, longer)} = {_rounded(converted)}, "
        f"but {stated(b)} per {longer.value} means {_rounded(b.value.interval)}"
    )
    conventions = conventions_used(shorter, longer)
    explanation = [arithmetic]
    if conventions and shorter is not longer:
        explanation.append("conventions tried, and every one fails: " + "; ".join(conventions))
    explanation.extend(readings([a, b]))
    if inferred:
        explanation.append(
            f"inferred: both are rates of {a.metric!r}{' ' + str(a.dims) if a.dims else ''} over one period, "
            f"day for day ({a.when or 'undated'}), from one source"
        )
    return Violation(
        message=(
            f"{a.id} ({stated(a)} per {shorter.value}) and {b.id} ({stated(b)} per {longer.value}) "
            "cannot be the same rate"
        ),
        claims=[a, b],
        explanation=explanation,
        location=b.location_of("value"),
        figure=Figure(
            [
                Bar(f"{a.id}: {stated(a)} per {shorter.value} x {_factor_text(shorter, longer)}", converted, Role.COMPUTED),
                stated_bar(b, f"{b.id}: {stated(b)} per {longer.value}"),
            ],
            gap=gap_between(converted, b.value.interval),
            unit=f"per {longer.value}",
        ),
    )


@rule(RATE_CONVERSION_MISMATCH)
def rate_conversion_mismatch(claim_set: ClaimSet, context: Context) -> Iterator[Violation]:
    for relation in claim_set.relations:
        if not isinstance(relation, Same):
            continue
        claims = claim_set.claims_named(relation.claims)
        if claims is None:
            continue  # F003 reports the unknown id
        # A rate against a count is R102's business, over the count's period.
        for part in ([c for c in claims if kind_of(c) is Kind.RATE], [c for c in claims if kind_of(c) is not Kind.RATE]):
            for a, b in _outliers(part):
                violation = _rate_conflict(a, b, inferred=False)
                if violation is not None:
                    yield violation
    already_stated = stated_same(claim_set)
    for group in one_time_rates(claim_set):
        for a, b in _disagreeing(_extremes_by_unit(group)):
            # One unit from different sources is C101's finding; an explicit [[same]] was checked above.
            if (a.per is b.per and a.source != b.source) or already_stated(a, b):
                continue
            violation = _rate_conflict(a, b, inferred=True)
            if violation is not None:
                yield violation


def _interval(claim: Claim) -> Interval:
    return claim.value.interval


def _outliers(claims: Sequence[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Each claim of a [[same]] that cannot agree with the rest, once, with one claim it cannot agree with.

    The rest are the largest set of claims that can all agree. Pairs come in the group's order,
    so a two-claim group reads as it is written. Every disagreeing pair holds an outlier, so
    no disagreement goes unreported, and 1,000 claims give at most 999 findings, not 499,500.
    """
    if len(claims) < 2:
        return
    position = {id(claim): index for index, claim in enumerate(claims)}

    def in_order(a: Claim, b: Claim) -> tuple[Claim, Claim]:
        return (a, b) if position[id(a)] < position[id(b)] else (b, a)

    if len({claim.per for claim in claims}) > 1:
        # Conventions make each pair of units its own conversion: no one scale to sweep.
        agreeing: list[Claim] = []
        for claim in claims:
            partner = next((other for other in agreeing if _rate_conflict(other, claim, inferred=False) is not None), None)
            if partner is None:
                agreeing.append(claim)
            else:
                yield partner, claim
        return
    core = _largest_agreeing(claims)
    # The core's common values run from its highest low to its lowest high (intervals that
    # meet pairwise share a point), and every other claim misses them, so it misses one of these.
    high = highest_low(core, _interval)
    low = lowest_high(core, _interval)
    members = {id(claim) for claim in core}
    for claim in claims:
        if id(claim) not in members:
            yield in_order(high if not claim.value.interval.intersects(high.value.interval) else low, claim)


def _largest_agreeing(claims: Sequence[Claim]) -> list[Claim]:
    """The most claims one value can satisfy (the claims covering the most-covered point), by a sweep."""

    def start(interval: Interval) -> tuple[int, Fraction, int]:
        if interval.low is None:
            return (0, Fraction(0), 0)
        return (1, interval.low, 3 if interval.low_open else 1)  # an open start counts just above its value

    def end(interval: Interval) -> tuple[int, Fraction, int]:
        if interval.high is None:
            return (2, Fraction(0), 0)
        return (1, interval.high, 0 if interval.high_open else 2)  # a closed end still covers its value

    events = sorted(
        [(start(claim.value.interval), 1) for claim in claims] + [(end(claim.value.interval), -1) for claim in claims]
    )
    covered, best, best_key = 0, 0, events[0][0]
    for key, step in events:
        covered += step
        if covered > best:
            best, best_key = covered, key
    return [
        claim
        for claim in claims
        if start(claim.value.interval) <= best_key < end(claim.value.interval)
    ]


def _extremes_by_unit(claims: Sequence[Claim]) -> dict[RateUnit, tuple[Claim, Claim]]:
    """Per unit, the rate read highest at its low end and the one read lowest at its high end."""
    by_unit: dict[RateUnit, list[Claim]] = {}
    for claim in claims:
        if claim.per is not None:
            by_unit.setdefault(claim.per, []).append(claim)
    return {unit: (highest_low(group, _interval), lowest_high(group, _interval)) for unit, group in by_unit.items()}


def _disagreeing(extremes: dict[RateUnit, tuple[Claim, Claim]]) -> Iterator[tuple[Claim, Claim]]:
    """Candidate pairs: if any two rates of the group disagree, one of these pairs does.

    Converting to a common unit multiplies every rate of a unit by the same factor, so the
    extremes of a unit stay its extremes after conversion.
    """
    seen: set[frozenset[str]] = set()
    for high_a, low_a in extremes.values():
        for high_b, low_b in extremes.values():
            for a, b in ((high_a, low_b), (low_a, high_b)):
                key = frozenset((a.id, b.id))
                if a is not b and key not in seen:
                    seen.add(key)
                    yield a, b


@rule(RATE_TOTAL_MISMATCH)
def rate_total_mismatch(claim_set: ClaimSet, context: Context) -> Iterator[Violation]:
    for relation in claim_set.relations:
        if isinstance(relation, Same):
            yield from _stated_rate_counts(claim_set, relation)
    already_stated = stated_same(claim_set)
    lengths: dict[Hashable, _Length | None] = {}
    for rates, counts in rate_count_pairs(claim_set):
        expected = [found for rate in rates if (found := _expected_total(rate, span_of(rate), lengths=lengths)) is not None]
        if not expected:
            continue
        if needs_source_link(rates[0]):
            # A running total to a multi-day `as_of` from unlinked sources may be counted on
            # different days: each rate meets only the counts of its own line of reporting.
            candidates = [
                (total, count)
                for total in expected
                for count in counts
                if may_be_one_quantity(claim_set, total.rate, count) is not None
            ]
        else:
            candidates = [
                (highest_low(expected, _expected_interval), lowest_high(counts, _interval)),
                (lowest_high(expected, _expected_interval), highest_low(counts, _interval)),
            ]
        reported: set[tuple[str, str]] = set()
        for total, count in candidates:
            rate = total.rate
            if total.interval.intersects(count.value.interval) or (rate.id, count.id) in reported:
                continue
            if already_stated(rate, count):
                continue  # the explicit [[same]] above answers for them
            reported.add((rate.id, count.id))
            yield _rate_total_violation(total, count, inferred=True)


@attrs.frozen
class _ExpectedTotal:
    """What a rate gives over a period: rate x the number of its units in that period."""

    rate: Claim
    period: DateRange
    days: Interval
    units: Interval
    conventions: tuple[str, ...]
    interval: Interval


def _expected_interval(total: _ExpectedTotal) -> Interval:
    return total.interval


@attrs.frozen
class _Length:
    """How long a period is: its days, and the rate units it holds under the conventions used."""

    days: Interval
    units: Interval
    conventions: tuple[str, ...]


def _period_key(dates: DateRange | None) -> Hashable:
    """All that a period's length depends on; DateRange equality leaves out a stated start and end."""
    if dates is None:
        return None
    return (dates.first, dates.last, _period_key(dates.start), _period_key(dates.end))


def _length(since: DateRange | None, period: DateRange, unit: RateUnit) -> _Length | None:
    found = units_in_period(since, period, unit)
    if found is None:
        return None
    units, conventions = found
    days = period_days(since, period)
    assert days is not None  # units_in_period found a length
    return _Length(days, units, tuple(conventions))


def _expected_total(
    rate: Claim,
    period: DateRange | None,
    start: DateRange | None = None,
    *,
    lengths: dict[Hashable, _Length | None] | None = None,
) -> _ExpectedTotal | None:
    """What the rate gives over the period; `lengths` keeps the periods measured so far, as most rates share a few."""
    if rate.per is None or period is None:
        return None
    since = rate.since if start is None else start
    if lengths is None:
        length = _length(since, period, rate.per)
    else:
        key = (_period_key(since), _period_key(period), rate.per)
        if key in lengths:
            length = lengths[key]
        else:
            length = lengths[key] = _length(since, period, rate.per)
    if length is None:
        return None
    return _ExpectedTotal(rate, period, length.days, length.units, length.conventions, rate.value.interval * length.units)


def _stated_rate_counts(claim_set: ClaimSet, relation: Same) -> Iterator[Violation]:
    """A [[same]] that joins a rate and a count: the rate over the count's period must give the count."""
    claims = claim_set.claims_named(relation.claims)
    if claims is None:
        return
    rates = [claim for claim in claims if kind_of(claim) is Kind.RATE]
    counts = [claim for claim in claims if kind_of(claim) is Kind.COUNT]
    for rate in rates:
        for count in counts:
            period = span_of(count) or span_of(rate)
            start = count.since if span_of(count) is not None else rate.since
            total = _expected_total(rate, period, start)
            if total is None:
                yield Violation(
                    message=(
                        f"[[same]] joins the rate {rate.id} ({stated(rate)} per {rate.per.value if rate.per else '?'}) "
                        f"and the count {count.id} ({stated(count)}), but neither states the period that would "
                        "convert one into the other"
                    ),
                    claims=[rate, count],
                    explanation=["give the count a `period` (or `since` and `as_of`) so the rate can be multiplied out"],
                    location=relation.location,
                )
            elif not total.interval.intersects(count.value.interval):
                yield _rate_total_violation(total, count, inferred=False)


def _rate_total_violation(total: _ExpectedTotal, count: Claim, *, inferred: bool) -> Violation:
    rate = total.rate
    unit = rate.per
    assert unit is not None
    period = f"since {rate.since} to {total.period}" if rate.since is not None else str(total.period)
    units = _rounded(total.units)
    link = (
        f"inferred: a rate and a count of {count.metric!r} over the same period"
        if inferred
        else "stated: [[same]] joins the rate and the count"
    )
    return Violation(
        message=(
            f"{rate.id} ({stated(rate)} per {unit.value}) over {period} gives {_rounded(total.interval)}, "
            f"which cannot be the count {count.id} ({stated(count)})"
        ),
        claims=[rate, count],
        explanation=[
            f"{period} is {_rounded(total.days)} days, which hold {units} {unit.value}s",
            f"{stated(rate)} per {unit.value} x {units} {unit.value}s = {_rounded(total.interval)}, "
            f"but {count.id} says {stated(count)}"
            + ("" if count.value.is_exact else f" ({_rounded(count.value.interval)})"),
            *(f"convention: {convention}" for convention in total.conventions),
            *readings([rate, count]),
            link,
        ],
        location=count.location_of("value"),
        figure=Figure(
            [
                Bar(f"{rate.id}: {stated(rate)} per {unit.value} x {units} {unit.value}s", total.interval, Role.COMPUTED),
                stated_bar(count),
            ],
            gap=gap_between(total.interval, count.value.interval),
            unit=count.value.unit or count.unit,
        ),
    )
