"""T: time: running totals that fall, claims dated after their source, and periods that end before they start."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from factlint._codes import DATED_AFTER_SOURCE, PERIOD_REVERSED, RUNNING_TOTAL_DECREASES
from factlint._corrections import digit_variants
from factlint._dates import DateRange
from factlint._inference import highest_low, lowest_high, running_totals
from factlint._intervals import Interval, Truth, format_number
from factlint._model import Claim, ClaimSet, Source
from factlint._rule import Fix, Violation, rule
from factlint._settings import Context
from factlint._wording import interval_text, readings, stated


def _span(dates: DateRange) -> str:
    """A date as stated, with the days it was read as when that adds something."""
    days = f"{dates.first}..{dates.last}" if dates.first != dates.last else f"{dates.first}"
    return str(dates) if str(dates) == days else f"{dates} ({days})"


@rule(RUNNING_TOTAL_DECREASES)
def running_total_decreases(claim_set: ClaimSet, context: Context) -> Iterator[Violation]:
    for group in running_totals(claim_set):
        yield from _check_running_total(group)


def _check_running_total(group: Sequence[Claim]) -> Iterator[Violation]:
    # Sweep by date: for each claim, the earlier claim (its date range ends before this one
    # starts) with the highest reading is the only one that needs comparing.
    by_first = sorted(group, key=lambda claim: claim.as_of.first)  # type: ignore[union-attr]
    by_last = sorted(group, key=lambda claim: claim.as_of.last)  # type: ignore[union-attr]
    before: dict[str, Claim | None] = {}
    best: Claim | None = None
    index = 0
    for claim in by_first:
        while index < len(by_last) and by_last[index].as_of.last < claim.as_of.first:  # type: ignore[union-attr, operator]
            candidate = by_last[index]
            best = candidate if best is None else highest_low([best, candidate], _interval)
            index += 1
        before[claim.id] = best
    after: dict[str, Claim | None] = {}
    best = None
    index = len(by_first) - 1
    for claim in reversed(by_last):
        while index >= 0 and by_first[index].as_of.first > claim.as_of.last:  # type: ignore[union-attr, operator]
            candidate = by_first[index]
            best = candidate if best is None else lowest_high([best, candidate], _interval)
            index -= 1
        after[claim.id] = best

    for later in by_first:
        earlier = before[later.id]
        if earlier is None or later.value.interval.greater_equal(earlier.value.interval) is not Truth.CERTAINLY_NOT:
            continue
        drop = earlier.value.nominal - later.value.nominal
        if earlier.value.is_exact and later.value.is_exact:
            arithmetic = (
                f"{earlier.id} {stated(earlier)} as of {earlier.as_of} > {later.id} {stated(later)} "
                f"as of {later.as_of}: {format_number(drop)} fewer"
            )
        else:
            arithmetic = (
                f"{earlier.id} {stated(earlier)} as of {earlier.as_of} is at least "
                f"{interval_text(earlier.value.interval)}, above {later.id} {stated(later)} as of {later.as_of} "
                f"({interval_text(later.value.interval)})"
            )
        yield Violation(
            message=(
                f"running total {later.id} ({stated(later)} as of {later.as_of}) is lower than "
                f"{earlier.id} ({stated(earlier)} as of {earlier.as_of})"
            ),
            claims=[earlier, later],
            explanation=[
                arithmetic,
                f"both count {later.metric!r}{' ' + str(later.dims) if later.dims else ''} since {later.since}; "
                "a running total cannot fall",
                f"dates: {_span(earlier.as_of)} ends before {_span(later.as_of)} begins",  # type: ignore[arg-type]
                *readings([earlier, later]),
            ],
            fix=_running_total_fix(earlier, later, before, after),
            location=later.location_of("value"),
        )


def _interval(claim: Claim) -> Interval:
    return claim.value.interval


def _running_total_fix(
    earlier: Claim, later: Claim, before: dict[str, Claim | None], after: dict[str, Claim | None]
) -> Fix | None:
    """A typo in exactly one of the two claims that makes the whole running total hold again."""
    if not (earlier.value.is_exact and later.value.is_exact):
        return None
    fixes = [fix for claim in (earlier, later) if (fix := _nearest_fitting_variant(claim, before, after))]
    return fixes[0] if len(fixes) == 1 else None


def _nearest_fitting_variant(
    claim: Claim, before: dict[str, Claim | None], after: dict[str, Claim | None]
) -> Fix | None:
    floor, ceiling = before[claim.id], after[claim.id]
    # The values the claim may take: no lower than the highest earlier total, no higher than the lowest later one.
    try:
        allowed = Interval(
            None if floor is None else floor.value.interval.low,
            None if ceiling is None else ceiling.value.interval.high,
            floor is not None and floor.value.interval.low_open,
            ceiling is not None and ceiling.value.interval.high_open,
        )
    except ValueError:
        return None  # its neighbours already contradict each other: no value of this claim helps
    fits = allowed.__contains__

    fitting = [(value, kind) for value, kind in digit_variants(claim.value.nominal) if fits(value)]
    if not fitting:
        return None
    value, kind = min(fitting, key=lambda item: abs(item[0] - claim.value.nominal))
    return Fix(
        f"{format_number(claim.value.nominal)} may be a typo for {format_number(value)} ({kind}) in {claim.id}: "
        "the running total would then never fall",
        claim.id,
        format_number(value),
    )


@rule(DATED_AFTER_SOURCE)
def dated_after_source(claim_set: ClaimSet, context: Context) -> Iterator[Violation]:
    for claim in claim_set.claims:
        source = claim_set.source_of(claim)
        if source is None or source.published is None or source.published.last is None:
            continue
        for field in ("as_of", "period"):
            dates: DateRange | None = getattr(claim, field)
            if dates is None or dates.first is None or not dates.first > source.published.last:
                continue
            yield Violation(
                message=(
                    f"{claim.id} is dated {dates} ({field}), after its source {source.id} was published "
                    f"({source.published})"
                ),
                claims=[claim],
                explanation=[
                    f"{field} {_span(dates)} begins after its source {source.id} was published "
                    f"({_span(source.published)})",
                    "a source can only report what happened before it was published: "
                    "check the claim's date, its year (a date without one is placed before the source) "
                    "or which source it came from",
                ],
                location=claim.location_of(field),
            )
    for source in claim_set.sources:
        if source.published is None or source.published.last is None:
            continue
        for cited_id in source.cites:
            cited = claim_set.source(cited_id)
            if cited is None or cited.published is None or cited.published.first is None:
                continue
            if cited.published.first > source.published.last:
                yield _cites_later(source, cited)


def _cites_later(source: Source, cited: Source) -> Violation:
    return Violation(
        message=f"source {source.id} ({source.published}) cites {cited.id}, published later ({cited.published})",
        explanation=[
            f"{source.id} was published on {_span(source.published)}, "  # type: ignore[arg-type]
            f"before {cited.id} was published on {_span(cited.published)}",  # type: ignore[arg-type]
            "a source can only cite what was already published",
        ],
        location=source.location_of("cites"),
    )


@rule(PERIOD_REVERSED)
def period_reversed(claim_set: ClaimSet, context: Context) -> Iterator[Violation]:
    for claim in claim_set.claims:
        for field in ("period", "as_of", "since"):
            dates: DateRange | None = getattr(claim, field)
            if dates is not None and dates.is_reversed():
                yield Violation(
                    message=f"{claim.id}: {field} {dates} ends before it starts",
                    claims=[claim],
                    explanation=[f"{field} {dates!s} runs from {dates.first} back to {dates.last}"],
                    location=claim.location_of(field),
                )
        if claim.since is None or claim.since.is_reversed():
            continue
        end = claim.as_of if claim.as_of is not None else claim.period
        if end is None or end.is_reversed() or claim.since.first is None or end.last is None:
            continue
        if claim.since.first > end.last:
            field = "as_of" if claim.as_of is not None else "period"
            yield Violation(
                message=f"{claim.id} counts since {claim.since}, after its {field} {end}",
                claims=[claim],
                explanation=[
                    f"since {_span(claim.since)} begins after {field} {_span(end)} ends: "
                    "a running total cannot start after the date it is counted to"
                ],
                location=claim.location_of("since"),
            )
