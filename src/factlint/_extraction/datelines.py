"""Finding the publication date in an article's dateline, never in a copyright footer or a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from factlint._dates import DateError, DateRange, parse_date_range
from factlint._extraction.furniture import Line
from factlint._extraction.times import MONTH

__all__ = ["Dateline", "find_dateline", "scraped_date"]

_WEEKDAY = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,?\s+)?"
# A full day, as datelines write it: "2025-06-26", "June 26, 2025", "Tuesday, 4 June 2024", "Jun 04/2024".
_FULL_DATE = re.compile(
    rf"(?P<iso>\b[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}\b)"
    rf"|{_WEEKDAY}(?P<month_first>{MONTH}\s+[0-9]{{1,2}}(?:st|nd|rd|th)?,?\s+[0-9]{{4}})\b"
    rf"|{_WEEKDAY}(?P<day_first>[0-9]{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+[0-9]{{4}})\b"
    rf"|(?P<slashed>(?P<slash_month>{MONTH})\s+(?P<slash_day>[0-9]{{1,2}})/(?P<slash_year>[0-9]{{4}}))\b"
)
# A scraped page may carry its date before the text on the same line: " date 2025-06-26 Skip to content".
_SCRAPED = re.compile(r"^\s*date\s+(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})\b")
_NOT_A_DATELINE = re.compile(r"©|\bcopyright\b|\bsince\b|\buntil\b|\bfrom\b", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(r"\b(?:on|in|since|until|from|before|after|by|to|through)\s+$", re.IGNORECASE)
_DATELINE_WORDS = 16


@attrs.frozen
class Dateline:
    """The publication date found in the text, and the words it was read from."""

    published: DateRange
    words: str


def scraped_date(text: str) -> tuple[Dateline, tuple[int, int]] | None:
    """A date a scraper put before the first line's text, and its span (not part of any sentence)."""
    found = _SCRAPED.match(text)
    if found is None:
        return None
    try:
        published = parse_date_range(found["date"])
    except DateError:
        return None
    return Dateline(published, found[0].strip()), (found.start(), found.end())


def find_dateline(lines: Iterable[Line]) -> Dateline | None:
    """The first line before the story that is a dateline: a full day with little else, no "since" or copyright."""
    for line in lines:
        if _NOT_A_DATELINE.search(line.text) or len(line.text.split()) > _DATELINE_WORDS:
            continue
        for found in _FULL_DATE.finditer(line.text):
            if _PREPOSITION_BEFORE.search(line.text[: found.start()]):
                continue
            published = _read(found)
            if published is not None:
                return Dateline(published, line.text)
    return None


def _read(found: re.Match[str]) -> DateRange | None:
    if found["slashed"]:
        # "Jun 04/2024" is the 4th of June 2024 in a dateline; the date reader refuses it in a
        # fact file, where "Jun 04/2024" could be an interval from 4 June to 2024.
        text = f"{found['slash_month']} {int(found['slash_day'])}, {found['slash_year']}"
    else:
        text = found["iso"] or found["month_first"] or found["day_first"]
    try:
        return parse_date_range(text)
    except DateError:
        return None
