"""Stated quantities are read as the exact intervals of the design's hedge table."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint._intervals import Interval
from factlint._quantities import (
    Hedge,
    QuantityError,
    Rounding,
    Tolerances,
    parse_factor,
    parse_quantity,
)


@pytest.mark.parametrize(
    ("stated", "interval"),
    [
        ("20,538", Interval.point(20538)),
        ("20538", Interval.point(20538)),
        (20538, Interval.point(20538)),
        ("20\u2009538", Interval.point(20538)),
        ("at least 170", Interval(170, None)),
        ("170 or more", Interval(170, None)),
        ("170+", Interval(170, None)),
        ("more than 170", Interval(170, None, low_open=True)),
        ("over 18,000", Interval(18000, None, low_open=True)),
        ("nearly 100", Interval(90, 100, high_open=True)),
        ("just under 100", Interval(90, 100, high_open=True)),
        # 10% of 5,200 (520) is more than half a unit of its last non-zero digit (50).
        ("about 5,200", Interval(4680, 5720)),
        ("around 12,000", Interval(10800, 13200)),
        ("Some 2,500", Interval(2250, 2750)),
        # Half a unit of the last non-zero digit (50) is more than 10% of 100.
        ("about 100", Interval(50, 150)),
        ("2.4 million", Interval(2_350_000, 2_450_000, high_open=True)),
        ("1.5 million", Interval(1_450_000, 1_550_000, high_open=True)),
        ("12k", Interval(11_500, 12_500, high_open=True)),
        ("40,000-45,000", Interval(40000, 45000)),
        ("40,000–45,000", Interval(40000, 45000)),
        ("between 40,000 and 45,000", Interval(40000, 45000)),
        ("from 1.5 to 2 million", Interval(1_500_000, 2_000_000)),
        # A hedged range widens each end as the hedge would widen that number.
        ("around 40,000-45,000", Interval(35_000, 49_500)),
        ("34%", Interval(Fraction(67, 2), Fraction(69, 2), high_open=True)),
        ("34 per cent", Interval(Fraction(67, 2), Fraction(69, 2), high_open=True)),
        ("at most 10", Interval(0, 10)),
        ("up to 10", Interval(0, 10)),
        ("fewer than 10", Interval(0, 10, high_open=True)),
        ("5.19", Interval(Fraction(5185, 1000), Fraction(5195, 1000), high_open=True)),
    ],
)
def test_stated_quantity_reads_as_the_design_interval(stated, interval):
    assert parse_quantity(stated).interval == interval


def test_percentages_are_marked_and_keep_their_nominal_value():
    quantity = parse_quantity("34%")
    assert quantity.percent and quantity.nominal == 34


def test_stated_decimals_are_kept_so_trailing_zeros_count():
    assert parse_quantity("15.70").decimals == 2
    assert parse_quantity("15.7").decimals == 1


def test_nearly_is_open_at_the_stated_number():
    assert 100 not in parse_quantity("nearly 100").interval
    assert 90 in parse_quantity("nearly 100").interval


def test_hedge_words_are_case_insensitive():
    assert parse_quantity("Nearly 100").hedge is Hedge.NEARLY
    assert parse_quantity("AROUND 5,200").interval == parse_quantity("around 5,200").interval


@pytest.mark.parametrize(
    ("mode", "interval"),
    [
        (Rounding.HALF_UP, Interval(2_350_000, 2_450_000, high_open=True)),
        (Rounding.HALF_DOWN, Interval(2_350_000, 2_450_000, low_open=True)),
        (Rounding.EITHER, Interval(2_350_000, 2_450_000)),
    ],
)
def test_rounding_mode_decides_which_end_of_a_rounded_number_is_open(mode, interval):
    assert parse_quantity("2.4 million", Tolerances(rounding=mode)).interval == interval


def test_tolerances_widen_hedges():
    assert parse_quantity("about 5,200", Tolerances(approximate=Fraction(1, 5))).interval == Interval(4160, 6240)
    assert parse_quantity("nearly 100", Tolerances(nearly=Fraction(1, 20))).interval == Interval(95, 100, high_open=True)


@pytest.mark.parametrize(
    ("stated", "message"),
    [
        ("lots", "cannot read 'lots' as a quantity"),
        ("", "cannot be empty"),
        (True, "not bool"),
        (2.5, "cannot be the float 2.5"),
        ("45,000-40,000", "from the larger number to the smaller"),
        ("at least 5 or more", "two hedges"),
        ("nearly 0", "no number is nearly 0"),
        ("fewer than 0", "no number is fewer than 0"),
    ],
)
def test_unreadable_quantity_gives_a_plain_message(stated, message):
    with pytest.raises(QuantityError, match=message):
        parse_quantity(stated)


@pytest.mark.parametrize(
    ("stated", "candidates"),
    [
        ("double", (2,)),
        ("twice", (2,)),
        ("two-fold", (2,)),
        ("triple", (3,)),
        ("three times", (3,)),
        ("threefold", (3,)),
        ("tenfold", (10,)),
        ("half", (Fraction(1, 2),)),
        ("2.5", (Fraction(5, 2),)),
        (3, (3,)),
        ("three times more", (3, 4)),
    ],
)
def test_ratio_words_read_as_their_multipliers(stated, candidates):
    assert parse_factor(stated).candidates == tuple(Fraction(c) for c in candidates)


def test_n_times_more_says_why_it_has_two_readings():
    assert "N+1" in parse_factor("three times more").note


def test_unknown_ratio_word_is_rejected():
    with pytest.raises(QuantityError, match="as a ratio"):
        parse_factor("a lot more")


@given(st.integers(min_value=0, max_value=10**12))
def test_integers_with_thousands_separators_are_exact(number):
    assert parse_quantity(f"{number:,}").interval == Interval.point(number)
    assert parse_quantity(number).interval == Interval.point(number)


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(list(Hedge)))
def test_every_hedged_reading_contains_or_bounds_the_stated_number(number, hedge):
    words = {
        Hedge.EXACT: "{}",
        Hedge.APPROXIMATE: "about {}",
        Hedge.NEARLY: "nearly {}",
        Hedge.AT_LEAST: "at least {}",
        Hedge.MORE_THAN: "more than {}",
        Hedge.AT_MOST: "at most {}",
        Hedge.FEWER_THAN: "fewer than {}",
        Hedge.RANGE: "{}-{}",
    }
    text = words[hedge].format(f"{number:,}", f"{number * 2:,}")
    quantity = parse_quantity(text)
    assert quantity.hedge is hedge
    interval = quantity.interval
    if hedge in (Hedge.NEARLY, Hedge.MORE_THAN, Hedge.FEWER_THAN):
        # Open at the stated number: it is the limit, not a member.
        assert number not in interval
        assert (interval.low == number) or (interval.high == number)
    else:
        assert number in interval


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=3), st.sampled_from(["k", " million", " billion", "%"]))
def test_rounded_figures_hold_exactly_the_numbers_that_round_to_them(digits, decimals, scale):
    written = Fraction(digits, 10**decimals)
    padded = str(digits).rjust(decimals + 1, "0")
    text = (f"{padded[:-decimals]}.{padded[-decimals:]}" if decimals else padded) + scale
    quantity = parse_quantity(text)
    multiplier = {"k": 1000, " million": 10**6, " billion": 10**9, "%": 1}[scale]
    half_unit = Fraction(multiplier, 2 * 10**decimals)
    value = written * multiplier
    assert value in quantity.interval
    assert value - half_unit in quantity.interval
    assert value + half_unit not in quantity.interval
    assert value - half_unit - Fraction(1, 10**9) not in quantity.interval
