"""Consistent claim sets: groups of claims built from true values, each stated within its reading."""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from factlint._dates import DateRange, parse_date_range
from factlint._intervals import Interval
from factlint._model import Check, Claim, ClaimSet, Part, RateUnit, Ratio, Relation, Same, Source, Sum
from factlint._quantities import Quantity, parse_quantity
from factlint.strategies._arguments import check_sizes
from factlint.strategies._claims import METRICS, PUBLISHERS
from factlint.strategies._dates import (
    DATE_FORMS,
    DateForm,
    date_ranges,
    day_between,
    month_span,
    written_date,
    written_months,
)
from factlint.strategies._numbers import FACTOR_WORDS, integer_text
from factlint.strategies._quantities import statement_of

__all__ = [
    "CLAIM_YEARS",
    "GROUP_KINDS",
    "TRUE_UNIT_DAYS",
    "ClaimSetBuilder",
    "check_kinds",
    "claim_set_builders",
    "consistent_claim_sets",
    "counts",
    "published_source",
    "when",
    "whole_numbers_in",
]

# The length of a year that every conversion of a true rate uses: within every convention's range.
_TRUE_YEAR_DAYS = 365
TRUE_UNIT_DAYS = {
    RateUnit.DAY: Fraction(1),
    RateUnit.WEEK: Fraction(7),
    RateUnit.MONTH: Fraction(_TRUE_YEAR_DAYS, 12),
    RateUnit.QUARTER: Fraction(_TRUE_YEAR_DAYS, 4),
    RateUnit.YEAR: Fraction(_TRUE_YEAR_DAYS),
}
# Claims are dated up to 2024; every source is published from 2025 on, so no claim is dated after its source.
CLAIM_YEARS = (2012, 2024)
_CLAIM_DAYS = (datetime.date(CLAIM_YEARS[0], 1, 1), datetime.date(CLAIM_YEARS[1], 12, 31))
_PUBLISHED = (datetime.date(2025, 1, 1), datetime.date(2026, 12, 31))
# Forecasts, plans and budgets are for years after every source's publication.
_FORECAST_YEARS = (2027, 2030)
# Plain-date forms within one year, for a part of a year ("H2 2023", "Q3 2023", "May 2023"): not the year itself.
_PART_OF_YEAR_FORMS = tuple(form for form in DATE_FORMS if form != "year")


@attrs.define
class ClaimSetBuilder:
    """Collects the claims, sources and relations of a claim set as its groups are drawn."""

    draw: st.DrawFn
    claims: list[Claim] = attrs.Factory(list)
    sources: list[Source] = attrs.Factory(list)
    relations: list[Relation] = attrs.Factory(list)
    groups: int = 0

    def group(self, kind: str) -> tuple[str, str]:
        """A fresh id prefix and metric for one group, so that groups never meet in inference."""
        self.groups += 1
        word = self.draw(st.sampled_from(METRICS))
        return f"{kind.replace('-', '_')}{self.groups}_", f"{word} ({kind} {self.groups})"

    def source(self) -> str | None:
        """A source id for a group: one of the set's sources, or none."""
        return self.draw(st.none() | st.sampled_from([source.id for source in self.sources])) if self.sources else None

    def add(self, claim: Claim) -> Claim:
        self.claims.append(claim)
        return claim

    def add_source(self, source: Source) -> Source:
        self.sources.append(source)
        return source

    def build(self) -> ClaimSet:
        return ClaimSet(claims=self.claims, sources=self.sources, relations=self.relations)


def published_source(draw: st.DrawFn, source_id: str, *, cites: Sequence[Source] = ()) -> Source:
    """A source published after every claim of a consistent set is dated, and after every source it cites."""
    earliest = max([_PUBLISHED[0], *(_last_published(source) for source in cites)])
    published = day_between(draw, earliest, max(earliest, _PUBLISHED[1]))
    return Source(
        id=source_id,
        publisher=draw(st.sampled_from(PUBLISHERS)),
        published=parse_date_range(written_date(draw, published, forms=("iso-day", "date", "iso-month", "day", "third-of-month", "month"))),
        cites=tuple(source.id for source in cites),
    )


def _last_published(source: Source) -> datetime.date:
    # A source citing another must not be published before it (T102): start after its last possible day.
    if source.published is None or source.published.last is None:  # pragma: no cover
        raise AssertionError(f"{source.id} was drawn without a publication date")
    return source.published.last


def when(draw: st.DrawFn) -> DateRange | None:
    """A date for a group of claims that refer to one moment or period, or none."""
    if draw(st.booleans()):
        return None
    return draw(date_ranges(min_value=_CLAIM_DAYS[0], max_value=_CLAIM_DAYS[1]))


def counts(max_value: int = 10**6) -> st.SearchStrategy[int]:
    """True counts: small ones often, up to max_value."""
    return st.integers(0, 1000) | st.integers(0, max_value)


def whole_numbers_in(interval: Interval) -> tuple[int, int | None] | None:
    """The least and the greatest whole number of at least 0 in the interval (None: no greatest), or None if none."""
    low, high = interval.low, interval.high
    least = 0 if low is None or low < 0 else math.floor(low) + 1 if interval.low_open else math.ceil(low)
    if high is None:
        return least, None
    most = math.ceil(high) - 1 if interval.high_open else math.floor(high)
    return (least, most) if least <= most else None


def _bounded_days(period: DateRange) -> int:
    days = period.days
    if days is None:  # pragma: no cover
        raise AssertionError(f"{period} was drawn without open ends")
    return days


def _claim_years(draw: st.DrawFn) -> int:
    return draw(st.integers(*CLAIM_YEARS))


# -- breakdowns and parts -----------------------------------------------------------------------


def _sum_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """A total and its parts (by `dims` or an explicit `[[sum]]`), and maybe a `[[part]]` of it."""
    prefix, metric = builder.group("sum")
    parts = draw(st.lists(counts(), min_size=1, max_size=4))
    complete = draw(st.booleans())
    total = sum(parts) + (0 if complete else draw(counts()))
    source, dates = builder.source(), when(draw)
    over_period = draw(st.booleans())
    as_of, period = (None, dates) if over_period else (dates, None)
    key = draw(st.sampled_from(("charge", "region")))
    by_dims = draw(st.booleans())
    total_claim = builder.add(
        Claim(id=f"{prefix}total", metric=metric, value=statement_of(draw, Fraction(total)), source=source, as_of=as_of, period=period)
    )
    part_ids = []
    for index, part in enumerate(parts):
        claim = builder.add(
            Claim(
                id=f"{prefix}part{index}",
                metric=metric if by_dims else f"{metric} part {index}",
                value=statement_of(draw, Fraction(part)),
                dims={key: f"kind {index}"} if by_dims else {},
                source=source,
                as_of=as_of,
                period=period,
            )
        )
        part_ids.append(claim.id)
    if not by_dims or draw(st.booleans()):
        builder.relations.append(Sum(total=total_claim.id, parts=part_ids, complete=complete))


def _deep_breakdown_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """Cells by two dims keys (charge x region) under a total, two keys deeper, with some one-key subtotals.

    Each cell is a part of its nearest stated whole: a subtotal of its region or charge when
    one is stated, else the total; the unlisted rest of each whole is drawn as slack.
    """
    prefix, metric = builder.group("deep-breakdown")
    charges, regions = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    complete = draw(st.booleans())
    cells = {(charge, region): draw(counts(10**5)) for charge in range(charges) for region in range(regions)}

    def slack() -> int:
        return 0 if complete else draw(st.integers(0, 1000))

    region_rest = {region: slack() for region in range(regions)}
    charge_rest = {charge: slack() for charge in range(charges)}
    total = sum(cells.values()) + sum(region_rest.values()) + sum(charge_rest.values()) + slack()
    source, dates = builder.source(), when(draw)
    as_of, period = (None, dates) if draw(st.booleans()) else (dates, None)

    def add(name: str, true: int, dims: dict[str, str]) -> str:
        value = statement_of(draw, Fraction(true))
        claim = Claim(id=f"{prefix}{name}", metric=metric, value=value, dims=dims, source=source, as_of=as_of, period=period)
        return builder.add(claim).id

    total_id = add("total", total, {})
    cell_ids = [
        add(f"c{charge}_r{region}", value, {"charge": f"charge {charge}", "region": f"region {region}"})
        for (charge, region), value in cells.items()
    ]
    for region in range(regions):
        if draw(st.booleans()):
            subtotal = sum(cells[charge, region] for charge in range(charges)) + region_rest[region]
            add(f"r{region}", subtotal, {"region": f"region {region}"})
    for charge in range(charges):
        if draw(st.booleans()):
            subtotal = sum(cells[charge, region] for region in range(regions)) + charge_rest[charge]
            add(f"c{charge}", subtotal, {"charge": f"charge {charge}"})
    if complete and draw(st.booleans()):
        builder.relations.append(Sum(total=total_id, parts=cell_ids, complete=True))


def _part_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """A whole and a part of it (sentenced out of charged), by `[[part]]`, `[[check]]` or `dims`."""
    prefix, metric = builder.group("part")
    whole = draw(counts())
    part = draw(st.integers(0, whole))
    source, dates = builder.source(), when(draw)
    how = draw(st.sampled_from(("part", "check", "dims")))
    builder.add(Claim(id=f"{prefix}whole", metric=metric, value=statement_of(draw, Fraction(whole)), as_of=dates, source=source))
    builder.add(
        Claim(
            id=f"{prefix}part",
            metric=metric if how == "dims" else f"{metric}, sentenced",
            dims={"outcome": "sentenced"} if how == "dims" else {},
            value=statement_of(draw, Fraction(part)),
            as_of=dates,
            source=source,
        )
    )
    if how == "part":
        builder.relations.append(Part(part=f"{prefix}part", whole=f"{prefix}whole"))
    elif how == "check":
        builder.relations.append(Check(expr=f"{prefix}part <= {prefix}whole", name="part-within-whole"))


def _net_changes_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """Net changes, some negative, by region and over nested periods: no part-of-whole or running total holds.

    A region's net change may exceed the whole's, and the change over a quarter that of its
    year; a negative value stated anywhere in the metric tells inference so.
    """
    prefix, metric = builder.group("net-changes")
    source = builder.source()
    if draw(st.booleans()):
        changes = draw(st.lists(st.integers(-5000, 5000), min_size=2, max_size=4))
        changes[0] = -abs(changes[0]) - 1  # one stated negative change marks the metric as signed
        dates = when(draw)
        ids = [
            builder.add(
                Claim(
                    id=f"{prefix}region{index}",
                    metric=metric,
                    value=_signed_statement(draw, change),
                    dims={"region": f"region {index}"},
                    as_of=dates,
                    source=source,
                )
            ).id
            for index, change in enumerate(changes)
        ]
        total = _signed_statement(draw, sum(changes))
        builder.add(Claim(id=f"{prefix}total", metric=metric, value=total, as_of=dates, source=source))
        if draw(st.booleans()):
            builder.relations.append(Sum(total=f"{prefix}total", parts=ids, complete=True))
        return
    year = _claim_years(draw)
    monthly = draw(st.lists(st.integers(-1000, 1000), min_size=12, max_size=12))
    negative = draw(st.integers(0, 11))
    monthly[negative] = -abs(monthly[negative]) - 1
    spans = [(negative, negative), *draw(st.lists(_month_spans(12), min_size=1, max_size=4))]
    for index, (first, last) in enumerate(spans):
        builder.add(
            Claim(
                id=f"{prefix}span{index}",
                metric=metric,
                value=_signed_statement(draw, sum(monthly[first : last + 1])),
                period=written_months(draw, (year, first + 1), (year, last + 1)),
                source=source,
            )
        )


def _signed_statement(draw: st.DrawFn, true: int) -> Quantity:
    """A statement of a value that may be negative: a hedge cannot be, so a negative one is stated as it is."""
    if true >= 0:
        return statement_of(draw, Fraction(true))
    return parse_quantity(true if draw(st.booleans()) else "-" + integer_text(draw, -true))


# -- time: running totals, nested periods, outlets and forecasts ---------------------------------


def _running_total_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """A count since a start, stated at later and later dates; it never falls."""
    prefix, metric = builder.group("running-total")
    first_year, last_year = CLAIM_YEARS
    since_day = day_between(draw, datetime.date(first_year, 1, 1), datetime.date(first_year + 2, 12, 31))
    since = parse_date_range(written_date(draw, since_day, forms=("iso-month", "month", "iso-day", "year")))
    # Stated from three years after the earliest start on, so every date lies after `since`.
    stated_from = datetime.date(first_year + 3, 1, 1)
    days = sorted(
        draw(
            st.lists(
                st.integers(0, (datetime.date(last_year, 12, 31) - stated_from).days),
                min_size=2,
                max_size=5,
                unique=True,
            )
        )
    )
    increments = draw(st.lists(st.integers(0, 5000), min_size=len(days), max_size=len(days)))
    source = builder.source()
    count = 0
    for index, (offset, increment) in enumerate(zip(days, increments)):
        count += increment
        day = stated_from + datetime.timedelta(days=offset)
        builder.add(
            Claim(
                id=f"{prefix}at{index}",
                metric=metric,
                value=statement_of(draw, Fraction(count)),
                as_of=parse_date_range(written_date(draw, day)),
                since=since,
                source=source,
            )
        )


def _outlets_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """One running total reported by unlinked outlets "as of June 2024", each counted on its own day of June.

    Their values differ, and no rule may read them as one quantity; one more outlet may state
    the average per day (or week, month) since the start, computed on its own day; an outlet
    that cites one of them restates its figure; earlier and later months keep the total from falling.
    """
    prefix, metric = builder.group("outlets")
    first_year, last_year = CLAIM_YEARS
    since_day = day_between(draw, datetime.date(first_year, 1, 1), datetime.date(first_year + 1, 12, 31))
    since = parse_date_range(written_date(draw, since_day, forms=("iso-month", "month", "year")))
    start = day_between(draw, *_closed_days(since))  # the day the count truly starts, within `since`
    year, month = draw(st.integers(first_year + 3, last_year)), draw(st.integers(2, 11))
    first_day, last_day = month_span((year, month), (year, month))
    days = draw(st.lists(st.integers(0, (last_day - first_day).days), min_size=3, max_size=4))
    # The running total on each day of the month that someone counted it: it never falls.
    count = draw(counts(10**5))
    on_day: dict[int, int] = {}
    for offset in sorted(set(days)):
        count += draw(st.integers(0, 2000))
        on_day[offset] = count

    def in_month() -> str | datetime.date:
        return written_date(draw, first_day, forms=("month", "iso-month"))

    def state(name: str, true: int, as_of: str | datetime.date, source: Source) -> None:
        value = statement_of(draw, Fraction(true))
        builder.add(Claim(id=f"{prefix}{name}", metric=metric, value=value, as_of=as_of, since=since, source=source.id))

    *counted, averaged = days
    outlets = [builder.add_source(published_source(draw, f"{prefix}outlet{index}")) for index in range(len(counted))]
    for index, (outlet, offset) in enumerate(zip(outlets, counted)):
        state(f"outlet{index}", on_day[offset], in_month(), outlet)
    if draw(st.booleans()):
        unit = draw(st.sampled_from(RateUnit))
        per_day = Fraction(on_day[averaged], (first_day + datetime.timedelta(days=averaged) - start).days + 1)
        builder.add(
            Claim(
                id=f"{prefix}average",
                metric=metric,
                value=_rate_statement(draw, per_day, unit),
                per=unit,
                as_of=in_month(),
                since=since,
                source=builder.add_source(published_source(draw, f"{prefix}averager")).id,
            )
        )
    for index in range(draw(st.integers(0, 2))):
        cited = draw(st.integers(0, len(outlets) - 1))
        copier = builder.add_source(published_source(draw, f"{prefix}copy{index}", cites=[outlets[cited]]))
        state(f"copy{index}", on_day[counted[cited]], in_month(), copier)
    lowest, highest = min(on_day.values()), max(on_day.values())
    around: tuple[DateForm, ...] = ("month", "iso-month", "day", "iso-day")
    if draw(st.booleans()):
        earlier = day_between(draw, datetime.date(year, 1, 1), first_day - datetime.timedelta(days=1))
        state("earlier", draw(st.integers(0, lowest)), written_date(draw, earlier, forms=around), draw(st.sampled_from(outlets)))
    if draw(st.booleans()):
        later = day_between(draw, last_day + datetime.timedelta(days=1), datetime.date(year, 12, 31))
        state("later", highest + draw(st.integers(0, 2000)), written_date(draw, later, forms=around), draw(st.sampled_from(outlets)))


def _closed_days(dates: DateRange) -> tuple[datetime.date, datetime.date]:
    if dates.first is None or dates.last is None:  # pragma: no cover
        raise AssertionError(f"{dates} was drawn with an open end")
    return dates.first, dates.last


def _month_spans(months: int) -> st.SearchStrategy[tuple[int, int]]:
    """(first, last) month indexes, 0-based, of a span within `months` months."""
    return st.tuples(st.integers(0, months - 1), st.integers(0, months - 1)).map(lambda ends: (min(ends), max(ends)))


def _nested_periods_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """Counts over periods of two years that nest or share a start ("2023", "H1 2023", "Q3 2023", "2022-09/2023-06").

    Each is the sum of true monthly counts, so a period that shares a start with a longer one
    (a running total) or lies inside it holds no more than it, and one period from several sources agrees.
    """
    prefix, metric = builder.group("nested-periods")
    first_year = draw(st.integers(CLAIM_YEARS[0], CLAIM_YEARS[1] - 1))
    monthly = draw(st.lists(st.integers(0, 5000), min_size=24, max_size=24))
    aligned = st.sampled_from([(start, start + length - 1) for length in (3, 6, 12) for start in range(0, 24, length)])
    spans = draw(st.lists(aligned | _month_spans(24), min_size=2, max_size=5))
    for index, (first, last) in enumerate(spans):
        start, end = divmod(first_year * 12 + first, 12), divmod(first_year * 12 + last, 12)
        builder.add(
            Claim(
                id=f"{prefix}span{index}",
                metric=metric,
                value=statement_of(draw, Fraction(sum(monthly[first : last + 1]))),
                period=written_months(draw, (start[0], start[1] + 1), (end[0], end[1] + 1)),
                source=builder.source(),
            )
        )


def _forecasts_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """A plan dated after its source (`forecast = true`), its breakdown, a revision by another outlet and a copy.

    The plan is for a later year, or for a period that runs past the publication ("2024-07/2027-06");
    a revision from an unlinked outlet may differ; a copy from a source citing the issuer
    restates the plan; the actual figure for an earlier year is no forecast.
    """
    prefix, metric = builder.group("forecasts")
    issuer = builder.add_source(published_source(draw, f"{prefix}issuer"))
    year = draw(st.integers(*_FORECAST_YEARS))
    day = day_between(draw, datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    as_of: DateRange | None = None
    period: DateRange | None = None
    shape = draw(st.sampled_from(("as_of", "period", "running past")))
    if shape == "running past":
        period = parse_date_range(written_months(draw, (CLAIM_YEARS[1], draw(st.integers(1, 12))), (year, day.month)))
    elif shape == "period":
        period = parse_date_range(written_date(draw, day))
    else:
        as_of = parse_date_range(written_date(draw, day))
    planned = draw(counts())

    def forecast(name: str, true: int, source: Source, dims: dict[str, str] | None = None) -> None:
        value = statement_of(draw, Fraction(true))
        claim = Claim(
            id=f"{prefix}{name}",
            metric=metric,
            value=value,
            dims=dims or {},
            as_of=as_of,
            period=period,
            source=source.id,
            forecast=True,
        )
        builder.add(claim)

    forecast("plan", planned, issuer)
    if draw(st.booleans()):
        lines = draw(st.lists(st.integers(0, 1000), min_size=1, max_size=3))
        for index, line in enumerate(lines):
            forecast(f"line{index}", min(line, planned // len(lines)), issuer, {"item": f"line {index}"})
    if period is not None and draw(st.booleans()):
        unit = draw(st.sampled_from(RateUnit))
        rate = _rate_statement(draw, Fraction(planned, _bounded_days(period)), unit)
        builder.add(
            Claim(id=f"{prefix}rate", metric=metric, value=rate, per=unit, period=period, source=issuer.id, forecast=True)
        )
    if draw(st.booleans()):
        forecast("revision", draw(counts()), builder.add_source(published_source(draw, f"{prefix}reviser")))
    if draw(st.booleans()):
        forecast("copy", planned, builder.add_source(published_source(draw, f"{prefix}copier", cites=[issuer])))
    if draw(st.booleans()):
        actual = statement_of(draw, Fraction(draw(counts())))
        builder.add(Claim(id=f"{prefix}actual", metric=metric, value=actual, period=str(_claim_years(draw)), source=issuer.id))


# -- rates ----------------------------------------------------------------------------------------


def _rate_statement(draw: st.DrawFn, per_day: Fraction, unit: RateUnit) -> Quantity:
    """A true rate per day stated per `unit`: rounded as a quotient ("16" for 15.97), or hedged."""
    return statement_of(draw, per_day * TRUE_UNIT_DAYS[unit], rate=True)


def _rates_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """One true rate stated per day, week, month, quarter or year (`[[same]]` or inferred), and the count it gives."""
    prefix, metric = builder.group("rates")
    period = draw(date_ranges(min_value=_CLAIM_DAYS[0], max_value=_CLAIM_DAYS[1]))
    events = Fraction(draw(st.integers(1, 10**5)))
    per_day = events / _bounded_days(period)
    units = draw(st.lists(st.sampled_from(RateUnit), min_size=2, max_size=3, unique=True))
    source = builder.source()
    with_period = draw(st.booleans())
    ids = []
    for unit in units:
        claim = builder.add(
            Claim(
                id=f"{prefix}per_{unit.value}",
                metric=metric,
                value=_rate_statement(draw, per_day, unit),
                per=unit,
                period=period if with_period else None,
                source=source,
            )
        )
        ids.append(claim.id)
    if draw(st.booleans()):
        builder.relations.append(Same(claims=ids))
    if with_period and draw(st.booleans()):
        builder.add(Claim(id=f"{prefix}count", metric=metric, value=statement_of(draw, events), period=period, source=source))


def _changing_rates_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """A yearly average rate and a different one over part of the year ("H2 2023", "May 2023"), with their counts.

    The periods overlap but differ, so the two rates need not be equal; each agrees with its
    own period's count, and the part's count fits within the year's.
    """
    prefix, metric = builder.group("changing-rates")
    year = _claim_years(draw)
    whole = parse_date_range(draw(st.sampled_from((f"{year}", f"all of {year}"))))
    day = day_between(draw, datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    part = parse_date_range(written_date(draw, day, forms=_PART_OF_YEAR_FORMS))
    inside, outside = draw(counts(10**5)), draw(counts(10**5))
    for name, period, events in (("year", whole, inside + outside), ("part", part, inside)):
        unit = draw(st.sampled_from(RateUnit))
        per_day = Fraction(events, _bounded_days(period))
        rate = _rate_statement(draw, per_day, unit)
        builder.add(
            Claim(id=f"{prefix}{name}_rate", metric=metric, value=rate, per=unit, period=period, source=builder.source())
        )
        if draw(st.booleans()):
            count = statement_of(draw, Fraction(events))
            builder.add(Claim(id=f"{prefix}{name}_count", metric=metric, value=count, period=period, source=builder.source()))


def _ratio_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """Two counts of two years whose true ratio lies within the ratio word's reading ("double": 1.8 to 2.2)."""
    prefix, metric = builder.group("ratio")
    word, factor = draw(st.sampled_from(FACTOR_WORDS))
    reading = draw(st.sampled_from(factor.readings))
    base = draw(st.integers(0, 10**5))
    if reading.is_point and reading.low is not None:  # "exactly 12.5% higher": a base its denominator divides
        base *= reading.low.denominator
    found = whole_numbers_in(reading * base)
    while found is None:  # a reading too narrow for this base holds a whole number for one ten times larger
        base *= 10
        found = whole_numbers_in(reading * base)
    least, most = found
    true = draw(st.integers(least, least + base if most is None else most))
    earlier, later = sorted(draw(st.lists(st.integers(*CLAIM_YEARS), min_size=2, max_size=2, unique=True)))
    source = builder.source()
    for name, value, year in (("of", true, later), ("to", base, earlier)):
        stated = statement_of(draw, Fraction(value))
        builder.add(Claim(id=f"{prefix}{name}", metric=metric, value=stated, period=str(year), source=source))
    builder.relations.append(Ratio(of=f"{prefix}of", to=f"{prefix}to", factor=word))


# -- shares and means -----------------------------------------------------------------------------


def _percentages_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """Shares k/n of one whole by `dims`, with their base n; a complete breakdown sums to 100%."""
    prefix, metric = builder.group("percentages")
    n = draw(st.integers(1, 2000))
    shares = draw(st.lists(st.integers(0, n), min_size=1, max_size=4).filter(lambda ks: sum(ks) <= n))
    complete = sum(shares) == n or draw(st.booleans())
    if complete and sum(shares) < n:
        shares.append(n - sum(shares))
    base: int | str = n
    source, dates = builder.source(), when(draw)
    if draw(st.booleans()):
        base_claim = builder.add(
            Claim(id=f"{prefix}n", metric=f"{metric}, base", value=statement_of(draw, Fraction(n), exact_only=True), as_of=dates)
        )
        # A rounded base ("2.0 thousand", "2,000") is no base n: the shares then state n themselves.
        base = base_claim.id if base_claim.value.is_exact else n
    exact = draw(st.booleans())
    share_ids = []
    for index, k in enumerate(shares):
        claim = builder.add(
            Claim(
                id=f"{prefix}share{index}",
                metric=metric,
                value=statement_of(draw, Fraction(100 * k, n), percent=True, exact_only=exact),
                dims={"answer": f"option {index}"},
                of=base,
                as_of=dates,
                source=source,
            )
        )
        share_ids.append(claim.id)
    if complete and draw(st.booleans()):
        builder.add(Claim(id=f"{prefix}all", metric=metric, value="100%", of=base, as_of=dates, source=source))
        builder.relations.append(Sum(total=f"{prefix}all", parts=share_ids, complete=True))


def _group_percentages_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """Percentages by group (62% of men, 55% of women) and overall: no shares of one whole, so no sum to 100%.

    Without a base, or each with its own group's size as base, they may add up to anything.
    """
    prefix, metric = builder.group("group-percentages")
    sizes = draw(st.lists(st.integers(1, 2000), min_size=2, max_size=4, unique=True))
    hits = [draw(st.integers(0, size)) for size in sizes]
    with_bases = draw(st.booleans())
    key = draw(st.sampled_from(("sex", "age group", "region")))
    source, dates = builder.source(), when(draw)
    for index, (size, k) in enumerate(zip(sizes, hits)):
        builder.add(
            Claim(
                id=f"{prefix}group{index}",
                metric=metric,
                value=statement_of(draw, Fraction(100 * k, size), percent=True),
                dims={key: f"group {index}"},
                of=size if with_bases else None,
                as_of=dates,
                source=source,
            )
        )
    if draw(st.booleans()):
        everyone = sum(sizes)
        builder.add(
            Claim(
                id=f"{prefix}overall",
                metric=metric,
                value=statement_of(draw, Fraction(100 * sum(hits), everyone), percent=True),
                of=everyone if with_bases else None,
                as_of=dates,
                source=source,
            )
        )


def _mean_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """A mean of n respondents' whole-number answers (items each), stated rounded to some decimals, or to a whole number."""
    prefix, metric = builder.group("mean")
    n, items = draw(st.integers(1, 300)), draw(st.integers(1, 5))
    top = draw(st.integers(1, 10))
    total = draw(st.integers(0, n * items * top))
    base: int | str = n
    if draw(st.booleans()):
        base = builder.add(Claim(id=f"{prefix}n", metric=f"{metric}, respondents", value=n)).id
    builder.add(
        Claim(
            id=f"{prefix}mean",
            metric=metric,
            value=statement_of(draw, Fraction(total, n * items), exact_only=draw(st.booleans()), rate=True),
            statistic="mean",
            of=base,
            items=items,
            source=builder.source(),
        )
    )


def _check_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """Counts tied by a `[[check]]` expression that their true values satisfy."""
    prefix, metric = builder.group("check")
    a, b = draw(counts()), draw(counts())
    slack = draw(st.integers(0, 100))
    for name, value in (("a", a), ("b", b), ("c", a + b + slack)):
        builder.add(Claim(id=f"{prefix}{name}", metric=f"{metric} {name}", value=statement_of(draw, Fraction(value))))
    expr = draw(
        st.sampled_from(
            (
                f"{prefix}a + {prefix}b <= {prefix}c",
                f"{prefix}c >= {prefix}a",
                f"{prefix}c - {prefix}a >= {prefix}b",
                f"{prefix}a <= {prefix}c",
            )
        )
    )
    builder.relations.append(Check(expr=expr, name="holds-for-the-true-values"))


def _sources_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """One quantity stated by several sources, each in its own words."""
    prefix, metric = builder.group("sources")
    if len(builder.sources) < 2:
        return
    true = Fraction(draw(counts()))
    dates = when(draw)
    chosen = draw(st.lists(st.sampled_from(builder.sources), min_size=2, max_size=3, unique_by=lambda source: source.id))
    for source in chosen:
        builder.add(Claim(id=f"{prefix}{source.id}", metric=metric, value=statement_of(draw, true), as_of=dates, source=source.id))


_GROUPS: dict[str, Callable[[st.DrawFn, ClaimSetBuilder], None]] = {
    "sum": _sum_group,
    "part": _part_group,
    "running-total": _running_total_group,
    "rates": _rates_group,
    "ratio": _ratio_group,
    "percentages": _percentages_group,
    "mean": _mean_group,
    "check": _check_group,
    "sources": _sources_group,
    "deep-breakdown": _deep_breakdown_group,
    "net-changes": _net_changes_group,
    "outlets": _outlets_group,
    "nested-periods": _nested_periods_group,
    "forecasts": _forecasts_group,
    "changing-rates": _changing_rates_group,
    "group-percentages": _group_percentages_group,
}
GROUP_KINDS = tuple(_GROUPS)


def consistent_claim_sets(
    *, kinds: Iterable[str] | None = None, min_groups: int = 1, max_groups: int = 4
) -> st.SearchStrategy[ClaimSet]:
    """Claim sets whose figures can all be true: no rule may report anything on them.

    Each set holds min_groups to max_groups groups of related claims, of the `kinds` given
    (default: all of GROUP_KINDS): breakdowns that sum (also two dims keys deep), parts of
    wholes, net changes (some negative), running totals (also from unlinked outlets at one
    month's precision, counted on different days), counts over nested periods, forecasts
    after their source, one rate in several units, a yearly and a different part-year rate,
    ratios, percentages with their base n and percentages by group, means, checks, and one
    quantity from several sources. Each group is built from true values, and every claim
    states its true value exactly, rounded (round numbers, rates as rounded quotients) or
    with a hedge, so that its reading, as the claim reads it, contains it.
    """
    min_groups, max_groups = check_sizes(min_groups, max_groups, names=("min_groups", "max_groups"))
    return claim_set_builders(check_kinds(kinds), min_groups, max_groups).map(ClaimSetBuilder.build)


def check_kinds(kinds: Iterable[str] | None) -> tuple[str, ...]:
    """The group kinds asked for, all of GROUP_KINDS by default; InvalidArgument for any other."""
    if kinds is None:
        return GROUP_KINDS
    if isinstance(kinds, str):
        raise InvalidArgument(f"kinds={kinds!r} must be a collection of group kinds, not one string")
    if not isinstance(kinds, Iterable):
        raise InvalidArgument(f"kinds={kinds!r} must be a collection of group kinds")
    chosen = tuple(kinds)
    unknown = [kind for kind in chosen if kind not in GROUP_KINDS]
    if unknown or not chosen:
        raise InvalidArgument(f"kinds must be a non-empty collection of {', '.join(GROUP_KINDS)}; got {chosen!r}")
    return chosen


@st.composite
def claim_set_builders(draw: st.DrawFn, kinds: tuple[str, ...], min_groups: int, max_groups: int) -> ClaimSetBuilder:
    """Up to three sources and min_groups to max_groups consistent groups of the kinds given, still open to more."""
    builder = ClaimSetBuilder(draw)
    for index in range(draw(st.integers(0, 3))):
        builder.sources.append(published_source(draw, f"source{index}"))
    for kind in draw(st.lists(st.sampled_from(kinds), min_size=min_groups, max_size=max_groups)):
        _GROUPS[kind](draw, builder)
    return builder
