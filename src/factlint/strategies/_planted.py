"""Claim sets with one contradiction planted for a rule, just beyond every reading (or just inside it)."""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import Literal

import attrs
from hypothesis import reject
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from factlint._codes import (
    CHECK_FAILED,
    DATED_AFTER_SOURCE,
    DUPLICATE_ID,
    IMPOSSIBLE_MEAN,
    IMPOSSIBLE_PERCENTAGE,
    PART_EXCEEDS_WHOLE,
    PERIOD_REVERSED,
    RATE_CONVERSION_MISMATCH,
    RATE_TOTAL_MISMATCH,
    RATIO_MISMATCH,
    RUNNING_TOTAL_DECREASES,
    SHARES_NOT_WHOLE,
    SOURCES_DISAGREE,
    SUBPERIOD_EXCEEDS_PERIOD,
    SUM_MISMATCH,
    UNKNOWN_REFERENCE,
)
from factlint._conventions import conversion_factor, units_in_period
from factlint._dates import DateRange, parse_date_range
from factlint._intervals import Interval, Truth
from factlint._model import Check, Claim, ClaimSet, Part, RateUnit, Ratio, Same, Source, Sum
from factlint._quantities import DEFAULT_TOLERANCES, Quantity, parse_quantity
from factlint._rules import builtin_rules
from factlint._rules.granularity import grim_hits
from factlint._rules.timeline import _earliest_end
from factlint.strategies._arguments import check_flag, check_sizes
from factlint.strategies._claims import PUBLISHERS
from factlint.strategies._consistent_sets import (
    CLAIM_YEARS,
    TRUE_UNIT_DAYS,
    ClaimSetBuilder,
    check_kinds,
    claim_set_builders,
    counts,
    published_source,
    when,
    whole_numbers_in,
)
from factlint.strategies._dates import day_between, written_date
from factlint.strategies._numbers import FACTOR_WORDS, PERCENT_SIGNS, decimal_text, integer_text
from factlint.strategies._quantities import read_as, statement_of

__all__ = ["PlantedContradiction", "contradicting_claim_sets", "supported_codes"]


def _frozen_ids(claim_ids: Iterable[str]) -> frozenset[str]:
    return frozenset(claim_ids)


@attrs.frozen
class PlantedContradiction:
    """A claim set with one contradiction for rule `code`, held by the claims `claim_ids`.

    With `beyond_tolerance=False` the planted value sits just inside every reading, so the
    set is still consistent: the rule must stay silent.
    """

    claim_set: ClaimSet
    code: str
    claim_ids: frozenset[str] = attrs.field(converter=_frozen_ids)
    beyond_tolerance: bool = True
    description: str = ""


def _edge_values(draw: st.DrawFn, feasible: Callable[[int], bool], start: int) -> tuple[int, int] | None:
    """(just outside, just inside) integer values of a feasible region that holds `start`, or None.

    Searches upward or downward (drawn) from a feasible start; the region is an interval, or a
    union of a few, so doubling steps find its edge quickly and bisection pins it.
    """
    directions = [1, -1] if draw(st.booleans()) else [-1, 1]
    for direction in directions:
        inside, step = start, 1
        outside = None
        while step < 10**15:
            probe = inside + direction * step
            if probe < 0:
                break
            if feasible(probe):
                inside, step = probe, step * 2
            else:
                outside = probe
                break
        if outside is None:
            continue
        while abs(outside - inside) > 1:
            middle = (outside + inside) // 2
            if feasible(middle):
                inside = middle
            else:
                outside = middle
        return outside, inside
    return None


# How a planted whole number is written, and so read: a count (text, or exact data when its
# text would read as a round number), a rate ("16" a day is [15.5, 16.5)) or a percentage ("34%").
_Written = Literal["count", "rate", "percent"]


def _reading_of(value: int, written: _Written) -> Interval:
    """The reading the edge search steps through: the planted value as its claim will read it."""
    if written == "rate":
        return read_as(parse_quantity(str(value)), rate=True).interval
    if written == "percent":
        return parse_quantity(f"{value}%").interval
    return Interval.point(value)


@attrs.define
class _Plant:
    """The consistent set a contradiction is planted in, and the claims that hold it."""

    builder: ClaimSetBuilder
    beyond: bool
    claim_ids: list[str] = attrs.Factory(list)
    description: str = ""

    @property
    def draw(self) -> st.DrawFn:
        return self.builder.draw

    def add(self, claim: Claim) -> Claim:
        """Add a claim that holds the contradiction."""
        self.claim_ids.append(claim.id)
        return self.builder.add(claim)

    def source(self) -> str | None:
        return self.builder.source()

    def value(self, feasible: Callable[[Interval], bool], true: int, written: _Written = "count") -> Quantity:
        """A statement just beyond the feasible region around `true` (every reading of it outside), or just inside its edge.

        `feasible(reading)` says whether a claim read as `reading` can agree with the claims
        around it: the rule's own comparison, so a wider reading is never less feasible. The
        edge is searched among whole numbers as their claim reads them; a count whose text
        reads as a round number ("1,000" is [900, 1,100]) that reaches back into the region is
        planted as exact data instead.
        """
        if not feasible(_reading_of(true, written)):  # pragma: no cover
            raise AssertionError(f"the search for an edge must start inside the region, not at {true}")
        edges = _edge_values(self.draw, lambda value: feasible(_reading_of(value, written)), true)
        if edges is None:
            reject()  # the region has no edge within reach: nothing to plant beyond
        outside, inside = edges
        value = outside if self.beyond else inside
        if written == "percent":
            return parse_quantity(f"{value}{self.draw(st.sampled_from(PERCENT_SIGNS))}")
        stated = read_as(parse_quantity(integer_text(self.draw, value)), rate=written == "rate")
        if self.beyond and feasible(stated.interval):
            stated = parse_quantity(value)
        return stated


def _closed(dates: DateRange) -> tuple[datetime.date, datetime.date]:
    """The first and last day of a range written as a plain date, which has both."""
    if dates.first is None or dates.last is None:  # pragma: no cover
        raise AssertionError(f"{dates} was written with an open end")
    return dates.first, dates.last


def _plant_sum_mismatch(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-sum")
    parts = draw(st.lists(counts(10**5), min_size=2, max_size=4))
    stated_parts = [statement_of(draw, Fraction(part)) for part in parts]
    parts_sum = sum((quantity.interval for quantity in stated_parts), Interval.point(0))
    total = plant.value(parts_sum.intersects, sum(parts))
    ids = []
    for index, quantity in enumerate(stated_parts):
        ids.append(plant.add(Claim(id=f"{prefix}part{index}", metric=f"{metric} part {index}", value=quantity)).id)
    plant.add(Claim(id=f"{prefix}total", metric=metric, value=total))
    plant.builder.relations.append(Sum(total=f"{prefix}total", parts=ids, complete=True))
    plant.description = f"the parts cannot add up to the total {total.describe()}"


def _plant_part_exceeds_whole(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-part")
    whole = draw(counts(10**5))
    whole_stated = statement_of(draw, Fraction(whole), closed=True)

    def feasible(reading: Interval) -> bool:
        return reading.less_equal(whole_stated.interval) is not Truth.CERTAINLY_NOT

    part = plant.value(feasible, draw(st.integers(0, whole)))
    inferred = draw(st.booleans())
    source = plant.source()
    plant.add(Claim(id=f"{prefix}whole", metric=metric, value=whole_stated, source=source))
    plant.add(
        Claim(
            id=f"{prefix}part",
            metric=metric if inferred else f"{metric}, sentenced",
            dims={"outcome": "sentenced"} if inferred else {},
            value=part,
            source=source,
        )
    )
    if not inferred:
        plant.builder.relations.append(Part(part=f"{prefix}part", whole=f"{prefix}whole"))
    plant.description = f"part {part.describe()} against whole {whole_stated.describe()}"


def _plant_shares_not_whole(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-shares")
    # Shares of one whole state its base n; from n = 100 on, GRIM finds every whole percentage
    # possible, so the planted share is a finding of the shares rule alone.
    n = draw(st.integers(100, 1000))
    shares = draw(st.lists(st.integers(0, n), min_size=1, max_size=3).filter(lambda ks: sum(ks) <= n))
    stated = [statement_of(draw, Fraction(100 * k, n), percent=True) for k in shares]
    others = sum((quantity.interval for quantity in stated), Interval.point(0))

    def feasible(reading: Interval) -> bool:
        return (others + reading).greater_than(Interval.point(100)) is not Truth.CERTAINLY

    share = plant.value(feasible, 0, "percent")
    source, dates = plant.source(), when(draw)
    for index, quantity in enumerate([*stated, share]):
        plant.add(
            Claim(
                id=f"{prefix}share{index}",
                metric=metric,
                value=quantity,
                dims={"answer": f"option {index}"},
                of=n,
                as_of=dates,
                source=source,
            )
        )
    plant.description = f"one more share of {share.text} on top of shares that leave less room"


def _plant_check_failed(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-check")
    a, b = draw(counts(10**5)), draw(counts(10**5))
    a_stated, b_stated = statement_of(draw, Fraction(a), closed=True), statement_of(draw, Fraction(b), closed=True)
    operator = draw(st.sampled_from(("<", "<=")))
    check = Check(expr=f"{prefix}a + {prefix}b {operator} {prefix}c", name="planted")

    def feasible(reading: Interval) -> bool:
        values = {f"{prefix}a": a_stated.interval, f"{prefix}b": b_stated.interval, f"{prefix}c": reading}
        return check.expr.evaluate(values) is not Truth.CERTAINLY_NOT

    c = plant.value(feasible, a + b + 1)
    for name, value in (("a", a_stated), ("b", b_stated), ("c", c)):
        plant.add(Claim(id=f"{prefix}{name}", metric=f"{metric} {name}", value=value))
    plant.builder.relations.append(check)
    plant.description = f"a + b {operator} c with c = {c.describe()}"


def _plant_unknown_reference(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-reference")
    missing = f"{prefix}missing"
    kind = draw(st.sampled_from(("source", "relation", "of")))
    claim = plant.add(
        Claim(
            id=f"{prefix}claim",
            metric=metric,
            value=statement_of(draw, Fraction(draw(counts()))) if kind != "of" else "34%",
            source=missing if kind == "source" and plant.beyond else None,
            of=(missing if plant.beyond else None) if kind == "of" else None,
        )
    )
    if kind == "relation":
        if plant.beyond:
            plant.builder.relations.append(Part(part=claim.id, whole=missing))
        else:
            other = plant.add(Claim(id=f"{prefix}other", metric=f"{metric}, other", value=claim.value))
            plant.builder.relations.append(Same(claims=[claim.id, other.id]))
    plant.description = f"a {kind} naming {missing!r}, which does not exist"


def _plant_duplicate_id(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-duplicate")
    first = plant.add(Claim(id=f"{prefix}claim", metric=metric, value=statement_of(draw, Fraction(draw(counts())))))
    second_id = first.id if plant.beyond else f"{first.id}_2"
    plant.builder.add(Claim(id=second_id, metric=f"{metric}, again", value=statement_of(draw, Fraction(draw(counts())))))
    plant.description = f"claim id {first.id!r} used twice"


def _plant_running_total_decreases(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-running-total")
    first_year, last_year = CLAIM_YEARS
    since = parse_date_range(f"{first_year}-{draw(st.integers(1, 12)):02d}")
    earlier_day = day_between(draw, datetime.date(first_year + 2, 1, 1), datetime.date(last_year - 1, 12, 31))
    earlier_range = parse_date_range(written_date(draw, earlier_day))
    later_day = day_between(draw, _closed(earlier_range)[1] + datetime.timedelta(days=1), datetime.date(last_year, 12, 31))
    later_range = parse_date_range(written_date(draw, later_day, forms=("iso-day", "date", "day")))
    count = draw(st.integers(1, 10**5))
    # Bounded above 0, so that a later count can fall below every reading of it.
    earlier = statement_of(draw, Fraction(count), closed=True)

    def feasible(reading: Interval) -> bool:
        return reading.greater_equal(earlier.interval) is not Truth.CERTAINLY_NOT

    later = plant.value(feasible, count + draw(st.integers(0, 100)))
    source = plant.source()
    plant.add(Claim(id=f"{prefix}earlier", metric=metric, value=earlier, as_of=earlier_range, since=since, source=source))
    plant.add(Claim(id=f"{prefix}later", metric=metric, value=later, as_of=later_range, since=since, source=source))
    plant.description = f"the running total falls from {earlier.describe()} to {later.describe()}"


def _plant_subperiod_exceeds_period(plant: _Plant) -> None:
    """A count over a quarter (or a half, a month) larger than the count over its year, with different starts."""
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-subperiod")
    year = draw(st.integers(*CLAIM_YEARS))
    whole = parse_date_range(draw(st.sampled_from((f"{year}", f"all of {year}"))))
    # From April on, a quarter starts after the year does: a count that shared its start would be a running total.
    day = day_between(draw, datetime.date(year, 4, 1), datetime.date(year, 12, 31))
    part = parse_date_range(written_date(draw, day, forms=("quarter", "quarter", "half", "month", "iso-month", "sub-year")))
    if part.first == whole.first:  # "H1 2023" and "2023-40" start with the year
        part = parse_date_range(f"{year:04d}-{day.month:02d}")
    total = draw(counts(10**5))
    whole_stated = statement_of(draw, Fraction(total), closed=True)

    def feasible(reading: Interval) -> bool:
        return reading.greater_than(whole_stated.interval) is not Truth.CERTAINLY

    part_stated = plant.value(feasible, draw(st.integers(0, total)))
    source = plant.source()
    plant.add(Claim(id=f"{prefix}year", metric=metric, value=whole_stated, period=whole, source=source))
    plant.add(Claim(id=f"{prefix}part", metric=metric, value=part_stated, period=part, source=source))
    plant.description = f"{part_stated.describe()} over {part} against {whole_stated.describe()} over {whole}"


def _plant_dated_after_source(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-dated-after")
    day = day_between(draw, datetime.date(CLAIM_YEARS[0], 1, 1), datetime.date(CLAIM_YEARS[1], 12, 31))
    dates = parse_date_range(written_date(draw, day))
    over_period = draw(st.booleans())
    as_of, period = (None, dates) if over_period else (dates, None)
    # The rule's edge: a moment may not begin after the source, a period may not end after it.
    edge = _earliest_end(dates) if over_period else dates.first
    if edge is None:  # pragma: no cover
        raise AssertionError(f"{dates} was written with an open end")
    # Within tolerance: published on the edge itself, or earlier for a claim marked as a forecast.
    forecast = not plant.beyond and draw(st.booleans())
    published = edge - datetime.timedelta(days=1) if plant.beyond or forecast else edge
    source = Source(id=f"{prefix}source", publisher=draw(st.sampled_from(PUBLISHERS)), published=published)
    plant.builder.sources.append(source)
    value = statement_of(draw, Fraction(draw(counts())))
    plant.add(Claim(id=f"{prefix}claim", metric=metric, value=value, source=source.id, as_of=as_of, period=period, forecast=forecast))
    plant.description = f"{'period' if over_period else 'as_of'} {dates} against a source published {published}"


def _plant_period_reversed(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-reversed")
    end = day_between(draw, datetime.date(CLAIM_YEARS[0], 1, 2), datetime.date(CLAIM_YEARS[1], 12, 31))
    start = end + datetime.timedelta(days=1) if plant.beyond else end
    value = statement_of(draw, Fraction(draw(counts())))
    if draw(st.booleans()):
        period = parse_date_range(f"{start.isoformat()}/{end.isoformat()}")
        plant.add(Claim(id=f"{prefix}claim", metric=metric, value=value, period=period))
        plant.description = f"period {period}"
    else:
        plant.add(Claim(id=f"{prefix}claim", metric=metric, value=value, as_of=end, since=start))
        plant.description = f"since {start} to as of {end}"


def _plant_rate_conversion_mismatch(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-rates")
    inferred = draw(st.booleans())
    first_unit, second_unit = draw(st.lists(st.sampled_from(RateUnit), min_size=2, max_size=2, unique=True))
    per_day = Fraction(draw(st.integers(1, 10**5)), draw(st.integers(1, 400)))
    first = statement_of(draw, per_day * TRUE_UNIT_DAYS[first_unit], rate=True, closed=True)
    units = list(RateUnit)
    shorter_first = units.index(first_unit) < units.index(second_unit)

    def feasible(reading: Interval) -> bool:
        # The rule converts the rate of the shorter unit into the longer one.
        if shorter_first:
            return (first.interval * conversion_factor(first_unit, second_unit)).intersects(reading)
        return (reading * conversion_factor(second_unit, first_unit)).intersects(first.interval)

    # The true rate in the second unit, rounded: its reading holds the true rate, so it is feasible.
    second = plant.value(feasible, math.floor(per_day * TRUE_UNIT_DAYS[second_unit] + Fraction(1, 2)), "rate")
    source = plant.source()
    ids = [
        plant.add(Claim(id=f"{prefix}per_{first_unit.value}", metric=metric, value=first, per=first_unit, source=source)).id,
        plant.add(Claim(id=f"{prefix}per_{second_unit.value}", metric=metric, value=second, per=second_unit, source=source)).id,
    ]
    if not inferred:
        plant.builder.relations.append(Same(claims=ids))
    plant.description = f"{first.describe()} per {first_unit.value} against {second.describe()} per {second_unit.value}"


def _plant_rate_total_mismatch(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-rate-total")
    day = day_between(draw, datetime.date(CLAIM_YEARS[0], 1, 1), datetime.date(CLAIM_YEARS[1], 12, 31))
    period = parse_date_range(written_date(draw, day, forms=("year", "iso-month", "month", "quarter", "half", "sub-year")))
    first_day, last_day = _closed(period)
    days = (last_day - first_day).days + 1
    unit = draw(st.sampled_from(RateUnit))
    events = draw(st.integers(1, 10**5))
    rate = statement_of(draw, Fraction(events, days) * TRUE_UNIT_DAYS[unit], rate=True)
    # The rule's reading of how many units the period holds, under every calendar convention.
    found = units_in_period(None, period, unit)
    if found is None:  # pragma: no cover
        raise AssertionError(f"{period} holds no {unit.value}s")
    expected = rate.interval * found[0]
    count = plant.value(expected.intersects, events)
    source = plant.source()
    plant.add(Claim(id=f"{prefix}rate", metric=metric, value=rate, per=unit, period=period, source=source))
    plant.add(Claim(id=f"{prefix}count", metric=metric, value=count, period=period, source=source))
    plant.description = f"{rate.describe()} per {unit.value} over {period} against a count of {count.describe()}"


def _plant_ratio_mismatch(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-ratio")
    word, factor = draw(st.sampled_from(FACTOR_WORDS))
    # A base that every candidate's denominator divides: "exactly 12.5% higher" is 9/8.
    base = draw(st.integers(100, 10**5)) * math.lcm(*(candidate.denominator for candidate in factor.candidates))
    to_stated = statement_of(draw, Fraction(base), closed=True)
    products = [reading * to_stated.interval for reading in factor.readings]
    start = next((found[0] for found in map(whole_numbers_in, products) if found is not None), None)
    if start is None:
        reject()  # no whole number is this factor of the base: no count to start from
    of = plant.value(lambda reading: any(product.intersects(reading) for product in products), start)
    earlier, later = sorted(draw(st.lists(st.integers(*CLAIM_YEARS), min_size=2, max_size=2, unique=True)))
    plant.add(Claim(id=f"{prefix}of", metric=metric, value=of, period=str(later)))
    plant.add(Claim(id=f"{prefix}to", metric=metric, value=to_stated, period=str(earlier)))
    plant.builder.relations.append(Ratio(of=f"{prefix}of", to=f"{prefix}to", factor=word))
    plant.description = f"{of.describe()} is not {factor.describe()} {to_stated.describe()}"


def _plant_sources_disagree(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-sources")
    first_source, second_source = [published_source(draw, f"{prefix}source{index}") for index in (1, 2)]
    plant.builder.sources += [first_source, second_source]
    true = draw(counts(10**5))
    first = statement_of(draw, Fraction(true))
    second = plant.value(first.interval.intersects, true)
    dates = when(draw)
    plant.add(Claim(id=f"{prefix}first", metric=metric, value=first, as_of=dates, source=first_source.id))
    plant.add(Claim(id=f"{prefix}second", metric=metric, value=second, as_of=dates, source=second_source.id))
    plant.description = f"{first.describe()} against {second.describe()}"


def _grim_value(plant: _Plant, *, denominator: int, decimals: int, scale: int, true: Fraction) -> Fraction:
    """A value stated to `decimals` that no scale * k / denominator rounds to (beyond), or the true one rounded (within).

    Rounded as the GRIM rules read it by default, so that the rule and the plant agree.
    """
    places: int = 10**decimals
    unit = Fraction(1, places)
    if not plant.beyond:
        return math.floor(true / unit + Fraction(1, 2)) * unit
    start = math.floor(true / unit)
    # Candidates run through [0, 100) for a percentage and [0, 10) for a mean (of answers up to 7).
    top = (100 if scale == 100 else 10) * places
    for step in range(top):
        candidate = ((start + step) % top) * unit
        if not grim_hits(candidate, decimals, denominator, scale, DEFAULT_TOLERANCES.grim_rounding):
            return candidate
    reject()  # every value at these decimals is reachable: n is too large for GRIM


def _written_decimal(draw: st.DrawFn, value: Fraction, decimals: int) -> str:
    return decimal_text(draw, int(value * 10**decimals), decimals)


def _plant_impossible_percentage(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-percentage")
    decimals = draw(st.integers(0, 2))
    n = draw(st.integers(1, 100 * 10**decimals - 1))
    k = draw(st.integers(0, n))
    value = _grim_value(plant, denominator=n, decimals=decimals, scale=100, true=Fraction(100 * k, n))
    base: int | str = n
    if draw(st.booleans()):
        base = plant.add(Claim(id=f"{prefix}n", metric=f"{metric}, base", value=n)).id
    text = _written_decimal(draw, value, decimals) + draw(st.sampled_from(PERCENT_SIGNS))
    plant.add(Claim(id=f"{prefix}share", metric=metric, value=text, of=base))
    plant.description = f"{text} of {n}"


def _plant_impossible_mean(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-mean")
    decimals = draw(st.integers(1, 3))
    items = draw(st.integers(1, 3))
    n = draw(st.integers(1, max(1, (10**decimals - 1) // items)))
    answers = n * items
    total = draw(st.integers(0, answers * 7))
    value = _grim_value(plant, denominator=answers, decimals=decimals, scale=1, true=Fraction(total, answers))
    base: int | str = n
    if draw(st.booleans()):
        base = plant.add(Claim(id=f"{prefix}n", metric=f"{metric}, respondents", value=n)).id
    text = _written_decimal(draw, value, decimals)
    plant.add(Claim(id=f"{prefix}mean", metric=metric, value=text, statistic="mean", of=base, items=items))
    plant.description = f"a mean of {text} from {n} x {items} answers"


_PLANTERS: dict[str, Callable[[_Plant], None]] = {
    SUM_MISMATCH.code: _plant_sum_mismatch,
    PART_EXCEEDS_WHOLE.code: _plant_part_exceeds_whole,
    SHARES_NOT_WHOLE.code: _plant_shares_not_whole,
    CHECK_FAILED.code: _plant_check_failed,
    SOURCES_DISAGREE.code: _plant_sources_disagree,
    UNKNOWN_REFERENCE.code: _plant_unknown_reference,
    DUPLICATE_ID.code: _plant_duplicate_id,
    IMPOSSIBLE_PERCENTAGE.code: _plant_impossible_percentage,
    IMPOSSIBLE_MEAN.code: _plant_impossible_mean,
    RATIO_MISMATCH.code: _plant_ratio_mismatch,
    RATE_CONVERSION_MISMATCH.code: _plant_rate_conversion_mismatch,
    RATE_TOTAL_MISMATCH.code: _plant_rate_total_mismatch,
    RUNNING_TOTAL_DECREASES.code: _plant_running_total_decreases,
    SUBPERIOD_EXCEEDS_PERIOD.code: _plant_subperiod_exceeds_period,
    DATED_AFTER_SOURCE.code: _plant_dated_after_source,
    PERIOD_REVERSED.code: _plant_period_reversed,
}


def supported_codes() -> tuple[str, ...]:
    """The rule codes `contradicting_claim_sets` can plant: those it knows that are registered."""
    rules = builtin_rules()
    return tuple(code for code in sorted(_PLANTERS) if code in rules)


def contradicting_claim_sets(
    code: str, *, beyond_tolerance: bool = True, kinds: Iterable[str] | None = None, max_groups: int = 3
) -> st.SearchStrategy[PlantedContradiction]:
    """A consistent claim set with one contradiction for rule `code` planted in it.

    The planted value, as its claim reads it (a round number as rounded, a rate as a rounded
    quotient), lies just beyond every reading of the claims around it (one unit past the
    edge), so the rule must report it, on the planted claims, and nothing else may fire.
    With `beyond_tolerance=False` the value sits just inside the edge instead: a near miss
    on which no rule may fire (for T102, also a forecast dated after its source). `kinds`
    and `max_groups` shape the consistent set around it, as in consistent_claim_sets.
    """
    supported = supported_codes()
    if not isinstance(code, str) or code.upper() not in supported:
        raise InvalidArgument(f"code={code!r} is not one this strategy can plant; supported codes: {', '.join(supported)}")
    beyond = check_flag("beyond_tolerance", beyond_tolerance)
    chosen = check_kinds(kinds)
    _, max_groups = check_sizes(0, max_groups, names=("min_groups", "max_groups"))
    return _contradicting_claim_sets(code.upper(), beyond, chosen, max_groups)


@st.composite
def _contradicting_claim_sets(
    draw: st.DrawFn, code: str, beyond: bool, kinds: tuple[str, ...], max_groups: int
) -> PlantedContradiction:
    builder = draw(claim_set_builders(kinds, 0, max_groups))
    plant = _Plant(builder, beyond)
    _PLANTERS[code](plant)
    return PlantedContradiction(
        claim_set=builder.build(),
        code=code,
        claim_ids=plant.claim_ids,
        beyond_tolerance=beyond,
        description=plant.description,
    )
