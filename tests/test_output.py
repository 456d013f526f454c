"""Output formats: the JSON schema, SARIF 2.1.0 validity, GitHub annotations and their escaping, and text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _fact_files import sum_mismatch_quoting

import factlint
from factlint import ClaimRef, Finding, Fix, Report, Severity, lint
from factlint._loading import loads
from factlint._model import Location
from factlint._output import (
    escape_github_data,
    escape_github_property,
    format_github,
    format_json,
    format_report,
    format_sarif,
    format_text,
)

SCHEMAS = Path(__file__).resolve().parent / "schemas"
SARIF_SCHEMA = SCHEMAS / "sarif-schema-2.1.0.json"

SUM_MISMATCH = sum_mismatch_quoting("20,583 cases")


def _finding(severity: Severity = Severity.ERROR, message: str = "parts add up to 20,538", **changes) -> Finding:
    fields = {
        "code": "A101",
        "name": "sum-mismatch",
        "severity": severity,
        "message": message,
        "location": Location("facts/cases.facts.toml", 4, 9),
        "explanation": ("18,159 + 2,379 = 20,538", "but the total says 20,583"),
        "claims": (
            ClaimRef("total", Location("facts/cases.facts.toml", 1, 1), "20,583 cases"),
            ClaimRef("a", Location("facts/cases.facts.toml", 5, 1)),
        ),
        "fix": Fix(description="20,583 may be a typo for 20,538", claim="total", replacement="20,538"),
    }
    fields.update(changes)
    return Finding(**fields)


def _report(*findings: Finding) -> Report:
    return Report(findings=findings, rules=[rule for rule in factlint.builtin_rules() if rule.code.startswith("A")], claim_count=3)


def test_json_finding_has_every_documented_field():
    document = json.loads(format_json(_report(_finding()), file_count=1))
    assert document["version"] == 1
    assert document["findings"] == [
        {
            "code": "A101",
            "name": "sum-mismatch",
            "severity": "error",
            "message": "parts add up to 20,538",
            "location": {"path": "facts/cases.facts.toml", "line": 4, "column": 9},
            "explanation": ["18,159 + 2,379 = 20,538", "but the total says 20,583"],
            "claims": [
                {"id": "total", "location": {"path": "facts/cases.facts.toml", "line": 1, "column": 1}, "quote": "20,583 cases"},
                {"id": "a", "location": {"path": "facts/cases.facts.toml", "line": 5, "column": 1}, "quote": ""},
            ],
            "fix": {"description": "20,583 may be a typo for 20,538", "claim": "total", "field": "value", "replacement": "20,538"},
        }
    ]
    assert document["summary"] == {"findings": 1, "fixable": 1, "claims": 3, "files": 1, "by_code": {"A101": 1}}


def test_json_gives_null_for_a_missing_location_and_fix():
    finding = json.loads(format_json(_report(_finding(location=None, fix=None))))["findings"][0]
    assert finding["location"] is None
    assert finding["fix"] is None


def test_json_of_a_clean_report_is_still_the_full_document():
    assert json.loads(format_json(Report(findings=[], claim_count=7))) == {
        "version": 1,
        "findings": [],
        "summary": {"findings": 0, "fixable": 0, "claims": 7, "files": None, "by_code": {}},
    }


def _sarif_validator():
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


@pytest.mark.parametrize(
    "report",
    [
        pytest.param(lint(loads(SUM_MISMATCH, path="cases.facts.toml")), id="linted"),
        pytest.param(_report(_finding(), _finding(Severity.INFO, location=None, fix=None)), id="built"),
        pytest.param(Report(findings=[]), id="clean"),
    ],
)
def test_sarif_is_valid_against_the_2_1_0_schema(report):
    log = json.loads(format_sarif(report))
    errors = sorted(_sarif_validator().iter_errors(log), key=str)
    assert not errors, errors[0].message


def test_sarif_describes_the_tool_its_rules_and_each_result():
    run = json.loads(format_sarif(_report(_finding())))["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "factlint"
    assert driver["informationUri"].startswith("https://")
    rule_ids = [rule["id"] for rule in driver["rules"]]
    (result,) = run["results"]
    assert rule_ids[result["ruleIndex"]] == result["ruleId"] == "A101"
    a101 = driver["rules"][result["ruleIndex"]]
    assert a101["name"] == "sum-mismatch"
    assert a101["defaultConfiguration"] == {"level": "error"}
    assert result["message"]["text"].splitlines() == [
        "parts add up to 20,538",
        "18,159 + 2,379 = 20,538",
        "but the total says 20,583",
        "fix: 20,583 may be a typo for 20,538",
    ]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "facts/cases.facts.toml"
    assert location["region"] == {"startLine": 4, "startColumn": 9}
    related = [entry["physicalLocation"]["region"]["startLine"] for entry in result["relatedLocations"]]
    assert related == [1, 5]


@pytest.mark.parametrize(("severity", "level"), [(Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.INFO, "note")])
def test_sarif_level_follows_the_severity(severity, level):
    (result,) = json.loads(format_sarif(_report(_finding(severity))))["runs"][0]["results"]
    assert result["level"] == level


def test_sarif_uri_is_relative_with_forward_slashes_and_percent_encoded(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    path = str(tmp_path / "my facts" / "cases.facts.toml")
    (result,) = json.loads(format_sarif(_report(_finding(location=Location(path, 1, 1)))))["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "my%20facts/cases.facts.toml"


def test_github_annotation_has_file_line_column_title_and_message():
    assert format_github(_report(_finding(explanation=(), fix=None))) == (
        "::error file=facts/cases.facts.toml,line=4,col=9,title=A101 sum-mismatch::parts add up to 20,538\n"
    )


def test_github_annotation_puts_the_explanation_on_further_lines():
    (line,) = format_github(_report(_finding(fix=None))).splitlines()
    assert line.endswith("::parts add up to 20,538%0A18,159 + 2,379 = 20,538%0Abut the total says 20,583")


@pytest.mark.parametrize(("severity", "command"), [(Severity.ERROR, "::error "), (Severity.WARNING, "::warning "), (Severity.INFO, "::notice ")])
def test_github_command_follows_the_severity(severity, command):
    assert format_github(_report(_finding(severity))).startswith(command)


@pytest.mark.parametrize(("raw", "escaped"), [("%", "%25"), ("\r", "%0D"), ("\n", "%0A"), (":", ":"), (",", ",")])
def test_github_message_escapes_percent_and_line_breaks(raw, escaped):
    assert escape_github_data(f"a{raw}b") == f"a{escaped}b"


@pytest.mark.parametrize(("raw", "escaped"), [("%", "%25"), ("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C")])
def test_github_property_escapes_percent_line_breaks_colons_and_commas(raw, escaped):
    assert escape_github_property(f"a{raw}b") == f"a{escaped}b"


def test_github_escaping_is_applied_to_path_and_message():
    finding = _finding(message="100% of 2,000: fine", explanation=(), fix=None, location=Location("a,b:c.facts.toml", 2, 3))
    assert format_github(_report(finding)) == (
        "::error file=a%2Cb%3Ac.facts.toml,line=2,col=3,title=A101 sum-mismatch::100%25 of 2,000: fine\n"
    )


def test_text_without_a_location_starts_with_the_code():
    text = format_text(_report(_finding(location=None)), concise=True)
    assert text.splitlines()[0] == "A101 parts add up to 20,538"


def test_text_summary_counts_findings_claims_files_and_fixes():
    report = _report(_finding(), _finding(fix=None))
    assert format_text(report, file_count=2).splitlines()[-1] == (
        "Found 2 findings in 3 claims in 2 files; 1 with a suggested correction."
    )


def test_unknown_format_is_a_value_error():
    with pytest.raises(ValueError, match="text, json, sarif, github"):
        format_report(_report(), "xml")


def test_sarif_of_the_broken_examples_is_valid_against_the_2_1_0_schema(monkeypatch, capsys):
    from _cli import main

    validator = _sarif_validator()
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    assert main(["check", "examples/broken", "--format", "sarif"]) == 1
    log = json.loads(capsys.readouterr().out)
    assert len(log["runs"][0]["results"]) >= 18
    errors = sorted(validator.iter_errors(log), key=str)
    assert not errors, errors[0].message
