"""Consistent claim sets: groups of claims built from true values, each stated within its reading."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from fractions import Fraction

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from factlint._dates import DateRange, parse_date_range
from factlint._model import Check, Claim, ClaimSet, Part, RateUnit, Ratio, Relation, Same, Source, Sum
from factlint.strategies._arguments import check_sizes
from factlint.strategies._claims import METRICS, PUBLISHERS
from factlint.strategies._dates import date_ranges, day_between, written_date
from factlint.strategies._numbers import FACTOR_WORDS
from factlint.strategies._quantities import statement_of

__all__ = [
    "CLAIM_YEARS",
    "GROUP_KINDS",
    "TRUE_UNIT_DAYS",
    "ClaimSetBuilder",
    "check_kinds",
    "claim_set_builders",
    "consistent_claim_sets",
    "counts",
    "published_source",
    "when",
]

# The length of a year that every conversion of a true rate uses: within every convention's range.
_TRUE_YEAR_DAYS = 365
TRUE_UNIT_DAYS = {
    RateUnit.DAY: Fraction(1),
    RateUnit.WEEK: Fraction(7),
    RateUnit.MONTH: Fraction(_TRUE_YEAR_DAYS, 12),
    RateUnit.QUARTER: Fraction(_TRUE_YEAR_DAYS, 4),
    RateUnit.YEAR: Fraction(_TRUE_YEAR_DAYS),
}
# Claims are dated up to 2024; every source is published from 2025 on, so no claim is dated after its source.
CLAIM_YEARS = (2012, 2024)
_PUBLISHED = (datetime.date(2025, 1, 1), datetime.date(2026, 12, 31))


@attrs.define
class ClaimSetBuilder:
    """Collects the claims, sources and relations of a claim set as its groups are drawn."""

    draw: st.DrawFn
    claims: list[Claim] = attrs.Factory(list)
    sources: list[Source] = attrs.Factory(list)
    relations: list[Relation] = attrs.Factory(list)
    groups: int = 0

    def group(self, kind: str) -> tuple[str, str]:
        """A fresh id prefix and metric for one group, so that groups never meet in inference."""
        self.groups += 1
        word = self.draw(st.sampled_from(METRICS))
        return f"{kind.replace('-', '_')}{self.groups}_", f"{word} ({kind} {self.groups})"

    def source(self) -> str | None:
        """A source id for a group: one of the set's sources, or none."""
        return self.draw(st.none() | st.sampled_from([source.id for source in self.sources])) if self.sources else None

    def add(self, claim: Claim) -> Claim:
        self.claims.append(claim)
        return claim

    def build(self) -> ClaimSet:
        return ClaimSet(claims=self.claims, sources=self.sources, relations=self.relations)


def published_source(draw: st.DrawFn, source_id: str) -> Source:
    """A source published after every claim of a consistent set is dated."""
    published = day_between(draw, *_PUBLISHED)
    return Source(
        id=source_id,
        publisher=draw(st.sampled_from(PUBLISHERS)),
        published=parse_date_range(written_date(draw, published, forms=("iso-day", "date", "iso-month", "day", "third-of-month", "month"))),
    )


def when(draw: st.DrawFn) -> DateRange | None:
    """A date for a group of claims that refer to one moment or period, or none."""
    if draw(st.booleans()):
        return None
    return draw(date_ranges(min_year=CLAIM_YEARS[0], max_year=CLAIM_YEARS[1]))


def counts(max_value: int = 10**6) -> st.SearchStrategy[int]:
    """True counts: small ones often, up to max_value."""
    return st.integers(0, 1000) | st.integers(0, max_value)


def _bounded_days(period: DateRange) -> int:
    days = period.days
    if days is None:  # pragma: no cover
        raise AssertionError(f"{period} was drawn without open ends")
    return days


def _sum_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """A total and its parts (by `dims` or an explicit `[[sum]]`), and maybe a `[[part]]` of it."""
    prefix, metric = builder.group("sum")
    parts = draw(st.lists(counts(), min_size=1, max_size=4))
    complete = draw(st.booleans())
    total = sum(parts) + (0 if complete else draw(counts()))
    source, dates = builder.source(), when(draw)
    over_period = draw(st.booleans())
    as_of, period = (None, dates) if over_period else (dates, None)
    key = draw(st.sampled_from(("charge", "region")))
    by_dims = draw(st.booleans())
    total_claim = builder.add(
        Claim(id=f"{prefix}total", metric=metric, value=statement_of(draw, Fraction(total)), source=source, as_of=as_of, period=period)
    )
    part_ids = []
    for index, part in enumerate(parts):
        claim = builder.add(
            Claim(
                id=f"{prefix}part{index}",
                metric=metric if by_dims else f"{metric} part {index}",
                value=statement_of(draw, Fraction(part)),
                dims={key: f"kind {index}"} if by_dims else {},
                source=source,
                as_of=as_of,
                period=period,
            )
        )
        part_ids.append(claim.id)
    if not by_dims or draw(st.booleans()):
        builder.relations.append(Sum(total=total_claim.id, parts=part_ids, complete=complete))


def _part_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """A whole and a part of it (sentenced out of charged), by `[[part]]`, `[[check]]` or `dims`."""
    prefix, metric = builder.group("part")
    whole = draw(counts())
    part = draw(st.integers(0, whole))
    source, dates = builder.source(), when(draw)
    how = draw(st.sampled_from(("part", "check", "dims")))
    builder.add(Claim(id=f"{prefix}whole", metric=metric, value=statement_of(draw, Fraction(whole)), as_of=dates, source=source))
    builder.add(
        Claim(
            id=f"{prefix}part",
            metric=metric if how == "dims" else f"{metric}, sentenced",
            dims={"outcome": "sentenced"} if how == "dims" else {},
            value=statement_of(draw, Fraction(part)),
            as_of=dates,
            source=source,
        )
    )
    if how == "part":
        builder.relations.append(Part(part=f"{prefix}part", whole=f"{prefix}whole"))
    elif how == "check":
        builder.relations.append(Check(expr=f"{prefix}part <= {prefix}whole", name="part-within-whole"))


def _running_total_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """A count since a start, stated at later and later dates; it never falls."""
    prefix, metric = builder.group("running-total")
    first_year, last_year = CLAIM_YEARS
    since_day = day_between(draw, datetime.date(first_year, 1, 1), datetime.date(first_year + 2, 12, 31))
    since = parse_date_range(written_date(draw, since_day, forms=("iso-month", "month", "iso-day", "year")))
    # Stated from three years after the earliest start on, so every date lies after `since`.
    stated_from = datetime.date(first_year + 3, 1, 1)
    days = sorted(
        draw(
            st.lists(
                st.integers(0, (datetime.date(last_year, 12, 31) - stated_from).days),
                min_size=2,
                max_size=5,
                unique=True,
            )
        )
    )
    increments = draw(st.lists(st.integers(0, 5000), min_size=len(days), max_size=len(days)))
    source = builder.source()
    count = 0
    for index, (offset, increment) in enumerate(zip(days, increments)):
        count += increment
        day = stated_from + datetime.timedelta(days=offset)
        builder.add(
            Claim(
                id=f"{prefix}at{index}",
                metric=metric,
                value=statement_of(draw, Fraction(count)),
                as_of=parse_date_range(written_date(draw, day)),
                since=since,
                source=source,
            )
        )


def _rates_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """One true rate stated per day, week, month, quarter or year (`[[same]]` or inferred), and the count it gives."""
    prefix, metric = builder.group("rates")
    period = draw(date_ranges(min_year=CLAIM_YEARS[0], max_year=CLAIM_YEARS[1]))
    events = Fraction(draw(st.integers(1, 10**5)))
    per_day = events / _bounded_days(period)
    units = draw(st.lists(st.sampled_from(RateUnit), min_size=2, max_size=3, unique=True))
    source = builder.source()
    with_period = draw(st.booleans())
    ids = []
    for unit in units:
        claim = builder.add(
            Claim(
                id=f"{prefix}per_{unit.value}",
                metric=metric,
                value=statement_of(draw, per_day * TRUE_UNIT_DAYS[unit]),
                per=unit,
                period=period if with_period else None,
                source=source,
            )
        )
        ids.append(claim.id)
    if draw(st.booleans()):
        builder.relations.append(Same(claims=ids))
    if with_period and draw(st.booleans()):
        builder.add(Claim(id=f"{prefix}count", metric=metric, value=statement_of(draw, events), period=period, source=source))


def _ratio_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """Two counts of two periods, one a stated multiple ("double", "three times") of the other."""
    prefix, metric = builder.group("ratio")
    word, factors = draw(st.sampled_from(FACTOR_WORDS))
    factor = draw(st.sampled_from(factors))
    base = draw(st.integers(0, 10**5)) * factor.denominator
    earlier, later = sorted(draw(st.lists(st.integers(*CLAIM_YEARS), min_size=2, max_size=2, unique=True)))
    source = builder.source()
    builder.add(Claim(id=f"{prefix}of", metric=metric, value=statement_of(draw, base * factor), period=str(later), source=source))
    builder.add(Claim(id=f"{prefix}to", metric=metric, value=statement_of(draw, Fraction(base)), period=str(earlier), source=source))
    builder.relations.append(Ratio(of=f"{prefix}of", to=f"{prefix}to", factor=word))


def _percentages_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """Shares k/n of one whole by `dims`, with their base n; a complete breakdown sums to 100%."""
    prefix, metric = builder.group("percentages")
    n = draw(st.integers(1, 2000))
    shares = draw(st.lists(st.integers(0, n), min_size=1, max_size=4).filter(lambda ks: sum(ks) <= n))
    complete = sum(shares) == n or draw(st.booleans())
    if complete and sum(shares) < n:
        shares.append(n - sum(shares))
    base: int | str = n
    source, dates = builder.source(), when(draw)
    if draw(st.booleans()):
        base_claim = builder.add(
            Claim(id=f"{prefix}n", metric=f"{metric}, base", value=statement_of(draw, Fraction(n), exact_only=True), as_of=dates)
        )
        # A rounded base ("2.0 thousand") is no base n: the shares then state n themselves.
        base = base_claim.id if base_claim.value.is_exact else n
    exact = draw(st.booleans())
    share_ids = []
    for index, k in enumerate(shares):
        claim = builder.add(
            Claim(
                id=f"{prefix}share{index}",
                metric=metric,
                value=statement_of(draw, Fraction(100 * k, n), percent=True, exact_only=exact),
                dims={"answer": f"option {index}"},
                of=base,
                as_of=dates,
                source=source,
            )
        )
        share_ids.append(claim.id)
    if complete and draw(st.booleans()):
        builder.add(Claim(id=f"{prefix}all", metric=metric, value="100%", of=base, as_of=dates, source=source))
        builder.relations.append(Sum(total=f"{prefix}all", parts=share_ids, complete=True))


def _mean_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """A mean of n respondents' whole-number answers (items each), stated rounded to some decimals."""
    prefix, metric = builder.group("mean")
    n, items = draw(st.integers(1, 300)), draw(st.integers(1, 5))
    top = draw(st.integers(1, 10))
    total = draw(st.integers(0, n * items * top))
    base: int | str = n
    if draw(st.booleans()):
        base = builder.add(Claim(id=f"{prefix}n", metric=f"{metric}, respondents", value=n)).id
    builder.add(
        Claim(
            id=f"{prefix}mean",
            metric=metric,
            value=statement_of(draw, Fraction(total, n * items), exact_only=draw(st.booleans())),
            statistic="mean",
            of=base,
            items=items,
            source=builder.source(),
        )
    )


def _check_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """Counts tied by a `[[check]]` expression that their true values satisfy."""
    prefix, metric = builder.group("check")
    a, b = draw(counts()), draw(counts())
    slack = draw(st.integers(0, 100))
    for name, value in (("a", a), ("b", b), ("c", a + b + slack)):
        builder.add(Claim(id=f"{prefix}{name}", metric=f"{metric} {name}", value=statement_of(draw, Fraction(value))))
    expr = draw(
        st.sampled_from(
            (
                f"{prefix}a + {prefix}b <= {prefix}c",
                f"{prefix}c >= {prefix}a",
                f"{prefix}c - {prefix}a >= {prefix}b",
                f"{prefix}a <= {prefix}c",
            )
        )
    )
    builder.relations.append(Check(expr=expr, name="holds-for-the-true-values"))


def _sources_group(draw: st.DrawFn, builder: ClaimSetBuilder) -> None:
    """One quantity stated by several sources, each in its own words."""
    prefix, metric = builder.group("sources")
    if len(builder.sources) < 2:
        return
    true = Fraction(draw(counts()))
    dates = when(draw)
    chosen = draw(st.lists(st.sampled_from(builder.sources), min_size=2, max_size=3, unique_by=lambda source: source.id))
    for source in chosen:
        builder.add(Claim(id=f"{prefix}{source.id}", metric=metric, value=statement_of(draw, true), as_of=dates, source=source.id))


_GROUPS: dict[str, Callable[[st.DrawFn, ClaimSetBuilder], None]] = {
    "sum": _sum_group,
    "part": _part_group,
    "running-total": _running_total_group,
    "rates": _rates_group,
    "ratio": _ratio_group,
    "percentages": _percentages_group,
    "mean": _mean_group,
    "check": _check_group,
    "sources": _sources_group,
}
GROUP_KINDS = tuple(_GROUPS)


def consistent_claim_sets(
    *, kinds: Iterable[str] | None = None, min_groups: int = 1, max_groups: int = 4
) -> st.SearchStrategy[ClaimSet]:
    """Claim sets whose figures can all be true: no rule may report anything on them.

    Each set holds min_groups to max_groups groups of related claims, of the `kinds` given
    (default: all of GROUP_KINDS): breakdowns that sum, parts of wholes, running totals,
    one rate in several units, ratios, percentages with their base n, means and checks,
    and one quantity from several sources. Each group is built from true values, and
    every claim states its true value exactly, rounded or with a hedge that contains it.
    """
    min_groups, max_groups = check_sizes(min_groups, max_groups, names=("min_groups", "max_groups"))
    return claim_set_builders(check_kinds(kinds), min_groups, max_groups).map(ClaimSetBuilder.build)


def check_kinds(kinds: Iterable[str] | None) -> tuple[str, ...]:
    """The group kinds asked for, all of GROUP_KINDS by default; InvalidArgument for any other."""
    if kinds is None:
        return GROUP_KINDS
    if isinstance(kinds, str):
        raise InvalidArgument(f"kinds={kinds!r} must be a collection of group kinds, not one string")
    chosen = tuple(kinds)
    unknown = [kind for kind in chosen if kind not in GROUP_KINDS]
    if unknown or not chosen:
        raise InvalidArgument(f"kinds must be a non-empty collection of {', '.join(GROUP_KINDS)}; got {chosen!r}")
    return chosen


@st.composite
def claim_set_builders(draw: st.DrawFn, kinds: tuple[str, ...], min_groups: int, max_groups: int) -> ClaimSetBuilder:
    """Up to three sources and min_groups to max_groups consistent groups of the kinds given, still open to more."""
    builder = ClaimSetBuilder(draw)
    for index in range(draw(st.integers(0, 3))):
        builder.sources.append(published_source(draw, f"source{index}"))
    for kind in draw(st.lists(st.sampled_from(kinds), min_size=min_groups, max_size=max_groups)):
        _GROUPS[kind](draw, builder)
    return builder
