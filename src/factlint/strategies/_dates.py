"""Dates written in the forms of the date grammar, from its own tables, and date_ranges() read from them."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable, Sequence
from typing import Literal, get_args

from hypothesis import strategies as st

from factlint._dates import (
    _HALVES,
    _MONTH_NAMES,
    _MONTHS,
    _ORDINALS,
    _QUARTERS,
    _SUB_YEAR_CODES,
    _THIRDS_OF_MONTH,
    _THIRDS_OF_YEAR,
    DateError,
    DateRange,
    parse_date_range,
)
from factlint.strategies._arguments import check_day_bounds, check_flag

__all__ = ["DATE_FORMS", "DEFAULT_FIRST_DAY", "DEFAULT_LAST_DAY", "DateForm", "date_ranges", "day_between", "month_span", "written_date", "written_months"]

DateForm = Literal[
    "iso-day", "date", "iso-month", "year", "sub-year", "third-of-year", "half", "quarter",
    "month", "third-of-month", "day", "days",
]  # fmt: skip
DATE_FORMS: tuple[DateForm, ...] = get_args(DateForm)
# The grammar reads these from a regular expression; a stated date may start with one ("as of May 2025").
_LEADING_WORDS = ("", "", "", "in ", "on ", "as of ")
# How the grammar joins a year to a half, quarter or month: "first half of 2023", "May, 2025".
_BEFORE_YEAR = (" ", ", ", " of ")


def day_between(draw: st.DrawFn, first: datetime.date, last: datetime.date) -> datetime.date:
    """A day from first to last, inclusive."""
    return first + datetime.timedelta(days=draw(st.integers(0, (last - first).days)))


def _within_year_of(day: datetime.date, texts: Iterable[str]) -> list[str]:
    """The texts whose days lie within the year of `day` and include it."""
    found = []
    for text in texts:
        try:
            dates = parse_date_range(text)
        except DateError:  # a span running past the year 9999
            continue
        first, last = dates.first, dates.last
        if first is not None and last is not None and first.year == last.year == day.year and first <= day <= last:
            found.append(text)
    return found


def _month_name(draw: st.DrawFn, month: int) -> str:
    """A month as the grammar reads it: "September", "Sep", "Sep." or "Sept"."""
    word = draw(st.sampled_from([name for name, number in _MONTHS.items() if number == month])).capitalize()
    abbreviated = word != _MONTH_NAMES[month - 1]
    return word + "." if abbreviated and draw(st.booleans()) else word


def _ordinal_words(number: int) -> list[str]:
    return [word for word, value in _ORDINALS.items() if value == number]


def _day_ordinal(number: int) -> str:
    """A day of the month as English writes it: 1st, 2nd, 11th, 23rd."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _numbered_part(draw: st.DrawFn, day: datetime.date, spans: Iterable[int], letter: str, noun: str) -> str:
    """The half or quarter of a year holding the day: "H1 2023", "the first half of 2023", "3rd quarter 2024"."""
    year = day.year
    (number,) = (n for n in spans if _within_year_of(day, [f"{letter}{n} {year}"]))  # the one that holds the day
    if draw(st.booleans()):
        return f"{letter}{number} {year}"
    the = draw(st.sampled_from(("", "the ")))
    return f"{the}{draw(st.sampled_from(_ordinal_words(number)))} {noun}{draw(st.sampled_from(_BEFORE_YEAR))}{year}"


def written_date(draw: st.DrawFn, day: datetime.date, *, forms: Sequence[DateForm] = DATE_FORMS) -> str | datetime.date:
    """A stated date, in one of the grammar's forms, whose range of days holds `day` and lies within its year."""
    form = draw(st.sampled_from(forms))
    year, month = day.year, day.month
    if form == "iso-day":
        return day.isoformat()
    if form == "date":
        return day  # a TOML date
    if form == "iso-month":
        return f"{year:04d}-{month:02d}"
    if form == "year":
        return draw(st.sampled_from((f"{year}", f"all of {year}")))
    if form == "sub-year":
        # Winter (24) runs into the next year, so it never holds a day within one year.
        return draw(st.sampled_from(_within_year_of(day, [f"{year:04d}-{code}" for code in _SUB_YEAR_CODES])))
    if form == "third-of-year":
        separator = draw(st.sampled_from((" ", "-")))
        return draw(st.sampled_from(_within_year_of(day, [f"{part}{separator}{year}" for part in _THIRDS_OF_YEAR])))
    if form == "half":
        return _numbered_part(draw, day, _HALVES, "H", "half")
    if form == "quarter":
        return _numbered_part(draw, day, _QUARTERS, "Q", "quarter")
    name = _month_name(draw, month)
    if form == "month":
        return f"{name}{draw(st.sampled_from(_BEFORE_YEAR))}{year}"
    month_days = calendar.monthrange(year, month)[1]
    if form == "third-of-month":
        part = next(
            part
            for part, (first, last) in _THIRDS_OF_MONTH.items()
            if first <= day.day <= (month_days if last is None else last)
        )
        return f"{part}{draw(st.sampled_from((' ', '-')))}{name} {year}"
    if form == "day":
        return draw(
            st.sampled_from(
                (
                    f"{day.day} {name} {year}",
                    f"{name} {day.day}, {year}",
                    f"{name} {_day_ordinal(day.day)} {year}",
                    f"{_day_ordinal(day.day)} {name} {year}",
                )
            )
        )
    other = draw(st.integers(1, month_days))
    first_day, last_day = sorted((day.day, other))
    separator = draw(st.sampled_from(("-", "\u2013", " or ")))
    if separator == " or ":
        first_day, last_day = day.day, other  # "1 or 2 June": either order
    return f"{first_day}{separator}{last_day} {name} {year}"


def month_span(first: tuple[int, int], last: tuple[int, int]) -> tuple[datetime.date, datetime.date]:
    """The days from the first day of month `first` to the last day of month `last`, each (year, month)."""
    year, month = last
    return datetime.date(*first, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])


def written_months(draw: st.DrawFn, first: tuple[int, int], last: tuple[int, int]) -> str:
    """A stated period of whole months, (year, month) to (year, month), in any form the grammar reads it.

    "2023", "H1 2023", "Q3 2023", "2023-41", "early 2023", "May 2023", "2023-05", or an EDTF
    interval ("2022-09/2024-06", "September 2022/June 2024", "2023-02-01/2023-07-31").
    """
    (first_year, first_month), (last_year, last_month) = first, last
    first_day, last_day = month_span(first, last)
    first_name, last_name = _MONTH_NAMES[first_month - 1], _MONTH_NAMES[last_month - 1]
    intervals = [
        f"{first_year:04d}-{first_month:02d}/{last_year:04d}-{last_month:02d}",
        f"{first_name} {first_year}/{last_name} {last_year}",
        f"{first_day.isoformat()}/{last_day.isoformat()}",
    ]
    named: list[str] = []
    if first_year == last_year:
        year = first_year
        named += [f"{year:04d}-{first_month:02d}", f"{first_name} {year}", f"{year}", f"all of {year}"]
        named += [f"H{half} {year}" for half in _HALVES] + [f"the {_ordinal_words(half)[0]} half of {year}" for half in _HALVES]
        named += [f"Q{quarter} {year}" for quarter in _QUARTERS] + [f"{part} {year}" for part in _THIRDS_OF_YEAR]
        named += [f"{year:04d}-{code}" for code in _SUB_YEAR_CODES if code != 24]  # winter runs into the next year
    named = [text for text in named if _days_of_text(text) == (first_day, last_day)]
    prefer_named = bool(named) and draw(st.booleans())
    return draw(st.sampled_from(named if prefer_named else named + intervals))


def _days_of_text(text: str) -> tuple[datetime.date | None, datetime.date | None]:
    dates = parse_date_range(text)
    return dates.first, dates.last


# date_ranges() draws from these days unless told otherwise.
DEFAULT_FIRST_DAY = datetime.date(2000, 1, 1)
DEFAULT_LAST_DAY = datetime.date(2030, 12, 31)


def date_ranges(
    *,
    min_value: datetime.date | None = None,
    max_value: datetime.date | None = None,
    allow_open: bool = False,
    min_year: int | None = None,
    max_year: int | None = None,
) -> st.SearchStrategy[DateRange]:
    """Date ranges parsed from generated text in the grammar's forms, every day from min_value to max_value.

    ISO and TOML dates, `YYYY-MM`, `YYYY`, sub-year codes, "late May 2025", "H1 2023",
    "Q3 2024", "1 or 2 June 2024", and EDTF intervals "2022-09/2025-05" (never reversed);
    open intervals ("2022-09/..") only when `allow_open`. As Hypothesis' `dates()`,
    `min_value` and `max_value` are dates (default 2000-01-01 and 2030-12-31); both ends of
    a range lie between them, and every year is written with four digits.
    `min_year` and `max_year` are deprecated: pass dates.
    """
    first, last = check_day_bounds(
        "date_ranges", min_value, max_value, min_year, max_year, (DEFAULT_FIRST_DAY, DEFAULT_LAST_DAY)
    )
    return _date_ranges(first, last, check_flag("allow_open", allow_open))


def _within(dates: DateRange, first: datetime.date, last: datetime.date) -> bool:
    return all(day is None or first <= day <= last for day in (dates.first, dates.last))


def _written_within(
    draw: st.DrawFn, day: datetime.date, first: datetime.date, last: datetime.date, forms: Sequence[DateForm]
) -> str | datetime.date:
    """A stated date that holds `day` and lies within first..last: the day itself where a wider form would not."""
    text = written_date(draw, day, forms=forms)
    return text if _within(parse_date_range(text), first, last) else day.isoformat()


@st.composite
def _date_ranges(draw: st.DrawFn, first: datetime.date, last: datetime.date, allow_open: bool) -> DateRange:
    start = day_between(draw, first, last)
    shape = draw(st.sampled_from(("plain", "plain", "interval", "open") if allow_open else ("plain", "plain", "interval")))
    if shape == "plain":
        text = _written_within(draw, start, first, last, DATE_FORMS)
        if isinstance(text, str):
            text = draw(st.sampled_from(_LEADING_WORDS)) + text
        return parse_date_range(text)
    # Each side of an EDTF interval is text: a TOML date cannot stand there.
    text_forms = tuple(form for form in DATE_FORMS if form != "date")
    start_text = _written_within(draw, start, first, last, text_forms)
    if shape == "open":
        return parse_date_range(draw(st.sampled_from((f"{start_text}/..", f"../{start_text}"))))
    end = day_between(draw, start, last)
    return parse_date_range(f"{start_text}/{_written_within(draw, end, first, last, text_forms)}")
