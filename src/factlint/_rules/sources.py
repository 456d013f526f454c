"""C: sources against each other: the same quantity stated with incompatible values in different sources."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from factlint._codes import SOURCES_DISAGREE
from factlint._inference import highest_low, lowest_high, same_quantity_groups, stated_same
from factlint._intervals import Interval
from factlint._model import Claim, ClaimSet
from factlint._rule import Violation, rule
from factlint._settings import Context
from factlint._wording import interval_text, readings, stated


def _interval(claim: Claim) -> Interval:
    return claim.value.interval


@rule(SOURCES_DISAGREE)
def sources_disagree(claim_set: ClaimSet, context: Context) -> Iterator[Violation]:
    already_stated = stated_same(claim_set)
    for group in same_quantity_groups(claim_set):
        for high, low in _cross_source_extremes(group):
            if high.value.interval.intersects(low.value.interval):
                continue
            if already_stated(high, low):
                continue  # an explicit [[same]] ties them: R101 reports it
            yield _disagreement(claim_set, high, low)


def _cross_source_extremes(group: Sequence[Claim]) -> list[tuple[Claim, Claim]]:
    """Pairs from different sources; if any such pair cannot agree, one of these cannot.

    The claim read highest (at its low end) against the one read lowest (at its high end); when
    both come from one source, each of them against the most extreme claim of the other sources.
    """
    by_source = [claim for claim in group if claim.source is not None]
    if len({claim.source for claim in by_source}) < 2:
        return []
    high = highest_low(by_source, _interval)
    low = lowest_high(by_source, _interval)
    if high.source != low.source:
        return [(high, low)]
    others_high = highest_low([claim for claim in by_source if claim.source != low.source], _interval)
    others_low = lowest_high([claim for claim in by_source if claim.source != high.source], _interval)
    return [(high, others_low), (others_high, low)]


def _disagreement(claim_set: ClaimSet, high: Claim, low: Claim) -> Violation:
    high_source, low_source = claim_set.source_of(high), claim_set.source_of(low)
    when = high.when
    time = f" as of {when}" if when is not None else ""
    if high.since is not None:
        time += f" since {high.since}"
    return Violation(
        message=(
            f"{high_source.label if high_source else high.source} says {stated(high)}, "
            f"{low_source.label if low_source else low.source} says {stated(low)}: "
            f"{high.metric!r}{time} cannot be both"
        ),
        claims=[high, low],
        explanation=[
            f"{high.id} {stated(high)} means {interval_text(high.value.interval, high.value.percent)}, "
            f"{low.id} {stated(low)} means {interval_text(low.value.interval, low.value.percent)}: no value lies in both",
            *readings([high, low]),
            f"inferred: same metric{', dims' if high.dims else ''}{', per' if high.per else ''} and time, "
            f"from different sources ({high.source} and {low.source})",
        ],
        location=low.location_of("value"),
    )
