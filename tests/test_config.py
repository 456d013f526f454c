"""Configuration files: each key changes the result, bad files exit 2 naming the key, the nearest file wins."""

from __future__ import annotations

import json
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from _cli import main
from _fact_files import SUM_MISMATCH

import factlint
from factlint._config import ConfigError, find_config, read_config


def _sum(total: str, *parts: int) -> str:
    """A fact file where `parts` must add up to `total` (a stated quantity)."""
    lines = [f'[[claim]]\nid = "total"\nmetric = "people"\nvalue = "{total}"\n']
    lines += [f'[[claim]]\nid = "p{index}"\nmetric = "people"\nvalue = {part}\n' for index, part in enumerate(parts)]
    names = ", ".join(f'"p{index}"' for index in range(len(parts)))
    lines.append(f'[[sum]]\ntotal = "total"\nparts = [{names}]\n')
    return "".join(lines)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cases.facts.toml").write_text(SUM_MISMATCH, encoding="utf-8")
    return tmp_path


def _check(project: Path, config: str, *options: str, facts: str | None = None, name: str = "factlint.toml") -> int:
    (project / name).write_text(config, encoding="utf-8")
    if facts is not None:
        (project / "cases.facts.toml").write_text(facts, encoding="utf-8")
    return main(["check", "--concise", *options])


# -- each key changes the result ------------------------------------------------------------


def test_select_runs_only_the_selected_rules(project):
    assert _check(project, 'select = ["T", "F"]') == 0
    assert _check(project, 'select = ["A1"]') == 1


def test_extend_select_adds_rules_to_the_selection(project):
    assert _check(project, 'select = ["T"]\nextend-select = ["A101"]') == 1


def test_ignore_drops_a_code(project):
    assert _check(project, 'ignore = ["A101"]') == 0


def test_per_file_ignores_drop_a_code_in_matching_files_only(project):
    drafts = project / "drafts"
    drafts.mkdir()
    (drafts / "draft.facts.toml").write_text(SUM_MISMATCH, encoding="utf-8")
    (project / "cases.facts.toml").unlink()
    assert _check(project, '[per-file-ignores]\n"drafts/*" = ["A101"]') == 0
    assert _check(project, '[per-file-ignores]\n"final/*" = ["A101"]') == 1


def test_per_file_ignores_glob_without_a_slash_matches_in_any_folder(project):
    nested = project / "deep" / "er"
    nested.mkdir(parents=True)
    (project / "cases.facts.toml").rename(nested / "cases.facts.toml")
    assert _check(project, '[per-file-ignores]\n"cases.facts.toml" = ["A"]') == 0


def test_per_file_ignores_globs_are_relative_to_the_configuration_folder(project, monkeypatch):
    (project / "factlint.toml").write_text('[per-file-ignores]\n"*.facts.toml" = ["A101"]', encoding="utf-8")
    elsewhere = project / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["check", str(project / "cases.facts.toml")]) == 0


def test_severity_changes_the_reported_level(project, capsys):
    assert _check(project, '[severity]\nA = "info"\nA101 = "warning"', "--format", "github") == 1
    assert capsys.readouterr().out.startswith("::warning file=cases.facts.toml,")


def test_approximate_tolerance_widens_or_narrows_about(project):
    # "about 120" is 108..132 by default (10%); 100 + 30 fits. At 1% it is 115..125.
    facts = _sum("about 120", 100, 30)
    assert _check(project, "", facts=facts) == 0
    assert _check(project, '[tolerances]\napproximate = "1/100"', facts=facts) == 1


def test_nearly_tolerance_sets_how_far_below_nearly_may_be(project):
    # "nearly 120" is [108, 120) by default; at 0.01 it is [118.8, 120).
    facts = _sum("nearly 120", 100, 10)
    assert _check(project, "", facts=facts) == 0
    assert _check(project, '[tolerances]\nnearly = "0.01"', facts=facts) == 1


def test_rounding_decides_which_end_of_a_rounded_number_is_open(project):
    # "2.4 million" rounded half-up is [2.35, 2.45) million: 2,450,000 is not in it.
    facts = _sum("2.4 million", 2_000_000, 450_000)
    assert _check(project, "", facts=facts) == 1
    assert _check(project, '[tolerances]\nrounding = "half-down"', facts=facts) == 0
    assert _check(project, '[tolerances]\nrounding = "either"', facts=facts) == 0


def test_grim_rounding_sets_the_modes_a_percentage_may_be_rounded_by(project):
    if factlint.builtin_rules().get("G101") is None:
        pytest.skip("G101 is not registered")
    # 1 of 8 is 12.5%: "12%" only if rounded half-down.
    facts = '[[claim]]\nid = "share"\nmetric = "yes"\nvalue = "12%"\nof = 8\n'
    assert _check(project, "", facts=facts) == 0
    assert _check(project, '[tolerances]\ngrim-rounding = ["half-up"]', facts=facts) == 1


def test_fiscal_year_start_sets_the_month_a_fiscal_year_starts_in(project):
    # Published in August 2024: FY2024 ends in September 2024 (US federal year), in June 2024 from July.
    facts = (
        '[[source]]\nid = "s"\npublished = 2024-08-01\n\n'
        '[[claim]]\nid = "spent"\nmetric = "spending"\nvalue = 5\nperiod = "FY2024"\nsource = "s"\n'
    )
    assert _check(project, "", facts=facts) == 1
    assert _check(project, "fiscal-year-start = 7", facts=facts) == 0


def test_a_fact_files_own_fiscal_year_start_wins_over_the_setting(project):
    # The file's figures come from accounts whose year starts in July, whatever the run's setting.
    facts = (
        "[factlint]\nfiscal_year_start = 7\n\n"
        '[[source]]\nid = "s"\npublished = 2024-08-01\n\n'
        '[[claim]]\nid = "spent"\nmetric = "spending"\nvalue = 5\nperiod = "FY2024"\nsource = "s"\n'
    )
    assert _check(project, "", facts=facts) == 0
    assert _check(project, "fiscal-year-start = 10", facts=facts) == 0
    [claim] = factlint.loads(facts, path="budget.facts.toml").claims
    assert claim.period is not None and (claim.period.first, claim.period.last) == (date(2023, 7, 1), date(2024, 6, 30))


@pytest.mark.parametrize(
    ("stated", "code", "message"),
    [
        ("13", "F002", "fiscal_year_start must be a month number from 1 to 12, not 13"),
        ('"July"', "F001", "fiscal_year_start: expected a whole number, not text ('July')"),
    ],
)
def test_a_fact_files_fiscal_year_start_that_is_not_a_month_is_reported_at_it(stated, code, message):
    text = f"[factlint]\nfiscal_year_start = {stated}\n"
    [problem] = factlint.loads(text, path="budget.facts.toml").problems
    assert (problem.code, problem.message) == (code, message)
    assert (problem.location.line, problem.location.column) == (2, 21)


def test_decimal_and_fraction_texts_are_read_exactly(tmp_path):
    config = tmp_path / "factlint.toml"
    config.write_text('[tolerances]\napproximate = "0.1"\nnearly = "1/3"', encoding="utf-8")
    tolerances = read_config(config).tolerances
    assert (tolerances.approximate, tolerances.nearly) == (Fraction(1, 10), Fraction(1, 3))


# -- bad configuration ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "named"),
    [
        ('selct = ["A"]', "selct: unknown key; did you mean select?"),
        ('select = "A"', "select: expected a list"),
        ('select = ["X999"]', "select: unknown rule code or prefix 'X999'"),
        ('extend-select = ["Q1"]', "extend-select: unknown rule code or prefix 'Q1'"),
        ('ignore = [101]', "ignore: expected a list"),
        ('per-file-ignores = ["A101"]', "per-file-ignores: expected a table"),
        ('[per-file-ignores]\n"x/*" = ["Z"]', "per-file-ignores.x/*: unknown rule code or prefix 'Z'"),
        ('[severity]\nA101 = "fatal"', "severity.A101: expected one of 'error', 'warning', 'info'"),
        ('[severity]\nX1 = "error"', "severity.X1: unknown rule code or prefix 'X1'"),
        ('[tolerances]\nhedge = "0.1"', "tolerances.hedge: unknown key"),
        ("[tolerances]\napproximate = 0.1", 'tolerances.approximate: write the number as text ("0.1")'),
        ('[tolerances]\nnearly = "ten percent"', "tolerances.nearly: expected a fraction"),
        ('[tolerances]\nnearly = "1/0"', "tolerances.nearly: expected a fraction"),
        ('[tolerances]\napproximate = "3/2"', "tolerances.approximate: expected a fraction"),
        ('[tolerances]\nrounding = "banker"', "tolerances.rounding: expected one of 'half-up', 'half-down', 'either'"),
        ("[tolerances]\ngrim-rounding = []", "tolerances.grim-rounding: expected a non-empty list"),
        ('[tolerances]\ngrim-rounding = ["up"]', "tolerances.grim-rounding: expected one of"),
        ("fiscal-year-start = 13", "fiscal-year-start: expected a month number from 1 (January) to 12 (December), not 13"),
        ('fiscal-year-start = "October"', "fiscal-year-start: expected a month number"),
        ("select = [", "not valid TOML"),
    ],
)
def test_bad_configuration_exits_2_naming_the_file_and_key(project, capsys, config, named):
    assert _check(project, config) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"factlint: error: {project / 'factlint.toml'}: {named}")
    assert err.count("\n") == 1


def test_bad_key_in_pyproject_is_named_with_its_table(project, capsys):
    assert _check(project, "[tool.factlint]\nselct = []\n", name="pyproject.toml") == 2
    assert "pyproject.toml: tool.factlint.selct: unknown key" in capsys.readouterr().err


def test_missing_config_file_named_on_the_command_line_exits_2(project, capsys):
    assert main(["check", "--config", "absent.toml"]) == 2
    assert capsys.readouterr().err == "factlint: error: absent.toml: no such configuration file\n"


def test_read_config_raises_config_error(tmp_path):
    config = tmp_path / "factlint.toml"
    config.write_text("ignore = 3", encoding="utf-8")
    with pytest.raises(ConfigError, match="ignore: expected a list"):
        read_config(config)


# -- which file is used ---------------------------------------------------------------------


def test_nearest_configuration_wins(project):
    (project / "factlint.toml").write_text('ignore = ["A101"]', encoding="utf-8")
    nested = project / "nested"
    nested.mkdir()
    (project / "cases.facts.toml").rename(nested / "cases.facts.toml")
    assert main(["check", "nested"]) == 0
    (nested / "factlint.toml").write_text('select = ["A"]', encoding="utf-8")
    assert main(["check", "nested"]) == 1


def test_factlint_toml_beats_pyproject_toml_in_the_same_folder(project):
    (project / "pyproject.toml").write_text('[tool.factlint]\nignore = ["A101"]\n', encoding="utf-8")
    assert main(["check"]) == 0
    (project / "factlint.toml").write_text('select = ["A"]', encoding="utf-8")
    assert find_config(project) == project / "factlint.toml"
    assert main(["check"]) == 1


def test_pyproject_without_a_factlint_table_is_skipped(project):
    (project / "factlint.toml").write_text('ignore = ["A101"]', encoding="utf-8")
    nested = project / "nested"
    nested.mkdir()
    (nested / "pyproject.toml").write_text('[project]\nname = "reporting"\n', encoding="utf-8")
    (project / "cases.facts.toml").rename(nested / "cases.facts.toml")
    assert find_config(nested) == project / "factlint.toml"
    assert main(["check", "nested"]) == 0


def test_config_option_names_the_file_explicitly(project):
    (project / "strict.toml").write_text('select = ["T"]', encoding="utf-8")
    assert main(["check", "--config", "strict.toml"]) == 0


def test_no_config_ignores_configuration_files(project):
    (project / "factlint.toml").write_text('ignore = ["A101"]', encoding="utf-8")
    assert main(["check", "--no-config"]) == 1


# -- the command line overrides the file ----------------------------------------------------


def test_command_line_select_replaces_the_configured_selection(project):
    assert _check(project, 'ignore = ["A101"]', "--select", "A101") == 1


def test_command_line_ignore_adds_to_the_configured_selection(project):
    assert _check(project, 'select = ["A", "F"]', "--ignore", "A") == 0


def test_command_line_extend_select_adds_to_the_configured_selection(project, capsys):
    assert _check(project, 'select = ["T"]', "--extend-select", "A", "--format", "json") == 1
    assert [finding["code"] for finding in json.loads(capsys.readouterr().out)["findings"]] == ["A101"]
