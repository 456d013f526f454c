"""F: problems in the fact files themselves (syntax, values, references, duplicate ids, unused suppressions)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath

from factlint._codes import DUPLICATE_ID, UNKNOWN_REFERENCE
from factlint._model import ClaimSet, Location
from factlint._rule import Violation, rule
from factlint._settings import Context


@rule(UNKNOWN_REFERENCE)
def unknown_reference(claim_set: ClaimSet, context: Context) -> Iterator[Violation]:
    def unknown(claim_id: str) -> bool:
        return claim_set.claim(claim_id) is None and claim_id not in claim_set.unreadable_ids

    def unknown_source(source_id: str) -> bool:
        return claim_set.source(source_id) is None and source_id not in claim_set.unreadable_ids

    for claim in claim_set.claims:
        if claim.source is not None and unknown_source(claim.source):
            yield Violation(
                f"claim {claim.id} names source {claim.source!r}, which is not defined",
                claims=[claim],
                explanation=[_known("sources", [source.id for source in claim_set.sources])],
                location=claim.location_of("source"),
            )
        if isinstance(claim.of, str) and unknown(claim.of):
            yield Violation(
                f"claim {claim.id} takes its base n from claim {claim.of!r}, which is not defined",
                claims=[claim],
                location=claim.location_of("of"),
            )
    for source in claim_set.sources:
        for cited in source.cites:
            if unknown_source(cited):
                yield Violation(
                    f"source {source.id} cites {cited!r}, which is not defined",
                    explanation=[_known("sources", [known.id for known in claim_set.sources])],
                    location=source.location_of("cites"),
                )
    for relation in claim_set.relations:
        missing = [claim_id for claim_id in relation.claim_ids if unknown(claim_id)]
        if missing:
            kind = type(relation).__name__.lower()
            named = ", ".join(repr(claim_id) for claim_id in missing)
            yield Violation(
                f"[[{kind}]] names {named}, which {'is' if len(missing) == 1 else 'are'} not a claim id",
                claims=[known for claim_id in relation.claim_ids if (known := claim_set.claim(claim_id)) is not None],
                explanation=[_known("claims", [claim.id for claim in claim_set.claims])],
                location=relation.location,
            )


def _known(kind: str, ids: list[str]) -> str:
    if not ids:
        return f"no {kind} are defined"
    shown = ", ".join(ids[:8]) + (", ..." if len(ids) > 8 else "")
    return f"known {kind}: {shown}"


@rule(DUPLICATE_ID)
def duplicate_id(claim_set: ClaimSet, context: Context) -> Iterator[Violation]:
    for claim in claim_set.claims:
        first = claim_set.claim(claim.id)
        if first is not None and first is not claim:
            yield Violation(
                f"claim id {claim.id!r} is already used (first at {_short(first.location)})",
                location=claim.location_of("id"),
            )
    seen_sources: set[str] = set()
    for source in claim_set.sources:
        first_source = claim_set.source(source.id)
        if source.id in seen_sources and first_source is not None:
            yield Violation(
                f"source id {source.id!r} is already used (first at {_short(first_source.location)})",
                location=source.location_of("id"),
            )
        seen_sources.add(source.id)


def _short(location: Location | None) -> str:
    """A location by file name alone: messages must read the same wherever the command runs."""
    if location is None:
        return "an earlier entry"
    return f"{PurePath(location.path).name}:{location.line}:{location.column}"
