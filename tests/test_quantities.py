"""Stated quantities and ratio words are read as the exact intervals of the design's readings table."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factlint._intervals import Interval
from factlint._quantities import (
    DEFAULT_TOLERANCES,
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
        ("the estimated 30%", Interval(27, 33)),
        ("estimated 30%", Interval(27, 33)),
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
        # Official and wire copy: "a minimum of 3,378 deaths", "not less than 45".
        ("a minimum of 3,378", Interval(3378, INFINITY)),
        ("not less than 170", Interval(170, INFINITY)),
        ("170 or more", Interval(170, INFINITY)),
        ("170+", Interval(170, INFINITY)),
        ("more than 170", Interval(170, INFINITY, low_open=True)),
        ("over 18,000", Interval(18000, INFINITY, low_open=True)),
        ("in excess of 18,000", Interval(18000, INFINITY, low_open=True)),
        ("exceeding 18,000", Interval(18000, INFINITY, low_open=True)),
        ("well over 18,000", Interval(18000, INFINITY, low_open=True)),
        ("well above 18,000", Interval(18000, INFINITY, low_open=True)),
        ("higher than 750", Interval(750, INFINITY, low_open=True)),
        ("greater than 750", Interval(750, INFINITY, low_open=True)),
        # "The death toll climbed past 80"
        ("past 80", Interval(80, INFINITY, low_open=True)),
        ("at most 10", Interval(0, 10)),
        ("up to 10", Interval(0, 10)),
        ("as many as 10", Interval(0, 10)),
        ("a maximum of 10", Interval(0, 10)),
        ("as much as 10", Interval(0, 10)),
        ("not more than 10", Interval(0, 10)),
        ("fewer than 10", half_up(0, 10)),
        ("below 10", half_up(0, 10)),
        ("well under 10", half_up(0, 10)),
        ("well below 10", half_up(0, 10)),
        ("lower than 10", half_up(0, 10)),
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
        # News copy names the change before its number, or as a noun.
        ("up 10%", (half_up(Fraction(219, 200), Fraction(221, 200)),)),
        ("rose by 10 per cent", (half_up(Fraction(219, 200), Fraction(221, 200)),)),
        ("an increase of 10%", (half_up(Fraction(219, 200), Fraction(221, 200)),)),
        ("a 10% rise", (half_up(Fraction(219, 200), Fraction(221, 200)),)),
        ("up about 10%", (Interval(Fraction(109, 100), Fraction(111, 100)),)),
        ("down 10%", (Interval(Fraction(179, 200), Fraction(181, 200), low_open=True),)),
        ("fell 10 percent", (Interval(Fraction(179, 200), Fraction(181, 200), low_open=True),)),
        ("a fall of 10%", (Interval(Fraction(179, 200), Fraction(181, 200), low_open=True),)),
        ("a 10% drop", (Interval(Fraction(179, 200), Fraction(181, 200), low_open=True),)),
        # A fraction word keeps its article: "a third lower" is 1 - 1/3, not "third".
        ("a third lower", (Interval(Fraction(19, 30), Fraction(7, 10)),)),
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


@given(
    st.integers(min_value=0, max_value=10**15),
    st.sampled_from(["", "about ", "nearly ", "more than ", "fewer than ", "at most ", "Around  "]),
    st.sampled_from(["{:,}", "{}"]),
    st.sampled_from([DEFAULT_TOLERANCES, ROUND_NUMBERS_EXACT, Tolerances(rounding=Rounding.EITHER)]),
)
def test_a_whole_number_in_digits_reads_as_the_same_number_written_with_its_plus_sign(number, hedge, form, tolerances):
    # Digits alone take a shorter path than numbers with a sign, scale word or currency: it must lead to the same quantity.
    text, signed = hedge + form.format(number), f"{hedge}+{number:_}"
    try:
        expected = parse_quantity(signed, tolerances)
    except QuantityError as error:
        with pytest.raises(QuantityError, match=re.escape(str(error).replace(signed, text))):
            parse_quantity(text, tolerances)
        return
    quantity = parse_quantity(text, tolerances)
    assert attrs.evolve(quantity, text=signed) == expected
    assert attrs.evolve(quantity.as_rate(), text=signed) == expected.as_rate()


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


# -- money and scale words ------------------------------------------------------------------------

MILLION, BILLION, TRILLION = 10**6, 10**9, 10**12


@pytest.mark.parametrize(
    ("stated", "interval", "unit"),
    [
        # The design's examples: the scale word multiplies, and the readings apply to the scaled number.
        ("$350 million", half_up(345 * MILLION, 355 * MILLION), "USD"),
        ("US$205 billion", half_up(Fraction(409, 2) * BILLION, Fraction(411, 2) * BILLION), "USD"),
        ("£18.9bn", half_up(Fraction(1885, 100) * BILLION, Fraction(1895, 100) * BILLION), "GBP"),
        ("€2.5m", half_up(Fraction(245, 100) * MILLION, Fraction(255, 100) * MILLION), "EUR"),
        ("₽750", half_up(745, 755), "RUB"),
        ("1.7 trillion", half_up(Fraction(165, 100) * TRILLION, Fraction(175, 100) * TRILLION), ""),
        ("$1.2tn", half_up(Fraction(115, 100) * TRILLION, Fraction(125, 100) * TRILLION), "USD"),
        ("13,500 billion rubles", half_up(13_450 * BILLION, 13_550 * BILLION), "RUB"),
        ("13.5 trillion rubles", half_up(13_450 * BILLION, 13_550 * BILLION), "RUB"),
        ("USD 2 billion", Interval(Fraction(18, 10) * BILLION, Fraction(22, 10) * BILLION), "USD"),
        ("USD2bn", Interval(Fraction(18, 10) * BILLION, Fraction(22, 10) * BILLION), "USD"),
        ("2 billion dollars", Interval(Fraction(18, 10) * BILLION, Fraction(22, 10) * BILLION), "USD"),
        ("2 billion USD", Interval(Fraction(18, 10) * BILLION, Fraction(22, 10) * BILLION), "USD"),
        ("10.17 billion dollar", half_up(Fraction(10165, 1000) * BILLION, Fraction(10175, 1000) * BILLION), "USD"),
        ("5 million euros", half_up(Fraction(45, 10) * MILLION, Fraction(55, 10) * MILLION), "EUR"),
        ("72K", half_up(71_500, 72_500), ""),
        ("$350,123", Interval.point(350_123), "USD"),
        # Hedges combine with money.
        ("just over $2 billion", Interval(2 * BILLION, Fraction(22, 10) * BILLION, low_open=True), "USD"),
        ("nearly $200 million", half_up(180 * MILLION, 200 * MILLION), "USD"),
        ("Around $5m", Interval(Fraction(45, 10) * MILLION, Fraction(55, 10) * MILLION), "USD"),
        ("more than $330 million", Interval(330 * MILLION, INFINITY, low_open=True), "USD"),
        ("$2bn or more", Interval(2 * BILLION, INFINITY), "USD"),
        # A currency written once, or at both ends, applies to the whole range.
        ("$2-3 billion", Interval(2 * BILLION, 3 * BILLION), "USD"),
        ("between $2bn and $3bn", Interval(2 * BILLION, 3 * BILLION), "USD"),
        ("about USD 7.6 billion to USD 8 billion", Interval(Fraction(684, 100) * BILLION, Fraction(88, 10) * BILLION), "USD"),
    ],
)
def test_money_reads_as_its_scaled_interval_and_currency(stated, interval, unit):
    quantity = parse_quantity(stated)
    assert quantity.interval == interval
    assert quantity.unit == unit


@pytest.mark.parametrize(
    ("stated", "unit"),
    [("$5", "USD"), ("US$5", "USD"), ("USD 5", "USD"), ("5 dollars", "USD"), ("5 US dollars", "USD"),
     ("€5", "EUR"), ("5 euros", "EUR"), ("EUR 5", "EUR"), ("£5", "GBP"), ("5 pounds sterling", "GBP"),
     ("₽5", "RUB"), ("5 ₽", "RUB"), ("5 roubles", "RUB"), ("5 RUB", "RUB"), ("₴5", "UAH"), ("5 yen", "JPY"),
     ("C$5", "CAD"), ("A$5", "AUD"), ("CHF 5", "CHF")],
)  # fmt: skip
def test_every_way_of_writing_a_currency_gives_its_code(stated, unit):
    assert parse_quantity(stated).unit == unit
    assert parse_quantity(stated).interval == Interval.point(5)


def test_a_number_without_a_currency_has_no_unit():
    assert parse_quantity("2.4 million").unit == ""
    assert parse_quantity(350).unit == ""


def test_a_sum_of_money_is_shown_with_its_currency():
    assert parse_quantity("$350,123").display() == "$350,123"
    assert parse_quantity("350,123").display() == "350,123"


def test_money_is_read_as_a_rate_with_its_currency():
    rate = parse_quantity("$16").as_rate()
    assert rate.interval == half_up(Fraction(31, 2), Fraction(33, 2))
    assert rate.unit == "USD"


@pytest.mark.parametrize(
    ("stated", "message"),
    [
        ("$5%", "a percentage has no currency"),
        ("$5-6%", "a percentage has no currency"),
        ("$5 euros", "two currencies, EUR and USD"),
        ("$2 billion to €3 billion", "two currencies"),
        # "pounds" may weigh, "¥" may be yen or yuan: not read, never guessed.
        ("5 million pounds", "cannot read"),
        ("¥5", "cannot read"),
        ("5 dollarz", "cannot read"),
    ],
)
def test_money_that_is_not_fully_understood_is_an_error(stated, message):
    with pytest.raises(QuantityError, match=message):
        parse_quantity(stated)


# -- the phrases quoted in the issue ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("stated", "interval"),
    [
        ("1.29 trillion", half_up(Fraction(1285, 1000) * TRILLION, Fraction(1295, 1000) * TRILLION)),
        ("just over 100", Interval(100, 110, low_open=True)),
        ("slightly fewer than 100", half_up(90, 100)),
        ("a little over 100", Interval(100, 110, low_open=True)),
        ("as many as 10", Interval(0, 10)),
        ("a third", Interval(30, Fraction(110, 3))),
        ("more than half", Interval(50, 100, low_open=True)),
        ("nearly half", half_up(Fraction(81, 2), 50)),
        ("five", Interval.point(5)),
        ("two-thirds", Interval(60, Fraction(220, 3))),
        ("tens of thousands", half_up(20_000, 100_000)),
        ("hundreds", half_up(200, 1_000)),
    ],
)
def test_each_phrase_quoted_in_the_issue_reads_as_the_design_interval(stated, interval):
    assert parse_quantity(stated).interval == interval


# -- vague quantities -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stated", "interval"),
    [
        ("dozens", half_up(24, 100)),
        ("hundreds", half_up(200, 1_000)),
        ("thousands", half_up(2_000, 10_000)),
        ("tens of thousands", half_up(20_000, 100_000)),
        ("hundreds of thousands", half_up(200_000, 1_000_000)),
        ("millions", half_up(2 * MILLION, BILLION)),
        ("Tens of Thousands", half_up(20_000, 100_000)),
        # The same pattern one scale further.
        ("tens of millions", half_up(20 * MILLION, 100 * MILLION)),
        ("hundreds of millions", half_up(200 * MILLION, BILLION)),
        ("billions", half_up(2 * BILLION, TRILLION)),
    ],
)
def test_vague_quantities_read_as_the_design_intervals(stated, interval):
    quantity = parse_quantity(stated)
    assert quantity.interval == interval
    assert quantity.reading is Reading.VAGUE
    # Not a stated number: no rule suggests a digit typo in it.
    assert quantity.hedge is not Hedge.EXACT


def test_a_vague_quantity_of_money_has_its_currency():
    quantity = parse_quantity("millions of dollars")
    assert quantity.interval == half_up(2 * MILLION, BILLION)
    assert quantity.unit == "USD"
    assert parse_quantity("hundreds of thousands of euros").unit == "EUR"


@pytest.mark.parametrize("stated", ["more than hundreds", "nearly thousands", "about dozens"])
def test_a_vague_quantity_takes_no_hedge(stated):
    with pytest.raises(QuantityError, match="takes no hedge"):
        parse_quantity(stated)


# -- number words and fraction words --------------------------------------------------------------


@pytest.mark.parametrize(
    ("stated", "as_digits"),
    [
        ("two", "2"),
        ("Five", "5"),
        ("a dozen", "12"),
        ("twelve", "12"),
        ("twenty-five", "25"),
        ("twenty five", "25"),
        ("ninety-nine", "99"),
        ("a hundred", "100"),
        ("two hundred", "200"),
        ("two hundred and five", "205"),
        ("nine hundred ninety-nine", "999"),
        ("two million", "2 million"),
        ("a million", "1 million"),
        ("twenty-five thousand", "25 thousand"),
        ("$two billion", "$2 billion"),
        ("nearly two million", "nearly 2 million"),
        ("more than five", "more than 5"),
        ("between five and ten", "between 5 and 10"),
    ],
)
def test_a_number_in_words_reads_as_its_digits_would(stated, as_digits):
    quantity, digits = parse_quantity(stated), parse_quantity(as_digits)
    assert (quantity.interval, quantity.reading, quantity.hedge, quantity.unit) == (
        digits.interval,
        digits.reading,
        digits.hedge,
        digits.unit,
    )
    assert quantity.text == stated


@pytest.mark.parametrize(
    ("stated", "interval"),
    [
        ("-14,000", half_up(-14_500, -13_500)),
        ("+330", half_up(325, 335)),
        ("+5.2%", half_up(Fraction(515, 100), Fraction(525, 100))),
    ],
)
def test_a_signed_number_is_read_with_its_sign(stated, interval):
    assert parse_quantity(stated).interval == interval


def test_a_hedged_number_cannot_be_negative():
    with pytest.raises(QuantityError, match="cannot be negative"):
        parse_quantity("about -5")


def test_a_count_word_is_exactly_its_number():
    assert parse_quantity("five").interval == Interval.point(5)
    assert parse_quantity("five").reading is Reading.WHOLE


def test_a_number_word_stated_for_a_rate_is_rounding_of_its_last_digit():
    assert parse_quantity("five").as_rate().interval == half_up(Fraction(9, 2), Fraction(11, 2))


@pytest.mark.parametrize(
    ("stated", "interval", "hedge"),
    [
        ("half", Interval(45, 55), Hedge.APPROXIMATE),
        ("a half", Interval(45, 55), Hedge.APPROXIMATE),
        ("a third", Interval(30, Fraction(110, 3)), Hedge.APPROXIMATE),
        ("one third", Interval(30, Fraction(110, 3)), Hedge.APPROXIMATE),
        ("a quarter", Interval(Fraction(45, 2), Fraction(55, 2)), Hedge.APPROXIMATE),
        ("two-thirds", Interval(60, Fraction(220, 3)), Hedge.APPROXIMATE),
        ("two thirds", Interval(60, Fraction(220, 3)), Hedge.APPROXIMATE),
        ("three-quarters", Interval(Fraction(135, 2), Fraction(165, 2)), Hedge.APPROXIMATE),
        ("about a third", Interval(30, Fraction(110, 3)), Hedge.APPROXIMATE),
        # The hedge applied to the fraction; a share is never above 100%.
        ("more than half", Interval(50, 100, low_open=True), Hedge.MORE_THAN),
        ("over a third", Interval(Fraction(100, 3), 100, low_open=True), Hedge.MORE_THAN),
        ("at least half", Interval(50, 100), Hedge.AT_LEAST),
        ("half or more", Interval(50, 100), Hedge.AT_LEAST),
        # "nearly" and "just over" apply to the share read as about: 42% is "nearly half".
        ("nearly half", half_up(Fraction(81, 2), 50), Hedge.NEARLY),
        ("almost two-thirds", half_up(54, Fraction(200, 3)), Hedge.NEARLY),
        ("just over half", Interval(50, Fraction(121, 2), low_open=True), Hedge.JUST_OVER),
        ("up to a third", Interval(0, Fraction(100, 3)), Hedge.AT_MOST),
        ("fewer than half", half_up(0, 50), Hedge.FEWER_THAN),
        ("Nearly Half", half_up(Fraction(81, 2), 50), Hedge.NEARLY),
        # "N in M" and "N out of M" are the share N/M, read as a fraction word is.
        ("one in five", Interval(18, 22), Hedge.APPROXIMATE),
        ("one in every five", Interval(18, 22), Hedge.APPROXIMATE),
        ("Two out of three", Interval(60, Fraction(220, 3)), Hedge.APPROXIMATE),
        ("nine out of 10", Interval(81, 99), Hedge.APPROXIMATE),
        ("3 in 10", Interval(27, 33), Hedge.APPROXIMATE),
        ("nearly one in five", half_up(Fraction(81, 5), 20), Hedge.NEARLY),
        ("more than one in three", Interval(Fraction(100, 3), 100, low_open=True), Hedge.MORE_THAN),
    ],
)
def test_a_fraction_word_is_a_share_read_as_about_or_as_its_hedge_says(stated, interval, hedge):
    quantity = parse_quantity(stated)
    assert quantity.interval == interval
    assert quantity.hedge is hedge
    assert quantity.percent
    assert quantity.reading is Reading.FRACTION


@pytest.mark.parametrize(
    ("stated", "interval", "unit"),
    [
        ("half a million", Interval(450_000, 550_000), ""),
        ("a quarter of a million", Interval(225_000, 275_000), ""),
        ("more than half a million dollars", Interval(500_000, INFINITY, low_open=True), "USD"),
        ("nearly three-quarters of a billion euros", half_up(675_000_000, 750_000_000), "EUR"),
    ],
)
def test_a_fraction_of_a_scale_word_is_a_number_read_as_about(stated, interval, unit):
    quantity = parse_quantity(stated)
    assert (quantity.interval, quantity.unit, quantity.percent) == (interval, unit, False)


@pytest.mark.parametrize(
    ("stated", "interval"),
    [
        ("758,855 (rounded to the nearest 5)", Interval(Fraction(1517705, 2), Fraction(1517715, 2))),
        ("758,855, rounded to the nearest 5", Interval(Fraction(1517705, 2), Fraction(1517715, 2))),
        ("95,505 to the nearest 5", Interval(Fraction(191005, 2), Fraction(191015, 2))),
        # A step inside the plain reading changes nothing but its closed end.
        ("2.4 million (to the nearest 100,000)", Interval(2_350_000, 2_450_000)),
        ("600 (rounded to the nearest 5)", half_up(550, 650)),
    ],
)
def test_a_declared_rounding_step_widens_a_plain_number_to_half_a_step(stated, interval):
    quantity = parse_quantity(stated)
    assert quantity.interval == interval
    assert quantity.reading is Reading.ROUND


@pytest.mark.parametrize("stated", ["about 5 (to the nearest 5)", "34% (to the nearest 5)", "10 (to the nearest 0)"])
def test_a_rounding_step_goes_with_a_plain_count_or_amount_only(stated):
    with pytest.raises(QuantityError):
        parse_quantity(stated)


def test_a_fraction_of_a_scale_word_takes_only_a_currency_after_it():
    with pytest.raises(QuantityError, match="'pounds' after 'million' is not a currency"):
        parse_quantity("half a million pounds")


@pytest.mark.parametrize("stated", ["six in five", "one in 0", "one in zillions"])
def test_n_in_m_that_names_no_share_is_an_error(stated):
    with pytest.raises(QuantityError):
        parse_quantity(stated)


def test_a_fraction_word_keeps_its_exact_share_as_nominal_value():
    assert parse_quantity("a third").nominal == Fraction(100, 3)


def test_fraction_words_are_factors_too():
    assert parse_factor("two-thirds").candidates == (Fraction(2, 3),)
    assert parse_factor("nearly three-quarters").readings == (half_up(Fraction(27, 40), Fraction(3, 4)),)


def test_number_words_make_ratio_words():
    assert parse_factor("twenty-five times").candidates == (25,)
    assert parse_factor("twelvefold").candidates == (12,)
    assert parse_factor("a dozen times").candidates == (12,)


# -- a dot and three digits: a decimal, or a thousands separator ------------------------------------

DECIMAL_COMMA = Tolerances(decimal_comma=True)


def test_a_dot_and_three_digits_is_read_as_a_decimal_and_says_it_may_not_be():
    quantity = parse_quantity("10.025")
    assert quantity.interval == half_up(Fraction(100245, 10000), Fraction(100255, 10000))
    assert quantity.ambiguous_separator == "10.025"
    assert parse_quantity("about 10.025 million").ambiguous_separator == "10.025"


@pytest.mark.parametrize("stated", ["10.25", "10.0255", "1,234.567", "1 234.567", "0.125", "10,025", "2.4 million"])
def test_a_number_whose_dot_can_only_be_a_decimal_point_is_not_ambiguous(stated):
    assert parse_quantity(stated).ambiguous_separator == ""


@pytest.mark.parametrize(
    ("stated", "as_english"),
    [
        ("10.025", "10,025"),
        ("10,5", "10.5"),
        ("1.234.567,89", "1,234,567.89"),
        ("2,5 Mio", None),
        ("€2,5m", "€2.5m"),
        ("etwa 5", None),
        ("about 10.025", "about 10,025"),
        ("12,5%", "12.5%"),
    ],
)
def test_decimal_comma_swaps_the_decimal_mark_and_the_thousands_separator(stated, as_english):
    if as_english is None:
        with pytest.raises(QuantityError):
            parse_quantity(stated, DECIMAL_COMMA)
        return
    quantity = parse_quantity(stated, DECIMAL_COMMA)
    assert quantity.interval == parse_quantity(as_english).interval
    assert quantity.unit == parse_quantity(as_english).unit
    assert quantity.ambiguous_separator == ""


def test_a_decimal_comma_without_the_setting_is_an_error_that_names_the_setting():
    with pytest.raises(QuantityError, match="set decimal-comma"):
        parse_quantity("10,5")
    with pytest.raises(QuantityError, match="set decimal-comma"):
        parse_quantity("1.234.567")


def test_decimal_comma_applies_to_numbers_in_ratios():
    assert parse_factor("2,5", DECIMAL_COMMA).candidates == (Fraction(5, 2),)
    assert parse_factor("2,5 times", DECIMAL_COMMA).candidates == (Fraction(5, 2),)
    assert parse_factor("12,5 percent higher", DECIMAL_COMMA).candidates == (Fraction(9, 8),)
    assert parse_factor("double").under(DECIMAL_COMMA).candidates == (2,)


@pytest.mark.parametrize("stated", ["2,5", "2,5 times", "1,00"])
def test_a_ratio_whose_comma_separates_no_thousands_is_an_error_not_a_guess(stated):
    with pytest.raises(QuantityError, match="as a ratio"):
        parse_factor(stated)


def test_decimal_comma_is_read_from_the_configuration(tmp_path):
    from factlint._config import ConfigError, read_config

    config = tmp_path / "factlint.toml"
    config.write_text("[tolerances]\ndecimal-comma = true\n", encoding="utf-8")
    assert read_config(config).tolerances.decimal_comma is True
    config.write_text("[tolerances]\n", encoding="utf-8")
    assert read_config(config).tolerances.decimal_comma is False
    config.write_text('[tolerances]\ndecimal-comma = "yes"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"tolerances\.decimal-comma"):
        read_config(config)


# -- round trips: a value written with a currency, a scale word or in words reads back the same ------

_SCALE_WORDS = {"": 1, " thousand": 10**3, "k": 10**3, " million": MILLION, "m": MILLION, "mn": MILLION,
                " billion": BILLION, "bn": BILLION, " trillion": TRILLION, "tn": TRILLION}  # fmt: skip
_CURRENCY_WRITINGS = [
    ("{}", ""), ("${}", "USD"), ("US${}", "USD"), ("USD {}", "USD"), ("{} dollars", "USD"), ("{} USD", "USD"),
    ("€{}", "EUR"), ("{} euros", "EUR"), ("£{}", "GBP"), ("GBP {}", "GBP"), ("₽{}", "RUB"), ("{} rubles", "RUB"),
    ("{} ₽", "RUB"), ("UAH {}", "UAH"), ("{} yen", "JPY"),
]  # fmt: skip


@given(
    st.integers(min_value=1, max_value=999_999),
    st.integers(min_value=0, max_value=3),
    st.sampled_from(sorted(_SCALE_WORDS)),
    st.sampled_from(_CURRENCY_WRITINGS),
    st.sampled_from(["", "about ", "nearly ", "just over ", "more than ", "up to "]),
)
def test_money_written_any_way_reads_back_its_value_interval_and_currency(digits, decimals, scale, writing, hedge):
    whole, part = divmod(digits, 10**decimals)
    number = f"{whole:,}" + (f".{part:0{decimals}d}" if decimals else "")
    template, unit = writing
    quantity = parse_quantity(hedge + template.format(number + scale))
    plain = parse_quantity(hedge + number + scale)
    assert quantity.unit == unit
    assert quantity.interval == plain.interval
    assert quantity.nominal == Fraction(digits, 10**decimals) * _SCALE_WORDS[scale]


_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]  # fmt: skip
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def in_words(number: int, hundreds_joiner: str) -> str:
    """1 to 999 in English words: 205 -> "two hundred and five" (or "two hundred five")."""
    hundreds, rest = divmod(number, 100)
    below = _UNITS[rest] if rest < 20 else _TENS[rest // 10] + (f"-{_UNITS[rest % 10]}" if rest % 10 else "")
    if not hundreds:
        return below
    return f"{_UNITS[hundreds]} hundred" + (f"{hundreds_joiner}{below}" if rest else "")


@given(st.integers(min_value=1, max_value=999), st.sampled_from([" and ", " "]), st.sampled_from(["", " thousand", " million"]))
def test_a_number_written_in_words_reads_back_as_its_digits(number, joiner, scale):
    words = in_words(number, joiner) + scale
    assert parse_quantity(words).interval == parse_quantity(f"{number}{scale}").interval
    assert parse_quantity(words).nominal == number * _SCALE_WORDS[scale]


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=3))
def test_decimal_comma_reads_a_european_number_as_the_english_one(digits, decimals):
    whole, part = divmod(digits, 10**decimals)
    english = f"{whole:,}" + (f".{part:0{decimals}d}" if decimals else "")
    european = english.translate(str.maketrans(",.", ".,"))
    assert parse_quantity(european, DECIMAL_COMMA).interval == parse_quantity(english).interval


@given(
    st.sampled_from(["half", "a third", "two-thirds", "a quarter", "three-quarters", "a fifth", "a tenth"]),
    st.sampled_from(["", "about ", "nearly ", "just over ", "more than ", "at least ", "up to ", "fewer than "]),
)
def test_a_hedged_share_stays_within_0_and_100_percent_and_bounds_its_fraction(word, hedge):
    quantity = parse_quantity(hedge + word)
    assert quantity.interval.is_within(Interval(0, 100))
    share = quantity.nominal
    assert share in quantity.interval or share in (quantity.interval.low, quantity.interval.high)


_SHARES = {"half": Fraction(50), "a third": Fraction(100, 3), "two-thirds": Fraction(200, 3), "a quarter": Fraction(25)}


@given(st.sampled_from(sorted(_SHARES)), st.sampled_from(["nearly", "almost", "just under"]))
def test_nearly_a_share_word_lies_below_it_down_to_nearly_its_about_reading(word, hedge):
    share = _SHARES[word]
    interval = parse_quantity(f"{hedge} {word}").interval
    # "nearly" of the share read as about: 10% below its lowest about-reading, never the share itself.
    assert interval == Interval(share * Fraction(81, 100), share, high_open=True)


@given(st.sampled_from(sorted(_SHARES)), st.sampled_from(["just over", "slightly more than", "a little over"]))
def test_just_over_a_share_word_lies_above_it_within_100_percent(word, hedge):
    share = _SHARES[word]
    interval = parse_quantity(f"{hedge} {word}").interval
    assert interval == Interval(share, min(share * Fraction(121, 100), Fraction(100)), low_open=True)


@pytest.mark.parametrize(
    ("stated", "low", "high", "hedge"),
    [
        ("only 35,887", 35887, 35887, Hedge.EXACT),
        ("a record 255,055", 255055, 255055, Hedge.EXACT),
        ("a little more than 203", 203, Fraction(2233, 10), Hedge.JUST_OVER),
        ("just shy of 203", Fraction(1827, 10), 203, Hedge.NEARLY),
        ("as few as 13", 13, None, Hedge.AT_LEAST),
    ],
)
def test_phrasings_of_real_reporting_read_as_their_hedge(stated, low, high, hedge):
    quantity = parse_quantity(stated)
    assert (quantity.interval.low, quantity.interval.high, quantity.hedge) == (low, high, hedge)
