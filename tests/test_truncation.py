"""A finding that truncation (6.567 written 6.56) would explain says so; a real contradiction does not."""

from __future__ import annotations

import factlint
from factlint import Check, Claim, ClaimSet, Part, Same, Sum
from factlint._truncation import _relations_among

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


def test_a_findings_relations_are_those_naming_only_its_claims_in_the_order_stated():
    claims = [Claim(id=name, metric="rate", value="6.56") for name in ("a", "b", "c")]
    relations = [
        Part(part="c", whole="a"),
        Same(claims=["b", "a"]),
        Check(expr="1 < 2"),
        Sum(total="a", parts=["b"]),
        Sum(total="a", parts=["b", "c"]),
    ]
    claim_set = ClaimSet(claims=claims, relations=relations)
    assert _relations_among(claim_set, claims[:2]) == [relations[1], relations[2], relations[3]]
    assert _relations_among(claim_set, claims) == relations
