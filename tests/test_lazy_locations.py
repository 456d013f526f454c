"""Positions are found only when a finding needs them, and a lazy location behaves exactly as the Location it stands for."""

from __future__ import annotations

import copy
import json
import pickle

import attrs
import pytest
from _fact_files import SUM_MISMATCH

import factlint
from factlint import Location
from factlint._loading.locations import LazyLocation
from factlint._positions import SourceMap

CONSISTENT = SUM_MISMATCH.replace('"20,583"', '"20,538"')


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    """Every path a source map is asked for."""
    asked: list[tuple[object, ...]] = []
    for method in ("value", "key", "raw"):
        original = getattr(SourceMap, method)

        def spy(self: SourceMap, path: tuple[object, ...], _original=original) -> object:
            asked.append(tuple(path))
            return _original(self, path)

        monkeypatch.setattr(SourceMap, method, spy)
    return asked


@pytest.mark.parametrize("form", ["toml", "json"])
def test_a_clean_file_is_loaded_and_checked_without_finding_a_position(form: str, questions: list[tuple[object, ...]]) -> None:
    text = CONSISTENT if form == "toml" else json.dumps(
        {"claim": [{"id": "whole", "metric": "n", "value": 100}, {"id": "half", "metric": "n", "value": 50}],
         "part": [{"part": "half", "whole": "whole"}]}
    )  # fmt: skip
    report = factlint.lint(factlint.loads(text, path="cases", format=form))
    assert list(report) == []
    assert questions == []


def test_a_finding_finds_the_positions_of_its_own_claims_only(questions: list[tuple[object, ...]]) -> None:
    report = factlint.lint(factlint.loads(SUM_MISMATCH, path="cases.facts.toml"))
    [finding] = list(report)
    assert finding.code == "A101"
    assert questions, "the finding's positions were looked up"
    assert all(path[0] in ("claim", "sum") for path in questions)
    assert str(finding.location) == "cases.facts.toml:4:9"


def _lazy(text: str = SUM_MISMATCH) -> Location:
    claim = next(iter(factlint.loads(text, path="cases.facts.toml").claims))
    assert isinstance(claim.location, LazyLocation)
    return claim.location


def test_a_lazy_location_equals_hashes_and_sorts_as_its_location() -> None:
    plain = Location("cases.facts.toml", 1, 1)
    lazy = _lazy()
    assert lazy == plain and plain == lazy
    assert (lazy != plain) is False and (plain != lazy) is False
    assert hash(lazy) == hash(plain)
    assert {lazy: "found"}[plain] == "found"
    later = Location("cases.facts.toml", 2, 1)
    assert lazy < later and later > lazy and lazy <= plain and plain >= lazy
    assert sorted([later, lazy]) == [plain, later]
    assert lazy != Location("cases.facts.toml", 1, 2)
    assert repr(lazy) == repr(plain) and str(lazy) == "cases.facts.toml:1:1"


def test_a_lazy_location_pickles_copies_and_evolves_as_the_location_it_stands_for() -> None:
    for twin in (pickle.loads(pickle.dumps(_lazy())), copy.copy(_lazy()), copy.deepcopy(_lazy())):
        assert isinstance(twin, Location)
        assert twin == Location("cases.facts.toml", 1, 1)
        assert (twin.line, twin.column) == (1, 1)
    lazy = _lazy()
    assert lazy.line == 1
    assert type(pickle.loads(pickle.dumps(lazy))) is Location  # found already: stored as found
    moved = attrs.evolve(lazy, column=5)
    assert moved == Location("cases.facts.toml", 1, 5)
    assert attrs.asdict(lazy) == {"path": "cases.facts.toml", "line": 1, "column": 1}


JSON_DOCUMENT = """\
{
  "factlint": {"ignore": ["A101"], "infer": false},
  "source": [],
  "claim": [
    {"id": "a", "metric": "n", "value": "1,000", "dims": {"region": "north", "charge": "AWOL"}},
    7,
    {"id": "b", "metric": "n", "value": 12.50, "ignore": ["T101", "F005"]}
  ],
  "note": "a scalar at the top",
  "sum": [
    {"total": "c",
     "parts": ["a", "b"]}
  ]
}
"""


@pytest.mark.parametrize("text", [JSON_DOCUMENT, "\ufeff" + JSON_DOCUMENT, '[{"id": "a"}]', '{"claim": [[1, [2]], {"x": {"y": 1}}]}'])
def test_json_positions_found_entry_by_entry_are_those_of_a_whole_scan(text: str) -> None:
    from factlint._positions import json_source_map

    reference = _WholeScan(text)
    paths = [*reference.paths(), ("claim", 9), ("nothing",), ("claim", 0, "missing"), (3,)]
    assert len(paths) > 6
    shared = json_source_map(text)
    for path in paths:
        # A fresh map for each path too: the first question decides how much is scanned.
        for source_map in (json_source_map(text), shared):
            assert (source_map.value(path), source_map.key(path), source_map.raw(path)) == (
                reference.value(path), reference.key(path), reference.raw(path)
            ), path


def test_json_positions_of_a_repeated_key_are_those_of_its_last_value_as_json_loads_reads_it() -> None:
    from factlint._positions import Position, json_source_map

    text = '{"claim": [{"id": "a", "dims": {}}],\n "claim": [{"id": "b"}]}'
    assert json.loads(text)["claim"] == [{"id": "b"}]
    source_map = json_source_map(text)
    assert source_map.value(("claim", 0, "id")) == Position(2, 19)
    assert source_map.value(("claim", 0, "dims")) is None


class _WholeScan(SourceMap):
    """The JSON source map as it was: everything scanned on the first question."""

    def __init__(self, text: str) -> None:
        from factlint._positions import _BOM, _JSON_SPACE, _scan_json_value, _skip

        super().__init__(text)
        self._spans: dict[tuple[object, ...], object] = {}
        _scan_json_value(text, _skip(_JSON_SPACE, text, 1 if text.startswith(_BOM) else 0), (), -1, self._spans, 0)

    def paths(self) -> list[tuple[object, ...]]:
        return list(self._spans)

    def _span(self, path):  # type: ignore[no-untyped-def]
        return self._spans.get(tuple(path))
