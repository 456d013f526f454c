"""Hypothesis strategies for factlint: quantities, dates, claims, claim sets, and claim sets with a planted contradiction.

    >>> from hypothesis import given
    >>> from factlint import lint
    >>> from factlint.strategies import consistent_claim_sets
    >>> @given(consistent_claim_sets())
    ... def test_true_figures_never_raise_a_finding(claim_set):
    ...     assert not lint(claim_set)

Every value is built from what factlint parses (text, or a number as exact data), and every
consistent claim set is built from *true* underlying values, each stated exactly, rounded
(round numbers, rates as rounded quotients) or with a hedge, so that its reading, as its
claim reads it, contains the true value: no rule may fire on it.
`contradicting_claim_sets(code)` then plants one contradiction for a rule, just beyond
every reading (or, with `beyond_tolerance=False`, just inside, where the rule must stay silent).

Registered for `st.from_type` through the `hypothesis` entry point: every public model
type (Claim, Source, ClaimSet, Sum, Part, Ratio, Same, Check, Quantity, DateRange,
Interval, Factor, Expression, Dims, Location) builds valid values only.

Needs Hypothesis, which `pip install "factlint[hypothesis]"` installs.
"""

try:
    import hypothesis  # noqa: F401  (its absence is reported here, once, in plain words)
except ImportError as error:
    raise ModuleNotFoundError(
        'factlint.strategies needs Hypothesis, which is not installed: pip install "factlint[hypothesis]"',
        name="hypothesis",
    ) from error

from factlint.strategies._claims import claim_sets, claims, sources
from factlint.strategies._consistent_sets import GROUP_KINDS, consistent_claim_sets
from factlint.strategies._dates import date_ranges
from factlint.strategies._intervals import intervals
from factlint.strategies._planted import PlantedContradiction, contradicting_claim_sets, supported_codes
from factlint.strategies._quantities import quantities

__all__ = [
    "GROUP_KINDS",
    "PlantedContradiction",
    "claim_sets",
    "claims",
    "consistent_claim_sets",
    "contradicting_claim_sets",
    "date_ranges",
    "intervals",
    "quantities",
    "sources",
    "supported_codes",
]
