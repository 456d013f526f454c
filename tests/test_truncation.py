"""A finding that truncation (6.567 written 6.56) would explain says so; a real contradiction does not."""

from __future__ import annotations

import factlint
from factlint import Claim, ClaimSet, Sum

NOTE = "had been truncated rather than rounded"


def explanation(total: str, part: str) -> str:
    claims = ClaimSet(
        claims=[Claim(id="total", metric="rate", value=total), Claim(id="part", metric="rate", value=part)],
        relations=[Sum(total="total", parts=["part"])],
    )
    [finding] = factlint.lint(claims)
    return "\n".join(finding.explanation)


def test_a_sum_that_truncation_reconciles_is_still_found_but_says_so():
    assert NOTE in explanation("6.56", "6.567")


def test_a_sum_beyond_truncation_gets_no_note():
    assert NOTE not in explanation("6.50", "6.567")
