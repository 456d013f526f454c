"""Reading an article's layout: skipping page furniture (pleas, captions, bylines, copyright) and splitting sentences."""

from __future__ import annotations

import re

import attrs

from factlint._extraction.draft import Sentence

__all__ = ["CLAUSE_END", "Layout", "Line", "read_layout"]

# Lines that are the page around the story, not the story: fundraising pleas, navigation,
# copyright and reprint notes, correction and tip boxes, bylines and photo credits. A line
# that holds any of these is skipped whole: a figure in it ("$10,000 a month", "2 min read")
# is the publisher's, not the story's.
_FURNITURE = re.compile(
    r"©|\bcopyright\b|all rights reserved|\bsupport (?:us|our journalism|independent journalism|open)\b|your support|"
    r"\bbecome (?:a|our) (?:patron|member|subscriber)|\bdonate (?:now|today|to us)\b|\bsubscribe\b|ad-free|"
    r"disabled all ads|we need your help|help us (?:produce|keep|continue|fill)|favou?r to ask|join our community|"
    r"remind me later|ready to support|pa(?:y|i)ment methods|\bread (?:also|more)\b|related (?:posts|articles|stories)|"
    r"skip to content|\bedit post\b|\bsign up (?:for|to)\b|our newsletter|follow us|privacy (?:and cookie|policy)|"
    r"cookie polic|suggest a correction|highlight the text|ctrl ?\+ ?enter|leave your suggestions|let us know via|"
    r"do you have a tip|contact us\b|^\s*disclaimer|\breprint\b|when referencing our materials|"
    r"the work of [^.]* is supported by|\bmin read\b|audio is created|"
    r"^\s*photo:|\bphoto: |getty images|/\s*afp\b|\bafp\s*/|\bstringer\b|^\s*(?:share|tags?|topics?)\s*:",
    re.IGNORECASE,
)
# A byline: "By Kateryna Denisova", "Author: Kateryna Denisova" (case matters: "by late May" is a sentence).
_BYLINE = re.compile(r"^(?:[Bb]y|Author:)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+")
_BYLINE_WORDS = 12
# A photo caption ends with its credit: "... in Crimea. Viktor Korotayev / Kommersant".
_CREDIT = re.compile(r"[.!?]\s+(?:[A-Z][\w.'’-]*\s*){1,4}/\s*(?:[A-Z][\w.'’-]*\s*){1,4}$|\((?:photo[^)]*|[^)]*getty[^)]*)\)\s*$", re.IGNORECASE)
_ENDS_A_SENTENCE = re.compile(r"""[.!?…]["'”’)]*\s*$""")
# A line before the story starts that holds no sentence end is a headline, a section label or
# a dateline; after the story starts, such a line is a list item, read as body text.
_HEADLINE_WORDS = 30
# "New cases: 75", "Total cases: 34,125": a line of a data list, not a headline.
_LABELLED_FIGURE = re.compile(r"^[^:]{1,60}:\s+[-+~$€£₽]?\d")
_LEADING_BULLET = re.compile(r"^[\s•·*▪‣◦-]*")
# Where one sentence ends and the next begins: a stop, then a capital, a quote or a bullet.
_BOUNDARY = re.compile(r"""(?<=[.!?])["'”’)]*\s+(?=["'“‘(]*[A-Z0-9•])""")
# Where a clause ends inside a sentence: a comma, a colon, a bracket, a quotation mark, a dash.
CLAUSE_END = re.compile(r"[,;:()\"“”!?]|\.(?:\s|$)|\s[-–—]\s")
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "st", "no", "vs", "etc",
    "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd",
    "co", "corp", "dept", "est", "fig", "gov", "sen", "rep", "jr", "sr",
})


@attrs.frozen
class Line:
    """One line of the input (a paragraph), where it starts, and what kind of text it is."""

    text: str
    start: int
    number: int  # its line number in the input, from 1
    furniture: bool
    headline: bool


@attrs.frozen
class Layout:
    """The article's lines and the sentences of its story (furniture skipped)."""

    lines: tuple[Line, ...]
    sentences: tuple[Sentence, ...]

    def top_lines(self) -> tuple[Line, ...]:
        """The lines before the story's first sentence: where a dateline stands."""
        top = []
        for line in self.lines:
            if not line.furniture and _ENDS_A_SENTENCE.search(line.text):
                break
            top.append(line)
        return tuple(top)


def read_layout(text: str, skip: tuple[tuple[int, int], ...] = ()) -> Layout:
    """Split the input into lines, mark furniture and headlines, and split the story's lines into sentences.

    `skip` gives spans of the input (a dateline) that are not part of any sentence.
    """
    lines: list[Line] = []
    story_started = False
    offset = 0
    for number, raw in enumerate(text.splitlines(keepends=True), 1):
        start, body = _without_skipped(raw.rstrip("\r\n"), offset, skip)
        offset += len(raw)
        bullet = _LEADING_BULLET.match(body)
        if bullet:
            start += bullet.end()
            body = body[bullet.end() :]
        body = body.rstrip()
        if not body:
            continue
        furniture = bool(
            _FURNITURE.search(body) or _CREDIT.search(body) or (_BYLINE.match(body) and len(body.split()) <= _BYLINE_WORDS)
        )
        headline = not furniture and not story_started and _is_headline(body)
        story_started = story_started or not (furniture or headline)
        lines.append(Line(body, start, number, furniture, headline))
    sentences = [
        sentence
        for line in lines
        if not line.furniture
        for sentence in _sentences(line)
    ]
    return Layout(tuple(lines), tuple(sentences))


def _without_skipped(line: str, start: int, skip: tuple[tuple[int, int], ...]) -> tuple[int, str]:
    """The line with a skipped span at its start removed (a scraped " date 2025-06-26" before the text)."""
    for first, last in skip:
        if start <= first and last <= start + len(line) and not line[: first - start].strip():
            return last, line[last - start :]
    return start, line


def _is_headline(text: str) -> bool:
    return not _ENDS_A_SENTENCE.search(text) and len(text.split()) <= _HEADLINE_WORDS and not _LABELLED_FIGURE.match(text)


def _sentences(line: Line) -> list[Sentence]:
    found: list[Sentence] = []
    begin = 0
    for boundary in _BOUNDARY.finditer(line.text):
        if _is_abbreviation(line.text[: boundary.start()]):
            continue
        found.append(Sentence(line.text[begin : boundary.start()], line.start + begin, line.number, line.headline))
        begin = boundary.end()
    found.append(Sentence(line.text[begin:], line.start + begin, line.number, line.headline))
    return [sentence for sentence in found if sentence.text.strip()]


def _is_abbreviation(before: str) -> bool:
    """Whether the stop that ends `before` ends an abbreviation ("Sept.", "U.S.", "J.") rather than a sentence."""
    word = re.search(r"(\S+)[.!?][\"'”’)]*$", before)
    if word is None:
        return False
    token = word[1].lower().strip("(\"'“‘")
    return token in _ABBREVIATIONS or bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", token))
