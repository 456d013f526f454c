"""G: granularity (the GRIM test): percentages and means that no whole-number count out of n can produce."""

from __future__ import annotations

import math
from collections.abc import Iterator
from fractions import Fraction

from factlint._codes import IMPOSSIBLE_MEAN, IMPOSSIBLE_PERCENTAGE
from factlint._intervals import format_number
from factlint._model import Claim, ClaimSet, Statistic
from factlint._quantities import Hedge, Rounding
from factlint._rule import Violation, rule
from factlint._settings import Context


def base_n(claim_set: ClaimSet, claim: Claim) -> int | None:
    """The base n of a percentage or mean: `of` as a number, or the exact whole value of the claim it names."""
    if isinstance(claim.of, int) and not isinstance(claim.of, bool):
        return claim.of if claim.of > 0 else None
    if isinstance(claim.of, str):
        base = claim_set.claim(claim.of)
        if base is None or base.value.percent or not base.value.is_exact:
            return None
        value = base.value.nominal
        return int(value) if value.denominator == 1 and value > 0 else None
    return None


def grim_hits(value: Fraction, decimals: int, denominator: int, scale: int, modes: tuple[Rounding, ...]) -> bool:
    """Whether some whole k makes scale * k / denominator round to `value` (at `decimals`) in one of `modes`."""
    half_unit = Fraction(1, 2 * 10**decimals)
    for mode in modes:
        target = mode.around(value, half_unit)
        # The smallest k whose result reaches the low end, then whether it stays below the high end.
        low = target.low * denominator / scale  # type: ignore[operator]
        k = max(0, math.ceil(low))
        if target.low_open and k == low:
            k += 1
        if Fraction(scale * k, denominator) in target:
            return True
    return False


def _neighbours(value: Fraction, denominator: int, scale: int, decimals: int, unit: str) -> str:
    """The two candidates either side of the stated value: '30/43 = 69.77% and 31/43 = 72.09%'."""
    below = max(0, math.floor(value * denominator / scale))
    shown = []
    for k in (below, below + 1):
        result = round(Fraction(scale * k, denominator), decimals + 2)
        shown.append(f"{k}/{denominator} = {format_number(result)}{unit}")
    return " and ".join(shown)


def _modes(modes: tuple[Rounding, ...]) -> str:
    return " or ".join(mode.value for mode in modes)


def _grim_applies(claim: Claim) -> bool:
    # A hedged value ("about 70%") bounds the true one only loosely: GRIM needs a rounded figure.
    return claim.value.hedge is Hedge.EXACT and claim.value.nominal >= 0


@rule(IMPOSSIBLE_PERCENTAGE)
def impossible_percentage(claim_set: ClaimSet, context: Context) -> Iterator[Violation]:
    modes = context.tolerances.grim_rounding
    for claim in claim_set.claims:
        # Above 100% a percentage is a change or a ratio ("up 150%"), not k out of n.
        if not claim.value.percent or claim.statistic is not None or not _grim_applies(claim) or claim.value.nominal > 100:
            continue
        n = base_n(claim_set, claim)
        decimals = claim.value.decimals
        # With n at least 10^decimals x 100, every stated percentage has some k/n that rounds to it.
        if n is None or n >= 100 * 10**decimals:
            continue
        if grim_hits(claim.value.nominal, decimals, n, 100, modes):
            continue
        shown = claim.value.text.strip()
        yield Violation(
            message=f"{shown} of {n} is impossible: no whole number out of {n} rounds to {shown}",
            claims=[claim],
            explanation=[
                f"{_neighbours(claim.value.nominal, n, 100, decimals, '%')}; neither rounds to {shown}",
                f"rounding: {shown} is stated to {decimals} decimal{'s' if decimals != 1 else ''}, "
                f"rounded {_modes(modes)} (the GRIM test)",
                f"n = {n}" + (f" from {claim.of}" if isinstance(claim.of, str) else ""),
            ],
            location=claim.location_of("value"),
        )


@rule(IMPOSSIBLE_MEAN)
def impossible_mean(claim_set: ClaimSet, context: Context) -> Iterator[Violation]:
    modes = context.tolerances.grim_rounding
    for claim in claim_set.claims:
        if claim.statistic is not Statistic.MEAN or claim.value.percent or not _grim_applies(claim) or claim.items < 1:
            continue
        n = base_n(claim_set, claim)
        decimals = claim.value.decimals
        if n is None:
            continue
        answers = n * claim.items
        # With 10^decimals answers or more, every stated mean has some total that rounds to it.
        if answers >= 10**decimals:
            continue
        if grim_hits(claim.value.nominal, decimals, answers, 1, modes):
            continue
        shown = claim.value.text.strip()
        items = f" x {claim.items} items" if claim.items != 1 else ""
        yield Violation(
            message=f"a mean of {shown} is impossible for {n}{items} whole-number answers",
            claims=[claim],
            explanation=[
                f"totals {_neighbours(claim.value.nominal, answers, 1, decimals, '')}; neither rounds to {shown}",
                f"rounding: {shown} is stated to {decimals} decimal{'s' if decimals != 1 else ''}, "
                f"rounded {_modes(modes)} (the GRIM test)",
                f"n = {n}{items}" + (f" (n from {claim.of})" if isinstance(claim.of, str) else ""),
            ],
            location=claim.location_of("value"),
        )

