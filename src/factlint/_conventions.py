"""Calendar conventions for rates: how many days a week, month, quarter or year may hold.

A conversion between units is inconsistent only if every convention fails, so each unit's
length is the range that covers all the conventions a writer may have used.
"""

from __future__ import annotations

import datetime
import functools
from fractions import Fraction

from factlint._dates import DateRange
from factlint._intervals import Interval
from factlint._model import RateUnit

# Each unit's length in days, covering every convention in its description.
UNIT_DAYS: dict[RateUnit, tuple[Interval, str]] = {
    RateUnit.DAY: (Interval.point(1), "a day"),
    RateUnit.WEEK: (Interval.point(7), "a week is 7 days"),
    RateUnit.MONTH: (Interval(28, 31), "a month is 28 to 31 days (1/12 of a year lies within)"),
    RateUnit.QUARTER: (Interval(89, 92), "a quarter is 3 months, 89 to 92 days"),
    # 52 weeks (364 days) is a common shorthand for a year; 366 days is a leap year.
    RateUnit.YEAR: (Interval(364, 366), "a year is 52 weeks to 366 days (52 to 52.29 weeks)"),
}


@functools.cache
def conversion_factor(from_unit: RateUnit, to_unit: RateUnit) -> Interval:
    """How many `from_unit`s fit in one `to_unit`: per week -> per year is [52, 52.29]."""
    if from_unit is to_unit:
        return Interval.point(1)
    if {from_unit, to_unit} == {RateUnit.MONTH, RateUnit.YEAR}:
        # Twelve months make a year under every convention.
        return Interval.point(12) if to_unit is RateUnit.YEAR else Interval.point(Fraction(1, 12))
    if {from_unit, to_unit} == {RateUnit.QUARTER, RateUnit.YEAR}:
        return Interval.point(4) if to_unit is RateUnit.YEAR else Interval.point(Fraction(1, 4))
    if {from_unit, to_unit} == {RateUnit.MONTH, RateUnit.QUARTER}:
        return Interval.point(3) if to_unit is RateUnit.QUARTER else Interval.point(Fraction(1, 3))
    return UNIT_DAYS[to_unit][0] / UNIT_DAYS[from_unit][0]


def conventions_used(*units: RateUnit) -> list[str]:
    """The descriptions of the conventions behind a conversion, for a finding's explanation."""
    return [UNIT_DAYS[unit][1] for unit in dict.fromkeys(units) if unit is not RateUnit.DAY]


def period_days(start: DateRange | None, end: DateRange) -> Interval | None:
    """The number of days a flow covers: all of `end` when there is no separate start, else start..end.

    A start or end that is itself a range ("since September 2022") makes the length a range.
    """
    if start is None:
        if end.start is not None or end.end is not None:
            return period_days(end.start, end.end) if end.end is not None else None
        if end.days is None:
            return None
        return Interval.point(end.days)
    if start.first is None or start.last is None or end.first is None or end.last is None:
        return None
    shortest = (end.first - start.last).days + 1
    longest = (end.last - start.first).days + 1
    if longest < 1:
        return None
    return Interval(max(shortest, 0), longest)


def _whole_months(start: DateRange | None, end: DateRange) -> int | None:
    """How many calendar months a period covers when it is whole months (Q1 2023, 2023, H1 2024), else None."""
    if start is not None:
        return None
    first, last = end.first, end.last
    if first is None or last is None or first.day != 1:
        return None
    if (last + datetime.timedelta(days=1)).day != 1:
        return None
    return (last.year - first.year) * 12 + last.month - first.month + 1


def units_in_period(start: DateRange | None, end: DateRange, unit: RateUnit) -> tuple[Interval, list[str]] | None:
    """How many `unit`s a period holds, as a range that covers every convention, and the conventions used.

    A period of whole calendar months is also read by the calendar: the first quarter is a
    quarter of a year (0.25 years, not 90/365), and a calendar year is 52 weeks to 52.29 weeks.
    Both readings are kept, so that a writer who used either is never flagged.
    """
    days = period_days(start, end)
    if days is None or days.low is None or days.low <= 0:
        return None
    unit_days, day_convention = UNIT_DAYS[unit]
    by_days = days / unit_days
    conventions = [] if unit is RateUnit.DAY else [day_convention]
    months = _whole_months(start, end)
    if months is None or unit is RateUnit.DAY:
        return by_days, conventions
    by_calendar = conversion_factor(unit, RateUnit.MONTH) * Interval.point(months)
    conventions.append(f"{months} whole calendar month{'s' if months != 1 else ''} ({months}/12 of a year)")
    return Interval.hull([by_days, by_calendar]), conventions
