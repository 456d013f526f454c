"""The strategy `st.from_type` uses for each public model type: valid values only, as the fact model accepts them."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import strategies as st

from factlint._dates import DateRange
from factlint._expressions import Expression, parse_expression
from factlint._intervals import Interval
from factlint._model import Check, Claim, ClaimSet, Dims, Location, Part, Ratio, Same, Source, Sum
from factlint._quantities import Factor, Quantity, parse_factor
from factlint.strategies._claims import DIMS, IDENTIFIERS, claim_sets, claims, sources
from factlint.strategies._dates import date_ranges
from factlint.strategies._intervals import intervals
from factlint.strategies._numbers import FACTOR_WORDS
from factlint.strategies._quantities import quantities

__all__ = ["FOR_TYPE"]

_WORDS = st.sampled_from([word for word, _ in FACTOR_WORDS])
_COMPARISONS = st.sampled_from(("<=", "<", ">=", ">", "=="))


def _distinct_ids(count: int) -> st.SearchStrategy[list[str]]:
    return st.lists(IDENTIFIERS, min_size=count, max_size=count, unique=True)


@st.composite
def _sums(draw: st.DrawFn) -> Sum:
    total, *parts = draw(st.lists(IDENTIFIERS, min_size=2, max_size=5, unique=True))
    # The literal "100%" as the total: the parts are the shares of one whole.
    total = draw(st.sampled_from((total, total, total, "100%")))
    return Sum(total=total, parts=parts, complete=draw(st.booleans()))


def _expressions() -> st.SearchStrategy[Expression]:
    def written(names: list[str], comparison: str) -> Expression:
        left = " + ".join(names[:-1])
        return parse_expression(f"{left} {comparison} {names[-1]}")

    return st.builds(written, st.lists(IDENTIFIERS, min_size=2, max_size=4, unique=True), _COMPARISONS)


_NAMES = st.just("") | st.from_regex(r"[a-z]+(-[a-z]+){0,3}", fullmatch=True)
_MESSAGES = st.just("") | st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=40)

FOR_TYPE: dict[type, Callable[[], st.SearchStrategy[object]]] = {
    Quantity: quantities,
    DateRange: date_ranges,
    Interval: intervals,
    Source: sources,
    Claim: claims,
    ClaimSet: claim_sets,
    Sum: _sums,
    Part: lambda: _distinct_ids(2).map(lambda ids: Part(part=ids[0], whole=ids[1])),
    Ratio: lambda: st.builds(lambda ids, word: Ratio(of=ids[0], to=ids[1], factor=word), _distinct_ids(2), _WORDS),
    Same: lambda: st.lists(IDENTIFIERS, min_size=2, max_size=4, unique=True).map(lambda ids: Same(claims=ids)),
    Check: lambda: st.builds(Check, expr=_expressions(), name=_NAMES, message=_MESSAGES),
    Factor: lambda: _WORDS.map(parse_factor),
    Expression: _expressions,
    Dims: lambda: DIMS.map(Dims),
    Location: lambda: st.builds(
        Location,
        path=st.builds("{}.facts.toml".format, IDENTIFIERS),
        line=st.integers(1, 10**5),
        column=st.integers(1, 500),
    ),
}
