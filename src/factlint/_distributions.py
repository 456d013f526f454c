"""Recomputed p-values of reported tests, as exact bounds over every rounding of the stated statistic and df.

The distribution functions are mpmath's (the optional `factlint[stats]` extra), evaluated
at 40 significant digits; each bound is then widened by far more than their error, so a
bound is never tighter than the truth.
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from factlint._reported_tests import ReportedTest, StatedNumber, TestKind

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["STATS_EXTRA_MISSING", "PRange", "StatsUnavailable", "p_range", "statistic_range"]

STATS_EXTRA_MISSING = "p-values are recomputed with mpmath, which is not installed: pip install 'factlint[stats]'"

_DIGITS = 40
# mpmath's incomplete beta and gamma functions are accurate to about the working precision;
# widening each bound by a relative 1e-20 (and 1e-30 absolute) covers their error many times over.
_RELATIVE_MARGIN = Fraction(1, 10**20)
_ABSOLUTE_MARGIN = Fraction(1, 10**30)


class StatsUnavailable(RuntimeError):
    """mpmath, which the p-value rules need, is not installed."""


@attrs.frozen
class PRange:
    """The two-tailed p-values a reported statistic allows: [low, high], bounds widened for the library's error."""

    low: Fraction
    high: Fraction

    def halved(self) -> PRange:
        """The one-tailed p in the direction the statistic points: half the two-tailed one."""
        return PRange(self.low / 2, self.high / 2)

    def other_tail(self) -> PRange:
        """The one-tailed p against the direction the statistic points: one minus half the two-tailed one."""
        return PRange(1 - self.high / 2, 1 - self.low / 2)

    def __contains__(self, value: Fraction) -> bool:
        return self.low <= value <= self.high


def statistic_range(number: StatedNumber) -> tuple[Fraction, Fraction]:
    """Every value a stated number may have been rounded from, at its last stated digit (either way)."""
    return number.value - number.half_unit, number.value + number.half_unit


def _df_readings(number: StatedNumber) -> tuple[Fraction, ...]:
    """A whole df is exact (df are counts); a fractional one (Welch's t) is read at both ends and the middle of its rounding."""
    if number.is_whole:
        return (number.value,)
    low, high = statistic_range(number)
    low = max(low, Fraction(1, 10**6))
    return (low, (low + high) / 2, high)


def p_range(test: ReportedTest) -> PRange:
    """The two-tailed p (upper tail for F and χ2) over every rounding of the statistic and of a fractional df.

    p falls as the statistic's size grows, so its extremes lie at the ends of the statistic's
    rounding interval. Across a fractional df's rounding interval (a tenth or less) p is
    smooth; it is read at both ends and the middle, and the range is widened by the most it
    moves between them, so that a turn inside the interval cannot escape the bounds.
    """
    mpmath = _mpmath()
    low, high = statistic_range(test.statistic)
    if test.kind in (TestKind.F, TestKind.CHI2, TestKind.Q):
        low = max(low, Fraction(0))
    size_low = Fraction(0) if low <= 0 <= high else min(abs(low), abs(high))
    size_high = max(abs(low), abs(high))
    if test.kind is TestKind.R:
        size_high = min(size_high, Fraction(1))
        size_low = min(size_low, Fraction(1))
    values = []
    df_spread = Fraction(0)
    for size in (size_low, size_high):
        at_size = [_p_value(mpmath, test.kind, size, df) for df in itertools.product(*(_df_readings(number) for number in test.df))]
        df_spread = max(df_spread, max(at_size) - min(at_size))
        values.extend(at_size)
    return PRange(_widened_down(min(values) - df_spread), _widened_up(max(values) + df_spread))


def _p_value(mpmath: Any, kind: TestKind, size: Fraction, df: Iterable[Fraction]) -> Fraction:
    """The p-value of one exact statistic (its absolute value) and df, from mpmath at 40 digits."""
    df = tuple(df)
    with mpmath.workdps(_DIGITS):
        x = mpmath.mpf(size.numerator) / size.denominator
        degrees = [mpmath.mpf(number.numerator) / number.denominator for number in df]
        if kind is TestKind.Z:
            p = mpmath.erfc(x / mpmath.sqrt(2))
        elif kind is TestKind.T:
            nu = degrees[0]
            p = mpmath.betainc(nu / 2, mpmath.mpf(1) / 2, 0, nu / (nu + x * x), regularized=True)
        elif kind is TestKind.R:
            nu = degrees[0]
            p = mpmath.betainc(nu / 2, mpmath.mpf(1) / 2, 0, 1 - x * x, regularized=True)
        elif kind is TestKind.F:
            d1, d2 = degrees
            p = mpmath.betainc(d2 / 2, d1 / 2, 0, d2 / (d2 + d1 * x), regularized=True)
        else:  # χ2 and Q
            p = mpmath.gammainc(degrees[0] / 2, x / 2, mpmath.inf, regularized=True)
        return _fraction(mpmath, p)


def _fraction(mpmath: Any, value: Any) -> Fraction:
    mantissa, exponent = mpmath.mpf(value).man_exp
    if exponent >= 0:
        return Fraction(int(mantissa) * 2 ** int(exponent))
    return Fraction(int(mantissa), 2 ** int(-exponent))


def _widened_down(value: Fraction) -> Fraction:
    return max(Fraction(0), value - abs(value) * _RELATIVE_MARGIN - _ABSOLUTE_MARGIN)


def _widened_up(value: Fraction) -> Fraction:
    return min(Fraction(1), value + abs(value) * _RELATIVE_MARGIN + _ABSOLUTE_MARGIN)


def _mpmath() -> Any:
    try:
        import mpmath
    except ImportError:
        raise StatsUnavailable(STATS_EXTRA_MISSING) from None
    return mpmath
