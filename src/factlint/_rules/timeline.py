"""T: time: running totals that fall, claims dated after their source, and periods that end before they start."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence

from factlint._codes import DATED_AFTER_SOURCE, PERIOD_REVERSED, RUNNING_TOTAL_DECREASES, SUBPERIOD_EXCEEDS_PERIOD
from factlint._corrections import digit_variants
from factlint._dates import DateRange
from factlint._figures import Bar, Figure, Role, date_bar, day_interval, gap_between
from factlint._identity import EndKey, Tally, high_key, low_key, nested_counts, running_totals
from factlint._intervals import Interval, Truth, format_number
from factlint._model import Claim, ClaimSet, Source
from factlint._quantities import Hedge
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


def _first_day(tally: Tally) -> datetime.date:
    assert tally.moment.first is not None  # running_totals keeps only dated moments
    return tally.moment.first


def _last_day(tally: Tally) -> datetime.date:
    assert tally.moment.last is not None
    return tally.moment.last


def _check_running_total(group: Sequence[Tally]) -> Iterator[Violation]:
    # Sweep by date: for each claim, the earlier claim (its date range ends before this one
    # starts) with the highest reading is the only one that needs comparing.
    moments = {tally.claim.id: tally.moment for tally in group}
    by_first = sorted(group, key=_first_day)
    by_last = sorted(group, key=_last_day)
    # The best so far is replaced only by one strictly better, as highest_low and lowest_high choose.
    before: dict[str, Claim | None] = {}
    best: Claim | None = None
    best_key: EndKey = (False, 0, True)
    index = 0
    for tally in by_first:
        while index < len(by_last) and _last_day(by_last[index]) < _first_day(tally):
            candidate = by_last[index].claim
            key = low_key(candidate.value.interval)
            if best is None or key > best_key:
                best, best_key = candidate, key
            index += 1
        before[tally.claim.id] = best
    after: dict[str, Claim | None] = {}
    best = None
    index = len(by_first) - 1
    for tally in reversed(by_last):
        while index >= 0 and _first_day(by_first[index]) > _last_day(tally):
            candidate = by_first[index].claim
            key = high_key(candidate.value.interval)
            if best is None or key < best_key:
                best, best_key = candidate, key
            index -= 1
        after[tally.claim.id] = best

    for later_tally in by_first:
        later = later_tally.claim
        earlier = before[later.id]
        if earlier is None or later.value.interval.greater_equal(earlier.value.interval) is not Truth.CERTAINLY_NOT:
            continue
        drop = earlier.value.nominal - later.value.nominal
        earlier_moment, later_moment = moments[earlier.id], later_tally.moment
        if _plain(earlier) and _plain(later):
            arithmetic = (
                f"{earlier.id} {stated(earlier)} as of {earlier_moment} > {later.id} {stated(later)} "
                f"as of {later_moment}: {format_number(drop)} fewer"
            )
        else:
            arithmetic = (
                f"{earlier.id} {stated(earlier)} as of {earlier_moment} is at least "
                f"{interval_text(earlier.value.interval)}, above {later.id} {stated(later)} as of {later_moment} "
                f"({interval_text(later.value.interval)})"
            )
        yield Violation(
            message=(
                f"running total {later.id} ({stated(later)} as of {later_moment}) is lower than "
                f"{earlier.id} ({stated(earlier)} as of {earlier_moment})"
            ),
            claims=[earlier, later],
            explanation=[
                arithmetic,
                f"both count {later.metric!r}{' ' + str(later.dims) if later.dims else ''} from one start "
                f"({_start_of(later)}); a running total cannot fall",
                f"dates: {_span(earlier_moment)} ends before {_span(later_moment)} begins",
                *readings([earlier, later]),
                *([] if earlier.since is not None and later.since is not None else [
                    "inferred: counts over periods that share a start are one running total, read at each period's end"
                ]),
            ],
            fix=_running_total_fix(earlier, later, before, after),
            location=later.location_of("value"),
            figure=Figure(
                [
                    date_bar(f"{earlier.id}: {stated(earlier)} as of {earlier_moment}", earlier_moment),
                    date_bar(f"{later.id}: {stated(later)} as of {later_moment}, lower", later_moment),
                ],
                timeline=True,
            ),
        )


def _start_of(claim: Claim) -> str:
    if claim.since is not None:
        return f"since {claim.since}"
    period = claim.period
    if period is not None and period.start is not None:
        return f"since {period.start}"
    return f"since {period.first}" if period is not None else "one start"


def _plain(claim: Claim) -> bool:
    """Stated without a hedge word: shown as stated, and open to a typo correction."""
    return claim.value.hedge is Hedge.EXACT


@rule(SUBPERIOD_EXCEEDS_PERIOD)
def subperiod_exceeds_period(claim_set: ClaimSet, context: Context) -> Iterator[Violation]:
    for inner, outer in nested_counts(claim_set):
        if inner.value.interval.greater_than(outer.value.interval) is not Truth.CERTAINLY:
            continue
        inner_span, outer_span = _covered(inner), _covered(outer)
        if _plain(inner) and _plain(outer):
            arithmetic = (
                f"{inner.id} {stated(inner)} over {inner_span} > {outer.id} {stated(outer)} over {outer_span}: "
                f"{format_number(inner.value.nominal - outer.value.nominal)} more in the shorter period"
            )
        else:
            arithmetic = (
                f"{inner.id} {stated(inner)} over {inner_span} is at least {interval_text(inner.value.interval)}, "
                f"above {outer.id} {stated(outer)} over {outer_span} ({interval_text(outer.value.interval)})"
            )
        yield Violation(
            message=(
                f"{inner.id} ({stated(inner)} over {inner_span}) is larger than {outer.id} "
                f"({stated(outer)} over {outer_span}), a longer period that contains it"
            ),
            claims=[inner, outer],
            explanation=[
                arithmetic,
                *readings([inner, outer]),
                f"inferred: counts of {inner.metric!r}{' ' + str(inner.dims) if inner.dims else ''}; "
                f"{inner_span} lies inside {outer_span} on every reading of both dates, and a count over a "
                "period cannot be negative, so the part of the time cannot hold more than the whole",
            ],
            location=inner.location_of("value"),
            figure=Figure(
                [
                    _covered_bar(f"{inner.id}: {stated(inner)} over {inner_span}", inner),
                    _covered_bar(f"{outer.id}: {stated(outer)} over {outer_span}, fewer", outer),
                ],
                timeline=True,
            ),
        )


def _covered_bar(label: str, claim: Claim) -> Bar:
    """The stretch a count covers on a timeline: its period, or since..as_of."""
    if claim.since is not None:
        return Bar(label, day_interval(claim.since.first, claim.as_of.last if claim.as_of else None))
    return date_bar(label, claim.period) if claim.period is not None else Bar(label, Interval.everything())


def _covered(claim: Claim) -> str:
    """The stretch a count covers, as stated: its period, or since..as_of."""
    if claim.since is not None:
        return f"{claim.since} to {claim.as_of}"
    return str(claim.period)


def _running_total_fix(
    earlier: Claim, later: Claim, before: dict[str, Claim | None], after: dict[str, Claim | None]
) -> Fix | None:
    """A typo in exactly one of the two claims that makes the whole running total hold again."""
    if not (_plain(earlier) and _plain(later)):
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
        if claim.forecast:
            continue  # a plan, budget or projection may lie after its source
        for field in ("as_of", "period"):
            dates: DateRange | None = getattr(claim, field)
            earliest = _earliest_end(dates) if field == "period" else dates.first if dates is not None else None
            if dates is None or earliest is None or not earliest > source.published.last:
                continue
            what = "ends" if field == "period" else "begins"
            yield Violation(
                message=(
                    f"{claim.id} is dated {dates} ({field}), after its source {source.id} was published "
                    f"({source.published})"
                ),
                claims=[claim],
                explanation=[
                    f"{field} {_span(dates)} {what} after its source {source.id} was published "
                    f"({_span(source.published)})",
                    "a source can only report what happened before it was published: "
                    "check the claim's date, its year (a date without one is placed before the source) "
                    "or which source it came from",
                    "if the figure is a plan, budget or projection, mark the claim `forecast = true`",
                ],
                location=claim.location_of(field),
                figure=Figure(
                    [
                        date_bar(f"source {source.id} published {source.published}", source.published, Role.LIMIT),
                        date_bar(f"{claim.id}: {field} {dates}", dates),
                    ],
                    gap=gap_between(
                        day_interval(source.published.first, source.published.last), day_interval(earliest, earliest)
                    ),
                    timeline=True,
                ),
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


def _earliest_end(period: DateRange | None) -> datetime.date | None:
    """The earliest day a period may end: the first day of its stated end, or its last day."""
    if period is None:
        return None
    if period.end is not None:
        return period.end.first
    return period.last


def _cites_later(source: Source, cited: Source) -> Violation:
    return Violation(
        message=f"source {source.id} ({source.published}) cites {cited.id}, published later ({cited.published})",
        explanation=[
            f"{source.id} was published on {_span(source.published)}, "  # type: ignore[arg-type]
            f"before {cited.id} was published on {_span(cited.published)}",  # type: ignore[arg-type]
            "a source can only cite what was already published",
        ],
        location=source.location_of("cites"),
        figure=Figure(
            [
                date_bar(f"{source.id} published {source.published}", source.published),  # type: ignore[arg-type]
                date_bar(f"{cited.id}, which it cites, published {cited.published}", cited.published),  # type: ignore[arg-type]
            ],
            gap=gap_between(
                day_interval(source.published.first, source.published.last),  # type: ignore[union-attr]
                day_interval(cited.published.first, cited.published.last),  # type: ignore[union-attr]
            ),
            timeline=True,
        ),
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
                    figure=_reversed_figure(field, dates),
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
                figure=Figure(
                    [date_bar(f"{field} {end}", end), date_bar(f"since {claim.since}, later", claim.since)],
                    gap=gap_between(day_interval(end.first, end.last), day_interval(claim.since.first, claim.since.last)),
                    timeline=True,
                ),
            )


def _reversed_figure(field: str, dates: DateRange) -> Figure:
    """A reversed period's two ends on a timeline: where it starts, after where it ends."""
    start = dates.start or DateRange(dates.first, dates.first)
    end = dates.end or DateRange(dates.last, dates.last)
    return Figure(
        [date_bar(f"{field} starts: {start}", start), date_bar(f"{field} ends, earlier: {end}", end)],
        gap=gap_between(day_interval(end.first, end.last), day_interval(start.first, start.last)),
        timeline=True,
    )
