"""Arbitrary sources, claims and claim sets: any values and relations, which may well contradict each other."""

from __future__ import annotations

import datetime
import keyword
from collections.abc import Iterable

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from factlint._model import Check, Claim, ClaimSet, Part, RateUnit, Ratio, Relation, Same, Source, Sum
from factlint.strategies._arguments import check_day_bounds, check_sizes
from factlint.strategies._dates import DEFAULT_FIRST_DAY, DEFAULT_LAST_DAY, date_ranges
from factlint.strategies._numbers import FACTOR_WORDS
from factlint.strategies._quantities import quantities

__all__ = ["DIMS", "IDENTIFIERS", "METRICS", "PUBLISHERS", "claim_sets", "claims", "sources"]

# Keywords are identifiers, but cannot be named in a `[[check]]` expression.
IDENTIFIERS = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True).filter(lambda name: not keyword.iskeyword(name))
METRICS = ("refusal-to-fight cases", "desertions", "convictions", "arrests", "people detained", "respondents")
PUBLISHERS = ("Mediazona", "The Kyiv Independent", "Meduza", "BBC Russian", "Novaya Gazeta Europe")
DIMS = st.dictionaries(
    st.sampled_from(("charge", "region", "army", "court")), st.sampled_from(("AWOL", "desertion", "north", "south", "1st")), max_size=2
)


def sources(
    *,
    min_value: datetime.date | None = None,
    max_value: datetime.date | None = None,
    min_year: int | None = None,
    max_year: int | None = None,
) -> st.SearchStrategy[Source]:
    """Sources with an identifier, a publisher and, usually, a published date from min_value to max_value.

    As for `date_ranges()`, `min_value` and `max_value` are dates (default 2000-01-01 and
    2030-12-31); `min_year` and `max_year` are deprecated.
    """
    first, last = check_day_bounds("sources", min_value, max_value, min_year, max_year, (DEFAULT_FIRST_DAY, DEFAULT_LAST_DAY))
    return st.builds(
        Source,
        id=IDENTIFIERS,
        publisher=st.sampled_from(PUBLISHERS),
        title=st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=30),
        published=st.none() | date_ranges(min_value=first, max_value=last),
        url=st.just("") | st.builds("https://example.org/{}".format, IDENTIFIERS),
        cites=st.just(()),
    )


def _metrics(metric: str | st.SearchStrategy[str] | None) -> st.SearchStrategy[str]:
    if metric is None:
        return st.sampled_from(METRICS)
    if isinstance(metric, str):
        return st.just(metric)
    if isinstance(metric, st.SearchStrategy):
        return metric
    raise InvalidArgument(f"metric={metric!r} must be None, a string or a strategy of strings")


def _source_id(source: Source | str) -> str:
    return source.id if isinstance(source, Source) else source


def _source_ids(
    sources: Iterable[Source | str] | st.SearchStrategy[Source | str] | None,
) -> st.SearchStrategy[str | None]:
    if sources is None:
        return st.none()
    if isinstance(sources, st.SearchStrategy):
        return sources.map(_source_id)
    if isinstance(sources, (str, bytes)) or not isinstance(sources, Iterable):
        raise InvalidArgument(f"sources={sources!r} must be None, a sequence of Source or source ids, or a strategy")
    ids = []
    for source in sources:
        if not isinstance(source, (Source, str)):
            raise InvalidArgument(f"sources must hold Source objects or source ids, not {source!r}")
        ids.append(_source_id(source))
    return st.none() | st.sampled_from(ids) if ids else st.none()


def claims(
    *,
    metric: str | st.SearchStrategy[str] | None = None,
    sources: Iterable[Source | str] | st.SearchStrategy[Source | str] | None = None,
) -> st.SearchStrategy[Claim]:
    """Arbitrary claims: any value, rate unit, dates, breakdown and base; they may well contradict each other.

    `metric` fixes the metric (a string or a strategy); `sources` gives the sources a claim may
    name (Source objects or ids, or a strategy of them); by default claims name no source.
    """
    return _claims(_metrics(metric), _source_ids(sources))


@st.composite
def _claims(draw: st.DrawFn, metric: st.SearchStrategy[str], source_ids: st.SearchStrategy[str | None]) -> Claim:
    value = draw(quantities(max_value=10**6))
    time = draw(st.sampled_from(("none", "as_of", "period", "running")))
    dates = date_ranges(min_value=datetime.date(2015, 1, 1), max_value=datetime.date(2025, 12, 31))
    as_of = draw(dates) if time in ("as_of", "running") else None
    period = draw(dates) if time == "period" else None
    since = draw(date_ranges(min_value=datetime.date(2010, 1, 1), max_value=datetime.date(2015, 12, 31))) if time == "running" else None
    statistic = "mean" if not value.percent and draw(st.integers(0, 9)) == 0 else None
    base = draw(st.integers(1, 500)) if (value.percent or statistic is not None) and draw(st.booleans()) else None
    return Claim(
        id=draw(IDENTIFIERS),
        metric=draw(metric),
        value=value,
        unit=draw(st.sampled_from(("", "people", "cases"))),
        per=draw(st.none() | st.sampled_from(RateUnit)) if not value.percent and statistic is None else None,
        as_of=as_of,
        period=period,
        since=since,
        dims=draw(DIMS),
        of=base,
        statistic=statistic,
        items=draw(st.integers(1, 5)) if statistic else 1,
        source=draw(source_ids),
        quote=draw(st.sampled_from(("", f"Mediazona counted {value.text} such cases."))),
    )


def claim_sets(*, min_size: int = 0, max_size: int | None = None) -> st.SearchStrategy[ClaimSet]:
    """Arbitrary claim sets of min_size to max_size claims with unique ids, their sources and random relations.

    Nothing makes them consistent: use them to check that every input gets a report, not a crash.
    """
    min_size, max_size = check_sizes(min_size, max_size)
    return _claim_sets(min_size, max_size)


@st.composite
def _claim_sets(draw: st.DrawFn, min_size: int, max_size: int) -> ClaimSet:
    source_list = draw(st.lists(sources(), max_size=3, unique_by=lambda source: source.id))
    metric = st.sampled_from(METRICS[:3])
    claim_list = draw(
        st.lists(claims(metric=metric, sources=source_list), min_size=min_size, max_size=max_size, unique_by=lambda claim: claim.id)
    )
    relations: list[Relation] = []
    ids = [claim.id for claim in claim_list]
    if len(ids) >= 2:
        pairs = st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True)
        for kind in draw(st.lists(st.sampled_from(("sum", "part", "ratio", "same", "check")), max_size=4)):
            first, second = draw(pairs)
            if kind == "sum":
                parts = draw(st.lists(st.sampled_from([i for i in ids if i != first]), min_size=1, max_size=4, unique=True))
                relations.append(Sum(total=first, parts=parts, complete=draw(st.booleans())))
            elif kind == "part":
                relations.append(Part(part=first, whole=second))
            elif kind == "ratio":
                relations.append(Ratio(of=first, to=second, factor=draw(st.sampled_from(FACTOR_WORDS))[0]))
            elif kind == "same":
                relations.append(Same(claims=[first, second]))
            else:
                relations.append(Check(expr=f"{first} {draw(st.sampled_from(('<=', '<', '>=', '==')))} {second}"))
    return ClaimSet(claims=claim_list, sources=source_list, relations=relations)
