"""Whether a finding would disappear if a stated number had been truncated rather than rounded.

Journalists sometimes truncate (6.567 written 6.56). A finding that only truncation explains
is still reported, but says so, so that a user can tell a small reporting slip from a real
contradiction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import attrs

from factlint._intervals import Interval
from factlint._model import Claim, ClaimSet, Relation
from factlint._quantities import Hedge
from factlint._rule import Rule, Violation
from factlint._settings import Context

__all__ = ["truncation_note", "with_truncation_notes"]


def _truncated(claim: Claim) -> Claim | None:
    """The claim with its rounded value read as truncated ([N, N + one unit)), or None if it was not rounded."""
    value = claim.value
    interval = value.interval
    if value.hedge is not Hedge.EXACT or value.is_exact or interval.low is None or interval.high is None:
        return None
    unit = interval.high - interval.low
    truncated = attrs.evolve(value, interval=Interval(value.nominal, value.nominal + unit, high_open=True))
    return attrs.evolve(claim, value=truncated)


def truncation_note(chosen: Rule, violation: Violation, claim_set: ClaimSet, context: Context) -> str | None:
    """A line for the finding's explanation when reading its rounded numbers as truncated makes it disappear."""
    replaced = {claim.id: truncated for claim in violation.claims if (truncated := _truncated(claim)) is not None}
    if not replaced:
        return None
    claims = [replaced.get(claim.id, claim) for claim in violation.claims]
    alone = ClaimSet(claims=claims, sources=claim_set.sources, relations=_relations_among(claim_set, claims))
    if any(True for _ in chosen(alone, context)):
        return None
    named = ", ".join(f'{claim_id} "{claim.value.text}"' for claim_id, claim in replaced.items())
    return (
        f"note: if {named} had been truncated rather than rounded (6.567 written 6.56), "
        "these claims would agree: this may be a small reporting slip rather than a contradiction"
    )


class _RelationsByClaim:
    """Each relation of a claim set filed under one claim it names, with the ids it names, read once.

    A finding's few claims then find the relations among them without reading every relation.
    """

    def __init__(self, relations: Sequence[Relation]) -> None:
        self.by_claim: dict[str, list[tuple[int, Relation, frozenset[str]]]] = defaultdict(list)
        # A relation naming no claim lies among any claims.
        self.naming_none: list[tuple[int, Relation, frozenset[str]]] = []
        for position, relation in enumerate(relations):
            ids = frozenset(relation.claim_ids)
            filed = (position, relation, ids)
            if ids:
                self.by_claim[min(ids)].append(filed)
            else:
                self.naming_none.append(filed)


def _relations_among(claim_set: ClaimSet, claims: Sequence[Claim]) -> list[Relation]:
    """The relations of the claim set that name only these claims, in the order they were stated."""
    index = claim_set.shared_results.get("relations_by_claim")
    if not isinstance(index, _RelationsByClaim):
        index = claim_set.shared_results["relations_by_claim"] = _RelationsByClaim(claim_set.relations)
    ids = {claim.id for claim in claims}
    found = list(index.naming_none)
    for claim_id in ids:
        found.extend(filed for filed in index.by_claim.get(claim_id, ()) if filed[2] <= ids)
    return [relation for _, relation, _ in sorted(found, key=lambda filed: filed[0])]


def with_truncation_notes(
    chosen: Rule, violations: Sequence[Violation], claim_set: ClaimSet, context: Context
) -> list[Violation]:
    """The violations, each with a truncation note added where one applies."""
    noted = []
    for violation in violations:
        note = truncation_note(chosen, violation, claim_set, context)
        noted.append(violation if note is None else attrs.evolve(violation, explanation=(*violation.explanation, note)))
    return noted
