"""Finding figures: the numbers, money, percentages, ranges, number words, vague quantities and shares of a sentence.

Candidate spans are found with regular expressions built from the quantity reader's own
tables (hedges, scales, currencies, number and fraction words, vague quantities) and then
read by `parse_quantity`, so a figure is drafted only when factlint reads it the same way.
Numbers that are not claims are skipped here: dates and clock times (found by the time
module), years, ordinals, ages and durations, article and unit numbers, list numbering and
names such as "Power of Siberia 2".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from factlint._extraction.draft import Figure, Finder, Sentence
from factlint._extraction.furniture import CLAUSE_END
from factlint._quantities import (
    _CURRENCY_AFTER_NUMBER,
    _CURRENCY_BEFORE_NUMBER,
    _FRACTION_WORDS,
    _NUMBER_WORD_PHRASE,
    _PREFIX_HEDGES,
    _VAGUE_QUANTITIES,
    QuantityError,
    _alternatives,
    parse_quantity,
)
from factlint._reported_tests import find_reported_tests, reported_test_quantity

__all__ = [
    "DEFAULT_FINDERS",
    "find_fraction_words",
    "find_number_words",
    "find_numbers",
    "find_test_results",
    "find_vague_quantities",
]

_HEDGE = _alternatives(_PREFIX_HEDGES)
_SUFFIX_HEDGE = r"(?:\s+or\s+(?:more|fewer|less)\b|\+)"
_SIGNS = _alternatives(code for code in _CURRENCY_AFTER_NUMBER if not code[-1].isalpha())
_CURRENCY_WORDS = _alternatives(code for code in _CURRENCY_AFTER_NUMBER if code[-1].isalpha())
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Scale words with a space ("2.4 million"); their abbreviations only attached ("€2.5m", "72K"):
# "5 m" is five metres as often as five million.
_SCALE = r"(?:\s+(?:thousand|million|billion|trillion)\b|(?:k|mn|m|bn|tn)\b)"
_PERCENT = r"(?:\s?%|\s+per\s?cent\b|\s+percent\b)"
_NUMBER = (
    rf"(?:(?:{_alternatives(_CURRENCY_BEFORE_NUMBER)})\s?)?(?:{_DIGITS}){_SCALE}?{_PERCENT}?"
    rf"(?:\s?(?:{_SIGNS})|\s+(?:{_CURRENCY_WORDS})\b)?"
)
_RANGE_OR_NUMBER = (
    rf"(?:between|from)\s+{_NUMBER}\s*(?:and|to|-|–)\s*{_NUMBER}"
    rf"|{_NUMBER}(?:\s*[-–]\s*{_NUMBER}|\s+to\s+{_NUMBER})?"
)
_ONE_NUMBER = re.compile(rf"(?<![\w.,])(?:(?P<hedge>{_HEDGE})\s*)?{_NUMBER}(?![\w%]|[.,]\d)", re.IGNORECASE)
# "rose from 885 to 1,000", "increased about $885,000 to $145.14 million": a change between two
# figures, not a range, as is "A to B" whose ends are far apart or reversed ("52% to 46%").
_CHANGE_BEFORE = re.compile(
    r"\b(?:increas|ris|rose|fell|fall|grew|grow|drop|declin|climb|jump|went|go|cut|rais|reduc|boost|doubl|tripl|"
    r"expand|shr[ai]nk|swell|soar|plung|slid|dip|surg|balloon|chang|mov)\w*\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_TO = re.compile(r"\sto\s", re.IGNORECASE)
_WIDEST_RANGE = 10  # "A to B" is a range only when B is at most ten times A
_FIGURE = re.compile(
    rf"(?<![\w$€£₽₴₹.,/:-])(?:(?P<hedge>{_HEDGE})\s*)?(?P<body>{_RANGE_OR_NUMBER})(?P<suffix>{_SUFFIX_HEDGE})?"
    r"(?![\w%]|[.,:/]\d|-\w)",
    re.IGNORECASE,
)
_NUMBER_WORDS = re.compile(
    rf"(?<![\w-])(?:(?P<hedge>{_HEDGE})\s+)?(?P<body>(?:{_NUMBER_WORD_PHRASE.pattern})"
    r"(?:\s+(?:thousand|million|billion|trillion)\b)?)(?![\w-])",
    re.IGNORECASE,
)
_VAGUE_WORDS = _alternatives(_VAGUE_QUANTITIES)
_VAGUE = re.compile(
    rf"(?<![\w-])(?P<body>(?:{_VAGUE_WORDS})\s+of\s+(?:{_CURRENCY_WORDS})\b|(?:{_VAGUE_WORDS})(?=\s+of\b))", re.IGNORECASE
)
_FRACTIONS = re.compile(
    rf"(?<![\w-])(?:(?P<hedge>{_HEDGE})\s+)?(?P<body>{_alternatives(_FRACTION_WORDS)})(?=\s+of\b)", re.IGNORECASE
)
# "half of 2023", "a quarter of the year": parts of a time, not shares of a count.
_TIME_AFTER_OF = re.compile(r"\s+of\s+(?:the\s+)?(?:\d{4}|year|month|week|day|decade|century|season|term)\b", re.IGNORECASE)
_ORDINAL_BEFORE = re.compile(r"\b(?:first|second|third|fourth|last|final|other)\s+$", re.IGNORECASE)
_DURATION_AFTER = re.compile(
    r"^[\s-]*(?:years?|months?|weeks?|days?|hours?|minutes?|mins?|seconds?|decades?|centur(?:y|ies))\b", re.IGNORECASE
)
# "three times", "3-fold": a ratio word's number, not a count (the relation drafter reads those).
_FACTOR_AFTER = re.compile(r"^\s*(?:times|-?fold)\b", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged?|ages)\s*$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"^\s*(?:and|or)\s+(?:older|over|up|younger|under)\b", re.IGNORECASE)
# "$0.515 per $100 valuation", "one in five adults": the base of a rate or a proportion, not a count.
_BASE_BEFORE = re.compile(r"\b(?:per|(?:one|\d+)\s+(?:in|out\s+of))\s+$", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"^\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)", re.IGNORECASE)
# Numbers that name rather than count: "Article 352.1", "District 5", "Unit 29155".
_DESIGNATION_BEFORE = re.compile(
    r"\b(?:Articles?|Sections?|Parts?|Chapters?|Paragraphs?|Clauses?|No\.|Nos\.|Numbers?|Resolutions?|Decrees?|Laws?|"
    r"Orders?|Rules?|Titles?|Amendments?|Items?|Points?|Pages?|pp?\.|Vol\.|Volumes?|Rooms?|Flights?|Routes?|Highways?|"
    r"Units?|Brigades?|Regiments?|Divisions?|Battalions?|Corps|Fleets?|Squadrons?|Groups?|Levels?|Stages?|Phases?|"
    r"Grades?|Class|Types?|Models?|Versions?|Seasons?|Episodes?|Districts?|Wards?|Precincts?|Propositions?|Prop\.|"
    r"Measures?|Bills?|Acts?|Covid|COVID|Category|Tier|Block|Lot|Gate|Terminal|Platform|Line)\s*$"
)
# A bare number right after a capitalised word inside a sentence names something ("Siberia 2").
_CAPITALISED_BEFORE = re.compile(r"(?<![.!?:]\s)\b[A-Z][\w'’-]*\s+$")
_BARE_NUMBER = re.compile(r"\d+")
_YEAR = re.compile(r"1[89]\d\d|2[01]\d\d")
_LIST_NUMBER_AFTER = re.compile(r"^[.)]\s")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|these|those|its|their|our|his|her|both)\s+$", re.IGNORECASE)

_PER = re.compile(
    r"\b(?P<article>a|an|per|every|each)\s+(?P<unit>day|week|month|quarter|year)\b(?!\s+(?:ago|later|earlier|before|after|or)\b)"
    r"|\b(?P<always>annually|per\s+annum)\b"
    r"|\b(?P<adverb>daily|weekly|monthly|quarterly|yearly)(?=\s*(?:[,.;:)]|$))",
    re.IGNORECASE,
)
_ADVERB_UNITS = {
    "annually": "year", "per annum": "year", "yearly": "year", "quarterly": "quarter",
    "monthly": "month", "weekly": "week", "daily": "day",
}  # fmt: skip
_NOT_A_RATE_BEFORE = re.compile(r"\b(?:in|for|within|over|than|last|next|the|once|twice|about|after)\s+$", re.IGNORECASE)
_PER_REACH = 60  # characters after a figure in which "per week", "every month" or "annually" is its rate

_COUNTED = frozenset({"people", "men", "women", "children", "personnel", "staff", "police", "troops", "accused", "youth"})
_NOT_PLURAL = frozenset({
    "this", "was", "has", "is", "its", "his", "hers", "thus", "less", "across", "unless", "plus", "always",
    "perhaps", "news", "as", "us", "yes", "various", "numerous", "serious", "previous", "famous", "whereas",
    "towards", "afterwards", "besides", "sometimes",
})
_SKIPPED_BEFORE_NOUN = frozenset({
    "such", "more", "new", "other", "additional", "extra", "of", "the", "were", "are", "was", "is", "been",
    "have", "has", "had", "all", "these", "those", "total", "further",
})
_ADJECTIVE_REACH = 2  # lowercase words that may stand between a number and what it counts ("criminal cases")


def find_numbers(sentence: Sentence) -> Iterator[Figure]:
    """Figures written in digits: "20,538", "nearly 100", "$39.1 million", "5%", "around 40,000-45,000", "170+"."""
    for found in _FIGURE.finditer(sentence.text):
        if _is_not_a_claim(sentence, found):
            continue
        figure = _figure(sentence, found.start(), found.end(), "number")
        if figure is not None and _is_a_range_as_stated(sentence, found, figure):
            yield figure
            continue
        if not _TO.search(found["body"]):
            continue  # "5-0" is a score or a vote, not a range the reader can read
        # Not one range: each number is a figure of its own ("from 885 to 1,000", "52% to 46%").
        for number in _ONE_NUMBER.finditer(sentence.text, found.start(), found.end()):
            single = _figure(sentence, number.start(), number.end(), "number")
            if single is not None:
                yield single


def _is_a_range_as_stated(sentence: Sentence, found: re.Match[str], figure: Figure) -> bool:
    """Whether "A to B" (or "from A to B") states one range rather than a change from A to B."""
    if not _TO.search(found["body"]):
        return True
    if _CHANGE_BEFORE.search(sentence.text[: found.start()]):
        return False
    interval = figure.quantity.interval
    low, high = interval.low, interval.high
    return low is not None and high is not None and low > 0 and high <= _WIDEST_RANGE * low


def find_number_words(sentence: Sentence) -> Iterator[Figure]:
    """Figures in words: "two soldiers", "twenty-five", "a dozen", "two million"; "one" is too often a pronoun."""
    for found in _NUMBER_WORDS.finditer(sentence.text):
        body = " ".join(found["body"].lower().split())
        if body in ("one", "a"):
            continue
        before, after = sentence.text[: found.start()], sentence.text[found.end() :]
        if _DURATION_AFTER.match(after) or _FACTOR_AFTER.match(after) or _AGE_BEFORE.search(before):
            continue
        if _DETERMINER_BEFORE.search(before) or _BASE_BEFORE.search(before):
            continue
        figure = _figure(sentence, found.start(), found.end(), "number word")
        if figure is not None:
            yield figure


def find_vague_quantities(sentence: Sentence) -> Iterator[Figure]:
    """Vague quantities of something: "hundreds of Russians", "tens of thousands of people", "millions of dollars"."""
    for found in _VAGUE.finditer(sentence.text):
        figure = _figure(sentence, found.start(), found.end(), "vague quantity")
        if figure is not None:
            yield figure


def find_fraction_words(sentence: Sentence) -> Iterator[Figure]:
    """Shares in words: "half of", "more than a third of", "two-thirds of" (not "the first half of 2023")."""
    for found in _FRACTIONS.finditer(sentence.text):
        before, after = sentence.text[: found.start()], sentence.text[found.end() :]
        if _ORDINAL_BEFORE.search(before) or _TIME_AFTER_OF.match(after):
            continue
        figure = _figure(sentence, found.start(), found.end(), "fraction word")
        if figure is not None:
            yield figure


def find_test_results(sentence: Sentence) -> Iterator[Figure]:
    """APA-style test results, "t(28) = 2.20, p = .04", each drafted whole as one claim's value (S101, S102)."""
    for start, end, _ in find_reported_tests(sentence.text):
        stated = " ".join(sentence.text[start:end].split())
        quantity = reported_test_quantity(stated)
        if quantity is not None:
            yield Figure(
                start=sentence.start + start, end=sentence.start + end, stated=stated, quantity=quantity, finder="test result"
            )


# The finders `extract` runs, in order: where two figures overlap, the earlier one's wins. A
# finder for another notation (a test statistic, a score) is added to this list, ahead of
# `find_numbers` when it claims digits that the number finder would otherwise read.
DEFAULT_FINDERS: tuple[Finder, ...] = (
    find_test_results,
    find_fraction_words,
    find_vague_quantities,
    find_numbers,
    find_number_words,
)


def run_finders(sentence: Sentence, finders: Iterable[Finder], skip: Iterable[tuple[int, int]]) -> list[Figure]:
    """The figures of a sentence, in the order they stand, with those overlapping a date or an earlier finder's left out."""
    taken = list(skip)
    kept: list[Figure] = []
    for finder in finders:
        for figure in finder(sentence):
            if any(figure.overlaps(start, end) for start, end in taken):
                continue
            kept.append(figure)
            taken.append((figure.start, figure.end))
    return sorted(kept, key=lambda figure: figure.start)


def _is_not_a_claim(sentence: Sentence, found: re.Match[str]) -> bool:
    """Numbers that name, date or measure time rather than count: the skip list of the extractor."""
    text = sentence.text
    before, after = text[: found.start()], text[found.end() :]
    body = found["body"]
    bare = bool(_BARE_NUMBER.fullmatch(body)) and not found["hedge"] and not found["suffix"]
    if bare and _YEAR.fullmatch(body):
        return True
    if _DURATION_AFTER.match(after) or _AGE_BEFORE.search(before) or _AGE_AFTER.match(after):
        return True
    if _CLOCK_AFTER.match(after):
        return True
    if _FACTOR_AFTER.match(after) or _BASE_BEFORE.search(before):
        return True
    if _DESIGNATION_BEFORE.search(before):
        return True
    if bare and not before.strip() and _LIST_NUMBER_AFTER.match(after):
        return True
    return bare and not sentence.headline and bool(_CAPITALISED_BEFORE.search(before))


def _figure(sentence: Sentence, start: int, end: int, finder: str) -> Figure | None:
    """The figure of a span, if the quantity reader reads its text; with what it counts and its rate."""
    stated = " ".join(sentence.text[start:end].split())
    try:
        quantity = parse_quantity(stated)
    except QuantityError:
        return None
    after = sentence.text[end:]
    per, per_text = _rate(after)
    unit = "" if quantity.unit or quantity.percent else _counted_noun(after, sentence.headline)
    return Figure(
        start=sentence.start + start,
        end=sentence.start + end,
        stated=stated,
        quantity=quantity,
        finder=finder,
        unit=unit,
        per=per,
        per_text=per_text,
    )


def _rate(after: str) -> tuple[str, str]:
    """The rate unit a figure is stated per ("soldiers per week", "convictions annually"), from the words after it."""
    clause = after[:_PER_REACH]
    cut = CLAUSE_END.search(clause)
    clause = clause[: cut.start()] if cut else clause
    for found in _PER.finditer(clause):
        if found["article"]:
            if found["article"].lower() in ("a", "an") and _NOT_A_RATE_BEFORE.search(clause[: found.start()]):
                continue
            return found["unit"].lower(), found[0]
        words = " ".join(found[0].lower().split())
        return _ADVERB_UNITS[words], found[0]
    return "", ""


def _counted_noun(after: str, headline: bool) -> str:
    """The plural noun a figure counts ("20,000 Russian soldiers" -> "soldiers"), or "" when none follows it."""
    cut = CLAUSE_END.search(after)
    words: list[str] = re.findall(r"[A-Za-z][\w'’-]*", after[: cut.start()] if cut else after)[:6]
    adjectives = 0
    for word in words:
        low = word.lower()
        if low in _SKIPPED_BEFORE_NOUN:
            continue
        if _is_counted(low) and (headline or not word[0].isupper() or low.endswith(("ians", "ans", "ers"))):
            return low if headline else word
        if word[0].isupper() and not headline:
            continue
        adjectives += 1
        if adjectives > _ADJECTIVE_REACH:
            break
    return ""


def _is_counted(word: str) -> bool:
    if word in _COUNTED or word.endswith("men"):
        return True
    return word.endswith("s") and len(word) > 3 and word not in _NOT_PLURAL and not word.endswith(("ss", "ous", "'s", "’s"))
