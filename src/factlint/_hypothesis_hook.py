"""Register factlint's types for Hypothesis' `st.from_type`; Hypothesis runs `setup` through its entry point."""

from __future__ import annotations

import importlib
from collections.abc import Callable

__all__ = ["setup"]


def setup() -> None:
    """Register the strategy of each public model type (Quantity, DateRange, Claim, Sum, Location and the rest).

    Hypothesis runs this at the end of its own import, and `factlint.strategies` imports
    Hypothesis: so the strategies are looked up only when `st.from_type` first needs them.
    """
    from hypothesis import strategies as st

    from factlint._dates import DateRange
    from factlint._expressions import Expression
    from factlint._intervals import Interval
    from factlint._model import Check, Claim, ClaimSet, Dims, Location, Part, Ratio, Same, Source, Sum
    from factlint._quantities import Factor, Quantity

    def strategy(kind: type) -> Callable[[type], st.SearchStrategy[object]]:
        # A function, not a strategy: Hypothesis calls it only when `st.from_type` resolves the
        # type, where a strategy would be built (and factlint.strategies imported) right away.
        def build(_: type) -> st.SearchStrategy[object]:
            # Looked up in sys.modules, not as an attribute of the package: a test run that
            # imports Hypothesis afresh (pytester does) must get strategies built with it.
            types = importlib.import_module("factlint.strategies._types")
            built: st.SearchStrategy[object] = types.FOR_TYPE[kind]()
            return built

        return build

    for kind in (
        Quantity, DateRange, Interval, Factor, Expression, Source, Claim, ClaimSet,
        Sum, Part, Ratio, Same, Check, Dims, Location,
    ):  # fmt: skip
        st.register_type_strategy(kind, strategy(kind))
