"""Tests for M101 ratio-mismatch: "double", "three times", "tenfold" against the two numbers they relate."""

from __future__ import annotations

from fractions import Fraction

import pytest
from _rules_helpers import codes, findings
from hypothesis import given
from hypothesis import strategies as st

from factlint import lint
from factlint._config import ConfigError, read_config
from factlint._model import Claim, ClaimSet, Ratio
from factlint._quantities import Quantity, RoundNumbers, Tolerances, parse_quantity
from factlint._settings import Settings
from factlint._wording import readings

CASES = "AWOL cases"


def pair(of_value: object, to_value: object, factor: object) -> ClaimSet:
    return ClaimSet(
        claims=[
            Claim(id="h1_2023", metric=CASES, value=of_value, period="first half of 2023"),
            Claim(id="all_2022", metric=CASES, value=to_value, period="2022"),
        ],
        relations=[Ratio(of="h1_2023", to="all_2022", factor=factor)],
    )


def rate(text: str) -> Quantity:
    """A rate's value as the model reads it: a whole number is rounding of its last digit."""
    return parse_quantity(text).as_rate()


def rates(of_value: str, of_per: str | None, to_value: str, to_per: str | None, factor: str = "double") -> ClaimSet:
    return ClaimSet(
        claims=[
            Claim(id="weekly", metric=CASES, value=rate(of_value) if of_per else of_value, per=of_per, period="2023"),
            Claim(id="yearly", metric=CASES, value=rate(to_value) if to_per else to_value, per=to_per, period="2022"),
        ],
        relations=[Ratio(of="weekly", to="yearly", factor=factor)],
    )


# -- findings and what they say ---------------------------------------------------------------


def test_2076_is_not_double_800_and_the_finding_shows_its_arithmetic_and_readings():
    [finding] = findings(pair("2,076", "800", "double"), "M101")
    assert finding.message == 'h1_2023 (2,076) is not double all_2022 (800)'
    assert list(finding.explanation) == [
        '[1.8, 2.2] x all_2022 800 = [1,350, 1,870), but h1_2023 says 2,076',
        "h1_2023 / all_2022 = (2.4424…, 2.768]",
        'ratio: "double" read as 1.8 to 2.2 (approximate, ±10%)',
        'assumed: all_2022 "800" may be rounded: [750, 850)',
    ]


def test_2076_is_not_double_1500():
    [finding] = findings(pair("2,076", "1,500", "double"), "M101")
    # "1,500" is a round number: it may be rounded from 1,450 to 1,550.
    assert finding.explanation[0] == '[1.8, 2.2] x all_2022 1,500 = [2,610, 3,410), but h1_2023 says 2,076'
    [finding] = findings(pair(2_076, 1_500, "double"), "M101")
    assert finding.explanation[0] == "[1.8, 2.2] x all_2022 1,500 = [2,700, 3,300], but h1_2023 says 2,076"
    assert "h1_2023 / all_2022 = 2,076 / 1,500 = 1.38" in finding.explanation


def test_2076_is_double_1021_within_the_ratio_tolerance():
    assert codes(pair("2,076", "1,021", "double"), "M101") == []


def test_31600_is_tripled_10500():
    assert codes(pair("31,600", "10,500", "tripled"), "M101") == []


def test_ten_percent_higher_reads_ten_percent_to_its_last_digit():
    # 1.29 / 1.16 is 11.2% higher; "10 percent" may be 10.49% and both totals are rounded.
    assert codes(pair("1.29 trillion", "1.16 trillion", "10 percent higher"), "M101") == []
    assert codes(pair("1.29 trillion", "1.06 trillion", "10 percent higher"), "M101") == ["M101"]
    assert codes(pair(900, 1_000, "10 percent lower"), "M101") == []


def test_three_times_allows_ten_percent_either_way():
    assert codes(pair("2,076", 692, "three times"), "M101") == []
    assert codes(pair("2,076", 700, "three times"), "M101") == []
    assert codes(pair("2,076", 900, "three times"), "M101") == ["M101"]


def test_n_times_more_accepts_n_or_n_plus_one_and_says_so():
    assert codes(pair("2,076", 519, "three times more"), "M101") == []  # x4
    assert codes(pair("2,076", 692, "three times more"), "M101") == []  # x3
    [finding] = findings(pair("2,076", 600, "three times more"), "M101")  # x3.46
    assert any("N times more" in line for line in finding.explanation)
    assert len([line for line in finding.explanation if " x all_2022 600 = " in line]) == 2


def test_n_times_less_accepts_one_nth_or_one_over_n_plus_one():
    assert codes(pair(250, 1_000, "three times less"), "M101") == []  # x1/4
    assert codes(pair(333, 1_000, "three times less"), "M101") == []  # x1/3
    assert codes(pair(500, 1_000, "three times less"), "M101") == ["M101"]


def test_tenfold_half_and_bare_numbers():
    assert codes(pair(1_000, 100, "tenfold"), "M101") == []
    assert codes(pair(50, 100, "half"), "M101") == []
    assert codes(pair(250, 100, "2.5"), "M101") == []
    assert codes(pair(300, 100, "2.5"), "M101") == ["M101"]


def test_exactly_leaves_no_tolerance():
    assert codes(pair(2_000, 1_000, "exactly double"), "M101") == []
    assert codes(pair(2_100, 1_000, "exactly double"), "M101") == ["M101"]
    assert codes(pair(2_100, 1_000, 2), "M101") == ["M101"]


def test_hedged_factors_follow_the_hedge_table():
    assert codes(pair(1_900, 1_000, "nearly double"), "M101") == []
    assert codes(pair(2_000, 1_000, "nearly double"), "M101") == ["M101"]
    assert codes(pair(3_100, 1_000, "more than tripled"), "M101") == []
    assert codes(pair(3_000, 1_000, "more than tripled"), "M101") == ["M101"]
    assert codes(pair(5_000, 1_000, "at least double"), "M101") == []


def test_rounded_numbers_allow_their_rounding():
    # "2.1 million" is [2.05, 2.15) million: double 1,050,000 = 2,100,000 lies inside.
    assert codes(pair("2.1 million", "1,050,000", "double"), "M101") == []
    # "600" may be rounded from 550 to 650: exactly double 310 is 620. Given as data, 600 is exact.
    assert codes(pair("600", 310, "exactly double"), "M101") == []
    assert codes(pair(600, 310, "exactly double"), "M101") == ["M101"]


def test_the_configured_ratio_tolerance_decides_how_wide_a_ratio_word_is():
    narrow = Settings(tolerances=Tolerances(ratio=Fraction(1, 100)))
    claim_set = pair("2,076", "1,021", "double")
    assert [finding.code for finding in lint(claim_set, select=["M101"], settings=narrow)] == ["M101"]


def test_the_ratio_and_round_numbers_settings_are_read_from_configuration(tmp_path):
    config = tmp_path / "factlint.toml"
    config.write_text('[tolerances]\nratio = "1/100"\nround-numbers = "exact"', encoding="utf-8")
    settings = read_config(config)
    assert (settings.tolerances.ratio, settings.tolerances.round_numbers) == (Fraction(1, 100), RoundNumbers.EXACT)
    assert [finding.code for finding in lint(pair("2,076", "1,021", "double"), select=["M101"], settings=settings)] == ["M101"]


def test_an_unknown_round_numbers_setting_names_the_choices(tmp_path):
    config = tmp_path / "factlint.toml"
    config.write_text('[tolerances]\nround-numbers = "sometimes"', encoding="utf-8")
    with pytest.raises(ConfigError, match="round-numbers: expected one of 'rounded', 'exact', not 'sometimes'"):
        read_config(config)


def test_a_transposed_digit_that_makes_the_ratio_hold_is_suggested():
    [finding] = findings(pair("2,706", "1,038", "double"), "M101")
    assert finding.fix is not None and finding.fix.claim == "h1_2023" and finding.fix.replacement == "2,076"


# -- rates: converted into one unit first -----------------------------------------------------


def test_100_a_week_is_double_2600_a_year():
    assert codes(rates("100", "week", "2,600", "year"), "M101") == []


def test_100_a_week_is_not_double_50_a_year_and_the_conversion_is_shown():
    [finding] = findings(rates("100", "week", "50", "year"), "M101")
    assert finding.explanation[0].startswith('yearly 50 per year = [0.9467…, 0.9712…) per week (a week is 7 days; a year is')
    assert finding.explanation[1].startswith("[1.8, 2.2] x yearly [0.9467…, 0.9712…) = ")
    assert 'assumed: weekly "100" (a rate) may be rounded: [99.5, 100.5)' in finding.explanation
    assert finding.fix is None


def test_rates_in_one_unit_are_compared_as_stated():
    assert codes(rates("100", "week", "50", "week"), "M101") == []
    [finding] = findings(rates("100", "week", "30", "week"), "M101")
    assert "per year" not in finding.explanation[0]


def test_a_rate_against_a_count_is_left_unchecked():
    assert codes(rates("100", "week", "1", None), "M101") == []
    assert codes(rates("100", None, "1", "year"), "M101") == []


# -- the readings a finding lists -------------------------------------------------------------


def test_every_number_that_is_not_an_exact_point_lists_its_reading():
    claims = [
        Claim(id="total", metric=CASES, value="600"),
        Claim(id="weekly", metric=CASES, value="nearly 100", per="week"),
        Claim(id="rate", metric=CASES, value=rate("16"), per="day"),
        Claim(id="mean", metric=CASES, value=rate("3"), statistic="mean", of=40),
        Claim(id="share", metric=CASES, value="34%"),
        Claim(id="exact", metric=CASES, value="20,538"),
        Claim(id="data", metric=CASES, value=600),
    ]
    assert readings(claims) == [
        'assumed: total "600" may be rounded: [550, 650)',
        'assumed: weekly "nearly 100" means [90, 100)',
        'assumed: rate "16" (a rate) may be rounded: [15.5, 16.5)',
        'assumed: mean "3" (a mean) may be rounded: [2.5, 3.5)',
        'assumed: share "34%" is read to its last digit: [33.5, 34.5)',
    ]


# -- properties ---------------------------------------------------------------------------------

WORDS = [("double", 2), ("three times", 3), ("tenfold", 10), ("half", Fraction(1, 2))]


@given(st.integers(1, 100_000), st.sampled_from(WORDS), st.fractions(Fraction(-1, 10), Fraction(1, 10)))
def test_numbers_within_the_ratio_tolerance_of_their_factor_are_never_flagged(base, word_and_factor, off):
    word, factor = word_and_factor
    assert codes(pair(base * factor * (1 + off), base, word), "M101") == []


BEYOND = st.fractions(Fraction(1, 10), Fraction(9, 10)).filter(lambda off: off > Fraction(1, 10))


@given(st.integers(1, 100_000), st.sampled_from(WORDS), BEYOND, st.booleans())
def test_numbers_beyond_every_reading_of_their_factor_are_flagged(base, word_and_factor, off, above):
    word, factor = word_and_factor
    assert codes(pair(base * factor * (1 + off if above else 1 - off), base, word), "M101") == ["M101"]


@given(st.integers(100, 100_000), st.sampled_from(WORDS))
def test_rounded_text_that_matches_its_factor_is_never_flagged(base, word_and_factor):
    word, factor = word_and_factor
    stated = int(base * factor + Fraction(1, 2))
    assert codes(pair(f"{stated:,}", f"{base:,}", word), "M101") == []
