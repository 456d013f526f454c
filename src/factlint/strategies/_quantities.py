"""Quantities parsed from generated text, and statements of a true value whose reading (as a claim reads it) contains it."""

from __future__ import annotations

import math
from collections.abc import Iterable
from fractions import Fraction

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from factlint._quantities import Hedge, Quantity, parse_quantity
from factlint.strategies._arguments import check_order, check_value
from factlint.strategies._numbers import (
    PERCENT_SIGNS,
    RANGE_PHRASES,
    SCALE_WORDS,
    capitalised,
    decimal_text,
    hedged,
    integer_text,
    number_text,
)

__all__ = ["quantities", "read_as", "statement_of"]

# The least nominal value each hedge can state: "nearly 0", "just over 0" and "under 0" would be empty.
_HEDGE_MINIMUM = {Hedge.NEARLY: 1, Hedge.JUST_OVER: 1, Hedge.FEWER_THAN: 1, Hedge.APPROXIMATE: 1}


def quantities(
    *, hedges: Iterable[Hedge] | None = None, min_value: int = 0, max_value: int = 10**7
) -> st.SearchStrategy[Quantity]:
    """Quantities parsed from generated text, whose stated numbers lie in [min_value, max_value].

    Covers exact integers with and without thousands separators (and TOML integers),
    every hedge phrase the parser reads, ranges, rounded figures ("2.4 million",
    "15.70") and percentages. `hedges` limits the hedges used (default: all of Hedge).
    """
    min_value = check_value("min_value", min_value)
    max_value = check_value("max_value", max_value)
    if min_value < 0:
        raise InvalidArgument(f"min_value={min_value!r} must be at least 0: hedged quantities cannot be negative")
    check_order("min_value", min_value, "max_value", max_value)
    chosen = tuple(Hedge) if hedges is None else _check_hedges(hedges)
    possible = tuple(dict.fromkeys(hedge for hedge in chosen if max_value >= _HEDGE_MINIMUM.get(hedge, 0)))
    if not possible:
        raise InvalidArgument(
            f"no quantity with hedges {[hedge.value for hedge in chosen]} has a number up to max_value={max_value}"
        )
    return _written_quantities(possible, min_value, max_value)


def _check_hedges(hedges: Iterable[object]) -> tuple[Hedge, ...]:
    if isinstance(hedges, (str, bytes)) or not isinstance(hedges, Iterable):
        raise InvalidArgument(f"hedges={hedges!r} must be a collection of factlint.Hedge members")
    chosen: list[Hedge] = []
    for hedge in hedges:
        if not isinstance(hedge, Hedge):
            raise InvalidArgument(f"hedges must be members of factlint.Hedge, not {hedge!r}")
        chosen.append(hedge)
    if not chosen:
        raise InvalidArgument("hedges must name at least one Hedge")
    return tuple(chosen)


@st.composite
def _written_quantities(draw: st.DrawFn, hedges: tuple[Hedge, ...], low: int, high: int) -> Quantity:
    hedge = draw(st.sampled_from(hedges))
    percent = high >= max(low, 1) and low <= 100 and draw(st.integers(0, 4)) == 0
    top = min(high, 100) if percent else high
    sign = draw(st.sampled_from(PERCENT_SIGNS)) if percent else ""
    if hedge is Hedge.EXACT:
        if not percent and draw(st.booleans()):
            number = draw(st.integers(low, high))
            if draw(st.integers(0, 4)) == 0:
                return parse_quantity(number)  # a TOML integer
            return parse_quantity(integer_text(draw, number))
        return parse_quantity(_rounded_text(draw, low, top, percent=percent) + sign)
    if hedge is Hedge.RANGE:
        first = draw(st.integers(low, top))
        second = draw(st.integers(first, top))
        phrase = draw(st.sampled_from(RANGE_PHRASES))
        if percent:
            first_text = str(first) + (draw(st.sampled_from(("", "%"))) if "-" in phrase else "")
            return parse_quantity(phrase.format(first_text, second) + "%")
        return parse_quantity(capitalised(draw, phrase.format(integer_text(draw, first), integer_text(draw, second))))
    number = draw(st.integers(max(low, _HEDGE_MINIMUM.get(hedge, 0)), top))
    text = (str(number) + sign) if percent else number_text(draw, number)
    return parse_quantity(capitalised(draw, hedged(draw, hedge, text)))


def _rounded_text(draw: st.DrawFn, low: int, high: int, *, percent: bool) -> str:
    """A figure rounded to its last stated digit, between low and high: "2.4 million", "15.70", "34.5"."""
    scales = [1] if percent else [1, *(scale for scale in SCALE_WORDS if scale <= high)]
    # A last digit with a stated value between low and high: "2 million" cannot lie in [1,001, 1,001].
    digits = [
        (scale, decimals)
        for scale in scales
        for decimals in range(1 if scale == 1 and not percent else 0, 4)
        if math.floor(high / Fraction(scale, 10**decimals)) >= math.ceil(low / Fraction(scale, 10**decimals))
    ]
    scale, decimals = draw(st.sampled_from(digits))
    unit = Fraction(scale, 10**decimals)
    units = draw(st.integers(math.ceil(low / unit), math.floor(high / unit)))
    word = draw(st.sampled_from(SCALE_WORDS[scale])) if scale > 1 else ""
    return decimal_text(draw, units, decimals) + word


def read_as(quantity: Quantity, *, rate: bool) -> Quantity:
    """The quantity as a claim reads it: a rate or a mean (`rate`) is a quotient, read by the rate row."""
    return quantity.as_rate() if rate else quantity


def _contains(text: str, true: Fraction, *, rate: bool) -> bool:
    return true in read_as(parse_quantity(text), rate=rate).interval


def statement_of(
    draw: st.DrawFn,
    true: Fraction,
    *,
    percent: bool = False,
    exact_only: bool = False,
    rate: bool = False,
    closed: bool = False,
) -> Quantity:
    """A statement of a true value, exact, rounded or hedged, read as its claim reads it; the reading contains it.

    Counts may be stated as round numbers that round them ("18,000" for 17,640, within the
    round-number reading); a rate or a mean (`rate`) as its quotient rounded at the last
    digit ("16" for 15.97 a day), and it is returned read as a rate. Hedged numbers are
    drawn up to the edge of what the hedge allows ("nearly 100" for 90). `exact_only` keeps
    to exact and rounded figures; `closed` to readings with two finite ends, the lower one
    no lower than 0, and above 0 when the true value is at least 1 (so that a planted value
    has an edge on both sides, and its metric is not read as signed).
    """
    sign = draw(st.sampled_from(PERCENT_SIGNS)) if percent else ""
    floor, ceiling = math.floor(true), math.ceil(true)
    options: list[str] = []
    # "0" a day is read as [-0.5, 0.5): below 0, which `closed` rules out.
    if true.denominator == 1 and not percent and not (closed and rate and true == 0):
        options += ["exact", "exact"]
    roundings = _roundings(true, percent=percent, rate=rate, closed=closed)
    if roundings:
        options.append("rounded")
    round_numbers = [] if percent or rate else _round_numbers(true)
    if round_numbers:
        options += ["round", "round"]
    if not exact_only:
        if math.floor(true / Fraction(9, 10)) >= max(1, math.ceil(true / Fraction(11, 10))):
            options.append("about")
        if math.floor(true / Fraction(9, 10)) >= floor + 1:
            options.append("nearly")
        if max(1, math.ceil(true / Fraction(11, 10))) <= ceiling - 1:
            options.append("just over")
        if not closed:
            options.append("at least")
            if true > 0:
                options.append("more than")
        if not closed or floor < 1:  # "at most 3" is [0, 3]: closed, and above 0 only when the value is below 1
            options += ["at most", "fewer than"]
        options.append("range")
    option = draw(st.sampled_from(options))
    offset = st.integers(0, max(10, ceiling))
    if option == "exact":
        text = integer_text(draw, int(true))
    elif option == "rounded":
        scale, decimals = draw(st.sampled_from(roundings))
        text = _rounded(draw, true, scale, decimals) + sign
    elif option == "round":
        text = number_text(draw, draw(st.sampled_from(round_numbers)))
    elif option == "about":
        number = draw(st.integers(max(1, math.ceil(true / Fraction(11, 10))), math.floor(true / Fraction(9, 10))))
        text = hedged(draw, Hedge.APPROXIMATE, _number_or_percent(draw, number, sign))
    elif option == "nearly":
        number = draw(st.integers(floor + 1, math.floor(true / Fraction(9, 10))))
        text = hedged(draw, Hedge.NEARLY, _number_or_percent(draw, number, sign))
    elif option == "just over":
        number = draw(st.integers(max(1, math.ceil(true / Fraction(11, 10))), ceiling - 1))
        text = hedged(draw, Hedge.JUST_OVER, _number_or_percent(draw, number, sign))
    elif option == "at least":
        text = hedged(draw, Hedge.AT_LEAST, _number_or_percent(draw, max(0, floor - draw(offset)), sign))
    elif option == "more than":
        text = hedged(draw, Hedge.MORE_THAN, _number_or_percent(draw, max(0, ceiling - 1 - draw(offset)), sign))
    elif option == "at most":
        text = hedged(draw, Hedge.AT_MOST, _number_or_percent(draw, ceiling + draw(offset), sign))
    elif option == "fewer than":
        text = hedged(draw, Hedge.FEWER_THAN, _number_or_percent(draw, floor + 1 + draw(offset), sign))
    else:
        first, second = max(1 if closed and floor >= 1 else 0, floor - draw(offset)), ceiling + draw(offset)
        phrase = draw(st.sampled_from(RANGE_PHRASES))
        text = phrase.format(integer_text(draw, first), integer_text(draw, second)) + sign
    quantity = read_as(parse_quantity(capitalised(draw, text)), rate=rate)
    if true not in quantity.interval or quantity.percent is not percent:  # pragma: no cover
        raise AssertionError(f"{quantity.text!r} ({quantity.interval}) was drawn to state {true}")
    return quantity


def _number_or_percent(draw: st.DrawFn, number: int, sign: str) -> str:
    return f"{number}{sign}" if sign else number_text(draw, number)


def _roundings(true: Fraction, *, percent: bool, rate: bool, closed: bool) -> list[tuple[int, int]]:
    """The (scale, decimals) at which the true value, rounded half-up (factlint's default), is read back around it.

    A count's whole number is exact and a round one may be read as rounded further, so only
    a rate or a mean is rounded to its last whole digit ("16"), and a scale word without
    decimals ("2 million") only where its reading still holds the value. `closed` leaves out
    readings that reach below 0 ("0.0" is [-0.05, 0.05)): a metric with one is read as signed.
    """
    if true < 0:
        return []
    scales = [1] if percent else [1, *(scale for scale in SCALE_WORDS if scale <= true)]
    found = []
    for scale in scales:
        # The reading depends on the digits and the scale, not on how they are written: check one writing.
        suffix = "%" if percent else SCALE_WORDS[scale][0] if scale > 1 else ""
        for decimals in range(0 if percent or rate or scale > 1 else 1, 4):
            whole, fraction = divmod(_rounded_units(true, scale, decimals), 10**decimals)
            text = f"{whole}.{fraction:0{decimals}d}" if decimals else f"{whole}"
            reading = read_as(parse_quantity(text + suffix), rate=rate).interval
            if true in reading and not (closed and reading.low is not None and reading.low < 0):
                found.append((scale, decimals))
    return found


def _rounded_units(true: Fraction, scale: int, decimals: int) -> int:
    return math.floor(true / Fraction(scale, 10**decimals) + Fraction(1, 2))


def _rounded(draw: st.DrawFn, true: Fraction, scale: int, decimals: int) -> str:
    """The true value rounded half-up at a last digit: (2,412,000, 1 million, 1) -> "2.4 million"."""
    word = draw(st.sampled_from(SCALE_WORDS[scale])) if scale > 1 else ""
    return decimal_text(draw, _rounded_units(true, scale, decimals), decimals) + word


def _round_numbers(true: Fraction) -> list[int]:
    """Round numbers ("18,000") that the true count rounds to, whose round-number reading still holds it."""
    found = []
    place = 10
    while place <= true * 10:
        rounded = math.floor(true / place + Fraction(1, 2)) * place
        if rounded > 0 and _contains(str(rounded), true, rate=False):
            found.append(rounded)
        place *= 10
    return sorted(set(found))
