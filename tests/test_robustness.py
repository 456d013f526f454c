"""Robustness: the loader and the command line turn any text, bytes or mangled example into findings within a time budget, never an exception."""

from __future__ import annotations

import contextlib
import csv
import datetime
import functools
import io
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from _cli import main
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factlint
from factlint import load, loads
from factlint._loading import load_by_folder
from factlint._model import ClaimSet

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE_FILES = sorted(
    path for path in EXAMPLES.rglob("*") if path.is_file() and path.name.endswith((".facts.toml", ".facts.json"))
)
SUFFIXES = (".facts.toml", ".facts.json", ".facts.csv")

# Numbers around the digits int() reads and writes (sys.get_int_max_str_digits(), 4300 by default).
LONGEST = "9" * 4300
TOO_LONG = "1" * 5000
# Nesting past every parser's recursion limit, a comment long enough for a quadratic scan to
# blow the time budget, and exponents whose powers of ten would take minutes to build.
TOML_TOO_DEEP = ("[" * 600, "]" * 600, "{a = " * 1000, "}" * 1000, "a = " + "[{b = " * 300, "a." * 1000 + "a = 1")
JSON_TOO_DEEP = ("[" * 5000, "]" * 5000, '{"a": ' * 3000, "}" * 3000)
LONG_COMMENT = "# " + "x" * 60_000 + "\n"
HUGE_EXPONENTS = ('"1e99999999"', '"1e-999999999"', "1e99999999", '"t(28) = 2.20, p = 1e-99999999"')

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
    "99999999999999999999999999", "true", "false", "18,159", LONGEST, TOO_LONG, f'"{TOO_LONG}"', f"{TOO_LONG}.5",
    *TOML_TOO_DEEP, LONG_COMMENT, *HUGE_EXPONENTS,
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
    "null", "true", "false", LONGEST, TOO_LONG, f'"{TOO_LONG}"', f"{TOO_LONG}.5",
    *JSON_TOO_DEEP, *HUGE_EXPONENTS[:2], "1e99999999",
)

TABLE_NAMES = ("claim", "source", "sum", "part", "ratio", "same", "check", "factlint")
FIELD_NAMES = (
    "id", "metric", "value", "unit", "per", "as_of", "period", "since", "dims", "of", "statistic", "items",
    "source", "quote", "ignore", "publisher", "title", "published", "url", "cites", "retrieved", "total", "parts",
    "complete", "part", "whole", "to", "factor", "claims", "expr", "name", "message", "infer",
)

# Each example has a budget of CPU time (of this thread, so that a busy machine does not
# count): an input that takes longer shows a hang or a superlinear algorithm. Hypothesis's own
# deadline is off, since it measures wall-clock time.
BUDGET_SECONDS = 2.0
# Twice the default count on CI (two thirds of the robustness profile of tests/conftest.py).
_loader_settings = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    max_examples=max(settings.default.max_examples, settings.get_profile("robustness").max_examples * 2 // 3),
)
# The command line costs more per example; it runs a third of the profile's count (at least 30).
_cli_settings = settings(_loader_settings, max_examples=max(30, settings.default.max_examples // 3))


def _within_budget(test: Callable[..., Any]) -> Callable[..., Any]:
    """Fail each example of a Hypothesis test that spends more than BUDGET_SECONDS of CPU time."""
    # Hypothesis runs each example through `inner_test`, which plugins may wrap.
    inner = test.hypothesis.inner_test  # type: ignore[attr-defined]

    @functools.wraps(inner)
    def timed(*args: Any, **kwargs: Any) -> None:
        start = time.thread_time()
        inner(*args, **kwargs)
        spent = time.thread_time() - start
        assert spent < BUDGET_SECONDS, f"this example took {spent:.1f} s of CPU time, over the budget of {BUDGET_SECONDS} s"

    test.hypothesis.inner_test = timed  # type: ignore[attr-defined]
    return test


def budgeted(test: Callable[..., Any]) -> Callable[..., Any]:
    """The robustness suite's settings for the loader and lint, and the per-example time budget."""
    return _loader_settings(_within_budget(test))


def cli_budgeted(test: Callable[..., Any]) -> Callable[..., Any]:
    """The robustness suite's settings for the command line, and the per-example time budget."""
    return _cli_settings(_within_budget(test))


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


# Fact files that parse, with every field drawn from readable, borderline and unreadable values,
# and relations between a handful of ids, so that the rules themselves meet odd input.
IDS = ("a", "b", "c", "s", "t")
QUANTITY_TEXTS = (
    "nearly 100", "about 1,000", "20,538", "58.2%", "100+", "more than 2,000", "between 3 and 1", "1.5 million",
    "0", "-5", "0.0", "15.70", "0.000000001%", "1e400", "99999999999999999999999", "at least 0", "fewer than 0",
    "under 1", "3 to 3", "-1 to -2", "100 percent", "1,000 or more", "½", "٣", "", " ", "nan", "about about 5",
    LONGEST, f"about {LONGEST}", f"{LONGEST} million", f"{LONGEST}.5%", f"1 to {LONGEST}", TOO_LONG, f"{TOO_LONG}.5",
)
DATE_TEXTS = (
    "late May", "late May 2025", "2025-06-26", "2023-06/2023-01", "2023-01/..", "../2023", "..", "9999-12-31",
    "0001-01-01", "0000-01-01", "December 9999", "late December 9999", "January 1", "29 February", "2024-02-30",
    "H1 2023", "Q4 9999", "first half of 2023", "so far this year", "so far in 2024", "mid 2020", "2020-13", "",
    f"H{TOO_LONG} 2020", f"Q{TOO_LONG}",
)
EXPRESSIONS = (
    "a <= b", "a + b == c", "a / 0 > 1", "a / b <= 1", "a - a == 0", "a < b < c", "a == 20,538", "a * 100% <= b",
    "a ** 2", "(((a)))", "a +", "", "a and b", "a <= b and b <= c", "zz <= a", "-a <= b", "1 / (a - a) > 0",
    "99999999999999999999 * a > a", "0.0001 * a == 0", "a <= 3%", f"a < {TOO_LONG}", "*".join("a" * 20) + " < b",
)
FACTORS = ("three times", "half", "double", "0", "-1", "1e400", "2x", "a third", "1/0", "", LONGEST, TOO_LONG)
CODES = ("A101", "A1", "F", "X999", "", "a101", "F001")


ODD_VALUES = st.one_of(
    st.text(max_size=8),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.dates(),
    st.sampled_from(IDS),
    st.lists(st.sampled_from(IDS) | st.integers(), max_size=3),
)


def mostly(typical: st.SearchStrategy[object], odd: st.SearchStrategy[object] = ODD_VALUES) -> st.SearchStrategy[object]:
    """Nine times in ten a typical value, else an odd one (of any type)."""
    return st.sampled_from([True] * 9 + [False]).flatmap(lambda usual: typical if usual else odd)


def field_values(*texts: str) -> st.SearchStrategy[object]:
    return mostly(st.sampled_from(texts))


ENTRY_FIELDS: dict[str, dict[str, st.SearchStrategy[object]]] = {
    "source": {
        "id": st.sampled_from(IDS), "publisher": st.text(max_size=5), "published": field_values(*DATE_TEXTS),
        "retrieved": field_values(*DATE_TEXTS), "cites": st.lists(st.sampled_from(IDS), max_size=3),
        "url": st.text(max_size=5),
    },
    "claim": {
        "id": st.sampled_from(IDS), "metric": st.sampled_from(["cases", "share", "x"]),
        "value": mostly(st.sampled_from(QUANTITY_TEXTS) | st.integers(-10, 10**6) | st.just(int(LONGEST))),
        "unit": st.sampled_from(["", "%", "years", "people"]),
        "per": field_values("week", "day", "year", "month", "hour", "fortnight", ""),
        "as_of": field_values(*DATE_TEXTS), "period": field_values(*DATE_TEXTS), "since": field_values(*DATE_TEXTS),
        "dims": st.dictionaries(st.sampled_from(["charge", "x"]), st.sampled_from(["AWOL", "other", ""]), max_size=2),
        "of": mostly(st.sampled_from(["43", "0", "-1", "1,000", *IDS]) | st.integers(-1, 100)),
        "statistic": field_values("mean", "median", "total", "max"),
        "items": mostly(st.integers(-1, 50)), "source": st.sampled_from(IDS), "quote": st.text(max_size=5),
        "ignore": st.lists(st.sampled_from(CODES), max_size=2),
    },
    "sum": {
        "total": st.sampled_from(IDS), "parts": st.lists(st.sampled_from(IDS), max_size=4),
        "complete": mostly(st.booleans()),
    },
    "part": {"part": st.sampled_from(IDS), "whole": st.sampled_from(IDS)},
    "ratio": {"of": st.sampled_from(IDS), "to": st.sampled_from(IDS), "factor": field_values(*FACTORS)},
    "same": {"claims": st.lists(st.sampled_from(IDS), max_size=4)},
    "check": {"expr": field_values(*EXPRESSIONS), "name": st.text(max_size=4), "message": st.text(max_size=4)},
    "factlint": {"ignore": st.lists(st.sampled_from(CODES), max_size=2), "infer": mostly(st.booleans())},
}


NINETEEN_IN_TWENTY = st.sampled_from([True] * 19 + [False])
REQUIRED = {
    "source": ["id"], "claim": ["id", "metric", "value"], "sum": ["total", "parts"], "part": ["part", "whole"],
    "ratio": ["of", "to", "factor"], "same": ["claims"], "check": ["expr"],
}
TABLE_WEIGHTS = ("claim",) * 4 + ("source",) * 2 + tuple(sorted(ENTRY_FIELDS))


@st.composite
def fact_documents(draw: st.DrawFn) -> dict[str, list[dict[str, object]]]:
    """A fact file's tables, each entry with some of its fields (usually the required ones) and now and then a stray key."""
    document: dict[str, list[dict[str, object]]] = {}
    for table in draw(st.lists(st.sampled_from(TABLE_WEIGHTS), max_size=10)):
        fields = ENTRY_FIELDS[table]
        names = draw(st.lists(st.sampled_from(sorted(fields)), max_size=6, unique=True))
        if draw(NINETEEN_IN_TWENTY):
            required = REQUIRED.get(table, [])
            names = [*required, *(name for name in names if name not in required)]
        entry = {name: draw(fields[name]) for name in names}
        if not draw(NINETEEN_IN_TWENTY):
            entry[draw(st.sampled_from(["stray", "values", "id"]))] = draw(ODD_VALUES)
        document.setdefault(table, []).append(entry)
    if "factlint" in document:
        document["factlint"] = document["factlint"][:1]
    return document


def toml_key(key: str) -> str:
    return key if key and all(char.isascii() and (char.isalnum() or char in "_-") for char in key) else json.dumps(key)


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return {"inf": "inf", "-inf": "-inf", "nan": "nan"}.get(repr(value), repr(value))
    if isinstance(value, (int, datetime.date)):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_key(key)} = {toml_value(item)}" for key, item in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False)


def as_toml(document: dict[str, list[dict[str, object]]]) -> str:
    lines = []
    for table, entries in document.items():
        for entry in entries:
            lines.append(f"[{table}]" if table == "factlint" else f"[[{table}]]")
            lines.extend(f"{toml_key(key)} = {toml_value(value)}" for key, value in entry.items())
            lines.append("")
    return "\n".join(lines)


def as_csv(claims: list[dict[str, object]], extra_columns: list[str]) -> str:
    """Claims as a CSV claim table; lists and tables are written as their TOML text, `dims` as dims.<name> columns."""
    columns = sorted({key for claim in claims for key in claim if key != "dims"})
    dims = sorted({name for claim in claims if isinstance(claim.get("dims"), dict) for name in claim["dims"]})
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*columns, *(f"dims.{name}" for name in dims), *extra_columns])
    for claim in claims:
        cells = [claim.get(key, "") for key in columns]
        breakdown = claim.get("dims") if isinstance(claim.get("dims"), dict) else {}
        cells += [breakdown.get(name, "") for name in dims] + ["x"] * len(extra_columns)
        writer.writerow([cell if isinstance(cell, str) else toml_value(cell) for cell in cells])
    return out.getvalue()


def as_json(document: dict[str, list[dict[str, object]]]) -> str:
    tables: dict[str, object] = {
        table: entries[0] if table == "factlint" else entries for table, entries in document.items()
    }
    return json.dumps(tables, indent=1, default=str)


def write(path: Path, text: str) -> None:
    """Write text as UTF-8, as it is; a lone surrogate becomes bytes that are not UTF-8."""
    path.write_bytes(text.encode("utf-8", "surrogatepass"))


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
    report = factlint.lint(claim_set)
    assert_well_formed(report, lines=line_count(text))
    assert all(finding.location is None or finding.location.path == "<string>" for finding in report)


# -- text ------------------------------------------------------------------------------------


@budgeted
@given(st.text())
def test_loads_toml_on_any_text_gives_findings_or_nothing(text: str) -> None:
    check_text(text, "toml")


@budgeted
@given(st.text())
def test_loads_json_on_any_text_gives_findings_or_nothing(text: str) -> None:
    check_text(text, "json")


@budgeted
@given(fragment_text(TOML_FRAGMENTS))
def test_loads_toml_on_fact_file_fragments_gives_findings_or_nothing(text: str) -> None:
    check_text(text, "toml")


@budgeted
@given(fragment_text(JSON_FRAGMENTS))
def test_loads_json_on_fact_file_fragments_gives_findings_or_nothing(text: str) -> None:
    check_text(text, "json")


@budgeted
@given(json_documents)
def test_loads_json_on_any_well_formed_document_gives_findings_or_nothing(text: str) -> None:
    check_text(text, "json")


@budgeted
@given(fact_documents())
def test_loads_and_lint_of_a_well_formed_toml_fact_file_with_odd_values_give_findings_or_nothing(
    document: dict[str, list[dict[str, object]]],
) -> None:
    check_text(as_toml(document), "toml")


@budgeted
@given(fact_documents())
def test_loads_and_lint_of_a_well_formed_json_fact_file_with_odd_values_give_findings_or_nothing(
    document: dict[str, list[dict[str, object]]],
) -> None:
    check_text(as_json(document), "json")


@budgeted
@given(fact_documents(), st.lists(st.sampled_from(["", "id", "dims.", "dims.x", "bogus", "value "]), max_size=2))
def test_load_of_a_csv_claim_table_beside_its_toml_file_gives_findings_or_nothing(
    document: dict[str, list[dict[str, object]]], extra_columns: list[str]
) -> None:
    claims = document.pop("claim", [])
    with tempfile.TemporaryDirectory() as folder:
        table = Path(folder) / "claims.facts.csv"
        csv_text = as_csv(claims, extra_columns)
        write(table, csv_text)
        rest = Path(folder) / "rest.facts.toml"
        write(rest, as_toml(document))
        report = factlint.lint(load(folder))
        assert_well_formed(report)
        for finding in report:
            if finding.location is not None and finding.location.path == str(table):
                assert finding.location.line <= line_count(csv_text) + 1, finding


# -- bytes in files --------------------------------------------------------------------------


@budgeted
@given(st.sampled_from(SUFFIXES), st.binary())
def test_load_on_any_bytes_gives_findings_or_nothing(suffix: str, content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"any{suffix}"
        path.write_bytes(content)
        claim_set = load(path)
        assert isinstance(claim_set, ClaimSet)
        report = factlint.lint(claim_set)
        assert_well_formed(report, lines=line_count(content.decode("utf-8", "replace")))
        assert all(finding.location is None or finding.location.path == str(path) for finding in report)


@budgeted
@given(st.lists(st.tuples(st.sampled_from(SUFFIXES), st.binary() | fragment_text(TOML_FRAGMENTS)), max_size=4))
def test_load_by_folder_on_a_folder_of_any_files_gives_findings_or_nothing(files: list[tuple[str, bytes | str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for number, (suffix, content) in enumerate(files):
            path = Path(folder) / f"file{number}{suffix}"
            if isinstance(content, str):
                write(path, content)
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


@budgeted
@given(mutated_examples())
def test_load_and_lint_of_a_mutated_example_give_findings_within_the_file(example: tuple[str, str]) -> None:
    name, text = example
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        write(path, text)
        report = factlint.lint(load(path))
        assert_well_formed(report, lines=line_count(text))
        assert all(finding.location is None or finding.location.path == str(path) for finding in report)


@budgeted
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


@cli_budgeted
@given(mutated_examples(), st.sampled_from(["text", "json", "sarif", "github"]))
def test_check_of_a_mutated_example_exits_0_1_or_2_with_parseable_output(example: tuple[str, str], format: str) -> None:
    name, text = example
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        write(path, text)
        code, output = run_check(path, "--format", format)
    assert code in (0, 1, 2)
    if format in ("json", "sarif"):
        json.loads(output)


@cli_budgeted
@given(st.sampled_from(SUFFIXES), st.binary(), st.sampled_from(["json", "sarif"]))
def test_check_of_any_bytes_prints_valid_json(suffix: str, content: bytes, format: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"any{suffix}"
        path.write_bytes(content)
        code, output = run_check(path, "--format", format)
    assert code in (0, 1)
    json.loads(output)


@cli_budgeted
@given(mutated_examples())
def test_check_statistics_of_a_mutated_example_prints_valid_json(example: tuple[str, str]) -> None:
    name, text = example
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        write(path, text)
        code, output = run_check(Path(folder), "--format", "json", "--statistics")
    assert code in (0, 1)
    json.loads(output)


# -- configuration files and deep nesting ----------------------------------------------------


@cli_budgeted
@given(fragment_text(TOML_FRAGMENTS), st.sampled_from(["pyproject.toml", "factlint.toml"]))
def test_check_under_a_parent_configuration_of_any_text_exits_0_1_or_2(text: str, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        write(Path(folder) / name, ("[tool.factlint]\n" if name == "pyproject.toml" else "") + text)
        story = Path(folder) / "story"
        story.mkdir()
        write(story / "a.facts.toml", '[[claim]]\nid = "a"\nmetric = "cases"\nvalue = 1\n')
        stdout, stderr = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = main(["check", str(story)])
    assert code in (0, 1, 2)
    if code == 2:
        assert stdout.getvalue() == "" and stderr.getvalue().count("\n") == 1


@budgeted
@given(
    st.sampled_from(["toml", "json"]),
    st.integers(101, 20_000),
    st.sampled_from(["array", "table"]),
    st.sampled_from(["value", "dims", "top"]),
)
def test_loads_of_nesting_past_the_recursion_limit_is_an_f001_where_it_gets_too_deep(
    format: str, depth: int, kind: str, where: str
) -> None:
    if format == "toml":
        opening, closing = ("[", "]") if kind == "array" else ("{a = ", "}")
        nested = opening * depth + "1" + closing * depth
        text = '[[claim]]\nid = "a"\nmetric = "m"\n' + (f"{where} = {nested}\n" if where != "top" else f"value = 1\nx = {nested}\n")
    else:
        opening, closing = ("[", "]") if kind == "array" else ('{"a": ', "}")
        nested = opening * depth + "1" + closing * depth
        text = json.dumps({"claim": [{"id": "a", "metric": "m", "value": 1}]})[:-2] + f', "{where}": {nested}}}]}}'
    report = factlint.lint(loads(text, format=format))
    assert_well_formed(report, lines=line_count(text))
    assert all(finding.code in ("F001", "F002") for finding in report)


def test_an_example_over_the_time_budget_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.modules[__name__], "BUDGET_SECONDS", -1.0)

    @budgeted
    @given(st.just(""))
    def test_nothing(text: str) -> None:
        check_text(text, "toml")

    with pytest.raises(AssertionError, match="over the budget"):
        test_nothing()


@st.composite
def commented_toml(draw: st.DrawFn) -> str:
    """A well-formed TOML fact file with comments, some very long, between its lines and after its values."""
    lines = as_toml(draw(fact_documents())).split("\n")
    comment = st.tuples(st.sampled_from([0, 10, 2_000, 20_000]), st.sampled_from(["x", "#", "key = ", " "])).map(
        lambda length_letter: "# " + length_letter[1] * (length_letter[0] // len(length_letter[1]))
    )
    for _ in range(draw(st.integers(0, 4))):
        index = draw(st.integers(0, len(lines)))
        if draw(st.booleans()) and 0 < index <= len(lines) and lines[index - 1] and not lines[index - 1].startswith("["):
            lines[index - 1] += " " + draw(comment)
        else:
            lines.insert(index, draw(comment))
    return "\n".join(lines)


@budgeted
@given(commented_toml())
def test_loads_and_lint_of_a_fact_file_with_long_comments_give_findings_within_the_budget(text: str) -> None:
    check_text(text, "toml")
