"""Robustness: the loader and the command line turn any text, bytes or mangled example into findings, never an exception."""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factlint
from factlint import load, loads
from factlint.cli import main
from factlint.loading import load_by_folder
from factlint.model import ClaimSet

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE_FILES = sorted(
    path for path in EXAMPLES.rglob("*") if path.is_file() and path.name.endswith((".facts.toml", ".facts.json"))
)
SUFFIXES = (".facts.toml", ".facts.json", ".facts.csv")

TOML_FRAGMENTS = (
    "[[claim]]", "[[source]]", "[[sum]]", "[[part]]", "[[ratio]]", "[[same]]", "[[check]]", "[factlint]",
    "[claim]", "[[claim.dims]]", "[[factlint]]", "[[unknown]]",
    "id = ", "metric = ", "value = ", "unit = ", "per = ", "as_of = ", "period = ", "since = ", "of = ",
    "statistic = ", "items = ", "source = ", "quote = ", "ignore = ", "dims = ", "published = ", "retrieved = ",
    "cites = ", "total = ", "parts = ", "complete = ", "part = ", "whole = ", "to = ", "factor = ",
    "claims = ", "expr = ", "name = ", "message = ", "infer = ",
    'value = "nearly 100"', 'as_of = "late May"', 'as_of = "late May 2025"', 'period = "2023-06/2023-01"',
    'since = "September 2022"', 'id = "a"', 'id = "b"', 'metric = "cases"', 'value = "20,538"', "value = 18159",
    'unit = "%"', 'per = "week"', 'source = "s"', 'parts = ["a", "b"]', 'total = "a"', 'expr = "a <= b"',
    'expr = "a +"', 'expr = "__import__(1)"', 'factor = "three times"', 'dims = { charge = "AWOL" }',
    'ignore = ["A101"]', "published = 2025-06-26", "2025-06-26T10:00:00Z", "10:00:00",
    '"', "'", '"""', "'''", "[", "]", "{", "}", "=", ",", ".", "#", "\\", "\\u", "\\U0010FFFF",
    "\n", "\n", "\n", "\r\n", "\r", " ", "\t", "\x00", "\ufeff", "\u2028",
    '"a"', '"late May"', '"about 1,000"', '"58.2%"', '"nearly 100 a week"', '""',
    "1", "0", "-1", "1.50", "15.70", "1_000", "0x1F", "1e400", "-0.0", "nan", "inf", "-inf",
    "99999999999999999999999999", "true", "false", "18,159",
)

JSON_FRAGMENTS = (
    "{", "}", "[", "]", ":", ",", " ", "\n", "\t", '"',
    '"claim"', '"source"', '"sum"', '"part"', '"ratio"', '"same"', '"check"', '"factlint"', '"unknown"',
    '"id"', '"metric"', '"value"', '"unit"', '"per"', '"as_of"', '"period"', '"since"', '"of"', '"items"',
    '"source"', '"dims"', '"ignore"', '"published"', '"total"', '"parts"', '"part"', '"whole"', '"to"',
    '"factor"', '"claims"', '"expr"', '"infer"', '"complete"',
    '"a"', '"b"', '"nearly 100"', '"late May"', '"late May 2025"', '"2025-06-26"', '"20,538"', '"a <= b"',
    '"three times"', '"\\ud800"', '"\\u0000"', '""',
    "1", "0", "-0", "1.5", "15.70", "1e999", "-1e999", "12345678901234567890", "NaN", "Infinity", "-Infinity",
    "null", "true", "false",
)

TABLE_NAMES = ("claim", "source", "sum", "part", "ratio", "same", "check", "factlint")
FIELD_NAMES = (
    "id", "metric", "value", "unit", "per", "as_of", "period", "since", "dims", "of", "statistic", "items",
    "source", "quote", "ignore", "publisher", "title", "published", "url", "cites", "retrieved", "total", "parts",
    "complete", "part", "whole", "to", "factor", "claims", "expr", "name", "message", "infer",
)

no_deadline = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
cli_settings = settings(no_deadline, max_examples=30)


def fragment_text(fragments: tuple[str, ...]) -> st.SearchStrategy[str]:
    """Text put together from syntax fragments, with now and then a piece of arbitrary text."""
    piece = st.one_of(st.sampled_from(fragments), st.text(max_size=4))
    return st.lists(piece, max_size=60).map("".join)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["nearly 100", "late May", "late May 2025", "2025-06-26", "20,538", "a", "b", "a <= b", "A101"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(FIELD_NAMES), children, max_size=4),
    max_leaves=12,
)
entries = st.one_of(st.dictionaries(st.sampled_from(FIELD_NAMES), json_values, max_size=8), json_values)
json_documents = st.dictionaries(
    st.sampled_from(TABLE_NAMES) | st.text(max_size=6), st.lists(entries, max_size=4) | json_values, max_size=5
).map(json.dumps)


def line_count(text: str) -> int:
    return len(text.splitlines()) or 1


def assert_well_formed(report: factlint.Report, *, lines: int | None = None) -> None:
    """Every finding has a message, and a location (when it has one) inside the text it was read from."""
    assert isinstance(report, factlint.Report)
    for finding in report:
        assert isinstance(finding.message, str) and finding.message.strip(), finding
        if finding.location is not None:
            assert finding.location.line >= 1, finding
            assert finding.location.column >= 1, finding
            if lines is not None:
                assert finding.location.line <= lines + 1, (finding, lines)


def check_text(text: str, format: str) -> None:
    claim_set = loads(text, format=format)
    assert isinstance(claim_set, ClaimSet)
    assert_well_formed(factlint.lint(claim_set), lines=line_count(text))


# -- text ------------------------------------------------------------------------------------


@no_deadline
@given(st.text())
def test_loads_toml_on_any_text_gives_findings_or_nothing(text: str) -> None:
    check_text(text, "toml")


@no_deadline
@given(st.text())
def test_loads_json_on_any_text_gives_findings_or_nothing(text: str) -> None:
    check_text(text, "json")


@no_deadline
@given(fragment_text(TOML_FRAGMENTS))
def test_loads_toml_on_fact_file_fragments_gives_findings_or_nothing(text: str) -> None:
    check_text(text, "toml")


@no_deadline
@given(fragment_text(JSON_FRAGMENTS))
def test_loads_json_on_fact_file_fragments_gives_findings_or_nothing(text: str) -> None:
    check_text(text, "json")


@no_deadline
@given(json_documents)
def test_loads_json_on_any_well_formed_document_gives_findings_or_nothing(text: str) -> None:
    check_text(text, "json")


# -- bytes in files --------------------------------------------------------------------------


@no_deadline
@given(st.sampled_from(SUFFIXES), st.binary())
def test_load_on_any_bytes_gives_findings_or_nothing(suffix: str, content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"any{suffix}"
        path.write_bytes(content)
        claim_set = load(path)
        assert isinstance(claim_set, ClaimSet)
        assert_well_formed(factlint.lint(claim_set), lines=content.count(b"\n") + 1)


@no_deadline
@given(st.lists(st.tuples(st.sampled_from(SUFFIXES), st.binary() | fragment_text(TOML_FRAGMENTS)), max_size=4))
def test_load_by_folder_on_a_folder_of_any_files_gives_findings_or_nothing(files: list[tuple[str, bytes | str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for number, (suffix, content) in enumerate(files):
            path = Path(folder) / f"file{number}{suffix}"
            if isinstance(content, str):
                path.write_text(content, encoding="utf-8", newline="")
            else:
                path.write_bytes(content)
        for _, claim_set in load_by_folder(folder):
            assert_well_formed(factlint.lint(claim_set))


# -- mutated examples ------------------------------------------------------------------------


@st.composite
def mutated_examples(draw: st.DrawFn) -> tuple[str, str]:
    """(file name, text) of an example file after a few random edits."""
    path = draw(st.sampled_from(EXAMPLE_FILES))
    text = path.read_text(encoding="utf-8")
    fragments = JSON_FRAGMENTS if path.name.endswith(".json") else TOML_FRAGMENTS
    for _ in range(draw(st.integers(1, 4))):
        lines = text.splitlines(keepends=True)
        mutation = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "truncate"]))
        if mutation == "delete" and text:
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start, min(len(text), start + 200)))
            text = text[:start] + text[end:]
        elif mutation == "duplicate" and lines:
            index = draw(st.integers(0, len(lines) - 1))
            lines.insert(index, lines[index])
            text = "".join(lines)
        elif mutation == "swap" and len(lines) > 1:
            first = draw(st.integers(0, len(lines) - 1))
            second = draw(st.integers(0, len(lines) - 1))
            lines[first], lines[second] = lines[second], lines[first]
            text = "".join(lines)
        elif mutation == "insert":
            position = draw(st.integers(0, len(text)))
            inserted = draw(st.sampled_from(fragments) | st.characters() | st.text(max_size=3))
            text = text[:position] + inserted + text[position:]
        elif mutation == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
    return path.name, text


@no_deadline
@given(mutated_examples())
def test_load_and_lint_of_a_mutated_example_give_findings_within_the_file(example: tuple[str, str]) -> None:
    name, text = example
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8", newline="")
        report = factlint.lint(load(path))
        assert_well_formed(report, lines=line_count(text))
        assert all(finding.location is None or finding.location.path == str(path) for finding in report)


@no_deadline
@given(mutated_examples())
def test_loads_of_a_mutated_example_gives_findings_within_the_text(example: tuple[str, str]) -> None:
    name, text = example
    check_text(text, "json" if name.endswith(".json") else "toml")


# -- the command line ------------------------------------------------------------------------


def run_check(path: Path, *options: str) -> tuple[int, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(["check", str(path), "--no-config", *options])
    return code, stdout.getvalue()


@cli_settings
@given(mutated_examples(), st.sampled_from(["text", "json", "sarif", "github"]))
def test_check_of_a_mutated_example_exits_0_1_or_2_with_parseable_output(example: tuple[str, str], format: str) -> None:
    name, text = example
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8", newline="")
        code, output = run_check(path, "--format", format)
    assert code in (0, 1, 2)
    if format in ("json", "sarif"):
        json.loads(output)


@cli_settings
@given(st.sampled_from(SUFFIXES), st.binary(), st.sampled_from(["json", "sarif"]))
def test_check_of_any_bytes_prints_valid_json(suffix: str, content: bytes, format: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"any{suffix}"
        path.write_bytes(content)
        code, output = run_check(path, "--format", format)
    assert code in (0, 1)
    json.loads(output)


@cli_settings
@given(mutated_examples())
def test_check_statistics_of_a_mutated_example_prints_valid_json(example: tuple[str, str]) -> None:
    name, text = example
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8", newline="")
        code, output = run_check(Path(folder), "--format", "json", "--statistics")
    assert code in (0, 1)
    json.loads(output)
