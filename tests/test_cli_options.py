"""`factlint check`'s ruff-like options: stdin, quiet and silent, settings and files shown, colour, overrides, exclusions."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from _cli import main
from _fact_files import SUM_MISMATCH

import factlint
from factlint import _cli as cli

CONSISTENT = SUM_MISMATCH.replace('"20,583"', '"20,538"')
SOURCE = '[[source]]\nid = "paper"\npublished = 2025-06-26\n'
CITING = '[[claim]]\nid = "cited"\nmetric = "cases"\nvalue = 5\nsource = "paper"\n'


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory holding one fact file with one A101 finding (line 4, column 9)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    (tmp_path / "cases.facts.toml").write_text(SUM_MISMATCH, encoding="utf-8")
    return tmp_path


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))


# -- options as ruff spells them --------------------------------------------------------------


def test_an_abbreviated_option_is_a_usage_error(project, capsys):
    assert main(["check", "--stat"]) == 2
    assert "unrecognized arguments: --stat" in capsys.readouterr().err


def test_dash_capital_v_prints_the_version(capsys):
    assert main(["-V"]) == 0
    assert capsys.readouterr().out.startswith("factlint ")


# -- standard input ---------------------------------------------------------------------------


def test_dash_checks_a_fact_file_read_from_standard_input(project, capsys, monkeypatch):
    _stdin(monkeypatch, SUM_MISMATCH)
    assert main(["check", "-", "--concise"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("-:4:9: A101 ")
    assert out.splitlines()[-1].endswith("in 3 claims in 1 file; 1 with a suggested correction.")


def test_stdin_filename_names_the_findings_and_its_folder_is_the_context(project, capsys, monkeypatch):
    story = project / "story"
    story.mkdir()
    (story / "sources.facts.toml").write_text(SOURCE, encoding="utf-8")
    (story / "claims.facts.toml").write_text(CITING.replace("paper", "nowhere"), encoding="utf-8")
    # The text on standard input replaces the file on disk, whose source is unknown (F003).
    _stdin(monkeypatch, CITING + SUM_MISMATCH.replace('"total"', '"total2"'))
    assert main(["check", "-", "--stdin-filename", "story/claims.facts.toml", "--concise"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[1].split()[0] for line in lines[:-1]] == ["A101"]
    assert lines[0].startswith("story/claims.facts.toml:9:9: A101 ")


def test_stdin_filename_alone_reads_standard_input_in_the_format_its_suffix_names(project, capsys, monkeypatch):
    document = {"claim": [{"id": "whole", "metric": "m", "value": 10}, {"id": "half", "metric": "m", "value": 50}],
                "part": [{"part": "half", "whole": "whole"}]}
    _stdin(monkeypatch, json.dumps(document))
    assert main(["check", "--stdin-filename", "new.facts.json", "--concise"]) == 1
    assert capsys.readouterr().out.startswith("new.facts.json:")


def test_standard_input_with_other_paths_is_a_usage_error(project, capsys):
    assert main(["check", "-", "cases.facts.toml"]) == 2
    assert "standard input" in capsys.readouterr().err


# -- quiet, silent ----------------------------------------------------------------------------


def test_quiet_prints_the_findings_without_the_summary(project, capsys):
    assert main(["check", "-q", "--concise"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("cases.facts.toml:4:9: A101 ")
    assert "Found" not in out and out.count("\n") == 1


def test_quiet_prints_nothing_when_all_checks_pass(project, capsys):
    (project / "cases.facts.toml").write_text(CONSISTENT, encoding="utf-8")
    assert main(["check", "--quiet"]) == 0
    assert capsys.readouterr().out == ""


def test_silent_prints_nothing_and_exits_with_the_code(project, capsys):
    assert main(["check", "-s"]) == 1
    assert capsys.readouterr() == ("", "")


def test_silent_also_keeps_plugin_warnings_to_itself(project, capsys):
    rules = factlint.RuleSet(list(factlint.builtin_rules()), warnings=["plugin x left out"])
    assert cli.main(["check", "--silent"], rules=rules) == 1
    assert capsys.readouterr() == ("", "")
    assert cli.main(["check", "--quiet"], rules=rules) == 1
    assert "plugin x left out" in capsys.readouterr().err


# -- show-settings, show-files ---------------------------------------------------------------


def test_show_settings_names_the_file_and_the_resolved_settings_without_checking(project, capsys):
    (project / "factlint.toml").write_text('ignore = ["G"]\n[tolerances]\nnearly = "0.2"\n', encoding="utf-8")
    assert main(["check", "--show-settings", "--extend-select", "G101"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"# configuration file: {project / 'factlint.toml'}"
    assert 'ignore = ["G"]' in out
    assert 'extend-select = ["G101"]' in out
    assert 'nearly = "1/5"' in out
    assert "A101" not in out


def test_show_settings_without_a_file_says_the_defaults_apply(project, capsys):
    assert main(["check", "--show-settings", "--no-config"]) == 0
    assert capsys.readouterr().out.startswith("# configuration file: none (the defaults)\n")


def test_show_files_lists_the_fact_files_without_checking(project, capsys):
    (project / "more").mkdir()
    (project / "more" / "b.facts.json").write_text("{}", encoding="utf-8")
    assert main(["check", "--show-files"]) == 0
    assert capsys.readouterr().out == "cases.facts.toml\nmore/b.facts.json\n"


# -- colour -----------------------------------------------------------------------------------


def test_color_always_colours_the_text_output(project, capsys):
    assert main(["check", "--color", "always", "--concise"]) == 1
    out = capsys.readouterr().out
    assert "\033[31m\033[1mA101\033[0m" in out
    assert out.replace("\033[1m", "").replace("\033[0m", "").replace("\033[31m", "").startswith("cases.facts.toml:4:9: A101 ")


def test_output_to_a_pipe_is_not_coloured(project, capsys):
    assert main(["check", "--concise"]) == 1
    assert "\033[" not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("environment", "coloured"),
    [({"FORCE_COLOR": "1"}, True), ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, False), ({}, False)],
)
def test_color_auto_follows_no_color_and_force_color(project, capsys, monkeypatch, environment, coloured):
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert main(["check", "--concise"]) == 1
    assert ("\033[" in capsys.readouterr().out) is coloured


def test_color_never_wins_over_force_color(project, capsys, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert main(["check", "--color", "never"]) == 1
    assert "\033[" not in capsys.readouterr().out


def test_color_auto_colours_a_terminal(monkeypatch):
    from factlint._terminal import wants_colour

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert wants_colour("auto", Terminal()) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert wants_colour("auto", Terminal()) is False


def test_an_output_file_is_not_coloured_even_when_colour_is_forced(project, capsys, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert main(["check", "--output-file", "report.txt"]) == 1
    assert "\033[" not in (project / "report.txt").read_text(encoding="utf-8")


# -- per-file-ignores and --config KEY=VALUE --------------------------------------------------


def test_per_file_ignores_on_the_command_line_ignore_codes_in_matching_files(project, capsys):
    (project / "drafts").mkdir()
    (project / "drafts" / "d.facts.toml").write_text(SUM_MISMATCH, encoding="utf-8")
    assert main(["check", "--concise", "--per-file-ignores", "drafts/*:A1,F005", "--per-file-ignores", "x:T"]) == 1
    out = capsys.readouterr().out
    assert "cases.facts.toml:4:9: A101" in out
    assert "drafts/" not in out


def test_per_file_ignores_on_the_command_line_replace_the_configured_ones(project, capsys):
    (project / "factlint.toml").write_text('per-file-ignores = { "cases.*" = ["A101"] }\n', encoding="utf-8")
    assert main(["check"]) == 0
    assert main(["check", "--per-file-ignores", "other.*:A101"]) == 1


@pytest.mark.parametrize("value", ["drafts/*", "drafts/*:", "drafts/*:X999"])
def test_a_bad_per_file_ignore_is_a_usage_error(project, capsys, value):
    assert main(["check", "--per-file-ignores", value]) == 2
    err = capsys.readouterr().err
    assert err.startswith("factlint: error: ") and err.count("\n") == 1


def test_config_key_value_overrides_the_configuration_file(project, capsys):
    (project / "factlint.toml").write_text('select = ["T"]\n', encoding="utf-8")
    assert main(["check"]) == 0
    capsys.readouterr()
    assert main(["check", "--config", 'select = ["A"]', "--show-settings"]) == 0
    assert "# --config select = [\"A\"]" in capsys.readouterr().out
    assert main(["check", "--config", 'select = ["A"]']) == 1


def test_config_key_value_sets_a_tolerance_and_keeps_the_others(project, capsys):
    (project / "factlint.toml").write_text('[tolerances]\nnearly = "0.2"\n', encoding="utf-8")
    assert main(["check", "--show-settings", "--config", 'tolerances.ratio = "0.3"']) == 0
    out = capsys.readouterr().out
    assert 'nearly = "1/5"' in out and 'ratio = "3/10"' in out


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("colour = 1", "--config: colour: unknown key"),
        ('tolerances.nearly = 0.2', "--config: tolerances.nearly: write the number as text"),
        ("select =", "neither a configuration file nor a TOML KEY = VALUE pair"),
        ("nowhere.toml", "nowhere.toml: no such configuration file"),
    ],
)
def test_a_bad_config_value_is_an_error_naming_it(project, capsys, value, message):
    assert main(["check", "--config", value]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_config_file_and_no_config_cannot_be_combined(project, capsys):
    (project / "factlint.toml").write_text("", encoding="utf-8")
    assert main(["check", "--config", "factlint.toml", "--no-config"]) == 2
    assert main(["check", "--config", 'ignore = ["A"]', "--no-config"]) == 0


# -- exclusions -------------------------------------------------------------------------------


@pytest.fixture
def tree(project: Path) -> Path:
    """The project with fact files in node_modules/, in a git-ignored folder, and in an ordinary one."""
    for folder in ("node_modules/pkg", "scratch", "story"):
        (project / folder).mkdir(parents=True)
        (project / folder / "x.facts.toml").write_text(CONSISTENT, encoding="utf-8")
    (project / ".gitignore").write_text("# drafts\nscratch/\n", encoding="utf-8")
    return project


def _shown(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    assert main(["check", "--show-files", *argv]) == 0
    return capsys.readouterr().out.splitlines()


def test_folder_search_skips_default_excludes_and_gitignored_files(tree, capsys):
    assert _shown(capsys) == ["cases.facts.toml", "story/x.facts.toml"]


def test_no_respect_gitignore_searches_ignored_files_too(tree, capsys):
    assert _shown(capsys, "--no-respect-gitignore") == ["cases.facts.toml", "scratch/x.facts.toml", "story/x.facts.toml"]
    (tree / "factlint.toml").write_text("respect-gitignore = false\n", encoding="utf-8")
    assert "scratch/x.facts.toml" in _shown(capsys)


def test_exclude_replaces_the_defaults_and_extend_exclude_adds_to_them(tree, capsys):
    (tree / "factlint.toml").write_text('exclude = ["story"]\n', encoding="utf-8")
    assert _shown(capsys) == ["cases.facts.toml", "node_modules/pkg/x.facts.toml"]
    (tree / "factlint.toml").write_text('extend-exclude = ["story/*.toml"]\n', encoding="utf-8")
    assert _shown(capsys) == ["cases.facts.toml"]
    assert _shown(capsys, "--extend-exclude", "cases.*") == []
    assert _shown(capsys, "--exclude", "cases.facts.toml") == ["node_modules/pkg/x.facts.toml"]


def test_a_file_named_explicitly_is_checked_even_when_excluded(tree, capsys):
    assert _shown(capsys, "node_modules/pkg/x.facts.toml", "scratch") == [
        "node_modules/pkg/x.facts.toml",
        "scratch/x.facts.toml",
    ]


def test_a_gitignored_sibling_is_not_context_for_a_named_file(project, capsys):
    (project / "story").mkdir()
    (project / "story" / "claims.facts.toml").write_text(CITING, encoding="utf-8")
    (project / "story" / "sources.facts.toml").write_text(SOURCE, encoding="utf-8")
    assert main(["check", "story/claims.facts.toml", "--select", "F003"]) == 0
    (project / ".gitignore").write_text("sources.facts.toml\n", encoding="utf-8")
    assert main(["check", "story/claims.facts.toml", "--select", "F003"]) == 1


@pytest.mark.parametrize("value", ['exclude = "drafts"', "respect-gitignore = 1", 'fail-level = "fatal"'])
def test_a_bad_file_selection_setting_is_an_error(project, capsys, value):
    (project / "factlint.toml").write_text(value + "\n", encoding="utf-8")
    assert main(["check"]) == 2
    assert value.split(" =")[0] in capsys.readouterr().err


# -- naming one file of a folder --------------------------------------------------------------


def test_naming_one_file_reports_only_the_findings_that_involve_it(project, capsys):
    (project / "other.facts.toml").write_text(SUM_MISMATCH.replace('"total"', '"t2"').replace('"a"', '"a2"').replace('"b"', '"b2"'), encoding="utf-8")
    (project / "named.facts.toml").write_text(CITING.replace("paper", "nowhere"), encoding="utf-8")
    assert main(["check", "named.facts.toml", "--concise"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[1] for line in lines[:-1]] == ["F003"]
    assert lines[-1] == "Found 1 finding in 1 claim in 1 file."


def test_a_finding_between_the_named_file_and_a_sibling_is_reported(project, capsys):
    (project / "parts.facts.toml").write_text("[[sum]]\ntotal = \"total\"\nparts = [\"a\", \"b\", \"c\"]\n"
                                             "[[claim]]\nid = \"c\"\nmetric = \"cases\"\nvalue = 1\n", encoding="utf-8")
    assert main(["check", "parts.facts.toml", "--concise", "--select", "A101"]) == 1
    assert "A101" in capsys.readouterr().out


def test_an_unused_suppression_names_its_file_relative_to_the_working_directory(project, capsys):
    (project / "story").mkdir()
    (project / "story" / "s.facts.toml").write_text('[factlint]\nignore = ["C101"]\n' + CONSISTENT, encoding="utf-8")
    assert main(["check", str((project / "story").absolute()), "--concise"]) == 1
    out = capsys.readouterr().out
    assert "F005 file story/s.facts.toml ignores C101" in out
    assert str(project) not in out


# -- plugin rules that fail -------------------------------------------------------------------


def _broken_rule(claim_set, context):
    raise ZeroDivisionError("division by zero\nin the plugin")
    yield  # pragma: no cover


BROKEN = factlint.Rule(code="Z901", name="broken-rule", summary="always fails", check=_broken_rule, origin="factlint-broken")


def test_a_failing_plugin_rule_is_named_on_stderr_the_others_report_and_the_run_exits_2(project, capsys):
    rules = factlint.builtin_rules().with_rules([BROKEN])
    assert cli.main(["check", "--concise"], rules=rules) == 2
    captured = capsys.readouterr()
    assert captured.err == (
        "factlint: error: rule Z901 broken-rule (from factlint-broken) failed, so its findings are missing: "
        "ZeroDivisionError: division by zero in the plugin\n"
    )
    assert "cases.facts.toml:4:9: A101" in captured.out


def test_the_library_reports_a_failing_rule_in_report_failures(project):
    claim_set = factlint.load(project / "cases.facts.toml")
    report = factlint.lint(claim_set, rules=factlint.builtin_rules().with_rules([BROKEN]))
    assert [finding.code for finding in report] == ["A101"]
    assert report.failures == (
        factlint.RuleFailure("Z901", "broken-rule", "factlint-broken", "ZeroDivisionError: division by zero in the plugin"),
    )
    assert report.exit_code == 2


def test_an_ignore_of_a_failed_rule_is_not_reported_unused(project):
    claim_set = factlint.loads('[factlint]\nignore = ["Z901"]\n' + SUM_MISMATCH, path="x.facts.toml")
    report = factlint.lint(claim_set, rules=factlint.builtin_rules().with_rules([BROKEN]))
    assert [finding.code for finding in report] == ["A101"]


def test_assert_consistent_fails_when_a_rule_failed(project):
    from factlint.testing import assert_consistent

    clean = factlint.loads(CONSISTENT)
    with pytest.raises(AssertionError, match=r"rule Z901 broken-rule .* ZeroDivisionError"):
        assert_consistent(clean, rules=factlint.builtin_rules().with_rules([BROKEN]))


def test_pytest_factlint_fails_an_item_whose_plugin_rule_failed(pytester):
    pytester.makeconftest(
        "import factlint, factlint._plugin_finder\n"
        "def _broken(claim_set, context):\n"
        "    raise ZeroDivisionError('boom')\n"
        "BROKEN = factlint.Rule(code='Z901', name='broken-rule', summary='s', check=_broken, origin='factlint-broken')\n"
        "factlint._plugin_finder.installed_rules = lambda: factlint.builtin_rules().with_rules([BROKEN])\n"
    )
    pytester.makefile(".facts.toml", clean=CONSISTENT)
    result = pytester.runpytest_subprocess("--factlint", "-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*factlint: error: rule Z901 broken-rule*ZeroDivisionError: boom*"])
    assert "Traceback" not in result.stdout.str()


# -- severity ---------------------------------------------------------------------------------


def test_a_finding_below_error_is_tagged_with_its_severity(project, capsys):
    (project / "factlint.toml").write_text('severity = { A101 = "warning" }\n', encoding="utf-8")
    assert main(["check", "--concise"]) == 1
    assert capsys.readouterr().out.startswith("cases.facts.toml:4:9: A101 [warning] parts add up")


def test_an_error_finding_carries_no_tag(project, capsys):
    assert main(["check", "--concise"]) == 1
    assert capsys.readouterr().out.startswith("cases.facts.toml:4:9: A101 parts add up")


@pytest.mark.parametrize(("level", "fail_level", "exit_code"), [
    ("warning", "error", 0), ("warning", "warning", 1), ("info", "warning", 0), ("info", "info", 1), ("error", "error", 1),
])
def test_findings_below_the_fail_level_do_not_fail_the_run(project, capsys, level, fail_level, exit_code):
    (project / "factlint.toml").write_text(f'severity = {{ A101 = "{level}" }}\nfail-level = "{fail_level}"\n', encoding="utf-8")
    assert main(["check"]) == exit_code
    assert "A101" in capsys.readouterr().out


# -- --pre-commit -----------------------------------------------------------------------------


def _git(*args: str, cwd: Path) -> None:
    import subprocess

    subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def repository(project: Path) -> Path:
    """The project as a git repository with a story whose claims cite the source of another file."""
    import shutil

    if shutil.which("git") is None:
        pytest.skip("needs git")
    (project / "story").mkdir()
    (project / "story" / "sources.facts.toml").write_text(SOURCE, encoding="utf-8")
    (project / "story" / "claims.facts.toml").write_text(CITING, encoding="utf-8")
    _git("init", "--quiet", cwd=project)
    _git("config", "user.email", "tests@factlint.invalid", cwd=project)
    _git("config", "user.name", "factlint tests", cwd=project)
    _git("add", "--all", cwd=project)
    _git("commit", "--quiet", "--message", "story", cwd=project)
    return project


def test_pre_commit_rechecks_the_folder_of_a_staged_deletion(repository, capsys):
    _git("rm", "--quiet", "story/sources.facts.toml", cwd=repository)
    assert main(["check", "--pre-commit", "--concise"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("story/claims.facts.toml:5:10: F003 ")
    assert "cases.facts.toml" not in out  # not staged, so not checked


def test_pre_commit_with_nothing_staged_checks_only_the_paths_given(repository, capsys):
    assert main(["check", "--pre-commit"]) == 0
    assert capsys.readouterr() == ("All checks passed: 0 claims in 0 files.\n", "")
    assert main(["check", "--pre-commit", "cases.facts.toml", "--concise"]) == 1


def test_pre_commit_outside_a_git_repository_is_one_line_and_exit_2(project, capsys):
    assert main(["check", "--pre-commit"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("factlint: error: --pre-commit") and err.count("\n") == 1
