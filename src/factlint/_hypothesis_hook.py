"""Register factlint's types for Hypothesis' `st.from_type`; Hypothesis runs `setup` through its entry point."""

from __future__ import annotations

import importlib

__all__ = ["setup"]


def setup() -> None:
    """Register deferred strategies for Quantity, DateRange, Interval, Source, Claim and ClaimSet.

    Hypothesis runs this at the end of its own import, and `factlint.strategies` imports
    Hypothesis: so the strategies are looked up only when they are first drawn from.
    """
    from hypothesis import strategies as st

    from factlint._dates import DateRange
    from factlint._intervals import Interval
    from factlint._model import Claim, ClaimSet, Source
    from factlint._quantities import Quantity

    def strategy(name: str) -> st.SearchStrategy[object]:
        def build() -> st.SearchStrategy[object]:
            # Looked up in sys.modules, not as an attribute of the package: a test run that
            # imports Hypothesis afresh (pytester does) must get strategies built with it.
            strategies = importlib.import_module("factlint.strategies")
            built: st.SearchStrategy[object] = getattr(strategies, name)()
            return built

        return st.deferred(build)

    for kind, name in (
        (Quantity, "quantities"),
        (DateRange, "date_ranges"),
        (Interval, "intervals"),
        (Source, "sources"),
        (Claim, "claims"),
        (ClaimSet, "claim_sets"),
    ):
        st.register_type_strategy(kind, strategy(name))
