"""Exact intervals of rational numbers, with open or closed ends, and the arithmetic rules use on them."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from fractions import Fraction

import attrs

Number = int | Fraction


class Truth(enum.Enum):
    """The answer to a question about intervals: does it hold for every reading, some, or none?"""

    CERTAINLY = "certainly"
    POSSIBLY = "possibly"
    CERTAINLY_NOT = "certainly not"

    def __and__(self, other: Truth) -> Truth:
        if Truth.CERTAINLY_NOT in (self, other):
            return Truth.CERTAINLY_NOT
        if self is other is Truth.CERTAINLY:
            return Truth.CERTAINLY
        return Truth.POSSIBLY

    def __or__(self, other: Truth) -> Truth:
        if Truth.CERTAINLY in (self, other):
            return Truth.CERTAINLY
        if self is other is Truth.CERTAINLY_NOT:
            return Truth.CERTAINLY_NOT
        return Truth.POSSIBLY

    def __invert__(self) -> Truth:
        if self is Truth.POSSIBLY:
            return self
        return Truth.CERTAINLY_NOT if self is Truth.CERTAINLY else Truth.CERTAINLY


def _fraction(value: Number | None) -> Fraction | None:
    # Fractions are immutable: one already given is kept rather than copied (a hot path).
    if value is None or type(value) is Fraction:
        return value
    return Fraction(value)


@attrs.frozen(repr=False)
class Interval:
    """A set of numbers between `low` and `high`; None is an infinite end, which is always open.

    Every stated number is read as one of these, so a relation between claims is violated
    only when no choice of values inside their intervals satisfies it.
    """

    low: Fraction | None = attrs.field(converter=_fraction)
    high: Fraction | None = attrs.field(converter=_fraction)
    low_open: bool = attrs.field(default=False)
    high_open: bool = attrs.field(default=False)

    def __attrs_post_init__(self) -> None:
        # Infinite ends are open by definition; normalising here keeps equality meaningful.
        if self.low is None and not self.low_open:
            object.__setattr__(self, "low_open", True)
        if self.high is None and not self.high_open:
            object.__setattr__(self, "high_open", True)
        if (
            self.low is not None
            and self.high is not None
            and (self.low > self.high or (self.low == self.high and (self.low_open or self.high_open)))
        ):
            raise ValueError(f"empty interval: {self._describe()}")

    @classmethod
    def point(cls, value: Number) -> Interval:
        return cls(value, value)

    @classmethod
    def closed(cls, low: Number | None, high: Number | None) -> Interval:
        return cls(low, high)

    @classmethod
    def everything(cls) -> Interval:
        return cls(None, None)

    @classmethod
    def hull(cls, intervals: Iterable[Interval]) -> Interval:
        """The smallest interval holding all the given ones."""
        items = list(intervals)
        if not items:
            raise ValueError("the hull of no intervals is undefined")
        low, low_open = items[0].low, items[0].low_open
        high, high_open = items[0].high, items[0].high_open
        for item in items[1:]:
            if low is not None and (item.low is None or item.low < low):
                low, low_open = item.low, item.low_open
            elif low is not None and item.low == low:
                low_open = low_open and item.low_open
            if high is not None and (item.high is None or item.high > high):
                high, high_open = item.high, item.high_open
            elif high is not None and item.high == high:
                high_open = high_open and item.high_open
        return cls(low, high, low_open, high_open)

    # -- questions -----------------------------------------------------------------

    @property
    def is_point(self) -> bool:
        return self.low is not None and self.low == self.high

    @property
    def is_bounded(self) -> bool:
        return self.low is not None and self.high is not None

    @property
    def width(self) -> Fraction | None:
        return None if self.low is None or self.high is None else self.high - self.low

    def __contains__(self, value: Number) -> bool:
        if self.low is not None and (value < self.low or (value == self.low and self.low_open)):
            return False
        return not (self.high is not None and (value > self.high or (value == self.high and self.high_open)))

    def intersects(self, other: Interval) -> bool:
        """Some number lies in both."""
        return not (_ends_before(self, other) or _ends_before(other, self))

    def intersection(self, other: Interval) -> Interval | None:
        if not self.intersects(other):
            return None
        low, low_open = _tighter_low(self, other)
        high, high_open = _tighter_high(self, other)
        return Interval(low, high, low_open, high_open)

    def is_within(self, other: Interval) -> bool:
        """Every number of this interval lies in `other`."""
        return self.intersection(other) == self

    # -- comparisons: each answers for every pair of readings ------------------------

    def equals(self, other: Interval) -> Truth:
        if not self.intersects(other):
            return Truth.CERTAINLY_NOT
        if self.is_point and self == other:
            return Truth.CERTAINLY
        return Truth.POSSIBLY

    def less_than(self, other: Interval) -> Truth:
        if _ends_before(self, other):
            return Truth.CERTAINLY
        if other.high is not None and self.low is not None and _whole_or_fraction(self.low) >= _whole_or_fraction(other.high):
            return Truth.CERTAINLY_NOT
        return Truth.POSSIBLY

    def less_equal(self, other: Interval) -> Truth:
        if self.high is not None and other.low is not None and _whole_or_fraction(self.high) <= _whole_or_fraction(other.low):
            return Truth.CERTAINLY
        if _ends_before(other, self):
            return Truth.CERTAINLY_NOT
        return Truth.POSSIBLY

    def greater_than(self, other: Interval) -> Truth:
        return other.less_than(self)

    def greater_equal(self, other: Interval) -> Truth:
        return other.less_equal(self)

    # -- arithmetic: the result holds every pointwise result -------------------------

    def __add__(self, other: Interval | Number) -> Interval:
        other = _as_interval(other)
        low = None if self.low is None or other.low is None else self.low + other.low
        high = None if self.high is None or other.high is None else self.high + other.high
        return _valid(low, high, self.low_open or other.low_open, self.high_open or other.high_open)

    __radd__ = __add__

    def __neg__(self) -> Interval:
        return _valid(
            None if self.high is None else -self.high,
            None if self.low is None else -self.low,
            self.high_open,
            self.low_open,
        )

    def __sub__(self, other: Interval | Number) -> Interval:
        return self + (-_as_interval(other))

    def __rsub__(self, other: Number) -> Interval:
        return _as_interval(other) - self

    def __mul__(self, other: Interval | Number) -> Interval:
        other = _as_interval(other)
        if self.low is not None and other.low is not None and self.low > 0 and other.low > 0:
            # Both strictly positive (the common case: a count times a conversion factor): the
            # product grows with each factor, so its ends are the products of the ends.
            high = None if self.high is None or other.high is None else self.high * other.high
            return _valid(
                self.low * other.low, high, self.low_open or other.low_open, self.high_open or other.high_open
            )
        corners = [
            _corner_product(a, a_open, b, b_open)
            for a, a_open in self._ends()
            for b, b_open in other._ends()
        ]
        lowest = min(corners, key=lambda corner: (corner[0], corner[1]))
        highest = max(corners, key=lambda corner: (corner[0], -corner[1]))
        low, low_open = _finite_or_none(lowest)
        high, high_open = _finite_or_none(highest)
        return Interval(low, high, low_open, high_open)

    __rmul__ = __mul__

    def reciprocal(self) -> Interval:
        """1/x for every x in the interval; everything when zero lies strictly inside or at a closed end."""
        if 0 in self:
            return Interval.everything()
        low: Fraction | None
        high: Fraction | None
        if (self.low is not None and self.low > 0) or self.low == 0:
            # Positive side (possibly touching 0 at an open end).
            high = None if self.low == 0 else 1 / self.low
            low = Fraction(0) if self.high is None else 1 / self.high
            return Interval(low, high, self.high_open, self.low_open)
        if self.high is not None and (self.high < 0 or self.high == 0):
            low = None if self.high == 0 else 1 / self.high
            high = Fraction(0) if self.low is None else 1 / self.low
            return Interval(low, high, self.high_open, self.low_open)
        return Interval.everything()

    def __truediv__(self, other: Interval | Number) -> Interval:
        return self * _as_interval(other).reciprocal()

    def __rtruediv__(self, other: Number) -> Interval:
        return _as_interval(other) / self

    # -- rendering -------------------------------------------------------------------

    def _ends(self) -> list[tuple[Fraction | float, bool]]:
        low: Fraction | float = -_INFINITY if self.low is None else self.low
        high: Fraction | float = _INFINITY if self.high is None else self.high
        return [(low, self.low_open), (high, self.high_open)]

    def _describe(self) -> str:
        left = "(" if self.low_open else "["
        right = ")" if self.high_open else "]"
        low = "-inf" if self.low is None else format_number(self.low)
        high = "inf" if self.high is None else format_number(self.high)
        return f"{left}{low}, {high}{right}"

    def __repr__(self) -> str:
        return f"Interval{self._describe()}"

    def __str__(self) -> str:
        return self._describe()


_new = object.__new__
_set = object.__setattr__


def _valid(low: Fraction | None, high: Fraction | None, low_open: bool, high_open: bool) -> Interval:
    """An interval built without the checks of `Interval(...)`, for results of arithmetic on valid intervals.

    Those ends are already Fractions in order, and an infinite end is already open (it came
    from an open one); checking them again cost more than the arithmetic in large claim sets.
    """
    interval = _new(Interval)
    _set(interval, "low", low)
    _set(interval, "high", high)
    _set(interval, "low_open", low_open)
    _set(interval, "high_open", high_open)
    return interval


def _whole_or_fraction(value: Fraction) -> int | Fraction:
    # An int adds and compares at C speed, a Fraction in Python, and exactly as the Fraction
    # does; most stated numbers are whole.
    return value.numerator if value.denominator == 1 else value


def sum_of(intervals: Iterable[Interval]) -> Interval:
    """The sum of intervals, exactly as adding them to `Interval.point(0)` one by one gives it, whole ends added as ints."""
    low: int | Fraction | None = 0
    high: int | Fraction | None = 0
    low_open = high_open = False
    for interval in intervals:
        # _whole_or_fraction, written out: this loop runs for every part of every breakdown.
        end = interval.low
        if low is not None:
            low = None if end is None else low + (end.numerator if end.denominator == 1 else end)
        end = interval.high
        if high is not None:
            high = None if end is None else high + (end.numerator if end.denominator == 1 else end)
        low_open = low_open or interval.low_open
        high_open = high_open or interval.high_open
    return _valid(_fraction(low), _fraction(high), low_open, high_open)


# Infinity only ever appears inside corner products; it never leaves this module as a value.
_INFINITY = float("inf")


def _corner_product(
    a: Fraction | float, a_open: bool, b: Fraction | float, b_open: bool
) -> tuple[Fraction | float, bool]:
    """The product at one corner of the box, and whether it is *not* attained (open)."""
    if (a == 0 and not a_open) or (b == 0 and not b_open):
        return Fraction(0), False
    if a == 0 or b == 0:
        # 0 x infinity at an open end: the products only approach 0 here.
        return Fraction(0), True
    if isinstance(a, float) or isinstance(b, float):
        # An infinite end: only the signs matter. Fraction times float would turn the
        # Fraction into a float, which overflows (or vanishes) for a huge (or tiny) one.
        return (_INFINITY if (a > 0) == (b > 0) else -_INFINITY), a_open or b_open
    return a * b, a_open or b_open


def _finite_or_none(corner: tuple[Fraction | float, bool]) -> tuple[Fraction | None, bool]:
    value, is_open = corner
    if isinstance(value, float):
        return None, True
    return value, is_open


def _as_interval(value: Interval | Number) -> Interval:
    return value if isinstance(value, Interval) else Interval.point(value)


def _ends_before(first: Interval, second: Interval) -> bool:
    """Every number of `first` is below every number of `second`."""
    if first.high is None or second.low is None:
        return False
    high, low = _whole_or_fraction(first.high), _whole_or_fraction(second.low)
    if high < low:
        return True
    return high == low and (first.high_open or second.low_open)


def _tighter_low(a: Interval, b: Interval) -> tuple[Fraction | None, bool]:
    if a.low is None:
        return b.low, b.low_open
    if b.low is None or a.low > b.low:
        return a.low, a.low_open
    if b.low > a.low:
        return b.low, b.low_open
    return a.low, a.low_open or b.low_open


def _tighter_high(a: Interval, b: Interval) -> tuple[Fraction | None, bool]:
    if a.high is None:
        return b.high, b.high_open
    if b.high is None or a.high < b.high:
        return a.high, a.high_open
    if b.high < a.high:
        return b.high, b.high_open
    return a.high, a.high_open or b.high_open


def format_number(value: Number) -> str:
    """A number as a reader writes it: thousands separators, and at most four decimals."""
    value = Fraction(value)
    try:
        if value.denominator == 1:
            return f"{value.numerator:,}"
        rounded = round(value, 4)
        sign = "-" if rounded < 0 else ""
        whole, part = divmod(abs(rounded.numerator) * 10**4 // rounded.denominator, 10**4)
        decimals = f"{part:04d}".rstrip("0")
        text = f"{sign}{whole:,}" + (f".{decimals}" if decimals else "")
        return text if rounded == value else f"{text}…"
    except ValueError:  # more digits than int() writes out (sys.get_int_max_str_digits())
        return _scientific(value)


def _scientific(value: Fraction) -> str:
    """A number too long to write out in full, as its first digits and a power of ten: 1.2346…e+4305.

    Integer division only: Fraction arithmetic would reduce by the gcd of numbers of thousands of digits.
    """
    numerator, denominator = abs(value.numerator), value.denominator
    shift = (numerator.bit_length() - denominator.bit_length()) * 30103 // 100000 - 6
    if shift >= 0:
        leading, remainder = divmod(numerator, denominator * 10**shift)
    else:
        leading, remainder = divmod(numerator * 10**-shift, denominator)
    digits = str(leading)  # some six to eight digits
    exponent = shift + len(digits) - 1
    mantissa = (digits[0] + "." + digits[1:5]).rstrip("0").rstrip(".")
    exact = remainder == 0 and not digits[5:].strip("0")
    return f"{'-' if value < 0 else ''}{mantissa}{'' if exact else '…'}e{exponent:+d}"
