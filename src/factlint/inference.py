"""Relations inferred from plain claims: breakdowns by `dims` within one frame (metric, time, source)."""

from __future__ import annotations

from collections import defaultdict
from typing import Hashable, Iterator

import attrs

from factlint.model import Claim, ClaimSet, Dims


def frame(claim: Claim) -> Hashable:
    """What must match for two claims to describe the same total at the same time from the same source."""
    when = claim.when
    since = claim.since
    return (
        claim.metric,
        claim.per,
        claim.value.percent,
        claim.statistic,
        claim.source,
        None if when is None else (when.first, when.last),
        None if since is None else (since.first, since.last),
    )


@attrs.frozen
class Breakdown:
    """A claim (`whole`) and the claims that split it by one more dimension (`key`): disjoint parts."""

    whole: Claim
    key: str
    parts: tuple[Claim, ...]


def breakdowns(claim_set: ClaimSet) -> Iterator[Breakdown]:
    """Every whole with its parts, where the parts' dims are the whole's plus one key."""
    by_frame: dict[Hashable, dict[Dims, Claim]] = defaultdict(dict)
    for claim in claim_set.claims:
        if claim_set.infers(claim):
            by_frame[frame(claim)].setdefault(claim.dims, claim)
    for claims_by_dims in by_frame.values():
        if len(claims_by_dims) < 2:
            continue
        children: dict[tuple[Dims, str], list[Claim]] = defaultdict(list)
        for dims, claim in claims_by_dims.items():
            for key in dims:
                parent = Dims((name, value) for name, value in dims.items() if name != key)
                if parent in claims_by_dims:
                    children[(parent, key)].append(claim)
        for (parent, key), parts in children.items():
            yield Breakdown(whole=claims_by_dims[parent], key=key, parts=tuple(parts))
