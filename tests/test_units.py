"""Units take part in identity: one currency however written is one unit, and claims in different units are never compared."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlint
from factlint import Claim, ClaimSet, Source, loads

SOURCES = [
    Source(id="reuters", publisher="Reuters", published="2024-03-01"),
    Source(id="tass", publisher="TASS", published="2024-03-01"),
]


def revenue(source: str, value: object, claim_id: str | None = None, **fields: object) -> Claim:
    fields.setdefault("period", "2023")
    return Claim(id=claim_id or f"revenue_{source}", metric="oil and gas revenue", value=value, source=source, **fields)


def codes(*claims: Claim) -> list[str]:
    return sorted(finding.code for finding in factlint.lint(ClaimSet(claims=claims, sources=SOURCES)))


# -- a claim's unit ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "key"),
    [
        ("$350 million", "", "USD"),
        ("350 million dollars", "", "USD"),
        ("$350 million", "USD", "USD"),
        ("$350 million", "dollars", "USD"),
        ("$350 million", "US$", "USD"),
        ("$350 million", " usd ", "USD"),
        (350_000_000, "dollars", "USD"),
        (350_000_000, "USD", "USD"),
        ("13,500 billion rubles", "", "RUB"),
        ("13,500 billion rubles", "roubles", "RUB"),
        ("20,538", "people", "people"),
        ("20,538", "", ""),
    ],
)
def test_a_claims_unit_is_its_unit_field_or_else_its_values_currency(value, unit, key):
    assert Claim(id="c", metric="m", value=value, unit=unit).unit_key == key


@pytest.mark.parametrize(("value", "unit"), [("$350 million", "EUR"), ("€5m", "dollars"), ("$350 million", "people")])
def test_a_unit_field_that_conflicts_with_the_value_fails_at_construction(value, unit):
    with pytest.raises(ValueError, match=r"^unit "):
        Claim(id="c", metric="m", value=value, unit=unit)


@pytest.mark.parametrize("dollar", ["CAD", "AUD", "Canadian dollars"])
def test_a_unit_field_naming_another_dollar_refines_a_bare_dollar_sign(dollar):
    # A Canadian or Australian article writes its own dollar as "$".
    claim = Claim(id="c", metric="m", value="$350 million", unit=dollar)
    assert claim.unit_key in {"CAD", "AUD"}


def test_a_conflicting_unit_is_an_f002_at_the_unit_field():
    text = '[[claim]]\nid = "budget"\nmetric = "city budget"\nvalue = "$350 million"\nunit = "EUR"\n'
    claim_set = loads(text, path="budget.facts.toml")
    [problem] = claim_set.problems
    assert problem.code == "F002"
    assert problem.message.startswith("unit 'EUR'")
    assert problem.location is not None
    assert (problem.location.line, problem.location.column) == (5, 8)
    assert claim_set.claims == ()


# -- one quantity, whatever its scale word ----------------------------------------------------------


def test_two_claims_differing_only_in_scale_word_are_one_quantity_and_agree():
    assert codes(revenue("reuters", "13,500 billion rubles"), revenue("tass", "13.5 trillion rubles")) == []


def test_two_claims_differing_only_in_scale_word_are_compared():
    assert codes(revenue("reuters", "13,500 billion rubles"), revenue("tass", "13.7 trillion rubles")) == ["C101"]


def test_a_scale_word_changes_the_value_not_the_unit():
    # "13,500 billion rubles" and "13,500 rubles" are both RUB: one quantity, and far apart.
    assert codes(revenue("reuters", "13,500 billion rubles"), revenue("tass", "13,500 rubles")) == ["C101"]


def test_currency_signs_codes_and_words_of_one_currency_are_one_unit():
    claims = (revenue("reuters", "$350 million"), revenue("tass", 420_000_000, unit="US dollars"))
    assert codes(*claims) == ["C101"]


@given(
    st.integers(min_value=1, max_value=10**6),
    st.sampled_from([(" thousand", 10**3), (" million", 10**6), ("bn", 10**9)]),
    st.sampled_from([(" million", 10**6), (" billion", 10**9), (" trillion", 10**12)]),
)
def test_one_amount_written_with_any_two_scale_words_agrees_with_itself(amount, first, second):
    """An amount of rubles, written at two scales, each with as many decimals as it needs: never a contradiction."""
    (first_word, first_scale), (second_word, second_scale) = first, second
    value = amount * first_scale
    written = [f"{amount:,}{first_word} rubles", f"{_decimal(value, second_scale)}{second_word} rubles"]
    assert codes(revenue("reuters", written[0]), revenue("tass", written[1])) == []


def _decimal(value: int, scale: int) -> str:
    """value / scale written out in full: (1_500_000, 10**6) -> "1.5"."""
    whole, rest = divmod(value, scale)
    decimals = f"{rest:0{len(str(scale)) - 1}d}".rstrip("0")
    return f"{whole:,}" + (f".{decimals}" if decimals else "")


# -- different units are never compared --------------------------------------------------------------


@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_claims_in_different_currencies_are_never_compared(dollars, euros):
    assert codes(revenue("reuters", f"${dollars:,} million"), revenue("tass", f"€{euros:,} million")) == []


def test_money_and_a_number_without_a_unit_are_never_compared():
    assert codes(revenue("reuters", "$350 million"), revenue("tass", "500 million")) == []


def test_claims_in_different_units_are_never_compared():
    claims = (revenue("reuters", "1,000", unit="barrels"), revenue("tass", "2,000", unit="tonnes"))
    assert codes(*claims) == []


def test_parts_in_another_currency_are_not_parts_of_a_whole():
    whole = revenue("reuters", "$100 million", "total")
    part = revenue("reuters", "€500 million", "exports", dims={"market": "export"})
    assert codes(whole, part) == []
    same_currency = revenue("reuters", "$500 million", "exports", dims={"market": "export"})
    assert codes(whole, same_currency) == ["A102"]
