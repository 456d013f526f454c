"""Intervals with rational ends, open or closed, and infinite ends when allowed."""

from __future__ import annotations

from hypothesis import strategies as st

from factlint._intervals import Interval
from factlint.strategies._arguments import check_flag, check_order, check_value

__all__ = ["intervals"]


def intervals(
    *, min_value: int = -(10**6), max_value: int = 10**6, allow_infinite: bool = True
) -> st.SearchStrategy[Interval]:
    """Intervals with rational ends in [min_value, max_value], open or closed; infinite ends if allowed."""
    min_value = check_value("min_value", min_value)
    max_value = check_value("max_value", max_value)
    check_order("min_value", min_value, "max_value", max_value)
    return _intervals(min_value, max_value, check_flag("allow_infinite", allow_infinite))


@st.composite
def _intervals(draw: st.DrawFn, low: int, high: int, allow_infinite: bool) -> Interval:
    ends = st.fractions(low, high, max_denominator=20)
    first, second = sorted((draw(ends), draw(ends)))
    # Open ends on a single point would leave it empty.
    low_open, high_open = (draw(st.booleans()), draw(st.booleans())) if first < second else (False, False)
    lower = None if allow_infinite and draw(st.integers(0, 5)) == 0 else first
    upper = None if allow_infinite and draw(st.integers(0, 5)) == 0 else second
    return Interval(lower, upper, low_open, high_open)
