"""The `factlint` command line: check, rules and explain, their output and exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from _cli import main
from _fact_files import SUM_MISMATCH

import factlint
from factlint import Rule
from factlint import _cli as cli

CONSISTENT = SUM_MISMATCH.replace('"20,583"', '"20,538"')

CONSISTENT_JSON = {
    "claim": [
        {"id": "whole", "metric": "deserters", "value": 100},
        {"id": "half", "metric": "deserters", "value": 50},
    ],
    "part": [{"part": "half", "whole": "whole"}],
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory holding one fact file with one A101 finding."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cases.facts.toml").write_text(SUM_MISMATCH, encoding="utf-8")
    return tmp_path


def test_check_reports_finding_with_location_explanation_claims_and_fix(project, capsys):
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    first, *rest = out.splitlines()
    assert first == "cases.facts.toml:4:9: A101 parts add up to 20,538, but the total says 20,583"
    assert "  18,159 + 2,379 = 20,538, but the total total says 20,583: 45 more" in rest
    assert "  claim total (cases.facts.toml:1:1)" in rest
    assert "  claim a (cases.facts.toml:5:1)" in rest
    assert any(line.startswith("  fix: ") and "20,538" in line for line in rest)
    assert rest[-1] == "Found 1 finding in 3 claims in 1 file; 1 with a suggested correction."


def test_clean_files_exit_zero_with_a_summary_of_what_was_checked(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cases.facts.toml").write_text(CONSISTENT, encoding="utf-8")
    (tmp_path / "more.facts.json").write_text(json.dumps(CONSISTENT_JSON), encoding="utf-8")
    assert main(["check"]) == 0
    assert capsys.readouterr().out == "All checks passed: 5 claims in 2 files.\n"


def test_claim_quotes_are_shown_with_the_claims(project, capsys):
    text = SUM_MISMATCH.replace('value = 18159', 'value = 18159\nquote = "18,159 went AWOL"')
    (project / "cases.facts.toml").write_text(text, encoding="utf-8")
    main(["check"])
    assert '  claim a (cases.facts.toml:5:1) "18,159 went AWOL"' in capsys.readouterr().out


def test_folders_are_searched_recursively_for_fact_files(project, capsys):
    nested = project / "reporting" / "2025"
    nested.mkdir(parents=True)
    (nested / "broken.facts.toml").write_text(SUM_MISMATCH, encoding="utf-8")
    (nested / "notes.toml").write_text("not = 'a fact file'\n", encoding="utf-8")
    assert main(["check", "reporting", "--concise"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith(os.path.join("reporting", "2025", "broken.facts.toml") + ":4:9: A101 ")
    assert "in 1 file" in out


def test_absolute_paths_are_shown_relative_to_the_working_directory(project, capsys):
    main(["check", str(project / "cases.facts.toml"), "--concise"])
    assert capsys.readouterr().out.startswith("cases.facts.toml:4:9: A101 ")


def test_concise_prints_one_line_per_finding_and_the_summary(project, capsys):
    assert main(["check", "--concise"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "cases.facts.toml:4:9: A101 parts add up to 20,538, but the total says 20,583",
        "Found 1 finding in 3 claims in 1 file; 1 with a suggested correction.",
    ]


def test_statistics_counts_findings_per_code(project, capsys):
    again = SUM_MISMATCH.replace('"total"', '"total_2"').replace('"a"', '"a_2"').replace('"b"', '"b_2"')
    (project / "again.facts.toml").write_text(again, encoding="utf-8")
    assert main(["check", "--statistics", "--select", "A"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "2  A101  sum-mismatch"
    assert lines[-1].startswith("Found 2 findings")


def test_exit_zero_reports_findings_but_exits_zero(project, capsys):
    assert main(["check", "--exit-zero"]) == 0
    assert "A101" in capsys.readouterr().out


def test_output_file_receives_the_report_instead_of_stdout(project, capsys):
    assert main(["check", "--format", "json", "--output-file", "out/report.json"]) == 1
    assert capsys.readouterr().out == ""
    report = json.loads((project / "out" / "report.json").read_text(encoding="utf-8"))
    assert [finding["code"] for finding in report["findings"]] == ["A101"]


@pytest.mark.parametrize("format_", ["json", "sarif", "github"])
def test_every_format_is_available_from_the_command_line(project, capsys, format_):
    assert main(["check", "--format", format_]) == 1
    assert "A101" in capsys.readouterr().out


def test_ignore_drops_the_findings_of_a_code(project, capsys):
    assert main(["check", "--ignore", "A101"]) == 0


@pytest.mark.parametrize(("option", "exit_code"), [("--select=T,F", 0), ("--select=A1", 1), ("--select=a101", 1)])
def test_select_takes_codes_and_prefixes_comma_separated(project, capsys, option, exit_code):
    assert main(["check", option]) == exit_code


def test_extend_select_adds_to_the_selection(project, capsys):
    assert main(["check", "--select", "T", "--extend-select", "A101"]) == 1


def test_missing_path_is_one_line_on_stderr_and_exit_2(project, capsys):
    assert main(["check", "cases.facts.toml", "nowhere"]) == 2
    captured = capsys.readouterr()
    assert captured.err == "factlint: error: nowhere: no such file or folder\n"
    assert captured.out == ""


def test_unknown_option_is_a_usage_error_with_exit_2(project, capsys):
    assert main(["check", "--no-such-option"]) == 2
    err = capsys.readouterr().err
    assert err == "factlint: error: unrecognized arguments: --no-such-option (see `factlint --help`)\n"


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select"])
def test_unknown_rule_code_is_named_with_exit_2(project, capsys, option):
    assert main(["check", option, "A101,X999"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"factlint: error: {option}: unknown rule code or prefix 'X999'")
    assert err.count("\n") == 1


def test_no_fact_files_found_is_a_warning_not_an_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0
    captured = capsys.readouterr()
    assert "no fact files found" in captured.err
    assert captured.out == "All checks passed: 0 claims in 0 files.\n"


def test_a_command_is_required(capsys):
    assert main([]) == 2
    assert "required: COMMAND" in capsys.readouterr().err


def test_rules_prints_one_aligned_line_per_rule(capsys):
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(factlint.builtin_rules())
    a101 = next(line for line in lines if line.startswith("A101 "))
    assert a101.split()[:4] == ["A101", "sum-mismatch", "arithmetic", "error"]
    name_columns = {line.index(line.split()[1]) for line in lines}
    assert len(name_columns) == 1


def test_rules_as_json_gives_the_documented_keys(capsys):
    assert main(["rules", "--format", "json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert {tuple(sorted(entry)) for entry in entries} == {
        ("code", "family", "name", "origin", "severity", "summary")
    }
    a101 = next(entry for entry in entries if entry["code"] == "A101")
    assert a101["name"] == "sum-mismatch"
    assert a101["origin"] == "factlint"


RULE_PAGES = Path(__file__).resolve().parents[1] / "rules"


@pytest.mark.parametrize("code", ["A101", "a101", "sum-mismatch"])
def test_explain_prints_the_rule_page(capsys, code):
    page = RULE_PAGES / "A101.md"
    assert main(["explain", code]) == 0
    out = capsys.readouterr().out
    if page.is_file():
        assert out == page.read_text(encoding="utf-8")
    else:
        assert out.startswith("# A101 sum-mismatch")


def test_explain_falls_back_to_the_docstring_of_a_plugin_rule(capsys, monkeypatch):
    def quiet_rule(claim_set, context):
        """Flags nothing; shows how a plugin documents itself."""
        return []

    plugin = Rule(code="Z901", name="demo-rule", summary="demo", check=quiet_rule, origin="factlint-demo")
    assert cli.main(["explain", "Z901"], rules=factlint.builtin_rules().with_rules([plugin])) == 0
    assert capsys.readouterr().out == "# Z901 demo-rule\n\nFlags nothing; shows how a plugin documents itself.\n"


def test_explain_unknown_code_lists_near_matches_and_exits_2(capsys):
    assert main(["explain", "A1O1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("factlint: error: unknown rule 'A1O1'; did you mean A101")


def test_python_dash_m_and_console_script_run_the_check(project):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    module = subprocess.run(
        [sys.executable, "-m", "factlint", "check", "--concise"], capture_output=True, text=True, env=env, check=False
    )
    assert module.returncode == 1, module.stderr
    assert module.stdout.startswith("cases.facts.toml:4:9: A101 ")

    script = shutil.which("factlint", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the factlint console script is not installed next to this Python")
    console = subprocess.run([script, "check", "nowhere"], capture_output=True, text=True, env=env, check=False)
    assert (console.returncode, console.stderr) == (2, "factlint: error: nowhere: no such file or folder\n")


def test_help_does_not_import_the_loading_or_testing_dependencies():
    code = (
        "import sys\n"
        "from factlint._cli import main\n"
        "assert main(['--help']) == 0\n"
        "print(sorted(name for name in ('cattrs', 'hypothesis') if name in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "[]"
