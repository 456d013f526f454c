"""How findings phrase stated numbers, the readings they assumed, and the arithmetic that shows a problem."""

from __future__ import annotations

from collections.abc import Iterable

from factlint._intervals import Interval, format_number
from factlint._model import Claim


def stated(claim: Claim) -> str:
    """The claim's value as the source wrote it: 20,538 or "nearly 100"."""
    value = claim.value
    return value.display() if value.is_exact else f'"{value.text}"'


def interval_text(interval: Interval, percent: bool = False) -> str:
    """An interval as a reader would say it: 20,538, or [4,680, 5,720]."""
    text = format_number(interval.low) if interval.is_point else str(interval)  # type: ignore[arg-type]
    return text + ("%" if percent else "")


def readings(claims: Iterable[Claim]) -> list[str]:
    """One line per claim whose value is not exact, saying which values it was read to allow."""
    lines = []
    for claim in dict.fromkeys(claims):
        value = claim.value
        if not value.is_exact:
            lines.append(f"assumed: {claim.id} \"{value.text}\" means {value.display_interval()}")
    return lines


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
