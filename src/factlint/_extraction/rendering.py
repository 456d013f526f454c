"""Rendering the draft: a fact file in TOML that loads as is, with every guess commented, or JSON for editors."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from factlint._dates import DateRange
from factlint._extraction.draft import DraftClaim, DraftRelation, DraftSource, Role, TimeMention

__all__ = ["Draft"]

_ROLE_ORDER = (Role.AS_OF, Role.PERIOD, Role.SINCE)
_HEADER = """\
# A draft fact file, drafted by `factlint extract`{origin}: {claims}, {relations} offered.
# Review it, then run `factlint check`. Each metric is a guess from the words around its
# number and each time is read from its sentence: correct them, and give claims that count
# one thing one metric. Headline figures and low-confidence ones are commented out, and
# relations are only ever offered commented out, with the words that suggested them: to
# switch one on, remove one "# " from the start of each of its lines.
"""


@attrs.frozen
class Draft:
    """A drafted fact file: the article as a source, its claims and the relations its cue phrases suggest."""

    source: DraftSource
    claims: tuple[DraftClaim, ...]
    relations: tuple[DraftRelation, ...]
    origin: str = ""  # the article's file name, for the header

    def to_toml(self) -> str:
        """The draft as a TOML fact file that `factlint check` loads as is."""
        origin = f" from {self.origin}" if self.origin else ""
        parts = [_HEADER.format(origin=origin, claims=_count(len(self.claims), "claim"), relations=_count(len(self.relations), "relation")).rstrip("\n")]
        parts.append("\n".join(_source_lines(self.source)))
        for claim in self.claims:
            parts.append("\n".join(_claim_block(claim, self.source.id)))
        for relation in self.relations:
            parts.append("\n".join(_relation_block(relation, self.source.id)))
        return "\n\n".join(parts) + "\n"

    def to_json(self) -> str:
        """The draft as JSON: per claim the value's character offsets in the input, its reading, dates and quote."""
        document = {
            "source": {
                "id": self.source.id,
                "publisher": self.source.publisher,
                "url": self.source.url,
                "published": _range_json(self.source.published),
                "published_from": self.source.published_from,
            },
            "claims": [_claim_json(claim) for claim in self.claims],
            "relations": [
                {
                    "kind": relation.kind,
                    "cue": relation.cue,
                    "fields": {key: list(value) if isinstance(value, tuple) else value for key, value in relation.fields.items()},
                    "implied_claims": [_claim_json(claim) for claim in relation.implied],
                }
                for relation in self.relations
            ],
        }
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _source_lines(source: DraftSource) -> Iterator[str]:
    yield "[[source]]"
    yield f"id = {_string(source.id)}"
    if source.publisher:
        yield f"publisher = {_string(source.publisher)}"
    if source.title:
        yield f"title = {_string(source.title)}"
    yield f"published = {_date_value(source.published)}  # {source.published_from}"
    if source.url:
        yield f"url = {_string(source.url)}"


def _claim_block(claim: DraftClaim, source_id: str) -> list[str]:
    lines = [f"# {_why(claim)}", *_claim_lines(claim, source_id)]
    if claim.active:
        return lines
    return [f"# {line}" for line in lines]


def _claim_lines(claim: DraftClaim, source_id: str) -> Iterator[str]:
    figure = claim.figure
    yield "[[claim]]"
    yield f"id = {_string(claim.id)}"
    yield f"metric = {_string(claim.metric)}"
    yield f"value = {_string(figure.stated)}"
    if figure.unit:
        yield f"unit = {_string(figure.unit)}"
    if figure.per:
        yield f"per = {_string(figure.per)}"
    for role in _ROLE_ORDER:
        mention = claim.times.get(role)
        if mention is not None:
            yield f"{role.value} = {_string(mention.stated)}  # {_days(mention.dates)}"
    if claim.forecast:
        yield "forecast = true  # its time may end after the article was published: a budget, plan or projection"
    yield f"source = {_string(source_id)}"
    yield f"quote = {_string(' '.join(claim.sentence.text.split()))}"


def _why(claim: DraftClaim) -> str:
    """One line: where the figure stands, what was guessed from what, and how sure the extractor is."""
    figure = claim.figure
    if claim.implied_by:
        return f"implied, not stated: {claim.implied_by}, dated by {_time_words(claim.times)}; replace it with a stated figure if another source has one"
    where = "the headline" if claim.headline else f"line {claim.sentence.line}"
    said = [f'"{figure.stated}" ({figure.finder}) in {where}']
    said.append(f'counts "{figure.unit}"' if figure.unit else "counts no noun it names")
    if figure.per:
        said.append(f'per {figure.per} from "{figure.per_text}"')
    if claim.times:
        said.append(f"dated by {_time_words(claim.times)}")
        if claim.times_from:
            said.append(f"taken from {claim.times_from}")
        if any(mention.reported for mention in claim.times.values()):
            said.append("the day it was reported, as nothing else dates it")
    else:
        said.append("no date in its sentence: give as_of or period if it changes over time")
    said.append("metric guessed")
    said.append(f"confidence {claim.confidence.value}")
    if not claim.active:
        said.append("a headline repeats the story, check it there" if claim.headline else "commented out")
    return "; ".join(said)


def _time_words(times: Mapping[Role, TimeMention]) -> str:
    return ", ".join(f'"{times[role].words}"' for role in _ROLE_ORDER if role in times)


def _relation_block(relation: DraftRelation, source_id: str) -> list[str]:
    """A commented-out relation, with the claims it needs that the text only implies."""
    lines = [f'# offered from the cue "{relation.cue}": confirm it before switching it on']
    for claim in relation.implied:
        lines += [f"# {_why(claim)}", *_claim_lines(claim, source_id), ""]
    lines.append(f"[[{relation.kind}]]")
    for key, value in relation.fields.items():
        lines.append(f"{key} = {_value(value)}")
    return [f"# {line}".rstrip() for line in lines]


def _value(value: str | bool | tuple[str, ...]) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "[" + ", ".join(_string(item) for item in value) + "]"
    return _string(value)


def _date_value(dates: DateRange) -> str:
    """A single day as a TOML date; anything wider as the text it was stated in."""
    if dates.first is not None and dates.first == dates.last:
        return dates.first.isoformat()
    return _string(dates.text or f"{_iso(dates.first)}/{_iso(dates.last)}")


def _iso(day: datetime.date | None) -> str:
    return day.isoformat() if day is not None else ".."


def _days(dates: DateRange) -> str:
    if dates.first == dates.last:
        return _iso(dates.first)
    return f"{_iso(dates.first)}..{_iso(dates.last)}"


def _range_json(dates: DateRange | None) -> dict[str, str] | None:
    if dates is None:
        return None
    return {"text": dates.text or _days(dates), "first": _iso(dates.first), "last": _iso(dates.last)}


def _claim_json(claim: DraftClaim) -> dict[str, Any]:
    figure = claim.figure
    times: dict[str, Any] = {
        role.value: (
            {"text": mention.stated, "words": mention.words, "first": _iso(mention.dates.first), "last": _iso(mention.dates.last)}
            if (mention := claim.times.get(role)) is not None
            else None
        )
        for role in _ROLE_ORDER
    }
    return {
        "id": claim.id,
        "metric": claim.metric,
        "value": figure.stated,
        "hedge": figure.quantity.hedge.value,
        "interval": figure.quantity.display_interval(),
        "line": claim.sentence.line,
        "start": figure.start,
        "end": figure.end,
        "unit": figure.unit,
        "per": figure.per,
        **times,
        "quote": " ".join(claim.sentence.text.split()),
        "forecast": claim.forecast,
        "confidence": claim.confidence.value,
        "active": claim.active,
        "headline": claim.headline,
        "finder": figure.finder,
        "why": _why(claim),
    }


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def _string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    escaped = "".join(
        _ESCAPES.get(character) or (f"\\u{ord(character):04X}" if ord(character) < 0x20 or ord(character) == 0x7F else character)
        for character in text
    )
    return f'"{escaped}"'


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
