"""Shared helpers for the rule tests: build claim sets in code and ask which codes a run finds."""

from __future__ import annotations

from factlint import lint
from factlint._model import ClaimSet


def codes(claim_set: ClaimSet, code: str) -> list[str]:
    """The codes found when only `code` runs, one per finding."""
    return [finding.code for finding in lint(claim_set, select=[code])]


def findings(claim_set: ClaimSet, code: str) -> list:
    return list(lint(claim_set, select=[code]))
