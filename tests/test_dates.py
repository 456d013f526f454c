"""Tests for reading stated dates as exact ranges of days (factlint._dates)."""

from __future__ import annotations

import calendar
import itertools
import pickle
from datetime import date, datetime, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factlint._dates import DateError, DateRange, parse_date_range

D = date
PUBLISHED = D(2025, 6, 26)  # The Kyiv Independent's article of the seed set


def span(text: str, reference: date | None = None) -> tuple[date | None, date | None]:
    parsed = parse_date_range(text, reference=reference)
    return parsed.first, parsed.last


# Stated forms, pinned to their exact first and last days.


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2024-06-04", D(2024, 6, 4), D(2024, 6, 4)),
        ("2024-06", D(2024, 6, 1), D(2024, 6, 30)),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),
        ("2024", D(2024, 1, 1), D(2024, 12, 31)),
        ("2022-09/2025-05", D(2022, 9, 1), D(2025, 5, 31)),
        ("2022-09-01/2025-05-31", D(2022, 9, 1), D(2025, 5, 31)),
        ("2022-09/..", D(2022, 9, 1), None),
        ("../2025-05", None, D(2025, 5, 31)),
        ("2024-21", D(2024, 3, 1), D(2024, 5, 31)),
        ("2024-22", D(2024, 6, 1), D(2024, 8, 31)),
        ("2024-23", D(2024, 9, 1), D(2024, 11, 30)),
        ("2024-24", D(2024, 12, 1), D(2025, 2, 28)),
        ("2022-24", D(2022, 12, 1), D(2023, 2, 28)),
        ("2024-33", D(2024, 1, 1), D(2024, 3, 31)),
        ("2024-34", D(2024, 4, 1), D(2024, 6, 30)),
        ("2024-35", D(2024, 7, 1), D(2024, 9, 30)),
        ("2024-36", D(2024, 10, 1), D(2024, 12, 31)),
        ("2023-40", D(2023, 1, 1), D(2023, 6, 30)),
        ("2023-41", D(2023, 7, 1), D(2023, 12, 31)),
        ("May 2025", D(2025, 5, 1), D(2025, 5, 31)),
        ("September 2022", D(2022, 9, 1), D(2022, 9, 30)),
        ("Sept 2022", D(2022, 9, 1), D(2022, 9, 30)),
        ("Sep 2022", D(2022, 9, 1), D(2022, 9, 30)),
        ("Sept. 2022", D(2022, 9, 1), D(2022, 9, 30)),
        ("4 June 2024", D(2024, 6, 4), D(2024, 6, 4)),
        ("June 4, 2024", D(2024, 6, 4), D(2024, 6, 4)),
        ("June 4th 2024", D(2024, 6, 4), D(2024, 6, 4)),
        ("1 or 2 June 2024", D(2024, 6, 1), D(2024, 6, 2)),
        ("2 or 1 June 2024", D(2024, 6, 1), D(2024, 6, 2)),
        ("1-3 June 2024", D(2024, 6, 1), D(2024, 6, 3)),
        ("1\u20133 June 2024", D(2024, 6, 1), D(2024, 6, 3)),
        ("June 1-3, 2024", D(2024, 6, 1), D(2024, 6, 3)),
        ("early May 2025", D(2025, 5, 1), D(2025, 5, 10)),
        ("mid May 2025", D(2025, 5, 11), D(2025, 5, 20)),
        ("mid-May 2025", D(2025, 5, 11), D(2025, 5, 20)),
        ("late May 2025", D(2025, 5, 21), D(2025, 5, 31)),
        ("late February 2024", D(2024, 2, 21), D(2024, 2, 29)),
        ("early 2024", D(2024, 1, 1), D(2024, 4, 30)),
        ("mid 2024", D(2024, 5, 1), D(2024, 8, 31)),
        ("mid-2024", D(2024, 5, 1), D(2024, 8, 31)),
        ("late 2024", D(2024, 9, 1), D(2024, 12, 31)),
        ("first half of 2023", D(2023, 1, 1), D(2023, 6, 30)),
        ("the first half of 2023", D(2023, 1, 1), D(2023, 6, 30)),
        ("second half of 2023", D(2023, 7, 1), D(2023, 12, 31)),
        ("H1 2023", D(2023, 1, 1), D(2023, 6, 30)),
        ("H2 2023", D(2023, 7, 1), D(2023, 12, 31)),
        ("Q3 2024", D(2024, 7, 1), D(2024, 9, 30)),
        ("the third quarter of 2024", D(2024, 7, 1), D(2024, 9, 30)),
        ("all of 2022", D(2022, 1, 1), D(2022, 12, 31)),
    ],
)
def test_each_stated_form_covers_exactly_its_days(text: str, first: date | None, last: date | None) -> None:
    assert span(text) == (first, last)


@pytest.mark.parametrize("text", ["LATE MAY 2025", "  late   May 2025 ", "in late May 2025", "on late May 2025", "As of late May 2025"])
def test_case_surrounding_whitespace_and_a_leading_in_on_or_as_of_are_ignored(text: str) -> None:
    assert span(text) == (D(2025, 5, 21), D(2025, 5, 31))


def test_a_date_object_is_that_one_day() -> None:
    assert span(D(2025, 6, 26)) == (D(2025, 6, 26), D(2025, 6, 26))  # type: ignore[arg-type]
    assert parse_date_range(D(2025, 6, 26)).days == 1


def test_a_datetime_object_is_the_day_it_falls_on() -> None:
    parsed = parse_date_range(datetime(2025, 6, 26, 23, 59))
    assert (parsed.first, parsed.last) == (D(2025, 6, 26), D(2025, 6, 26))


def test_a_value_that_is_neither_text_nor_a_date_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="int"):
        parse_date_range(2024)  # type: ignore[arg-type]


def test_so_far_in_a_year_runs_from_new_year_to_publication() -> None:
    assert span("so far in 2025", PUBLISHED) == (D(2025, 1, 1), PUBLISHED)


def test_so_far_this_year_runs_from_new_year_to_publication() -> None:
    assert span("so far this year", PUBLISHED) == (D(2025, 1, 1), PUBLISHED)


def test_so_far_in_a_year_already_over_at_publication_is_the_whole_year() -> None:
    assert span("so far in 2023", PUBLISHED) == (D(2023, 1, 1), D(2023, 12, 31))


@pytest.mark.parametrize("text", ["so far this year", "so far in 2025"])
def test_so_far_needs_a_publication_date(text: str) -> None:
    with pytest.raises(DateError, match="it is relative to its source's published date, and its source has none"):
        parse_date_range(text)


def test_so_far_in_a_year_after_publication_is_an_error() -> None:
    with pytest.raises(DateError, match="published on 2025-06-26, before 2026 began"):
        parse_date_range("so far in 2026", reference=PUBLISHED)


# Intervals keep their two parts, and their order as stated.


def test_an_interval_keeps_its_start_and_end_parts() -> None:
    period = parse_date_range("2022-09/2025-05")
    assert period.start is not None and period.end is not None
    assert (period.start.first, period.start.last) == (D(2022, 9, 1), D(2022, 9, 30))
    assert (period.end.first, period.end.last) == (D(2025, 5, 1), D(2025, 5, 31))
    assert (str(period.start), str(period.end)) == ("2022-09", "2025-05")


def test_an_open_end_of_an_interval_is_a_part_with_no_days_fixed() -> None:
    period = parse_date_range("2022-09/..")
    assert period.end is not None and (period.end.first, period.end.last) == (None, None)
    assert period.days is None


def test_a_plain_date_has_no_start_or_end_parts() -> None:
    parsed = parse_date_range("September 2022")
    assert parsed.start is None and parsed.end is None


def test_an_interval_may_join_english_dates() -> None:
    assert span("September 2022/late May 2025") == (D(2022, 9, 1), D(2025, 5, 31))


def test_a_reversed_interval_is_read_as_stated_and_reported_reversed() -> None:
    period = parse_date_range("2025-05/2022-09")
    assert (period.first, period.last) == (D(2025, 5, 1), D(2022, 9, 30))
    assert period.is_reversed()
    assert period.days == 0


def test_a_reversed_day_range_is_read_as_stated() -> None:
    assert parse_date_range("3-1 June 2024").is_reversed()


def test_a_forward_interval_is_not_reversed() -> None:
    assert not parse_date_range("2022-09/2025-05").is_reversed()
    assert not parse_date_range("2025-05/2025-05-01").is_reversed()


# Dates without a year take the latest year not after the publication date.


def test_late_may_without_year_takes_the_latest_may_not_after_publication() -> None:
    assert span("late May", PUBLISHED) == (D(2025, 5, 21), D(2025, 5, 31))


def test_late_may_published_in_early_may_means_the_previous_may() -> None:
    assert span("late May", D(2025, 5, 10)) == (D(2024, 5, 21), D(2024, 5, 31))


def test_a_range_starting_on_the_publication_day_is_in_that_year() -> None:
    assert span("early June", D(2025, 6, 1)) == (D(2025, 6, 1), D(2025, 6, 10))


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("May", D(2025, 5, 1), D(2025, 5, 31)),
        ("mid-May", D(2025, 5, 11), D(2025, 5, 20)),
        ("4 June", D(2025, 6, 4), D(2025, 6, 4)),
        ("June 4", D(2025, 6, 4), D(2025, 6, 4)),
        ("1 or 2 June", D(2025, 6, 1), D(2025, 6, 2)),
        ("1-3 June", D(2025, 6, 1), D(2025, 6, 3)),
        ("27 June", D(2024, 6, 27), D(2024, 6, 27)),
        ("Q3", D(2024, 7, 1), D(2024, 9, 30)),
        ("the third quarter", D(2024, 7, 1), D(2024, 9, 30)),
        ("first half", D(2025, 1, 1), D(2025, 6, 30)),
        ("H2", D(2024, 7, 1), D(2024, 12, 31)),
    ],
)
def test_yearless_forms_resolve_against_the_publication_date(text: str, first: date, last: date) -> None:
    assert span(text, PUBLISHED) == (first, last)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("the year ending March 2019", D(2018, 4, 1), D(2019, 3, 31)),
        ("year to June 2024", D(2023, 7, 1), D(2024, 6, 30)),
        ("the 12 months to September 2023", D(2022, 10, 1), D(2023, 9, 30)),
        ("twelve months ending December 2016", D(2016, 1, 1), D(2016, 12, 31)),
        ("the year ended June 30, 2023", D(2022, 7, 1), D(2023, 6, 30)),
        ("year ending February 2020", D(2019, 3, 1), D(2020, 2, 29)),
        ("the year to February 29, 2024", D(2023, 3, 1), D(2024, 2, 29)),
        # Without a year, the latest such month not after publication (26 June 2025).
        ("the year to May", D(2024, 6, 1), D(2025, 5, 31)),
        ("the year to date", D(2025, 1, 1), D(2025, 6, 26)),
    ],
)
def test_a_rolling_year_is_the_twelve_months_up_to_its_end(text: str, first: date, last: date) -> None:
    assert span(text, PUBLISHED) == (first, last)


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)))
def test_a_rolling_year_to_a_day_is_a_year_of_days(end: date) -> None:
    first, last = span(f"the year ended {end.isoformat()}")
    assert last == end
    assert first is not None and 365 <= (last - first).days + 1 <= 366


def test_a_rolling_year_to_a_part_of_a_month_is_an_error() -> None:
    with pytest.raises(DateError, match="needs the day or month it ends with"):
        parse_date_range("the year to late May 2024")


@pytest.mark.parametrize(
    ("text", "day", "part"),
    [
        ("Monday evening", D(2022, 10, 3), "evening"),
        ("on Monday night", D(2022, 10, 3), "night"),
        ("early on Monday", D(2022, 10, 3), "morning"),
        ("early Monday", D(2022, 10, 3), "morning"),
        ("Tuesday morning", D(2022, 10, 4), "morning"),
        ("Monday afternoon", D(2022, 10, 3), "afternoon"),
        ("late Monday", D(2022, 10, 3), "late"),
        ("Monday", D(2022, 10, 3), ""),
    ],
)
def test_a_weekday_may_name_a_part_of_its_day(text: str, day: date, part: str) -> None:
    parsed = parse_date_range(text, reference=D(2022, 10, 4))
    assert (parsed.first, parsed.last, parsed.part_of_day) == (day, day, part)


def test_yearless_29_february_takes_the_latest_leap_year() -> None:
    assert span("29 February", D(2025, 6, 26)) == (D(2024, 2, 29), D(2024, 2, 29))
    assert span("29 February", D(1904, 2, 28)) == (D(1896, 2, 29), D(1896, 2, 29))


def test_a_datetime_reference_counts_as_its_day() -> None:
    assert span("late May", datetime(2025, 6, 26, 12)) == (D(2025, 5, 21), D(2025, 5, 31))


def test_a_yearless_date_without_a_publication_date_is_an_error() -> None:
    with pytest.raises(DateError) as raised:
        parse_date_range("late May")
    assert str(raised.value) == (
        "cannot read 'late May' as a date: "
        "it has no year, and its source has no published date to resolve it against"
    )


# What cannot be read is a DateError that says why.


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Smarch 2024", "cannot read 'Smarch 2024' as a date: 'Smarch' is not a month"),
        ("late Smarch 2024", "cannot read 'late Smarch 2024' as a date: 'Smarch' is not a month"),
        ("4 Smarch 2024", "cannot read '4 Smarch 2024' as a date: 'Smarch' is not a month"),
        ("31 June 2024", "cannot read '31 June 2024' as a date: June 2024 has no day 31"),
        ("2024-06-31", "cannot read '2024-06-31' as a date: June 2024 has no day 31"),
        ("29 February 2023", "cannot read '29 February 2023' as a date: February 2023 has no day 29"),
        ("2024-13", "cannot read '2024-13' as a date: month 13 does not exist (months are 01-12)"),
        ("2024-13-01", "cannot read '2024-13-01' as a date: month 13 does not exist (months are 01-12)"),
        ("2024-00", "cannot read '2024-00' as a date: month 0 does not exist (months are 01-12)"),
        (
            "2024-42",
            "cannot read '2024-42' as a date: sub-year code 42 is not supported "
            "(21-24 are seasons, 33-36 quarters, 40-41 halves)",
        ),
        ("Q5 2024", "cannot read 'Q5 2024' as a date: a year has four quarters, not 5"),
        ("H3 2024", "cannot read 'H3 2024' as a date: a year has two halves, not 3"),
        ("third half of 2024", "cannot read 'third half of 2024' as a date: a year has two halves, not 3"),
        ("0000", "cannot read '0000' as a date: year 0 is outside the years 1-9999"),
        ("9999-24", "cannot read '9999-24' as a date: year 10000 is outside the years 1-9999"),
        ("", "cannot read '' as a date: it is empty"),
        ("   ", "cannot read '' as a date: it is empty"),
        ("as of", "cannot read 'as of' as a date: there is no date after 'as of'"),
        ("../..", "cannot read '../..' as a date: an interval needs a date on at least one side of '/'"),
        ("2022/", "cannot read '2022/' as a date: each side of '/' needs a date, or '..' for an open end"),
        (
            "2022/2023/2024",
            "cannot read '2022/2023/2024' as a date: an interval has exactly one '/' between its start and its end",
        ),
        ("2022-13/2025-05", "cannot read '2022-13/2025-05' as a date: month 13 does not exist (months are 01-12)"),
    ],
)
def test_an_unreadable_date_names_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(DateError) as raised:
        parse_date_range(text)
    assert str(raised.value) == message


def test_a_yearless_day_a_month_never_has_is_an_error() -> None:
    with pytest.raises(DateError, match="June has no day 31"):
        parse_date_range("31 June", reference=PUBLISHED)


@pytest.mark.parametrize("text", ["garbage", "12:30", "2024-6-4", "yesterday at noon", "1/2 June", "2024?"])
def test_garbage_is_a_date_error(text: str) -> None:
    with pytest.raises(DateError, match=r"^cannot read .* as a date: "):
        parse_date_range(text, reference=PUBLISHED)


def test_a_date_error_is_a_value_error_that_keeps_its_text_and_reason_and_pickles() -> None:
    with pytest.raises(ValueError) as raised:
        parse_date_range("Smarch 2024")
    error = raised.value
    assert isinstance(error, DateError)
    assert (error.text, error.reason) == ("Smarch 2024", "'Smarch' is not a month")
    assert str(pickle.loads(pickle.dumps(error))) == str(error)


# The range object itself.


def test_str_is_the_stated_text() -> None:
    assert str(parse_date_range("  late May 2025 ")) == "late May 2025"


def test_str_without_text_is_iso_first_to_last() -> None:
    assert str(DateRange(D(2025, 5, 21), D(2025, 5, 31))) == "2025-05-21..2025-05-31"
    assert str(DateRange(D(2025, 5, 21), D(2025, 5, 21))) == "2025-05-21"
    assert str(DateRange(D(2022, 9, 1), None)) == "2022-09-01.."


def test_equality_is_by_days_not_by_wording() -> None:
    assert parse_date_range("late May 2025") == parse_date_range("2025-05-21/2025-05-31")
    assert hash(parse_date_range("Q3 2024")) == hash(parse_date_range("2024-35"))


def test_is_before_means_certainly_before() -> None:
    june, july = parse_date_range("June 2024"), parse_date_range("July 2024")
    assert june.is_before(july)
    assert not july.is_before(june)
    assert not june.is_before(parse_date_range("2024"))
    assert not parse_date_range("2022-09/..").is_before(july)


def test_identical_texts_are_parsed_once() -> None:
    assert parse_date_range("late May", reference=PUBLISHED) is parse_date_range("late May", reference=PUBLISHED)


# Properties.

MONTH_NAMES = list(calendar.month_name)[1:]
years = st.integers(min_value=2, max_value=9998)
months = st.integers(min_value=1, max_value=12)


@given(st.dates())
def test_an_iso_date_is_exactly_that_day(day: date) -> None:
    assert span(day.isoformat()) == (day, day)


@given(years, months)
def test_a_year_month_covers_exactly_that_month(year: int, month: int) -> None:
    parsed = parse_date_range(f"{year:04d}-{month:02d}")
    length = calendar.monthrange(year, month)[1]
    assert (parsed.first, parsed.last) == (D(year, month, 1), D(year, month, length))
    assert parsed.days == length


def assert_partition(whole: DateRange, parts: list[DateRange]) -> None:
    """The parts follow each other day after day and together cover exactly the whole."""
    assert parts[0].first == whole.first
    assert parts[-1].last == whole.last
    for earlier, later in itertools.pairwise(parts):
        assert earlier.last is not None and earlier.last + timedelta(days=1) == later.first
    assert sum(part.days or 0 for part in parts) == whole.days


@given(years, months)
def test_early_mid_and_late_partition_a_month(year: int, month: int) -> None:
    name = MONTH_NAMES[month - 1]
    parts = [parse_date_range(f"{part} {name} {year:04d}") for part in ("early", "mid", "late")]
    assert_partition(parse_date_range(f"{name} {year:04d}"), parts)


@given(years)
def test_early_mid_and_late_partition_a_year(year: int) -> None:
    parts = [parse_date_range(f"{part} {year:04d}") for part in ("early", "mid", "late")]
    assert_partition(parse_date_range(f"{year:04d}"), parts)


def sub_year_code(year: int, code: int) -> DateRange:
    """An EDTF sub-year code, where it cannot also be read as a split year ("2032-33" is Q1 2032 or 2032/33)."""
    assume(code != (year + 1) % 100)
    return parse_date_range(f"{year:04d}-{code}")


@given(years)
def test_quarters_partition_a_year_in_every_spelling(year: int) -> None:
    whole = parse_date_range(f"{year:04d}")
    quarters = [parse_date_range(f"Q{n} {year:04d}") for n in range(1, 5)]
    assert_partition(whole, quarters)
    assert quarters == [sub_year_code(year, code) for code in range(33, 37)]
    ordinals = ("first", "second", "third", "fourth")
    assert quarters == [parse_date_range(f"the {word} quarter of {year:04d}") for word in ordinals]


@given(years)
def test_halves_partition_a_year_in_every_spelling(year: int) -> None:
    halves = [parse_date_range(f"H{n} {year:04d}") for n in (1, 2)]
    assert_partition(parse_date_range(f"{year:04d}"), halves)
    assert halves == [sub_year_code(year, code) for code in (40, 41)]
    assert halves == [parse_date_range(f"{word} half of {year:04d}") for word in ("first", "second")]


@given(years)
def test_seasons_follow_each_other_from_march_to_the_next_february(year: int) -> None:
    seasons = [sub_year_code(year, code) for code in range(21, 25)]
    whole = DateRange(D(year, 3, 1), D(year + 1, 3, 1) - timedelta(days=1))
    assert_partition(whole, seasons)


@st.composite
def yearless_forms(draw: st.DrawFn) -> tuple[str, str]:
    """A date stated without a year, and a template that states it in a given year ({})."""
    name = draw(st.sampled_from(MONTH_NAMES))
    day = draw(st.integers(min_value=1, max_value=28))
    other = draw(st.integers(min_value=day, max_value=28))
    part = draw(st.sampled_from(["early", "mid", "late", "mid-"]))
    sep = " " if part != "mid-" else ""
    return draw(
        st.sampled_from(
            [
                (name, f"{name} {{}}"),
                (f"{part}{sep}{name}", f"{part}{sep}{name} {{}}"),
                (f"{day} {name}", f"{day} {name} {{}}"),
                (f"{name} {day}", f"{name} {day}, {{}}"),
                (f"{day} or {other} {name}", f"{day} or {other} {name} {{}}"),
                (f"{day}-{other} {name}", f"{day}-{other} {name} {{}}"),
                ("Q2", "Q2 {}"),
                ("Q4", "Q4 {}"),
                ("the third quarter", "the third quarter of {}"),
                ("first half", "first half of {}"),
                ("H2", "H2 {}"),
            ]
        )
    )


@given(yearless_forms(), st.dates(min_value=D(1001, 1, 1), max_value=D(9998, 12, 31)))
def test_a_yearless_date_is_the_latest_one_not_after_the_reference(
    form: tuple[str, str], reference: date
) -> None:
    yearless, in_year = form
    resolved = parse_date_range(yearless, reference=reference)
    assert resolved.first is not None and resolved.first <= reference
    year = resolved.first.year
    assert resolved == parse_date_range(in_year.format(year))
    one_year_later = parse_date_range(in_year.format(year + 1))
    assert one_year_later.first is not None and one_year_later.first > reference


base = D(2024, 1, 1)
window = [base + timedelta(days=offset) for offset in range(-1, 32)]
ends = st.one_of(st.none(), st.integers(min_value=0, max_value=30).map(lambda offset: base + timedelta(days=offset)))
ranges = st.builds(DateRange, ends, ends)


def contains(day_range: DateRange, day: date) -> bool:
    return (day_range.first is None or day_range.first <= day) and (day_range.last is None or day <= day_range.last)


@given(ranges, ranges)
def test_overlaps_is_symmetric_and_means_a_day_in_common(a: DateRange, b: DateRange) -> None:
    # Ends lie in base..base+30, so a common day, if any, is also found in base-1..base+31.
    in_common = any(contains(a, day) and contains(b, day) for day in window)
    assert a.overlaps(b) == b.overlaps(a) == in_common


@given(ranges, ranges)
def test_a_range_certainly_before_another_shares_no_day_with_it(a: DateRange, b: DateRange) -> None:
    if a.is_before(b):
        assert not any(contains(a, day) and contains(b, day) for day in window)
        assert not a.overlaps(b)


@given(ranges)
def test_days_counts_the_days_in_the_range(day_range: DateRange) -> None:
    if day_range.first is None or day_range.last is None:
        assert day_range.days is None
    else:
        assert day_range.days == sum(contains(day_range, day) for day in window)


def assert_reads_or_says_why(text: str) -> None:
    try:
        parsed = parse_date_range(text, reference=PUBLISHED)
    except DateError as error:
        assert str(error).startswith("cannot read ")
    else:
        assert isinstance(parsed, DateRange)


@given(st.text())
def test_any_text_either_reads_or_raises_a_date_error(text: str) -> None:
    assert_reads_or_says_why(text)


date_like_tokens = st.sampled_from(
    ["2024", "0000", "9999", "06", "13", "42", "31", "29", "-", "/", "..", " ", "or", "of", "the", "in", "as of",
     "early", "mid", "late", "mid-", "May", "Feb", "Sept.", "Smarch", "Q", "Q3", "H", "H1", "half", "first",
     "quarter", "so far", "this year", ",", "th", "\u2013", "\u00a0"]
)  # fmt: skip


@given(st.lists(date_like_tokens, max_size=8).map("".join))
def test_date_like_text_either_reads_or_raises_a_date_error(text: str) -> None:
    assert_reads_or_says_why(text)


# -- Periods between two stated ends ("July 1, 2022 to June 30, 2023") -----------------------

Days = tuple[date | None, date | None]


def ends(dates: DateRange) -> tuple[Days | None, Days | None]:
    """Where a period's first and last day lie, as (first, last) of its start and end parts."""
    start = None if dates.start is None else (dates.start.first, dates.start.last)
    end = None if dates.end is None else (dates.end.first, dates.end.last)
    return start, end


def month_days(year: int, month: int) -> tuple[date, date]:
    return D(year, month, 1), D(year, month, calendar.monthrange(year, month)[1])


@pytest.mark.parametrize(
    ("text", "first", "last", "start", "end"),
    [
        ("July 1, 2022 to June 30, 2023", D(2022, 7, 1), D(2023, 6, 30), (D(2022, 7, 1),) * 2, (D(2023, 6, 30),) * 2),
        ("1 July 2022 to 30 June 2023", D(2022, 7, 1), D(2023, 6, 30), (D(2022, 7, 1),) * 2, (D(2023, 6, 30),) * 2),
        ("1 July 2022 - 30 June 2023", D(2022, 7, 1), D(2023, 6, 30), (D(2022, 7, 1),) * 2, (D(2023, 6, 30),) * 2),
        ("from 1 July 2022 until 30 June 2023", D(2022, 7, 1), D(2023, 6, 30), (D(2022, 7, 1),) * 2, (D(2023, 6, 30),) * 2),
        ("July 1, 2022 through June 30, 2023", D(2022, 7, 1), D(2023, 6, 30), (D(2022, 7, 1),) * 2, (D(2023, 6, 30),) * 2),
        ("January through June 2024", D(2024, 1, 1), D(2024, 6, 30), month_days(2024, 1), month_days(2024, 6)),
        ("January to June 2024", D(2024, 1, 1), D(2024, 6, 30), month_days(2024, 1), month_days(2024, 6)),
        ("January-June 2024", D(2024, 1, 1), D(2024, 6, 30), month_days(2024, 1), month_days(2024, 6)),
        ("Jan.\u2013June 2024", D(2024, 1, 1), D(2024, 6, 30), month_days(2024, 1), month_days(2024, 6)),
        ("between January and June 2024", D(2024, 1, 1), D(2024, 6, 30), month_days(2024, 1), month_days(2024, 6)),
        ("from March to May 2024", D(2024, 3, 1), D(2024, 5, 31), month_days(2024, 3), month_days(2024, 5)),
        ("November to February 2024", D(2023, 11, 1), D(2024, 2, 29), month_days(2023, 11), month_days(2024, 2)),
        ("November 2023 to February", D(2023, 11, 1), D(2024, 2, 29), month_days(2023, 11), month_days(2024, 2)),
        ("Q1 to Q3 2024", D(2024, 1, 1), D(2024, 9, 30), (D(2024, 1, 1), D(2024, 3, 31)), (D(2024, 7, 1), D(2024, 9, 30))),
        ("mid-May to late June 2025", D(2025, 5, 11), D(2025, 6, 30), (D(2025, 5, 11), D(2025, 5, 20)), (D(2025, 6, 21), D(2025, 6, 30))),
        ("2023 to 2024", D(2023, 1, 1), D(2024, 12, 31), (D(2023, 1, 1), D(2023, 12, 31)), (D(2024, 1, 1), D(2024, 12, 31))),
        ("2023-2024", D(2023, 1, 1), D(2024, 12, 31), (D(2023, 1, 1), D(2023, 12, 31)), (D(2024, 1, 1), D(2024, 12, 31))),
        ("2023\u20132024", D(2023, 1, 1), D(2024, 12, 31), (D(2023, 1, 1), D(2023, 12, 31)), (D(2024, 1, 1), D(2024, 12, 31))),
        ("2022-09 to 2025-05", D(2022, 9, 1), D(2025, 5, 31), month_days(2022, 9), month_days(2025, 5)),
    ],
)
def test_a_period_between_two_ends_covers_its_days_and_keeps_its_ends(
    text: str, first: date, last: date, start: Days, end: Days
) -> None:
    parsed = parse_date_range(text)
    assert (parsed.first, parsed.last) == (first, last)
    assert ends(parsed) == (start, end)


def test_the_ends_of_a_period_keep_their_stated_text() -> None:
    period = parse_date_range("January through June 2024")
    assert period.start is not None and period.end is not None
    assert (str(period.start), str(period.end), str(period)) == ("January", "June 2024", "January through June 2024")


def test_a_period_whose_ends_both_state_a_year_is_read_as_stated_even_reversed() -> None:
    period = parse_date_range("June 30, 2023 to July 1, 2022")
    assert (period.first, period.last) == (D(2023, 6, 30), D(2022, 7, 1))
    assert period.is_reversed()


def test_a_period_without_years_is_placed_by_its_first_day_before_the_publication() -> None:
    assert span("March to May", PUBLISHED) == (D(2025, 3, 1), D(2025, 5, 31))
    assert span("November to February", PUBLISHED) == (D(2024, 11, 1), D(2025, 2, 28))
    assert span("July to August", PUBLISHED) == (D(2024, 7, 1), D(2024, 8, 31))


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("1 to 3 June 2024", D(2024, 6, 1), D(2024, 6, 3)),
        ("June 1 to 3, 2024", D(2024, 6, 1), D(2024, 6, 3)),
        ("from 1 to 3 June 2024", D(2024, 6, 1), D(2024, 6, 3)),
        ("between 1 and 3 June 2024", D(2024, 6, 1), D(2024, 6, 3)),
        ("4th of June 2024", D(2024, 6, 4), D(2024, 6, 4)),
        ("Tuesday, June 4, 2024", D(2024, 6, 4), D(2024, 6, 4)),
        ("Tue 4 June 2024", D(2024, 6, 4), D(2024, 6, 4)),
    ],
)
def test_days_of_one_month_are_one_date(text: str, first: date, last: date) -> None:
    parsed = parse_date_range(text)
    assert (parsed.first, parsed.last) == (first, last)
    assert ends(parsed) == (None, None)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("end of April 2024", D(2024, 4, 21), D(2024, 4, 30)),
        ("the end of April 2024", D(2024, 4, 21), D(2024, 4, 30)),
        ("at the end of February 2024", D(2024, 2, 21), D(2024, 2, 29)),
        ("the beginning of May 2024", D(2024, 5, 1), D(2024, 5, 10)),
        ("the start of May 2024", D(2024, 5, 1), D(2024, 5, 10)),
        ("the middle of May 2024", D(2024, 5, 11), D(2024, 5, 20)),
        ("the end of 2024", D(2024, 9, 1), D(2024, 12, 31)),
        ("the beginning of 2024", D(2024, 1, 1), D(2024, 4, 30)),
        ("end of April", D(2025, 4, 21), D(2025, 4, 30)),
        ("the end of June", D(2025, 6, 21), D(2025, 6, 30)),
    ],
)
def test_the_beginning_middle_and_end_of_a_month_or_year_are_early_mid_and_late(text: str, first: date, last: date) -> None:
    assert span(text, PUBLISHED) == (first, last)


@given(years, months)
def test_the_end_of_a_month_is_late_in_it_and_its_beginning_early(year: int, month: int) -> None:
    name = MONTH_NAMES[month - 1]
    assert parse_date_range(f"the end of {name} {year:04d}") == parse_date_range(f"late {name} {year:04d}")
    assert parse_date_range(f"the beginning of {name} {year:04d}") == parse_date_range(f"early {name} {year:04d}")


day_ranges = st.tuples(st.dates(), st.dates()).map(sorted)


def day_text(day: date, style: str) -> str:
    name = MONTH_NAMES[day.month - 1]
    return f"{name} {day.day}, {day.year:04d}" if style == "us" else f"{day.day} {name} {day.year:04d}"


@given(day_ranges, st.sampled_from(["us", "uk"]), st.sampled_from([" to ", " through ", " until ", " - ", "\u2013"]))
def test_two_days_joined_by_to_read_back_as_those_days(days: list[date], style: str, separator: str) -> None:
    first, last = days
    parsed = parse_date_range(f"{day_text(first, style)}{separator}{day_text(last, style)}")
    assert (parsed.first, parsed.last) == (first, last)
    assert ends(parsed) == ((first, first), (last, last))


@given(years, months, months, st.sampled_from(["{} to {} {}", "from {} through {} {}", "{}\u2013{} {}", "between {} and {} {}"]))
def test_two_months_of_a_stated_year_read_back_as_those_months(year: int, one: int, other: int, template: str) -> None:
    first_month, last_month = sorted((one, other))
    parsed = parse_date_range(template.format(MONTH_NAMES[first_month - 1], MONTH_NAMES[last_month - 1], f"{year:04d}"))
    assert (parsed.first, parsed.last) == (month_days(year, first_month)[0], month_days(year, last_month)[1])
    assert ends(parsed) == (month_days(year, first_month), month_days(year, last_month))


# -- Fiscal years and years across two calendar years ----------------------------------------

FY2023 = (D(2022, 10, 1), D(2023, 9, 30))
SPLIT_2023 = (D(2023, 2, 1), D(2024, 11, 30))
SPLIT_2023_ENDS = ((D(2023, 2, 1), D(2023, 12, 31)), (D(2024, 1, 1), D(2024, 11, 30)))


@pytest.mark.parametrize(
    "text",
    ["FY2023", "FY 2023", "fy2023", "FY23", "FY'23", "FY 23", "fiscal 2023", "fiscal year 2023", "the fiscal year 2023",
     "financial year 2023", "in FY2023"],
)  # fmt: skip
def test_a_fiscal_year_is_the_us_federal_year_by_default(text: str) -> None:
    parsed = parse_date_range(text, reference=PUBLISHED)
    assert (parsed.first, parsed.last) == FY2023
    assert ends(parsed) == (None, None)


@pytest.mark.parametrize(
    ("start_month", "first", "last"),
    [
        (1, D(2024, 1, 1), D(2024, 12, 31)),
        (2, D(2023, 2, 1), D(2024, 1, 31)),
        (4, D(2023, 4, 1), D(2024, 3, 31)),
        (7, D(2023, 7, 1), D(2024, 6, 30)),
        (10, D(2023, 10, 1), D(2024, 9, 30)),
        (12, D(2023, 12, 1), D(2024, 11, 30)),
    ],
)
def test_the_fiscal_year_start_month_is_a_setting(start_month: int, first: date, last: date) -> None:
    parsed = parse_date_range("FY2024", fiscal_year_start=start_month)
    assert (parsed.first, parsed.last) == (first, last)


@pytest.mark.parametrize(("value", "error"), [(0, ValueError), (13, ValueError), ("10", TypeError), (True, TypeError)])
def test_a_fiscal_year_start_that_is_not_a_month_number_is_refused(value: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="fiscal_year_start must be a month number"):
        parse_date_range("FY2024", fiscal_year_start=value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    ["2023/24", "2023-24", "2023\u201324", "FY2023/24", "FY 2023-24", "FY23-24", "FY23/24", "fiscal year 2023-24",
     "the 2023/24 season", "academic year 2023-24", "the 2023-24 school year", "2023/24 financial year",
     "tax year 2023/24"],
)  # fmt: skip
def test_a_year_across_two_calendar_years_covers_every_start_month(text: str) -> None:
    parsed = parse_date_range(text, reference=PUBLISHED)
    assert (parsed.first, parsed.last) == SPLIT_2023
    assert ends(parsed) == SPLIT_2023_ENDS


def test_a_year_across_two_calendar_years_does_not_use_the_fiscal_year_setting() -> None:
    assert ends(parse_date_range("2023/24", fiscal_year_start=4)) == SPLIT_2023_ENDS


def test_a_year_across_a_century_is_read_too() -> None:
    assert span("1999/00") == span("1999-00") == (D(1999, 2, 1), D(2000, 11, 30))


def test_year_and_two_digits_is_an_iso_month_where_iso_reads_one() -> None:
    assert span("2011-12") == (D(2011, 12, 1), D(2011, 12, 31))
    assert span("2011/12") == (D(2011, 2, 1), D(2012, 11, 30))


@pytest.mark.parametrize(
    ("text", "code_reading"),
    [
        ("2020-21", (D(2020, 3, 1), D(2020, 5, 31))),  # spring 2020
        ("2021-22", (D(2021, 6, 1), D(2021, 8, 31))),  # summer 2021
        ("2023-24", (D(2023, 12, 1), D(2024, 2, 29))),  # winter 2023
        ("2032-33", (D(2032, 1, 1), D(2032, 3, 31))),  # Q1 2032
        ("2039-40", (D(2039, 1, 1), D(2039, 6, 30))),  # H1 2039
    ],
)
def test_a_split_year_that_is_also_an_edtf_code_covers_both_readings(text: str, code_reading: tuple[date, date]) -> None:
    year = int(text[:4])
    split = parse_date_range(f"{year}/{text[5:]}")
    parsed = parse_date_range(text)
    assert parsed.first == min(split.first, code_reading[0])  # type: ignore[type-var]
    assert parsed.last == max(split.last, code_reading[1])  # type: ignore[type-var]
    start, end = ends(parsed)
    assert start is not None and end is not None
    assert start[0] <= code_reading[0] <= start[1] and end[0] <= code_reading[1] <= end[1]  # type: ignore[operator]


def fiscal_year_days(year: int, start_month: int) -> tuple[date, date]:
    """The days of fiscal year `year` (named for the year it ends in) starting in `start_month`, by hand."""
    if start_month == 1:
        return D(year, 1, 1), D(year, 12, 31)
    return D(year - 1, start_month, 1), D(year, start_month, 1) - timedelta(days=1)


fiscal_spellings = st.sampled_from(["FY{}", "FY {}", "fiscal {}", "fiscal year {}", "financial year {}", "the FY{}"])


@given(st.integers(2, 9999), months, fiscal_spellings)
def test_a_fiscal_year_reads_back_as_the_twelve_months_ending_in_its_year(year: int, start_month: int, spelling: str) -> None:
    first, last = fiscal_year_days(year, start_month)
    parsed = parse_date_range(spelling.format(f"{year:04d}"), fiscal_year_start=start_month)
    assert parsed == parse_date_range(f"{first.isoformat()}/{last.isoformat()}")
    assert parsed.days in (365, 366)


@given(st.dates(min_value=D(3, 1, 1), max_value=D(9997, 12, 31)), months)
def test_every_day_lies_in_exactly_one_fiscal_year(day: date, start_month: int) -> None:
    named = day.year + (start_month > 1 and day.month >= start_month)
    holding = [
        year for year in (named - 1, named, named + 1)
        if contains(parse_date_range(f"FY{year:04d}", fiscal_year_start=start_month), day)
    ]  # fmt: skip
    assert holding == [named]


@given(st.dates(min_value=D(1000, 1, 1), max_value=D(9000, 12, 31)), st.integers(-50, 49))
def test_a_two_digit_fiscal_year_is_the_one_nearest_the_publication(reference: date, offset: int) -> None:
    year = reference.year + offset
    assert parse_date_range(f"FY{year % 100:02d}", reference=reference) == parse_date_range(f"FY{year:04d}")


@given(st.integers(1, 9998), st.integers(2, 12))
def test_a_split_year_holds_the_fiscal_year_of_any_start_month_from_february(year: int, start_month: int) -> None:
    split = parse_date_range(f"{year:04d}/{(year + 1) % 100:02d}")
    fiscal_year = parse_date_range(f"FY{year + 1:04d}", fiscal_year_start=start_month)
    assert split.start is not None and split.end is not None
    assert contains(split.start, fiscal_year.first) and contains(split.end, fiscal_year.last)  # type: ignore[arg-type]
    # No wider than its readings: February's year starts it and December's ends it.
    if start_month == 2:
        assert split.first == fiscal_year.first
    if start_month == 12:
        assert split.last == fiscal_year.last


@given(st.integers(1, 9998))
def test_a_split_year_reads_alike_in_every_spelling(year: int) -> None:
    two_digits = f"{(year + 1) % 100:02d}"
    spellings = [f"{year:04d}/{two_digits}", f"{year:04d}\u2013{two_digits}", f"FY{year:04d}/{two_digits}", f"the {year:04d}/{two_digits} season"]
    readings = {ends(parse_date_range(text)) for text in spellings}
    assert len(readings) == 1


# -- Dates relative to the publication date ----------------------------------------------------

# PUBLISHED, 26 June 2025, is a Thursday.


@pytest.mark.parametrize(
    ("text", "first", "last", "start", "end"),
    [
        ("today", D(2025, 6, 26), D(2025, 6, 26), None, None),
        ("yesterday", D(2025, 6, 25), D(2025, 6, 25), None, None),
        ("on Tuesday", D(2025, 6, 24), D(2025, 6, 24), None, None),
        ("Tuesday", D(2025, 6, 24), D(2025, 6, 24), None, None),
        ("Tue.", D(2025, 6, 24), D(2025, 6, 24), None, None),
        ("on Thursday", D(2025, 6, 26), D(2025, 6, 26), None, None),
        ("on Friday", D(2025, 6, 20), D(2025, 6, 20), None, None),
        ("last Tuesday", D(2025, 6, 17), D(2025, 6, 24), (D(2025, 6, 17), D(2025, 6, 24)), (D(2025, 6, 17), D(2025, 6, 24))),
        ("last Thursday", D(2025, 6, 19), D(2025, 6, 19), None, None),
        ("last Sunday", D(2025, 6, 15), D(2025, 6, 22), (D(2025, 6, 15), D(2025, 6, 22)), (D(2025, 6, 15), D(2025, 6, 22))),
        ("this week", D(2025, 6, 22), D(2025, 6, 29), (D(2025, 6, 22), D(2025, 6, 23)), (D(2025, 6, 26), D(2025, 6, 29))),
        ("last week", D(2025, 6, 15), D(2025, 6, 25), (D(2025, 6, 15), D(2025, 6, 19)), (D(2025, 6, 21), D(2025, 6, 25))),
        ("this month", D(2025, 6, 1), D(2025, 6, 30), (D(2025, 6, 1), D(2025, 6, 1)), (D(2025, 6, 26), D(2025, 6, 30))),
        ("last month", D(2025, 5, 1), D(2025, 5, 31), None, None),
        ("so far this month", D(2025, 6, 1), D(2025, 6, 26), None, None),
        ("earlier this month", D(2025, 6, 1), D(2025, 6, 26), None, None),
        ("this year", D(2025, 1, 1), D(2025, 12, 31), (D(2025, 1, 1), D(2025, 1, 1)), (D(2025, 6, 26), D(2025, 12, 31))),
        ("last year", D(2024, 1, 1), D(2024, 12, 31), None, None),
        ("so far this year", D(2025, 1, 1), D(2025, 6, 26), None, None),
        ("earlier this year", D(2025, 1, 1), D(2025, 6, 26), None, None),
        ("Tuesday, June 24", D(2025, 6, 24), D(2025, 6, 24), None, None),
    ],
)
def test_a_relative_date_is_read_against_the_publication_date(
    text: str, first: date, last: date, start: Days | None, end: Days | None
) -> None:
    parsed = parse_date_range(text, reference=PUBLISHED)
    assert (parsed.first, parsed.last) == (first, last)
    assert ends(parsed) == (start, end)


@pytest.mark.parametrize(
    "text",
    ["today", "yesterday", "on Tuesday", "last Tuesday", "this week", "last week", "this month", "last month",
     "this year", "last year", "so far this year", "earlier this year", "so far in 2025"],
)  # fmt: skip
def test_a_relative_date_without_a_publication_date_says_it_needs_one(text: str) -> None:
    with pytest.raises(DateError) as raised:
        parse_date_range(text)
    assert raised.value.reason == "it is relative to its source's published date, and its source has none"


def test_on_tuesday_is_no_longer_read_as_a_month() -> None:
    with pytest.raises(DateError) as raised:
        parse_date_range("on Tuesday")
    assert "not a month" not in str(raised.value)


def test_a_two_digit_year_without_a_publication_date_says_it_needs_one() -> None:
    with pytest.raises(DateError) as raised:
        parse_date_range("FY23")
    assert raised.value.reason == (
        "'23' is a two-digit year, and its source has no published date to tell its century; write the year in full"
    )


def test_a_publication_range_covers_the_readings_against_each_of_its_days() -> None:
    june_2024 = parse_date_range("June 2024")
    on_tuesday = parse_date_range("on Tuesday", reference=june_2024)
    assert (on_tuesday.first, on_tuesday.last) == (D(2024, 5, 28), D(2024, 6, 25))
    late_may = parse_date_range("late May", reference=parse_date_range("2024"))
    assert (late_may.first, late_may.last) == (D(2023, 5, 21), D(2024, 5, 31))
    # Each reading is eleven days: the period starts somewhere in the first days and ends in the last.
    assert ends(late_may) == ((D(2023, 5, 21), D(2024, 5, 21)), (D(2023, 5, 31), D(2024, 5, 31)))


def test_a_publication_range_changes_nothing_for_a_date_with_its_year() -> None:
    stated = parse_date_range("late May 2025", reference=parse_date_range("2025"))
    assert ends(stated) == (None, None) and str(stated) == "late May 2025"


def test_a_one_day_publication_range_is_that_day() -> None:
    assert parse_date_range("on Tuesday", reference=DateRange(PUBLISHED, PUBLISHED)) == parse_date_range(
        "on Tuesday", reference=PUBLISHED
    )


weekday_names = st.sampled_from(list(calendar.day_name) + list(calendar.day_abbr))
references = st.dates(min_value=D(1, 1, 15), max_value=D(9999, 12, 31))


@given(references, st.integers(0, 6), st.booleans())
def test_a_weekday_reads_back_as_the_day_in_the_week_up_to_publication(reference: date, back: int, abbreviated: bool) -> None:
    day = reference - timedelta(days=back)
    name = (calendar.day_abbr if abbreviated else calendar.day_name)[day.weekday()]
    assert span(f"on {name}", reference) == (day, day)


@given(references, weekday_names)
def test_last_weekday_covers_the_latest_before_publication_and_the_one_of_last_week(reference: date, name: str) -> None:
    parsed = parse_date_range(f"last {name}", reference=reference)
    assert parsed.first is not None and parsed.last is not None
    weekday = list(calendar.day_abbr).index(name[:3])
    latest_before = next(reference - timedelta(days=back) for back in range(1, 8) if (reference - timedelta(days=back)).weekday() == weekday)
    monday = reference - timedelta(days=reference.weekday())
    of_last_week = monday - timedelta(days=7 - weekday)
    assert contains(parsed, latest_before) and contains(parsed, of_last_week)
    assert reference - timedelta(days=13) <= parsed.first and parsed.last < reference


@given(st.dates(min_value=D(2, 1, 1), max_value=D(9998, 12, 31)))
def test_relative_dates_read_back_as_their_calendar_days(reference: date) -> None:
    assert span("today", reference) == (reference, reference)
    assert span("yesterday", reference) == (reference - timedelta(days=1),) * 2
    assert span("this year", reference) == span(f"{reference.year:04d}")
    assert span("last year", reference) == span(f"{reference.year - 1:04d}")
    assert span("so far this year", reference) == (D(reference.year, 1, 1), reference)
    assert span("this month", reference) == span(f"{reference.year:04d}-{reference.month:02d}")
    previous = reference.replace(day=1) - timedelta(days=1)
    assert span("last month", reference) == span(f"{previous.year:04d}-{previous.month:02d}")


@given(st.dates(min_value=D(2, 1, 1), max_value=D(9998, 12, 31)))
def test_last_week_covers_both_calendar_weeks_before_and_the_seven_days_before(reference: date) -> None:
    parsed = parse_date_range("last week", reference=reference)
    monday = reference - timedelta(days=reference.weekday())
    sunday = reference - timedelta(days=(reference.weekday() + 1) % 7)
    for first in (monday - timedelta(days=7), sunday - timedelta(days=7), reference - timedelta(days=7)):
        assert contains(parsed, first) and contains(parsed, first + timedelta(days=6))
    assert parsed.start is not None and parsed.end is not None
    assert parsed.end.first is not None and parsed.start.last is not None
    assert (parsed.end.first - parsed.start.last).days + 1 <= 7  # a seven-day reading stays possible


relative_texts = st.sampled_from(
    ["on Tuesday", "last Friday", "last week", "this month", "this year", "late May", "the end of April", "Q3", "March to May", "FY23"]
)


@given(relative_texts, st.dates(min_value=D(1100, 1, 1), max_value=D(9000, 1, 1)), st.integers(0, 400), st.data())
def test_a_publication_range_covers_the_reading_against_any_of_its_days(
    text: str, earliest: date, length: int, data: st.DataObject
) -> None:
    latest = earliest + timedelta(days=length)
    whole = parse_date_range(text, reference=DateRange(earliest, latest))
    day = data.draw(st.dates(min_value=earliest, max_value=latest))
    one = parse_date_range(text, reference=day)
    assert whole.first is not None and whole.last is not None and one.first is not None and one.last is not None
    assert whole.first <= one.first and one.last <= whole.last


# -- Text that is only partly understood is an error, never a partial reading ------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Jun 04/2024", "'Jun 04' before '/' has no year; each side of an interval 'A/B' states its own, as in '2022-09/2025-05'"),
        ("May/June 2024", "'May' before '/' has no year; each side of an interval 'A/B' states its own, as in '2022-09/2025-05'"),
        ("May 2024 onwards", "'onwards' after 'May 2024' is not understood"),
        ("since May 2024", "'since' before 'May 2024' is not understood"),
        ("by the end of April", "'by' before 'the end of April' is not understood"),
        ("yesterday at noon", "'at noon' after 'yesterday' is not understood"),
        ("Tuesday at dusk", "'at dusk' after 'Tuesday' is not understood"),
        ("this Tuesday", "'this' before 'Tuesday' is not understood"),
        ("May and June 2024", "'and June 2024' after 'May' is not understood"),
        ("Q3 FY2024", "'FY2024' after 'Q3' is not understood"),
        ("2024-6-4", "'-6-4' after '2024' is not understood"),
        ("2024?", "'?' after '2024' is not understood"),
        (
            "from May 2024",
            "a period opened with 'from' needs 'to', 'through', 'until' or a dash before its end "
            "(a period with no end is written '2024-05/..')",
        ),
        (
            "between May 2024",
            "a period opened with 'between' needs 'and' before its end (a period with no end is written '2024-05/..')",
        ),
        ("January to June to July 2024", "it has more than one 'to', so where its period starts and ends is unclear"),
        ("January to Smarch 2024", "'Smarch' is not a month"),
        ("January to garbage", "'garbage' after 'to' is not a date"),
        ("January to", "'to' after 'January' is not understood"),
        ("04/06/2024", "a date in numbers and slashes is not read (4/6/2024 may be April or June); write it as YYYY-MM-DD"),
        ("2024/06/04", "a date in numbers and slashes is not read (4/6/2024 may be April or June); write it as YYYY-MM-DD"),
        ("2024-06-04 10:00", "'10:00' after '2024-06-04' is not understood"),
        ("May 2024 to present", "'present' after 'to' is not a date"),
        ("mid-late May 2024", "'mid' before '-' is not a date"),
        ("06/2024", "a month in numbers and a slash is not read; write it as YYYY-MM"),
        ("2023/25", "'2023/25' does not name two years in a row (a span of years is written '2023/2025')"),
        ("Monday, June 4, 2024", "4 June 2024 is a Tuesday, not a Monday"),
        ("Wednesday, June 24", "24 June 2025 is a Tuesday, not a Wednesday"),
        ("Tuesday, 1-3 June 2024", "a weekday ('Tuesday') names one day, not several"),
        ("Q5 2024", "a year has four quarters, not 5"),
        ("2024-06-31", "June 2024 has no day 31"),
    ],
)
def test_partly_understood_text_is_an_error_that_names_what_was_not_understood(text: str, reason: str) -> None:
    with pytest.raises(DateError) as raised:
        parse_date_range(text, reference=PUBLISHED)
    assert raised.value.reason == reason


def test_a_dateline_with_a_slash_is_not_read_as_a_period_to_the_end_of_the_year() -> None:
    with pytest.raises(DateError):
        parse_date_range("Jun 04/2024", reference=D(2024, 6, 5))


readable_texts = st.sampled_from(
    ["May 2024", "late May 2025", "2024-06-04", "4 June 2024", "Q3 2024", "FY2023", "2023/24", "on Tuesday",
     "last week", "this year", "January to June 2024", "2022-09/2025-05", "the end of April"]
)  # fmt: skip
junk = st.sampled_from(["onwards", "or so", "at noon", "?", "(est.)", "in the evening", "approximately", "and after", "x"])


@given(readable_texts, junk, st.booleans())
def test_a_readable_date_with_words_around_it_is_an_error_not_a_partial_reading(text: str, words: str, before: bool) -> None:
    stated = f"{words} {text}" if before else f"{text} {words}"
    with pytest.raises(DateError):
        parse_date_range(stated, reference=PUBLISHED)


new_date_tokens = st.sampled_from(
    ["FY", "FY23", "fiscal", "year", "/24", "-24", "2023", "to", " to ", "through", "from ", "between ", " and ",
     "Tuesday", "last ", "this ", "week", "month", "end of ", "the ", "yesterday", "\u2013", "-", "/", "season", "'"]
)  # fmt: skip


@given(st.lists(new_date_tokens, max_size=8).map("".join))
def test_text_made_of_the_new_forms_words_either_reads_or_raises_a_date_error(text: str) -> None:
    assert_reads_or_says_why(text)
