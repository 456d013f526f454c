"""Resolving times: the dates in a sentence, read against the publication date, and which figure each one dates."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from factlint._dates import DateError, DateRange, parse_date_range
from factlint._extraction.draft import Figure, Role, Sentence, TimeMention

__all__ = ["MONTH", "date_spans", "find_times", "times_of"]

# A full month name, or an abbreviation with its dot ("Sept. 27"); a full name's dot ends a sentence.
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[0-3]?[0-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89][0-9]{2}|2[01][0-9]{2})"
_DAYS = rf"{_DAY}(?:\s*(?:-|–|\bor\b|\band\b|\bto\b)\s*{_DAY})?"
# The dates factlint's date reader understands, as they stand in running text. Months and
# weekdays must be capitalised: "may" is a verb far more often than a month.
_CORE = (
    rf"[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}"
    rf"|{_DAYS}\s+(?:of\s+)?{MONTH}(?:,?\s+{_YEAR})?"
    rf"|{MONTH}\s+{_DAY}(?:\s*(?:-|–|\bto\b)\s*{_DAY})?(?:,?\s+{_YEAR})?"
    rf"|(?:[Ee]arly|[Mm]id|[Ll]ate)[- ](?:{MONTH}(?:\s+{_YEAR})?|{_YEAR})"
    rf"|(?:[Tt]he\s+)?(?:beginning|start|middle|end)\s+of\s+(?:{MONTH}(?:\s+{_YEAR})?|{_YEAR})"
    rf"|(?:[Tt]he\s+)?(?:first|second|third|fourth)\s+(?:half|quarter)\s+of\s+{_YEAR}"
    rf"|[HQ][1-4]\s+{_YEAR}"
    rf"|{MONTH},?\s+{_YEAR}"
    rf"|(?:FY\s?|[Ff]iscal\s+(?:year\s+)?)(?:{_YEAR}|[0-9]{{2}})(?:[/-][0-9]{{2}})?"
    rf"|{_YEAR}/[0-9]{{2}}"
    rf"|[Ss]o\s+far\s+(?:this\s+(?:year|month)|in\s+{_YEAR})|[Ee]arlier\s+this\s+(?:year|month)"
    rf"|(?:[Tt]his|[Ll]ast)\s+(?:week|month|year)|[Tt]oday|[Yy]esterday"
    rf"|(?:[Ll]ast\s+)?{_WEEKDAY}"
    rf"|(?:[Aa]ll\s+of\s+)?{_YEAR}"
)
_LEAD = r"(?:[Bb]etween|[Aa]s\s+of|[Aa]s\s+at|[Bb]y\s+the\s+end\s+of|[Aa]t\s+the\s+end\s+of|[Bb]y|[Ss]ince|[Ff]rom|[Ii]n|[Oo]n|[Dd]uring|[Oo]ver|[Tt]hroughout)"
# A month named alone is a date only after a word that introduces one ("in May", "since March").
_MENTION = re.compile(
    rf"(?<![\w/–-])(?:(?P<lead>{_LEAD})\s+)?(?P<core>{_CORE})(?![\w/–-])"
    rf"|(?<![\w/–-])(?P<month_lead>{_LEAD}|[Uu]ntil|[Tt]hrough)\s+(?P<month>{MONTH})(?![\w/–-])"
)
# Dates whose numbers are not claims, though the reader may not resolve them: "Jun 04/2024", "2017–2018", "6:44 PM".
_UNREAD_DATES = re.compile(rf"{MONTH}\s+[0-9]{{1,2}}/{_YEAR}|{_YEAR}\s*[-–/]\s*(?:{_YEAR}|[0-9]{{2}})\b|[0-9]{{1,2}}:[0-9]{{2}}(?:\s*[AaPp]\.?[Mm]\.?)?")
_JOINS_A_PERIOD = re.compile(r"\s*(?:to|through|thru|until|till|and|-|–)\s*")
_ROLES = {
    "as of": Role.AS_OF,
    "as at": Role.AS_OF,
    "by": Role.AS_OF,
    "by the end of": Role.AS_OF,
    "at the end of": Role.AS_OF,
    "since": Role.SINCE,
    "from": Role.SINCE,
}
_REPORTING = re.compile(
    r"\b(?:reported|reports|report|said|says|say|stated|states|wrote|writes|added|adds|announced|noted|"
    r"published|told|tells|confirmed|revealed|showed|claimed|according\s+to)\b",
    re.IGNORECASE,
)
_DAY_WORD = re.compile(rf"(?:last\s+)?{_WEEKDAY}|today|yesterday", re.IGNORECASE)
# How many words before a date a reporting verb makes it the day something was said ("reported on June 26").
_REPORTING_REACH = 3


def date_spans(sentence: Sentence) -> list[tuple[int, int]]:
    """Where the sentence states dates or clock times, as offsets in the input: numbers there are not claims."""
    spans = [
        (sentence.start + found.start("core" if found["core"] else "month"), sentence.start + found.end())
        for found in _MENTION.finditer(sentence.text)
    ]
    spans += [(sentence.start + found.start(), sentence.start + found.end()) for found in _UNREAD_DATES.finditer(sentence.text)]
    return spans


def find_times(sentence: Sentence, published: DateRange) -> list[TimeMention]:
    """The dates of a sentence that the date reader resolves against the publication date; the rest are left out.

    Two dates joined by "to", "until", "and" or a dash ("from Oct. 28 to Nov. 3") are one period.
    """
    found = list(_MENTION.finditer(sentence.text))
    mentions = []
    index = 0
    while index < len(found):
        current = found[index]
        following = found[index + 1] if index + 1 < len(found) else None
        if following is not None and _JOINS_A_PERIOD.fullmatch(sentence.text[current.end() : following.start()]):
            period = _mention(sentence, published, current, following)
            if period is not None:
                mentions.append(period)
                index += 2
                continue
        lead = (current["lead"] or current["month_lead"] or "").lower()
        single = None if lead in ("until", "through") else _mention(sentence, published, current)
        if single is not None:
            mentions.append(single)
        index += 1
    return mentions


def _mention(
    sentence: Sentence, published: DateRange, found: re.Match[str], end: re.Match[str] | None = None
) -> TimeMention | None:
    """The date one match states, or the period from it to `end`; None when the date reader cannot read it."""
    lead = found["lead"] or found["month_lead"] or ""
    stated = " ".join((found["core"] or found["month"]).split())
    role = _ROLES.get(" ".join(lead.lower().split()), Role.PERIOD)
    last = found
    if end is not None:
        stated = f"{stated} to {' '.join((end['core'] or end['month']).split())}"
        role, last = Role.PERIOD, end
    try:
        dates = parse_date_range(stated, reference=published)
    except (DateError, ValueError):
        return None
    if dates.first is None or dates.last is None:
        return None
    before = sentence.text[: found.start()].split()[-_REPORTING_REACH:]
    return TimeMention(
        start=sentence.start + found.start(),
        end=sentence.start + last.end(),
        stated=stated,
        words=sentence.text[found.start() : last.end()],
        role=role,
        dates=dates,
        reported=bool(_REPORTING.search(" ".join(before))),
    )


def times_of(
    figures: Sequence[Figure], mentions: Sequence[TimeMention], sentence: Sentence
) -> list[dict[Role, TimeMention]]:
    """The times of each figure of one sentence, in order.

    Each date dates the figure nearest to it; a date that opens the sentence ("As of late May,
    ...") also dates the figures that have none of their own. The day something was reported
    ("Mediazona reported on June 26") is a figure's `as_of` only when nothing else dates it.
    """
    owned: list[list[TimeMention]] = [[] for _ in figures]
    opening: list[TimeMention] = []
    for mention in mentions:
        if not figures:
            break
        if _opens(mention, sentence):
            opening.append(mention)
        nearest = min(range(len(figures)), key=lambda index: _gap(figures[index], mention))
        owned[nearest].append(mention)
    return [
        _choose(figure, own if own else opening, sentence)
        for figure, own in zip(figures, owned)
    ]


def _choose(figure: Figure, mentions: Iterable[TimeMention], sentence: Sentence) -> dict[Role, TimeMention]:
    chosen: dict[Role, TimeMention] = {}
    reported: list[TimeMention] = []
    # A weekday or "today" is as often the day of an event around the figure ("approved Monday
    # night") as the figure's own: any other date of the same role comes first.
    for mention in sorted(mentions, key=lambda mention: (_is_a_day_word(mention), _gap(figure, mention))):
        if mention.reported or _reporting_between(mention, figure, sentence):
            reported.append(mention)
        elif mention.role not in chosen:
            chosen[mention.role] = mention
    if reported and Role.AS_OF not in chosen and Role.PERIOD not in chosen:
        first = reported[0]
        chosen[Role.AS_OF] = TimeMention(
            first.start, first.end, first.stated, first.words, Role.AS_OF, first.dates, reported=True
        )
    return chosen


def _is_a_day_word(mention: TimeMention) -> bool:
    return bool(_DAY_WORD.fullmatch(mention.stated))


def _opens(mention: TimeMention, sentence: Sentence) -> bool:
    """Whether the date opens its sentence and is set off by a comma: "In late 2024, ..."."""
    return mention.start - sentence.start <= 1 and sentence.text[mention.end - sentence.start :].lstrip().startswith(",")


def _gap(figure: Figure, mention: TimeMention) -> int:
    if mention.end <= figure.start:
        return figure.start - mention.end
    if figure.end <= mention.start:
        return mention.start - figure.end
    return 0


def _reporting_between(mention: TimeMention, figure: Figure, sentence: Sentence) -> bool:
    """Whether a reporting verb stands between a date and the figure after it: "On 18 July 2023, X reported that ..."."""
    if mention.end > figure.start:
        return False
    between = sentence.text[mention.end - sentence.start : figure.start - sentence.start]
    return bool(_REPORTING.search(between))
