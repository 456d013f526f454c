"""Stated quantities ("nearly 100", "2.4 million", "34%") read as exact intervals, and ratio words ("double")."""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

import attrs

from factlint._intervals import Interval, format_number

__all__ = [
    "DEFAULT_TOLERANCES",
    "Factor",
    "Hedge",
    "Quantity",
    "QuantityError",
    "Reading",
    "RoundNumbers",
    "Rounding",
    "Tolerances",
    "parse_factor",
    "parse_quantity",
]


class QuantityError(ValueError):
    """A quantity text that cannot be read; str() is a plain message for a user."""


class QuantityTypeError(QuantityError, TypeError):
    """A quantity given as something that is neither a number nor text (a float, a boolean, None)."""


class Hedge(enum.Enum):
    """How a stated number bounds the true one."""

    EXACT = "exact"
    APPROXIMATE = "approximately"
    NEARLY = "nearly"
    JUST_OVER = "just over"
    AT_LEAST = "at least"
    MORE_THAN = "more than"
    AT_MOST = "at most"
    FEWER_THAN = "fewer than"
    RANGE = "between"


class Reading(enum.Enum):
    """Which row of the design's readings table gives a stated number its interval, before any hedge."""

    DATA = "exact data"  # a TOML or JSON number: the author chose exactly this value
    WHOLE = "whole number"  # text such as "20,538", not round: a count holds only that integer
    LAST_DIGIT = "last digit"  # "2.4 million", "15.70", "34%": rounding of the last stated digit
    ROUND = "round number"  # "18,000", "2 million": may be rounded at its last non-zero digit
    RATE = "rate"  # a whole number stated for a rate or a mean ("16" a day): rounding of its last digit
    RANGE = "range"  # "40,000-45,000": its two ends as stated


class Rounding(enum.Enum):
    """Which way a number was rounded to its last stated digit."""

    HALF_UP = "half-up"  # 2.45 million would be written 2.5: [2.35, 2.45)
    HALF_DOWN = "half-down"  # (2.35, 2.45]
    EITHER = "either"  # [2.35, 2.45]

    def around(self, value: Fraction, half_unit: Fraction) -> Interval:
        return Interval(
            value - half_unit,
            value + half_unit,
            low_open=self is Rounding.HALF_DOWN,
            high_open=self is Rounding.HALF_UP,
        )


class RoundNumbers(enum.Enum):
    """How a round number in text ("18,000", "2 million") is read."""

    ROUNDED = "rounded"  # it may have been rounded at its last non-zero digit, within `approximate`
    EXACT = "exact"  # it means exactly what it says


def _roundings(modes: Iterable[Rounding | str]) -> tuple[Rounding, ...]:
    return tuple(Rounding(mode) for mode in modes)


@attrs.frozen(cache_hash=True)
class Tolerances:
    """The one table of how wide hedge words, rounding and ratio words are read; configuration overrides it."""

    approximate: Fraction = attrs.field(default=Fraction(1, 10), converter=Fraction)
    # "nearly N" reaches this far below N, "just over N" this far above it.
    nearly: Fraction = attrs.field(default=Fraction(1, 10), converter=Fraction)
    # How far a ratio word ("double", "three times") may be from its number, unless stated "exactly".
    ratio: Fraction = attrs.field(default=Fraction(1, 10), converter=Fraction)
    rounding: Rounding = attrs.field(default=Rounding.HALF_UP, converter=Rounding)
    round_numbers: RoundNumbers = attrs.field(default=RoundNumbers.ROUNDED, converter=RoundNumbers)
    # GRIM (impossible percentages and means): a candidate passes if it rounds to the
    # stated value under any of these modes; scrutiny's default is half-up or half-down.
    grim_rounding: tuple[Rounding, ...] = attrs.field(
        default=(Rounding.HALF_UP, Rounding.HALF_DOWN),
        converter=_roundings,
    )


DEFAULT_TOLERANCES = Tolerances()

# The one table of hedge phrases, for numbers ("nearly 100") and ratio words ("nearly double") alike.
# Matched longest first, so that "just under" wins over "under".
_PREFIX_HEDGES: dict[str, Hedge] = {
    "approximately": Hedge.APPROXIMATE,
    "an estimated": Hedge.APPROXIMATE,
    "around": Hedge.APPROXIMATE,
    "roughly": Hedge.APPROXIMATE,
    "about": Hedge.APPROXIMATE,
    "circa": Hedge.APPROXIMATE,
    "some": Hedge.APPROXIMATE,
    "~": Hedge.APPROXIMATE,
    "nearly": Hedge.NEARLY,
    "almost": Hedge.NEARLY,
    "just under": Hedge.NEARLY,
    "close to": Hedge.NEARLY,
    "slightly fewer than": Hedge.NEARLY,
    "a little under": Hedge.NEARLY,
    "just over": Hedge.JUST_OVER,
    "slightly more than": Hedge.JUST_OVER,
    "a little over": Hedge.JUST_OVER,
    "upwards of": Hedge.JUST_OVER,
    "at least": Hedge.AT_LEAST,
    "no fewer than": Hedge.AT_LEAST,
    "no less than": Hedge.AT_LEAST,
    "more than": Hedge.MORE_THAN,
    "in excess of": Hedge.MORE_THAN,
    "exceeding": Hedge.MORE_THAN,
    "over": Hedge.MORE_THAN,
    "above": Hedge.MORE_THAN,
    "at most": Hedge.AT_MOST,
    "up to": Hedge.AT_MOST,
    "no more than": Hedge.AT_MOST,
    "as many as": Hedge.AT_MOST,
    "fewer than": Hedge.FEWER_THAN,
    "less than": Hedge.FEWER_THAN,
    "under": Hedge.FEWER_THAN,
    "below": Hedge.FEWER_THAN,
}
_SUFFIX_HEDGES: dict[str, Hedge] = {
    "or more": Hedge.AT_LEAST,
    "+": Hedge.AT_LEAST,
    "or fewer": Hedge.AT_MOST,
    "or less": Hedge.AT_MOST,
}

_SCALES: dict[str, int] = {
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "million": 1_000_000,
    "bn": 1_000_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}

# Thin, narrow no-break and no-break spaces are thousands separators in many style guides.
_SEPARATOR_SPACES = "\u2009\u202f\u00a0"
_NUMBER = r"(?P<{name}>\d{{1,3}}(?:[,_ ]\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_SCALE = r"(?:\s*(?P<{name}>" + "|".join(sorted(_SCALES, key=len, reverse=True)) + r")\b)?"
_PERCENT = r"(?:\s*(?P<{name}>%|per\s?cent|percent))?"


def _number_pattern(suffix: str) -> str:
    return (
        _NUMBER.format(name=f"digits{suffix}")
        + _SCALE.format(name=f"scale{suffix}")
        + _PERCENT.format(name=f"percent{suffix}")
    )


_SINGLE = re.compile(r"(?P<sign>-)?" + _number_pattern(""))
_RANGE = re.compile(
    r"(?:between\s+|from\s+)?"
    + _number_pattern("_a")
    + r"\s*(?:-|to|and)\s*"
    + _number_pattern("_b")
)
_PREFIX = re.compile(
    r"(?P<hedge>" + "|".join(re.escape(phrase) for phrase in sorted(_PREFIX_HEDGES, key=len, reverse=True)) + r")\s*"
)
_SUFFIX_ENDINGS = tuple(_SUFFIX_HEDGES)
_SUFFIX = re.compile(
    r"\s*(?P<hedge>" + "|".join(re.escape(phrase) for phrase in sorted(_SUFFIX_HEDGES, key=len, reverse=True)) + r")$"
)


@attrs.frozen
class Quantity:
    """A number as stated, its nominal value and the exact interval of values it allows."""

    text: str
    nominal: Fraction
    interval: Interval
    hedge: Hedge = Hedge.EXACT
    percent: bool = False
    # Decimal places as written ("15.70" has 2): GRIM needs them, and floats would lose them.
    decimals: int = 0
    reading: Reading = Reading.DATA
    # The tolerances it was read with, so that `as_rate` reads the same text the same way.
    tolerances: Tolerances = attrs.field(default=DEFAULT_TOLERANCES, eq=False, repr=False)

    @property
    def is_exact(self) -> bool:
        return self.interval.is_point

    def as_rate(self) -> Quantity:
        """The same text read as a rate or a mean: a quotient, so a whole number was rounded at its last digit.

        "16" is [15.5, 16.5) and "100" is [99.5, 100.5) (in the configured rounding mode), never
        a single integer nor the round-number reading; a hedge applies on top ("about 16" is at
        least [15.5, 16.5)). Exact data, and text already read at its last digit ("2.4", "34%"),
        read the same as before, so this returns the quantity itself; reading twice changes nothing.
        """
        if self.reading in (Reading.WHOLE, Reading.ROUND):
            return _parse_text(self.text, self.tolerances, True)
        return self

    def describe(self) -> str:
        """The stated text and, when it is not exact, the reading assumed: '"nearly 100" (read as [90, 100))'."""
        if self.is_exact:
            return self.display()
        return f'"{self.text}" (read as {self.display_interval()})'

    def display(self) -> str:
        """The stated number as a reader would write it."""
        if self.is_exact:
            return format_number(self.nominal) + ("%" if self.percent else "")
        return self.text

    def display_interval(self) -> str:
        return str(self.interval) + ("%" if self.percent else "")


Stated = str | int | Fraction | Decimal | Quantity


def parse_quantity(stated: Stated, tolerances: Tolerances = DEFAULT_TOLERANCES) -> Quantity:
    """Read a stated quantity as an exact interval, following the readings table of the design.

    A number (int, Fraction, Decimal) is exact data; text is read by its stated precision and
    hedge, as a count or an amount (see `Quantity.as_rate` for rates and means).

    >>> parse_quantity("nearly 100").interval
    Interval[90, 100)
    >>> parse_quantity("600").interval
    Interval[550, 650)
    """
    if isinstance(stated, Quantity):
        return stated
    if isinstance(stated, float):
        raise QuantityTypeError(
            f"a quantity cannot be the float {stated!r}: a float loses the stated digits (15.70 becomes 15.7) "
            f'and is inexact; write it as text ("{stated}"), or as Decimal("{stated}"), Fraction or int'
        )
    if isinstance(stated, bool) or not isinstance(stated, (str, int, Fraction, Decimal)):
        raise QuantityTypeError(f"a quantity must be a number or text, not {type(stated).__name__} {stated!r}")
    if isinstance(stated, Decimal):
        return _exact_decimal(stated)
    if type(stated) is int:
        return _exact_integer(stated)
    if isinstance(stated, (int, Fraction)):
        value = Fraction(stated)
        return Quantity(text=str(stated), nominal=value, interval=Interval.point(value))
    return _parse_text(stated, tolerances, False)


@functools.lru_cache(maxsize=65536)
def _exact_integer(stated: int) -> Quantity:
    """A whole number stated as a number (a TOML integer): quantities are immutable, so equal ones are shared."""
    value = Fraction(stated)
    return Quantity(text=str(stated), nominal=value, interval=Interval.point(value))


def _exact_decimal(stated: Decimal) -> Quantity:
    """A Decimal is exact data that keeps its stated decimals: Decimal("15.70") has two."""
    value = _finite_decimal(stated)
    exponent = stated.as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    return Quantity(text=str(stated), nominal=value, interval=Interval.point(value), decimals=decimals)


def _finite_decimal(stated: Decimal) -> Fraction:
    if not stated.is_finite():
        raise QuantityError(f"a number must be finite, not {stated}")
    return Fraction(stated)


@attrs.frozen
class _Number:
    """One number as written: its value, its scale word's multiplier, its decimals and its percent sign."""

    value: Fraction
    scale: int
    decimals: int
    percent: bool

    @property
    def half_unit(self) -> Fraction:
        """Half the place value of the last stated digit: 2.4 million -> 50,000, 16 -> 1/2."""
        return Fraction(self.scale, 2 * 10**self.decimals)

    @property
    def is_round(self) -> bool:
        """A whole number ending in zeros, or with a scale word: "600", "18,000", "2 million"."""
        if self.decimals or self.percent or self.value == 0:
            return False
        return self.scale > 1 or self.value % 10 == 0


@functools.lru_cache(maxsize=65536)
def _parse_text(text: str, tolerances: Tolerances, quotient: bool) -> Quantity:
    """Read text by the readings table; `quotient` reads it as a rate or a mean."""
    normal = _normalise(text)
    if not normal:
        raise QuantityError("a quantity cannot be empty")
    hedge, body = _split_hedge(text, normal)
    ranged = _RANGE.fullmatch(body)
    if ranged and hedge in (Hedge.EXACT, Hedge.APPROXIMATE):
        return _range_quantity(text, ranged, hedge, tolerances)
    single = _SINGLE.fullmatch(body)
    if not single:
        raise QuantityError(
            f"cannot read {text!r} as a quantity: expected a number such as \"20,538\", "
            f"\"2.4 million\", \"nearly 100\", \"34%\" or \"40,000-45,000\""
        )
    number = _read_number(single, "")
    if single["sign"]:
        if hedge is not Hedge.EXACT:
            raise QuantityError(f"cannot read {text!r}: a hedged quantity cannot be negative")
        number = attrs.evolve(number, value=-number.value)
    plain, reading = _plain_reading(number, tolerances, quotient)
    try:
        interval = _hedged_interval(number.value, plain, hedge, tolerances)
    except ValueError:
        raise QuantityError(f"cannot read {text!r}: no number is {hedge.value} {format_number(number.value)}") from None
    return Quantity(
        text=text,
        nominal=number.value,
        interval=interval,
        hedge=hedge,
        percent=number.percent,
        decimals=number.decimals,
        reading=reading,
        tolerances=tolerances,
    )


def _normalise(text: str) -> str:
    for space in _SEPARATOR_SPACES:
        text = text.replace(space, " ")
    return " ".join(text.replace("\u2013", "-").replace("\u2014", "-").lower().split())


def _split_hedge(text: str, normal: str) -> tuple[Hedge, str]:
    """The hedge of a normalised text ("nearly 100", "100 or more") and the text without its hedge phrase."""
    hedge = Hedge.EXACT
    body = normal
    prefix = _PREFIX.match(normal)
    if prefix:
        hedge = _PREFIX_HEDGES[prefix["hedge"]]
        body = normal[prefix.end() :]
    # The regex search tries every position; most texts end in no suffix hedge at all.
    suffix = _SUFFIX.search(body) if body.endswith(_SUFFIX_ENDINGS) else None
    if suffix:
        if hedge is not Hedge.EXACT:
            raise QuantityError(f"cannot read {text!r}: it has two hedges")
        hedge = _SUFFIX_HEDGES[suffix["hedge"]]
        body = body[: suffix.start()]
    return hedge, body


def _read_number(match: re.Match[str], suffix: str) -> _Number:
    digits = re.sub(r"[,_ ]", "", match[f"digits{suffix}"])
    scale = _SCALES[match[f"scale{suffix}"]] if match[f"scale{suffix}"] else 1
    try:
        value = Fraction(digits) * scale
    except ValueError:  # more digits than int() reads (sys.get_int_max_str_digits())
        raise QuantityError(f"cannot read a number of {len(digits)} characters: it has too many digits") from None
    return _Number(value, scale, len(digits.partition(".")[2]), bool(match[f"percent{suffix}"]))


def _plain_reading(number: _Number, tolerances: Tolerances, quotient: bool) -> tuple[Interval, Reading]:
    """The interval of a number without a hedge, by the precedence of the readings table."""
    if number.decimals or number.percent:
        return tolerances.rounding.around(number.value, number.half_unit), Reading.LAST_DIGIT
    if quotient:
        # A rate or a mean is a quotient, almost never a whole number: "16" a day was rounded.
        return tolerances.rounding.around(number.value, number.half_unit), Reading.RATE
    if number.is_round and tolerances.round_numbers is RoundNumbers.ROUNDED:
        return _round_number_interval(number.value, tolerances), Reading.ROUND
    # A count is a whole number: rounding at its last digit leaves only the integer stated.
    return Interval.point(number.value), Reading.WHOLE


def _round_number_interval(value: Fraction, tolerances: Tolerances) -> Interval:
    """Rounding at the last non-zero digit, but by no more than the approximate tolerance: "1,000" is [900, 1,100]."""
    half_unit = _half_unit_of_last_nonzero_digit(value)
    spread = tolerances.approximate * abs(value)
    if half_unit <= spread:
        return tolerances.rounding.around(value, half_unit)
    return Interval(value - spread, value + spread)


def _hedged_interval(value: Fraction, plain: Interval, hedge: Hedge, tolerances: Tolerances) -> Interval:
    """The hedge table applied to `value`, whose reading without the hedge is `plain`."""
    if hedge is Hedge.EXACT:
        return plain
    if hedge is Hedge.APPROXIMATE:
        spread = tolerances.approximate * abs(value)
        return Interval.hull([Interval(value - spread, value + spread), plain])
    if hedge is Hedge.NEARLY:
        return Interval(value - tolerances.nearly * value, value, high_open=True)
    if hedge is Hedge.JUST_OVER:
        return Interval(value, value + tolerances.nearly * value, low_open=True)
    if hedge is Hedge.AT_LEAST:
        return Interval(value, None)
    if hedge is Hedge.MORE_THAN:
        return Interval(value, None, low_open=True)
    if hedge is Hedge.AT_MOST:
        return Interval(0, value)
    if hedge is Hedge.FEWER_THAN:
        return Interval(0, value, high_open=True)
    raise AssertionError(f"unhandled hedge {hedge}")  # pragma: no cover


def _half_unit_of_last_nonzero_digit(value: Fraction) -> Fraction:
    """Half the place value of the last non-zero digit: 5,200 -> 50, 2.4 million -> 50,000, 5.19 -> 0.005."""
    if value == 0:
        return Fraction(0)
    place = Fraction(1)
    magnitude = abs(value)
    while (magnitude / place).denominator != 1:
        place /= 10
    while (magnitude / (place * 10)).denominator == 1:
        place *= 10
    return place / 2


def _range_quantity(text: str, match: re.Match[str], hedge: Hedge, tolerances: Tolerances) -> Quantity:
    """A range, widened at both ends by the approximate hedge when one is given ("around 40,000-45,000")."""
    # "1.5-2 million" and "30-40%": a scale or percent sign written once applies to both ends.
    first, last = _read_number(match, "_a"), _read_number(match, "_b")
    low, high = first.value, last.value
    if last.scale > 1 and first.scale == 1:
        low *= last.scale
    if low > high:
        raise QuantityError(f"cannot read {text!r}: the range runs from the larger number to the smaller")
    interval = Interval.hull(
        _hedged_interval(end, Interval.point(end), hedge, tolerances) for end in (low, high)
    )
    return Quantity(
        text=text,
        nominal=(low + high) / 2,
        interval=interval,
        hedge=Hedge.RANGE if hedge is Hedge.EXACT else hedge,
        percent=first.percent or last.percent,
        decimals=max(first.decimals, last.decimals),
        reading=Reading.RANGE,
        tolerances=tolerances,
    )


# -- ratio words ------------------------------------------------------------------------

# The one table of ratio words: a number word also makes "three times" and "threefold".
_NUMBER_WORDS: dict[str, int] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twenty": 20, "hundred": 100, "a hundred": 100,
}  # fmt: skip
_FACTOR_WORDS: dict[str, Fraction] = {
    "double": Fraction(2),
    "twice": Fraction(2),
    "doubled": Fraction(2),
    "triple": Fraction(3),
    "tripled": Fraction(3),
    "quadruple": Fraction(4),
    "quadrupled": Fraction(4),
    "half": Fraction(1, 2),
    "a half": Fraction(1, 2),
    "halved": Fraction(1, 2),
    "a third": Fraction(1, 3),
    "a quarter": Fraction(1, 4),
}
_FOLD = re.compile(r"(?P<count>\w+(?:\.\d+)?)[- ]?fold")
_TIMES = re.compile(
    r"(?P<count>[\w.]+(?: hundred)?)\s*(?:times|x)"
    r"(?:\s+(?P<more>more|higher|greater|larger|bigger)|\s+(?P<less>less|lower|smaller|fewer))?"
    r"(?:\s+(?:as many|the number|that))?"
)
# "10 percent higher": the change is a stated percentage, read with its own precision and hedge.
_PERCENT_CHANGE = re.compile(
    r"(?P<change>.+?)\s+(?:(?P<up>higher|more|up|increase)|(?P<down>lower|less|down|decrease))"
)
_EXACTLY = "exactly "
_NOTES = {
    "more": '"N times more" is used for both xN and x(N+1)',
    "less": '"N times less" is used for both x1/N and x1/(N+1)',
}


@attrs.frozen
class Factor:
    """A stated ratio ("double", "three times more") and the values it may mean."""

    text: str
    # The multipliers the words name ("three times more": 3 and 4), each read as an interval in `readings`.
    candidates: tuple[Fraction, ...]
    readings: tuple[Interval, ...]
    # Why the readings are this wide, for a finding: "approximate, ±10%", "stated exactly".
    basis: str
    # Why there is more than one candidate, for the finding's explanation.
    note: str = ""
    # A number given as data (a TOML number) is exact under every tolerance.
    is_data: bool = False
    tolerances: Tolerances = attrs.field(default=DEFAULT_TOLERANCES, eq=False, repr=False)

    def under(self, tolerances: Tolerances) -> Factor:
        """The same words read with other tolerances (a run's configured `ratio`); data never changes."""
        if self.is_data or tolerances == self.tolerances:
            return self
        return _parse_factor_text(self.text, tolerances)

    def describe(self) -> str:
        """'"double" read as 1.8 to 2.2 (approximate, ±10%)'."""
        readings = " or ".join(_reading_text(reading) for reading in self.readings)
        shown = self.text if self.is_data else f'"{self.text}"'
        return f"{shown} read as {readings} ({self.basis}{'; ' + self.note if self.note else ''})"


def _reading_text(interval: Interval) -> str:
    """A reading as a sentence says it: "2", "1.8 to 2.2", or with an open end "[1.8, 2)"."""
    low, high = interval.low, interval.high
    if low is None or high is None or interval.low_open or interval.high_open:
        return str(interval)
    return format_number(low) if low == high else f"{format_number(low)} to {format_number(high)}"


def parse_factor(
    stated: str | int | Fraction | Decimal | Factor, tolerances: Tolerances = DEFAULT_TOLERANCES
) -> Factor:
    """Read a ratio word or number as intervals: "double" -> 1.8 to 2.2, "three times more" -> about 3 or 4.

    Words are approximate, ± the `ratio` tolerance, unless stated "exactly"; a hedge reads as
    in the hedge table ("nearly double" is [1.8, 2)); "10 percent higher" is 1 + N/100 with N
    read as a stated number. A number given as data (int, Fraction, Decimal) is exact.
    """
    if isinstance(stated, Factor):
        return stated
    if isinstance(stated, float):
        raise QuantityTypeError(
            f"a ratio cannot be the float {stated!r}: write it as text (\"{stated}\"), Decimal, Fraction or int"
        )
    if isinstance(stated, bool) or not isinstance(stated, (str, int, Fraction, Decimal)):
        raise QuantityTypeError(f"a ratio must be a number or a word such as \"double\", not {stated!r}")
    if isinstance(stated, str):
        return _parse_factor_text(stated, tolerances)
    value = _finite_decimal(stated) if isinstance(stated, Decimal) else Fraction(stated)
    return Factor(
        text=str(stated), candidates=(value,), readings=(Interval.point(value),), basis="exact data", is_data=True
    )


@functools.lru_cache(maxsize=4096)
def _parse_factor_text(text: str, tolerances: Tolerances) -> Factor:
    """Ratio words: "exactly" first, then a percentage change, else a hedge and the words it hedges."""
    normal = _normalise(text)
    exactly = normal.startswith(_EXACTLY)
    if exactly:
        normal = normal[len(_EXACTLY) :]
    change = _PERCENT_CHANGE.fullmatch(normal)
    if change:
        try:
            percent = _parse_text(change["change"], tolerances, False)
        except QuantityError:
            percent = None
        if percent is not None and percent.percent:
            return _percent_factor(text, percent, bool(change["up"]), exactly, tolerances)
    hedge, body = _split_hedge(text, normal)
    if exactly and hedge is not Hedge.EXACT:
        raise QuantityError(f"cannot read {text!r} as a ratio: it is both exact and {hedge.value}")
    candidates, note = _factor_candidates(text, body)
    if exactly:
        return Factor(text, candidates, tuple(map(Interval.point, candidates)), "stated exactly", note, tolerances=tolerances)
    readings = []
    for candidate in candidates:
        spread = tolerances.ratio * abs(candidate)
        plain = Interval(candidate - spread, candidate + spread)
        try:
            readings.append(_hedged_interval(candidate, plain, hedge, tolerances))
        except ValueError:
            raise QuantityError(f"cannot read {text!r}: no ratio is {hedge.value} {format_number(candidate)}") from None
    return Factor(text, candidates, tuple(readings), _factor_basis(hedge, tolerances), note, tolerances=tolerances)


def _factor_candidates(text: str, body: str) -> tuple[tuple[Fraction, ...], str]:
    """The multipliers a ratio word names, and a note when it names more than one."""
    if body in _FACTOR_WORDS:
        return (_FACTOR_WORDS[body],), ""
    fold = _FOLD.fullmatch(body)
    if fold:
        return (_factor_count(text, fold["count"]),), ""
    times = _TIMES.fullmatch(body)
    if times:
        count = _factor_count(text, times["count"])
        if times["more"]:
            return (count, count + 1), _NOTES["more"]
        if times["less"]:
            if count <= 0:
                raise QuantityError(f"cannot read {text!r} as a ratio: {format_number(count)} times less is no ratio")
            return (1 / count, 1 / (count + 1)), _NOTES["less"]
        return (count,), ""
    try:
        return (Fraction(body.replace(",", "")),), ""
    except (ValueError, ZeroDivisionError):
        raise QuantityError(
            f"cannot read {text!r} as a ratio: expected a number or a word such as "
            "\"double\", \"three times\", \"tenfold\", \"half\" or \"10 percent higher\""
        ) from None


def _factor_count(stated: str, word: str) -> Fraction:
    if word in _NUMBER_WORDS:
        return Fraction(_NUMBER_WORDS[word])
    try:
        return Fraction(word)
    except (ValueError, ZeroDivisionError):
        raise QuantityError(f"cannot read {stated!r} as a ratio: {word!r} is not a number") from None


def _percent_factor(text: str, change: Quantity, up: bool, exactly: bool, tolerances: Tolerances) -> Factor:
    """A percentage change: "10 percent higher" is 1 + N/100, "10 percent lower" 1 - N/100, N as stated."""
    sign = "+" if up else "-"
    nominal = 1 + change.nominal / 100 if up else 1 - change.nominal / 100
    if exactly:
        return Factor(text, (nominal,), (Interval.point(nominal),), "stated exactly", tolerances=tolerances)
    share = change.interval * Fraction(1, 100)
    reading = 1 + share if up else 1 - share
    shown = f'"{change.text}" read as {_reading_text(change.interval)}'
    return Factor(text, (nominal,), (reading,), f"1 {sign} N/100, N = {shown}", tolerances=tolerances)


def _factor_basis(hedge: Hedge, tolerances: Tolerances) -> str:
    if hedge is Hedge.EXACT:
        return f"approximate, ±{_percentage(tolerances.ratio)}"
    if hedge is Hedge.APPROXIMATE:
        return f"{hedge.value}, ±{_percentage(max(tolerances.ratio, tolerances.approximate))}"
    if hedge is Hedge.NEARLY:
        return f"{hedge.value}: up to {_percentage(tolerances.nearly)} below"
    if hedge is Hedge.JUST_OVER:
        return f"{hedge.value}: up to {_percentage(tolerances.nearly)} above"
    return str(hedge.value)


def _percentage(share: Fraction) -> str:
    return f"{format_number(share * 100)}%"
