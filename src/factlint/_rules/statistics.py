"""S: reported statistics: p-values that cannot follow from their test statistic (S101), and decision errors (S102)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from fractions import Fraction

import attrs

from factlint._codes import DECISION_ERROR, P_VALUE_MISMATCH, Severity
from factlint._distributions import PRange, StatsUnavailable, p_range, statistic_range
from factlint._figures import Bar, Figure, Role, nearest_gap, span
from factlint._intervals import Interval, format_number
from factlint._model import Claim, ClaimSet
from factlint._patterns import lazy_pattern
from factlint._quantities import Tolerances
from factlint._reported_tests import PComparison, ReportedTest, TestKind
from factlint._rule import Violation, rule
from factlint._settings import Context

__all__ = ["TestVerdict", "verdict_of"]

_ONE_TAILED_WORDS = lazy_pattern(r"\bone[- ]?(?:tailed|sided)\b", re.IGNORECASE)


@attrs.frozen
class TestVerdict:
    """What a reported p-value makes of its recomputed range: which tail, if any, it fits."""

    two_tailed: PRange
    # The tails whose p the reported one fits, by name ("two-tailed", "one-tailed"); empty if none.
    fits: tuple[str, ...]
    # The text or the claim says the test was one-tailed.
    stated_one_tailed: bool
    # A one-tailed p is half a two-tailed one: t, r and z, and F and χ2 with one df (the squares of t and z).
    halvable: bool

    @property
    def consistent(self) -> bool:
        return bool(self.fits)

    @property
    def one_tailed_only(self) -> bool:
        """Not stated one-tailed, but only the one-tailed p fits: a note, not an error."""
        return not self.stated_one_tailed and self.fits == ("one-tailed",)

    @property
    def readings(self) -> tuple[tuple[str, PRange], ...]:
        """The recomputed p of each tail the claim allows, as the rules read it."""
        if self.stated_one_tailed and self.halvable:
            return (("one-tailed", self.two_tailed.halved()), ("one-tailed, against the predicted direction", self.two_tailed.other_tail()))
        return (("two-tailed" if self.halvable else "upper tail", self.two_tailed),)


def _stated_tails(claim: Claim, test: ReportedTest) -> int | None:
    if claim.tails is not None:
        return claim.tails
    if test.tails is not None:
        return test.tails
    return 1 if _ONE_TAILED_WORDS.search(claim.quote) else None


def _halvable(test: ReportedTest) -> bool:
    if test.kind.symmetric:
        return True
    return test.kind in (TestKind.F, TestKind.CHI2, TestKind.Q) and test.df[0].value == 1


def fits(test: ReportedTest, recomputed: PRange, tolerances: Tolerances) -> bool:
    """Some p in the recomputed range reads as the reported p: within its rounding, or on the stated side of its bound."""
    comparison, p = test.comparison, test.p
    if comparison is PComparison.NOT_SIGNIFICANT:
        alpha = tolerances.alpha
        return recomputed.high > alpha or (recomputed.high == alpha and not tolerances.p_equal_alpha_significant)
    assert p is not None
    bound = p.value
    if comparison is PComparison.EQUAL:
        low, high = statistic_range(p)
        return recomputed.low <= high and low <= recomputed.high
    if comparison is PComparison.LESS:
        return recomputed.low < bound
    if comparison is PComparison.AT_MOST:
        return recomputed.low <= bound
    if comparison is PComparison.GREATER:
        return recomputed.high > bound
    return recomputed.high >= bound


def verdict_of(claim: Claim, tolerances: Tolerances) -> TestVerdict | None:
    """The verdict on a claim's reported test, or None when the claim states none. Raises StatsUnavailable without mpmath."""
    test = claim.test
    if test is None:
        return None
    two_tailed = p_range(test)
    halvable = _halvable(test)
    stated = _stated_tails(claim, test)
    verdict = TestVerdict(two_tailed=two_tailed, fits=(), stated_one_tailed=stated == 1, halvable=halvable)
    matched = tuple(name for name, recomputed in verdict.readings if fits(test, recomputed, tolerances))
    if not matched and stated is None and halvable and fits(test, two_tailed.halved(), tolerances):
        matched = ("one-tailed",)
    return attrs.evolve(verdict, fits=matched)


def _shown_p(value: Fraction) -> str:
    """A p-value for a reader: four significant digits, without the leading zero, as APA writes it."""
    if value == 0:
        return "0"
    if value < Fraction(1, 10**4):
        return f"{float(value):.3e}"
    if Fraction(9999, 10**4) < value < 1:
        return ">.9999"
    text = f"{float(value):.4g}"
    return text[1:] if text.startswith("0.") else text


def _shown_range(recomputed: PRange) -> str:
    low, high = _shown_p(recomputed.low), _shown_p(recomputed.high)
    return low if low == high else f"{low} to {high}"


def _reading_lines(test: ReportedTest) -> list[str]:
    statistic_low, statistic_high = statistic_range(test.statistic)
    lines = [
        f"{test.kind.value} = {test.statistic.text} is read to its last digit: "
        f"[{format_number(statistic_low)}, {format_number(statistic_high)}], rounded either way"
    ]
    fractional = [number for number in test.df if not number.is_whole]
    if fractional:
        lines.append("a fractional df is read to its last digit too: " + ", ".join(
            "[{}, {}]".format(*(format_number(end) for end in statistic_range(number))) for number in fractional
        ))
    if test.comparison is PComparison.EQUAL and test.p is not None:
        low, high = statistic_range(test.p)
        shown = format_number if test.p.exponent == 0 else _shown_p
        lines.append(f"{test.reported_p} is read to its last digit: [{shown(max(low, Fraction(0)))}, {shown(high)}]")
    return lines


def _missing_stats(claim_set: ClaimSet) -> Iterator[Violation]:
    """Without mpmath, one note per file that states reported tests, at its first one."""
    by_file: dict[str, list[Claim]] = {}
    for claim in claim_set.claims:
        if claim.test is not None:
            by_file.setdefault(claim.location.path if claim.location else "", []).append(claim)
    for claims in by_file.values():
        count = len(claims)
        yield Violation(
            message=f"{count} reported test{'s' if count != 1 else ''} not checked: "
            "p-values are recomputed with mpmath, which is not installed (pip install 'factlint[stats]')",
            claims=[claims[0]],
            severity=Severity.WARNING,
        )


def _tests(claim_set: ClaimSet) -> list[Claim]:
    return [claim for claim in claim_set.claims if claim.test is not None]


@rule(P_VALUE_MISMATCH)
def p_value_mismatch(claim_set: ClaimSet, context: Context) -> Iterator[Violation]:
    claims = _tests(claim_set)
    if not claims:
        return
    try:
        verdicts = [(claim, verdict_of(claim, context.tolerances)) for claim in claims]
    except StatsUnavailable:
        yield from _missing_stats(claim_set)
        return
    for claim, verdict in verdicts:
        assert claim.test is not None and verdict is not None
        test = claim.test
        if verdict.one_tailed_only:
            yield Violation(
                message=f"{test.reported_p} fits {test.heading} only as a one-tailed test: "
                f"two-tailed, p is {_shown_range(verdict.two_tailed)}",
                claims=[claim],
                explanation=[
                    f"one-tailed (in the direction of the effect), p is {_shown_range(verdict.two_tailed.halved())}, "
                    f"which fits {test.reported_p}",
                    *_reading_lines(test),
                    "if the test was one-tailed, say so (tails = 1, or \"one-tailed\" in the quote); "
                    "if it was two-tailed, the reported p is half what the statistic gives",
                ],
                location=claim.location_of("value"),
                severity=Severity.WARNING,
            )
            continue
        if verdict.consistent:
            continue
        readings = verdict.readings
        recomputed = "; ".join(f"{name}, {_shown_range(reading)}" for name, reading in readings)
        explanation = [f"recomputed p over every rounding of the statistic: {recomputed}", *_reading_lines(test)]
        if verdict.halvable and not verdict.stated_one_tailed:
            explanation.append(f"one-tailed, it would be {_shown_range(verdict.two_tailed.halved())}: no better")
        if verdict.stated_one_tailed and not verdict.halvable:
            explanation.append(f"one-tailed was stated, but a {test.kind.value} test's p is already its upper tail")
        yield Violation(
            message=f"{test.reported_p} cannot follow from {test.heading}: p is {_shown_range(readings[0][1])} "
            f"({readings[0][0]})",
            claims=[claim],
            explanation=explanation,
            location=claim.location_of("value"),
            figure=_p_figure(test, readings),
        )


def _reported_p_interval(test: ReportedTest) -> Interval:
    """The p-values the reported p allows: its rounding for `p = .04`, the side of its bound for `p < .05`."""
    comparison, p = test.comparison, test.p
    if comparison is PComparison.NOT_SIGNIFICANT or p is None:
        return Interval(0, 1)
    if comparison is PComparison.EQUAL:
        low, high = statistic_range(p)
        return span(max(low, Fraction(0)), high)
    if comparison in (PComparison.LESS, PComparison.AT_MOST):
        return span(Fraction(0), p.value, high_open=comparison is PComparison.LESS)
    return span(p.value, Fraction(1), low_open=comparison is PComparison.GREATER)


def _p_figure(test: ReportedTest, readings: Sequence[tuple[str, PRange]], *limits: Bar) -> Figure:
    """The recomputed p of each reading against the reported one, on one axis of p-values."""
    computed = [span(reading.low, reading.high) for _, reading in readings]
    reported = _reported_p_interval(test)
    return Figure(
        [
            *(Bar(f"p from {test.heading} ({name})", interval, Role.COMPUTED) for (name, _), interval in zip(readings, computed)),
            Bar(f"reported: {test.reported_p}", reported),
            *limits,
        ],
        gap=nearest_gap(computed, reported),
        unit="p",
    )


def _reported_significant(test: ReportedTest, tolerances: Tolerances) -> bool | None:
    """Whether the reported p claims significance at alpha; None when its bound says neither ("p < .10")."""
    alpha, at_alpha = tolerances.alpha, tolerances.p_equal_alpha_significant
    comparison, p = test.comparison, test.p
    if comparison is PComparison.NOT_SIGNIFICANT:
        return False
    assert p is not None
    bound = p.value
    if comparison is PComparison.EQUAL:
        return bound < alpha or (bound == alpha and at_alpha)
    if comparison is PComparison.LESS:
        return True if bound <= alpha else None
    if comparison is PComparison.AT_MOST:
        return True if bound < alpha or (bound == alpha and at_alpha) else None
    if comparison is PComparison.GREATER:
        return False if bound >= alpha else None
    return False if bound > alpha or (bound == alpha and not at_alpha) else None


def _significant(p: Fraction, tolerances: Tolerances) -> bool:
    return p < tolerances.alpha or (p == tolerances.alpha and tolerances.p_equal_alpha_significant)


@rule(DECISION_ERROR)
def decision_error(claim_set: ClaimSet, context: Context) -> Iterator[Violation]:
    tolerances = context.tolerances
    for claim in _tests(claim_set):
        test = claim.test
        assert test is not None
        try:
            verdict = verdict_of(claim, tolerances)
        except StatsUnavailable:
            return  # S101 says so, once per file
        assert verdict is not None
        if verdict.consistent:
            continue
        reported = _reported_significant(test, tolerances)
        if reported is None:
            continue
        ranges = [reading for _, reading in verdict.readings]
        all_significant = all(_significant(reading.high, tolerances) for reading in ranges)
        none_significant = not any(_significant(reading.low, tolerances) for reading in ranges)
        if not (reported and none_significant) and not (not reported and all_significant):
            continue
        alpha = format_number(tolerances.alpha)
        said, is_ = ("significant", "not significant") if reported else ("not significant", "significant")
        yield Violation(
            message=f"{test.reported_p} says {said} at alpha = {alpha}, but {test.heading} is {is_}: "
            f"p is {_shown_range(ranges[0])}",
            claims=[claim],
            explanation=[
                *_reading_lines(test),
                f"significant means p < {alpha}" + (f" or p = {alpha}" if tolerances.p_equal_alpha_significant else "")
                + " (settings alpha and p-equal-alpha-significant)",
            ],
            location=claim.location_of("value"),
            figure=_p_figure(
                test,
                verdict.readings,
                Bar(
                    f"significant: p < {alpha}",
                    span(Fraction(0), tolerances.alpha, high_open=not tolerances.p_equal_alpha_significant),
                    Role.LIMIT,
                ),
            ),
        )
