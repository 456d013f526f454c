"""Suggested corrections: is one stated number a single-digit typo or a digit transposition of another?"""

from __future__ import annotations

from fractions import Fraction

from factlint._intervals import format_number

# A typo is suggested only in a number of at most this many digits: a longer one has ten
# variants per digit, each an int() of its own (seconds for a 4,300-digit value), and no
# reader retypes a hundred-digit figure.
_MAX_VARIANT_DIGITS = 100
_VARIANT_LIMIT = 10**_MAX_VARIANT_DIGITS


def typo_kind(stated: Fraction, needed: Fraction) -> str | None:
    """How `stated` could be a mistyping of `needed`: "one digit" or "two transposed digits", else None.

    Only whole numbers of the same length are compared: a dropped or added digit changes a
    number's size so much that it is rarely the obvious culprit.
    """
    if stated == needed or stated.denominator != 1 or needed.denominator != 1 or stated < 0 or needed < 0:
        return None
    try:
        written, wanted = str(stated.numerator), str(needed.numerator)
    except ValueError:  # more digits than int() writes out (sys.get_int_max_str_digits())
        return None
    if len(written) != len(wanted):
        return None
    differing = [index for index, (a, b) in enumerate(zip(written, wanted)) if a != b]
    if len(differing) == 1:
        return "one digit"
    if (
        len(differing) == 2
        and differing[1] == differing[0] + 1
        and written[differing[0]] == wanted[differing[1]]
        and written[differing[1]] == wanted[differing[0]]
    ):
        return "two transposed digits"
    return None


def describe_typo(stated: Fraction, needed: Fraction) -> str | None:
    """A sentence for a finding's fix, e.g. '20,583 may be a typo for 20,538 (two transposed digits)'."""
    kind = typo_kind(stated, needed)
    if kind is None:
        return None
    return f"{format_number(stated)} may be a typo for {format_number(needed)} ({kind})"


def digit_variants(stated: Fraction) -> list[tuple[int, str]]:
    """Every whole number one typo away from `stated`, smallest first: one digit changed, or two neighbours swapped.

    Only same-length numbers without a leading zero, as `typo_kind` compares them; none for
    a number of more than 100 digits.
    """
    if stated.denominator != 1 or stated < 0 or stated >= _VARIANT_LIMIT:
        return []
    written = str(stated.numerator)
    variants: dict[int, str] = {}
    for index, digit in enumerate(written):
        for replacement in "0123456789":
            if replacement != digit and not (index == 0 and replacement == "0" and len(written) > 1):
                variants[int(written[:index] + replacement + written[index + 1 :])] = "one digit"
    for index in range(len(written) - 1):
        a, b = written[index], written[index + 1]
        if a != b and not (index == 0 and b == "0"):
            variants[int(written[:index] + b + a + written[index + 2 :])] = "two transposed digits"
    return sorted(variants.items())
