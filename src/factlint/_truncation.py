"""Whether a finding would disappear if a stated number had been truncated rather than rounded.

Journalists sometimes truncate (6.567 written 6.56). A finding that only truncation explains
is still reported, but says so, so that a user can tell a small reporting slip from a real
contradiction.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from factlint._intervals import Interval
from factlint._model import Claim, ClaimSet
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
    ids = {claim.id for claim in claims}
    relations = [relation for relation in claim_set.relations if set(relation.claim_ids) <= ids]
    alone = ClaimSet(claims=claims, sources=claim_set.sources, relations=relations)
    if any(True for _ in chosen(alone, context)):
        return None
    named = ", ".join(f'{claim_id} "{claim.value.text}"' for claim_id, claim in replaced.items())
    return (
        f"note: if {named} had been truncated rather than rounded (6.567 written 6.56), "
        "these claims would agree: this may be a small reporting slip rather than a contradiction"
    )


def with_truncation_notes(
    chosen: Rule, violations: Sequence[Violation], claim_set: ClaimSet, context: Context
) -> list[Violation]:
    """The violations, each with a truncation note added where one applies."""
    noted = []
    for violation in violations:
        note = truncation_note(chosen, violation, claim_set, context)
        noted.append(violation if note is None else attrs.evolve(violation, explanation=(*violation.explanation, note)))
    return noted
