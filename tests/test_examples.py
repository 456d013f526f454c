"""The example fact files: the seed articles check clean, and each broken file gives the findings it promises."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import attrs
import pytest

import factlint
from factlint import Hedge, lint
from factlint._loading import load

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SEEDS = EXAMPLES / "seeds"
# Fact files written from real budget articles: money, "nearly half", hedged amounts.
BUDGET = EXAMPLES / "budget"
BROKEN = EXAMPLES / "broken"
# Each broken variant is a folder of its own: the command line checks a folder as one claim set.
BROKEN_FILES = sorted(path for path in BROKEN.glob("*/*") if path.name.endswith((".facts.toml", ".facts.json")))


def broken(name: str) -> Path:
    [path] = [path for path in BROKEN_FILES if path.name == name]
    return path

_EXPECT_LINE = re.compile(r"#\s*expect:\s*(?P<codes>.+)")
_LEADING_CODE = re.compile(r"(?P<code>[a-z]\d{3})-")


def expected_codes(path: Path) -> frozenset[str]:
    """The codes a broken file promises: its first line `# expect: A101, F001`.

    JSON has no comments, so a JSON file promises the one code its name starts with.
    """
    first_line = path.read_text(encoding="utf-8").partition("\n")[0]
    stated = _EXPECT_LINE.fullmatch(first_line.strip())
    if stated is not None:
        return frozenset(code.strip().upper() for code in stated["codes"].split(","))
    named = _LEADING_CODE.match(path.name)
    if path.suffix == ".json" and named is not None:
        return frozenset({named["code"].upper()})
    raise AssertionError(f"{path.name} does not start with a `# expect: CODE` line")


def line_of(path: Path, text: str, *, last: bool = False) -> int:
    """The 1-based number of the first (or last) line outside comments that contains `text`."""
    numbers = [
        number
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if text in line and not line.lstrip().startswith("#")
    ]
    assert numbers, f"{text!r} is not in {path.name}"
    return numbers[-1] if last else numbers[0]


def skip_unless_registered(codes: frozenset[str]) -> None:
    missing = sorted(code for code in codes if factlint.builtin_rules().get(code) is None)
    if missing:
        pytest.skip(f"rule not implemented yet: {', '.join(missing)}")


def described(report) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(f"{finding.location} {finding.code} {finding.message}" for finding in report)


# -- the seed articles ----------------------------------------------------------------------


def test_seed_files_load_without_problems():
    claim_set = load(SEEDS)
    assert claim_set.problems == ()
    assert len(claim_set.claims) > 0


def test_seed_files_check_clean():
    report = lint(load(SEEDS))
    assert not report, described(report)


def test_every_seed_claim_names_a_source_and_quotes_it():
    claim_set = load(SEEDS)
    for claim in claim_set.claims:
        assert claim_set.source_of(claim) is not None, claim.id
        assert claim.quote, claim.id


def test_seed_relations_name_only_seed_claims():
    claim_set = load(SEEDS)
    for relation in claim_set.relations:
        for claim_id in relation.claim_ids:
            assert claim_set.claim(claim_id) is not None, claim_id


# -- the budget articles ---------------------------------------------------------------------


def test_budget_files_load_without_problems_and_check_clean():
    claim_set = load(BUDGET)
    assert claim_set.problems == ()
    assert {claim.unit_key for claim in claim_set.claims} >= {"USD", "GBP"}
    report = lint(claim_set)
    assert not report, described(report)


def test_the_bloomington_fiscal_years_start_on_may_1_as_the_file_says():
    claim_set = load(BUDGET / "bloomington-fy2025.facts.toml")
    fy2025 = claim_set.claim("budget_fy2025_march")
    assert fy2025 is not None and fy2025.period is not None
    assert (fy2025.period.first, fy2025.period.last) == (datetime.date(2024, 5, 1), datetime.date(2025, 4, 30))
    assert (fy2025.value.unit, fy2025.value.hedge) == ("USD", Hedge.JUST_OVER)


def test_a_general_fund_of_44_5_percent_is_nearly_half_of_its_budget():
    # $129.1 million of $290.1 million: writers call it "nearly half"; a reading of "nearly half"
    # as no less than 45% would have flagged the article.
    claim_set = load(BUDGET / "bloomington-fy2025.facts.toml")
    assert not lint(claim_set, select=["A104"])
    share = claim_set.claim("general_fund_share_fy2024")
    assert share is not None
    narrow = attrs.evolve(share, value="at least 45%")
    claims = [narrow if claim is share else claim for claim in claim_set.claims]
    [finding] = lint(attrs.evolve(claim_set, claims=claims), select=["A104"])
    assert finding.message == "the general fund's share and amount do not fit the budget"


def test_every_budget_claim_names_a_source_and_quotes_it():
    claim_set = load(BUDGET)
    for claim in claim_set.claims:
        assert claim_set.source_of(claim) is not None, claim.id
        assert claim.quote, claim.id


# -- the broken files -----------------------------------------------------------------------


def test_every_rule_code_has_a_broken_example():
    promised = set().union(*(expected_codes(path) for path in BROKEN_FILES))
    design_codes = {
        "A101", "A102", "A103", "A104", "T101", "T102", "T103", "R101", "R102",
        "M101", "C101", "G101", "G102", "F001", "F002", "F003", "F004", "F005",
    }  # fmt: skip
    assert design_codes <= promised


@pytest.mark.parametrize("path", BROKEN_FILES, ids=lambda path: path.name)
def test_broken_file_gives_exactly_the_codes_it_expects(path: Path):
    expected = expected_codes(path)
    skip_unless_registered(expected)
    report = lint(load(path))
    assert {finding.code for finding in report} == expected, described(report)


# Each bad input is reported at the line holding the bad text (the last such line for a
# duplicate, whose second use is the problem).
LOCATED = [
    ("f001-syntax-error.facts.toml", "F001", "value = 18,159", False),
    ("f001-syntax-error.facts.toml", "A102", 'value = "27,721"', False),
    ("f001-wrong-type.facts.toml", "F001", "value = true", False),
    ("f002-unreadable-quantity.facts.toml", "F002", 'value = "lots"', False),
    ("f002-unreadable-date.facts.toml", "F002", 'as_of = "Smarch 2024"', False),
    ("f002-unsafe-expression.facts.toml", "F002", "expr = \"__import__('os')\"", False),
    ("f003-unknown-source.facts.toml", "F003", 'source = "kyiv_independant_2025_06_26"', False),
    ("f004-duplicate-id.facts.toml", "F004", 'id = "awol_2025"', True),
    ("f005-unused-suppression.facts.toml", "F005", 'ignore = ["A101"]', False),
    ("a101-sum-mismatch.facts.json", "A101", '"value": 20538', False),
]


@pytest.mark.parametrize(("name", "code", "bad_text", "last"), LOCATED, ids=[f"{row[0]}-{row[1]}" for row in LOCATED])
def test_bad_input_is_reported_at_its_line(name: str, code: str, bad_text: str, last: bool):
    skip_unless_registered(frozenset({code}))
    path = broken(name)
    findings = [finding for finding in lint(load(path)) if finding.code == code]
    assert len(findings) == 1, described(findings)
    location = findings[0].location
    assert location is not None
    assert Path(location.path) == path
    assert location.line == line_of(path, bad_text, last=last)


def test_syntax_error_is_reported_at_its_column():
    path = broken("f001-syntax-error.facts.toml")
    (finding,) = [finding for finding in lint(load(path)) if finding.code == "F001"]
    line = path.read_text(encoding="utf-8").splitlines()[finding.location.line - 1]
    # The error is the thousands comma, which TOML does not allow in a number.
    assert finding.location.column == line.index(",") + 1
