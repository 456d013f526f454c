"""G: granularity: percentages, means and standard deviations that no whole-number sample of n can produce.

GRIM (G101, G102) for percentages and means, GRIMMER (G103) for the standard deviation of
whole-number answers, DEBIT (G104) for the mean and standard deviation of a 0/1 variable.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from fractions import Fraction

from factlint._codes import IMPOSSIBLE_BINARY_SD, IMPOSSIBLE_MEAN, IMPOSSIBLE_PERCENTAGE, IMPOSSIBLE_SD
from factlint._figures import Bar, Figure, Role, gap_between, stated_bar
from factlint._intervals import Interval, format_number
from factlint._model import Claim, ClaimSet, Statistic
from factlint._quantities import Hedge, Rounding
from factlint._rule import Violation, rule
from factlint._settings import Context
from factlint._wording import plural


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


def _grim_figure(claim: Claim, denominator: int, scale: int, unit: str, what: str) -> Figure:
    """The stated value between the two fractions k/n either side of it, and the gap between them that holds no k/n."""
    below = max(0, math.floor(claim.value.nominal * denominator / scale))
    neighbours = [Interval.point(Fraction(scale * k, denominator)) for k in (below, below + 1)]
    return Figure(
        [
            Bar(f"{what} {below}/{denominator}", neighbours[0], Role.COMPUTED),
            stated_bar(claim),
            Bar(f"{what} {below + 1}/{denominator}", neighbours[1], Role.COMPUTED),
        ],
        gap=gap_between(neighbours[0], neighbours[1]),
        unit=unit,
    )


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
            figure=_grim_figure(claim, n, 100, "%", "k/n ="),
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
            figure=_grim_figure(claim, answers, 1, claim.value.unit or claim.unit, "mean = total"),
        )



# -- GRIMMER and DEBIT ------------------------------------------------------------------------

# More candidate totals than this and a mean says too little to test an SD against: skip it.
_MOST_CANDIDATES = 200_000


def rounding_bounds(value: Fraction, decimals: int, modes: tuple[Rounding, ...]) -> Interval:
    """Every exact number that rounds to `value` at `decimals` in one of `modes` (their union)."""
    half_unit = Fraction(1, 2 * 10**decimals)
    readings = [mode.around(value, half_unit) for mode in modes]
    return Interval(
        value - half_unit,
        value + half_unit,
        low_open=all(reading.low_open for reading in readings),
        high_open=all(reading.high_open for reading in readings),
    )


def _whole_numbers_in(interval: Interval, scale: int) -> range:
    """The whole numbers k with k / scale in a bounded interval."""
    assert interval.low is not None and interval.high is not None
    low, high = interval.low * scale, interval.high * scale
    first = math.ceil(low) + (1 if interval.low_open and low == math.ceil(low) else 0)
    last = math.floor(high) - (1 if interval.high_open and high == math.floor(high) else 0)
    return range(first, last + 1)


def _squares(interval: Interval) -> Interval:
    """The squares of the non-negative numbers in an interval (an SD's variances)."""
    assert interval.low is not None and interval.high is not None
    if interval.low <= 0:
        return Interval(Fraction(0), interval.high**2, low_open=False, high_open=interval.high_open)
    return Interval(interval.low**2, interval.high**2, low_open=interval.low_open, high_open=interval.high_open)


# A standard deviation is usually the sample's (divided by n - 1), sometimes the population's
# (divided by n): a figure is impossible only when it fits neither.
_DIVISORS = (("sample SD, divided by n - 1", -1), ("population SD, divided by n", 0))


def grimmer_totals(mean: Interval, sd: Interval, n: int, items: int) -> tuple[range, bool] | None:
    """GRIMMER: the totals the mean allows, and whether one of them also fits the SD.

    Each respondent's score is T / items for a whole T; with S the sum of the T and Q the sum
    of their squares, (n - 1) x items^2 x SD^2 = Q - S^2 / n for the sample SD (n for the
    population's), and Q has the parity of S. None when there are too many totals to try.
    """
    totals = _whole_numbers_in(mean, n * items)
    if len(totals) > _MOST_CANDIDATES:
        return None
    variances = _squares(sd)
    assert variances.high is not None and variances.low is not None
    for total in totals:
        for _, offset in _DIVISORS:
            divisor = n + offset
            if divisor < 1:
                continue
            spread = items * items * divisor
            squares = Interval(
                Fraction(total * total, n) + spread * variances.low,
                Fraction(total * total, n) + spread * variances.high,
                low_open=variances.low_open,
                high_open=variances.high_open,
            )
            candidate = _whole_numbers_in(squares, 1)
            # The first whole number of the interval with the parity of the total, if any.
            first = candidate.start + (candidate.start - total) % 2
            if first in candidate:
                return totals, True
    return totals, False


def binary_counts(mean: Interval, sd: Interval, n: int) -> tuple[range, bool] | None:
    """DEBIT: the counts of ones the mean allows, and whether one of them gives the SD of k ones among n.

    The variance of k ones among n is k (n - k) / (n (n - 1)) for the sample SD (n^2 for the
    population's). None when there are too many counts to try.
    """
    counts = _whole_numbers_in(mean, n)
    counts = range(max(counts.start, 0), min(counts.stop, n + 1))
    if len(counts) > _MOST_CANDIDATES:
        return None
    variances = _squares(sd)
    for ones in counts:
        for _, offset in _DIVISORS:
            divisor = n + offset
            if divisor >= 1 and Fraction(ones * (n - ones), n * divisor) in variances:
                return counts, True
    return counts, False


def _described_mean(claim: Claim) -> str:
    return claim.value.text.strip()


def _sd_and_mean(claim_set: ClaimSet, claim: Claim) -> tuple[Claim, int] | None:
    """The mean claim an sd belongs to, and n (the sd's own `of`, else the mean's), when both can be tested."""
    if claim.statistic is not Statistic.SD or claim.mean is None or not _grim_applies(claim) or claim.value.percent:
        return None
    mean_claim = claim_set.claim(claim.mean)
    if mean_claim is None or mean_claim.value.hedge is not Hedge.EXACT:
        return None
    n = base_n(claim_set, claim) if claim.of is not None else base_n(claim_set, mean_claim)
    if n is None:
        return None
    return mean_claim, n


def _mean_bounds(mean_claim: Claim, modes: tuple[Rounding, ...]) -> Interval:
    """The mean as a proportion when stated as a percentage ("53%" of a 0/1 variable is 0.53)."""
    value = mean_claim.value
    bounds = rounding_bounds(value.nominal, value.decimals, modes)
    if not value.percent:
        return bounds
    assert bounds.low is not None and bounds.high is not None
    return Interval(bounds.low / 100, bounds.high / 100, low_open=bounds.low_open, high_open=bounds.high_open)


def _decimals_line(claim: Claim) -> str:
    decimals = claim.value.decimals
    return f"{claim.value.text.strip()} is stated to {decimals} decimal{'s' if decimals != 1 else ''}"


@rule(IMPOSSIBLE_SD)
def impossible_sd(claim_set: ClaimSet, context: Context) -> Iterator[Violation]:
    modes = context.tolerances.grim_rounding
    for claim in claim_set.claims:
        found = _sd_and_mean(claim_set, claim)
        if found is None or claim.binary:
            continue
        mean_claim, n = found
        if mean_claim.statistic is not Statistic.MEAN or mean_claim.binary or mean_claim.value.percent or mean_claim.value.nominal < 0:
            continue
        if n < 2:
            continue
        items = mean_claim.items
        mean_bounds = rounding_bounds(mean_claim.value.nominal, mean_claim.value.decimals, modes)
        sd_bounds = rounding_bounds(claim.value.nominal, claim.value.decimals, modes)
        result = grimmer_totals(mean_bounds, sd_bounds, n, items)
        # No total at all is a GRIM failure, which G102 reports.
        if result is None or not result[0] or result[1]:
            continue
        totals = result[0]
        sd_text, mean_text = claim.value.text.strip(), _described_mean(mean_claim)
        per_item = f" x {items} items" if items != 1 else ""
        shown = f"a total of {totals[0]}" if len(totals) == 1 else f"totals of {totals[0]} to {totals[-1]}"
        yield Violation(
            message=f"an SD of {sd_text} is impossible with a mean of {mean_text} for {n}{per_item} whole-number answers",
            claims=[claim, mean_claim],
            explanation=[
                f"a mean of {mean_text} of {n * items} answers needs {shown}; for none is there a whole-number "
                f"sum of squares, of the total's parity, that gives an SD rounding to {sd_text} (the GRIMMER test)",
                "SD read as the sample SD (divided by n - 1) or the population SD (divided by n): neither fits",
                f"rounding: {_decimals_line(claim)}, {_decimals_line(mean_claim)}; rounded {_modes(modes)}",
                f"n = {n}{per_item}",
            ],
            location=claim.location_of("value"),
        )


@rule(IMPOSSIBLE_BINARY_SD)
def impossible_binary_sd(claim_set: ClaimSet, context: Context) -> Iterator[Violation]:
    modes = context.tolerances.grim_rounding
    for claim in claim_set.claims:
        found = _sd_and_mean(claim_set, claim)
        if found is None or not (claim.binary or found[0].binary):
            continue
        mean_claim, n = found
        if n < 2 or mean_claim.value.nominal < 0:
            continue
        mean_bounds = _mean_bounds(mean_claim, modes)
        sd_bounds = rounding_bounds(claim.value.nominal, claim.value.decimals, modes)
        result = binary_counts(mean_bounds, sd_bounds, n)
        if result is None or result[1]:
            continue
        counts = result[0]
        sd_text, mean_text = claim.value.text.strip(), _described_mean(mean_claim)
        if counts:
            low, high = counts[0], counts[-1]
            ones = plural(low, "one") if low == high else f"{low} to {high} ones"
            sds = sorted({_binary_sd(k, n, -1) for k in (low, high)})
            reach = " to ".join(format_number(value) for value in sds)
            first = (
                f"a mean of {mean_text} of {n} is {ones}, whose sample SD is {reach} "
                f"(the SD of k ones among n is the square root of k(n - k) / (n(n - 1))); "
                f"none rounds to {sd_text} (the DEBIT test)"
            )
        else:
            first = f"a mean of {mean_text} is not k/{n} for any k from 0 to {n} ones"
        yield Violation(
            message=f"a 0/1 variable with mean {mean_text} cannot have an SD of {sd_text} for n = {n}",
            claims=[claim, mean_claim],
            explanation=[
                first,
                "SD read as the sample SD (divided by n - 1) or the population SD (divided by n): neither fits",
                f"rounding: {_decimals_line(claim)}, {_decimals_line(mean_claim)}; rounded {_modes(modes)}",
            ],
            location=claim.location_of("value"),
        )


def _binary_sd(ones: int, n: int, offset: int) -> Fraction:
    """The SD of `ones` ones among n, to six decimals (for the explanation only)."""
    variance = Fraction(ones * (n - ones), n * (n + offset))
    return Fraction(round(math.sqrt(variance) * 10**6), 10**6)
