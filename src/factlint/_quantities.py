"""Stated quantities ("nearly 100", "$2.4 million", "34%", "a third") read as exact intervals, and ratio words ("double")."""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

import attrs

from factlint._echo import quoted
from factlint._intervals import Interval, format_number
from factlint._patterns import lazy_pattern

__all__ = [
    "DEFAULT_TOLERANCES",
    "MAX_EXPONENT",
    "Factor",
    "Hedge",
    "Quantity",
    "QuantityError",
    "Reading",
    "RoundNumbers",
    "Rounding",
    "Tolerances",
    "exact_fraction",
    "exponent_too_large",
    "parse_factor",
    "parse_quantity",
    "unit_code",
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
    VAGUE = "vague quantity"  # "hundreds", "tens of thousands": the interval the design gives the word
    FRACTION = "fraction word"  # "a third", "half": a share, read as about 33.3…% or 50%
    REPORTED_TEST = "reported test"  # "t(28) = 2.20, p = .04": its statistic, rounded at its last digit


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


# The largest power of ten a number may be written with ("1e-5", Decimal("1E+20"), "1.3 × 10^-11"):
# Fraction builds 10**n in full, which takes seconds past a million and minutes past 10**8.
# Beyond ±4,300 the number has more digits than int() reads (sys.get_int_max_str_digits()) anyway.
MAX_EXPONENT = 4300
_EXPONENT = lazy_pattern(r"[eE]\s*[-+]?0*([0-9_]*)")


def exponent_too_large(digits: str) -> bool:
    """Whether a power of ten written with these digits lies beyond ±MAX_EXPONENT (checked without building it)."""
    digits = digits.replace("_", "").lstrip("0")
    return len(digits) > len(str(MAX_EXPONENT)) or int(digits or 0) > MAX_EXPONENT


def exact_fraction(value: str | int | Fraction | Decimal) -> Fraction:
    """Fraction(value), but a power of ten beyond ±MAX_EXPONENT is a QuantityError before 10**n is built."""
    if isinstance(value, str):
        found = _EXPONENT.search(value)
        if found is not None and exponent_too_large(found[1]):
            raise QuantityError(f"the power of ten in {quoted(value)} is beyond ±{MAX_EXPONENT:,}, too large to read")
    elif isinstance(value, Decimal) and value.is_finite():
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and abs(exponent) > MAX_EXPONENT:
            raise QuantityError(f"the power of ten in {value} is beyond ±{MAX_EXPONENT:,}, too large to read")
    return Fraction(value)


def _roundings(modes: Iterable[Rounding | str]) -> tuple[Rounding, ...]:
    return tuple(Rounding(mode) for mode in modes)


@attrs.frozen(cache_hash=True)
class Tolerances:
    """The one table of how wide hedge words, rounding and ratio words are read; configuration overrides it."""

    approximate: Fraction = attrs.field(default=Fraction(1, 10), converter=exact_fraction)
    # "nearly N" reaches this far below N, "just over N" this far above it.
    nearly: Fraction = attrs.field(default=Fraction(1, 10), converter=exact_fraction)
    # How far a ratio word ("double", "three times") may be from its number, unless stated "exactly".
    ratio: Fraction = attrs.field(default=Fraction(1, 10), converter=exact_fraction)
    rounding: Rounding = attrs.field(default=Rounding.HALF_UP, converter=Rounding)
    round_numbers: RoundNumbers = attrs.field(default=RoundNumbers.ROUNDED, converter=RoundNumbers)
    # GRIM (impossible percentages and means): a candidate passes if it rounds to the
    # stated value under any of these modes; scrutiny's default is half-up or half-down.
    grim_rounding: tuple[Rounding, ...] = attrs.field(
        default=(Rounding.HALF_UP, Rounding.HALF_DOWN),
        converter=_roundings,
    )
    # "," is the decimal mark and "." the thousands separator, as in much of Europe: "10.025" is
    # 10,025 and "10,5" is 10.5. Off, "10.025" is read as a decimal and a finding says it may not be.
    decimal_comma: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    # Reported tests (S102): the significance level, and whether p = alpha counts as significant.
    alpha: Fraction = attrs.field(default=Fraction(5, 100), converter=exact_fraction)
    p_equal_alpha_significant: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))


DEFAULT_TOLERANCES = Tolerances()

# The one table of hedge phrases, for numbers ("nearly 100") and ratio words ("nearly double") alike.
# Matched longest first, so that "just under" wins over "under".
_PREFIX_HEDGES: dict[str, Hedge] = {
    # Words that stress a figure without hedging it: "only 35,887", "just 1 percent", "a
    # record 255,055" read as the number alone.
    "exactly": Hedge.EXACT,
    "precisely": Hedge.EXACT,
    "only": Hedge.EXACT,
    "just": Hedge.EXACT,
    "a record": Hedge.EXACT,
    "approximately": Hedge.APPROXIMATE,
    "an estimated": Hedge.APPROXIMATE,
    "the estimated": Hedge.APPROXIMATE,
    "estimated": Hedge.APPROXIMATE,
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
    "a little less than": Hedge.NEARLY,
    "a little fewer than": Hedge.NEARLY,
    "slightly less than": Hedge.NEARLY,
    "slightly under": Hedge.NEARLY,
    "just shy of": Hedge.NEARLY,
    "shy of": Hedge.NEARLY,
    "just below": Hedge.NEARLY,
    "just over": Hedge.JUST_OVER,
    "slightly more than": Hedge.JUST_OVER,
    "a little over": Hedge.JUST_OVER,
    "a little more than": Hedge.JUST_OVER,
    "slightly over": Hedge.JUST_OVER,
    "just above": Hedge.JUST_OVER,
    "upwards of": Hedge.JUST_OVER,
    "at least": Hedge.AT_LEAST,
    "no fewer than": Hedge.AT_LEAST,
    "no less than": Hedge.AT_LEAST,
    "not less than": Hedge.AT_LEAST,
    "a minimum of": Hedge.AT_LEAST,
    "more than": Hedge.MORE_THAN,
    "in excess of": Hedge.MORE_THAN,
    "well over": Hedge.MORE_THAN,
    "higher than": Hedge.MORE_THAN,
    "greater than": Hedge.MORE_THAN,
    "past": Hedge.MORE_THAN,
    "well above": Hedge.MORE_THAN,
    "exceeding": Hedge.MORE_THAN,
    "over": Hedge.MORE_THAN,
    "above": Hedge.MORE_THAN,
    "at most": Hedge.AT_MOST,
    "up to": Hedge.AT_MOST,
    "no more than": Hedge.AT_MOST,
    "as many as": Hedge.AT_MOST,
    # "as few as 10": the count may be that low, no lower.
    "as few as": Hedge.AT_LEAST,
    "as much as": Hedge.AT_MOST,
    "not more than": Hedge.AT_MOST,
    "a maximum of": Hedge.AT_MOST,
    "fewer than": Hedge.FEWER_THAN,
    "less than": Hedge.FEWER_THAN,
    "under": Hedge.FEWER_THAN,
    "below": Hedge.FEWER_THAN,
    "well under": Hedge.FEWER_THAN,
    "lower than": Hedge.FEWER_THAN,
    "well below": Hedge.FEWER_THAN,
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
    "tn": 1_000_000_000_000,
    "trillion": 1_000_000_000_000,
}

# The one table of currencies: each ISO 4217 code, the signs written next to a number ("$5",
# "5 ₽") and the words written after one ("5 dollars"); the code itself stands on either side
# ("USD 5", "5 USD"). All are matched in lower case. "¥" (yen or yuan), "pounds" (money or
# weight) and "rupees" name more than one unit, so they are not read: write the code instead.
_CURRENCIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "USD": (("$", "us$", "u.s.$"), ("dollar", "dollars", "us dollars", "u.s. dollars")),
    "EUR": (("€",), ("euro", "euros")),
    "GBP": (("£",), ("pounds sterling", "sterling")),
    "RUB": (("₽",), ("ruble", "rubles", "rouble", "roubles")),
    "UAH": (("₴",), ("hryvnia", "hryvnias", "hryvnya", "hryvnyas")),
    "JPY": ((), ("yen",)),
    "CNY": ((), ("yuan", "renminbi")),
    "INR": (("₹",), ()),
    "CHF": ((), ("swiss francs",)),
    "CAD": (("c$", "ca$"), ("canadian dollars",)),
    "AUD": (("a$", "au$"), ("australian dollars",)),
}
# Each way of writing a currency, by where it stands, with its code.
_CURRENCY_BEFORE_NUMBER: dict[str, str] = {
    written: code for code, (signs, _) in _CURRENCIES.items() for written in (*signs, code.lower())
}
_CURRENCY_AFTER_NUMBER: dict[str, str] = {
    written: code for code, (signs, words) in _CURRENCIES.items() for written in (*signs, code.lower(), *words)
}

# Vague quantities and the [low, high) each means: the design's readings table, and the same
# pattern one scale further ("tens of millions", "hundreds of millions", "billions").
_VAGUE_QUANTITIES: dict[str, tuple[int, int]] = {
    "dozens": (24, 100),
    "hundreds": (200, 1_000),
    "thousands": (2_000, 10_000),
    "tens of thousands": (20_000, 100_000),
    "hundreds of thousands": (200_000, 1_000_000),
    "millions": (2_000_000, 1_000_000_000),
    "tens of millions": (20_000_000, 100_000_000),
    "hundreds of millions": (200_000_000, 1_000_000_000),
    "billions": (2_000_000_000, 1_000_000_000_000),
}


def _alternatives(phrases: Iterable[str]) -> str:
    """A regular expression matching any of the phrases, longest first ("us$" before "$")."""
    return "|".join(re.escape(phrase) for phrase in sorted(phrases, key=len, reverse=True))


# The one table of number words, for quantities ("five", "twenty-five", "two hundred") and ratio
# words ("three times", "threefold") alike. Compounds are read from it: "twenty-five" is 20 + 5.
_NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "a dozen": 12, "hundred": 100, "a hundred": 100,
}  # fmt: skip
# Fraction words: as a quantity a share ("a third" is 33.3…%), as a ratio word a factor (1/3).
_FRACTION_WORDS: dict[str, Fraction] = {
    "half": Fraction(1, 2), "a half": Fraction(1, 2), "one half": Fraction(1, 2),
    "a third": Fraction(1, 3), "one third": Fraction(1, 3), "one-third": Fraction(1, 3),
    "two-thirds": Fraction(2, 3), "two thirds": Fraction(2, 3),
    "a quarter": Fraction(1, 4), "one quarter": Fraction(1, 4), "one-quarter": Fraction(1, 4),
    "three-quarters": Fraction(3, 4), "three quarters": Fraction(3, 4),
    "a fifth": Fraction(1, 5), "one fifth": Fraction(1, 5), "one-fifth": Fraction(1, 5),
    "a tenth": Fraction(1, 10), "one tenth": Fraction(1, 10), "one-tenth": Fraction(1, 10),
}  # fmt: skip


def _number_words(low: int, high: int) -> str:
    """The single number words from low to high, as a regular expression."""
    return _alternatives(word for word, value in _NUMBER_WORDS.items() if low <= value <= high and " " not in word)


_BELOW_HUNDRED = rf"(?:(?:{_number_words(20, 90)})(?:[- ](?:{_number_words(1, 9)}))?|{_number_words(10, 19)}|{_number_words(1, 9)})"
# A number written in words where digits could stand: "five", "twenty-five", "two hundred and
# five", "a dozen", and the "a" of "a million" (which is 1 million).
_NUMBER_WORD_PHRASE = lazy_pattern(
    rf"\b(?:(?:a|{_number_words(1, 9)})\s+hundred(?:\s+(?:and\s+)?{_BELOW_HUNDRED})?"
    rf"|a\s+dozen|{_BELOW_HUNDRED}|a(?=\s+(?:thousand|million|billion|trillion)\b))\b"
)


def _number_word_value(words: str) -> int:
    """The value of a phrase `_NUMBER_WORD_PHRASE` matches: "twenty-five" is 25, "a hundred and five" 105."""
    words = " ".join(words.split())
    if words == "a":
        return 1
    if words in _NUMBER_WORDS:
        return _NUMBER_WORDS[words]
    count, hundred, rest = words.partition(" hundred")
    if hundred:
        rest = rest.strip().removeprefix("and ")
        return (1 if count in ("a", "one") else _NUMBER_WORDS[count]) * 100 + (_number_word_value(rest) if rest else 0)
    tens, _, unit = words.replace("-", " ").partition(" ")
    return _NUMBER_WORDS[tens] + _NUMBER_WORDS[unit]


# Thin, narrow no-break and no-break spaces are thousands separators in many style guides.
_SEPARATOR_SPACES = "\u2009\u202f\u00a0"
_NUMBER = r"(?P<{name}>\d{{1,3}}(?:[,_ ]\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_SCALE = r"(?:\s*(?P<{name}>" + "|".join(sorted(_SCALES, key=len, reverse=True)) + r")\b)?"
_PERCENT = r"(?:\s*(?P<{name}>%|per\s?cent|percent))?"
_CURRENCY_BEFORE = r"(?:(?P<{name}>" + _alternatives(_CURRENCY_BEFORE_NUMBER) + r")\s*)?"
_CURRENCY_AFTER = r"(?:\s*(?P<{name}>" + _alternatives(_CURRENCY_AFTER_NUMBER) + r"))?"


def _number_pattern(suffix: str) -> str:
    return (
        _CURRENCY_BEFORE.format(name=f"currency_before{suffix}")
        + _NUMBER.format(name=f"digits{suffix}")
        + _SCALE.format(name=f"scale{suffix}")
        + _PERCENT.format(name=f"percent{suffix}")
        + _CURRENCY_AFTER.format(name=f"currency_after{suffix}")
    )


# A sign: "-14,000" jobs lost; "+330", a change written with its plus sign.
_SINGLE = lazy_pattern(r"(?P<sign>[-+])?" + _number_pattern(""))
_RANGE = lazy_pattern(
    r"(?:between\s+|from\s+)?"
    + _number_pattern("_a")
    + r"\s*(?:-|to|and)\s*"
    + _number_pattern("_b")
)
_PREFIX = lazy_pattern(
    r"(?P<hedge>" + "|".join(re.escape(phrase) for phrase in sorted(_PREFIX_HEDGES, key=len, reverse=True)) + r")\s*"
)
_SUFFIX_ENDINGS = tuple(_SUFFIX_HEDGES)
_SUFFIX = lazy_pattern(
    r"\s*(?P<hedge>" + "|".join(re.escape(phrase) for phrase in sorted(_SUFFIX_HEDGES, key=len, reverse=True)) + r")$"
)
_VAGUE = lazy_pattern(
    rf"(?P<vague>{_alternatives(_VAGUE_QUANTITIES)})(?:\s+of\s+(?P<currency>{_alternatives(_CURRENCY_AFTER_NUMBER)}))?"
)
# A dot between digits with exactly three digits after it, in a number without other separators:
# "10.025" may be ten and a bit, or 10,025 written with a dot as the thousands separator.
_DOT_OR_THOUSANDS = lazy_pattern(r"(?<![\d.,_])(?<!\d )[1-9]\d{0,2}\.\d{3}(?![\d.,])")
_SEPARATOR_BETWEEN_DIGITS = lazy_pattern(r"(?<=\d)[.,](?=\d)")
# What a reader of the default (a decimal point) cannot read: "10,5", "1.234.567".
_DECIMAL_COMMA_HINT = lazy_pattern(r"\d,\d{1,2}(?!\d)|\d\.\d{3}\.\d")


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
    # Its currency as an ISO 4217 code ("USD" for "$350 million"), or "" when the text names none.
    unit: str = ""
    # A number such as "10.025" whose dot may be a thousands separator (10,025): it was read as a
    # decimal point, and a finding says so. Empty when no number was ambiguous.
    ambiguous_separator: str = ""
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
        """The stated number as a reader would write it; a sum of money keeps its currency ("$350,123")."""
        if self.is_exact and not self.unit:
            return format_number(self.nominal) + ("%" if self.percent else "")
        return self.text

    def display_interval(self) -> str:
        return str(self.interval) + ("%" if self.percent else "")


Stated = str | int | Fraction | Decimal | Quantity


def parse_quantity(stated: Stated, tolerances: Tolerances = DEFAULT_TOLERANCES) -> Quantity:
    """Read a stated quantity as an exact interval, following the readings table of the design.

    A number (int, Fraction, Decimal) is exact data; text is read by its stated precision and
    hedge, as a count or an amount (see `Quantity.as_rate` for rates and means). Words are
    read in any case ("Around", "72K"); thin and no-break spaces separate thousands. Text is

        [hedge] quantity [suffix hedge]

    where the quantity is one of:

    - a number: digits with optional thousands separators and decimals ("20,538", "15.70"),
      then an optional scale word (k, thousand, m, mn, million, bn, billion, tn, trillion:
      "2.4 million", "£18.9bn", "72K") and an optional percent sign (%, per cent, percent).
      Text without a hedge is read at its last stated digit ("2.4 million" is
      [2,350,000, 2,450,000)); a round number may be rounded at its last non-zero digit, by
      no more than the `approximate` tolerance ("600" is [550, 650), "2 million" is
      [1.8 million, 2.2 million]), unless `round_numbers` is "exact".
    - a sum of money: a number with a currency sign or code before it ("$350 million",
      "US$205 billion", "€2.5m", "USD 2 billion") or a sign, code or word after it
      ("13,500 billion rubles", "2 billion dollars", "5 ₽"). `Quantity.unit` is its ISO 4217
      code (USD, EUR, GBP, RUB, UAH, JPY, CNY, INR, CHF, CAD, AUD); the scale word multiplies
      the number and the readings apply to the scaled number. "¥", "pounds" and "rupees" name
      more than one unit and are not read.
    - a number in words: "five", "twenty-five", "two hundred and five", "a dozen", with a
      scale word too ("two million", "a million"); read as its digits would be.
    - a range: "A-B", "A–B", "A to B", "between A and B", "from A to B" ("$2-3 billion":
      a scale word, percent sign or currency written once applies to both ends); [A, B].
    - a vague quantity: dozens [24, 100), hundreds [200, 1,000), thousands [2,000, 10,000),
      tens of thousands [20,000, 100,000), hundreds of thousands [200,000, 1 million),
      millions [2 million, 1 billion), tens of millions, hundreds of millions, billions;
      optionally "of" a currency ("millions of dollars"). It takes no hedge.
    - a fraction word, a share read as a percentage: half, a third, two-thirds, a quarter,
      three-quarters, a fifth, a tenth ("a third" is 33.3…% ± the `approximate` tolerance).
      A hedge applies to the fraction, and a share stays within 100%: "more than half" is
      (50%, 100%]; "nearly" and "just over" apply to the fraction read as about, since writers
      call 42% "nearly half": "nearly half" is [40.5%, 50%), "just over half" (50%, 60.5%].
      A fraction of a scale word is a number read as about: "half a million" is 500,000 ± 10%,
      "more than half a million dollars" (500,000, ∞) USD.
      "N in M" and "N out of M" are the share N/M read the same way: "one in five" is 20% ±
      the `approximate` tolerance, "two out of three" 66.7%, "nearly one in five" [16.2%, 20%).

    Hedges (`Hedge`): about, around, approximately, roughly, some, (an, the) estimated, ~, circa
    (N ± `approximate`, and at least the plain reading); nearly, almost, just under, close
    to, slightly fewer than, slightly less than, slightly under, a little under, a little
    less than, a little fewer than, (just) shy of, just below ([N − `nearly`, N)); just over,
    just above, slightly more than, slightly over, a little over, a little more than,
    upwards of ((N, N + `nearly`]); at least, no fewer than, no less than, not less than, a
    minimum of, as few as, "N or more", "N+" ([N, ∞)); more than, over, above,
    well over, well above, higher than, greater than, past, in excess of, exceeding ((N, ∞));
    at most, up to, no more than, not more than, a maximum of, as many as, as much as, "N or
    fewer" ([0, N]); fewer than, less than, under, below, well under, well below, lower than
    ([0, N)). Hedges combine with money: "just over $2 billion" is (2 billion, 2.2 billion].
    Words that stress a figure without hedging it (exactly, precisely, only, just, a record)
    leave its plain reading: "only 35,887" is 35,887, "just 1 percent" [0.5%, 1.5%).

    A plain count or amount may declare its publisher's rounding step: "758,855 (rounded to
    the nearest 5)" is [758,852.5, 758,857.5], as is "758,855 to the nearest 5".

    A number with a dot and exactly three digits after it ("10.025") may use the dot as a
    thousands separator: it is read as a decimal, and `Quantity.ambiguous_separator` keeps it
    so that a finding says so; `Tolerances(decimal_comma=True)` reads "10.025" as 10,025 and
    "10,5" as 10.5. Anything else is a `QuantityError` naming what was not understood.

    >>> parse_quantity("nearly 100").interval
    Interval[90, 100)
    >>> parse_quantity("600").interval
    Interval[550, 650)
    >>> money = parse_quantity("just over $2 billion")
    >>> money.interval, money.unit
    (Interval(2,000,000,000, 2,200,000,000], 'USD')
    >>> parse_quantity("more than half").interval
    Interval(50, 100]
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


def unit_code(unit: str) -> str:
    """A stated unit as claims compare it: a currency's sign, code or word is its code ("dollars" and "US$" are "USD").

    Any other unit ("people") is returned as written.
    """
    return _CURRENCY_AFTER_NUMBER.get(" ".join(unit.lower().split()), unit)


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
    return exact_fraction(stated)


@attrs.frozen
class _Number:
    """One number as written: its value, its scale word's multiplier, its decimals, its percent sign and currency."""

    value: Fraction
    scale: int
    decimals: int
    percent: bool
    # The ISO 4217 code of the currency written with it ("$", "dollars", "USD"), or "".
    currency: str = ""

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
    stepped = _ROUNDING_STEP.fullmatch(normal)
    if stepped:
        return _stepped_quantity(text, stepped, tolerances, quotient)
    hedge, body = _split_hedge(text, normal)
    if not tolerances.decimal_comma and _WHOLE_IN_DIGITS.fullmatch(body):
        # Most stated numbers: none of the words, ranges, currencies or signs below can match them.
        return _single_quantity(text, _Number(Fraction(int(body.replace(",", ""))), 1, 0, False), hedge, tolerances, quotient, "")
    if body in _FRACTION_WORDS:
        return _fraction_quantity(text, _FRACTION_WORDS[body], hedge, tolerances)
    part_of_scale = _PART_OF_SCALE.fullmatch(body)
    if part_of_scale:
        return _part_of_scale_quantity(text, part_of_scale, hedge, tolerances)
    one_in = _ONE_IN.fullmatch(body)
    if one_in:
        return _fraction_quantity(text, _one_in_share(text, one_in), hedge, tolerances)
    vague = _VAGUE.fullmatch(body)
    if vague:
        return _vague_quantity(text, vague, hedge, tolerances)
    if tolerances.decimal_comma:
        body = _SEPARATOR_BETWEEN_DIGITS.sub(_swapped_separator, body)
    ranged, single = _number_matches(body)
    if ranged is None and single is None:
        # Most numbers are digits: only what digits alone cannot read is read for number words.
        ranged, single = _number_matches(_NUMBER_WORD_PHRASE.sub(_digits_of_words, body))
    ambiguous = "" if tolerances.decimal_comma or "." not in body else _dot_or_thousands(body)
    if ranged and hedge in (Hedge.EXACT, Hedge.APPROXIMATE):
        return _range_quantity(text, ranged, hedge, tolerances, ambiguous)
    if not single:
        raise QuantityError(_unreadable(text, body, tolerances))
    number = _read_number(text, single, "")
    if number.percent and number.currency:
        raise QuantityError(f"cannot read {quoted(text)}: a percentage has no currency")
    if single["sign"] == "-":
        if hedge is not Hedge.EXACT:
            raise QuantityError(f"cannot read {quoted(text)}: a hedged quantity cannot be negative")
        number = attrs.evolve(number, value=-number.value)
    return _single_quantity(text, number, hedge, tolerances, quotient, ambiguous)


# A whole number in digits, its thousands separated by commas or not at all ("41,122", "600"),
# short enough for int() to read.
_WHOLE_IN_DIGITS = lazy_pattern(r"[0-9]{1,3}(?:,[0-9]{3}){1,30}|[0-9]{1,90}")


def _single_quantity(text: str, number: _Number, hedge: Hedge, tolerances: Tolerances, quotient: bool, ambiguous: str) -> Quantity:
    """One number read by the readings table, then its hedge."""
    plain, reading = _plain_reading(number, tolerances, quotient)
    try:
        interval = _hedged_interval(number.value, plain, hedge, tolerances)
    except ValueError:
        raise QuantityError(f"cannot read {quoted(text)}: no number is {hedge.value} {format_number(number.value)}") from None
    return Quantity(
        text=text,
        nominal=number.value,
        interval=interval,
        hedge=hedge,
        percent=number.percent,
        decimals=number.decimals,
        reading=reading,
        unit=number.currency,
        ambiguous_separator=ambiguous,
        tolerances=tolerances,
    )


def _number_matches(body: str) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """The body read as a range, or else as a single number; (None, None) when it is neither."""
    ranged = _RANGE.fullmatch(body)
    return ranged, None if ranged else _SINGLE.fullmatch(body)


def _swapped_separator(match: re.Match[str]) -> str:
    """Under `decimal_comma`, "1.234,5" is read as "1,234.5"."""
    return "," if match[0] == "." else "."


def _digits_of_words(match: re.Match[str]) -> str:
    return str(_number_word_value(match[0]))


def _dot_or_thousands(body: str) -> str:
    """The first number of the body whose dot may be a thousands separator ("10.025"), or ""."""
    found = _DOT_OR_THOUSANDS.search(body)
    return found[0] if found else ""


def _unreadable(text: str, body: str, tolerances: Tolerances) -> str:
    message = (
        f"cannot read {quoted(text)} as a quantity: expected a number such as \"20,538\", \"2.4 million\", "
        "\"nearly 100\", \"34%\", \"40,000-45,000\", \"$350 million\", \"five\", \"a third\" or \"hundreds\""
    )
    if not tolerances.decimal_comma and _DECIMAL_COMMA_HINT.search(body):
        message += '; if its comma is the decimal mark ("10,5" for 10.5), set decimal-comma'
    return message


# "758,855 (rounded to the nearest 5)": a publisher's rounding step, declared with the number.
_ROUNDING_STEP = lazy_pattern(r"(?P<body>.+?),? \(?(?:rounded )?to the nearest (?P<step>[0-9][0-9,]*(?:\.[0-9]+)?)\)?")


def _stepped_quantity(text: str, match: re.Match[str], tolerances: Tolerances, quotient: bool) -> Quantity:
    """A plain count or amount rounded to a stated step: within half a step of it, or its plain reading.

    Statistics offices round to steps other than powers of ten (HESA and the Home Office to
    the nearest 5), so parts rounded one by one may miss their rounded total by a few units.
    """
    inner = _parse_text(match["body"], tolerances, quotient)
    if inner.hedge is not Hedge.EXACT or inner.percent or inner.reading is Reading.FRACTION:
        raise QuantityError(f"cannot read {quoted(text)}: a rounding step goes with a plain count or amount, not {match['body']!r}")
    step = Fraction(match["step"].replace(",", ""))
    if step <= 0:
        raise QuantityError(f"cannot read {quoted(text)}: a rounding step must be more than 0")
    half = step / 2
    around = Interval(inner.nominal - half, inner.nominal + half)
    return attrs.evolve(inner, text=text, interval=Interval.hull([inner.interval, around]), reading=Reading.ROUND)


# "half a million", "a quarter of a billion dollars": a fraction of a scale word.
_PART_OF_SCALE = lazy_pattern(
    rf"(?P<fraction>{_alternatives(_FRACTION_WORDS)}) (?:of )?an? (?P<scale>thousand|million|billion|trillion)"
    r"(?: (?P<currency>.+))?"
)


def _part_of_scale_quantity(text: str, match: re.Match[str], hedge: Hedge, tolerances: Tolerances) -> Quantity:
    """A fraction of a scale word, read as about as a fraction word is: "half a million" is 500,000 ± 10%."""
    value = _FRACTION_WORDS[match["fraction"]] * _SCALES[match["scale"]]
    unit = ""
    if match["currency"]:
        unit = _CURRENCY_AFTER_NUMBER.get(match["currency"], "")
        if not unit:
            raise QuantityError(f"cannot read {quoted(text)}: {match['currency']!r} after {match['scale']!r} is not a currency")
    hedge = Hedge.APPROXIMATE if hedge is Hedge.EXACT else hedge
    try:
        interval = _hedged_interval(value, Interval.point(value), hedge, tolerances)
    except ValueError:
        raise QuantityError(f"cannot read {quoted(text)}: no number is {hedge.value} {format_number(value)}") from None
    return Quantity(
        text=text, nominal=value, interval=interval, hedge=hedge, reading=Reading.FRACTION, unit=unit, tolerances=tolerances
    )


# "one in five", "two out of three", "nine in 10", "one in every four": a share, as a fraction word is.
_ONE_IN = lazy_pattern(r"(?P<part>[0-9]+|[a-z]+(?:-[a-z]+)?) (?:in|out of) (?:every )?(?P<whole>[0-9]+|[a-z]+(?:-[a-z]+)?)")


def _one_in_share(text: str, match: re.Match[str]) -> Fraction:
    """The share "N in M" names; an error unless 0 <= N <= M and M > 0."""
    part, whole = (_count_value(text, match[name]) for name in ("part", "whole"))
    if whole == 0 or part > whole:
        raise QuantityError(f"cannot read {quoted(text)}: {part} in {whole} is no share")
    return Fraction(part, whole)


def _count_value(text: str, written: str) -> int:
    """A whole number written as digits or words ("five", "twenty-five", "10")."""
    if written.isdigit():
        return int(written)
    if _NUMBER_WORD_PHRASE.fullmatch(written):
        return _number_word_value(written)
    raise QuantityError(f"cannot read {quoted(text)}: {written!r} is not a number")


def _fraction_quantity(text: str, share: Fraction, hedge: Hedge, tolerances: Tolerances) -> Quantity:
    """A fraction word is a share, read as about ("a third" is 33.3…% ± the approximate tolerance).

    A hedge applies to the fraction. "more than half" is (50%, 100%], exactly: a majority is
    a precise claim. "nearly" and "just over" apply to the fraction read as about, because a
    share word is itself a rounding: writers call 42% "nearly half", so "nearly half" is
    [45% - 10% of 45%, 50%) = [40.5%, 50%) and "just over half" (50%, 60.5%]. A share is
    never above 100%.
    """
    percent = share * 100
    hedge = Hedge.APPROXIMATE if hedge is Hedge.EXACT else hedge
    about = _hedged_interval(percent, Interval.point(percent), Hedge.APPROXIMATE, tolerances)
    if hedge is Hedge.NEARLY:
        assert about.low is not None
        interval = Interval(about.low * (1 - tolerances.nearly), percent, high_open=True)
    elif hedge is Hedge.JUST_OVER:
        assert about.high is not None
        interval = Interval(percent, about.high * (1 + tolerances.nearly), low_open=True)
    else:
        interval = _hedged_interval(percent, Interval.point(percent), hedge, tolerances)
    if interval.high is None or interval.high > 100:
        interval = Interval(interval.low, 100, low_open=interval.low_open)
    return Quantity(
        text=text,
        nominal=percent,
        interval=interval,
        hedge=hedge,
        percent=True,
        reading=Reading.FRACTION,
        tolerances=tolerances,
    )


def _vague_quantity(text: str, match: re.Match[str], hedge: Hedge, tolerances: Tolerances) -> Quantity:
    """A vague quantity ("hundreds", "tens of thousands", "millions of dollars") as the readings table's interval."""
    if hedge is not Hedge.EXACT:
        raise QuantityError(f"cannot read {quoted(text)}: a vague quantity such as {match['vague']!r} takes no hedge")
    low, high = _VAGUE_QUANTITIES[match["vague"]]
    return Quantity(
        text=text,
        nominal=Fraction(low),  # the least the word says
        interval=Interval(low, high, high_open=True),
        hedge=Hedge.RANGE,
        reading=Reading.VAGUE,
        unit=_CURRENCY_AFTER_NUMBER[match["currency"]] if match["currency"] else "",
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
            raise QuantityError(f"cannot read {quoted(text)}: it has two hedges")
        hedge = _SUFFIX_HEDGES[suffix["hedge"]]
        body = body[: suffix.start()]
    return hedge, body


def _read_number(text: str, match: re.Match[str], suffix: str) -> _Number:
    digits = re.sub(r"[,_ ]", "", match[f"digits{suffix}"])
    scale = _SCALES[match[f"scale{suffix}"]] if match[f"scale{suffix}"] else 1
    try:
        value = Fraction(digits) * scale
    except ValueError:  # more digits than int() reads (sys.get_int_max_str_digits())
        raise QuantityError(f"cannot read a number of {len(digits)} characters: it has too many digits") from None
    before, after = match[f"currency_before{suffix}"], match[f"currency_after{suffix}"]
    currency = _one_currency(
        text,
        (_CURRENCY_BEFORE_NUMBER[before] if before else "", _CURRENCY_AFTER_NUMBER[after] if after else ""),
    )
    return _Number(value, scale, len(digits.partition(".")[2]), bool(match[f"percent{suffix}"]), currency)


def _one_currency(text: str, codes: Iterable[str]) -> str:
    """The one currency a text names ("$2-3 billion", "USD 2 billion to USD 3 billion"), or ""."""
    named = sorted({code for code in codes if code})
    if len(named) > 1:
        raise QuantityError(f"cannot read {quoted(text)}: it names two currencies, {' and '.join(named)}")
    return named[0] if named else ""


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


def _range_quantity(
    text: str, match: re.Match[str], hedge: Hedge, tolerances: Tolerances, ambiguous_separator: str
) -> Quantity:
    """A range, widened at both ends by the approximate hedge when one is given ("around 40,000-45,000")."""
    # "1.5-2 million", "30-40%" and "$2-3 billion": a scale word, percent sign or currency
    # written once applies to both ends.
    first, last = _read_number(text, match, "_a"), _read_number(text, match, "_b")
    unit = _one_currency(text, (first.currency, last.currency))
    low, high = first.value, last.value
    if last.scale > 1 and first.scale == 1:
        low *= last.scale
    if low > high:
        raise QuantityError(f"cannot read {quoted(text)}: the range runs from the larger number to the smaller")
    if unit and (first.percent or last.percent):
        raise QuantityError(f"cannot read {quoted(text)}: a percentage has no currency")
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
        unit=unit,
        ambiguous_separator=ambiguous_separator,
        tolerances=tolerances,
    )


# -- ratio words ------------------------------------------------------------------------

_FACTOR_WORDS: dict[str, Fraction] = {
    "double": Fraction(2),
    "twice": Fraction(2),
    "doubled": Fraction(2),
    "triple": Fraction(3),
    "tripled": Fraction(3),
    "quadruple": Fraction(4),
    "quadrupled": Fraction(4),
    "halved": Fraction(1, 2),
    # "a third" is a factor of 1/3 ("fell by two-thirds") as well as a share of 33.3…%.
    **_FRACTION_WORDS,
}
# The count is any text, read by `_factor_count`: "three", "twenty-five", "a dozen", "2.5".
_FOLD = lazy_pattern(r"(?P<count>.+?)[- ]?fold")
_TIMES = lazy_pattern(
    r"(?P<count>.+?)\s*(?:times|x)"
    r"(?:\s+(?P<more>more|higher|greater|larger|bigger)|\s+(?P<less>less|lower|smaller|fewer))?"
    r"(?:\s+(?:as many|the number|that))?"
)
# "10 percent higher": the change is a stated percentage, read with its own precision and hedge.
# News copy also puts the change after its word ("up 8%", "fell by 3%", "a rise of 10%") or
# names it with a noun ("a 20% fall", "an 8% increase").
_PERCENT_CHANGE = lazy_pattern(
    r"(?:an? (?=[0-9~]))?(?P<change>.+?)\s+"
    r"(?:(?P<up>higher|more|up|increase|rise|jump|gain)|(?P<down>lower|less|down|decrease|fall|drop|decline))"
)
_PERCENT_CHANGE_AFTER = lazy_pattern(
    r"(?:(?P<up>up|rose|grew|increased|jumped|climbed|(?:an increase|a rise|a jump|a gain|growth) of)"
    r"|(?P<down>down|fell|dropped|decreased|declined|(?:a decrease|a fall|a drop|a decline) of))"
    r"(?:\s+by)?\s+(?P<change>.+)"
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
    read as a stated number, as are "up 10%", "rose by 10%", "a 10% rise" and "a rise of
    10%" ("lower", "down", "fell", "a fall of": 1 - N/100). A number given as data (int,
    Fraction, Decimal) is exact.
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
    change = _PERCENT_CHANGE.fullmatch(normal) or _PERCENT_CHANGE_AFTER.fullmatch(normal)
    if change:
        try:
            percent = _parse_text(change["change"], tolerances, False)
        except QuantityError:
            percent = None
        if percent is not None and percent.percent:
            return _percent_factor(text, percent, bool(change["up"]), exactly, tolerances)
    hedge, body = _split_hedge(text, normal)
    if exactly and hedge is not Hedge.EXACT:
        raise QuantityError(f"cannot read {quoted(text)} as a ratio: it is both exact and {hedge.value}")
    candidates, note = _factor_candidates(text, body, tolerances.decimal_comma)
    if exactly:
        return Factor(text, candidates, tuple(map(Interval.point, candidates)), "stated exactly", note, tolerances=tolerances)
    readings = []
    for candidate in candidates:
        spread = tolerances.ratio * abs(candidate)
        plain = Interval(candidate - spread, candidate + spread)
        try:
            readings.append(_hedged_interval(candidate, plain, hedge, tolerances))
        except ValueError:
            raise QuantityError(f"cannot read {quoted(text)}: no ratio is {hedge.value} {format_number(candidate)}") from None
    return Factor(text, candidates, tuple(readings), _factor_basis(hedge, tolerances), note, tolerances=tolerances)


def _factor_candidates(text: str, body: str, decimal_comma: bool) -> tuple[tuple[Fraction, ...], str]:
    """The multipliers a ratio word names, and a note when it names more than one."""
    if body in _FACTOR_WORDS:
        return (_FACTOR_WORDS[body],), ""
    fold = _FOLD.fullmatch(body)
    if fold:
        return (_factor_count(text, fold["count"], decimal_comma),), ""
    times = _TIMES.fullmatch(body)
    if times:
        count = _factor_count(text, times["count"], decimal_comma)
        if times["more"]:
            return (count, count + 1), _NOTES["more"]
        if times["less"]:
            if count <= 0:
                raise QuantityError(f"cannot read {quoted(text)} as a ratio: {format_number(count)} times less is no ratio")
            return (1 / count, 1 / (count + 1)), _NOTES["less"]
        return (count,), ""
    try:
        return (_ratio_number(body, decimal_comma),), ""
    except (ValueError, ZeroDivisionError):
        raise QuantityError(
            f"cannot read {quoted(text)} as a ratio: expected a number or a word such as "
            "\"double\", \"three times\", \"tenfold\", \"half\" or \"10 percent higher\""
        ) from None


def _factor_count(stated: str, word: str, decimal_comma: bool) -> Fraction:
    if word in _NUMBER_WORDS:
        return Fraction(_NUMBER_WORDS[word])
    if _NUMBER_WORD_PHRASE.fullmatch(word):
        return Fraction(_number_word_value(word))
    try:
        return _ratio_number(word, decimal_comma)
    except (ValueError, ZeroDivisionError):
        raise QuantityError(f"cannot read {quoted(stated)} as a ratio: {quoted(word)} is not a number") from None


# A ratio stated as a number: "2.5", "1,000", "3/2". "2,5" is no number unless the decimal mark is a comma.
_RATIO_NUMBER = lazy_pattern(r"-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+|\d+/\d+)")


def _ratio_number(written: str, decimal_comma: bool) -> Fraction:
    """A ratio written as a number, read with the run's decimal mark; ValueError when it is not one."""
    if decimal_comma:
        written = _SEPARATOR_BETWEEN_DIGITS.sub(_swapped_separator, written)
    if not _RATIO_NUMBER.fullmatch(written):
        raise ValueError(f"not a number: {written!r}")
    return Fraction(written.replace(",", ""))


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
