"""Stated quantities and ratio words are read as the exact intervals of the design's readings table."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factlint._intervals import Interval
from factlint._quantities import (
    Hedge,
    QuantityError,
    Reading,
    Rounding,
    RoundNumbers,
    Tolerances,
    parse_factor,
    parse_quantity,
)

INFINITY = None
ROUND_NUMBERS_EXACT = Tolerances(round_numbers=RoundNumbers.EXACT)


def half_up(low: Fraction | int, high: Fraction | int) -> Interval:
    return Interval(low, high, high_open=True)


# -- the readings table, one row at a time -------------------------------------------------


@pytest.mark.parametrize(
    ("stated", "interval"),
    [
        # A TOML/JSON number is exact data, round or not.
        (20538, Interval.point(20538)),
        (600, Interval.point(600)),
        (Decimal("15.70"), Interval.point(Fraction(157, 10))),
        (Fraction(5, 2), Interval.point(Fraction(5, 2))),
        # Text without a hedge and without trailing zeros: rounding of the last stated digit,
        # which for a whole number leaves only that integer.
        ("20,538", Interval.point(20538)),
        ("20538", Interval.point(20538)),
        ("2,076", Interval.point(2076)),
        ("20\u2009538", Interval.point(20538)),
        ("2.4 million", half_up(2_350_000, 2_450_000)),
        ("1.5 million", half_up(1_450_000, 1_550_000)),
        ("1.29 trillion", half_up(1_285_000_000_000, 1_295_000_000_000)),
        ("15.70", half_up(Fraction(15695, 1000), Fraction(15705, 1000))),
        ("5.19", half_up(Fraction(5185, 1000), Fraction(5195, 1000))),
        ("34%", half_up(Fraction(67, 2), Fraction(69, 2))),
        ("34 per cent", half_up(Fraction(67, 2), Fraction(69, 2))),
        # A percentage is read at its last stated digit, even when it ends in a zero.
        ("30%", half_up(Fraction(59, 2), Fraction(61, 2))),
        # Round numbers: rounded at the last non-zero digit, never by more than 10%.
        ("18,000", half_up(17_500, 18_500)),
        ("600", half_up(550, 650)),
        ("1,000", Interval(900, 1_100)),
        ("2 million", Interval(1_800_000, 2_200_000)),
        ("20 million", Interval(18_000_000, 22_000_000)),
        ("12k", half_up(11_500, 12_500)),
        # Half a unit of the last non-zero digit is exactly 10%: the rounding's open end stays.
        ("500", half_up(450, 550)),
        ("10", Interval(9, 11)),
        # about / around: N ± 10%, and at least the plain reading of N.
        ("about 5,200", Interval(4680, 5720)),
        ("around 12,000", Interval(10800, 13200)),
        ("Some 2,500", Interval(2250, 2750)),
        ("circa 2,500", Interval(2250, 2750)),
        ("about 600", Interval(540, 660)),
        ("about 100", Interval(90, 110)),
        ("about 2.4 million", Interval(2_160_000, 2_640_000)),
        # A small count: 10% of 2 is all "about" adds to the single integer 2.
        ("about 2", Interval(Fraction(9, 5), Fraction(11, 5))),
        # 10% of 1.0 (0.1) is wider than the rounding of its last digit (0.05).
        ("about 1.0", Interval(Fraction(9, 10), Fraction(11, 10))),
        ("about 30%", Interval(27, 33)),
        # nearly / just under: [N - 10%, N)
        ("nearly 100", half_up(90, 100)),
        ("almost 100", half_up(90, 100)),
        ("just under 100", half_up(90, 100)),
        ("close to 100", half_up(90, 100)),
        ("a little under 100", half_up(90, 100)),
        ("slightly fewer than 100", half_up(90, 100)),
        # just over: (N, N + 10%]
        ("just over 100", Interval(100, 110, low_open=True)),
        ("slightly more than 100", Interval(100, 110, low_open=True)),
        ("a little over 100", Interval(100, 110, low_open=True)),
        ("upwards of 100", Interval(100, 110, low_open=True)),
        # open-ended hedges
        ("at least 170", Interval(170, INFINITY)),
        ("no fewer than 170", Interval(170, INFINITY)),
        ("170 or more", Interval(170, INFINITY)),
        ("170+", Interval(170, INFINITY)),
        ("more than 170", Interval(170, INFINITY, low_open=True)),
        ("over 18,000", Interval(18000, INFINITY, low_open=True)),
        ("in excess of 18,000", Interval(18000, INFINITY, low_open=True)),
        ("exceeding 18,000", Interval(18000, INFINITY, low_open=True)),
        ("at most 10", Interval(0, 10)),
        ("up to 10", Interval(0, 10)),
        ("as many as 10", Interval(0, 10)),
        ("fewer than 10", half_up(0, 10)),
        ("below 10", half_up(0, 10)),
        # ranges
        ("40,000-45,000", Interval(40000, 45000)),
        ("40,000–45,000", Interval(40000, 45000)),
        ("between 40,000 and 45,000", Interval(40000, 45000)),
        ("from 1.5 to 2 million", Interval(1_500_000, 2_000_000)),
        # A hedged range widens each end by the approximate tolerance.
        ("around 40,000-45,000", Interval(36_000, 49_500)),
    ],
)
def test_stated_quantity_reads_as_the_design_interval(stated, interval):
    assert parse_quantity(stated).interval == interval


@pytest.mark.parametrize(
    ("stated", "reading"),
    [
        (600, Reading.DATA),
        ("20,538", Reading.WHOLE),
        ("2.4 million", Reading.LAST_DIGIT),
        ("34%", Reading.LAST_DIGIT),
        ("600", Reading.ROUND),
        ("2 million", Reading.ROUND),
        ("40,000-45,000", Reading.RANGE),
    ],
)
def test_each_quantity_records_the_row_of_the_table_that_read_it(stated, reading):
    assert parse_quantity(stated).reading is reading


def test_round_numbers_exact_reads_round_text_as_stated():
    assert parse_quantity("600", ROUND_NUMBERS_EXACT).interval == Interval.point(600)
    assert parse_quantity("2 million", ROUND_NUMBERS_EXACT).interval == Interval.point(2_000_000)
    assert parse_quantity("18,000", ROUND_NUMBERS_EXACT).reading is Reading.WHOLE


def test_round_numbers_exact_leaves_every_other_row_alone():
    assert parse_quantity("2.4 million", ROUND_NUMBERS_EXACT).interval == half_up(2_350_000, 2_450_000)
    assert parse_quantity("30%", ROUND_NUMBERS_EXACT).interval == half_up(Fraction(59, 2), Fraction(61, 2))
    assert parse_quantity("about 600", ROUND_NUMBERS_EXACT).interval == Interval(540, 660)


def test_round_numbers_are_never_rounded_by_more_than_the_approximate_tolerance():
    narrow = Tolerances(approximate=Fraction(1, 100))
    assert parse_quantity("600", narrow).interval == Interval(594, 606)
    assert parse_quantity("2 million", narrow).interval == Interval(1_980_000, 2_020_000)


def test_a_number_given_as_data_is_exact_whatever_the_tolerances():
    assert parse_quantity(18_000).is_exact
    assert parse_quantity(Decimal("2000000"), Tolerances(round_numbers=RoundNumbers.ROUNDED)).is_exact


def test_percentages_are_marked_and_keep_their_nominal_value():
    quantity = parse_quantity("34%")
    assert quantity.percent and quantity.nominal == 34


def test_stated_decimals_are_kept_so_trailing_zeros_count():
    assert parse_quantity("15.70").decimals == 2
    assert parse_quantity("15.7").decimals == 1


def test_nearly_is_open_at_the_stated_number():
    assert 100 not in parse_quantity("nearly 100").interval
    assert 90 in parse_quantity("nearly 100").interval


def test_just_over_is_open_at_the_stated_number():
    assert 100 not in parse_quantity("just over 100").interval
    assert 110 in parse_quantity("just over 100").interval


def test_hedge_words_are_case_insensitive():
    assert parse_quantity("Nearly 100").hedge is Hedge.NEARLY
    assert parse_quantity("AROUND 5,200").interval == parse_quantity("around 5,200").interval
    assert parse_quantity("72K").interval == parse_quantity("72k").interval


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


def test_rounding_mode_applies_to_round_numbers_too():
    assert parse_quantity("600", Tolerances(rounding=Rounding.HALF_DOWN)).interval == Interval(550, 650, low_open=True)


def test_tolerances_widen_hedges():
    assert parse_quantity("about 5,200", Tolerances(approximate=Fraction(1, 5))).interval == Interval(4160, 6240)
    assert parse_quantity("nearly 100", Tolerances(nearly=Fraction(1, 20))).interval == Interval(95, 100, high_open=True)
    assert parse_quantity("just over 100", Tolerances(nearly=Fraction(1, 20))).interval == Interval(100, 105, low_open=True)


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
        ("just over 0", "no number is just over 0"),
        ("fewer than 0", "no number is fewer than 0"),
    ],
)
def test_unreadable_quantity_gives_a_plain_message(stated, message):
    with pytest.raises(QuantityError, match=message):
        parse_quantity(stated)


# -- rates and means: the rate row ----------------------------------------------------------


@pytest.mark.parametrize(
    ("stated", "interval"),
    [
        ("16", half_up(Fraction(31, 2), Fraction(33, 2))),
        ("100", half_up(Fraction(199, 2), Fraction(201, 2))),
        ("5,200", half_up(Fraction(10399, 2), Fraction(10401, 2))),
        # The last stated digit of "2 million" is the 2.
        ("2 million", half_up(1_500_000, 2_500_000)),
        ("about 16", Interval(Fraction(72, 5), Fraction(88, 5))),
        # About 2 is at least the rounding of 2, which is wider than 10%.
        ("about 2", half_up(Fraction(3, 2), Fraction(5, 2))),
        ("nearly 100", half_up(90, 100)),
        ("at least 16", Interval(16, INFINITY)),
    ],
)
def test_a_rate_or_mean_stated_as_a_whole_number_is_rounding_of_its_last_digit(stated, interval):
    rate = parse_quantity(stated).as_rate()
    assert rate.interval == interval
    assert rate.text == stated


def test_the_rate_reading_is_not_the_round_number_reading():
    assert parse_quantity("100").as_rate().reading is Reading.RATE
    assert parse_quantity("100", ROUND_NUMBERS_EXACT).as_rate().interval == half_up(Fraction(199, 2), Fraction(201, 2))


@pytest.mark.parametrize("stated", [100, Decimal("16"), "2.4 million", "15.70", "30%", "40-45"])
def test_data_and_text_read_at_its_last_digit_read_the_same_as_a_rate(stated):
    quantity = parse_quantity(stated)
    assert quantity.as_rate() is quantity


def test_reading_as_a_rate_twice_changes_nothing():
    rate = parse_quantity("16").as_rate()
    assert rate.as_rate() is rate


def test_the_rate_reading_keeps_the_tolerances_it_was_parsed_with():
    assert parse_quantity("16", Tolerances(rounding=Rounding.HALF_DOWN)).as_rate().interval == Interval(
        Fraction(31, 2), Fraction(33, 2), low_open=True
    )
    assert parse_quantity("about 16", Tolerances(approximate=Fraction(1, 5))).as_rate().interval == Interval(
        Fraction(64, 5), Fraction(96, 5)
    )


# -- ratio words ------------------------------------------------------------------------------

ABOUT_2 = Interval(Fraction(9, 5), Fraction(11, 5))
ABOUT_3 = Interval(Fraction(27, 10), Fraction(33, 10))


@pytest.mark.parametrize(
    ("stated", "readings"),
    [
        ("double", (ABOUT_2,)),
        ("twice", (ABOUT_2,)),
        ("two-fold", (ABOUT_2,)),
        ("doubled", (ABOUT_2,)),
        ("triple", (ABOUT_3,)),
        ("three times", (ABOUT_3,)),
        ("threefold", (ABOUT_3,)),
        ("tripled", (ABOUT_3,)),
        ("quadrupled", (Interval(Fraction(18, 5), Fraction(22, 5)),)),
        ("tenfold", (Interval(9, 11),)),
        ("half", (Interval(Fraction(9, 20), Fraction(11, 20)),)),
        ("halved", (Interval(Fraction(9, 20), Fraction(11, 20)),)),
        ("a third", (Interval(Fraction(3, 10), Fraction(11, 30)),)),
        ("2.5", (Interval(Fraction(9, 4), Fraction(11, 4)),)),
        ("Double", (ABOUT_2,)),
        # "exactly" leaves no tolerance.
        ("exactly double", (Interval.point(2),)),
        # Hedged factors follow the hedge table.
        ("nearly double", (half_up(Fraction(9, 5), 2),)),
        ("almost tripled", (half_up(Fraction(27, 10), 3),)),
        ("just under double", (half_up(Fraction(9, 5), 2),)),
        ("just over double", (Interval(2, Fraction(11, 5), low_open=True),)),
        ("more than tripled", (Interval(3, INFINITY, low_open=True),)),
        ("over double", (Interval(2, INFINITY, low_open=True),)),
        ("at least double", (Interval(2, INFINITY),)),
        ("about double", (ABOUT_2,)),
        # "N times more" and "N times less" are used both ways.
        ("three times more", (ABOUT_3, Interval(Fraction(18, 5), Fraction(22, 5)))),
        ("three times less", (Interval(Fraction(3, 10), Fraction(11, 30)), Interval(Fraction(9, 40), Fraction(11, 40)))),
        # "N percent higher" is 1 + N/100, N read with its own precision and hedge.
        ("10 percent higher", (half_up(Fraction(219, 200), Fraction(221, 200)),)),
        ("10% more", (half_up(Fraction(219, 200), Fraction(221, 200)),)),
        ("10 per cent up", (half_up(Fraction(219, 200), Fraction(221, 200)),)),
        ("10 percent increase", (half_up(Fraction(219, 200), Fraction(221, 200)),)),
        ("about 10 percent higher", (Interval(Fraction(109, 100), Fraction(111, 100)),)),
        ("10 percent lower", (Interval(Fraction(179, 200), Fraction(181, 200), low_open=True),)),
        ("10% less", (Interval(Fraction(179, 200), Fraction(181, 200), low_open=True),)),
        ("10 percent down", (Interval(Fraction(179, 200), Fraction(181, 200), low_open=True),)),
        ("10 percent decrease", (Interval(Fraction(179, 200), Fraction(181, 200), low_open=True),)),
        ("exactly 10 percent higher", (Interval.point(Fraction(11, 10)),)),
        # A number given as data is exact.
        (3, (Interval.point(3),)),
        (Fraction(5, 2), (Interval.point(Fraction(5, 2)),)),
        (Decimal("2.5"), (Interval.point(Fraction(5, 2)),)),
    ],
)
def test_ratio_words_read_as_intervals(stated, readings):
    assert parse_factor(stated).readings == readings


@pytest.mark.parametrize(
    ("stated", "candidates"),
    [
        ("double", (2,)),
        ("three times", (3,)),
        ("half", (Fraction(1, 2),)),
        ("nearly double", (2,)),
        ("three times more", (3, 4)),
        ("three times less", (Fraction(1, 3), Fraction(1, 4))),
        ("10 percent higher", (Fraction(11, 10),)),
        (3, (3,)),
    ],
)
def test_ratio_words_keep_the_multipliers_they_name(stated, candidates):
    assert parse_factor(stated).candidates == tuple(Fraction(c) for c in candidates)


def test_the_ratio_tolerance_sets_how_wide_a_ratio_word_is():
    assert parse_factor("double", Tolerances(ratio=Fraction(1, 20))).readings == (Interval(Fraction(19, 10), Fraction(21, 10)),)
    assert parse_factor("exactly double", Tolerances(ratio=Fraction(1, 5))).readings == (Interval.point(2),)


def test_a_factor_is_read_again_under_a_runs_tolerances_unless_it_is_data():
    narrow = Tolerances(ratio=Fraction(1, 20))
    assert parse_factor("double").under(narrow).readings == parse_factor("double", narrow).readings
    assert parse_factor(2).under(narrow).readings == (Interval.point(2),)
    factor = parse_factor("double")
    assert factor.under(Tolerances()) is factor


def test_a_factor_explains_its_reading():
    assert parse_factor("double").describe() == '"double" read as 1.8 to 2.2 (approximate, ±10%)'
    assert parse_factor("exactly double").describe() == '"exactly double" read as 2 (stated exactly)'
    assert parse_factor("nearly double").describe() == '"nearly double" read as [1.8, 2) (nearly: up to 10% below)'
    assert parse_factor(3).describe() == "3 read as 3 (exact data)"
    assert '"10 percent" read as [9.5, 10.5)' in parse_factor("10 percent higher").describe()


def test_n_times_more_and_less_say_why_they_have_two_readings():
    assert "N+1" in parse_factor("three times more").note
    assert "1/(N+1)" in parse_factor("three times less").note
    assert "N+1" in parse_factor("three times more").describe()


@pytest.mark.parametrize(
    ("stated", "message"),
    [
        ("a lot more", "as a ratio"),
        ("exactly nearly double", "both exact and nearly"),
        ("0 times less", "is no ratio"),
        (2.5, "cannot be the float"),
        (True, "not True"),
    ],
)
def test_unreadable_ratio_gives_a_plain_message(stated, message):
    with pytest.raises(QuantityError, match=message):
        parse_factor(stated)


# -- properties of the arithmetic core --------------------------------------------------------


@given(st.integers(min_value=0, max_value=10**12))
def test_whole_numbers_that_are_not_round_are_exactly_themselves(number):
    assume(number % 10 != 0)
    assert parse_quantity(f"{number:,}").interval == Interval.point(number)


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_numbers_given_as_data_are_exactly_themselves(number):
    assert parse_quantity(number).interval == Interval.point(number)


@given(st.integers(min_value=1, max_value=10**12), st.integers(min_value=1, max_value=12), st.booleans())
def test_a_round_number_holds_every_integer_that_rounds_to_it_within_ten_percent(number, place, scale_word):
    # Round `number` half-up at 10**place; the round text may be read as any number it rounds.
    unit = 10**place
    rounded = (number + unit // 2) // unit * unit
    assume(rounded > 0 and abs(rounded - number) * 10 <= rounded)
    text = f"{rounded // 10**6} million" if scale_word and rounded % 10**6 == 0 else f"{rounded:,}"
    quantity = parse_quantity(text)
    assert quantity.reading is Reading.ROUND
    assert number in quantity.interval


@given(st.integers(min_value=1, max_value=10**12))
def test_a_round_number_allows_no_more_than_ten_percent(number):
    interval = parse_quantity(f"{number:,}").interval
    assert interval.low is not None and interval.high is not None
    assert interval.low >= number * Fraction(9, 10) and interval.high <= number * Fraction(11, 10)


@given(st.fractions(min_value=0, max_value=10**6))
def test_a_whole_number_stated_for_a_rate_holds_every_value_that_rounds_to_it(true):
    stated = int(true + Fraction(1, 2))  # half-up, the default reading
    assert true in parse_quantity(f"{stated:,}").as_rate().interval


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from([hedge for hedge in Hedge if hedge is not Hedge.EXACT]))
def test_every_hedged_reading_contains_or_bounds_the_stated_number(number, hedge):
    words = {
        Hedge.APPROXIMATE: "about {}",
        Hedge.NEARLY: "nearly {}",
        Hedge.JUST_OVER: "just over {}",
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
    if hedge in (Hedge.NEARLY, Hedge.JUST_OVER, Hedge.MORE_THAN, Hedge.FEWER_THAN):
        # Open at the stated number: it is the limit, not a member.
        assert number not in interval
        assert (interval.low == number) or (interval.high == number)
    else:
        assert number in interval


@given(st.integers(min_value=1, max_value=10**9))
def test_about_n_holds_n_plus_or_minus_ten_percent_and_the_plain_reading(number):
    about = parse_quantity(f"about {number:,}").interval
    plain = parse_quantity(f"{number:,}").interval
    assert plain.is_within(about)
    assert Interval(number * Fraction(9, 10), number * Fraction(11, 10)).is_within(about)


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=3), st.sampled_from(["", "k", " million", " billion", "%"]))
def test_figures_with_decimals_hold_exactly_the_numbers_that_round_to_them(digits, decimals, scale):
    padded = str(digits).rjust(decimals + 1, "0")
    text = f"{padded[:-decimals]}.{padded[-decimals:]}{scale}"
    quantity = parse_quantity(text)
    multiplier = {"": 1, "k": 1000, " million": 10**6, " billion": 10**9, "%": 1}[scale]
    half_unit = Fraction(multiplier, 2 * 10**decimals)
    value = Fraction(digits, 10**decimals) * multiplier
    assert value in quantity.interval
    assert value - half_unit in quantity.interval
    assert value + half_unit not in quantity.interval
    assert value - half_unit - Fraction(1, 10**9) not in quantity.interval


@given(st.integers(min_value=1, max_value=999))
def test_a_percentage_is_read_at_its_last_digit_even_when_round(digits):
    assert parse_quantity(f"{digits}%").interval == half_up(digits - Fraction(1, 2), digits + Fraction(1, 2))


@given(st.fractions(min_value=Fraction(9, 5), max_value=Fraction(11, 5)))
def test_double_accepts_every_ratio_within_ten_percent_of_two(ratio):
    assert any(ratio in reading for reading in parse_factor("double").readings)


@given(st.fractions(min_value=0, max_value=100), st.sampled_from(["double", "three times", "tenfold", "half", "three times more"]))
def test_a_ratio_beyond_every_reading_is_rejected(ratio, word):
    factor = parse_factor(word)
    beyond = all(abs(ratio - candidate) > candidate / 10 for candidate in factor.candidates)
    assert any(ratio in reading for reading in factor.readings) is not beyond


@given(st.integers(min_value=0, max_value=200), st.sampled_from([("higher", 1), ("lower", -1)]))
def test_n_percent_higher_or_lower_holds_one_plus_or_minus_n_over_100(percent, direction):
    word, sign = direction
    [reading] = parse_factor(f"{percent} percent {word}").readings
    assert 1 + sign * Fraction(percent, 100) in reading


@given(st.sampled_from(["double", "three times", "tenfold", "half", "quadrupled"]), st.sampled_from(["nearly", "almost", "just under"]))
def test_nearly_a_factor_lies_just_below_it_and_never_reaches_it(word, hedge):
    [nominal] = parse_factor(word).candidates
    [reading] = parse_factor(f"{hedge} {word}").readings
    assert nominal not in reading
    assert reading == half_up(nominal * Fraction(9, 10), nominal)
