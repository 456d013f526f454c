"""The arithmetic of a finding as data for a drawing: the intervals on one axis, and the gap no reading closes.

A rule that computes something (a sum, a converted rate, a ratio) gives its violation a
`Figure`; any other finding whose claims state numbers of one kind gets the stated
intervals alone. The values are exact (`Interval` of Fractions); only a renderer turns
them into pixels. A timeline's axis counts days: `datetime.date.toordinal()`, a day
range [first, last + 1).
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from factlint._intervals import Interval

if TYPE_CHECKING:
    from factlint._dates import DateRange
    from factlint._model import Claim

__all__ = ["Bar", "Figure", "Role", "date_bar", "day_interval", "gap_between", "nearest_gap", "span", "stated_bar", "stated_values"]


class Role(enum.Enum):
    """What a bar of a drawing shows."""

    STATED = "stated"  # a stated number, as the interval of the reading assumed
    COMPUTED = "computed"  # what the arithmetic gives from stated numbers
    LIMIT = "limit"  # a fixed bound the arithmetic must meet, such as 100%


@attrs.frozen
class Bar:
    """One interval of a drawing, with what it is ("cases_2025: 20,583")."""

    label: str
    interval: Interval
    role: Role = Role.STATED


def _bar_tuple(bars: Iterable[Bar]) -> tuple[Bar, ...]:
    return tuple(bars)


@attrs.frozen
class Figure:
    """Bars on one axis (numbers, or days for a timeline) and the gap between them that no reading closes."""

    bars: tuple[Bar, ...] = attrs.field(converter=_bar_tuple)
    gap: Interval | None = None
    timeline: bool = False
    unit: str = ""


def gap_between(a: Interval, b: Interval) -> Interval | None:
    """The numbers strictly between two intervals that do not meet; None when they meet or touch."""
    lower, upper = (a, b) if a.high is not None and (b.low is None or a.high <= b.low) else (b, a)
    if lower.high is None or upper.low is None or lower.high >= upper.low:
        return None
    return Interval(lower.high, upper.low, low_open=not lower.high_open, high_open=not upper.low_open)


def nearest_gap(candidates: Iterable[Interval], target: Interval) -> Interval | None:
    """The gap from the target to the nearest of several alternative readings; None when one of them meets it."""
    gaps = []
    for candidate in candidates:
        gap = gap_between(candidate, target)
        if gap is None:
            return None
        gaps.append(gap)
    return min(gaps, key=lambda gap: gap.width or 0, default=None)


def stated_bar(claim: Claim, label: str = "") -> Bar:
    """A claim's value as the interval of the reading assumed, labelled with its id and how it was stated."""
    from factlint._wording import stated

    return Bar(label or f"{claim.id}: {stated(claim)}", claim.value.interval)


def stated_values(claims: Sequence[Claim]) -> Figure | None:
    """The stated intervals of claims that count one kind of thing (one unit, one rate), else None."""
    numbered = [claim for claim in dict.fromkeys(claims) if claim.test is None]
    if not numbered or len({_unit_of(claim) for claim in numbered}) > 1:
        return None
    return Figure([stated_bar(claim) for claim in numbered], unit=_unit_of(numbered[0]))


def _unit_of(claim: Claim) -> str:
    unit = "%" if claim.value.percent else claim.value.unit or claim.unit
    if claim.per is not None:
        unit = f"{unit} per {claim.per.value}".strip()
    return unit


def date_bar(label: str, dates: DateRange, role: Role = Role.STATED) -> Bar:
    """A day range on a timeline: [first, last + 1) in day numbers; an open end is unbounded."""
    return Bar(label, day_interval(dates.first, dates.last), role)


def day_interval(first: datetime.date | None, last: datetime.date | None) -> Interval:
    """The days from first to last inclusive as [first, last + 1) in `toordinal()` numbers (None: unbounded).

    A reversed range (T103's finding) is drawn over the days between its two ends.
    """
    if first is not None and last is not None and first > last:
        first, last = last, first
    low = None if first is None else first.toordinal()
    high = None if last is None else last.toordinal() + 1
    return Interval(low, high, high_open=True)


def span(low: Fraction, high: Fraction, *, low_open: bool = False, high_open: bool = False) -> Interval:
    """An interval to draw from two ends that may come in any order or meet: never an error."""
    if low > high:
        low, high, low_open, high_open = high, low, high_open, low_open
    if low == high:
        return Interval.point(low)
    return Interval(low, high, low_open=low_open, high_open=high_open)
