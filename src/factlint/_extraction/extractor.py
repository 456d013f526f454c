"""`extract`: an article's text in, a draft fact file out, for a person to review and then check."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence

from factlint._dates import DateError, DateRange, parse_date_range
from factlint._extraction.datelines import find_dateline, scraped_date
from factlint._extraction.draft import Confidence, DraftClaim, DraftSource, Figure, Finder, Role, Sentence
from factlint._extraction.figures import DEFAULT_FINDERS, run_finders
from factlint._extraction.furniture import read_layout
from factlint._extraction.metrics import guess_metric, slug
from factlint._extraction.relations import Group, draft_relations
from factlint._extraction.rendering import Draft
from factlint._extraction.times import date_spans, find_times, times_of
from factlint._quantities import Reading

__all__ = ["ExtractionError", "extract"]

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SLUG_WORDS = 3
_LABELLED = re.compile(r"^\s*[^:,;()]{1,60}:\s*$")


class ExtractionError(ValueError):
    """Why an article cannot be drafted (no publication date, a bad id prefix); str() is a plain message."""


def extract(
    text: str,
    *,
    published: str | datetime.date | DateRange | None = None,
    publisher: str = "",
    url: str = "",
    title: str = "",
    id_prefix: str = "",
    origin: str = "",
    finders: Sequence[Finder] = DEFAULT_FINDERS,
) -> Draft:
    """Draft a fact file from an article's text: every figure with its hedge, unit, rate, time and quote.

    `published` is the publication date ("2025-06-26", "July 2023", a `datetime.date`); without
    it the article's dateline is read, and an `ExtractionError` asks for it when there is none
    (a copyright year or "Since July 1, 2024" in a banner is not one). Ids are `id_prefix` (by
    default the publisher's name) and a few words of the metric. `finders` are the functions
    that find figures in a sentence, in order (`factlint._extraction.figures.DEFAULT_FINDERS`).

    The draft is for review, never for trust: its metrics are guesses, headline and
    low-confidence figures are commented out, and relations are offered commented out with
    the cue phrase that suggested them. `Draft.to_toml()` loads as is; `Draft.to_json()`
    gives every claim's character offsets in `text`.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() reads an article's text as a str, not {type(text).__name__}")
    scraped = scraped_date(text)
    layout = read_layout(text, skip=(scraped[1],) if scraped else ())
    dateline = scraped[0] if scraped else find_dateline(layout.top_lines())
    if published is not None:
        dates, published_from = _published(published), "as given"
    elif dateline is not None:
        dates, published_from = dateline.published, f"from the dateline {dateline.words!r}"
    else:
        raise ExtractionError(
            "the text has no dateline to read its publication date from; give the date it was published "
            "(--published YYYY-MM-DD on the command line, published= in Python)"
        )
    prefix = _prefix(id_prefix, publisher)
    source_id = f"{prefix}_source"
    names = _Names(prefix, reserved={source_id})
    groups = [_group(sentence, dates, finders, names) for sentence in layout.sentences]
    relations, dated = draft_relations(groups, names)
    claims = tuple(dated.get(claim.id, claim) for group in groups for claim in group.claims)
    source = DraftSource(source_id, dates, published_from, publisher=publisher, url=url, title=title)
    return Draft(source, claims, tuple(relations), origin=origin)


def _published(stated: str | datetime.date | DateRange) -> DateRange:
    if isinstance(stated, DateRange):
        return stated
    try:
        dates = parse_date_range(stated)
    except DateError as error:
        raise ExtractionError(f"published: {error}") from None
    if dates.first is None or dates.last is None:
        raise ExtractionError(f"published: {stated!r} has an open end; give the day, month or year it was published")
    return dates


def _prefix(id_prefix: str, publisher: str) -> str:
    if id_prefix:
        if not _IDENTIFIER.fullmatch(id_prefix):
            raise ExtractionError(
                f"id prefix {id_prefix!r} cannot start a claim id: use letters, digits and underscores, not starting with a digit"
            )
        return id_prefix
    words = [word for word in re.findall(r"[A-Za-z0-9]+", publisher.lower()) if word != "the"]
    named = "_".join(words[:_SLUG_WORDS])
    return named if _IDENTIFIER.fullmatch(named) else "draft"


class _Names:
    """Unique claim ids and metrics: a prefix, a few words, and a number when the words repeat."""

    def __init__(self, prefix: str, reserved: Iterable[str]) -> None:
        self._prefix = prefix
        self._used = set(reserved)
        self._metrics: set[str] = set()

    def __call__(self, words: str) -> str:
        base = f"{self._prefix}_{slug(words, _SLUG_WORDS + 1) or 'figure'}"
        name, number = base, 1
        while name in self._used:
            number += 1
            name = f"{base}_{number}"
        self._used.add(name)
        return name

    def metric(self, guess: str) -> str:
        """The guess, numbered when another claim has it: a guess never makes two claims one quantity."""
        metric, number = guess, 1
        while metric in self._metrics:
            number += 1
            metric = f"{guess} ({number})"
        self._metrics.add(metric)
        return metric


def _group(sentence: Sentence, published: DateRange, finders: Sequence[Finder], names: _Names) -> Group:
    spans = date_spans(sentence)
    figures = run_finders(sentence, finders, spans)
    mentions = find_times(sentence, published)
    claims = []
    for figure, times in zip(figures, times_of(figures, mentions, sentence)):
        stops = [
            *spans,
            *((mention.start, mention.end) for mention in mentions),
            *((other.start, other.end) for other in figures if other is not figure),
        ]
        metric = names.metric(guess_metric(figure, sentence, stops))
        confidence = _confidence(figure, labelled=bool(_LABELLED.search(sentence.text[: figure.start - sentence.start])))
        year = next((times[role].dates.last for role in (Role.AS_OF, Role.PERIOD) if role in times), None)
        claim_id = names(f"{figure.unit or metric} {year.year if year else ''}")
        active = not sentence.headline and confidence is not Confidence.LOW
        forecast = any(_may_be_after(mention.dates, published) for role, mention in times.items() if role is not Role.SINCE)
        claims.append(DraftClaim(claim_id, metric, figure, sentence, confidence, times, active=active, forecast=forecast))
    return Group(sentence, claims, mentions)


def _may_be_after(dates: DateRange, published: DateRange) -> bool:
    """Whether a time may end after the article was published: then the figure is a budget, plan or projection."""
    return dates.last is not None and published.last is not None and dates.last > published.last


def _confidence(figure: Figure, labelled: bool) -> Confidence:
    """High for a number with what it counts, money or a percentage; low for a bare number with nothing around it.

    A number after a label ("Total cases: 34,125") is named by it. A test result
    ("t(28) = 2.20, p = .04") is high: its notation says what it is, and it is checked on its own.
    """
    quantity = figure.quantity
    if figure.finder == "test result":
        return Confidence.HIGH
    if figure.finder == "number" and (figure.unit or quantity.unit or quantity.percent):
        return Confidence.HIGH
    if labelled or figure.unit or quantity.reading in (Reading.VAGUE, Reading.FRACTION, Reading.RANGE):
        return Confidence.MEDIUM
    if quantity.hedge.value != "exact" or quantity.nominal >= 1_000_000:
        return Confidence.MEDIUM
    return Confidence.LOW
