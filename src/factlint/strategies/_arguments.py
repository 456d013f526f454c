"""Argument checks that raise InvalidArgument when a strategy is made, as Hypothesis' own strategies do."""

from __future__ import annotations

from hypothesis.errors import InvalidArgument

__all__ = ["check_flag", "check_integer", "check_order", "check_sizes", "check_years"]


def check_integer(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgument(f"{name}={value!r} must be an integer")
    return value


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
