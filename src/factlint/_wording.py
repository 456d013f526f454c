"""How findings phrase stated numbers, the readings they assumed, and the arithmetic that shows a problem."""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from factlint._intervals import Interval, format_number
from factlint._model import Claim
from factlint._patterns import lazy_pattern
from factlint._quantities import _SCALES, Hedge, Quantity, Reading


def stated(claim: Claim) -> str:
    """The claim's value as the source wrote it: 20,538, 2.4 million, or "nearly 100" (quoted when it has words)."""
    value = claim.value
    if value.is_exact:
        return value.display()
    return value.text if value.hedge is Hedge.EXACT and value.reading is not Reading.RANGE else f'"{value.text}"'


# A stated amount as its parts: what stands before the number ("£", "US$"), the number, a
# scale word ("million", "bn") and what follows it ("rubles").
_AMOUNT = lazy_pattern(r"(?P<before>[^\d.]*?)(?P<number>\d[\d,]*(?:\.\d+)?)(?P<scale>\s*[A-Za-z]+)?(?P<after>[^\d]*)")


def like_stated(value: Fraction, quantity: Quantity) -> str:
    """`value` written as `quantity` was: 460,000,000 beside "£406 million" is "£460 million".

    A value that the stated scale cannot write in at most four decimals is written out in full,
    with the same currency ("£406,123,456.5").
    """
    written = _AMOUNT.fullmatch(quantity.text.strip())
    if written is None or quantity.percent:
        return format_number(value)
    before, word, after = written["before"], written["scale"] or "", written["after"]
    scale = _SCALES.get(word.strip().lower())
    if scale is None:
        # No scale word; a word after the number ("13,500 rubles") is part of what follows it.
        scale, word, after = 1, "", word + after
    scaled = value / scale
    if round(scaled, 4) == scaled:
        return f"{before}{format_number(scaled)}{word}{after}"
    return f"{before}{format_number(value)}{after}"


def interval_text(interval: Interval, percent: bool = False) -> str:
    """An interval as a reader would say it: 20,538, or [4,680, 5,720]."""
    text = format_number(interval.low) if interval.is_point else str(interval)  # type: ignore[arg-type]
    return text + ("%" if percent else "")


def readings(claims: Iterable[Claim]) -> list[str]:
    """One line per claim whose value is not an exact point, saying which reading it was given and what it allows."""
    return [
        f"assumed: {claim.id} {_reading(claim)}{_separator_note(claim)}"
        for claim in dict.fromkeys(claims)
        if not claim.value.is_exact
    ]


def _separator_note(claim: Claim) -> str:
    """'; "10.025" read as the decimal 10.025; if it means 10,025 (a thousands separator), set decimal-comma'."""
    number = claim.value.ambiguous_separator
    if not number:
        return ""
    thousands = number.replace(".", ",")
    return f'; "{number}" read as the decimal {number}; if it means {thousands} (a thousands separator), set decimal-comma'


_STATISTIC_NOUNS = {"mean": "a mean", "sd": "a standard deviation", "test": "a test statistic"}


def _reading(claim: Claim) -> str:
    """'"600" may be rounded: [550, 650)', '"nearly 100" means [90, 100)'."""
    value = claim.value
    shown = f'"{value.text}"'
    if value.hedge is not Hedge.EXACT:
        return f"{shown} means {value.interval}"
    if value.reading is Reading.ROUND:
        return f"{shown} may be rounded: {value.interval}"
    if value.reading is Reading.RATE:
        kind = _STATISTIC_NOUNS[claim.statistic.value] if claim.statistic is not None else "a rate"
        return f"{shown} ({kind}) may be rounded: {value.interval}"
    return f"{shown} is read to its last digit: {value.interval}"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
