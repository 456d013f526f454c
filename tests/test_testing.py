"""Tests for factlint.testing.assert_consistent: a test-suite assertion over claim sets and fact files."""

import pytest

import factlint
from factlint.testing import assert_consistent

BROKEN = """
[[claim]]
id = "total"
metric = "cases"
value = "20,583"

[[claim]]
id = "awol"
metric = "cases"
value = 18159

[[claim]]
id = "other"
metric = "cases"
value = 2379

[[sum]]
total = "total"
parts = ["awol", "other"]
"""

CLEAN = BROKEN.replace("20,583", "20,538")


def test_a_consistent_claim_set_passes_and_returns_the_empty_report():
    report = assert_consistent(factlint.loads(CLEAN))
    assert isinstance(report, factlint.Report)
    assert len(report) == 0


def test_findings_fail_with_the_text_report_as_message(tmp_path):
    path = tmp_path / "cases.facts.toml"
    path.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(AssertionError) as raised:
        assert_consistent(path)
    message = str(raised.value)
    first = message.splitlines()[0]
    assert first.endswith("A101 parts add up to 20,538, but the total says 20,583")
    assert ":5:9: A101" in first
    assert "\n  18,159 + 2,379 = 20,538" in message


def test_a_list_of_paths_is_loaded_as_one_claim_set(tmp_path):
    first, second = tmp_path / "a.facts.toml", tmp_path / "b.facts.toml"
    first.write_text(CLEAN.split("[[sum]]")[0], encoding="utf-8")
    second.write_text("[[sum]]" + CLEAN.split("[[sum]]")[1], encoding="utf-8")
    assert len(assert_consistent([first, second])) == 0


def test_select_and_ignore_choose_the_rules():
    assert_consistent(factlint.loads(BROKEN), ignore=["A101"])
    assert_consistent(factlint.loads(BROKEN), select=["A102"])
    with pytest.raises(AssertionError, match="A101"):
        assert_consistent(factlint.loads(BROKEN), select=["A"])


def test_the_assertion_hides_its_own_frame_from_pytest_tracebacks():
    with pytest.raises(AssertionError) as raised:
        assert_consistent(factlint.loads(BROKEN))
    assert raised.traceback[-1].frame.f_locals.get("__tracebackhide__") is True
