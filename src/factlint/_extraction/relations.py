"""Drafting relations from cue phrases alone ("Of these", "including", "double", "if this pattern persists").

A relation is only ever offered: the draft writes it commented out, with the words that
suggested it, for a person to confirm. Whether the numbers satisfy it is never consulted, so
a sum that does not add up is offered exactly like one that does: leaving it out would hide
what factlint exists to find.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from fractions import Fraction

import attrs

from factlint._extraction.draft import Confidence, DraftClaim, DraftRelation, Role, Sentence, TimeMention
from factlint._intervals import format_number
from factlint._quantities import QuantityError, parse_factor, parse_quantity

__all__ = ["Group", "draft_relations"]


@attrs.frozen
class Group:
    """One sentence with the claims drafted from it and its dates, in the order they stand."""

    sentence: Sentence
    claims: Sequence[DraftClaim]
    mentions: Sequence[TimeMention]


# Makes a unique claim id from a few words: the extractor's namer, shared with the claims.
Namer = Callable[[str], str]

_BREAKDOWN_OPENING = re.compile(r"^\s*(?:Of\s+(?:these|them|those|which|whom)|Among\s+(?:them|these|those))\b")
_INCLUDING = re.compile(r"\bincluding\b", re.IGNORECASE)
_OF_WHOM = re.compile(r"^\s*(?:of\s+(?:whom|which|them|those|these)|among\s+them)\b", re.IGNORECASE)
_THE_FIGURE = re.compile(r"^\s*(?:The|This|That|It)\b(?:\s+(?:figure|number|total|tally|count|amount|sum))?", re.IGNORECASE)
_FACTOR_NUMBER = r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+(?:\.\d+)?)"
_FACTOR = re.compile(
    rf"\b(?:(?:nearly|almost|about|roughly|around|more\s+than|over|at\s+least)\s+)?"
    rf"(?:double|twice|triple|quadruple|doubled|tripled|quadrupled|{_FACTOR_NUMBER}\s+times|{_FACTOR_NUMBER}-?fold|tenfold"
    rf"|half(?=\s+(?:the|as)\b))\b",
    re.IGNORECASE,
)
_SAME_RATE = re.compile(
    r"\bif\s+(?:this|the|that|these|such)\s+(?:pattern|rate|trend|pace)s?\s+(?:persists?|continues?|holds?|is\s+sustained)"
    r"|\bat\s+(?:this|that|the\s+same)\s+(?:rate|pace)\b|\bannuali[sz]ed\b|\bwhich\s+works\s+out\s+(?:at|to)\b",
    re.IGNORECASE,
)
# "100 a week, or about 5,200 a year": a rate restated in another unit.
_RESTATED_RATE = re.compile(r",?\s+(?:or|that\s+is|i\.e\.|which\s+(?:is|means)|equivalent\s+to)\s*$", re.IGNORECASE)
_ADJACENT = 2  # characters between a figure and "of whom" right after it


def draft_relations(groups: Sequence[Group], name: Namer) -> tuple[list[DraftRelation], dict[str, DraftClaim]]:
    """The relations the cues of the text suggest, and the claims that take their time from a whole they break down.

    Only active claims take part: a relation between a commented-out claim and another would
    name an id that the file, as written, does not have.
    """
    relations: list[DraftRelation] = []
    dated: dict[str, DraftClaim] = {}
    previous: Sequence[DraftClaim] = ()
    for group in groups:
        sentence = group.sentence
        claims = [claim for claim in group.claims if claim.active]
        found, inherited = _breakdowns(sentence, claims, previous)
        relations += found
        dated.update(inherited)
        relations += _ratios(group, claims, previous, name)
        relations += _same_rates(sentence, claims, previous)
        # "Of these", "The figure" and "this pattern" point back one sentence, no further.
        previous = [dated.get(claim.id, claim) for claim in claims]
    return relations, dated


def _breakdowns(
    sentence: Sentence, claims: Sequence[DraftClaim], previous: Sequence[DraftClaim]
) -> tuple[list[DraftRelation], dict[str, DraftClaim]]:
    """Sums and parts: "Of these, A ..., B ... and C ...", "N of them", "X, including Y"."""
    opening = _BREAKDOWN_OPENING.match(sentence.text)
    if opening and claims and previous:
        return _opening_breakdown(opening[0].strip(), claims, previous)
    relations: list[DraftRelation] = []
    inherited: dict[str, DraftClaim] = {}
    for index, claim in enumerate(claims):
        of_whom = _OF_WHOM.match(sentence.text[claim.figure.end - sentence.start :])
        if of_whom is None or of_whom.start() > _ADJACENT:
            continue
        whole = claims[index - 1] if index else (previous[-1] if previous else None)
        if whole is not None:
            cue = of_whom[0].strip()
            relations.append(DraftRelation("part", cue, {"part": claim.id, "whole": whole.id}))
            if not index:
                inherited.update(_with_times_of(whole, [claim], cue))
    for found in _INCLUDING.finditer(sentence.text):
        # "about 2.4 million, including 1.5 million": the figures right before and right after the word.
        start, end = sentence.start + found.start(), sentence.start + found.end()
        including = next((claim for claim in reversed(claims) if 0 <= start - claim.figure.end <= _ADJACENT), None)
        part = next((claim for claim in claims if 0 <= claim.figure.start - end <= _ADJACENT), None)
        if including is not None and part is not None:
            relations.append(DraftRelation("part", found[0], {"part": part.id, "whole": including.id}))
    return relations, inherited


def _opening_breakdown(
    cue: str, claims: Sequence[DraftClaim], previous: Sequence[DraftClaim]
) -> tuple[list[DraftRelation], dict[str, DraftClaim]]:
    """"Of these, 18,159 were AWOL, 1,369 ... and 1,010 ...": the parts of the previous sentence's figure."""
    whole = _antecedent(previous, claims)
    if len(claims) > 1:
        fields: dict[str, str | bool | tuple[str, ...]] = {
            "total": whole.id,
            "parts": tuple(claim.id for claim in claims),
            "complete": True,
        }
        relation = DraftRelation("sum", cue, fields)
    else:
        relation = DraftRelation("part", cue, {"part": claims[0].id, "whole": whole.id})
    return [relation], _with_times_of(whole, claims, cue)


def _antecedent(previous: Sequence[DraftClaim], parts: Sequence[DraftClaim]) -> DraftClaim:
    """What "these" refers to: the previous sentence's first figure of the parts' unit, else its first figure."""
    units = {part.figure.unit for part in parts} - {""}
    for claim in previous:
        if claim.figure.unit in units:
            return claim
    return previous[0]


def _with_times_of(whole: DraftClaim, parts: Sequence[DraftClaim], cue: str) -> dict[str, DraftClaim]:
    """Parts stated without a time take the time of the whole they break down."""
    if not whole.times:
        return {}
    return {
        part.id: attrs.evolve(part, times=dict(whole.times), times_from=f'the whole it breaks down ("{cue}")')
        for part in parts
        if not part.times
    }


def _ratios(group: Group, claims: Sequence[DraftClaim], previous: Sequence[DraftClaim], name: Namer) -> list[DraftRelation]:
    """"The figure is double the amount of 2022": a ratio to a figure after the word, or to one the text implies."""
    sentence = group.sentence
    factors = list(_FACTOR.finditer(sentence.text))
    relations = []
    for number, found in enumerate(factors):
        at = sentence.start + found.start()
        before = [claim for claim in claims if claim.figure.end <= at]
        if before:
            subject = before[-1]
        elif previous and _THE_FIGURE.match(sentence.text):
            subject = previous[0]
        else:
            continue
        try:
            factor = parse_factor(found[0])
        except QuantityError:
            continue
        segment_end = sentence.start + (factors[number + 1].start() if number + 1 < len(factors) else len(sentence.text))
        compared = [claim for claim in claims if at < claim.figure.start < segment_end]
        cue = " ".join(found[0].split())
        if compared:
            relations.append(DraftRelation("ratio", cue, {"of": subject.id, "to": compared[0].id, "factor": cue}))
            continue
        dates = [mention for mention in group.mentions if at <= mention.start < segment_end]
        implied = _implied(subject, factor.candidates[0], sentence, dates, cue, name)
        if implied is not None:
            fields = {"of": subject.id, "to": implied.id, "factor": cue}
            relations.append(DraftRelation("ratio", cue, fields, implied=(implied,)))
    return relations


def _implied(
    subject: DraftClaim, factor: Fraction, sentence: Sentence, mentions: Sequence[TimeMention], cue: str, name: Namer
) -> DraftClaim | None:
    """The figure a ratio word compares with when the text does not state it: subject / factor, hedged "about".

    Drafted only when a date after the ratio word says which figure it is ("in all of 2022").
    """
    if not mentions or factor <= 0 or subject.figure.quantity.percent:
        return None
    mention = mentions[0]
    role = Role.AS_OF if Role.AS_OF in subject.times else Role.PERIOD
    value = subject.figure.quantity.nominal / factor
    stated = f"about {format_number(Fraction(round(value)) if value >= 10 else value)}"
    figure = attrs.evolve(subject.figure, stated=stated, quantity=parse_quantity(stated), finder="implied")
    year = mention.dates.first.year if mention.dates.first else ""
    return DraftClaim(
        id=name(f"{subject.figure.unit or subject.metric} {year} implied"),
        metric=subject.metric,
        figure=figure,
        sentence=sentence,
        confidence=Confidence.LOW,
        times={role: attrs.evolve(mention, role=role)},
        active=False,
        implied_by=f'"{cue}": {subject.figure.stated} / {format_number(factor)}',
    )


def _same_rates(sentence: Sentence, claims: Sequence[DraftClaim], previous: Sequence[DraftClaim]) -> list[DraftRelation]:
    """"Nearly 100 a week. If this pattern persists, around 5,200 a year", "100 a week, or 5,200 a year": one rate in two units."""
    rates = [claim for claim in claims if claim.figure.per]
    found = _SAME_RATE.search(sentence.text)
    if found and rates:
        later = rates[0]
        earlier = [
            claim
            for claim in [*previous, *claims]
            if claim.figure.per and claim.figure.per != later.figure.per and claim.figure.start < later.figure.start
        ]
        if earlier:
            return [DraftRelation("same", " ".join(found[0].split()), {"claims": (earlier[-1].id, later.id)})]
    relations = []
    for first, second in itertools.pairwise(rates):
        between = sentence.text[first.figure.end - sentence.start : second.figure.start - sentence.start]
        restated = _RESTATED_RATE.search(between)
        if restated and first.figure.per != second.figure.per:
            relations.append(DraftRelation("same", " ".join(restated[0].split()), {"claims": (first.id, second.id)}))
    return relations
