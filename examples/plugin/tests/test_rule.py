"""XS101 quote-lacks-number, run as factlint runs it: loaded through the plugin's entry point."""

from __future__ import annotations

import doctest
import inspect
import re
import sys
from pathlib import Path

import pytest

import factlint

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
_BLOCK = re.compile(r"^```toml expect=(?P<expect>\S+)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)


def claim(value: str | int, quote: str, **fields: object) -> factlint.Claim:
    return factlint.Claim(id="figure", metric="cases", value=value, quote=quote, **fields)


def findings(*claims: factlint.Claim) -> list[factlint.Finding]:
    return list(factlint.lint(factlint.ClaimSet(claims=list(claims)), select=["XS"], rules=factlint.installed_rules()))


def test_the_rule_is_loaded_through_the_entry_point_with_the_distribution_as_origin():
    rule = factlint.installed_rules().get("XS101")
    assert (rule.name, rule.origin, rule.severity) == (
        "quote-lacks-number",
        "factlint-example-plugin",
        factlint.Severity.WARNING,
    )


def test_a_mistyped_value_is_reported_with_the_quotes_figure_as_the_fix():
    [finding] = findings(claim("17,712", "According to Mediazona, 17,721 of the accused have already been sentenced."))
    assert finding.code == "XS101"
    assert finding.message == "the quote of figure states 17,721 but not its value 17,712"
    assert finding.fix is not None and finding.fix.replacement == "17,721"


def test_the_finding_points_at_the_quote_in_the_file():
    text = '[[claim]]\nid = "total"\nmetric = "cases"\nvalue = "20,583"\nquote = "documented 20,538 such cases"\n'
    [finding] = factlint.lint(factlint.loads(text, path="cases.facts.toml"), select=["XS"], rules=factlint.installed_rules())
    assert (finding.location.line, finding.location.column) == (5, 9)


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        ("20,538", "Mediazona had documented 20538 such cases"),
        ("20538", "Mediazona had documented 20 538 such cases"),
        (20538, "Mediazona had documented 20\u202f538 such cases"),
        ("nearly 100", "Russia was convicting nearly 100 soldiers per week"),
        ("about 2.4 million", "to about 2.4 million, including 1.5 million military personnel"),
        ("2,400,000", "an army of 2.4m troops"),
        ("1.5 million", "to about 2.4 million, including 1,500,000 military personnel"),
        (2, "two Russian soldiers were sentenced to serve at least two years"),
        ("40,000-45,000", "Russia recruits around 40,000-45,000 men every month"),
        ("34%", "34 per cent of them were sentenced"),
        ("at least 100", "Russia's courts have convicted at least 100 deserters every week so far in 2023"),
        # A value in words, next to other figures: the words are the stated value.
        ("nearly half", "the general fund, which represents Nearly Half of the budget, would be $129.1 million"),
        ("tens of thousands", "tens of thousands of refusals, 20,538 of them documented"),
    ],
)
def test_the_stated_number_in_any_usual_spelling_is_found(value, quote):
    assert findings(claim(value, quote)) == []


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        ("about 1,038", "The figure is double the amount of cases registered in all of 2022"),
        (1, "Ukrainian forces struck a Russian S-300/400 battery on 1 or 2 June."),
        ("about 692", "double in 2022 and three times the number in 2021, the 58th army said on 25 August 2023"),
        (100, ""),
    ],
)
def test_a_quote_without_figures_of_its_own_is_left_alone(value, quote):
    assert findings(claim(value, quote)) == []


def test_a_range_needs_both_of_its_ends_in_the_quote():
    [finding] = findings(claim("40,000-45,000", "Russia recruits around 40,000-50,000 men every month"))
    assert "40,000-50,000" in finding.message or "50,000" in finding.message
    assert finding.fix is None


def test_a_claim_can_suppress_it():
    assert findings(claim("17,712", "17,721 of the accused", ignore=["XS101"])) == []


def test_the_seed_articles_quote_their_numbers():
    report = factlint.lint(factlint.load(SEEDS), select=["XS"], rules=factlint.installed_rules())
    assert [finding.message for finding in report] == []


def _page_examples() -> list[tuple[str, str]]:
    page = inspect.getdoc(factlint.installed_rules().get("XS101").check) or ""
    return [(match["expect"], match["body"]) for match in _BLOCK.finditer(page)]


def test_the_rule_page_shows_it_firing_and_a_clean_file():
    assert sorted(expect for expect, _ in _page_examples()) == ["XS101", "none"]


@pytest.mark.parametrize(("expect", "body"), _page_examples())
def test_every_page_example_finds_what_it_promises(expect, body):
    found = {finding.code for finding in factlint.lint(factlint.loads(body, path="page.facts.toml"), select=["XS"], rules=factlint.installed_rules())}
    assert found == (set() if expect == "none" else {expect})


def test_the_modules_examples_hold():
    module = sys.modules[factlint.installed_rules().get("XS101").check.__module__]
    assert doctest.testmod(module).failed == 0
