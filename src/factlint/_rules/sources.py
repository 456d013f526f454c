"""C: sources against each other: the same quantity stated with incompatible values in different sources."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from factlint._codes import SOURCES_DISAGREE
from factlint._corrections import typo_kind
from factlint._figures import Figure, gap_between, stated_bar
from factlint._identity import (
    UNDATED_ASSUMPTION,
    highest_low,
    is_undated,
    lowest_high,
    may_be_one_quantity,
    needs_source_link,
    same_quantity_groups,
    stated_same,
)
from factlint._intervals import Interval, format_number
from factlint._model import Claim, ClaimSet
from factlint._quantities import Hedge
from factlint._rule import Fix, Violation, rule
from factlint._settings import Context
from factlint._wording import interval_text, readings, stated

# A group this large that needs its pairs checked one by one (running totals at month precision,
# forecasts) is compared by its extremes within each source link instead; see _pairs.
_PAIRWISE_LIMIT = 64


def _interval(claim: Claim) -> Interval:
    return claim.value.interval


@rule(SOURCES_DISAGREE)
def sources_disagree(claim_set: ClaimSet, context: Context) -> Iterator[Violation]:
    already_stated = stated_same(claim_set)
    for group in same_quantity_groups(claim_set):
        for high, low in _pairs(claim_set, group):
            if high.value.interval.intersects(low.value.interval):
                continue
            if already_stated(high, low):
                continue  # an explicit [[same]] ties them: R101 reports it
            reason = may_be_one_quantity(claim_set, high, low)
            if reason is None:
                continue
            yield _disagreement(claim_set, high, low, reason)


def _pairs(claim_set: ClaimSet, group: Sequence[Claim]) -> list[tuple[Claim, Claim]]:
    """Pairs from different sources; if any pair that states one quantity cannot agree, one of these cannot."""
    by_source = [claim for claim in group if claim.source is not None]
    if len({claim.source for claim in by_source}) < 2:
        return []
    needs_links = needs_source_link(by_source[0])
    if needs_links and len(by_source) <= _PAIRWISE_LIMIT:
        return [
            _high_then_low(a, b)
            for index, a in enumerate(by_source)
            for b in by_source[index + 1 :]
            if a.source != b.source
        ]
    if needs_links:
        return []  # too many unlinked statements of a month-precision running total to compare safely
    high = highest_low(by_source, _interval)
    low = lowest_high(by_source, _interval)
    if high.source != low.source:
        return [(high, low)]
    others_high = highest_low([claim for claim in by_source if claim.source != low.source], _interval)
    others_low = lowest_high([claim for claim in by_source if claim.source != high.source], _interval)
    return [(high, others_low), (others_high, low)]


def _high_then_low(a: Claim, b: Claim) -> tuple[Claim, Claim]:
    high = highest_low([a, b], _interval)
    return (high, b if high is a else a)


def _disagreement(claim_set: ClaimSet, high: Claim, low: Claim, reason: str) -> Violation:
    high_source, low_source = claim_set.source_of(high), claim_set.source_of(low)
    when = high.when
    time = f" as of {when}" if when is not None else ""
    if high.since is not None:
        time += f" since {high.since}"
    explanation = [
        f"{high.id} {stated(high)} means {interval_text(high.value.interval, high.value.percent)}, "
        f"{low.id} {stated(low)} means {interval_text(low.value.interval, low.value.percent)}: no value lies in both",
        *readings([high, low]),
        f"inferred: one quantity ({reason}), from different sources ({high.source} and {low.source})",
        *([UNDATED_ASSUMPTION] if is_undated(high) else []),
    ]
    return Violation(
        message=(
            f"{high_source.label if high_source else high.source} says {stated(high)}, "
            f"{low_source.label if low_source else low.source} says {stated(low)}: "
            f"{high.metric!r}{time} cannot be both"
        ),
        claims=[high, low],
        explanation=explanation,
        fix=_typo_fix(claim_set, high, low),
        location=low.location_of("value"),
        figure=Figure(
            [
                stated_bar(high, f"{high_source.label if high_source else high.source}: {stated(high)}"),
                stated_bar(low, f"{low_source.label if low_source else low.source}: {stated(low)}"),
            ],
            gap=gap_between(high.value.interval, low.value.interval),
            unit="%" if high.value.percent else high.value.unit or high.unit,
        ),
    )


def _typo_fix(claim_set: ClaimSet, one: Claim, other: Claim) -> Fix | None:
    """When the two exact values are one typo apart, suggest the copy is the mistyped one.

    The copy is the claim whose source cites the other's; failing that, the later publication.
    """
    if one.value.hedge is not Hedge.EXACT or other.value.hedge is not Hedge.EXACT:
        return None
    kind = typo_kind(one.value.nominal, other.value.nominal)
    if kind is None:
        return None
    copy, original = _copy_and_original(claim_set, one, other)
    return Fix(
        f"{format_number(copy.value.nominal)} may be a typo for {format_number(original.value.nominal)} "
        f"({kind}) in {copy.id}, which {_why_copy(claim_set, copy, original)}",
        copy.id,
        format_number(original.value.nominal),
    )


def _copy_and_original(claim_set: ClaimSet, one: Claim, other: Claim) -> tuple[Claim, Claim]:
    one_source, other_source = claim_set.source_of(one), claim_set.source_of(other)
    if one_source is not None and other.source in one_source.cites:
        return one, other
    if other_source is not None and one.source in other_source.cites:
        return other, one
    one_day = one_source.published.last if one_source and one_source.published else None
    other_day = other_source.published.last if other_source and other_source.published else None
    if one_day is not None and other_day is not None and one_day < other_day:
        return other, one
    return one, other


def _why_copy(claim_set: ClaimSet, copy: Claim, original: Claim) -> str:
    source = claim_set.source_of(copy)
    if source is not None and original.source in source.cites:
        return f"cites {original.source}"
    return "was published later, or is listed second"
