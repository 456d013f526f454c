"""Tests for the rate rules: R101 a rate that disagrees with itself after conversion, R102 a rate against a count."""

from __future__ import annotations

import datetime
import math
from fractions import Fraction

from _rules_helpers import codes, findings
from hypothesis import given
from hypothesis import strategies as st

from factlint._model import Claim, ClaimSet, Same

CONVICTIONS = "refusal-to-fight convictions"


def rate(claim_id: str, value: object, per: str, **fields: object) -> Claim:
    fields.setdefault("period", "2023")
    return Claim(id=claim_id, metric=CONVICTIONS, value=value, per=per, **fields)


# -- R101 rate-conversion-mismatch ---------------------------------------------------------------


def test_nearly_100_a_week_is_not_around_52000_a_year():
    claims = ClaimSet(claims=[rate("weekly", "nearly 100", "week"), rate("yearly", "around 52,000", "year")])
    [finding] = findings(claims, "R101")
    assert '"nearly 100" per week x 52 to 52.29 weeks a year = [4,680, 5,228.57)' in finding.explanation[0]
    assert '"around 52,000" per year means [46,800, 57,200]' in finding.explanation[0]
    assert any("a week is 7 days" in line and "52 weeks to 366 days" in line for line in finding.explanation)


def test_nearly_100_a_week_is_around_5200_a_year():
    claims = ClaimSet(claims=[rate("weekly", "nearly 100", "week"), rate("yearly", "around 5,200", "year")])
    assert codes(claims, "R101") == []


def test_40000_to_45000_a_month_is_about_500000_a_year():
    claims = ClaimSet(
        claims=[rate("monthly", "40,000-45,000", "month"), rate("yearly", "about 500,000", "year")],
        relations=[Same(claims=["monthly", "yearly"])],
    )
    assert codes(claims, "R101") == []


def test_an_explicit_same_is_reported_once_not_again_by_inference():
    claims = ClaimSet(
        claims=[rate("weekly", "nearly 100", "week"), rate("yearly", "around 52,000", "year")],
        relations=[Same(claims=["weekly", "yearly"])],
    )
    assert codes(claims, "R101") == ["R101"]


def test_rates_of_times_that_do_not_overlap_are_not_compared():
    claims = ClaimSet(
        claims=[rate("weekly", "nearly 100", "week", period="2023"), rate("yearly", "around 52,000", "year", period="2024")]
    )
    assert codes(claims, "R101") == []


def test_months_make_a_year_exactly():
    # 12 x 1,000 = 12,000: 12,400 a year is out even though 31-day months would allow it.
    claims = ClaimSet(claims=[rate("monthly", 1000, "month"), rate("yearly", 12_400, "year")])
    assert codes(claims, "R101") == ["R101"]


@given(
    st.fractions(Fraction(1), Fraction(10_000)),
    st.sampled_from([(364, "week"), (365, "week"), (366, "week"), (12, "month"), (4, "quarter"), (365, "day")]),
)
def test_one_true_rate_stated_per_unit_and_per_year_is_never_flagged(true_rate, convention):
    per_year, unit = convention
    yearly = true_rate * per_year / 7 if unit == "week" else true_rate * per_year
    weekly_range = f"{math.floor(true_rate)}-{math.ceil(true_rate)}"
    yearly_range = f"{math.floor(yearly)}-{math.ceil(yearly)}"
    claims = ClaimSet(claims=[rate("short", weekly_range, unit), rate("long", yearly_range, "year")])
    assert codes(claims, "R101") == []


@given(st.integers(1, 10_000), st.sampled_from(["week", "month", "quarter"]), st.integers(2, 10))
def test_a_yearly_figure_off_by_a_factor_is_always_found(per_unit, unit, factor):
    most_units_a_year = {"week": Fraction(366, 7), "month": 12, "quarter": 4}[unit]
    yearly = math.ceil(per_unit * most_units_a_year * factor) + 1
    claims = ClaimSet(claims=[rate("short", per_unit, unit), rate("long", yearly, "year")])
    assert codes(claims, "R101") == ["R101"]


# -- R102 rate-total-mismatch -------------------------------------------------------------------


def test_at_least_100_a_week_cannot_give_2076_in_the_first_half_of_2023():
    claims = ClaimSet(
        claims=[
            rate("weekly", "at least 100", "week", period="first half of 2023"),
            Claim(id="h1", metric=CONVICTIONS, value="2,076", period="H1 2023"),
        ]
    )
    [finding] = findings(claims, "R102")
    assert "181 days" in finding.explanation[0]


def test_nearly_100_a_week_can_give_2500_in_the_first_half_of_2023():
    claims = ClaimSet(
        claims=[
            rate("weekly", "nearly 100", "week", period="first half of 2023"),
            Claim(id="h1", metric=CONVICTIONS, value="2,500", period="H1 2023"),
        ]
    )
    assert codes(claims, "R102") == []


def test_a_rate_and_a_count_of_different_periods_are_not_compared():
    claims = ClaimSet(
        claims=[
            rate("weekly", "at least 100", "week", period="2023"),
            Claim(id="h1", metric=CONVICTIONS, value="2,076", period="H1 2023"),
        ]
    )
    assert codes(claims, "R102") == []


@given(
    st.integers(1, 500),
    st.dates(datetime.date(2020, 1, 1), datetime.date(2026, 1, 1)),
    st.integers(1, 700),
    st.sampled_from(["day", "week"]),
)
def test_a_count_made_by_its_rate_is_never_flagged(per_unit, start, days, unit):
    end = start + datetime.timedelta(days=days - 1)
    period = f"{start.isoformat()}/{end.isoformat()}"
    exact_count = Fraction(per_unit * days, 7 if unit == "week" else 1)
    count = f"{math.floor(exact_count)}-{math.ceil(exact_count)}"
    claims = ClaimSet(
        claims=[
            rate("r", per_unit, unit, period=period),
            Claim(id="c", metric=CONVICTIONS, value=count, period=period),
        ]
    )
    assert codes(claims, "R102") == []


@given(st.integers(1, 500), st.dates(datetime.date(2020, 1, 1), datetime.date(2026, 1, 1)), st.integers(7, 700))
def test_a_count_far_above_its_rate_is_always_found(per_week, start, days):
    end = start + datetime.timedelta(days=days - 1)
    period = f"{start.isoformat()}/{end.isoformat()}"
    count = per_week * days  # seven times what the weekly rate gives
    claims = ClaimSet(
        claims=[rate("r", per_week, "week", period=period), Claim(id="c", metric=CONVICTIONS, value=count, period=period)]
    )
    assert codes(claims, "R102") == ["R102"]


# -- R101 over a large [[same]] group ------------------------------------------------------------


def _same_group(values: list[object], per: str | None = "year") -> ClaimSet:
    ids = [f"c{index}" for index in range(len(values))]
    if per is None:
        claims = [Claim(id=i, metric=CONVICTIONS, value=v, period="2023") for i, v in zip(ids, values)]
    else:
        claims = [rate(i, v, per) for i, v in zip(ids, values)]
    return ClaimSet(claims=claims, relations=[Same(claims=ids)])


def test_a_same_group_of_1000_disagreeing_claims_reports_each_claim_once_not_each_pair():
    found = findings(_same_group(list(range(1, 1001))), "R101")
    assert len(found) == 999
    named = {claim.id for finding in found for claim in finding.claims}
    assert named == {f"c{index}" for index in range(1000)}


def test_a_same_group_of_1000_disagreeing_counts_reports_each_claim_once():
    assert len(findings(_same_group(list(range(1, 1001)), per=None), "R101")) == 999


def test_a_same_group_whose_claims_can_all_agree_reports_nothing():
    values = [f"{low}-{low + 1000}" for low in range(0, 1000)]  # all of them hold 999 to 1,000
    assert codes(_same_group(values), "R101") == []


def test_a_same_group_with_one_outlier_names_only_that_outlier():
    values: list[object] = ["about 500", 99_000, *["about 500"] * 20]
    found = findings(_same_group(values), "R101")
    assert len(found) == 1
    assert "c1" in {claim.id for claim in found[0].claims}


def test_a_same_group_of_mixed_units_reports_each_outlier_once():
    claims = ClaimSet(
        claims=[
            rate("w1", 100, "week"),
            rate("w2", 100, "week"),
            rate("y1", "about 5,200", "year"),
            rate("y2", 90_000, "year"),
            rate("m1", 5, "month"),
        ],
        relations=[Same(claims=["w1", "w2", "y1", "y2", "m1"])],
    )
    found = findings(claims, "R101")
    # w1, w2 and y1 agree; y2 and m1 cannot, and each is reported once.
    assert [finding.claims[-1].id for finding in found] == ["y2", "m1"]
