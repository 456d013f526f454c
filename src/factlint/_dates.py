"""Read stated dates ("late May 2025", "FY2023", "last Tuesday", "2022-09/..") as exact, inclusive ranges of days."""

from __future__ import annotations

import datetime
import difflib
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TypeAlias

import attrs

from factlint._echo import quoted
from factlint._patterns import lazy_pattern

__all__ = ["DateError", "DateRange", "parse_date_range"]


class DateError(ValueError):
    """A date text that cannot be read; str() is a plain message for a user.

    For example "cannot read 'Smarch 2024' as a date: 'Smarch' is not a month".
    ``text`` is the text as stated and ``reason`` the part after the colon.
    """

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(f"cannot read {quoted(text)} as a date: {reason}")
        self.text = text
        self.reason = reason

    def __reduce__(self) -> tuple[type[DateError], tuple[str, str]]:
        return type(self), (self.text, self.reason)


_optional_date = attrs.validators.optional(attrs.validators.instance_of(datetime.date))


# Its hash is kept: loading looks each claim's dates up by the date its source was published.
@attrs.frozen(cache_hash=True)
class DateRange:
    """The days a stated date can mean, inclusive at both ends; None is an open end ("2022-09/..").

    A period stated by its two ends keeps them as ``start`` and ``end``, as an EDTF
    interval "A/B" does: the period's first day lies somewhere in ``start`` and its last
    day somewhere in ``end``. So "2022-09/2025-05" knows that it starts on some day of
    September 2022, and "2023/24" that it starts in 2023 and ends in 2024. They are None
    for a plain date, whose start is simply ``first``.
    """

    first: datetime.date | None = attrs.field(validator=_optional_date)
    last: datetime.date | None = attrs.field(validator=_optional_date)
    text: str = attrs.field(default="", eq=False)
    start: DateRange | None = attrs.field(default=None, eq=False)
    end: DateRange | None = attrs.field(default=None, eq=False)
    # The part of its day a one-day date names ("Monday evening": "evening"), or "" for the whole
    # day. Its days are the day's; a stock stated at two parts of one day may be two numbers.
    part_of_day: str = attrs.field(default="", eq=False)

    @property
    def days(self) -> int | None:
        """The number of days from first to last inclusive; None if an end is open, 0 if reversed."""
        if self.first is None or self.last is None:
            return None
        return max(0, (self.last - self.first).days + 1)

    def overlaps(self, other: DateRange) -> bool:
        """Whether some day lies in both ranges (an open end reaches to infinity; a reversed range holds no day)."""
        if self.is_reversed() or other.is_reversed():
            return False
        return not (self.is_before(other) or other.is_before(self))

    def is_before(self, other: DateRange) -> bool:
        """Whether this range certainly ends before the other starts (self.last < other.first)."""
        return self.last is not None and other.first is not None and self.last < other.first

    def is_reversed(self) -> bool:
        """Whether it ends before it starts, as stated ("2025-05/2022-09"); the parser never swaps the ends."""
        return self.first is not None and self.last is not None and self.last < self.first

    def __str__(self) -> str:
        if self.text:
            return self.text
        if self.first is not None and self.first == self.last:
            return self.first.isoformat()
        first = self.first.isoformat() if self.first is not None else ""
        last = self.last.isoformat() if self.last is not None else ""
        return f"{first}..{last}"


def parse_date_range(
    text: str | datetime.date | datetime.datetime,
    *,
    reference: datetime.date | DateRange | None = None,
    fiscal_year_start: int = 10,
) -> DateRange:
    """Read a stated date as the range of days it can mean; raise DateError for text it cannot fully read.

    Every reading is inclusive at both ends, and a form that allows several honest
    readings covers all of them. Case, repeated spaces and a leading "in", "on", "at" or
    "as of" are ignored. A ``datetime.date`` is that day.

    Plain dates:

    - ISO and TOML dates ``2024-06-04``, ``2024-06``, ``2024``, ``all of 2024``;
      EDTF sub-year codes ``2024-21``..``24`` (spring to winter, winter running into the
      next year), ``2024-33``..``36`` (quarters), ``2023-40``/``41`` (halves).
    - Months and days in English: ``May 2025``, ``Sept. 2022``, ``4 June 2024``,
      ``June 4, 2024``, ``4th of June 2024``, ``1-3 June 2024``, ``June 1 to 3, 2024``,
      ``1 or 2 June 2024`` (either day: both are covered); a weekday may lead a single day
      (``Tuesday, June 4, 2024``) and must be that day's.
    - Parts of a month or year: ``early``/``mid``/``late May 2025`` (1st-10th, 11th-20th,
      21st to the end), ``the beginning of``/``start of``, ``middle of`` and ``end of May``
      read as early, mid and late; ``early``/``mid``/``late 2024`` (January-April,
      May-August, September-December, and so ``the end of 2024``); ``H1 2023``,
      ``the first half of 2023``, ``Q3 2024``, ``the third quarter of 2024``.
    - Fiscal years named by the calendar year they end in: ``FY2023``, ``FY 2023``,
      ``FY23``, ``fiscal 2023``, ``fiscal year 2023``, ``financial year 2023``. The year
      starts on the first day of month ``fiscal_year_start`` (1-12) of the year before:
      by default October, the US federal year, so FY2023 is 1 October 2022 to 30
      September 2023; with 1 it is the calendar year.
    - Years across two calendar years: ``2023/24``, ``2023-24``, ``2023–24``,
      ``FY2023/24``, ``FY23-24``, ``the 2023/24 season``, ``academic year 2023-24`` (also
      "fiscal", "financial", "school" and "tax year"). Fiscal, academic, tax and sports
      years start in different months, so this is every such year: starting in any
      month from February of the first year (a year starting in January would not
      reach the second) and ending the day before, a year later. It runs from 1
      February 2023 to 30 November 2024, its ``start`` is February to December 2023 and
      its ``end`` January to November 2024. It does not use ``fiscal_year_start``. A
      hyphen is read this way only where ISO 8601 reads no month: ``2011-12`` is
      December 2011 (write ``2011/12``), and where the two digits are also an EDTF code
      (``2023-24`` is winter 2023 too) both readings are covered.

    - Rolling years, as statistics offices date them: ``the year ending March 2019``
      (April 2018 to March 2019), ``the year to June 2024``, ``the 12 months to September
      2023``, ``the year ended June 30, 2023`` (1 July 2022 to 30 June 2023). The end is a
      month or a day; without a year it is the latest one not after the reference.

    Periods between two ends, each end kept as ``start`` and ``end``:

    - EDTF intervals ``2022-09/2025-05``, ``September 2022/late May 2025``, open
      ``2022-09/..`` and ``../2025-05``; each side states its year (``Jun 04/2024`` is
      an error, not June to December 2024).
    - English: ``July 1, 2022 to June 30, 2023``, ``1 July 2022 - 30 June 2023``,
      ``January through June 2024``, ``from March to May 2024``, ``January-June 2024``,
      ``2023–2024``, ``between January and June 2024`` ("to", "through", "thru",
      "until", "till", a dash). An end without a year takes the other end's year, or the
      year next to it when the period would otherwise run backwards: ``November to
      February 2024`` is November 2023 to February 2024. Ends that both state a year are
      read as stated, even reversed.

    Dates relative to ``reference``, the publication date of the claim's source:

    - A date without a year is in the latest year in which its first day is not after
      the reference ("late May" published 26 June 2025 is 21-31 May 2025).
    - ``today``, ``yesterday``; ``Tuesday`` (also ``on Tuesday``, ``Tue``): the latest
      Tuesday on or before the reference; ``last Tuesday``: the latest Tuesday before it,
      or the Tuesday of the week before the reference's week (both covered). A part of the
      day may follow or lead: ``Tuesday evening``, ``Tuesday morning``, ``early on
      Tuesday``; the days are Tuesday's, and ``part_of_day`` keeps the part ("evening").
    - ``this week``, ``this month``, ``this year``: the week (Monday to Sunday or Sunday
      to Saturday), month or year holding the reference; as a period it ends at the
      reference or at the end of the week, month or year (``end`` covers both).
    - ``last week``: the week before (Monday to Sunday or Sunday to Saturday) or the seven
      days before the reference, all covered; ``last month``, ``last year``: the calendar
      month or year before.
    - ``so far this year``, ``earlier this year``, ``the year to date``, ``so far this
      month``, ``earlier this month``: from the first day of the year or month to the
      reference; ``so far in 2025``: from 1 January 2025 to the reference, or to the year's
      end if it is over.
    - Two-digit years (``FY23``) are the year with those digits nearest to the reference.

    ``reference`` may itself be a range (a source published "June 2025"): the result then
    covers the readings against every day of it. A relative date without a reference
    is a DateError that says it needs one. Text that is only partly understood is a
    DateError naming the part that was not ("'onwards' after 'May 2024' is not
    understood"), never a partial reading.
    """
    if isinstance(fiscal_year_start, bool) or not isinstance(fiscal_year_start, int):
        raise TypeError(f"fiscal_year_start must be a month number (1-12), not {type(fiscal_year_start).__name__}")
    if not 1 <= fiscal_year_start <= 12:
        raise ValueError(f"fiscal_year_start must be a month number from 1 to 12, not {fiscal_year_start}")
    if isinstance(text, datetime.datetime):
        day = text.date()
        return DateRange(day, day, text=text.isoformat())
    if isinstance(text, datetime.date):
        return DateRange(text, text, text=text.isoformat())
    if not isinstance(text, str):
        raise TypeError(f"a date must be a str or a datetime.date, not {type(text).__name__}")
    earliest, latest = _reference_days(reference)
    return _parse_text(text, earliest, latest, fiscal_year_start)


def _reference_days(
    reference: datetime.date | DateRange | None,
) -> tuple[datetime.date | None, datetime.date | None]:
    """The first and last day the source may have been published; (None, None) when unknown or open-ended."""
    if isinstance(reference, DateRange):
        if reference.first is None or reference.last is None:
            return None, None
        return reference.first, reference.last
    if isinstance(reference, datetime.datetime):
        day = reference.date()
        return day, day
    return reference, reference


class _Unreadable(Exception):
    """Why a (part of a) date text cannot be read, before the text is known to the message."""


class _NoSuchDay(_Unreadable):
    """A day that a month does not have in a given year (29 February in most years)."""


_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH_LENGTHS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February at its longest
_MONTHS = {
    **{name.lower(): number for number, name in enumerate(_MONTH_NAMES, 1)},
    **{name[:3].lower(): number for number, name in enumerate(_MONTH_NAMES, 1)},
    "sept": 9,
}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAYS = {  # Monday is 0, as datetime.date.weekday() counts
    **{name.lower(): number for number, name in enumerate(_WEEKDAY_NAMES)},
    **{name[:3].lower(): number for number, name in enumerate(_WEEKDAY_NAMES)},
    "tues": 1,
    "weds": 2,
    "thur": 3,
    "thurs": 3,
}
# Words naming a year that runs across two calendar years ("the 2023/24 season", "FY2023/24").
_SPLIT_YEAR_WORDS = ("fiscal year", "financial year", "academic year", "school year", "tax year", "season", "fiscal", "FY")
# Words naming a fiscal year by the one calendar year in which it ends ("FY2023", "fiscal 2023").
_FISCAL_YEAR_WORDS = ("fiscal year", "financial year", "fiscal", "FY")

_EXPECTED = (
    "expected a date such as '2024-06-04', '2024-06', 'June 2024', '4 June 2024', "
    "'late May 2025', 'Q3 2024', 'first half of 2023', 'FY2023', '2023/24', "
    "'January to June 2024', 'last week' or '2022-09/2025-05'"
)
_NO_YEAR = "it has no year, and its source has no published date to resolve it against"
_NO_REFERENCE = "it is relative to its source's published date, and its source has none"
_ONE_DAY = datetime.timedelta(days=1)
_ONE_WEEK = datetime.timedelta(days=7)

_Days: TypeAlias = "tuple[datetime.date, datetime.date]"
_Span: TypeAlias = "Callable[[int], _Days]"


@attrs.frozen
class _Yearless:
    """A date stated without a year ("late May"): its days in any given year, the year still to be found.

    The year comes from the other end of a period ("January to June 2024") or else from the reference.
    """

    dates_in: Callable[[int], DateRange]


_Reading: TypeAlias = "DateRange | _Yearless"


@attrs.frozen
class _Context:
    """What a reading may depend on besides the text: the publication date and the fiscal year's first month."""

    reference: datetime.date | None
    fiscal_year_start: int

    def published(self) -> datetime.date:
        if self.reference is None:
            raise _Unreadable(_NO_REFERENCE)
        return self.reference


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _month_length(year: int, month: int) -> int:
    if month == 2 and not _is_leap(year):
        return 28
    return _MONTH_LENGTHS[month - 1]


def _day(year: int, month: int, day: int) -> datetime.date:
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        raise _Unreadable(f"year {year} is outside the years {datetime.MINYEAR}-{datetime.MAXYEAR}")
    if not 1 <= day <= _month_length(year, month):
        raise _NoSuchDay(f"{_MONTH_NAMES[month - 1]} {year} has no day {day}")
    return datetime.date(year, month, day)


def _last_day(year: int, month: int) -> datetime.date:
    return _day(year, month, _month_length(year, month))


def _months(first_month: int, last_month: int, *, next_year: bool = False) -> _Span:
    """The span from the first day of one month to the last day of another, possibly in the next year."""
    return lambda year: (_day(year, first_month, 1), _last_day(year + next_year, last_month))


def _days_of(month: int, first_day: int, last_day: int | None) -> _Span:
    """The span of some days of a month; None as the last day means the end of the month."""
    if last_day is None:
        return lambda year: (_day(year, month, first_day), _last_day(year, month))
    return lambda year: (_day(year, month, first_day), _day(year, month, last_day))


def _in_year(span: _Span, year: str | None) -> _Reading:
    """A span in its stated year, or a yearless reading when no year is stated."""
    if year is not None:
        return DateRange(*span(int(year)))
    return _Yearless(lambda candidate: DateRange(*span(candidate)))


def _closed(dates: DateRange) -> _Days:
    """The first and last day of a range that the grammar produced closed (every plain date is)."""
    if dates.first is None or dates.last is None:
        raise _Unreadable("an open end ('..') cannot be one end of a period written with words")
    return dates.first, dates.last


def _in_latest_year(reading: _Yearless, reference: datetime.date | None) -> DateRange:
    """A yearless reading in the latest year whose first day is not after the reference."""
    if reference is None:
        raise _Unreadable(_NO_YEAR)
    # At most eight years back: 29 February is missing for up to seven years in a row (1897-1903).
    for candidate in range(reference.year, max(reference.year - 9, datetime.MINYEAR - 1), -1):
        try:
            dates = reading.dates_in(candidate)
        except _NoSuchDay:
            continue
        if _closed(dates)[0] <= reference:
            return dates
    raise _Unreadable(f"no year up to its source's published date {reference.isoformat()} has it")


def _resolved(reading: _Reading, context: _Context) -> DateRange:
    return reading if isinstance(reading, DateRange) else _in_latest_year(reading, context.reference)


def _ends(dates: DateRange) -> tuple[DateRange, DateRange]:
    """Where a range's first and last day may lie: its stated ends, or else its first and last day themselves."""
    start = dates.start if dates.start is not None else DateRange(dates.first, dates.first)
    end = dates.end if dates.end is not None else DateRange(dates.last, dates.last)
    return start, end


def _earlier(a: datetime.date | None, b: datetime.date | None) -> datetime.date | None:
    return None if a is None or b is None else min(a, b)


def _later(a: datetime.date | None, b: datetime.date | None) -> datetime.date | None:
    return None if a is None or b is None else max(a, b)


def _hull(a: DateRange, b: DateRange) -> DateRange:
    """Every day of two readings, with ends that cover both readings' ends.

    The ends matter: the hull of two one-week readings is not a nine-day period, but a
    period that starts somewhere in the first days and ends somewhere in the last.
    """
    if a == b and a.start == b.start and a.end == b.end:
        return a
    (a_start, a_end), (b_start, b_end) = _ends(a), _ends(b)
    start = DateRange(_earlier(a_start.first, b_start.first), _later(a_start.last, b_start.last))
    end = DateRange(_earlier(a_end.first, b_end.first), _later(a_end.last, b_end.last))
    return DateRange(_earlier(a.first, b.first), _later(a.last, b.last), text=a.text, start=start, end=end)


def _hull_of(readings: list[DateRange]) -> DateRange:
    return functools.reduce(_hull, readings)


def _period(start: DateRange, end: DateRange) -> DateRange:
    return DateRange(start.first, end.last, start=start, end=end)


def _joined(start: _Reading, end: _Reading) -> _Reading:
    """The period from a start to an end; an end without a year takes the other end's year, or the next one.

    "January to June 2024" starts in January 2024; "November to February 2024" in
    November 2023, since a period stated without the start's year runs forwards.
    """
    if isinstance(start, DateRange):
        return _resolved_join(start, end)
    yearless_start = start
    if isinstance(end, _Yearless):
        yearless_end = end
        return _Yearless(lambda year: _resolved_join(yearless_start.dates_in(year), yearless_end))
    last = _closed(end)[1]
    dates = start.dates_in(last.year)
    if _closed(dates)[0] > last:
        dates = start.dates_in(last.year - 1)
    return _period(dates, end)


def _resolved_join(start: DateRange, end: _Reading) -> DateRange:
    if isinstance(end, DateRange):
        return _period(start, end)
    first = _closed(start)[0]
    dates = end.dates_in(first.year)
    if _closed(dates)[1] < first:
        dates = end.dates_in(first.year + 1)
    return _period(start, dates)


def _month_number(word: str) -> int:
    month = _MONTHS.get(word.lower())
    if month is None:
        raise _Unreadable(f"{quoted(word)} is not a month")
    return month


def _day_number(month: int, digits: str, year: str | None) -> int:
    """A day of a month, checked against the month's longest length when no year is stated."""
    day = int(digits)
    if year is None and not 1 <= day <= _MONTH_LENGTHS[month - 1]:
        raise _Unreadable(f"{_MONTH_NAMES[month - 1]} has no day {day}")
    return day


# Sub-year codes of EDTF (ISO 8601-2): seasons, quarters and semesters (halves).
_SUB_YEAR_CODES: dict[int, _Span] = {
    21: _months(3, 5),
    22: _months(6, 8),
    23: _months(9, 11),
    24: _months(12, 2, next_year=True),
    33: _months(1, 3),
    34: _months(4, 6),
    35: _months(7, 9),
    36: _months(10, 12),
    40: _months(1, 6),
    41: _months(7, 12),
}
_THIRDS_OF_YEAR = {"early": _months(1, 4), "mid": _months(5, 8), "late": _months(9, 12)}
_THIRDS_OF_MONTH = {"early": (1, 10), "mid": (11, 20), "late": (21, None)}
# "The end of May" is late May: the last days of a month, from the 21st, as near its end as
# "late" allows. The phrases name the same thirds of a month or year as early, mid and late.
_THIRD_PHRASES = {"beginning": "early", "start": "early", "middle": "mid", "end": "late"}
_QUARTERS = {n: _months(3 * n - 2, 3 * n) for n in range(1, 5)}
_HALVES = {1: _months(1, 6), 2: _months(7, 12)}


def _split_year(first_year: int) -> DateRange:
    """A year running from some month of one calendar year to the month before it in the next ("2023/24").

    Fiscal, academic, tax and sports years start in different months (April, July,
    September, ...), so it covers them all: a start from February (a year starting in
    January never reaches the second calendar year) to December of the first year.
    """
    start = DateRange(_day(first_year, 2, 1), _day(first_year, 12, 31))
    end = DateRange(_day(first_year + 1, 1, 1), _day(first_year + 1, 11, 30))
    return _period(start, end)


def _fiscal_year(ending_year: int, start_month: int) -> DateRange:
    """The fiscal year named for the calendar year in which it ends: FY2023 from October 2022 to September 2023."""
    if start_month == 1:
        return DateRange(*_months(1, 12)(ending_year))
    return DateRange(*_months(start_month, start_month - 1, next_year=True)(ending_year - 1))


def _year_of_two_digits(digits: str, context: _Context) -> int:
    """The year ending in two digits ("FY23") nearest to the publication year: 2023 for an article of 2025."""
    if context.reference is None:
        raise _Unreadable(
            f"{quoted(digits)} is a two-digit year, and its source has no published date to tell its century; "
            "write the year in full"
        )
    earliest = context.reference.year - 50
    return earliest + (int(digits) - earliest) % 100


def _latest_weekday(day: datetime.date, weekday: int) -> datetime.date:
    """The latest day on or before `day` that falls on `weekday` (Monday 0)."""
    return day - datetime.timedelta(days=(day.weekday() - weekday) % 7)


def _week_starts(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first days of the weeks holding `day`: a Monday-to-Sunday week and a Sunday-to-Saturday week."""
    return _latest_weekday(day, 0), _latest_weekday(day, 6)


def _so_far_or_whole(first: datetime.date, last: datetime.date, reference: datetime.date) -> DateRange:
    """A week, month or year holding the reference ("this year"): as a period it ends at the reference or at its end."""
    return DateRange(first, last, start=DateRange(first, first), end=DateRange(reference, last))


def _this_week(reference: datetime.date) -> DateRange:
    """The week holding the reference, Monday to Sunday or Sunday to Saturday."""
    return _hull_of([_so_far_or_whole(start, start + 6 * _ONE_DAY, reference) for start in _week_starts(reference)])


def _last_week(reference: datetime.date) -> DateRange:
    """The week before the reference's (Monday-Sunday or Sunday-Saturday) or the seven days before it."""
    weeks = [DateRange(start - _ONE_WEEK, start - _ONE_DAY) for start in _week_starts(reference)]
    return _hull_of([*weeks, DateRange(reference - _ONE_WEEK, reference - _ONE_DAY)])


def _this_month(reference: datetime.date) -> DateRange:
    return _so_far_or_whole(reference.replace(day=1), _last_day(reference.year, reference.month), reference)


def _last_month(reference: datetime.date) -> DateRange:
    previous = reference.replace(day=1) - _ONE_DAY
    return DateRange(*_months(previous.month, previous.month)(previous.year))


def _this_year(reference: datetime.date) -> DateRange:
    return _so_far_or_whole(_day(reference.year, 1, 1), _day(reference.year, 12, 31), reference)


def _last_year(reference: datetime.date) -> DateRange:
    return DateRange(*_months(1, 12)(reference.year - 1))


def _month_so_far(reference: datetime.date) -> DateRange:
    return DateRange(reference.replace(day=1), reference)


def _year_so_far(reference: datetime.date) -> DateRange:
    return DateRange(_day(reference.year, 1, 1), reference)


# Dates stated relative to the publication date, read against it.
_RELATIVE_DATES: dict[str, Callable[[datetime.date], DateRange]] = {
    "today": lambda reference: DateRange(reference, reference),
    "yesterday": lambda reference: DateRange(reference - _ONE_DAY, reference - _ONE_DAY),
    "this week": _this_week,
    "last week": _last_week,
    "this month": _this_month,
    "last month": _last_month,
    "so far this month": _month_so_far,
    "earlier this month": _month_so_far,
    "this year": _this_year,
    "last year": _last_year,
    "so far this year": _year_so_far,
    "earlier this year": _year_so_far,
    "year to date": _year_so_far,
    "the year to date": _year_so_far,
}


# The parts of a day a weekday may be stated with, as compared: "early on Monday" is its morning.
_PARTS_OF_DAY = {
    "early": "morning",
    "morning": "morning",
    "afternoon": "afternoon",
    "evening": "evening",
    "night": "night",
    "late": "late",
}


def _check_weekday(match: re.Match[str], dates: DateRange) -> DateRange:
    """A day with its weekday stated ("Tuesday, June 4, 2024"), which must be that day's weekday."""
    if match["weekday"] is None:
        return dates
    if dates.first != dates.last or dates.first is None:
        raise _Unreadable(f"a weekday ({quoted(match['weekday'])}) names one day, not several")
    stated = _WEEKDAYS[match["weekday"].lower()]
    if dates.first.weekday() != stated:
        day = f"{dates.first.day} {_MONTH_NAMES[dates.first.month - 1]} {dates.first.year}"
        raise _Unreadable(f"{day} is a {_WEEKDAY_NAMES[dates.first.weekday()]}, not a {_WEEKDAY_NAMES[stated]}")
    return dates


# -- readers: one per form, from a match of the form's pattern to the days it names ------------


def _iso_day(match: re.Match[str], context: _Context) -> _Reading:
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    if not 1 <= month <= 12:
        raise _Unreadable(f"month {month} does not exist (months are 01-12)")
    first = _day(year, month, day)
    return DateRange(first, first)


def _iso_month(match: re.Match[str], context: _Context) -> _Reading:
    """`YYYY-MM`, an EDTF sub-year code `YYYY-33`, or a split year `2023-24`: ISO 8601 reads months first."""
    year, code = int(match["year"]), int(match["code"])
    if 1 <= code <= 12:
        return DateRange(*_months(code, code)(year))
    span = _SUB_YEAR_CODES.get(code)
    if code == (year + 1) % 100:
        # "2023-24" is the English split year 2023/24 as well as (in EDTF) winter 2023: both are covered.
        split = _split_year(year)
        return split if span is None else _hull(split, DateRange(*span(year)))
    if span is not None:
        return DateRange(*span(year))
    if code <= 20:
        raise _Unreadable(f"month {code} does not exist (months are 01-12)")
    raise _Unreadable(
        f"sub-year code {code} is not supported (21-24 are seasons, 33-36 quarters, 40-41 halves)"
    )


def _named_split_year(match: re.Match[str], context: _Context) -> _Reading:
    stated_year = match.groupdict().get("year") or match["yy"]
    year = int(stated_year) if len(stated_year) == 4 else _year_of_two_digits(stated_year, context)
    if int(match["next"]) != (year + 1) % 100:
        written = f"{stated_year}{match['sep']}{match['next']}"
        raise _Unreadable(f"{quoted(written)} does not name two years in a row (a span of years is written '2023/2025')")
    return _split_year(year)


def _fiscal(match: re.Match[str], context: _Context) -> _Reading:
    stated_year = match.groupdict().get("year") or match["yy"]
    year = int(stated_year) if len(stated_year) == 4 else _year_of_two_digits(stated_year, context)
    return _fiscal_year(year, context.fiscal_year_start)


def _year(match: re.Match[str], context: _Context) -> _Reading:
    return DateRange(*_months(1, 12)(int(match["year"])))


def _third_of_year(match: re.Match[str], context: _Context) -> _Reading:
    part = _THIRD_PHRASES[match["phrase"].lower()] if match["phrase"] else match["part"].lower()
    return DateRange(*_THIRDS_OF_YEAR[part](int(match["year"])))


def _half(match: re.Match[str], context: _Context) -> _Reading:
    number = int(match["n"]) if match["n"] is not None else _ORDINALS[match["ordinal"].lower()]
    span = _HALVES.get(number)
    if span is None:
        raise _Unreadable(f"a year has two halves, not {number}")
    return _in_year(span, match["year"])


def _quarter(match: re.Match[str], context: _Context) -> _Reading:
    number = int(match["n"]) if match["n"] is not None else _ORDINALS[match["ordinal"].lower()]
    span = _QUARTERS.get(number)
    if span is None:
        raise _Unreadable(f"a year has four quarters, not {number}")
    return _in_year(span, match["year"])


def _so_far_in(match: re.Match[str], context: _Context) -> _Reading:
    reference = context.published()
    year = int(match["year"])
    first = _day(year, 1, 1)
    if reference < first:
        raise _Unreadable(f"its source was published on {reference.isoformat()}, before {year} began")
    return DateRange(first, min(reference, _day(year, 12, 31)))


def _relative(match: re.Match[str], context: _Context) -> _Reading:
    return _RELATIVE_DATES[match["relative"].lower()](context.published())


def _weekday(match: re.Match[str], context: _Context) -> _Reading:
    reference = context.published()
    weekday = _WEEKDAYS[match["day_name"].lower()]
    if match["last"] is None:
        day = _latest_weekday(reference, weekday)
        return DateRange(day, day)
    # "Last Tuesday" is the latest Tuesday before the publication day, or else the Tuesday of the
    # week before the publication's week; that week may start on a Monday or on a Sunday.
    days = [_latest_weekday(reference - _ONE_DAY, weekday)]
    days += [_latest_weekday(start - _ONE_DAY, weekday) for start in _week_starts(reference)]
    return _hull_of([DateRange(day, day) for day in days])


def _weekday_part(match: re.Match[str], context: _Context) -> _Reading:
    """A weekday with a part of its day: "Monday evening", "early on Tuesday" are that day, at that part of it."""
    day = _weekday(match, context)
    assert isinstance(day, DateRange)
    words = (match["early"] or match["part"]).lower()
    return attrs.evolve(day, part_of_day=_PARTS_OF_DAY[words])


def _third_of_month(match: re.Match[str], context: _Context) -> _Reading:
    month = _month_number(match["month"])
    part = _THIRD_PHRASES[match["phrase"].lower()] if match["phrase"] else match["part"].lower()
    first_day, last_day = _THIRDS_OF_MONTH[part]
    return _in_year(_days_of(month, first_day, last_day), match["year"])


def _month(match: re.Match[str], context: _Context) -> _Reading:
    month = _month_number(match["month"])
    return _in_year(_months(month, month), match["year"])


def _days(match: re.Match[str], context: _Context) -> _Reading:
    month, year = _month_number(match["month"]), match["year"]
    first_day = _day_number(month, match["d1"], year)
    last_day = first_day
    if match["d2"] is not None:
        last_day = _day_number(month, match["d2"], year)
        if match["sep"].strip().lower() in ("or", "and"):
            # "1 or 2 June" is one of two days, whichever order they are named in.
            first_day, last_day = min(first_day, last_day), max(first_day, last_day)
    reading = _in_year(_days_of(month, first_day, last_day), year)
    if isinstance(reading, DateRange):
        return _check_weekday(match, reading)
    yearless = reading
    return _Yearless(lambda candidate: _check_weekday(match, yearless.dates_in(candidate)))


def _alternatives(words: Iterable[str]) -> str:
    """A regular-expression alternation of words, longest first, so that "fiscal year" wins over "fiscal"."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_YEAR = r"(?P<year>[0-9]{4})"
_OPTIONAL_YEAR = rf"(?:,? (?:of )?{_YEAR})?"
_MONTH_WORD = rf"(?P<month>{_alternatives(_MONTHS)})\.?"
_ANY_WORD = r"(?P<month>[a-z]+)\.?"
_LEADING_WEEKDAY = rf"(?:(?P<weekday>{_alternatives(_WEEKDAYS)})\.?,? )?"
_SUFFIX = r"(?:st|nd|rd|th)?"
_DAYS = (
    rf"(?P<d1>[0-9]{{1,2}}){_SUFFIX}"
    rf"(?:(?P<sep> ?[-\u2013\u2014] ?| or | and | to | through | until )(?P<d2>[0-9]{{1,2}}){_SUFFIX})?"
)
_ORDINAL = r"(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)"
_PHRASE = rf"(?:the )?(?P<phrase>{_alternatives(_THIRD_PHRASES)}) of "
_SPLIT_YEAR_WORD = _alternatives(_SPLIT_YEAR_WORDS)
_FISCAL_YEAR_WORD = _alternatives(_FISCAL_YEAR_WORDS)

_Reader: TypeAlias = "Callable[[re.Match[str], _Context], _Reading]"


class _Forms:
    """The forms' patterns, compiled when a date is first read: compiling them all was a large part of start-up."""

    def __init__(self, forms: tuple[tuple[str, _Reader], ...]) -> None:
        self._forms = forms
        self._compiled: tuple[tuple[re.Pattern[str], _Reader], ...] | None = None

    def __iter__(self) -> Iterator[tuple[re.Pattern[str], _Reader]]:
        if self._compiled is None:
            self._compiled = tuple((re.compile(pattern, re.ASCII | re.IGNORECASE), reader) for pattern, reader in self._forms)
        return iter(self._compiled)


# Tried in order on the normalised text; the first pattern that matches the whole text decides.
_FORMS = _Forms(
    (
        (r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})", _iso_day),
        (r"(?P<year>[0-9]{4})-(?P<code>[0-9]{2})", _iso_month),
        (
            rf"(?:the )?(?:(?:{_SPLIT_YEAR_WORD}) ?)?{_YEAR}(?P<sep>[-/\u2013])(?P<next>[0-9]{{2}})"
            rf"(?: (?:{_SPLIT_YEAR_WORD}))?",
            _named_split_year,
        ),
        (r"(?:the )?FY ?(?P<yy>[0-9]{2})(?P<sep>[-/\u2013])(?P<next>[0-9]{2})", _named_split_year),
        (rf"(?:the )?(?:{_FISCAL_YEAR_WORD}) ?{_YEAR}", _fiscal),
        (r"(?:the )?FY ?['\u2019]?(?P<yy>[0-9]{2})", _fiscal),
        (rf"(?:all of )?{_YEAR}", _year),
        (rf"(?:(?P<part>early|mid|late)[- ]|{_PHRASE}){_YEAR}", _third_of_year),
        (rf"(?:the )?(?:{_ORDINAL} half|H(?P<n>[0-9]{{1,9}})){_OPTIONAL_YEAR}", _half),
        (rf"(?:the )?(?:{_ORDINAL} quarter|Q(?P<n>[0-9]{{1,9}})){_OPTIONAL_YEAR}", _quarter),
        (r"so far in (?P<year>[0-9]{4})", _so_far_in),
        (rf"(?P<relative>{_alternatives(_RELATIVE_DATES)})", _relative),
        (rf"(?:(?P<last>last) )?(?P<day_name>{_alternatives(_WEEKDAYS)})\.?", _weekday),
        (
            rf"(?:(?P<early>early|late) (?:on )?)?(?:(?P<last>last) )?(?P<day_name>{_alternatives(_WEEKDAYS)})\.?"
            rf"(?(early)| (?P<part>{_alternatives(_PARTS_OF_DAY)}))",
            _weekday_part,
        ),
        (rf"(?:(?P<part>early|mid|late)[- ]|{_PHRASE}){_MONTH_WORD}{_OPTIONAL_YEAR}", _third_of_month),
        (rf"{_MONTH_WORD}{_OPTIONAL_YEAR}", _month),
        (rf"{_LEADING_WEEKDAY}{_DAYS} (?:of )?{_MONTH_WORD}{_OPTIONAL_YEAR}", _days),
        (rf"{_LEADING_WEEKDAY}{_MONTH_WORD} {_DAYS}{_OPTIONAL_YEAR}", _days),
    )
)
# A word where a month belongs ("4 Smarch 2024") is named as the problem when it looks like a month.
_MISSPELT_MONTH_FORMS = tuple(
    lazy_pattern(pattern, re.ASCII | re.IGNORECASE)
    for pattern in (
        rf"{_ANY_WORD},? (?:of )?{_YEAR}",
        rf"(?:(?P<part>early|mid|late)[- ]|{_PHRASE}){_ANY_WORD}{_OPTIONAL_YEAR}",
        rf"{_DAYS} (?:of )?{_ANY_WORD}{_OPTIONAL_YEAR}",
        rf"{_ANY_WORD} {_DAYS}{_OPTIONAL_YEAR}",
    )
)
_WHITESPACE = lazy_pattern(r"\s+")
_LEADING_WORDS = lazy_pattern(r"(?:in|on|at|as of)(?: |$)", re.ASCII | re.IGNORECASE)
# What may stand between the two ends of a period. Words are read before an EDTF '/', dashes
# after it, since an EDTF side may hold a dash ("1-3 June 2024/2025-05", "mid-May 2024/..").
_RANGE_WORDS = lazy_pattern(r" (?:to|through|thru|until|till) ", re.ASCII | re.IGNORECASE)
_RANGE_DASHES = lazy_pattern(r" ?[\u2013\u2014] ?| - ")
_RANGE_HYPHENS = lazy_pattern(r"(?<=[a-z.])-(?=[a-z])|(?<=\b[0-9]{4})-(?=[0-9]{4}\b)", re.ASCII | re.IGNORECASE)
_BETWEEN_AND = lazy_pattern(r" and ", re.ASCII | re.IGNORECASE)
_ANY_SEPARATOR = (_RANGE_WORDS, _RANGE_DASHES, _RANGE_HYPHENS)
# "the year ending March 2019", "the year to June 2024", "the 12 months to September 2023", as
# statistics offices date a rolling year.
_YEAR_ENDING = lazy_pattern(
    r"(?:the )?(?:year|12 months|twelve months|12-month period)(?: period)? (?:ending|ended|to|up to) (?=.)",
    re.ASCII | re.IGNORECASE,
)
# A period that opens with a word, and the separators that may end its start.
_OPENINGS = (
    (lazy_pattern(r"from (?=.)", re.ASCII | re.IGNORECASE), _ANY_SEPARATOR),
    (lazy_pattern(r"between (?=.)", re.ASCII | re.IGNORECASE), (_BETWEEN_AND,)),
)
# Numbers with slashes are read differently around the world (4/6/2024 is April or June): never guessed.
_NUMERIC_DATE = lazy_pattern(r"[0-9]{1,4}/[0-9]{1,2}/[0-9]{1,4}")
_NUMERIC_MONTH = lazy_pattern(r"[0-9]{1,2}/[0-9]{4}")
# Where words end and start, to find the longest part of a text that is a date.
_WORD_ENDS = lazy_pattern(r"(?<=[a-z0-9.])(?=[^a-z0-9.])", re.ASCII | re.IGNORECASE)
_WORD_STARTS = lazy_pattern(r"(?<=[^a-z0-9])(?=[a-z0-9])", re.ASCII | re.IGNORECASE)
_OPEN = DateRange(None, None, text="..")


@functools.lru_cache(maxsize=65536)
def _parse_text(text: str, earliest: datetime.date | None, latest: datetime.date | None, fiscal_year_start: int) -> DateRange:
    """The range a text states, read against every day its source may have been published."""
    at_earliest = _parse_at(text, _Context(earliest, fiscal_year_start))
    if earliest == latest:
        return at_earliest
    at_latest = _parse_at(text, _Context(latest, fiscal_year_start))
    # Every reading moves forward with the publication date, so the two readings bound all others.
    return attrs.evolve(_hull(at_earliest, at_latest), text=at_earliest.text, part_of_day=at_earliest.part_of_day)


def _parse_at(text: str, context: _Context) -> DateRange:
    stated = text.strip()
    try:
        normal = _WHITESPACE.sub(" ", stated)
        leading = _LEADING_WORDS.match(normal)
        if leading is not None:
            normal = normal[leading.end() :]
            if not normal:
                raise _Unreadable(f"there is no date after {quoted(leading[0].strip())}")
        if not normal:
            raise _Unreadable("it is empty")
        return attrs.evolve(_resolved(_read(normal, context), context), text=stated)
    except OverflowError:
        raise DateError(stated, f"it falls outside the years {datetime.MINYEAR}-{datetime.MAXYEAR}") from None
    except _Unreadable as error:
        raise DateError(stated, str(error)) from None


def _read(text: str, context: _Context) -> _Reading:
    """A whole date text: a plain date, a period between two ends, or an EDTF interval."""
    plain = _read_form(text, context)
    if plain is not None:
        return plain
    ending = _YEAR_ENDING.match(text)
    if ending is not None:
        end = _read_end(text[ending.end() :].strip(), context, f"after {ending[0].strip()!r}")
        return _twelve_months_to(_resolved(end, context))
    for opening, separator_kinds in _OPENINGS:
        opened = opening.match(text)
        if opened is not None:
            return _read_period(text[opened.end() :], context, separator_kinds, opened[0].strip())
    if _RANGE_WORDS.search(text):
        return _read_period(text, context, (_RANGE_WORDS,))
    if "/" in text:
        return _read_interval(text, context)
    _check_month_word(text)
    if _RANGE_DASHES.search(text) or _RANGE_HYPHENS.search(text):
        return _read_period(text, context, (_RANGE_DASHES, _RANGE_HYPHENS))
    raise _Unreadable(_not_understood(text))


def _twelve_months_to(end: DateRange) -> DateRange:
    """The twelve months that end on an end day or with an end month: "year ending March 2019" is April 2018 to March 2019."""
    first, last = _closed(end)
    if first != last and (first.day != 1 or last != _last_day(last.year, last.month) or first.month != last.month):
        raise _Unreadable(f"a year ending {end.text!r} needs the day or month it ends with")
    year_before = _day(last.year - 1, last.month, min(last.day, _month_length(last.year - 1, last.month)))
    return DateRange(year_before + _ONE_DAY, last)


def _read_form(text: str, context: _Context) -> _Reading | None:
    """The reading of the first plain form that matches the whole text, if one does."""
    for pattern, reader in _FORMS:
        match = pattern.fullmatch(text)
        if match is not None:
            return reader(match, context)
    return None


def _check_month_word(text: str) -> None:
    """Raise if the text is a date but for a word that looks like a misspelt month ("4 Smarch 2024")."""
    for pattern in _MISSPELT_MONTH_FORMS:
        match = pattern.fullmatch(text)
        if match is not None and difflib.get_close_matches(match["month"].lower(), _MONTHS, n=1):
            raise _Unreadable(f"{quoted(match['month'])} is not a month")


def _read_end(text: str, context: _Context, where: str) -> _Reading:
    """One end of a period, a plain date; `where` says which end, for the message."""
    if not text:
        raise _Unreadable(f"there is no date {where}")
    reading = _read_form(text, context)
    if reading is None:
        _check_month_word(text)
        raise _Unreadable(f"{quoted(text)} {where} is not a date")
    if isinstance(reading, _Yearless):
        yearless = reading
        return _Yearless(lambda year: attrs.evolve(yearless.dates_in(year), text=text))
    return attrs.evolve(reading, text=text)


def _read_period(
    text: str, context: _Context, separator_kinds: tuple[re.Pattern[str], ...], opening: str | None = None
) -> _Reading:
    """A period written with a word or a dash between its ends: "July 1, 2022 to June 30, 2023"."""
    for separators in separator_kinds:
        found = list(separators.finditer(text))
        if len(found) > 1:
            raise _Unreadable(f"it has more than one {quoted(found[0][0].strip())}, so where its period starts and ends is unclear")
        if found:
            # "from 1 to 3 June 2024": the days of one month are one plain form.
            plain = _read_form(text, context)
            if plain is not None:
                return plain
            separator = found[0]
            word = separator[0].strip()
            start = _read_end(text[: separator.start()].strip(), context, f"before {quoted(word)}")
            end = _read_end(text[separator.end() :].strip(), context, f"after {quoted(word)}")
            return _joined(start, end)
    needed = "'and'" if opening == "between" else "'to', 'through', 'until' or a dash"
    raise _Unreadable(
        f"a period opened with {opening!r} needs {needed} before its end (a period with no end is written '2024-05/..')"
    )


def _read_interval(text: str, context: _Context) -> _Reading:
    """An EDTF interval "A/B": each side a date that states its year, or '..' for an open end."""
    if _NUMERIC_DATE.fullmatch(text):
        raise _Unreadable("a date in numbers and slashes is not read (4/6/2024 may be April or June); write it as YYYY-MM-DD")
    if _NUMERIC_MONTH.fullmatch(text):
        raise _Unreadable("a month in numbers and a slash is not read; write it as YYYY-MM")
    parts = text.split("/")
    if len(parts) != 2:
        raise _Unreadable("an interval has exactly one '/' between its start and its end")
    start, end = (_interval_side(part.strip(), context, where) for part, where in zip(parts, ("before", "after")))
    if start is _OPEN and end is _OPEN:
        raise _Unreadable("an interval needs a date on at least one side of '/'")
    return DateRange(start.first, end.last, start=start, end=end)


def _interval_side(part: str, context: _Context, where: str) -> DateRange:
    if part == "..":
        return _OPEN
    if not part:
        raise _Unreadable("each side of '/' needs a date, or '..' for an open end")
    reading = _read_end(part, context, f"{where} '/'")
    if isinstance(reading, _Yearless):
        # "Jun 04/2024" is not 4 June to the end of 2024: its start has no year of its own.
        raise _Unreadable(
            f"{quoted(part)} {where} '/' has no year; each side of an interval 'A/B' states its own, as in '2022-09/2025-05'"
        )
    return reading


def _not_understood(text: str) -> str:
    """What no form reads: the words around the longest part of the text that is a date, or what was expected."""
    ends = [found.start() for found in _WORD_ENDS.finditer(text)][-12:]
    starts = [found.start() for found in _WORD_STARTS.finditer(text)][:12]
    for boundary in reversed(ends):
        date, rest = text[:boundary].strip(), text[boundary:].strip()
        if _is_a_form(date) and rest:
            return f"{quoted(rest)} after {quoted(date)} is not understood"
    for boundary in starts:
        rest, date = text[:boundary].strip(), text[boundary:].strip()
        if _is_a_form(date) and rest:
            return f"{quoted(rest)} before {quoted(date)} is not understood"
    return _EXPECTED


def _is_a_form(text: str) -> bool:
    return any(pattern.fullmatch(text) for pattern, _ in _FORMS)
