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
