"""The rule engine: claim sets built in code, selection by code or prefix, suppression, and custom rules."""

from __future__ import annotations

import pytest

import factlint
from factlint import Claim, ClaimSet, Part, RuleSet, Settings, Severity, Sum, Violation, lint, rule


def sum_claims(total: str = "20,583") -> ClaimSet:
    return ClaimSet(
        claims=[
            Claim(id="cases", metric="refusal-to-fight cases", value=total, quote="20,538 such cases"),
            Claim(id="awol", metric="refusal-to-fight cases", value=18159, dims={"charge": "AWOL"}),
            Claim(id="disobey", metric="refusal-to-fight cases", value="1,369", dims={"charge": "disobey"}),
            Claim(id="desertion", metric="refusal-to-fight cases", value="1,010", dims={"charge": "desertion"}),
            Claim(id="sentenced", metric="people sentenced", value="17,721"),
        ],
        relations=[
            Sum(total="cases", parts=["awol", "disobey", "desertion"]),
            Part(part="sentenced", whole="cases"),
        ],
    )


def test_claim_set_built_in_code_is_linted_without_any_file():
    report = lint(sum_claims())
    [finding] = report.findings
    assert finding.code == "A101" and finding.name == "sum-mismatch"
    assert finding.location is None
    assert [ref.id for ref in finding.claims] == ["cases", "awol", "disobey", "desertion"]
    assert finding.claims[0].quote == "20,538 such cases"
    assert finding.fix.replacement == "20,538"
    assert report.exit_code == 1


def test_consistent_claim_set_built_in_code_is_clean():
    report = lint(sum_claims("20,538"))
    assert list(report) == [] and report.exit_code == 0 and report.claim_count == 5


def test_claim_set_indexes_by_id_metric_and_dims():
    claims = sum_claims()
    assert claims.claim("awol").value.nominal == 18159
    assert claims.claim("absent") is None
    assert [claim.id for claim in claims.by_metric["people sentenced"]] == ["sentenced"]
    assert [claim.id for claim in claims.by_metric_and_dims[("refusal-to-fight cases", factlint.Dims({"charge": "AWOL"}))]] == ["awol"]


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ({}, ["A101"]),
        ({"select": ["A"]}, ["A101"]),
        ({"select": ["A102"]}, []),
        ({"ignore": ["A101"]}, []),
        ({"ignore": ["A"]}, []),
        ({"select": ["A"], "ignore": ["A1"]}, []),
        # The most specific selector wins, as in ruff.
        ({"ignore": ["A"], "extend_select": ["A101"]}, ["A101"]),
        ({"select": ["T"], "extend_select": ["A101"]}, ["A101"]),
    ],
)
def test_selection_by_code_or_prefix(arguments, expected):
    assert [finding.code for finding in lint(sum_claims(), **arguments)] == expected


def test_severity_can_be_overridden_per_code():
    [finding] = lint(sum_claims(), settings=Settings(severities={"A101": Severity.WARNING}))
    assert finding.severity is Severity.WARNING


def test_claim_level_ignore_silences_exactly_the_finding_it_names():
    claims = sum_claims()
    silenced = ClaimSet(
        claims=[Claim(id="cases", metric="refusal-to-fight cases", value="20,583", ignore=["A101"]), *claims.claims[1:]],
        relations=claims.relations,
    )
    assert list(lint(silenced)) == []


def test_unused_claim_level_ignore_is_reported_as_unused_suppression():
    claims = sum_claims("20,538")
    noisy = ClaimSet(
        claims=[Claim(id="cases", metric="refusal-to-fight cases", value="20,538", ignore=["A102"]), *claims.claims[1:]],
        relations=claims.relations,
    )
    [finding] = lint(noisy)
    assert finding.code == "F005" and "A102" in finding.message


def test_ignore_of_an_unknown_code_is_reported_as_unused():
    claims = ClaimSet(claims=[Claim(id="a", metric="m", value=1, ignore=["Z999"])])
    [finding] = lint(claims)
    assert finding.code == "F005" and "not a known rule code" in finding.message


def test_ignore_of_a_rule_that_did_not_run_is_not_reported():
    claims = ClaimSet(claims=[Claim(id="a", metric="m", value=1, ignore=["A101"])])
    assert list(lint(claims, select=["F"], ignore=["A"])) == []


def test_custom_rule_is_declared_with_the_decorator_and_selected_by_prefix():
    @rule("X101", "negative-count", summary="a count below zero")
    def negative_count(claim_set, context):
        for claim in claim_set:
            if claim.value.interval.high is not None and claim.value.interval.high < 0:
                yield Violation(f"{claim.id} is negative", claims=[claim])

    claims = ClaimSet(claims=[Claim(id="a", metric="m", value="-5"), Claim(id="b", metric="m", value=5)])
    rules = factlint.builtin_rules().with_rules([negative_count])
    report = lint(claims, rules=rules, select=["X"])
    assert [(finding.code, finding.message) for finding in report] == [("X101", "a is negative")]
    assert rules.get("X101").origin == "test_engine"
    assert "X101" not in factlint.builtin_rules()


def test_rule_code_clash_is_refused():
    one = rule("X101", "one", summary="one")(lambda claim_set, context: [])
    other = rule("X101", "other", summary="other")(lambda claim_set, context: [])
    with pytest.raises(ValueError, match="X101 is given twice"):
        RuleSet([one, other])


def test_every_builtin_rule_has_a_family_and_kebab_case_name():
    for known in factlint.builtin_rules():
        assert known.family in {"arithmetic", "time", "rates", "ratios", "sources", "granularity", "statistics", "files"}
        assert known.name == known.name.lower() and " " not in known.name


def test_statistics_count_findings_per_code():
    claims = sum_claims()
    doubled = ClaimSet(claims=[*claims.claims, Claim(id="x", metric="m", value=1, source="nowhere")], relations=claims.relations)
    assert lint(doubled).statistics() == [("A101", "sum-mismatch", 1), ("F003", "unknown-reference", 1)]


def test_a_plugin_rule_is_given_the_claim_set_itself_however_many_built_in_rules_ran_before_it():
    seen: list[ClaimSet] = []

    @rule("X901", "records-claims", summary="records the claim set it is given")
    def records_claims(claim_set, context):
        seen.append(claim_set)
        return [Violation("seen", claims=[claim_set.claims[0]])]

    claims = sum_claims()
    report = lint(claims, rules=factlint.builtin_rules().with_rules([records_claims]))
    assert seen[0] is claims
    assert seen[0].claims == claims.claims and seen[0].relations == claims.relations
    assert "X901" in {finding.code for finding in report}
