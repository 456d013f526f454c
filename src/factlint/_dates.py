"""Read stated dates ("late May 2025", "Q3 2024", "2022-09/..") as exact, inclusive ranges of days."""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable

import attrs

__all__ = ["DateError", "DateRange", "parse_date_range"]


class DateError(ValueError):
    """A date text that cannot be read; str() is a plain message for a user.

    For example "cannot read 'Smarch 2024' as a date: 'Smarch' is not a month".
    ``text`` is the text as stated and ``reason`` the part after the colon.
    """

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(f"cannot read {text!r} as a date: {reason}")
        self.text = text
        self.reason = reason

    def __reduce__(self) -> tuple[type[DateError], tuple[str, str]]:
        return type(self), (self.text, self.reason)


_optional_date = attrs.validators.optional(attrs.validators.instance_of(datetime.date))


@attrs.frozen
class DateRange:
    """The days a stated date can mean, inclusive at both ends; None is an open end ("2022-09/..").

    For an EDTF interval "A/B", ``start`` and ``end`` keep the two parts, so a
    period "2022-09/2025-05" knows that it starts on some day of September 2022.
    They are None for a plain date, whose start is simply ``first``.
    """

    first: datetime.date | None = attrs.field(validator=_optional_date)
    last: datetime.date | None = attrs.field(validator=_optional_date)
    text: str = attrs.field(default="", eq=False)
    start: DateRange | None = attrs.field(default=None, eq=False)
    end: DateRange | None = attrs.field(default=None, eq=False)

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
    reference: datetime.date | None = None,
) -> DateRange:
    """Read a stated date as the range of days it can mean.

    ``reference`` (the publication date of the claim's source) gives a year to
    dates stated without one: the latest year in which the range's first day
    is not after the reference. Raises DateError for any text it cannot read.
    """
    if isinstance(reference, datetime.datetime):
        reference = reference.date()
    if isinstance(text, datetime.datetime):
        day = text.date()
        return DateRange(day, day, text=text.isoformat())
    if isinstance(text, datetime.date):
        return DateRange(text, text, text=text.isoformat())
    if not isinstance(text, str):
        raise TypeError(f"a date must be a str or a datetime.date, not {type(text).__name__}")
    return _parse_text(text, reference)


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

_EXPECTED = (
    "expected a date such as '2024-06-04', '2024-06', 'June 2024', '4 June 2024', "
    "'late May 2025', 'Q3 2024', 'first half of 2023' or '2022-09/2025-05'"
)
_NO_YEAR = "it has no year, and its source has no published date to resolve it against"

_Span = Callable[[int], "tuple[datetime.date, datetime.date]"]


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


def _in_year(span: _Span, year: str | None, reference: datetime.date | None) -> tuple[datetime.date, datetime.date]:
    """Place a span in its stated year, or else in the latest year whose first day is not after the reference."""
    if year is not None:
        return span(int(year))
    if reference is None:
        raise _Unreadable(_NO_YEAR)
    # At most eight years back: 29 February is missing for up to seven years in a row (1897-1903).
    for candidate in range(reference.year, max(reference.year - 9, datetime.MINYEAR - 1), -1):
        try:
            first, last = span(candidate)
        except _NoSuchDay:
            continue
        if first <= reference:
            return first, last
    raise _Unreadable(f"no year up to its source's published date {reference.isoformat()} has it")


def _month_number(word: str) -> int:
    month = _MONTHS.get(word.lower())
    if month is None:
        raise _Unreadable(f"{word!r} is not a month")
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
_QUARTERS = {n: _months(3 * n - 2, 3 * n) for n in range(1, 5)}
_HALVES = {1: _months(1, 6), 2: _months(7, 12)}


def _iso_day(match: re.Match[str], reference: datetime.date | None) -> tuple[datetime.date, datetime.date]:
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    if not 1 <= month <= 12:
        raise _Unreadable(f"month {month} does not exist (months are 01-12)")
    first = _day(year, month, day)
    return first, first


def _iso_month(match: re.Match[str], reference: datetime.date | None) -> tuple[datetime.date, datetime.date]:
    year, code = int(match["year"]), int(match["code"])
    if 1 <= code <= 12:
        return _months(code, code)(year)
    span = _SUB_YEAR_CODES.get(code)
    if span is not None:
        return span(year)
    if code <= 20:
        raise _Unreadable(f"month {code} does not exist (months are 01-12)")
    raise _Unreadable(
        f"sub-year code {code} is not supported (21-24 are seasons, 33-36 quarters, 40-41 halves)"
    )


def _year(match: re.Match[str], reference: datetime.date | None) -> tuple[datetime.date, datetime.date]:
    return _months(1, 12)(int(match["year"]))


def _third_of_year(match: re.Match[str], reference: datetime.date | None) -> tuple[datetime.date, datetime.date]:
    return _THIRDS_OF_YEAR[match["part"].lower()](int(match["year"]))


def _half(match: re.Match[str], reference: datetime.date | None) -> tuple[datetime.date, datetime.date]:
    number = int(match["n"]) if match["n"] is not None else _ORDINALS[match["ordinal"].lower()]
    span = _HALVES.get(number)
    if span is None:
        raise _Unreadable(f"a year has two halves, not {number}")
    return _in_year(span, match["year"], reference)


def _quarter(match: re.Match[str], reference: datetime.date | None) -> tuple[datetime.date, datetime.date]:
    number = int(match["n"]) if match["n"] is not None else _ORDINALS[match["ordinal"].lower()]
    span = _QUARTERS.get(number)
    if span is None:
        raise _Unreadable(f"a year has four quarters, not {number}")
    return _in_year(span, match["year"], reference)


def _so_far(match: re.Match[str], reference: datetime.date | None) -> tuple[datetime.date, datetime.date]:
    if reference is None:
        raise _Unreadable("it runs up to its source's published date, and its source has none")
    year = int(match["year"]) if match["year"] is not None else reference.year
    first = _day(year, 1, 1)
    if reference < first:
        raise _Unreadable(f"its source was published on {reference.isoformat()}, before {year} began")
    return first, min(reference, _day(year, 12, 31))


def _third_of_month(match: re.Match[str], reference: datetime.date | None) -> tuple[datetime.date, datetime.date]:
    month = _month_number(match["month"])
    first_day, last_day = _THIRDS_OF_MONTH[match["part"].lower()]
    return _in_year(_days_of(month, first_day, last_day), match["year"], reference)


def _month(match: re.Match[str], reference: datetime.date | None) -> tuple[datetime.date, datetime.date]:
    month = _month_number(match["month"])
    return _in_year(_months(month, month), match["year"], reference)


def _days(match: re.Match[str], reference: datetime.date | None) -> tuple[datetime.date, datetime.date]:
    month, year = _month_number(match["month"]), match["year"]
    first_day = _day_number(month, match["d1"], year)
    if match["d2"] is None:
        return _in_year(_days_of(month, first_day, first_day), year, reference)
    last_day = _day_number(month, match["d2"], year)
    if match["sep"].strip().lower() == "or":
        # "1 or 2 June" is one of two days, whichever order they are named in.
        first_day, last_day = min(first_day, last_day), max(first_day, last_day)
    return _in_year(_days_of(month, first_day, last_day), year, reference)


_YEAR = r"(?P<year>[0-9]{4})"
_OPTIONAL_YEAR = rf"(?:,? (?:of )?{_YEAR})?"
_MONTH_WORD = r"(?P<month>[a-z]+)\.?"
_SUFFIX = r"(?:st|nd|rd|th)?"
_DAYS = rf"(?P<d1>[0-9]{{1,2}}){_SUFFIX}(?:(?P<sep> ?[-\u2013\u2014] ?| or )(?P<d2>[0-9]{{1,2}}){_SUFFIX})?"
_ORDINAL = r"(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)"

# Tried in order on the normalised text; the first pattern that matches the whole text decides.
_FORMS: tuple[tuple[re.Pattern[str], Callable[..., tuple[datetime.date, datetime.date]]], ...] = tuple(
    (re.compile(pattern, re.ASCII | re.IGNORECASE), reader)
    for pattern, reader in (
        (r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})", _iso_day),
        (r"(?P<year>[0-9]{4})-(?P<code>[0-9]{2})", _iso_month),
        (rf"(?:all of )?{_YEAR}", _year),
        (rf"(?P<part>early|mid|late)[- ]{_YEAR}", _third_of_year),
        (rf"(?:the )?(?:{_ORDINAL} half|H(?P<n>[0-9]{{1,9}})){_OPTIONAL_YEAR}", _half),
        (rf"(?:the )?(?:{_ORDINAL} quarter|Q(?P<n>[0-9]{{1,9}})){_OPTIONAL_YEAR}", _quarter),
        (r"so far (?:in (?P<year>[0-9]{4})|this year)", _so_far),
        (rf"(?P<part>early|mid|late)[- ]{_MONTH_WORD}{_OPTIONAL_YEAR}", _third_of_month),
        (rf"{_MONTH_WORD}{_OPTIONAL_YEAR}", _month),
        (rf"{_DAYS} (?:of )?{_MONTH_WORD}{_OPTIONAL_YEAR}", _days),
        (rf"{_MONTH_WORD} {_DAYS}{_OPTIONAL_YEAR}", _days),
    )
)
_WHITESPACE = re.compile(r"\s+")
_LEADING_WORDS = re.compile(r"(?:in|on|as of)(?: |$)", re.ASCII | re.IGNORECASE)
_OPEN = DateRange(None, None, text="..")


@functools.lru_cache(maxsize=65536)
def _parse_text(text: str, reference: datetime.date | None) -> DateRange:
    stated = text.strip()
    try:
        normal = _WHITESPACE.sub(" ", stated)
        leading = _LEADING_WORDS.match(normal)
        if leading is not None:
            normal = normal[leading.end() :]
            if not normal:
                raise _Unreadable(f"there is no date after {leading[0].strip()!r}")
        if not normal:
            raise _Unreadable("it is empty")
        if "/" not in normal:
            first, last = _parse_plain(normal, reference)
            return DateRange(first, last, text=stated)
        parts = normal.split("/")
        if len(parts) != 2:
            raise _Unreadable("an interval has exactly one '/' between its start and its end")
        start, end = (_parse_part(part.strip(), reference) for part in parts)
        if start is _OPEN and end is _OPEN:
            raise _Unreadable("an interval needs a date on at least one side of '/'")
        return DateRange(start.first, end.last, text=stated, start=start, end=end)
    except _Unreadable as error:
        raise DateError(stated, str(error)) from None


def _parse_part(part: str, reference: datetime.date | None) -> DateRange:
    """One side of an EDTF interval: '..' for an open end, else a plain date."""
    if part == "..":
        return _OPEN
    if not part:
        raise _Unreadable("each side of '/' needs a date, or '..' for an open end")
    first, last = _parse_plain(part, reference)
    return DateRange(first, last, text=part)


def _parse_plain(text: str, reference: datetime.date | None) -> tuple[datetime.date, datetime.date]:
    for pattern, reader in _FORMS:
        match = pattern.fullmatch(text)
        if match is not None:
            return reader(match, reference)
    raise _Unreadable(_EXPECTED)
