"""Tests for reading stated dates as exact ranges of days (factlint._dates)."""

from __future__ import annotations

import calendar
import itertools
import pickle
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
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
        ("2023-24", D(2023, 12, 1), D(2024, 2, 29)),
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
    with pytest.raises(DateError, match="runs up to its source's published date, and its source has none"):
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


@given(years)
def test_quarters_partition_a_year_in_every_spelling(year: int) -> None:
    whole = parse_date_range(f"{year:04d}")
    quarters = [parse_date_range(f"Q{n} {year:04d}") for n in range(1, 5)]
    assert_partition(whole, quarters)
    assert quarters == [parse_date_range(f"{year:04d}-{code}") for code in range(33, 37)]
    ordinals = ("first", "second", "third", "fourth")
    assert quarters == [parse_date_range(f"the {word} quarter of {year:04d}") for word in ordinals]


@given(years)
def test_halves_partition_a_year_in_every_spelling(year: int) -> None:
    halves = [parse_date_range(f"H{n} {year:04d}") for n in (1, 2)]
    assert_partition(parse_date_range(f"{year:04d}"), halves)
    assert halves == [parse_date_range(f"{year:04d}-{code}") for code in (40, 41)]
    assert halves == [parse_date_range(f"{word} half of {year:04d}") for word in ("first", "second")]


@given(years)
def test_seasons_follow_each_other_from_march_to_the_next_february(year: int) -> None:
    seasons = [parse_date_range(f"{year:04d}-{code}") for code in range(21, 25)]
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
