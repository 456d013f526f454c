"""Guessing what a figure counts from the words around it, and naming its claim; both are for a person to review."""

from __future__ import annotations

import re
from collections.abc import Iterable

from factlint._extraction.draft import Figure, Sentence
from factlint._extraction.furniture import CLAUSE_END

__all__ = ["guess_metric", "slug"]

_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
_LEADING = frozenset({
    "such", "of", "the", "were", "are", "was", "is", "a", "an", "for",
})
_TRAILING = frozenset({
    "to", "at", "of", "the", "a", "an", "for", "and", "or", "in", "on", "by", "with", "from", "that", "who",
    "which", "as", "than",
})
_METRIC_WORDS = 8
# "Total cases: 34,125": the label of a data list names what its figure counts.
_LABEL = re.compile(r"^\s*(?P<label>[^:,;()]{1,60}):\s*$")
_CONTEXT_WORDS = 3


def guess_metric(figure: Figure, sentence: Sentence, stops: Iterable[tuple[int, int]]) -> str:
    """The words after a figure up to the end of its clause, a date, a rate or the next figure ("cases of desertion").

    A label before it names it ("Total cases: 34,125"); when the words after it are fewer
    than two, the words before it are added ("convicting soldiers").
    `stops` are spans (dates, other figures, the rate's words) where the words end.
    """
    start = figure.end - sentence.start
    end = len(sentence.text)
    for first, _ in stops:
        if first - sentence.start >= start:
            end = min(end, first - sentence.start)
    after = sentence.text[start:end]
    if figure.per_text and figure.per_text in after:
        after = after[: after.index(figure.per_text)]
    cut = CLAUSE_END.search(after)
    words = _trimmed(_WORD.findall(after[: cut.start()] if cut else after)[:_METRIC_WORDS])
    before = sentence.text[: figure.start - sentence.start]
    label = _LABEL.search(before)
    if label:
        return " ".join(_WORD.findall(label["label"])[-_METRIC_WORDS:]) or "figure"
    if len(words) < 2:
        clause = re.split(r"[,;:()\"“”]", before)[-1]
        context = [
            word
            for word in _WORD.findall(clause)[-_CONTEXT_WORDS:]
            if word.lower() not in _TRAILING and any(character.isalpha() for character in word)
        ]
        words = [*context[-2:], *words]
    return " ".join(words) or "figure"


def slug(text: str, words: int = 3) -> str:
    """An identifier-safe name from the first words of a text: "Russian soldiers have been" -> "russian_soldiers_have"."""
    kept = [word.lower() for word in re.findall(r"[A-Za-z0-9]+", text)][:words]
    return "_".join(kept)


def _trimmed(words: list[str]) -> list[str]:
    while words and words[0].lower() in _LEADING:
        words = words[1:]
    while words and words[-1].lower() in _TRAILING:
        words = words[:-1]
    return words
