"""Hostile input at the command line: no file it reads is overwritten, no line or escape is injected, and no stream or internal error ends in a traceback."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from _cli import main
from _fact_files import SUM_MISMATCH

import factlint
from factlint import ClaimRef, Finding, Report, Severity, rule
from factlint import _cli as cli
from factlint._escaping import encodable, escape_json_text, printable
from factlint._model import Location
from factlint._output import FORMATS, format_github, format_report, format_text

# A line that GitHub Actions would run as a workflow command, a carriage return, a screen-clearing
# escape sequence, Unicode's line separator, NEL, a lone surrogate, an emoji and an escaped percent.
HOSTILE = "\n::error file=src/app.py,line=1::forged\r\n\x1b[2J\u2028\x85\ud800 😀 %0A"


def hostile_fact_file() -> dict[str, object]:
    """Sources that disagree (C101), a failing check (A104) and a quote: every field that reaches the output, hostile."""
    return {
        "source": [
            {"id": "k", "publisher": "Kyiv" + HOSTILE, "published": "2025-06-26"},
            {"id": "m", "publisher": "Mediazona" + HOSTILE, "published": "2025-06-26"},
        ],
        "claim": [
            {"id": "c1", "metric": "cases" + HOSTILE, "value": "20,358", "source": "k", "quote": "20,358" + HOSTILE},
            {"id": "c2", "metric": "cases" + HOSTILE, "value": "20,538", "source": "m", "quote": "20,538" + HOSTILE},
            {"id": "bad" + HOSTILE, "metric": "x", "value": 1},
        ],
        "check": [{"expr": "c2 < 5", "name": "n" + HOSTILE, "message": "m" + HOSTILE}],
    }


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with one hostile fact file, itself named with a forged workflow command."""
    monkeypatch.chdir(tmp_path)
    name = "evil\n::error file=a,line=1::forged\x1b[2J.facts.json"
    text = json.dumps(hostile_fact_file())
    (tmp_path / name).write_bytes(text.encode("utf-8"))
    return tmp_path


def run(*argv: str, env: dict[str, str] | None = None, **options: object) -> subprocess.CompletedProcess[bytes]:
    """`python -m factlint ...` in a fresh process, as a shell would run it."""
    environment = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "factlint", *argv], env=environment, check=False, **options)  # type: ignore[call-overload, no-any-return]


# -- item 2: nothing from input starts a line or an escape sequence -------------------------


GITHUB_COMMAND = re.compile(r"(error|warning|notice) (file=[^:,]*,line=\d+,col=\d+,)?title=[^:,]*")


def assert_no_injection(output: str, format_: str) -> None:
    """No line of `output` is a forged workflow command; no escape sequence, carriage return or Unicode line break."""
    assert "\x1b" not in output and "\r" not in output
    assert not any(char in output for char in "\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e")
    for line in output.split("\n"):
        if format_ == "github" and line:
            # The command and its properties end at the first "::": no property may hold one.
            assert GITHUB_COMMAND.fullmatch(line.split("::", 2)[1]), line
        else:
            assert not line.startswith("::"), line


@pytest.mark.parametrize("format_", FORMATS)
def test_hostile_publisher_check_name_message_quote_and_file_name_start_no_line_in_any_format(hostile, capsys, format_):
    assert main(["check", "--no-config", "--format", format_]) == 1
    output = capsys.readouterr().out
    assert_no_injection(output, format_)
    assert "forged" in output  # shown, as escapes, not dropped
    if format_ in ("json", "sarif"):
        json.loads(output)


@pytest.mark.parametrize("options", [[], ["--concise"], ["--statistics"]])
def test_text_output_shows_control_characters_from_input_as_escapes(hostile, capsys, options):
    main(["check", "--no-config", *options])
    output = capsys.readouterr().out
    assert_no_injection(output, "text")
    if not options or options == ["--concise"]:
        assert "evil\\n::error file=a,line=1::forged\\x1b[2J.facts.json:" in output
        assert "m\\n::error file=src/app.py,line=1::forged\\r\\n\\x1b[2J\\u2028\\x85\\ud800 😀 %0A" in output


def _finding(**changes: object) -> Finding:
    fields: dict[str, object] = {
        "code": "A101",
        "name": "sum-mismatch",
        "severity": Severity.ERROR,
        "message": "parts add up" + HOSTILE,
        "location": Location("facts/a" + HOSTILE + ".facts.toml", 4, 9),
        "explanation": ("one" + HOSTILE, "two"),
        "claims": (ClaimRef("total" + HOSTILE, Location("b.facts.toml", 1, 1), "quote" + HOSTILE),),
    }
    fields.update(changes)
    return Finding(**fields)  # type: ignore[arg-type]


def test_text_finding_keeps_its_own_layout_with_hostile_fields():
    lines = format_text(Report(findings=[_finding()], claim_count=1)).splitlines()
    assert [line[:8] for line in lines] == ["facts/a\\", "  one\\n:", "  two", "  claim ", "  rule: ", "", "Found 1 "]


@pytest.mark.parametrize("format_", FORMATS)
def test_every_format_of_a_hostile_finding_starts_no_line(format_):
    output = format_report(Report(findings=[_finding()], claim_count=1), format_)
    assert_no_injection(output, format_)
    output.encode("utf-8")  # no lone surrogate is left


def test_github_format_escapes_percent_line_breaks_colons_and_commas_in_a_file_name():
    finding = _finding(message="100% sure: a::b", explanation=(), location=Location("a::b,c%\r\n.facts.toml", 2, 3))
    assert format_github(Report(findings=[finding])) == (
        "::error file=a%3A%3Ab%2Cc%25\\r\\n.facts.toml,line=2,col=3,title=A101 sum-mismatch::100%25 sure: a::b\n"
    )


def test_github_message_keeps_its_lines_as_percent_escapes_and_the_input_s_as_backslashes():
    (line,) = format_github(Report(findings=[_finding(message="a\nb", explanation=("c",))])).splitlines()
    assert line.endswith("::a\\nb%0Ac")


def test_printable_escapes_control_characters_and_leaves_backslashes_and_emoji():
    assert printable("a\nb\rc\td\x1b[2Je\x7f\x85\u2028\u202e\ud800 😀 C:\\x") == (
        "a\\nb\\rc\\td\\x1b[2Je\\x7f\\x85\\u2028\\u202e\\ud800 😀 C:\\x"
    )


def test_json_text_escapes_unicode_line_breaks_and_lone_surrogates_but_reads_back_the_same():
    value = {"quote": "a\u2028b\x85c\ud800d"}
    text = escape_json_text(json.dumps(value, ensure_ascii=False))
    assert text == '{"quote": "a\\u2028b\\u0085c\\ud800d"}'
    assert json.loads(text) == value


def test_error_messages_show_control_characters_of_a_path_as_escapes(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["check", "no\n::error::forged"]) == 2
    assert capsys.readouterr().err == "factlint: error: no\\n::error::forged: no such file or folder\n"


def test_usage_errors_show_control_characters_of_an_argument_as_escapes(capsys):
    assert main(["check", "--format", "text\n::error::forged"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "'text\\n::error::forged'" in line


@rule("X901", "hostile-rule", summary="a summary\n::error file=x::forged\x1b[2J")
def hostile_rule(claim_set, context):
    """A page\n\x1b[2J::error file=x::forged\r\nwith two lines."""
    return []


def test_rules_and_explain_show_control_characters_of_a_rule_as_escapes(capsys):
    rules = factlint.builtin_rules().with_rules([hostile_rule])
    assert cli.main(["rules"], rules=rules) == 0
    listing = capsys.readouterr().out
    assert_no_injection(listing, "text")
    assert "a summary\\n::error file=x::forged\\x1b[2J" in listing
    assert cli.main(["explain", "X901"], rules=rules) == 0
    page = capsys.readouterr().out
    assert "\x1b" not in page and "\r" not in page
    assert "\\x1b[2J::error file=x::forged\\r" in page.splitlines()[3]


# -- item 1: the output never overwrites an input, nor becomes one --------------------------


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory holding one fact file with one A101 finding."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cases.facts.toml").write_text(SUM_MISMATCH, encoding="utf-8")
    return tmp_path


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file below `folder` (links as themselves) with its bytes and modification time."""
    return {
        str(path.relative_to(folder)): (path.read_bytes(), path.lstat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file() or path.is_symlink()
    }


@pytest.mark.parametrize("output", ["cases.facts.toml", "./cases.facts.toml", "sub/../cases.facts.toml"])
@pytest.mark.parametrize("checked", [".", "cases.facts.toml"])
def test_output_file_that_is_an_input_is_refused(project, capsys, output, checked):
    (project / "sub").mkdir()
    before = snapshot(project)
    assert main(["check", checked, "--no-config", "--output-file", output]) == 2
    assert "an input of this run" in capsys.readouterr().err
    assert snapshot(project) == before


def test_output_file_given_as_an_absolute_path_to_an_input_is_refused(project, capsys):
    before = snapshot(project)
    assert main(["check", "--no-config", "--output-file", str(project / "cases.facts.toml")]) == 2
    assert snapshot(project) == before


def test_output_file_that_is_a_symbolic_link_to_an_input_is_refused(project, capsys):
    (project / "report.txt").symlink_to("cases.facts.toml")
    before = snapshot(project)
    assert main(["check", "--no-config", "--output-file", "report.txt"]) == 2
    assert "it is an input of this run (cases.facts.toml)" in capsys.readouterr().err
    assert snapshot(project) == before


def test_output_file_that_is_a_hard_link_to_an_input_is_refused(project, capsys):
    os.link(project / "cases.facts.toml", project / "report.txt")
    before = snapshot(project)
    assert main(["check", "--no-config", "--output-file", "report.txt"]) == 2
    assert snapshot(project) == before


def test_output_file_that_is_the_configuration_file_is_refused(project, capsys):
    (project / "factlint.toml").write_text('select = ["A"]\n', encoding="utf-8")
    before = snapshot(project)
    assert main(["check", "--output-file", "factlint.toml"]) == 2
    assert "factlint.toml: it is an input of this run" in capsys.readouterr().err
    assert snapshot(project) == before


@pytest.mark.parametrize(
    ("checked", "output"),
    [
        (".", "report.facts.json"),
        (".", "nested/deeper/report.facts.toml"),
        ("cases.facts.toml", "report.facts.csv"),
        ("cases.facts.toml", ".report.facts.json"),
    ],
)
def test_output_file_that_would_be_collected_as_a_fact_file_is_refused(project, capsys, checked, output):
    before = snapshot(project)
    assert main(["check", checked, "--no-config", "--format", "json", "--output-file", output]) == 2
    assert "the next run would check it as a fact file" in capsys.readouterr().err
    assert snapshot(project) == before
    assert main(["check", checked, "--no-config", "--concise"]) == 1
    assert "in 1 file" in capsys.readouterr().out


def test_output_file_named_as_a_fact_file_in_the_working_directory_is_refused_when_no_path_is_given(project, capsys):
    (project / "reporting").mkdir()
    (project / "cases.facts.toml").rename(project / "reporting" / "cases.facts.toml")
    assert main(["check", "--no-config", "--output-file", "report.facts.json"]) == 2
    assert not (project / "report.facts.json").exists()


@pytest.mark.parametrize("output", ["report.json", "out/report.txt", ".reports/report.facts.json", "../report.facts.json"])
def test_output_file_outside_what_is_checked_is_written(project, capsys, output):
    assert main(["check", "--no-config", "--output-file", output]) == 1
    assert "A101" in (project / output).read_text(encoding="utf-8")
    assert capsys.readouterr().out == ""


def test_output_file_is_written_through_a_temporary_file_renamed_into_place(project, capsys, monkeypatch):
    (project / "report.txt").write_text("the earlier report\n", encoding="utf-8")
    renames: list[tuple[str, str]] = []
    real_replace = os.replace

    def replace(source, destination):
        renames.append((str(source), str(destination)))
        assert (project / "report.txt").read_text(encoding="utf-8") == "the earlier report\n"
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", replace)
    assert main(["check", "--no-config", "--output-file", "report.txt"]) == 1
    ((source, destination),) = renames
    assert Path(source).parent == project and Path(destination) == project / "report.txt"
    assert "A101" in (project / "report.txt").read_text(encoding="utf-8")
    assert sorted(path.name for path in project.iterdir()) == ["cases.facts.toml", "report.txt"]


def test_output_file_that_cannot_be_renamed_into_place_leaves_the_earlier_file_and_no_temporary(project, capsys, monkeypatch):
    (project / "report.txt").write_text("the earlier report\n", encoding="utf-8")

    def replace(source, destination):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", replace)
    assert main(["check", "--no-config", "--output-file", "report.txt"]) == 2
    assert capsys.readouterr().err == "factlint: error: report.txt: cannot write it: Permission denied\n"
    assert (project / "report.txt").read_text(encoding="utf-8") == "the earlier report\n"
    assert sorted(path.name for path in project.iterdir()) == ["cases.facts.toml", "report.txt"]


def test_output_file_through_a_symbolic_link_replaces_its_target_and_keeps_the_link(project, capsys):
    (project / "reports").mkdir()
    (project / "reports" / "latest.txt").write_text("old\n", encoding="utf-8")
    (project / "report.txt").symlink_to(Path("reports") / "latest.txt")
    assert main(["check", "--no-config", "--output-file", "report.txt"]) == 1
    assert (project / "report.txt").is_symlink()
    assert "A101" in (project / "reports" / "latest.txt").read_text(encoding="utf-8")


@pytest.mark.skipif(not os.path.exists("/dev/stderr"), reason="needs /dev/stderr")
def test_output_file_that_is_a_device_is_written_to_directly(surrogate):
    result = run("check", str(surrogate), "--no-config", "--output-file", "/dev/stderr", capture_output=True)
    assert (result.returncode, result.stdout) == (1, b"")
    assert b"A104" in result.stderr


@pytest.mark.parametrize("output", ["", " "])
def test_empty_output_file_is_a_usage_error(project, capsys, output):
    assert main(["check", "--output-file", output]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "argument --output-file: an empty path" in captured.err


ARTICLE = "Prosecutors opened 20,538 cases, 18,159 of them for going AWOL.\n"


@pytest.mark.parametrize("link", ["same", "symbolic", "hard"])
def test_extract_output_file_that_is_the_article_is_refused(tmp_path, monkeypatch, capsys, link):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    output = "article.txt"
    if link == "symbolic":
        (tmp_path / "draft.toml").symlink_to("article.txt")
        output = "draft.toml"
    elif link == "hard":
        os.link(tmp_path / "article.txt", tmp_path / "draft.toml")
        output = "draft.toml"
    before = snapshot(tmp_path)
    assert main(["extract", "article.txt", "-o", output]) == 2
    assert "it is an input of this run" in capsys.readouterr().err
    assert snapshot(tmp_path) == before


def test_extract_output_file_elsewhere_is_written(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", "article.txt", "--published", "2025-06-26", "-o", "draft.facts.toml"]) == 0
    assert "20,538" in (tmp_path / "draft.facts.toml").read_text(encoding="utf-8")


def test_extract_empty_output_file_is_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", "article.txt", "-o", ""]) == 2
    assert "an empty path" in capsys.readouterr().err


# -- item 8: encodings and streams ---------------------------------------------------------


LONE_SURROGATE = '{"claim": [{"id": "a", "metric": "m", "value": "5", "quote": "lone \\ud800 emoji \\ud83d\\ude00 \u00fc \u20ac"}], "check": [{"expr": "a < 1"}]}'


@pytest.fixture
def surrogate(tmp_path: Path) -> Path:
    """A fact file whose quote holds a lone surrogate, an emoji, a Latin-1 and a cp1252 character; one A104."""
    (tmp_path / "quote.facts.json").write_text(LONE_SURROGATE, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("encoding", ["ascii", "cp1252", "latin-1", "utf-8"])
@pytest.mark.parametrize("format_", FORMATS)
def test_a_lone_surrogate_and_an_emoji_are_written_to_any_stdout_encoding_in_every_format(surrogate, encoding, format_):
    result = run("check", str(surrogate), "--no-config", "--format", format_, env={"PYTHONIOENCODING": encoding}, capture_output=True)
    assert (result.returncode, result.stderr) == (1, b"")
    output = result.stdout.decode(encoding)
    assert "A104" in output
    if format_ in ("json", "sarif"):
        document = json.loads(output)
        if format_ == "json":
            assert document["findings"][0]["claims"][0]["quote"] == "lone \ud800 emoji 😀 ü €"
    if format_ == "text":
        assert "lone \\ud800 emoji" in output


def test_characters_an_encoding_lacks_are_escaped_as_json_or_as_text_escapes():
    assert encodable("ü😀€", "ascii") == "\\u00fc\\U0001f600\\u20ac"
    assert encodable("ü😀€", "ascii", json=True) == "\\u00fc\\ud83d\\ude00\\u20ac"
    assert encodable("ü😀€", "cp1252") == "ü\\U0001f600€"
    assert encodable("ü😀€", "utf-8") == "ü😀€"


def test_rules_and_extract_write_to_an_ascii_stdout(tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE.replace("AWOL", "AWOL 😀 “quoted”"), encoding="utf-8")
    ascii_ = {"PYTHONIOENCODING": "ascii"}
    for argv in (["rules"], ["rules", "--format", "json"], ["explain", "A101"], ["extract", str(tmp_path / "article.txt"), "--published", "2025-06-26"]):
        result = run(*argv, env=ascii_, capture_output=True)
        assert (result.returncode, result.stderr) == (0, b""), argv
        result.stdout.decode("ascii")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("format_", FORMATS)
def test_stdout_on_a_full_device_is_one_line_on_stderr_and_exit_2(surrogate, format_):
    with open("/dev/full", "wb") as full:
        result = run("check", str(surrogate), "--no-config", "--format", format_, stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 2
    assert result.stderr == b"factlint: error: cannot write to standard output: No space left on device\n"


@pytest.mark.skipif(sys.platform == "win32", reason="closes a POSIX file descriptor")
def test_closed_stdout_is_one_line_on_stderr_and_exit_2(surrogate):
    result = run("check", str(surrogate), "--no-config", stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1))
    assert result.returncode == 2
    assert result.stderr == b"factlint: error: cannot write to standard output: it is closed\n"


@pytest.mark.skipif(sys.platform == "win32", reason="closes a POSIX file descriptor")
def test_closed_stdout_and_stderr_exit_2_silently(surrogate):
    result = run("check", str(surrogate), "--no-config", preexec_fn=lambda: (os.close(1), os.close(2)))
    assert result.returncode == 2


def test_closed_stdout_does_not_matter_with_an_output_file(surrogate):
    result = run(
        "check", str(surrogate), "--no-config", "--output-file", str(surrogate / "report.txt"),
        stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1),
    )
    assert (result.returncode, result.stderr) == (1, b"")
    assert "lone \\ud800" in (surrogate / "report.txt").read_text(encoding="utf-8")


def test_a_closed_stdout_in_process_is_one_line_and_exit_2(surrogate, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    assert main(["check", str(surrogate), "--no-config"]) == 2
    assert capsys.readouterr().err == "factlint: error: cannot write to standard output: it is closed\n"


# -- internal errors -----------------------------------------------------------------------


@rule("X902", "broken-rule", summary="raises")
def broken_rule(claim_set, context):
    raise ZeroDivisionError("a bug\nin a rule")


BOOM = (
    "import factlint._engine as engine\n"
    "def lint(*args, **kwargs):\n"
    "    raise KeyError('a bug')\n"
    "engine.lint = lint\n"
    "import sys\n"
    "from factlint._cli import run\n"
    "sys.argv[0] = 'factlint'\n"
    "run()\n"
)


def run_broken(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """factlint with a bug in lint(), in a fresh process."""
    return subprocess.run(
        [sys.executable, "-c", BOOM, *argv], capture_output=True, text=True, env={**os.environ, **(env or {})}, check=False
    )


def test_an_internal_error_is_one_plain_line_and_exit_2(surrogate):
    result = run_broken("check", str(surrogate))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "factlint: internal error: KeyError: 'a bug' (run with --verbose for the traceback)\n"


@pytest.mark.parametrize("where", ["before", "after"])
def test_verbose_shows_the_traceback_of_an_internal_error(surrogate, where):
    argv = ["--verbose", "check", str(surrogate)] if where == "before" else ["check", str(surrogate), "--verbose"]
    result = run_broken(*argv)
    assert result.returncode == 2
    assert result.stderr.startswith("Traceback (most recent call last):\n")
    assert 'File "<string>", line 3, in lint' in result.stderr
    assert result.stderr.endswith("factlint: internal error: KeyError: 'a bug' (please report it with the traceback above)\n")


def test_the_environment_variable_shows_the_traceback_of_an_internal_error(surrogate):
    result = run_broken("check", str(surrogate), env={cli.TRACEBACK_VARIABLE: "1"})
    assert result.returncode == 2
    assert result.stderr.startswith("Traceback (most recent call last):\n")


def test_a_rule_that_raises_is_one_escaped_line_on_stderr_and_exit_2(surrogate, capsys):
    rules = factlint.builtin_rules().with_rules([broken_rule])
    assert cli.main(["check", str(surrogate), "--no-config"], rules=rules) == 2
    captured = capsys.readouterr()
    # The other rules still report; the failing one is named in one line.
    assert "A104 check cannot hold" in captured.out
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("factlint: error: rule ")
    assert captured.err.endswith("failed, so its findings are missing: ZeroDivisionError: a bug in a rule\n")


def test_without_an_internal_error_verbose_changes_nothing(surrogate, capsys):
    assert main(["check", str(surrogate), "--no-config", "--concise"]) == 1
    plain = capsys.readouterr()
    assert main(["check", str(surrogate), "--no-config", "--concise", "--verbose"]) == 1
    assert capsys.readouterr() == plain
