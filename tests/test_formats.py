"""JUnit XML and GitLab Code Quality output, validated against their published schemas, and the public formatter."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from _cli import main
from _fact_files import SUM_MISMATCH
from lxml import etree

import factlint
from factlint import ClaimRef, Finding, Report, Severity
from factlint._formats.gitlab import format_gitlab
from factlint._formats.junit import format_junit, xml_text
from factlint._model import Location

SCHEMAS = Path(__file__).resolve().parent / "schemas"
REPOSITORY = Path(__file__).resolve().parents[1]


def _finding(code: str = "A101", path: str = "facts/cases.facts.toml", line: int = 4, **changes) -> Finding:
    fields = {
        "code": code,
        "name": "sum-mismatch",
        "severity": Severity.ERROR,
        "message": "parts add up to 20,538",
        "location": Location(path, line, 9),
        "explanation": ("18,159 + 2,379 = 20,538",),
        "claims": (ClaimRef("total", Location(path, 1, 1), "20,583 cases"),),
    }
    fields.update(changes)
    return Finding(**fields)


def _junit_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "junit-10.xsd")))


def _assert_valid_junit(text: str) -> etree._Element:
    document = etree.fromstring(text.encode("utf-8"))
    schema = _junit_schema()
    assert schema.validate(document), schema.error_log
    return document


def _assert_valid_gitlab(text: str) -> list[dict]:
    issues = json.loads(text)
    assert isinstance(issues, list)
    schema = json.loads((SCHEMAS / "gitlab-codeclimate.json").read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    for issue in issues:
        errors = sorted(validator.iter_errors(issue), key=str)
        assert not errors, errors[0].message
    return issues


@pytest.fixture
def broken_examples(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(REPOSITORY)
    return "examples/broken"


# -- junit ----------------------------------------------------------------------------------


def test_junit_of_the_broken_examples_is_valid_against_the_junit_schema(broken_examples, capsys):
    assert main(["check", broken_examples, "--format", "junit"]) == 1
    document = _assert_valid_junit(capsys.readouterr().out)
    assert len(document.findall("testsuite/testcase/failure")) == int(document.get("failures")) >= 18


def test_junit_has_one_suite_per_file_and_one_failed_testcase_per_finding():
    report = Report(findings=[_finding(), _finding(line=9), _finding(path="other.facts.toml")])
    document = _assert_valid_junit(format_junit(report))
    suites = document.findall("testsuite")
    assert [(suite.get("name"), suite.get("tests"), suite.get("failures")) for suite in suites] == [
        ("facts/cases.facts.toml", "2", "2"),
        ("other.facts.toml", "1", "1"),
    ]
    first = suites[0].find("testcase")
    assert first.get("name") == "A101 sum-mismatch (4:9)"
    assert first.get("classname") == "facts/cases.facts.toml"
    failure = first.find("failure")
    assert failure.get("type") == "A101"
    assert failure.get("message") == "parts add up to 20,538"
    assert failure.text.splitlines()[:2] == ["facts/cases.facts.toml:4:9: A101 parts add up to 20,538", "  18,159 + 2,379 = 20,538"]


def test_junit_of_a_clean_report_is_one_passing_testcase():
    document = _assert_valid_junit(format_junit(Report(findings=[])))
    (case,) = document.iter("testcase")
    assert case.find("failure") is None
    assert document.get("failures") == "0"


def test_junit_escapes_markup_and_control_characters_in_messages_and_paths():
    hostile = 'a < b & "c" ]]> \x00\x1b[31m'
    report = Report(findings=[_finding(message=hostile, path="<x>&.facts.toml", location=Location("<x>&.facts.toml", 1, 1))])
    document = _assert_valid_junit(format_junit(report))
    failure = document.find("testsuite/testcase/failure")
    assert failure.get("message") == 'a < b & "c" ]]> \\x00\\x1b[31m'
    assert document.find("testsuite").get("name") == "<x>&.facts.toml"


@pytest.mark.parametrize(("raw", "kept"), [("\t\n\r", "\t\n\r"), ("\x0b", "\\x0b"), ("\x85", "\\x85"), ("\u202e", "\\u202e"), ("\ufffe", "\\ufffe"), ("é✓", "é✓")])
def test_xml_text_escapes_only_what_xml_cannot_hold(raw, kept):
    assert xml_text(raw) == kept


def test_junit_groups_findings_without_a_file_under_factlint():
    document = _assert_valid_junit(format_junit(Report(findings=[_finding(location=None)])))
    assert document.find("testsuite").get("name") == "factlint"
    assert document.find("testsuite/testcase").get("name") == "A101 sum-mismatch"


# -- gitlab ---------------------------------------------------------------------------------


def test_gitlab_of_the_broken_examples_is_valid_against_gitlabs_code_quality_schema(broken_examples, capsys):
    assert main(["check", broken_examples, "--format", "gitlab"]) == 1
    issues = _assert_valid_gitlab(capsys.readouterr().out)
    assert len(issues) >= 18
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)


def test_gitlab_issue_has_description_check_name_fingerprint_severity_and_location():
    (issue,) = _assert_valid_gitlab(format_gitlab(Report(findings=[_finding()])))
    assert issue["check_name"] == "A101"
    assert issue["description"] == "A101 parts add up to 20,538"
    assert issue["severity"] == "major"
    assert issue["location"] == {"path": "facts/cases.facts.toml", "lines": {"begin": 4}}
    assert len(issue["fingerprint"]) == 32


@pytest.mark.parametrize(("severity", "expected"), [(Severity.ERROR, "major"), (Severity.WARNING, "minor"), (Severity.INFO, "info")])
def test_gitlab_severity_follows_the_findings(severity, expected):
    (issue,) = json.loads(format_gitlab(Report(findings=[_finding(severity=severity)])))
    assert issue["severity"] == expected


def test_gitlab_fingerprint_is_stable_when_the_finding_moves_to_another_line():
    (before,) = json.loads(format_gitlab(Report(findings=[_finding(line=4)])))
    (after,) = json.loads(format_gitlab(Report(findings=[_finding(line=40)])))
    assert before["fingerprint"] == after["fingerprint"]


def test_gitlab_fingerprint_differs_between_codes_files_and_identical_findings():
    report = Report(findings=[_finding(), _finding(), _finding(code="A102"), _finding(path="b.facts.toml")])
    fingerprints = [issue["fingerprint"] for issue in json.loads(format_gitlab(report))]
    assert len(set(fingerprints)) == 4


def test_gitlab_path_is_relative_to_the_gitlab_project_directory(monkeypatch, tmp_path):
    monkeypatch.setenv("CI_PROJECT_DIR", str(tmp_path))
    path = str(tmp_path / "facts" / "cases.facts.toml")
    (issue,) = json.loads(format_gitlab(Report(findings=[_finding(path=path, location=Location(path, 2, 1))])))
    assert issue["location"]["path"] == "facts/cases.facts.toml"


def test_gitlab_report_is_ascii_whatever_the_fact_files_hold():
    hostile = "£406 million \u202e\u2028 \udcff"
    text = format_gitlab(Report(findings=[_finding(message=hostile, path="\udcff.facts.toml", location=Location("\udcff.facts.toml", 1, 1))]))
    assert text.isascii()
    (issue,) = json.loads(text)
    assert issue["description"] == f"A101 {hostile}"


def test_gitlab_of_a_clean_report_is_an_empty_array():
    assert json.loads(format_gitlab(Report(findings=[]))) == []


# -- to a stream that is not UTF-8 ------------------------------------------------------------


@pytest.mark.parametrize("format_", ["junit", "html"])
def test_markup_to_a_stdout_that_is_not_utf8_is_ascii_with_character_references(tmp_path, monkeypatch, format_):
    import html.parser
    import io
    import sys

    monkeypatch.chdir(tmp_path)
    (tmp_path / "cases.facts.toml").write_text(SUM_MISMATCH.replace('value = "20,583"', 'value = "20,583"\nquote = "£ naïve ✓"'), encoding="utf-8")
    buffer = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(buffer, encoding="cp1252", newline=""))
    assert main(["check", "cases.facts.toml", "--format", format_]) == 1
    sys.stdout.flush()
    data = buffer.getvalue()
    assert data.isascii()
    if format_ == "junit":
        assert "£ naïve ✓" in etree.fromstring(data).find("testsuite/testcase/failure").text
    else:
        shown: list[str] = []
        parser = html.parser.HTMLParser(convert_charrefs=True)
        parser.handle_data = shown.append  # type: ignore[method-assign]
        parser.feed(data.decode("ascii"))
        assert "£ naïve ✓" in "".join(shown)


# -- the public formatter -------------------------------------------------------------------


@pytest.mark.parametrize("format_", factlint.FORMATS)
def test_format_report_gives_what_the_command_line_prints(tmp_path, monkeypatch, capsys, format_):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cases.facts.toml").write_text(SUM_MISMATCH, encoding="utf-8")
    assert main(["check", "cases.facts.toml", "--format", format_]) == 1
    printed = capsys.readouterr().out
    report = factlint.lint(factlint.load(["cases.facts.toml"]))
    assert factlint.format_report(report, format_, file_count=1) == printed


def test_format_report_concise_gives_one_line_per_finding():
    report = Report(findings=[_finding(), _finding(line=9)], claim_count=3)
    assert factlint.format_report(report, concise=True).splitlines() == [
        "facts/cases.facts.toml:4:9: A101 parts add up to 20,538",
        "facts/cases.facts.toml:9:9: A101 parts add up to 20,538",
        "Found 2 findings in 3 claims.",
    ]


def test_format_report_names_the_formats_when_given_an_unknown_one():
    with pytest.raises(ValueError, match="junit, gitlab"):
        factlint.format_report(Report(findings=[]), "yaml")
