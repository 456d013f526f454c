"""Claim sets, claims, sources and relations print as fact-file text that loads back to the same values."""

from pathlib import Path

import pytest
from hypothesis.vendor.pretty import pretty

import factlint
from factlint._loading import load_by_folder

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _same_entries(again: factlint.ClaimSet, original: factlint.ClaimSet) -> bool:
    # A fact file loads its relations sums first, then parts, ratios, sames and checks.
    return (again.claims, again.sources, set(again.relations)) == (original.claims, original.sources, set(original.relations))


@pytest.mark.parametrize(("folder", "claim_set"), load_by_folder(EXAMPLES), ids=lambda value: getattr(value, "name", ""))
def test_every_example_folder_prints_as_a_fact_file_that_loads_to_the_same_claims(folder, claim_set):
    again = factlint.loads(pretty(claim_set))
    assert not again.problems
    assert _same_entries(again, claim_set)


def test_text_with_quotes_backslashes_and_control_characters_is_escaped_and_loads_back():
    claim = factlint.Claim(
        id="awol",
        metric='cases "AWOL"\u007f',
        value="about 18,000",
        dims={"age group": "over 65", "region": "Île-de-France"},
        quote="line one\nline two\twith a \\ backslash",
        of=30,
        ignore=["A101"],
    )
    source = factlint.Source(id="kyiv", publisher="The Kyiv Independent", published="late May 2025", cites=["mediazona"])
    claim_set = factlint.ClaimSet(claims=[claim], sources=[source], relations=[factlint.Check(expr="awol >= 0", message="a count")])
    text = pretty(claim_set)
    assert 'dims = { "age group" = "over 65", region = "Île-de-France" }' in text
    assert _same_entries(factlint.loads(text), claim_set)


def test_a_date_that_reads_differently_alone_is_written_as_its_days():
    [(_, seeds)] = load_by_folder(EXAMPLES / "seeds")
    late_may = next(claim for claim in seeds if claim.as_of is not None and claim.as_of.text == "late May")
    assert 'as_of = "2025-05-21/2025-05-31"' in pretty(late_may)


def test_the_problems_of_a_claim_set_print_as_comments_above_its_entries():
    claim_set = factlint.loads('[[claim]]\nid = "a"\nmetric = "m"\nvalue = "lots"\n')
    text = pretty(claim_set)
    assert "\n# F002 " in text
    assert factlint.loads(text).problems == ()
