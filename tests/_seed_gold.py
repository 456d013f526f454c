"""The gold list of the seed articles: every figure with its hedge, rate and time, and every date of their stories.

Written by reading the five seed articles, which live beside the repository in
../shared/seeds and are not copied into it (their README asks for brief quotes only): the
tests that read them are skipped, saying so, where that folder is missing. A figure is a number the story
states about what it reports (not a date, a year, a sentence length, a unit's name or the
publisher's page furniture). Its time is the day range of its as_of or period (whichever
the story gives) and of its since, resolved against the publication date; a time is the
day a source said or reported the figure when nothing else in its sentence dates it, and a
breakdown ("Of these", "of them") is dated like the whole it breaks down.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

EUROMAIDAN = "000_34e2f88850148c71.txt"
KYIV_INDEPENDENT = "001_f48eb3d52a5d0486.txt"
NEWSWEEK = "002_28cdd5fab45ce5f1.txt"
UKRAINSKA_PRAVDA = "003_07bfc4ea1a2a7d8f.txt"
MOSCOW_TIMES = "004_eca61c91915fcae8.txt"

# Two articles have no dateline (one has only a copyright footer, one a "Since July 1, 2024"
# banner): their publication dates, as the examples' fact files give them.
PUBLISHED = {EUROMAIDAN: "late August 2023", MOSCOW_TIMES: "July 2023"}
# The others' datelines, as the day they state.
DATELINES = {KYIV_INDEPENDENT: "2025-06-26", NEWSWEEK: "2024-06-04", UKRAINSKA_PRAVDA: "2024-06-04"}

Days = tuple[str, str]


@dataclass(frozen=True)
class GoldFigure:
    """One figure: its value as stated (hedge included), words around it that occur once, its rate and time."""

    seed: str
    value: str
    context: str
    when: Days | None = None
    since: Days | None = None
    per: str = ""
    headline: bool = False

    def offset(self, text: str) -> int:
        """Where the value starts in the article."""
        assert text.count(self.context) == 1, f"{self.context!r} is not unique in {self.seed}"
        return text.index(self.context) + self.context.index(self.value)


_LATE_MAY_2025 = ("2025-05-21", "2025-05-31")
_SEPTEMBER_2022 = ("2022-09-01", "2022-09-30")
_APRIL_2024 = ("2024-04-01", "2024-04-30")
_LATE_2024 = ("2024-09-01", "2024-12-31")

FIGURES = (
    GoldFigure(EUROMAIDAN, "two", "2023, two Russian soldiers", when=("2023-08-25", "2023-08-25")),
    GoldFigure(EUROMAIDAN, "nearly 100", "nearly 100 soldiers per week", when=("2023-07-18", "2023-07-18"), per="week"),
    GoldFigure(EUROMAIDAN, "around 5,200", "around 5,200 convictions annually", per="year"),
    GoldFigure(KYIV_INDEPENDENT, "Over 20,000", "Over 20,000 Russian soldiers prosecuted", headline=True),
    GoldFigure(KYIV_INDEPENDENT, "More than 20,000", "More than 20,000 Russian", when=("2025-06-26", "2025-06-26")),
    GoldFigure(KYIV_INDEPENDENT, "20,538", "20,538 such cases", when=_LATE_MAY_2025, since=_SEPTEMBER_2022),
    GoldFigure(KYIV_INDEPENDENT, "10,025", "10,025 cases", when=("2024-06-01", "2024-06-30")),
    GoldFigure(KYIV_INDEPENDENT, "18,159", "18,159 were cases", when=_LATE_MAY_2025, since=_SEPTEMBER_2022),
    GoldFigure(KYIV_INDEPENDENT, "1,369", "1,369 cases", when=_LATE_MAY_2025, since=_SEPTEMBER_2022),
    GoldFigure(KYIV_INDEPENDENT, "1,010", "1,010 cases", when=_LATE_MAY_2025, since=_SEPTEMBER_2022),
    GoldFigure(KYIV_INDEPENDENT, "17,721", "17,721 of the accused"),
    GoldFigure(KYIV_INDEPENDENT, "around 40,000-45,000", "around 40,000-45,000 men", per="month"),
    GoldFigure(KYIV_INDEPENDENT, "about 2.4 million", "about 2.4 million,", when=_LATE_2024),
    GoldFigure(KYIV_INDEPENDENT, "1.5 million", "1.5 million military", when=_LATE_2024),
    GoldFigure(NEWSWEEK, "hundreds", "hundreds of Russians", when=("2024-06-03", "2024-06-03")),
    GoldFigure(NEWSWEEK, "at least 170", "at least 170 men"),
    GoldFigure(NEWSWEEK, "more than 18,000", "more than 18,000 Russian", when=_APRIL_2024),
    GoldFigure(NEWSWEEK, "Around 12,000", "Around 12,000 of them", when=_APRIL_2024),
    GoldFigure(NEWSWEEK, "Some 2,500", "Some 2,500 troops"),
    GoldFigure(UKRAINSKA_PRAVDA, "hundreds", "hundreds of servicemen", when=("2024-05-01", "2024-05-31")),
    GoldFigure(UKRAINSKA_PRAVDA, "At least 170", "At least 170 servicemen"),
    GoldFigure(MOSCOW_TIMES, "100", "Convicts 100 Army", per="week", headline=True),
    GoldFigure(MOSCOW_TIMES, "at least 100", "at least 100 deserters", when=("2023-01-01", "2023-07-31"), per="week"),
    GoldFigure(MOSCOW_TIMES, "2,076", "2,076 criminal", when=("2023-01-01", "2023-06-30")),
)


@dataclass(frozen=True)
class GoldDate:
    """A date of a story's sentences, as it stands, and the day range it means."""

    seed: str
    words: str
    first: str
    last: str


DATES = (
    GoldDate(EUROMAIDAN, "On 25 August 2023", "2023-08-25", "2023-08-25"),
    GoldDate(EUROMAIDAN, "On 18 July 2023", "2023-07-18", "2023-07-18"),
    GoldDate(EUROMAIDAN, "in September 2022", "2022-09-01", "2022-09-30"),
    GoldDate(KYIV_INDEPENDENT, "on June 26", "2025-06-26", "2025-06-26"),
    GoldDate(KYIV_INDEPENDENT, "As of late May", "2025-05-21", "2025-05-31"),
    GoldDate(KYIV_INDEPENDENT, "since September 2022", "2022-09-01", "2022-09-30"),
    GoldDate(KYIV_INDEPENDENT, "as of June 2024", "2024-06-01", "2024-06-30"),
    GoldDate(KYIV_INDEPENDENT, "In late 2024", "2024-09-01", "2024-12-31"),
    GoldDate(NEWSWEEK, "on Monday", "2024-06-03", "2024-06-03"),
    GoldDate(NEWSWEEK, "In November 2022", "2022-11-01", "2022-11-30"),
    GoldDate(NEWSWEEK, "In February", "2024-02-01", "2024-02-29"),
    GoldDate(NEWSWEEK, "this year", "2024-01-01", "2024-12-31"),
    GoldDate(NEWSWEEK, "on May 10", "2024-05-10", "2024-05-10"),
    GoldDate(NEWSWEEK, "in April", "2024-04-01", "2024-04-30"),
    GoldDate(UKRAINSKA_PRAVDA, "on 3 June", "2024-06-03", "2024-06-03"),
    GoldDate(UKRAINSKA_PRAVDA, "in May 2024", "2024-05-01", "2024-05-31"),
    GoldDate(UKRAINSKA_PRAVDA, "on 1 or 2 June", "2024-06-01", "2024-06-02"),
    GoldDate(MOSCOW_TIMES, "so far in 2023", "2023-01-01", "2023-07-31"),
    GoldDate(MOSCOW_TIMES, "in the first half of 2023", "2023-01-01", "2023-06-30"),
    GoldDate(MOSCOW_TIMES, "in all of 2022", "2022-01-01", "2022-12-31"),
    GoldDate(MOSCOW_TIMES, "in 2021", "2021-01-01", "2021-12-31"),
    GoldDate(MOSCOW_TIMES, "in 2023", "2023-01-01", "2023-12-31"),
    # "Reported Wednesday" and "On Tuesday" of a source published in July 2023: any such day of
    # July 2023, or the last of June when it was published before the month's first Wednesday.
    GoldDate(MOSCOW_TIMES, "Wednesday", "2023-06-28", "2023-07-26"),
    GoldDate(MOSCOW_TIMES, "On Tuesday", "2023-06-27", "2023-07-25"),
    GoldDate(MOSCOW_TIMES, "since March", "2023-03-01", "2023-03-31"),
)


SEED_NAMES = (EUROMAIDAN, KYIV_INDEPENDENT, NEWSWEEK, UKRAINSKA_PRAVDA, MOSCOW_TIMES)


def seed_path(seed: str) -> Path:
    """The seed article's path; the test is skipped where the seeds are not beside the repository."""
    path = SEEDS / seed
    if not path.is_file():
        pytest.skip(f"the seed articles are read from {SEEDS}, which is missing")
    return path


def seed_text(seed: str) -> str:
    return seed_path(seed).read_text(encoding="utf-8")
