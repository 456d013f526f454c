"""cattrs structures the raw entries that the plain path of `entries` leaves, and its errors become plain messages with their paths.

Imported only when a file holds such an entry: a valid fact file is read without cattrs.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from factlint._loading.entries import StatedDate, StatedValue, describe
from factlint._positions import Path as DocPath

__all__ = ["STRUCTURING_ERRORS", "converter", "structure_errors"]

# What converter.structure raises for an entry it cannot read.
STRUCTURING_ERRORS = (ClassValidationError, IterableValidationError, ValueError, TypeError)


def _strict(expected: type[object], description: str) -> Callable[[object, type[object]], object]:
    """A hook that takes only values of `expected` as they are: no text read as a number, no number as text."""

    def structure(value: object, _: type[object]) -> object:
        if (isinstance(value, bool) and expected is not bool) or not isinstance(value, expected):
            raise ValueError(f"expected {description}, not {describe(value)}")
        return value

    return structure


def _stated_value(value: object, _: type[object]) -> StatedValue:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(f'expected a number or text such as "nearly 100", not {describe(value)}')
    return value


def _stated_date(value: object, _: type[object]) -> StatedDate:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, (datetime.date, str)):
        return value
    raise ValueError(f'expected a date or date text such as "late May 2025", not {describe(value)}')


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_structure_hook(str, _strict(str, "text"))
    converter.register_structure_hook(int, _strict(int, "a whole number"))
    converter.register_structure_hook(bool, _strict(bool, "true or false"))
    converter.register_structure_hook(StatedValue, _stated_value)
    converter.register_structure_hook(StatedDate, _stated_date)
    converter.register_structure_hook(StatedValue | None, _stated_value)
    converter.register_structure_hook(StatedDate | None, _stated_date)

    def strict_list(value: object, _: type[object]) -> list[str]:
        # A text is iterable too: refuse it here, where cattrs would read it letter by letter.
        if not isinstance(value, list):
            raise ValueError(f"expected a list of text, not {describe(value)}")
        # Structured as a tuple, so that each item is read by the strict `str` hook and each
        # error is noted with its index.
        return list(converter.structure(value, tuple[str, ...]))

    converter.register_structure_hook_func(lambda type_: type_ == list[str], strict_list)

    structure_table = converter.get_structure_hook(dict[str, str])

    def strict_table(value: object, type_: type[object]) -> dict[str, str]:
        # cattrs would call .items() on whatever it is given, and report that it has none.
        if not isinstance(value, dict):
            raise ValueError(f'expected a table such as {{ charge = "AWOL" }}, not {describe(value)}')
        table: dict[str, str] = structure_table(value, type_)
        return table

    converter.register_structure_hook_func(lambda type_: type_ == dict[str, str], strict_table)
    return converter


converter = _make_converter()


def structure_errors(
    error: BaseException, where: DocPath, heading: str, entry_class: type[attrs.AttrsInstance]
) -> Iterator[tuple[DocPath, str, bool]]:
    """Each leaf problem of a cattrs error: its document path, a plain message, and whether to point at the key.

    `heading` names the entry's table as the file writes it: "[[claim]]", or "[factlint]".
    """
    if isinstance(error, ClassValidationError):
        with_names, without_names = error.group_exceptions()
        for inner, attribute in with_names:
            yield from structure_errors(inner, (*where, attribute.name), heading, entry_class)
        for inner in without_names:
            yield from structure_errors(inner, where, heading, entry_class)
    elif isinstance(error, IterableValidationError):
        with_indexes, without_indexes = error.group_exceptions()
        for inner, item in with_indexes:
            yield from structure_errors(inner, (*where, item.index), heading, entry_class)
        for inner in without_indexes:
            yield from structure_errors(inner, where, heading, entry_class)
    elif isinstance(error, ForbiddenExtraKeysError):
        allowed = ", ".join(field.name for field in attrs.fields(entry_class))
        for key in sorted(error.extra_fields):
            yield (*where, key), f"unknown key {key!r} in {heading}; expected one of: {allowed}", True
    elif isinstance(error, KeyError):
        yield where, f"{heading} is missing its required key {error.args[0]!r}", False
    else:
        field = next((str(part) for part in reversed(where) if isinstance(part, str)), heading)
        message = str(error)
        if "required positional argument" in message:
            missing = re.findall(r"'(\w+)'", message)
            message = f"{heading} is missing its required key {', '.join(repr(name) for name in missing)}"
            yield where[:2], message, False
        else:
            yield where, f"{field}: {message}", False
