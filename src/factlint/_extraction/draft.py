"""The values an extraction builds: sentences, figures, time mentions, and the draft claims and relations."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping

import attrs

from factlint._dates import DateRange
from factlint._quantities import Quantity

__all__ = [
    "Confidence",
    "DraftClaim",
    "DraftRelation",
    "DraftSource",
    "Figure",
    "Finder",
    "Role",
    "Sentence",
    "TimeMention",
]


class Confidence(enum.Enum):
    """How sure the extractor is that a figure is a claim worth checking."""

    HIGH = "high"  # a number with the thing it counts, a currency or a percent sign
    MEDIUM = "medium"  # a number word or a vague quantity ("two", "hundreds"), or no counted noun
    LOW = "low"  # a bare number with nothing around it that says what it counts


@attrs.frozen
class Sentence:
    """One sentence of the article's text, with where it starts in the input."""

    text: str
    start: int
    line: int  # its line number in the input, from 1
    headline: bool = False

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@attrs.frozen
class Figure:
    """A figure a finder found: its span in the input, its reading, and what it counts.

    `stated` is the value as written into the draft ("nearly 100"); `start` and `end` are the
    character offsets in the input of the text the finder claims: for a number, its value
    text; for a notation such as "t(28) = 2.20", the whole notation, so no other finder
    reads its numbers.
    """

    start: int
    end: int
    stated: str
    quantity: Quantity
    finder: str  # which finder found it, for the claim's comment ("number", "number word", ...)
    unit: str = ""  # the counted noun after it ("soldiers"), empty when none was found
    per: str = ""  # the rate unit ("week") when the sentence says "per week", "a week", "annually"
    per_text: str = ""  # the words that said so

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


# A finder reads one sentence and returns the figures it recognises. `extract` runs a list of
# them in order; where two figures overlap, the earlier finder's wins, so a finder for a
# special notation (a test statistic such as "t(28) = 2.20, p = .04") goes first and keeps
# the plain number finder off its numbers.
Finder = Callable[[Sentence], Iterable[Figure]]


class Role(enum.Enum):
    """What a date does for a figure: the moment it is taken, the span it covers, or the start of a running total."""

    AS_OF = "as_of"
    PERIOD = "period"
    SINCE = "since"


@attrs.frozen
class TimeMention:
    """A date in a sentence ("as of late May"), read against the publication date."""

    start: int  # offsets in the input of the date's words, the leading word ("as of") included
    end: int
    stated: str  # the date as written into the draft ("late May")
    words: str  # the words as they stand in the text ("As of late May")
    role: Role
    dates: DateRange
    # The day a source said or reported something ("Mediazona reported on June 26"): used as a
    # figure's as_of only when nothing in its sentence dates the figure itself.
    reported: bool = False


@attrs.frozen
class DraftSource:
    """The article as a source: id, publisher, URL and publication date (with how it was found)."""

    id: str
    published: DateRange
    published_from: str  # "the dateline 'Post At: Jun 04/2024 04:50PM'" or "--published"
    publisher: str = ""
    url: str = ""
    title: str = ""


@attrs.frozen
class DraftClaim:
    """A drafted claim: a figure with its metric guess, times, quote, confidence and the reason it was drafted."""

    id: str
    metric: str
    figure: Figure
    sentence: Sentence
    confidence: Confidence
    times: Mapping[Role, TimeMention] = attrs.field(factory=dict)
    # Why a time was taken from elsewhere ("from the total it breaks down: 'Of these'"), or "".
    times_from: str = ""
    # Written commented out: a headline's figure, or one the extractor is not sure of.
    active: bool = True
    # A claim the text implies but does not state (the 2022 count behind "double ... in 2022").
    implied_by: str = ""
    # Its time may lie after the article's publication: a budget, plan or projection.
    forecast: bool = False

    @property
    def headline(self) -> bool:
        return self.sentence.headline


@attrs.frozen
class DraftRelation:
    """A relation a cue phrase suggests, always offered commented out with the cue that suggested it."""

    kind: str  # "sum", "part", "ratio" or "same": the fact file's table name
    cue: str  # the words that suggested it, as they stand in the text
    fields: Mapping[str, str | bool | tuple[str, ...]]
    # Claims the relation needs that the text does not state, written in its commented block.
    implied: tuple[DraftClaim, ...] = ()
