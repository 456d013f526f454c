"""Argument checks that raise InvalidArgument when a strategy is made, as Hypothesis' own strategies do."""

from __future__ import annotations

import datetime
import warnings

from hypothesis.errors import InvalidArgument

__all__ = [
    "MAX_DIGITS",
    "check_day_bounds",
    "check_days",
    "check_flag",
    "check_integer",
    "check_order",
    "check_sizes",
    "check_value",
    "check_years",
]

# The most digits a generated number has: far beyond any stated figure, and well within what
# Python writes as text (4,300 digits by default).
MAX_DIGITS = 1000

# The date grammar writes a year with four digits.
_FIRST_WRITTEN_DAY = datetime.date(1000, 1, 1)


def check_integer(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgument(f"{name}={value!r} must be an integer")
    return value


def check_value(name: str, value: object) -> int:
    """A bound on generated numbers: an integer of at most MAX_DIGITS digits."""
    number = check_integer(name, value)
    if abs(number) >= 10**MAX_DIGITS:
        # The number itself may be too long for Python to write: the message names its bound alone.
        raise InvalidArgument(f"{name} must have at most {MAX_DIGITS} digits (below 10**{MAX_DIGITS} in size)")
    return number


def check_flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise InvalidArgument(f"{name}={value!r} must be True or False")
    return value


def check_order(low_name: str, low: int, high_name: str, high: int) -> None:
    if low > high:
        raise InvalidArgument(f"cannot have {low_name}={low!r} > {high_name}={high!r}")


def check_sizes(min_size: object, max_size: object, *, names: tuple[str, str] = ("min_size", "max_size")) -> tuple[int, int]:
    """A size range; max_size=None allows eight more than min_size."""
    min_name, max_name = names
    minimum = check_integer(min_name, min_size)
    if minimum < 0:
        raise InvalidArgument(f"{min_name}={minimum!r} must be at least 0")
    maximum = minimum + 8 if max_size is None else check_integer(max_name, max_size)
    check_order(min_name, minimum, max_name, maximum)
    return minimum, maximum


def check_years(min_year: object, max_year: object) -> tuple[int, int]:
    """A range of years that the date grammar writes with four digits."""
    first = check_integer("min_year", min_year)
    last = check_integer("max_year", max_year)
    if first < 1000 or last > 9999:
        raise InvalidArgument(
            f"years must be written with four digits: 1000 <= min_year <= max_year <= 9999, not {first}..{last}"
        )
    check_order("min_year", first, "max_year", last)
    return first, last


def check_days(min_value: object, max_value: object) -> tuple[datetime.date, datetime.date]:
    """A range of days, as Hypothesis' dates() takes it, whose years the date grammar writes with four digits."""
    first, last = _check_day("min_value", min_value), _check_day("max_value", max_value)
    if first < _FIRST_WRITTEN_DAY:
        raise InvalidArgument(f"min_value={first!r} must be no earlier than {_FIRST_WRITTEN_DAY!r}: years are written with four digits")
    if first > last:
        raise InvalidArgument(f"cannot have min_value={first!r} > max_value={last!r}")
    return first, last


def _check_day(name: str, value: object) -> datetime.date:
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise InvalidArgument(f"{name}={value!r} must be a datetime.date")
    return value


def check_day_bounds(
    strategy: str,
    min_value: object,
    max_value: object,
    min_year: object,
    max_year: object,
    default: tuple[datetime.date, datetime.date],
) -> tuple[datetime.date, datetime.date]:
    """The days a strategy draws from: `min_value`/`max_value` (dates), or the deprecated `min_year`/`max_year`."""
    if min_year is not None or max_year is not None:
        if min_value is not None or max_value is not None:
            raise InvalidArgument("pass min_value and max_value (dates) alone: min_year and max_year are deprecated")
        warnings.warn(
            f"{strategy}(min_year=..., max_year=...) is deprecated: pass min_value and max_value as dates, "
            "as Hypothesis' dates() takes them, e.g. min_value=datetime.date(2010, 1, 1)",
            DeprecationWarning,
            stacklevel=3,
        )
        first_year, last_year = check_years(
            default[0].year if min_year is None else min_year, default[1].year if max_year is None else max_year
        )
        return datetime.date(first_year, 1, 1), datetime.date(last_year, 12, 31)
    return check_days(default[0] if min_value is None else min_value, default[1] if max_value is None else max_value)
