"""Stated quantities ("nearly 100", "2.4 million", "34%") read as exact intervals, and ratio words ("double")."""

from __future__ import annotations

import enum
import functools
import re
from decimal import Decimal
from fractions import Fraction
from typing import Union

import attrs

from factlint._intervals import Interval, format_number

__all__ = [
    "DEFAULT_TOLERANCES",
    "Factor",
    "Hedge",
    "Quantity",
    "QuantityError",
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
    AT_LEAST = "at least"
    MORE_THAN = "more than"
    AT_MOST = "at most"
    FEWER_THAN = "fewer than"
    RANGE = "between"


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


@attrs.frozen(cache_hash=True)
class Tolerances:
    """The one table of how wide hedge words and rounding are read; configuration overrides it."""

    approximate: Fraction = attrs.field(default=Fraction(1, 10), converter=Fraction)
    nearly: Fraction = attrs.field(default=Fraction(1, 10), converter=Fraction)
    rounding: Rounding = attrs.field(default=Rounding.HALF_UP, converter=Rounding)
    # GRIM (impossible percentages and means): a candidate passes if it rounds to the
    # stated value under any of these modes; scrutiny's default is half-up or half-down.
    grim_rounding: tuple[Rounding, ...] = attrs.field(
        default=(Rounding.HALF_UP, Rounding.HALF_DOWN),
        converter=lambda modes: tuple(Rounding(mode) for mode in modes),
    )


DEFAULT_TOLERANCES = Tolerances()

# Hedge phrases, longest first so that "just under" wins over "under".
_PREFIX_HEDGES: dict[str, Hedge] = {
    "approximately": Hedge.APPROXIMATE,
    "an estimated": Hedge.APPROXIMATE,
    "around": Hedge.APPROXIMATE,
    "roughly": Hedge.APPROXIMATE,
    "about": Hedge.APPROXIMATE,
    "some": Hedge.APPROXIMATE,
    "~": Hedge.APPROXIMATE,
    "nearly": Hedge.NEARLY,
    "almost": Hedge.NEARLY,
    "just under": Hedge.NEARLY,
    "close to": Hedge.NEARLY,
    "at least": Hedge.AT_LEAST,
    "no fewer than": Hedge.AT_LEAST,
    "no less than": Hedge.AT_LEAST,
    "more than": Hedge.MORE_THAN,
    "upwards of": Hedge.MORE_THAN,
    "in excess of": Hedge.MORE_THAN,
    "over": Hedge.MORE_THAN,
    "above": Hedge.MORE_THAN,
    "at most": Hedge.AT_MOST,
    "up to": Hedge.AT_MOST,
    "no more than": Hedge.AT_MOST,
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
}

# Thin, narrow no-break and no-break spaces are thousands separators in many style guides.
_SEPARATOR_SPACES = "\u2009\u202f\u00a0"
_NUMBER = r"(?P<{name}>\d{{1,3}}(?:[,_ ]\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_SCALE = r"(?:\s*(?P<{name}>k|thousand|million|mn|m|billion|bn)\b)?"
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

    @property
    def is_exact(self) -> bool:
        return self.interval.is_point

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


Stated = Union[str, int, Fraction, Decimal, Quantity]


def parse_quantity(stated: Stated, tolerances: Tolerances = DEFAULT_TOLERANCES) -> Quantity:
    """Read a stated quantity as an exact interval, following the hedge table of the design.

    >>> parse_quantity("nearly 100").interval
    Interval[90, 100)
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
    return _parse_text(stated, tolerances)


@functools.lru_cache(maxsize=65536)
def _exact_integer(stated: int) -> Quantity:
    """A whole number stated as a number (a TOML integer): quantities are immutable, so equal ones are shared."""
    value = Fraction(stated)
    return Quantity(text=str(stated), nominal=value, interval=Interval.point(value))


def _exact_decimal(stated: Decimal) -> Quantity:
    """A Decimal is exact data that keeps its stated decimals: Decimal("15.70") has two."""
    if not stated.is_finite():
        raise QuantityError(f"a quantity must be a finite number, not {stated}")
    exponent = stated.as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    value = Fraction(stated)
    return Quantity(text=str(stated), nominal=value, interval=Interval.point(value), decimals=decimals)


@functools.lru_cache(maxsize=65536)
def _parse_text(text: str, tolerances: Tolerances) -> Quantity:
    normal = _normalise(text)
    if not normal:
        raise QuantityError("a quantity cannot be empty")
    hedge = Hedge.EXACT
    prefix = _PREFIX.match(normal)
    body = normal
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

    ranged = _RANGE.fullmatch(body)
    if ranged and hedge in (Hedge.EXACT, Hedge.APPROXIMATE):
        return _range_quantity(text, ranged, tolerances if hedge is Hedge.APPROXIMATE else None)
    single = _SINGLE.fullmatch(body)
    if not single:
        raise QuantityError(
            f"cannot read {text!r} as a quantity: expected a number such as \"20,538\", "
            f"\"2.4 million\", \"nearly 100\", \"34%\" or \"40,000-45,000\""
        )
    value, half_unit, decimals = _read_number(single, "")
    if single["sign"]:
        if hedge is not Hedge.EXACT:
            raise QuantityError(f"cannot read {text!r}: a hedged quantity cannot be negative")
        value = -value
    percent = bool(single["percent"])
    try:
        interval = _hedged_interval(value, half_unit, hedge, tolerances)
    except ValueError:
        raise QuantityError(f"cannot read {text!r}: no number is {hedge.value} {format_number(value)}") from None
    return Quantity(
        text=text, nominal=value, interval=interval, hedge=hedge, percent=percent, decimals=decimals
    )


def _normalise(text: str) -> str:
    for space in _SEPARATOR_SPACES:
        text = text.replace(space, " ")
    return " ".join(text.replace("\u2013", "-").replace("\u2014", "-").lower().split())


def _read_number(match: re.Match[str], suffix: str) -> tuple[Fraction, Fraction, int]:
    """The value, half a unit of its last stated digit (0 when exact), and its stated decimals."""
    digits = re.sub(r"[,_ ]", "", match[f"digits{suffix}"])
    scale = _SCALES[match[f"scale{suffix}"]] if match[f"scale{suffix}"] else 1
    decimals = len(digits.partition(".")[2])
    try:
        value = Fraction(digits) * scale
    except ValueError:  # more digits than int() reads (sys.get_int_max_str_digits())
        raise QuantityError(f"cannot read a number of {len(digits)} characters: it has too many digits") from None
    if scale == 1 and decimals == 0 and not match[f"percent{suffix}"]:
        return value, Fraction(0), 0
    # A scaled, decimal or percentage figure is rounded to its last stated digit.
    unit = Fraction(scale, 10**decimals)
    return value, unit / 2, decimals


def _hedged_interval(value: Fraction, half_unit: Fraction, hedge: Hedge, tolerances: Tolerances) -> Interval:
    if hedge is Hedge.EXACT:
        if half_unit == 0:
            return Interval.point(value)
        return tolerances.rounding.around(value, half_unit)
    if hedge is Hedge.APPROXIMATE:
        spread = max(tolerances.approximate * value, _half_unit_of_last_nonzero_digit(value))
        return Interval(value - spread, value + spread)
    if hedge is Hedge.NEARLY:
        return Interval(value - tolerances.nearly * value, value, high_open=True)
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


def _range_quantity(text: str, match: re.Match[str], approximate: Tolerances | None) -> Quantity:
    """A range, widened at both ends by the approximate hedge when one is given ("around 40,000-45,000")."""
    # "1.5-2 million" and "30-40%": a scale or percent sign written once applies to both ends.
    scale_a, scale_b = match["scale_a"], match["scale_b"]
    low, _, decimals_a = _read_number(match, "_a")
    high, _, decimals_b = _read_number(match, "_b")
    if scale_b and not scale_a:
        low *= _SCALES[scale_b]
    percent = bool(match["percent_b"] or match["percent_a"])
    if low > high:
        raise QuantityError(f"cannot read {text!r}: the range runs from the larger number to the smaller")
    interval = Interval(low, high)
    if approximate is not None:
        interval = Interval.hull(
            _hedged_interval(end, Fraction(0), Hedge.APPROXIMATE, approximate) for end in (low, high)
        )
    return Quantity(
        text=text,
        nominal=(low + high) / 2,
        interval=interval,
        hedge=Hedge.RANGE if approximate is None else Hedge.APPROXIMATE,
        percent=percent,
        decimals=max(decimals_a, decimals_b),
    )


# -- ratio words ------------------------------------------------------------------------

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
    "half": Fraction(1, 2),
    "a half": Fraction(1, 2),
    "a third": Fraction(1, 3),
    "a quarter": Fraction(1, 4),
}
_FOLD = re.compile(r"(?P<count>\w+(?:\.\d+)?)[- ]?fold")
_TIMES = re.compile(r"(?P<count>[\w.]+(?: hundred)?)\s*(?:times|x)(?P<more>\s+(?:more|higher|greater|larger|bigger))?(?:\s+(?:as many|the number|that))?")


@attrs.frozen
class Factor:
    """A stated ratio ("double", "three times more") and the values it may mean."""

    text: str
    candidates: tuple[Fraction, ...]
    # Why there is more than one candidate, for the finding's explanation.
    note: str = ""

    def describe(self) -> str:
        readings = " or ".join(format_number(candidate) for candidate in self.candidates)
        return f'"{self.text}" (read as x{readings}{"; " + self.note if self.note else ""})'


def parse_factor(stated: str | int | Fraction) -> Factor:
    """Read a ratio word or number: "double" -> 2, "tenfold" -> 10, "three times more" -> 3 or 4."""
    if isinstance(stated, bool) or not isinstance(stated, (str, int, Fraction)):
        raise QuantityError(f"a ratio must be a number or a word such as \"double\", not {stated!r}")
    if not isinstance(stated, str):
        return Factor(text=str(stated), candidates=(Fraction(stated),))
    normal = _normalise(stated)
    if normal in _FACTOR_WORDS:
        return Factor(text=stated, candidates=(_FACTOR_WORDS[normal],))
    fold = _FOLD.fullmatch(normal)
    if fold:
        return Factor(text=stated, candidates=(_factor_count(stated, fold["count"]),))
    times = _TIMES.fullmatch(normal)
    if times:
        count = _factor_count(stated, times["count"])
        if times["more"]:
            return Factor(
                text=stated,
                candidates=(count, count + 1),
                note='"N times more" is used for both xN and x(N+1)',
            )
        return Factor(text=stated, candidates=(count,))
    try:
        return Factor(text=stated, candidates=(Fraction(normal.replace(",", "")),))
    except (ValueError, ZeroDivisionError):
        raise QuantityError(
            f"cannot read {stated!r} as a ratio: expected a number or a word such as "
            "\"double\", \"three times\", \"tenfold\" or \"half\""
        ) from None


def _factor_count(stated: str, word: str) -> Fraction:
    if word in _NUMBER_WORDS:
        return Fraction(_NUMBER_WORDS[word])
    try:
        return Fraction(word)
    except (ValueError, ZeroDivisionError):
        raise QuantityError(f"cannot read {stated!r} as a ratio: {word!r} is not a number") from None
