"""Loading fact files: the model they build, and a located finding for every bad input while the rest is still checked."""

from __future__ import annotations

import datetime
import json
from fractions import Fraction

import pytest

from factlint import lint, load, loads
from factlint._model import Location, RateUnit

SUM_FILE = """\
[[source]]
id = "kyiv_independent"
publisher = "The Kyiv Independent"
published = 2025-06-26

[[claim]]
id = "cases_2025"
metric = "refusal-to-fight cases"
value = "{total}"
as_of = "late May"
since = "September 2022"
source = "kyiv_independent"
quote = "As of late May, Mediazona had documented 20,538 such cases since September 2022"

[[claim]]
id = "awol_2025"
metric = "refusal-to-fight cases"
dims = {{ charge = "AWOL" }}
value = 18159
as_of = "late May"
source = "kyiv_independent"

[[claim]]
id = "disobey_2025"
metric = "refusal-to-fight cases"
dims = {{ charge = "failure to obey" }}
value = "1,369"
source = "kyiv_independent"

[[claim]]
id = "desertion_2025"
metric = "refusal-to-fight cases"
dims = {{ charge = "desertion" }}
value = "1,010"
source = "kyiv_independent"

[[sum]]
total = "cases_2025"
parts = [
    "awol_2025",
    "disobey_2025",
    "desertion_2025",
]
"""


def line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    """The 1-based line of the n-th line containing `fragment`."""
    lines = [number for number, line in enumerate(text.splitlines(), 1) if fragment in line]
    return lines[occurrence - 1]


def codes(claim_set) -> list[str]:
    return [finding.code for finding in lint(claim_set)]


def test_transposed_total_gives_one_sum_mismatch_at_the_totals_line_with_the_arithmetic_and_a_fix():
    text = SUM_FILE.format(total="20,583")
    report = lint(loads(text, path="cases.facts.toml"))
    [finding] = report.findings
    assert finding.code == "A101"
    assert finding.location == Location("cases.facts.toml", line_of(text, 'value = "20,583"'), 9)
    assert "18,159 + 1,369 + 1,010 = 20,538, but the total cases_2025 says 20,583: 45 more" in finding.explanation
    assert finding.fix is not None and finding.fix.replacement == "20,538" and finding.fix.claim == "cases_2025"
    assert "transposed" in finding.fix.description


def test_correct_total_gives_nothing():
    assert codes(loads(SUM_FILE.format(total="20,538"))) == []


def test_year_less_date_resolves_against_the_sources_publication():
    claim = loads(SUM_FILE.format(total="20,538")).claim("cases_2025")
    assert (claim.as_of.first, claim.as_of.last) == (datetime.date(2025, 5, 21), datetime.date(2025, 5, 31))
    assert claim.since.first == datetime.date(2022, 9, 1)


def test_fields_keep_their_positions_in_inline_tables_and_multiline_arrays():
    text = SUM_FILE.format(total="20,538")
    claim_set = loads(text, path="f.facts.toml")
    awol = claim_set.claim("awol_2025")
    assert awol.location == Location("f.facts.toml", line_of(text, "[[claim]]", 2), 1)
    assert awol.location_of("dims") == Location("f.facts.toml", line_of(text, 'charge = "AWOL"'), 8)
    relation = claim_set.relations[0]
    assert relation.location_of("parts") == Location("f.facts.toml", line_of(text, "parts = ["), 9)


def test_toml_syntax_error_is_reported_at_its_line_and_later_tables_are_still_checked():
    text = """\
[[claim]]
id = "broken"
metric = "cases"
value = "20,538
[[claim]]
id = "part"
metric = "cases"
dims = { charge = "AWOL" }
value = 300
[[claim]]
id = "whole"
metric = "cases"
value = 200
"""
    report = lint(loads(text, path="x.facts.toml"))
    assert [(finding.code, finding.location.line) for finding in report] == [("F001", 4), ("A102", 9)]
    assert "syntax" in report.findings[0].message


@pytest.mark.parametrize(
    ("value_line", "code", "message"),
    [
        ("value = true", "F001", "expected a number or text"),
        ('value = "lots"', "F002", "cannot read 'lots' as a quantity"),
        ("value = [1, 2]", "F001", "not a list"),
    ],
)
def test_bad_value_is_reported_at_its_column_and_other_claims_are_still_checked(value_line, code, message):
    text = f"""\
[[claim]]
id = "bad"
metric = "cases"
{value_line}

[[claim]]
id = "total"
metric = "cases"
value = 10

[[claim]]
id = "part"
metric = "cases"
value = 20

[[part]]
part = "part"
whole = "total"
"""
    report = lint(loads(text, path="v.facts.toml"))
    assert [finding.code for finding in report] == [code, "A102"]
    first = report.findings[0]
    assert first.location == Location("v.facts.toml", 4, 9)
    assert message in first.message


def test_unknown_source_is_reported_at_the_source_field():
    text = '[[claim]]\nid = "a"\nmetric = "cases"\nvalue = 5\nsource = "nowhere"\n'
    [finding] = lint(loads(text, path="s.facts.toml"))
    assert (finding.code, finding.location) == ("F003", Location("s.facts.toml", 5, 10))
    assert "nowhere" in finding.message


def test_duplicate_claim_id_is_reported_at_the_second_one():
    text = '[[claim]]\nid = "a"\nmetric = "m"\nvalue = 5\n\n[[claim]]\nid = "a"\nmetric = "m"\nvalue = 6\n'
    [finding] = lint(loads(text, path="d.facts.toml"))
    assert (finding.code, finding.location) == ("F004", Location("d.facts.toml", 7, 6))
    assert "d.facts.toml:1:1" in finding.message


def test_unknown_month_is_reported_at_the_date_and_other_claims_are_still_checked():
    text = """\
[[claim]]
id = "a"
metric = "m"
value = 5
as_of = "Smarch 2024"

[[claim]]
id = "b"
metric = "m"
value = 6
source = "missing"
"""
    report = lint(loads(text, path="d.facts.toml"))
    assert [(f.code, f.location.line, f.location.column) for f in report] == [("F002", 5, 9), ("F003", 11, 10)]
    assert "Smarch" in report.findings[0].message


def test_code_in_a_check_expression_is_rejected_and_never_run(monkeypatch):
    import builtins

    def forbidden(*args, **kwargs):
        raise AssertionError("a fact file must never execute code")

    text = '[[claim]]\nid = "a"\nmetric = "m"\nvalue = 5\n\n[[check]]\nexpr = "__import__(\'os\')"\n'
    # cattrs generates its structuring code once per class; let it do so before the guard goes up.
    loads(text.replace("__import__('os')", "a <= 5"))
    monkeypatch.setattr(builtins, "eval", forbidden)
    monkeypatch.setattr(builtins, "exec", forbidden)
    [finding] = lint(loads(text, path="c.facts.toml"))
    assert finding.code == "F002"
    assert finding.location.line == 7
    assert finding.location.column > 8


def test_relation_naming_an_unreadable_claim_is_not_reported_twice():
    text = '[[claim]]\nid = "a"\nmetric = "m"\nvalue = "lots"\n\n[[claim]]\nid = "b"\nmetric = "m"\nvalue = 5\n\n[[part]]\npart = "a"\nwhole = "b"\n'
    assert codes(loads(text)) == ["F002"]


def test_unknown_key_is_reported_at_the_key_with_the_allowed_keys():
    text = '[[claim]]\nid = "a"\nmetric = "m"\nvalue = 5\nvalu = 6\n'
    [finding] = lint(loads(text, path="k.facts.toml"))
    assert (finding.code, finding.location) == ("F001", Location("k.facts.toml", 5, 1))
    assert "unknown key 'valu'" in finding.message and "value" in finding.message


def test_missing_required_key_is_reported_at_the_table():
    [finding] = lint(loads('\n[[claim]]\nid = "a"\nvalue = 5\n', path="m.facts.toml"))
    assert (finding.code, finding.location.line) == ("F001", 2)
    assert "metric" in finding.message


def test_unknown_table_is_reported():
    [finding] = lint(loads('[[claims]]\nid = "a"\n', path="t.facts.toml"))
    assert finding.code == "F001" and "claims" in finding.message


def test_toml_float_keeps_its_stated_decimals():
    claim = loads('[[claim]]\nid = "mean"\nmetric = "score"\nvalue = 15.70\n').claim("mean")
    assert claim.value.decimals == 2 and claim.value.nominal == Fraction(157, 10)


def test_json_fact_file_loads_the_same_model_with_positions(tmp_path):
    document = {
        "source": [{"id": "s", "published": "2024-06-04"}],
        "claim": [
            {"id": "total", "metric": "m", "value": "20,583", "source": "s", "as_of": "June 2024"},
            {"id": "a", "metric": "m", "value": 18159, "per": "week"},
            {"id": "b", "metric": "m", "value": 2379},
        ],
        "sum": [{"total": "total", "parts": ["a", "b"]}],
    }
    path = tmp_path / "x.facts.json"
    path.write_text(json.dumps(document, indent=2))
    claim_set = load(tmp_path)
    assert claim_set.claim("a").per is RateUnit.WEEK
    [finding] = lint(claim_set)
    assert finding.code == "A101"
    text = path.read_text()
    assert finding.location.line == line_of(text, '"value": "20,583"')


def test_json_syntax_error_is_located(tmp_path):
    (tmp_path / "x.facts.json").write_text('{"claim": [\n  {"id": "a",, }\n]}')
    [finding] = lint(load(tmp_path))
    assert (finding.code, finding.location.line) == ("F001", 2)


def test_folders_are_searched_for_fact_files_only(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.facts.toml").write_text('[[claim]]\nid = "a"\nmetric = "m"\nvalue = 1\n')
    (tmp_path / "notes.toml").write_text("this = 'is not a fact file'\n")
    assert [claim.id for claim in load(tmp_path)] == ["a"]


def test_missing_path_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        load(tmp_path / "absent.facts.toml")


def test_sources_in_one_file_serve_claims_in_another(tmp_path):
    (tmp_path / "sources.facts.toml").write_text('[[source]]\nid = "s"\npublished = 2025-06-26\n')
    (tmp_path / "claims.facts.toml").write_text('[[claim]]\nid = "a"\nmetric = "m"\nvalue = 1\nas_of = "late May"\nsource = "s"\n')
    claim_set = load(tmp_path)
    assert codes(claim_set) == []
    assert claim_set.claim("a").as_of.first == datetime.date(2025, 5, 21)


def test_year_less_date_without_a_published_source_says_what_to_add():
    [finding] = lint(loads('[[claim]]\nid = "a"\nmetric = "m"\nvalue = 1\nas_of = "late May"\n'))
    assert finding.code == "F002" and "published" in finding.message


def test_a_relative_date_without_a_published_source_says_what_to_add():
    [finding] = lint(loads('[[claim]]\nid = "a"\nmetric = "m"\nvalue = 1\nas_of = "last week"\n'))
    assert finding.code == "F002"
    assert finding.message.endswith("(give the date in full, or a `published` date to its source)")


def test_a_relative_date_is_read_against_every_day_of_a_published_range():
    text = '[[source]]\nid = "s"\npublished = "June 2024"\n\n[[claim]]\nid = "a"\nmetric = "m"\nvalue = 1\nas_of = "on Tuesday"\nsource = "s"\n'
    as_of = loads(text).claim("a").as_of
    assert (as_of.first, as_of.last) == (datetime.date(2024, 5, 28), datetime.date(2024, 6, 25))


def test_fiscal_years_start_in_the_month_given_to_the_loader():
    text = '[[claim]]\nid = "a"\nmetric = "m"\nvalue = 1\nperiod = "FY2024"\n'
    assert loads(text).claim("a").period.first == datetime.date(2023, 10, 1)
    assert loads(text, fiscal_year_start=7).claim("a").period.first == datetime.date(2023, 7, 1)
