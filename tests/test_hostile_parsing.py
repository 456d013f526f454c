"""Hostile fact files: broken quotes, deep nesting, huge exponents and long comments give located findings, never a crash or a hang."""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import os
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from _cli import main
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint import Claim, ClaimSet, lint, load, loads
from factlint._config import ConfigError, find_config, read_config
from factlint._intervals import Interval
from factlint._quantities import MAX_EXPONENT, QuantityError, Tolerances, parse_quantity
from factlint._reported_tests import reported_test_quantity

CLAIM = '[[claim]]\nid = "{id}"\nmetric = "cases"\nvalue = {value}\n'


def check(*argv: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(["check", *argv])
    return code, stdout.getvalue(), stderr.getvalue()


def findings(claim_set: ClaimSet) -> list[tuple[str, int, int, str]]:
    return [
        (finding.code, finding.location.line, finding.location.column, finding.message)
        for finding in lint(claim_set)
        if finding.location is not None
    ]


# -- 3: an unclosed CSV quote ----------------------------------------------------------------


def test_an_unclosed_csv_quote_is_an_f001_at_the_quote_and_the_rows_after_it_are_checked(tmp_path: Path) -> None:
    table = tmp_path / "claims.facts.csv"
    table.write_text('id,metric,value\na,cases,5\nb,cases,"6\nc,cases,nearly lots\n', encoding="utf-8")
    found = findings(load(table))
    assert [(code, line, column) for code, line, column, _ in found] == [("F001", 3, 3), ("F002", 4, 3)]
    assert "never closed" in found[0][3]


def test_an_unclosed_quote_on_the_last_csv_line_is_an_f001_and_the_rows_before_it_load(tmp_path: Path) -> None:
    table = tmp_path / "claims.facts.csv"
    table.write_text('id,metric,value\na,cases,5\nb,cases,"6', encoding="utf-8")
    claim_set = load(table)
    assert [claim.id for claim in claim_set.claims] == ["a"]
    assert [(code, line, column) for code, line, column, _ in findings(claim_set)] == [("F001", 3, 3)]
    # The broken row's id is known to exist, so nothing else calls it unknown.
    assert "b" in claim_set.unreadable_ids


def test_an_unclosed_quote_in_the_csv_header_is_one_f001_at_the_quote(tmp_path: Path) -> None:
    table = tmp_path / "claims.facts.csv"
    table.write_text('id,metric,"value\na,cases,5\n', encoding="utf-8")
    assert [(code, line, column) for code, line, column, _ in findings(load(table))] == [("F001", 1, 3)]


def test_a_closed_multi_line_csv_cell_is_not_an_unclosed_quote(tmp_path: Path) -> None:
    table = tmp_path / "claims.facts.csv"
    table.write_text('id,metric,value,quote\na,cases,5,"two\nlines"\nb,cases,6,"say ""hi"""\n', encoding="utf-8")
    claim_set = load(table)
    assert [claim.id for claim in claim_set.claims] == ["a", "b"]
    assert findings(claim_set) == []


def test_check_of_a_csv_file_with_an_unclosed_quote_exits_1(tmp_path: Path) -> None:
    (tmp_path / "claims.facts.csv").write_text('id,metric,value\na,cases,5\nb,cases,"6\nc,cases,7\n', encoding="utf-8")
    code, output, _ = check(str(tmp_path), "--no-config", "--concise")
    assert code == 1
    assert "claims.facts.csv:3:3: F001" in output


# -- 5: silent passes ------------------------------------------------------------------------


def test_a_repeated_json_key_is_an_f001_at_the_second_key() -> None:
    text = '{"claim": [{"id": "a", "metric": "m", "value": 1}],\n "claim": [{"id": "b", "metric": "m", "value": 2}]}'
    found = findings(loads(text, format="json"))
    assert [(code, line, column) for code, line, column, _ in found] == [("F001", 2, 2)]
    assert "'claim' appears twice" in found[0][3] and "line 1, column 2" in found[0][3]


def test_a_repeated_key_inside_a_json_claim_is_an_f001_at_the_second_key() -> None:
    text = '{"claim": [{"id": "a", "metric": "m", "value": 1, "value": 2}]}'
    assert [(code, line, column) for code, line, column, _ in findings(loads(text, format="json"))] == [("F001", 1, 51)]


def test_json_keys_that_repeat_only_across_objects_are_not_reported() -> None:
    text = '{"claim": [{"id": "a", "metric": "m", "value": 1}, {"id": "b", "metric": "m", "value": 2}]}'
    assert findings(loads(text, format="json")) == []


def test_an_empty_code_in_a_claims_ignore_is_an_f002_and_silences_nothing() -> None:
    text = CLAIM.format(id="a", value='"lots and lots"') + 'ignore = ["", "A101"]\n'
    found = findings(loads(text))
    assert [(code, line, column) for code, line, column, _ in found] == [("F002", 4, 9), ("F002", 5, 11)]
    assert "empty code" in found[1][3]


def test_an_empty_code_in_a_files_ignore_is_an_f002_and_the_claims_are_still_checked() -> None:
    text = '[factlint]\nignore = [""]\n\n' + CLAIM.format(id="a", value='"lots and lots"')
    found = findings(loads(text))
    assert [(code, line) for code, line, _, _ in found] == [("F002", 2), ("F002", 7)]


def test_a_claim_built_with_an_empty_ignore_code_is_refused() -> None:
    with pytest.raises(ValueError, match="empty code"):
        Claim(id="a", metric="m", value=1, ignore=[" "])


def test_an_empty_code_in_the_configuration_ignore_is_a_configuration_error(tmp_path: Path) -> None:
    config = tmp_path / "factlint.toml"
    config.write_text('ignore = [""]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="empty code"):
        read_config(config)


def test_an_empty_configuration_select_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "factlint.toml").write_text("select = []\n", encoding="utf-8")
    (tmp_path / "a.facts.toml").write_text(CLAIM.format(id="a", value='"lots and lots"'), encoding="utf-8")
    code, output, error = check(str(tmp_path))
    assert (code, output) == (2, "")
    assert "no rule selected" in error


@pytest.mark.parametrize("selection", ["", ",", " "])
def test_an_empty_select_option_exits_2_saying_no_rule_is_selected(tmp_path: Path, selection: str) -> None:
    (tmp_path / "a.facts.toml").write_text(CLAIM.format(id="a", value='"lots and lots"'), encoding="utf-8")
    code, output, error = check(str(tmp_path), "--no-config", "--select", selection)
    assert (code, output) == (2, "")
    assert "--select: no rule selected" in error


def test_lint_with_an_empty_selection_is_an_error() -> None:
    with pytest.raises(ValueError, match="no rule selected"):
        lint(loads(CLAIM.format(id="a", value=1)), select=[])


# -- 6: deep nesting -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "column"),
    [("{a = " * 1000 + "1" + "}" * 1000, 8 + 100 * 5), ("[" * 600 + "]" * 600, 8 + 100), ("[{a = " * 300 + "1" + "}]" * 300, 8 + 100 * 3)],
    ids=["inline tables", "arrays", "both"],
)
def test_toml_nested_past_the_recursion_limit_is_an_f001_where_it_gets_too_deep(value: str, column: int) -> None:
    text = CLAIM.format(id="a", value=1) + f"dims = {value}\n\n" + CLAIM.format(id="b", value='"lots and lots"')
    found = findings(loads(text))
    assert [(code, line, column) for code, line, column, _ in found] == [("F001", 5, column), ("F002", 10, 9)]
    assert "nested more than 100 levels deep" in found[0][3]


def test_json_nested_past_the_recursion_limit_is_an_f001_where_it_gets_too_deep() -> None:
    text = '{"claim": [{"id": "a", "metric": "m", "value": 1,\n "dims": ' + "[" * 5000 + "]" * 5000 + "}]}"
    found = findings(loads(text, format="json"))
    assert [(code, line, column) for code, line, column, _ in found] == [("F001", 2, 9 + 98)]


def test_a_parent_pyproject_nested_past_the_recursion_limit_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.factlint]\nx = " + "[" * 2000 + "]" * 2000 + "\n", encoding="utf-8")
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.facts.toml").write_text(CLAIM.format(id="a", value=1), encoding="utf-8")
    assert find_config(folder) == tmp_path / "pyproject.toml"
    code, output, error = check(str(folder))
    assert (code, output) == (2, "")
    assert "nested" in error and "line 2" in error


def test_a_deeply_nested_pyproject_without_a_factlint_table_is_not_a_configuration(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.other]\nx = " + "[" * 2000 + "]" * 2000 + "\n", encoding="utf-8")
    assert find_config(tmp_path) is None


# -- 7: huge values against infinity ---------------------------------------------------------


@pytest.mark.parametrize("expression", ["a / b > 1", "a * c > 1", "a / (c - c) > 1", "c / b < a"])
def test_a_value_past_the_float_range_against_zero_or_an_open_interval_gives_findings_not_overflow(expression: str) -> None:
    huge = "1" + "0" * 400
    text = (
        CLAIM.format(id="a", value=huge)
        + CLAIM.format(id="b", value=0)
        + CLAIM.format(id="c", value='"more than 5"')
        + f'[[check]]\nexpr = "{expression}"\n'
    )
    assert all(code in ("A104", "F002") for code, _, _, _ in findings(loads(text)))


def test_an_interval_product_with_a_huge_end_and_an_open_end_stays_exact() -> None:
    huge = Fraction(10**400)
    assert Interval(Fraction(5), None, True, True) * Interval.point(huge) == Interval(5 * huge, None, True, True)
    assert Interval(None, Fraction(0), True, False) * Interval.point(-huge) == Interval(Fraction(0), None, False, True)


# -- 9: exponents ----------------------------------------------------------------------------


@pytest.mark.parametrize("factor", ['"1e10000000"', '"1e99999999"', "1e99999999"])
def test_a_ratio_factor_in_exponent_notation_is_an_f002_read_without_building_it(factor: str) -> None:
    text = CLAIM.format(id="a", value=1) + CLAIM.format(id="b", value=2) + f'[[ratio]]\nof = "a"\nto = "b"\nfactor = {factor}\n'
    assert [code for code, _, _, _ in findings(loads(text))] == ["F002"]


@pytest.mark.parametrize("written", ["1e-999999999", "1E+99999999", "0.1e" + "9" * 5000])
def test_a_tolerance_with_a_huge_exponent_is_a_configuration_error_naming_the_bound(tmp_path: Path, written: str) -> None:
    config = tmp_path / "factlint.toml"
    config.write_text(f'[tolerances]\napproximate = "{written}"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=f"beyond ±{MAX_EXPONENT:,}"):
        read_config(config)


def test_a_tolerance_at_the_exponent_bound_is_read() -> None:
    assert Tolerances(approximate=f"1e-{MAX_EXPONENT}").approximate == Fraction(1, 10**MAX_EXPONENT)


@pytest.mark.parametrize("stated", [Decimal("1e99999999"), Decimal("1e-99999999")])
def test_a_decimal_with_a_huge_exponent_is_a_quantity_error(stated: Decimal) -> None:
    with pytest.raises(QuantityError, match="too large to read"):
        parse_quantity(stated)


@pytest.mark.parametrize("p", ["1e-99999999", "1.3 × 10^-99999999", "1e-" + "9" * 5000])
def test_a_reported_p_value_with_a_huge_exponent_is_an_f002(p: str) -> None:
    text = CLAIM.format(id="a", value=f'"t(28) = 2.20, p = {p}"')
    found = findings(loads(text))
    assert [(code, line) for code, line, _, _ in found] == [("F002", 4)]
    assert "too large to read" in found[0][3]


# -- 10: long comments -----------------------------------------------------------------------


@settings(deadline=datetime.timedelta(seconds=2), max_examples=5)
@given(st.integers(40_000, 200_000), st.sampled_from(["x", "#", "ab = ", " "]))
def test_a_long_comment_in_a_table_with_a_finding_is_read_in_linear_time(length: int, letter: str) -> None:
    comment = "# " + letter * (length // len(letter)) + "x\n"
    text = CLAIM.format(id="a", value='"lots and lots"') + comment
    assert [(code, line) for code, line, _, _ in findings(loads(text))] == [("F002", 4)]


# -- 13, 14: locations -----------------------------------------------------------------------


def test_a_bracket_line_inside_a_multi_line_string_does_not_split_recovery() -> None:
    text = (
        CLAIM.format(id="a", value=1)
        + "quote = '''\n[Editor's note] the figure was revised\n'''\n\n"
        + CLAIM.format(id="b", value='"lots and lots"')
        + "\n"
        + CLAIM.format(id="c", value=2)
        + "broken = = 3\n"
    )
    found = findings(loads(text))
    assert [(code, line, column) for code, line, column, _ in found] == [("F002", 12, 9), ("F001", 18, 10)]


def test_an_unclosed_multi_line_string_is_reported_where_it_opens_and_later_tables_are_checked() -> None:
    text = CLAIM.format(id="a", value=1) + 'quote = """\nnever closed\n\n' + CLAIM.format(id="b", value='"lots and lots"')
    found = findings(loads(text))
    assert [(code, line, column) for code, line, column, _ in found] == [("F001", 5, 9), ("F002", 11, 9)]
    assert "Unterminated string" in found[0][3]


@pytest.mark.parametrize(
    ("written", "line", "column"),
    [
        ('"\\u0061\\t+ a ** 2"', 7, 21),
        ('"""\na +\n  a ** 2"""', 9, 5),
        ('"""a + \\\n   a ** 2"""', 8, 6),
        ("'a + a ** 2'", 7, 15),
        ("'''a + a ** 2'''", 7, 17),
        ('"a\\U0001F600 ** 2"', 7, 10),
    ],
    ids=["escapes", "multi-line", "line-ending backslash", "literal", "multi-line literal", "long escape"],
)
def test_a_check_expression_error_is_located_in_the_text_as_written(written: str, line: int, column: int) -> None:
    text = CLAIM.format(id="a", value=1) + f"\n[[check]]\nexpr = {written}\n"
    assert [(code, found_line, found_column) for code, found_line, found_column, _ in findings(loads(text))] == [("F002", line, column)]


def test_a_json_check_expression_error_is_located_past_its_escapes() -> None:
    text = '{"claim": [{"id": "a", "metric": "m", "value": 1}],\n"check": [{"expr": "\\u0061 + \\ud83d\\ude00 ** 2"}]}'
    found = findings(loads(text, format="json"))
    # The emoji, written as two escapes, is the character a check does not allow.
    assert [(code, line, column) for code, line, column, _ in found] == [("F002", 2, 30)]


# -- 15: line endings ------------------------------------------------------------------------


def test_json_with_lone_cr_line_endings_is_located_on_its_lines() -> None:
    text = '{"claim": [\r{"id": "a",\r "metric": "m",\r "value": "lots and lots"}\r]}'
    assert [(code, line, column) for code, line, column, _ in findings(loads(text, format="json"))] == [("F002", 4, 11)]


# -- messages --------------------------------------------------------------------------------


def test_dims_written_as_a_list_is_a_plain_f001() -> None:
    found = findings(loads(CLAIM.format(id="a", value=1) + 'dims = ["AWOL"]\n'))
    assert [(code, line, message) for code, line, _, message in found] == [
        ("F001", 5, 'dims: expected a table such as { charge = "AWOL" }, not a list')
    ]


def test_a_base_written_as_a_whole_decimal_number_is_that_number() -> None:
    claim_set = loads(CLAIM.format(id="a", value='"33%"') + "of = 3.0\n")
    assert [claim.of for claim in claim_set.claims] == [3]
    assert findings(claim_set) == []


def test_a_base_written_as_a_fraction_says_it_must_be_a_whole_number() -> None:
    found = findings(loads(CLAIM.format(id="a", value='"5%"') + "of = 3.5\n"))
    assert [(code, line, message) for code, line, _, message in found] == [
        ("F002", 5, "of must be a positive whole number (the base n) or a claim id, not 3.5")
    ]


@pytest.mark.parametrize("field", ["value", "as_of"])
def test_a_long_unreadable_text_is_echoed_by_its_start(field: str) -> None:
    text = '[[claim]]\nid = "a"\nmetric = "m"\n' + ("" if field == "value" else "value = 1\n") + f'{field} = "{"May " * 1250}"\n'
    [(code, _, _, message)] = findings(loads(text))
    assert code == "F002"
    assert "May May" in message and "…'" in message
    assert len(message) < 500


def test_loads_json_of_a_well_formed_document_is_unchanged_by_line_ending_normalisation() -> None:
    document = {"claim": [{"id": "a", "metric": "m", "value": "1,000", "quote": "two\r\nlines"}]}
    claim_set = loads(json.dumps(document).replace(", ", ",\r\n"), format="json")
    assert [claim.quote for claim in claim_set.claims] == ["two\r\nlines"]


def test_reported_test_quantity_reads_a_p_value_at_the_exponent_bound() -> None:
    quantity = reported_test_quantity(f"t(28) = 2.20, p = 1e-{MAX_EXPONENT}")
    assert quantity is not None


@pytest.mark.parametrize(
    ("name", "content", "line", "column"),
    [
        ("a.facts.toml", b'[[claim]]\nid = "a"\nmetric = "m"\nvalue = "lots and lots"\nquote = "caf\xe9"\n', 5, 13),
        ("a.facts.json", b'{"claim": [\r{"id": "a", "metric": "m",\r "quote": "\xe9t\xe9", "value": "lots and lots"}]}', 3, 12),
        ("a.facts.csv", b'id,metric,value,quote\r\na,m,lots and lots,"caf\xe9"\r\n', 2, 4),
    ],
    ids=["toml", "json", "csv"],
)
def test_invalid_utf8_is_an_f001_at_its_line_and_column_and_the_rest_is_checked(
    tmp_path: Path, name: str, content: bytes, line: int, column: int
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    found = findings(load(path))
    assert ("F001", line, column) in [(code, found_line, found_column) for code, found_line, found_column, _ in found]
    assert [code for code, _, _, _ in found if code == "F002"] == ["F002"]  # the unreadable value is still found
    assert "not UTF-8" in next(message for code, _, _, message in found if code == "F001")


def test_a_file_that_is_utf8_up_to_a_lone_surrogate_is_read_past_it(tmp_path: Path) -> None:
    path = tmp_path / "a.facts.json"
    path.write_bytes('{"claim": [{"id": "a", "metric": "m", "quote": "\ud800", "value": 1}]}'.encode("utf-8", "surrogatepass"))
    claim_set = load(path)
    assert [claim.id for claim in claim_set.claims] == ["a"]
    assert [(code, line, column) for code, line, column, _ in findings(claim_set)] == [("F001", 1, 49)]


# -- 4, 5: unreadable and unsuffixed input ---------------------------------------------------

BAD_VALUE = CLAIM.format(id="{id}", value='"lots and lots"')


def story_with_locked_folder(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A folder with a readable fact file, a file to make unreadable and a sub-folder to make unlistable."""
    story = tmp_path / "story"
    locked = story / "locked"
    locked.mkdir(parents=True)
    (story / "a.facts.toml").write_text(BAD_VALUE.format(id="a"), encoding="utf-8")
    secret = story / "secret.facts.toml"
    secret.write_text(BAD_VALUE.format(id="s"), encoding="utf-8")
    (locked / "b.facts.toml").write_text(BAD_VALUE.format(id="b"), encoding="utf-8")
    return story, locked, secret


def refuse(monkeypatch: pytest.MonkeyPatch, locked: Path, secret: Path) -> None:
    """Make `locked` unlistable and `secret` unreadable in this process, as chmod 000 does for a user who is not root."""

    def denied(path: object) -> PermissionError:
        return PermissionError(13, "Permission denied", str(path))

    real_scandir, real_listdir, real_read_bytes = os.scandir, os.listdir, Path.read_bytes

    def scandir(path: Any = ".") -> Any:
        if Path(path).absolute() == locked.absolute():
            raise denied(path)
        return real_scandir(path)

    def listdir(path: Any = ".") -> list[str]:
        if Path(path).absolute() == locked.absolute():
            raise denied(path)
        return real_listdir(path)

    def read_bytes(self: Path) -> bytes:
        if self.absolute() in (secret.absolute(), locked.absolute()):
            raise denied(self)
        return real_read_bytes(self)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "listdir", listdir)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)


def test_an_unlistable_folder_and_an_unreadable_file_are_each_an_f001_and_the_rest_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, locked, secret = story_with_locked_folder(tmp_path)
    refuse(monkeypatch, locked, secret)
    monkeypatch.chdir(tmp_path)
    code, output, error = check("story", "--no-config", "--concise")
    assert (code, error) == (1, "")
    lines = output.splitlines()
    assert "story/a.facts.toml:4:9: F002 value: cannot read 'lots and lots'" in lines[0]
    assert lines[1:3] == [
        "story/locked:1:1: F001 cannot list this folder, so its fact files are not checked: Permission denied",
        "story/secret.facts.toml:1:1: F001 cannot read this file: Permission denied",
    ]


def test_load_of_an_unreadable_file_named_alone_is_an_f001_not_an_exception(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, locked, secret = story_with_locked_folder(tmp_path)
    refuse(monkeypatch, locked, secret)
    assert [(code, line, column) for code, line, column, _ in findings(load(secret))] == [("F001", 1, 1)]
    assert [(code, line, column) for code, line, column, _ in findings(load(locked))] == [("F001", 1, 1)]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="chmod 000 does not stop root")
def test_chmod_000_folder_and_file_are_each_an_f001_and_the_rest_is_checked(tmp_path: Path) -> None:
    story, locked, secret = story_with_locked_folder(tmp_path)
    locked.chmod(0)
    secret.chmod(0)
    try:
        code, output, _ = check(str(story), "--no-config", "--concise")
    finally:
        locked.chmod(0o755)
        secret.chmod(0o644)
    assert code == 1
    assert "cannot list this folder" in output and "cannot read this file" in output and "F002" in output


def test_a_fact_file_that_links_to_nothing_is_an_f001_and_the_rest_is_checked(tmp_path: Path) -> None:
    (tmp_path / "a.facts.toml").write_text(BAD_VALUE.format(id="a"), encoding="utf-8")
    (tmp_path / "gone.facts.toml").symlink_to(tmp_path / "missing.facts.toml")
    found = findings(load(tmp_path))
    assert [(code, line) for code, line, _, _ in found] == [("F002", 4), ("F001", 1)]
    assert "symbolic link" in found[1][3]


@pytest.mark.parametrize(("name", "text"), [("facts.toml", BAD_VALUE.format(id="a")), ("claims.json", '{"claim": [{"id": "a", "metric": "m", "value": "lots and lots"}]}')])
def test_a_file_named_without_a_fact_file_suffix_is_checked_as_its_extension_says(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    code, output, _ = check(str(tmp_path / name), "--no-config", "--concise")
    assert code == 1
    assert f"{name}:" in output and "F002 value: cannot read 'lots and lots'" in output
