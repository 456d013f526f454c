"""Recovery from a TOML syntax error does work in proportion to the file, not to the file times its tables."""

from __future__ import annotations

from factlint import _toml
from factlint._loading import documents


class _CountingText(str):
    """A text that adds up how many characters its newline counts scan."""

    scanned = 0

    def count(self, sub: str, start: int | None = None, end: int | None = None) -> int:  # type: ignore[override]
        low = 0 if start is None else start
        high = len(self) if end is None else min(end, len(self))
        _CountingText.scanned += max(high - low, 0)
        return super().count(sub, start, end)


def _claims(count: int, broken_at: int) -> str:
    tables = [
        f'[[claim]]\nid = "c{index}"\nmetric = "cases"\nvalue = {"= 3" if index == broken_at else index}\n\n'
        for index in range(count)
    ]
    return "".join(tables)


def test_syntax_error_recovery_reads_the_file_a_bounded_number_of_times(monkeypatch):
    text = _CountingText(_claims(5_000, broken_at=2_500))
    parsed: list[int] = []
    loads = _toml.loads

    def counting_loads(chunk: str) -> dict[str, object]:
        parsed.append(len(chunk))
        return loads(chunk)

    monkeypatch.setattr(documents._toml, "loads", counting_loads)
    _CountingText.scanned = 0
    document = documents.parse_toml(text, "big.facts.toml")
    [problem] = document.problems
    assert problem.location.line == 2_500 * 5 + 4
    assert len(document.tables["claim"]) == 5_000  # the broken table keeps its place
    # Once for the whole file, once more table by table; a scan per table would be thousands of times.
    assert sum(parsed) <= 2 * len(text)
    assert _CountingText.scanned <= 2 * len(text)
