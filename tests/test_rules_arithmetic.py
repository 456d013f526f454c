"""Tests for A103 shares-not-whole: percentages of one breakdown that cannot add up to 100."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
from _rules_helpers import codes, findings
from hypothesis import given
from hypothesis import strategies as st

import factlint
from factlint import Severity, lint, load
from factlint._model import Check, Claim, ClaimSet, Sum

ANSWERS = "respondents by answer"


def shares(*values: object, source: str | None = None, of: int | None = 1200) -> list[Claim]:
    """Shares of one poll's 1,200 respondents (one base, so they split one whole)."""
    return [
        Claim(id=f"share_{index}", metric=ANSWERS, value=value, dims={"answer": f"option {index}"}, source=source, of=of)
        for index, value in enumerate(values)
    ]


def test_shares_of_45_40_and_20_percent_are_found():
    [finding] = findings(ClaimSet(claims=shares("45%", "40%", "20%")), "A103")
    assert "more than 100%" in finding.message


def test_percentages_by_group_without_one_base_are_not_shares_of_a_whole():
    # "62% of men and 55% of women": two groups' own percentages, not parts of 117%.
    by_group = [
        Claim(id="men", metric="approve of the plan", value="62%", dims={"gender": "men"}),
        Claim(id="women", metric="approve of the plan", value="55%", dims={"gender": "women"}),
    ]
    assert codes(ClaimSet(claims=by_group), "A103") == []
    assert codes(ClaimSet(claims=shares("62%", "55%", of=None)), "A103") == []


def test_percentages_of_different_bases_are_not_added():
    claims = shares("62%", of=500) + shares("55%", of=700)
    claims[1] = Claim(id="other", metric=ANSWERS, value="55%", dims={"answer": "option 1"}, of=700)
    assert codes(ClaimSet(claims=claims), "A103") == []


def test_shares_of_45_35_and_20_percent_are_fine():
    assert codes(ClaimSet(claims=shares("45%", "35%", "20%")), "A103") == []


def test_rounding_lets_shares_add_up_to_a_little_over_100():
    assert codes(ClaimSet(claims=shares("33%", "33%", "35%")), "A103") == []


def test_an_incomplete_breakdown_may_add_up_to_less():
    assert codes(ClaimSet(claims=shares("45%", "35%")), "A103") == []


def test_a_complete_sum_to_100_percent_must_reach_100():
    claims = [*shares("45%", "35%", "10%"), Claim(id="all", metric=ANSWERS, value="100%")]
    relation = Sum(total="all", parts=["share_0", "share_1", "share_2"], complete=True)
    assert codes(ClaimSet(claims=claims, relations=[relation]), "A103") == ["A103"]
    # A101 leaves a sum of shares to 100% to A103, so it is not reported twice.
    assert codes(ClaimSet(claims=claims, relations=[relation]), "A101") == []
    claims[2] = Claim(id="share_2", metric=ANSWERS, value="20%", dims={"answer": "option 2"})
    assert codes(ClaimSet(claims=claims, relations=[relation]), "A103") == []


def test_shares_from_different_sources_are_not_added():
    claims = [*shares("45%", "40%", source="a"), *shares("20%", source="b")]
    claims[2] = Claim(id="other", metric=ANSWERS, value="20%", dims={"answer": "option 9"}, source="b")
    assert codes(ClaimSet(claims=claims), "A103") == []


@st.composite
def partitions(draw, total=100):
    """Whole-number shares of 100, at least two."""
    cuts = sorted(draw(st.lists(st.integers(0, total), min_size=1, max_size=6)))
    bounds = [0, *cuts, total]
    return [b - a for a, b in itertools.pairwise(bounds)]


@given(partitions())
def test_shares_of_a_true_partition_are_never_flagged(parts):
    assert codes(ClaimSet(claims=shares(*(f"{part}%" for part in parts))), "A103") == []


@given(partitions(), st.integers(1, 50))
def test_shares_planted_beyond_rounding_above_100_are_always_found(parts, extra):
    # Each "N%" allows +-0.5, so adding more than half a point per share cannot be rounding.
    planted = [*parts[:-1], parts[-1] + len(parts) + extra]
    assert codes(ClaimSet(claims=shares(*(f"{part}%" for part in planted))), "A103") == ["A103"]


# -- A104 on arithmetic too large to carry out ---------------------------------------------------


def test_a_check_whose_arithmetic_grows_past_10000_digits_stops_with_a_warning(tmp_path):
    path = tmp_path / "big.facts.toml"
    expr = "*".join(["a"] * 998) + " > 0"
    path.write_text(f'[[claim]]\nid = "a"\nmetric = "m"\nvalue = "{"9" * 4300}"\n\n[[check]]\nexpr = "{expr}"\n')
    [finding] = lint(load([path]), select=["A104"])
    assert finding.message == "this check's arithmetic grows past 10,000 digits; factlint stops there"
    assert finding.severity is Severity.WARNING
    assert finding.location is not None and finding.location.line == 7


def test_a_check_on_4300_digit_values_within_10000_digits_is_evaluated():
    big = "9" * 4300
    claims = ClaimSet(claims=[Claim(id="a", metric="m", value=big)], relations=[Check(expr="a * a > 0")])
    assert codes(claims, "A104") == []
    failing = ClaimSet(claims=[Claim(id="a", metric="m", value=big)], relations=[Check(expr="a * a < 0")])
    [finding] = findings(failing, "A104")
    assert finding.severity is Severity.ERROR and "cannot hold" in finding.message


@pytest.mark.parametrize(
    ("value", "total", "written"),
    [
        (460_000_000, "£406 million", "£460 million"),
        (51_500_000, "£41.5m", "£51.5m"),
        (2_600_000_000, "$2.4bn", "$2.6bn"),
        (13_600, "13,500 rubles", "13,600 rubles"),
        (20_538, "20,583", "20,538"),
        # Not a whole number of the stated scale in four decimals: written out in full.
        (406_123_456, "£406 million", "£406,123,456"),
    ],
)
def test_a_computed_amount_is_written_as_its_total_is(value, total, written):
    from factlint._wording import like_stated

    assert like_stated(Fraction(value), factlint.parse_quantity(total)) == written


def test_a_sum_of_money_that_misses_its_total_is_shown_in_the_totals_currency_and_scale():
    claim_set = factlint.loads(
        """
[[source]]
id = "s"
published = 2018-03-01

[[claim]]
id = "total"
metric = "police funding increase"
value = "£406 million"
source = "s"

[[claim]]
id = "local"
metric = "police funding increase"
value = "£280 million"
dims = { part = "local" }
source = "s"

[[claim]]
id = "central"
metric = "police funding increase"
value = "£180 million"
dims = { part = "central" }
source = "s"

[[sum]]
total = "total"
parts = ["local", "central"]
"""
    )
    [finding] = factlint.lint(claim_set, select=["A101"])
    assert finding.message == "parts add up to £460 million, but the total says £406 million"
    assert finding.explanation[0].endswith("says £406 million: £54 million less")
