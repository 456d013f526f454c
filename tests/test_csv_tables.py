"""CSV claim tables: rows load as the TOML loader's claims, with relations and sources from other files, and every bad row is located."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint import lint, load
from factlint._loading.csv_tables import parse_csv
from factlint._model import Location
from factlint._positions import Position

SOURCES = """\
[[source]]
id = "kyiv_independent"
publisher = "The Kyiv Independent"
published = 2025-06-26

[[sum]]
total = "cases_2025"
parts = ["awol_2025", "disobey_2025", "desertion_2025"]
"""

CLAIMS = """\
id,metric,value,as_of,since,source,dims.charge,quote
cases_2025,refusal-to-fight cases,"{total}",late May,September 2022,kyiv_independent,,"As of late May, Mediazona had documented
{total} such cases"
awol_2025,refusal-to-fight cases,18159,late May,September 2022,kyiv_independent,AWOL,
disobey_2025,refusal-to-fight cases,"1,369",late May,September 2022,kyiv_independent,failure to obey,
desertion_2025,refusal-to-fight cases,"1,010",late May,September 2022,kyiv_independent,desertion,
"""


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture
def facts(tmp_path: Path):  # type: ignore[no-untyped-def]
    def make(claims: str, sources: str = SOURCES) -> tuple[str, list]:  # type: ignore[type-arg]
        csv_path = write(tmp_path, "cases.facts.csv", claims)
        write(tmp_path, "sources.facts.toml", sources)
        claim_set = load(tmp_path)
        return csv_path, claim_set

    return make


def codes_and_places(claim_set) -> list[tuple[str, int, int]]:  # type: ignore[no-untyped-def]
    return [(finding.code, finding.location.line, finding.location.column) for finding in lint(claim_set)]


def test_rows_become_claims_with_the_fields_the_toml_loader_gives(facts) -> None:  # type: ignore[no-untyped-def]
    _, claim_set = facts(CLAIMS.format(total="20,538"))
    awol = claim_set.claim("awol_2025")
    assert awol is not None
    assert awol.value.nominal == 18159
    assert dict(awol.dims) == {"charge": "AWOL"}
    assert awol.since is not None and awol.as_of is not None
    # "late May" is resolved against the source's publication date, from the TOML file.
    assert awol.as_of.first.isoformat() == "2025-05-21"
    total = claim_set.claim("cases_2025")
    assert total is not None and dict(total.dims) == {}
    assert total.quote == "As of late May, Mediazona had documented\n20,538 such cases"
    assert list(lint(claim_set)) == []


def test_a_relation_in_toml_checks_claims_from_csv_and_points_at_the_row(facts) -> None:  # type: ignore[no-untyped-def]
    csv_path, claim_set = facts(CLAIMS.format(total="20,583"))
    findings = list(lint(claim_set))
    assert [finding.code for finding in findings] == ["A101"]
    # The total's row starts on line 2; its value is the third field.
    assert findings[0].location == Location(csv_path, 2, 3)


def test_line_numbers_stay_right_after_a_quoted_field_with_newlines(facts) -> None:  # type: ignore[no-untyped-def]
    csv_path, claim_set = facts(CLAIMS.format(total="20,538"))
    assert claim_set.claim("cases_2025").location == Location(csv_path, 2, 1)  # type: ignore[union-attr]
    assert claim_set.claim("awol_2025").location == Location(csv_path, 4, 1)  # type: ignore[union-attr]
    assert claim_set.claim("desertion_2025").locations["value"] == Location(csv_path, 6, 3)  # type: ignore[union-attr]


def test_column_counts_fields_and_empty_cells_are_absent_fields(facts) -> None:  # type: ignore[no-untyped-def]
    csv_path, claim_set = facts(CLAIMS.format(total="20,538"))
    awol = claim_set.claim("awol_2025")
    assert awol.locations["source"] == Location(csv_path, 4, 6)  # type: ignore[union-attr]
    assert awol.locations["dims"] == Location(csv_path, 4, 7)  # type: ignore[union-attr]
    assert "quote" not in awol.locations  # type: ignore[union-attr]
    assert awol.quote == ""  # type: ignore[union-attr]


def test_an_unreadable_value_is_reported_at_its_cell_and_the_other_rows_are_still_checked(facts) -> None:  # type: ignore[no-untyped-def]
    claims = CLAIMS.format(total="20,583").replace('"1,369"', "lots")
    _, claim_set = facts(claims)
    assert codes_and_places(claim_set) == [("F002", 5, 3)]
    assert claim_set.claim("awol_2025") is not None


def test_a_row_with_the_wrong_number_of_fields_is_reported_and_skipped(facts) -> None:  # type: ignore[no-untyped-def]
    claims = CLAIMS.format(total="20,538") + "extra_2025,refusal-to-fight cases,5\nlong_2025,x,1,,,,,,surplus\n"
    _, claim_set = facts(claims)
    assert codes_and_places(claim_set) == [("F001", 7, 4), ("F001", 8, 9)]
    assert claim_set.claim("extra_2025") is None
    assert claim_set.claim("awol_2025") is not None


def test_a_relation_naming_a_skipped_row_is_not_reported_again(facts) -> None:  # type: ignore[no-untyped-def]
    claims = CLAIMS.format(total="20,538").replace(
        "desertion_2025,refusal-to-fight cases,\"1,010\",late May,", "desertion_2025,refusal-to-fight cases,\"1,010\","
    )
    _, claim_set = facts(claims)
    assert [code for code, _, _ in codes_and_places(claim_set)] == ["F001"]


def test_an_unknown_column_is_reported_in_the_header_and_ignored(facts) -> None:  # type: ignore[no-untyped-def]
    claims = CLAIMS.format(total="20,538").replace("dims.charge,quote", "dims.charge,quote,colour", 1)
    claims = claims.replace("AWOL,\n", "AWOL,,red\n")
    _, claim_set = facts(claims)
    findings = list(lint(claim_set))
    first = findings[0]
    assert (first.code, first.location.line, first.location.column) == ("F001", 1, 9)
    assert "unknown column 'colour'" in first.message


def test_a_header_without_the_required_columns_is_one_finding(tmp_path: Path) -> None:
    path = write(tmp_path, "cases.facts.csv", "id,metric\na,cases\nb,cases\n")
    claim_set = load(path)
    findings = list(lint(claim_set))
    assert [(finding.code, finding.location) for finding in findings] == [("F001", Location(path, 1, 1))]
    assert "'value'" in findings[0].message


def test_items_is_a_whole_number_and_ignore_splits_on_spaces_and_commas(tmp_path: Path) -> None:
    text = "id,metric,value,statistic,of,items,ignore\nmean_score,score,3.5,mean,20,5,\"G102, C101 F005\"\n"
    claim_set = load(write(tmp_path, "survey.facts.csv", text))
    claim = claim_set.claim("mean_score")
    assert claim is not None
    assert claim.items == 5 and claim.of == 20
    assert claim.ignore == ("G102", "C101", "F005")


def test_items_that_is_not_a_number_is_located(tmp_path: Path) -> None:
    path = write(tmp_path, "survey.facts.csv", "id,metric,value,statistic,of,items\nmean_score,score,3.5,mean,20,five\n")
    findings = list(lint(load(path)))
    assert [(finding.code, finding.location) for finding in findings] == [("F001", Location(path, 2, 6))]
    assert "whole number" in findings[0].message


def test_an_empty_file_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.facts.csv", "")
    assert [finding.code for finding in lint(load(path))] == ["F001"]


def test_blank_lines_and_crlf_line_ends_keep_the_line_numbers(tmp_path: Path) -> None:
    text = "id,metric,value\r\n\r\na,cases,1\r\nb,cases,\"2\r\n\"\r\n\r\nc,cases,oops\r\n"
    path = write(tmp_path, "cases.facts.csv", text)
    claim_set = load(path)
    assert claim_set.claim("a").location == Location(path, 3, 1)  # type: ignore[union-attr]
    assert [(finding.code, finding.location) for finding in lint(claim_set)] == [("F002", Location(path, 7, 3))]


def test_the_source_map_gives_rows_fields_and_header_keys() -> None:
    document = parse_csv("id,metric,value,dims.region\na,cases,1,\nb,cases,2,Kursk\n", "t.facts.csv")
    source_map = document.source_map
    assert source_map is not None
    assert source_map.value(("claim", 1)) == Position(3, 1)
    assert source_map.value(("claim", 1, "dims", "region")) == Position(3, 4)
    assert source_map.value(("claim", 0, "dims")) is None
    assert source_map.key(("claim", 0, "value")) == Position(1, 3)
    assert source_map.raw(("claim", 0, "value")) == "1"
    assert source_map.value(("claim", 5)) is None
    assert source_map.value(("source", 0)) is None
