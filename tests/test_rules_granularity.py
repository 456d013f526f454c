"""Tests for the GRIM rules: G101 impossible percentages and G102 impossible means of n whole-number answers."""

from __future__ import annotations

from fractions import Fraction

from _rules_helpers import codes, findings
from hypothesis import given
from hypothesis import strategies as st

from factlint._model import Claim, ClaimSet
from factlint._quantities import Rounding


def share(value: object, of: object, **fields: object) -> Claim:
    return Claim(id=fields.pop("id", "share"), metric="respondents who agree", value=value, of=of, **fields)


def mean(value: object, of: object, items: int = 1) -> Claim:
    return Claim(id="mean", metric="score", value=value, of=of, statistic="mean", items=items)


def _rounds_to(exact: Fraction, decimals: int) -> set[str]:
    """What a writer may print for an exact value, rounding half-up or half-down."""
    results = set()
    for mode in (Rounding.HALF_UP, Rounding.HALF_DOWN):
        scaled = exact * 10**decimals
        whole, rest = divmod(scaled, 1)
        if rest > Fraction(1, 2) or (rest == Fraction(1, 2) and mode is Rounding.HALF_UP):
            whole += 1
        results.add(_decimal_text(Fraction(int(whole), 10**decimals), decimals))
    return results


def _decimal_text(value: Fraction, decimals: int) -> str:
    whole, part = divmod(value.numerator * 10**decimals // value.denominator, 10**decimals)
    return f"{whole}.{part:0{decimals}d}" if decimals else f"{whole}"


# -- G101 impossible-percentage -------------------------------------------------------------------


def test_71_percent_of_43_is_impossible():
    [finding] = findings(ClaimSet(claims=[share("71%", 43)]), "G101")
    assert "30/43 = 69.77%" in finding.explanation[0] and "31/43 = 72.09%" in finding.explanation[0]


def test_72_percent_of_43_is_possible():
    assert codes(ClaimSet(claims=[share("72%", 43)]), "G101") == []


def test_n_may_come_from_a_claim_with_an_exact_value():
    base = Claim(id="respondents", metric="respondents", value=43)
    assert codes(ClaimSet(claims=[base, share("71%", "respondents")]), "G101") == ["G101"]
    rounded = Claim(id="respondents", metric="respondents", value="about 43")
    assert codes(ClaimSet(claims=[rounded, share("71%", "respondents")]), "G101") == []


def test_hedged_unknown_or_large_n_are_skipped():
    assert codes(ClaimSet(claims=[share("about 71%", 43)]), "G101") == []
    assert codes(ClaimSet(claims=[share("71%", None)]), "G101") == []
    assert codes(ClaimSet(claims=[share("71%", 100)]), "G101") == []


def test_stated_decimals_come_from_the_text():
    # 15.7% of 70 is 11/70 = 15.714...; "15.70%" claims two decimals, which 11/70 does not give.
    assert codes(ClaimSet(claims=[share("15.7%", 70)]), "G101") == []
    assert codes(ClaimSet(claims=[share("15.70%", 70)]), "G101") == ["G101"]


@given(st.integers(1, 99), st.data(), st.integers(0, 1))
def test_a_percentage_computed_from_a_count_is_never_flagged(n, data, decimals):
    k = data.draw(st.integers(0, n))
    for text in _rounds_to(Fraction(100 * k, n), decimals):
        assert codes(ClaimSet(claims=[share(f"{text}%", n)]), "G101") == []


@given(st.integers(1, 99), st.integers(0, 1000))
def test_g101_fires_exactly_when_no_count_rounds_to_the_value(n, tenths):
    text = _decimal_text(Fraction(tenths, 10), 1)
    possible = any(text in _rounds_to(Fraction(100 * k, n), 1) for k in range(0, 10 * n + 1))
    assert codes(ClaimSet(claims=[share(f"{text}%", n)]), "G101") == ([] if possible else ["G101"])


# -- G102 impossible-mean -----------------------------------------------------------------------


def test_a_mean_of_5_19_from_28_answers_is_impossible():
    [finding] = findings(ClaimSet(claims=[mean("5.19", 28)]), "G102")
    assert "145/28" in finding.explanation[0] and "146/28" in finding.explanation[0]


def test_means_of_5_21_5_25_and_5_29_from_28_answers_are_possible():
    for value in ("5.21", "5.25", "5.29"):
        assert codes(ClaimSet(claims=[mean(value, 28)]), "G102") == []


def test_items_per_respondent_refine_the_granularity():
    # 5.16 x 28 = 144.48: 144/28 = 5.14 and 145/28 = 5.18; with 2 items each, 289/56 = 5.1607 gives it.
    assert codes(ClaimSet(claims=[mean("5.16", 28)]), "G102") == ["G102"]
    assert codes(ClaimSet(claims=[mean("5.16", 28, items=2)]), "G102") == []


@given(st.integers(1, 99), st.integers(1, 3), st.data())
def test_a_mean_computed_from_whole_answers_is_never_flagged(n, items, data):
    total = data.draw(st.integers(0, 7 * n * items))
    for text in _rounds_to(Fraction(total, n * items), 2):
        assert codes(ClaimSet(claims=[mean(text, n, items)]), "G102") == []


@given(st.integers(1, 99), st.integers(0, 700))
def test_g102_fires_exactly_when_no_total_rounds_to_the_mean(n, hundredths):
    text = _decimal_text(Fraction(hundredths, 100), 2)
    possible = any(text in _rounds_to(Fraction(total, n), 2) for total in range(0, 8 * n + 1))
    assert codes(ClaimSet(claims=[mean(text, n)]), "G102") == ([] if possible else ["G102"])
