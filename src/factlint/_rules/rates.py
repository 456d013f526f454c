"""R: rates: one rate stated per week, month or year that disagrees with itself, or with a count for its period."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from fractions import Fraction

from factlint._codes import RATE_CONVERSION_MISMATCH, RATE_TOTAL_MISMATCH
from factlint._conventions import UNIT_DAYS, conventions_used, conversion_factor, period_days
from factlint._inference import (
    highest_low,
    lowest_high,
    overlapping_times,
    rate_count_groups,
    rate_groups,
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


def _converted(claim: Claim, unit: RateUnit) -> Interval:
    return claim.value.interval * conversion_factor(claim.per, unit)  # type: ignore[arg-type]


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
        )
    # Convert the rate with the shorter unit into the longer one: "per week x 52 weeks a year".
    if _UNIT_ORDER.index(a.per) > _UNIT_ORDER.index(b.per):
        a, b = b, a
    converted = _converted(a, b.per)
    if converted.intersects(b.value.interval):
        return None
    arithmetic = (
        f"{stated(a)} per {a.per.value} x {_factor_text(a.per, b.per)} = {_rounded(converted)}, "
        f"but {stated(b)} per {b.per.value} means {_rounded(b.value.interval)}"
    )
    conventions = conventions_used(a.per, b.per)
    explanation = [arithmetic]
    if conventions and a.per is not b.per:
        explanation.append("conventions tried, and every one fails: " + "; ".join(conventions))
    explanation.extend(readings([a, b]))
    if inferred:
        explanation.append(
            f"inferred: both are rates of {a.metric!r}{' ' + str(a.dims) if a.dims else ''} over overlapping times "
            f"({a.when or 'unstated'} and {b.when or 'unstated'})"
        )
    return Violation(
        message=(
            f"{a.id} ({stated(a)} per {a.per.value}) and {b.id} ({stated(b)} per {b.per.value}) "
            "cannot be the same rate"
        ),
        claims=[a, b],
        explanation=explanation,
        location=b.location_of("value"),
    )


@rule(RATE_CONVERSION_MISMATCH)
def rate_conversion_mismatch(claim_set: ClaimSet, context: Context) -> Iterator[Violation]:
    for relation in claim_set.relations:
        if not isinstance(relation, Same):
            continue
        claims = claim_set.claims_named(relation.claims)
        if claims is None:
            continue  # F003 reports the unknown id
        # A [[same]] names a handful of claims, so all its pairs are compared.
        for index, a in enumerate(claims):
            for b in claims[index + 1 :]:
                violation = _rate_conflict(a, b, inferred=False)  # type: ignore[arg-type]
                if violation is not None:
                    yield violation
    already_stated = stated_same(claim_set)
    for buckets in rate_groups(claim_set):
        extremes = {time: _extremes_by_unit(claims) for time, claims in buckets.items()}
        pairs: list[tuple[Hashable, Hashable]] = [(time, time) for time in buckets]
        pairs.extend(overlapping_times(list(buckets)))
        for first, second in pairs:
            for a, b in _disagreeing(extremes[first], extremes[second]):
                if already_stated(a, b):
                    continue  # the explicit [[same]] above answers for them
                violation = _rate_conflict(a, b, inferred=True)
                if violation is not None:
                    yield violation


def _extremes_by_unit(claims: Sequence[Claim]) -> dict[RateUnit, tuple[Claim, Claim]]:
    """Per unit, the rate read highest at its low end and the one read lowest at its high end."""
    by_unit: dict[RateUnit, list[Claim]] = {}
    for claim in claims:
        by_unit.setdefault(claim.per, []).append(claim)  # type: ignore[arg-type]
    interval: Callable[[Claim], Interval] = lambda claim: claim.value.interval
    return {unit: (highest_low(group, interval), lowest_high(group, interval)) for unit, group in by_unit.items()}


def _disagreeing(
    one: dict[RateUnit, tuple[Claim, Claim]], other: dict[RateUnit, tuple[Claim, Claim]]
) -> Iterator[tuple[Claim, Claim]]:
    """Candidate pairs: if any two rates of the two times disagree, one of these pairs does.

    Converting to a common unit multiplies every rate of a unit by the same factor, so the
    extremes of a unit stay its extremes after conversion.
    """
    seen: set[frozenset[str]] = set()
    for unit_a, (high_a, low_a) in one.items():
        for unit_b, (high_b, low_b) in other.items():
            for a, b in ((high_a, low_b), (low_a, high_b)):
                key = frozenset((a.id, b.id))
                if a is not b and key not in seen:
                    seen.add(key)
                    yield a, b


@rule(RATE_TOTAL_MISMATCH)
def rate_total_mismatch(claim_set: ClaimSet, context: Context) -> Iterator[Violation]:
    for rates, counts in rate_count_groups(claim_set):
        expected = {}
        for rate in rates:
            days = period_days(rate.since, span_of(rate))  # type: ignore[arg-type]
            if days is not None and days.low is not None and days.low > 0:
                unit_days = UNIT_DAYS[rate.per][0]  # type: ignore[index]
                expected[rate.id] = (rate, days, rate.value.interval * (days / unit_days))
        if not expected:
            continue
        totals = list(expected.values())
        by_expected: Callable[[tuple[Claim, Interval, Interval]], Interval] = lambda item: item[2]
        by_count: Callable[[Claim], Interval] = lambda claim: claim.value.interval
        candidates = [
            (highest_low(totals, by_expected), lowest_high(counts, by_count)),
            (lowest_high(totals, by_expected), highest_low(counts, by_count)),
        ]
        reported: set[tuple[str, str]] = set()
        for (rate, days, total), count in candidates:
            if total.intersects(count.value.interval) or (rate.id, count.id) in reported:
                continue
            reported.add((rate.id, count.id))
            yield _rate_total_violation(rate, days, total, count)


def _rate_total_violation(rate: Claim, days: Interval, total: Interval, count: Claim) -> Violation:
    unit = rate.per
    unit_days, convention = UNIT_DAYS[unit]  # type: ignore[index]
    span = span_of(rate)
    length = f"{_rounded(days)} days" if not days.is_point else f"{_short(days.low)} days"  # type: ignore[arg-type]
    units = _rounded(days / unit_days)
    period = f"since {rate.since} to {span}" if rate.since is not None else str(span)
    return Violation(
        message=(
            f"{rate.id} ({stated(rate)} per {unit.value}) over {period} gives {_rounded(total)}, "  # type: ignore[union-attr]
            f"which cannot be the count {count.id} ({stated(count)})"
        ),
        claims=[rate, count],
        explanation=[
            f"{period} is {length} = {units} {unit.value}s",  # type: ignore[union-attr]
            f"{stated(rate)} per {unit.value} x {units} {unit.value}s = {_rounded(total)}, "  # type: ignore[union-attr]
            f"but {count.id} says {stated(count)}"
            + ("" if count.value.is_exact else f" ({_rounded(count.value.interval)})"),
            *([f"convention: {convention}"] if unit is not RateUnit.DAY else []),
            *readings([rate, count]),
            f"inferred: a rate and a count of {count.metric!r} over the same period",
        ],
        location=count.location_of("value"),
    )
