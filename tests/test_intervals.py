"""Exact interval arithmetic: every pointwise result lies in the interval result, and comparisons never lie."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factlint._intervals import Interval, Truth, format_number, sum_of

fractions = st.fractions(min_value=-1000, max_value=1000, max_denominator=50)


@st.composite
def intervals_with_a_member(draw):
    """An interval (possibly half-infinite, with open or closed ends) and one number inside it."""
    low, high = sorted([draw(fractions), draw(fractions)])
    low_open, high_open = draw(st.booleans()), draw(st.booleans())
    if low == high:
        low_open = high_open = False
    if draw(st.integers(0, 5)) == 0:
        low = None
    elif draw(st.integers(0, 5)) == 0:
        high = None
    interval = Interval(low, high, low_open, high_open)
    member = draw(_member_of(interval))
    return interval, member


@st.composite
def _member_of(draw, interval: Interval):
    low = interval.low if interval.low is not None else (interval.high or 0) - 1000
    high = interval.high if interval.high is not None else (interval.low or 0) + 1000
    if low == high:
        return low
    fraction = draw(st.fractions(min_value=0, max_value=1, max_denominator=97))
    value = low + (high - low) * fraction
    assume(value in interval)
    return value


@given(intervals_with_a_member(), intervals_with_a_member())
def test_sum_contains_every_pointwise_sum(first, second):
    (a, x), (b, y) = first, second
    assert x + y in a + b


@given(intervals_with_a_member(), intervals_with_a_member())
def test_difference_contains_every_pointwise_difference(first, second):
    (a, x), (b, y) = first, second
    assert x - y in a - b


@given(intervals_with_a_member(), intervals_with_a_member())
def test_product_contains_every_pointwise_product(first, second):
    (a, x), (b, y) = first, second
    assert x * y in a * b


@given(intervals_with_a_member(), intervals_with_a_member())
def test_quotient_contains_every_pointwise_quotient(first, second):
    (a, x), (b, y) = first, second
    assume(y != 0)
    assert x / y in a / b


@given(intervals_with_a_member(), intervals_with_a_member())
def test_arithmetic_results_are_the_intervals_the_checked_constructor_builds(first, second):
    (a, _), (b, _) = first, second
    for result in (a + b, a - b, -a, a * b):
        assert Interval(result.low, result.high, result.low_open, result.high_open) == result
        assert all(end is None or type(end) is Fraction for end in (result.low, result.high))


@given(st.lists(intervals_with_a_member(), max_size=6))
def test_sum_of_is_the_sum_added_one_by_one(members):
    intervals = [interval for interval, _ in members]
    total = sum_of(intervals)
    assert total == sum(intervals, Interval.point(0))
    assert all(end is None or type(end) is Fraction for end in (total.low, total.high))


@given(intervals_with_a_member(), intervals_with_a_member())
def test_comparisons_never_contradict_a_pointwise_choice(first, second):
    (a, x), (b, y) = first, second
    for truth, holds in [
        (a.less_than(b), x < y),
        (a.less_equal(b), x <= y),
        (a.greater_than(b), x > y),
        (a.greater_equal(b), x >= y),
        (a.equals(b), x == y),
    ]:
        if truth is Truth.CERTAINLY:
            assert holds
        if truth is Truth.CERTAINLY_NOT:
            assert not holds


@given(intervals_with_a_member(), intervals_with_a_member())
def test_intersection_holds_exactly_the_common_members(first, second):
    (a, x), (b, y) = first, second
    common = a.intersection(b)
    for value in (x, y):
        assert (common is not None and value in common) == (value in a and value in b)


@given(intervals_with_a_member(), intervals_with_a_member())
def test_hull_contains_both(first, second):
    (a, x), (b, y) = first, second
    hull = Interval.hull([a, b])
    assert x in hull and y in hull


def test_touching_open_and_closed_ends_do_not_intersect():
    assert not Interval(90, 100, high_open=True).intersects(Interval.point(100))
    assert Interval(90, 100).intersects(Interval.point(100))


def test_nearly_100_is_certainly_below_100():
    assert Interval(90, 100, high_open=True).less_than(Interval.point(100)) is Truth.CERTAINLY


def test_at_least_170_is_certainly_not_at_most_150():
    assert Interval(170, None).less_equal(Interval.point(150)) is Truth.CERTAINLY_NOT


def test_overlapping_intervals_compare_as_possibly():
    assert Interval(90, 100).less_equal(Interval.point(95)) is Truth.POSSIBLY


def test_infinite_ends_are_open():
    assert Interval(None, 5) == Interval(None, 5, low_open=True)


def test_empty_interval_is_rejected():
    with pytest.raises(ValueError, match="empty interval"):
        Interval(5, 5, low_open=True)


def test_reciprocal_of_an_interval_touching_zero_at_an_open_end_is_half_infinite():
    assert Interval(0, 2, low_open=True).reciprocal() == Interval(Fraction(1, 2), None)


def test_an_infinite_end_times_a_number_too_large_or_small_for_a_float_stays_exact():
    huge, tiny = Fraction(10**400), Fraction(1, 10**400)
    assert Interval(0, None) * huge == Interval(0, None)
    assert Interval(None, -1) * huge == Interval(None, -huge)
    assert Interval(1, None) * tiny == Interval(tiny, None)
    assert Interval(-1, None) * -tiny == Interval(None, tiny)


def test_truth_logic_follows_three_valued_rules():
    assert Truth.CERTAINLY & Truth.POSSIBLY is Truth.POSSIBLY
    assert Truth.CERTAINLY_NOT | Truth.POSSIBLY is Truth.POSSIBLY
    assert ~Truth.CERTAINLY is Truth.CERTAINLY_NOT


@pytest.mark.parametrize(
    ("value", "text"),
    [(20538, "20,538"), (Fraction(1, 3), "0.3333…"), (Fraction(-5, 2), "-2.5"), (Fraction(52178, 1000), "52.178")],
)
def test_numbers_are_formatted_as_a_reader_writes_them(value, text):
    assert format_number(value) == text
