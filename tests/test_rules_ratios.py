"""Tests for M101 ratio-mismatch: "double", "three times", "tenfold" against the two numbers they relate."""

from __future__ import annotations

from fractions import Fraction

from _rules_helpers import codes, findings
from hypothesis import given
from hypothesis import strategies as st

from factlint._model import Claim, ClaimSet, Ratio

CASES = "AWOL cases"


def pair(of_value: object, to_value: object, factor: object) -> ClaimSet:
    return ClaimSet(
        claims=[
            Claim(id="h1_2023", metric=CASES, value=of_value, period="first half of 2023"),
            Claim(id="all_2022", metric=CASES, value=to_value, period="2022"),
        ],
        relations=[Ratio(of="h1_2023", to="all_2022", factor=factor)],
    )


def test_2076_is_not_double_1500():
    [finding] = findings(pair("2,076", "1,500", "double"), "M101")
    assert "2 x all_2022 1,500 = 3,000, but h1_2023 says 2,076" in finding.explanation[0]


def test_2076_is_double_1038():
    assert codes(pair("2,076", "1,038", "double"), "M101") == []


def test_2076_is_three_times_692():
    assert codes(pair("2,076", 692, "three times"), "M101") == []
    assert codes(pair("2,076", 700, "three times"), "M101") == ["M101"]


def test_n_times_more_accepts_n_or_n_plus_one_and_says_so():
    assert codes(pair("2,076", 519, "three times more"), "M101") == []  # x4
    assert codes(pair("2,076", 692, "three times more"), "M101") == []  # x3
    [finding] = findings(pair("2,076", 600, "three times more"), "M101")
    assert any("N times more" in line for line in finding.explanation)


def test_tenfold_half_and_bare_numbers():
    assert codes(pair(1_000, 100, "tenfold"), "M101") == []
    assert codes(pair(50, 100, "half"), "M101") == []
    assert codes(pair(250, 100, "2.5"), "M101") == []
    assert codes(pair(260, 100, "2.5"), "M101") == ["M101"]


def test_rounded_numbers_allow_their_rounding():
    # "2.1 million" is [2.05, 2.15) million: double 1,050,000 = 2,100,000 lies inside.
    assert codes(pair("2.1 million", "1,050,000", "double"), "M101") == []


def test_a_transposed_digit_that_makes_the_ratio_hold_is_suggested():
    [finding] = findings(pair("2,076", "1,083", "double"), "M101")
    assert finding.fix is not None and finding.fix.claim == "all_2022" and finding.fix.replacement == "1,038"


@given(st.integers(1, 100_000), st.sampled_from([("double", 2), ("three times", 3), ("tenfold", 10), ("half", Fraction(1, 2))]))
def test_numbers_that_match_their_factor_are_never_flagged(base, factor):
    word, value = factor
    of = base * value
    stated = of if of.denominator == 1 else f"{float(of):.1f}"
    assert codes(pair(stated, base, word), "M101") == []


@given(st.integers(1, 100_000), st.sampled_from([("double", 2), ("three times", 3), ("tenfold", 10)]), st.integers(1, 1000))
def test_a_planted_mismatch_is_always_found(base, factor, off_by):
    word, value = factor
    assert codes(pair(base * value + off_by, base, word), "M101") == ["M101"]
