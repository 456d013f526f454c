"""Tests for the time rules: T101 running totals that fall, T102 claims dated after their source, T103 reversed periods."""

from __future__ import annotations

import datetime
import time

from _rules_helpers import codes, findings
from hypothesis import given
from hypothesis import strategies as st

from factlint._model import Claim, ClaimSet, FileSettings, Location, Source

CASES = "refusal-to-fight cases"


def total(claim_id: str, value: object, as_of: object, *, source: str | None = None, **fields: object) -> Claim:
    return Claim(id=claim_id, metric=CASES, value=value, as_of=as_of, since="September 2022", source=source, **fields)


# -- T101 running-total-decreases ---------------------------------------------------------------


def test_a_running_total_that_falls_by_late_may_2025_is_found():
    claims = ClaimSet(claims=[total("june_2024", "10,025", "June 2024"), total("may_2025", "9,900", "late May 2025")])
    [finding] = findings(claims, "T101")
    assert finding.claim_ids == {"june_2024", "may_2025"}
    assert "10,025" in finding.explanation[0] and "9,900" in finding.explanation[0]
    assert "125 fewer" in finding.explanation[0]


def test_the_seed_running_total_rising_to_20538_is_consistent():
    claims = ClaimSet(claims=[total("june_2024", "10,025", "June 2024"), total("may_2025", "20,538", "late May 2025")])
    assert codes(claims, "T101") == []


def test_overlapping_dates_are_never_ordered():
    claims = ClaimSet(claims=[total("a", "10,025", "June 2024"), total("b", "9,900", "2024-06-15")])
    assert codes(claims, "T101") == []


def test_hedged_totals_fall_only_when_no_reading_rises():
    rising_possible = [total("a", "about 10,000", "June 2024"), total("b", "9,500", "July 2024")]
    assert codes(ClaimSet(claims=rising_possible), "T101") == []
    certainly_falls = [total("a", "more than 10,000", "June 2024"), total("b", "9,500", "July 2024")]
    assert codes(ClaimSet(claims=certainly_falls), "T101") == ["T101"]


def test_totals_with_different_starts_or_dims_are_not_compared():
    claims = ClaimSet(
        claims=[
            total("all", "10,025", "June 2024"),
            Claim(id="later_start", metric=CASES, value="900", as_of="May 2025", since="2025"),
            total("awol", "9,000", "May 2025", dims={"charge": "AWOL"}),
        ]
    )
    assert codes(claims, "T101") == []


def test_a_transposed_digit_that_explains_the_fall_is_suggested():
    claims = ClaimSet(
        claims=[
            total("april", "20,412", "April 2025"),
            total("may", "20,538", "late May 2025"),
            total("june", "20,358", "June 2025"),
        ]
    )
    [finding] = findings(claims, "T101")
    assert finding.fix is not None and finding.fix.claim == "june" and finding.fix.replacement == "20,538"


def test_files_that_say_infer_false_are_not_compared():
    where = Location("a.facts.toml", 1, 1)
    claims = ClaimSet(
        claims=[total("a", "10,025", "June 2024", location=where), total("b", "9,900", "May 2025", location=where)],
        files=[FileSettings(path="a.facts.toml", infer=False)],
    )
    assert codes(claims, "T101") == []


def test_a_long_running_total_is_checked_in_one_sweep():
    start = datetime.date(2022, 10, 1)
    claims = [total(f"day_{i}", i * 10, start + datetime.timedelta(days=i)) for i in range(20_000)]
    claims.append(total("wrong", "5", start + datetime.timedelta(days=30_000)))
    [finding] = findings(ClaimSet(claims=claims), "T101")
    assert finding.claim_ids == {"day_19999", "wrong"}


@st.composite
def running_totals(draw):
    """A rising running total, each value stated exactly, as "about", or as "more than" a lower number."""
    increments = draw(st.lists(st.integers(0, 5_000), min_size=2, max_size=8))
    day = datetime.date(2022, 10, 1)
    value, claims = 0, []
    for index, increment in enumerate(increments):
        value += increment
        day += datetime.timedelta(days=draw(st.integers(1, 60)))
        form = draw(st.sampled_from(["exact", "about", "more than"]))
        stated = {"exact": value, "about": f"about {value}", "more than": f"more than {max(value - 1, 0)}"}[form]
        if form == "more than" and value == 0:
            stated = 0
        claims.append(total(f"t{index}", stated, day))
    return claims, value


@given(running_totals())
def test_a_rising_total_read_within_its_hedges_is_never_flagged(drawn):
    claims, _ = drawn
    assert codes(ClaimSet(claims=claims), "T101") == []


@given(running_totals(), st.integers(1, 1_000))
def test_a_planted_fall_below_an_exact_total_is_always_found(drawn, drop):
    claims, last = drawn
    exact = total("anchor", last + 10_000, datetime.date(2030, 1, 1))
    fallen = total("fallen", last + 10_000 - drop, datetime.date(2030, 6, 1))
    assert "T101" in codes(ClaimSet(claims=[*claims, exact, fallen]), "T101")


# -- T102 dated-after-source -------------------------------------------------------------------

NEWSWEEK = Source(id="newsweek", publisher="Newsweek", published="2024-06-04")


def test_a_claim_as_of_july_2024_in_a_source_of_june_2024_is_found():
    claims = ClaimSet(claims=[Claim(id="a", metric=CASES, value=170, as_of="July 2024", source="newsweek")], sources=[NEWSWEEK])
    [finding] = findings(claims, "T102")
    assert "July 2024" in finding.message


def test_a_claim_as_of_may_2024_in_a_source_of_june_2024_is_fine():
    claims = ClaimSet(claims=[Claim(id="a", metric=CASES, value=170, as_of="May 2024", source="newsweek")], sources=[NEWSWEEK])
    assert codes(claims, "T102") == []


def test_a_period_that_may_end_on_the_publication_day_is_fine():
    source = Source(id="mt", published="July 2023")
    claims = ClaimSet(claims=[Claim(id="a", metric=CASES, value=1, period="2023-07-19", source="mt")], sources=[source])
    assert codes(claims, "T102") == []


def test_a_source_citing_a_later_source_is_found():
    sources = [
        Source(id="up", published="2024-06-04", cites=["isw"]),
        Source(id="isw", published="2024-06-05"),
    ]
    assert codes(ClaimSet(sources=sources), "T102") == ["T102"]
    sources[1] = Source(id="isw", published="2024-06-03")
    assert codes(ClaimSet(sources=sources), "T102") == []


@given(st.dates(datetime.date(2000, 1, 1), datetime.date(2030, 1, 1)), st.integers(-2_000, 2_000))
def test_a_claim_is_flagged_exactly_when_it_starts_after_publication(published, offset):
    day = published + datetime.timedelta(days=offset)
    claims = ClaimSet(
        claims=[Claim(id="a", metric=CASES, value=1, as_of=day, source="s")], sources=[Source(id="s", published=published)]
    )
    assert codes(claims, "T102") == (["T102"] if offset > 0 else [])


# -- T103 period-reversed ----------------------------------------------------------------------


def test_a_period_that_ends_before_it_starts_is_found():
    claims = ClaimSet(claims=[Claim(id="a", metric=CASES, value=1, period="2025-05/2022-09")])
    assert codes(claims, "T103") == ["T103"]
    claims = ClaimSet(claims=[Claim(id="a", metric=CASES, value=1, period="2022-09/2025-05")])
    assert codes(claims, "T103") == []


def test_a_running_total_starting_after_its_date_is_found():
    claims = ClaimSet(claims=[Claim(id="a", metric=CASES, value=1, since="2025", as_of="2024")])
    assert codes(claims, "T103") == ["T103"]
    claims = ClaimSet(claims=[Claim(id="a", metric=CASES, value=1, since="September 2022", as_of="September 2022")])
    assert codes(claims, "T103") == []


@given(st.dates(datetime.date(2000, 1, 1), datetime.date(2030, 1, 1)), st.integers(-800, 800))
def test_a_period_is_flagged_exactly_when_reversed(start, length):
    end = start + datetime.timedelta(days=length)
    claims = ClaimSet(claims=[Claim(id="a", metric=CASES, value=1, period=f"{start.isoformat()}/{end.isoformat()}")])
    assert codes(claims, "T103") == (["T103"] if length < 0 else [])


def test_a_fall_between_4300_digit_totals_is_found_without_a_slow_typo_search():
    claims = ClaimSet(claims=[total("april", "8" + "0" * 4299, "April 2025"), total("may", "7" + "0" * 4299, "late May 2025")])
    started = time.process_time()
    [finding] = findings(claims, "T101")
    # Searching every one-digit variant of both numbers took 4 to 15 s of CPU; skipping it takes milliseconds.
    assert time.process_time() - started < 3
    assert finding.fix is None
