"""README.md tells the truth: its commands print what it shows, and its code, fact files and configuration run."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import shutil
from pathlib import Path

import pytest
from _cli import main

from factlint import lint, loads

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")
_BLOCK = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```", re.MULTILINE | re.DOTALL)


def blocks(language: str) -> list[tuple[str, str]]:
    """(info string, body) of every fenced block in the given language."""
    return [
        (match["info"], match["body"])
        for match in _BLOCK.finditer(README)
        if match["info"].split(" ")[0] == language
    ]


def run(argv: list[str]) -> tuple[int, str]:
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        status = main(argv)
    return status, output.getvalue()


FACTLINT_COMMANDS = [
    body for _, body in blocks("console") if body.startswith("$ factlint ")
]


@pytest.mark.parametrize("session", FACTLINT_COMMANDS, ids=lambda body: body.splitlines()[0])
def test_command_prints_what_the_readme_shows(session, monkeypatch):
    monkeypatch.chdir(REPO)
    command, *shown = session.rstrip("\n").splitlines()
    status, output = run(shlex.split(command)[2:])  # drop "$ factlint"
    assert status in (0, 1)
    # A line "  ..." elides the rest of the output.
    if "  ..." in shown:
        shown = shown[: shown.index("  ...")]
        assert output.splitlines()[: len(shown)] == shown
    else:
        assert output.splitlines() == shown


def test_first_command_checks_the_examples_and_reports_their_findings(monkeypatch):
    monkeypatch.chdir(REPO)
    first = blocks("console")[0][1]
    assert "factlint check examples/" in first
    status, output = run(["check", "examples/"])
    assert status == 1
    assert "examples/seeds" not in output  # the seed articles are consistent
    assert re.search(r"^examples/broken/[\w-]+/[\w.-]+:\d+:\d+: A101 ", output, re.MULTILINE)


@pytest.mark.parametrize("index", range(len(blocks("python"))))
def test_python_snippet_runs_and_its_tests_pass(index, monkeypatch):
    monkeypatch.chdir(REPO)
    namespace: dict[str, object] = {"__name__": "readme_snippet"}
    exec(compile(blocks("python")[index][1], f"README.md python block {index + 1}", "exec"), namespace)
    for name, value in namespace.items():
        if name.startswith("test_") and callable(value):
            value()


def fact_file_blocks() -> list[tuple[frozenset[str], str]]:
    found = []
    for info, body in blocks("toml"):
        expect = re.search(r"expect=(\S+)", info)
        if expect:
            codes = frozenset() if expect[1] == "none" else frozenset(expect[1].split(","))
            found.append((codes, body))
    return found


@pytest.mark.parametrize(("expected", "text"), fact_file_blocks())
def test_fact_file_in_the_readme_gives_the_codes_it_promises(expected, text):
    assert {finding.code for finding in lint(loads(text))} == expected


def test_suppression_example_silences_c101_and_a_wrong_ignore_is_reported_unused():
    [(_, text)] = [(codes, body) for codes, body in fact_file_blocks() if 'ignore = ["C101"]' in body]
    without = re.sub(r'^ignore = .*$', "", text, flags=re.MULTILINE)
    assert [finding.code for finding in lint(loads(without))] == ["C101"]
    wrong = text.replace('ignore = ["C101"]', 'ignore = ["A101"]')
    assert sorted(finding.code for finding in lint(loads(wrong))) == ["C101", "F005"]


def test_configuration_example_is_valid_and_changes_the_result(tmp_path, monkeypatch):
    [body] = [body for _, body in blocks("toml") if body.startswith("# pyproject.toml")]
    (tmp_path / "pyproject.toml").write_text(body, encoding="utf-8")
    for example in ("g101-impossible-percentage", "g102-impossible-mean"):
        shutil.copytree(REPO / "examples" / "broken" / example, tmp_path / example)
    monkeypatch.chdir(tmp_path)
    status, output = run(["check", ".", "--concise"])
    # ignore = ["G"] silences G102, while the more specific extend-select = ["G101"] keeps G101.
    assert status == 1
    assert " G101 " in output and " G102 " not in output


def test_pre_commit_example_is_the_one_in_examples():
    [(_, body)] = blocks("yaml")
    example = (REPO / "examples" / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    for line in body.strip().splitlines():
        assert line in example


def test_plugin_entry_point_is_the_example_plugins():
    [body] = [body for _, body in blocks("toml") if "factlint.rules" in body]
    assert body.strip() in (REPO / "examples" / "plugin" / "pyproject.toml").read_text(encoding="utf-8")


def _options_of_every_command() -> list[tuple[str, str]]:
    """(command, option string) for every option of every `factlint` command, as --help lists them."""
    import argparse

    from factlint._cli import _parser

    parser = _parser()
    found = [("factlint", option) for action in parser._actions for option in action.option_strings]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, command in action.choices.items():
                found += [(name, option) for command_action in command._actions for option in command_action.option_strings]
    return [(command, option) for command, option in found if option not in ("-h", "--help")]


@pytest.mark.parametrize(("command", "option"), _options_of_every_command())
def test_every_command_line_option_is_documented(command, option):
    assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", README), f"README does not mention {command} {option}"
