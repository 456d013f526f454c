"""Helpers for test suites: assert that a claim set, or the fact files at some paths, can all be true."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from factlint._engine import lint
from factlint._findings import Report
from factlint._loading import load
from factlint._model import ClaimSet
from factlint._rule import RuleSet

__all__ = ["assert_consistent"]

Target = ClaimSet | str | Path | Iterable[str | Path]


def assert_consistent(
    target: Target,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    rules: RuleSet | None = None,
) -> Report:
    """Lint a claim set (or load and lint fact files) and fail with the findings if there are any.

    Returns the (empty) Report when every check passes, so a test can look at it further.
    A rule that failed (a plugin rule that raised) fails the assertion too.

    >>> import factlint
    >>> report = assert_consistent(factlint.ClaimSet([factlint.Claim(id="a", metric="cases", value=1)]))
    >>> len(report)
    0
    """
    __tracebackhide__ = True
    claim_set = target if isinstance(target, ClaimSet) else load(target)
    report = lint(claim_set, select=select, ignore=ignore, rules=rules)
    if report or report.failures:
        failures = [f"factlint: error: {failure}" for failure in report.failures]
        raise AssertionError("\n".join([*failures, _findings_text(report)] if report else failures))
    return report


def _findings_text(report: Report) -> str:
    """The findings in factlint's text format (`path:line:col: CODE message`, then the explanation)."""
    from factlint._output import format_report

    return format_report(report, "text").rstrip("\n")
