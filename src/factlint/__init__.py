"""factlint: check whether the numbers in a set of claims can all be true at once.

    >>> import factlint
    >>> claims = factlint.ClaimSet(
    ...     claims=[
    ...         factlint.Claim(id="total", metric="cases", value="20,583"),
    ...         factlint.Claim(id="awol", metric="cases", value=18159),
    ...         factlint.Claim(id="other", metric="cases", value=2379),
    ...     ],
    ...     relations=[factlint.Sum(total="total", parts=["awol", "other"])],
    ... )
    >>> [finding.code for finding in factlint.lint(claims)]
    ['A101']

The public names are those of `__all__`; `factlint.strategies` (Hypothesis strategies),
`factlint.testing` (assertions for test suites) and `factlint.plugins` (the plugin author's
API) are public modules. Every module whose name starts with `_` is private.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factlint._codes import Severity
    from factlint._config import ConfigError, read_config
    from factlint._dates import DateError, DateRange, parse_date_range
    from factlint._engine import lint
    from factlint._expressions import Expression, ExpressionError, ExpressionTooLarge, parse_expression
    from factlint._extraction import Draft, ExtractionError, extract
    from factlint._findings import ClaimRef, Finding, Report, RuleFailure
    from factlint._intervals import Interval, Truth
    from factlint._loading import discover, load, loads
    from factlint._model import (
        Check,
        Claim,
        ClaimSet,
        Dims,
        Location,
        Part,
        RateUnit,
        Ratio,
        Relation,
        Same,
        Source,
        Statistic,
        Sum,
    )
    from factlint._output import FORMATS, format_report
    from factlint._plugin_finder import installed_rules
    from factlint._quantities import (
        Factor,
        Hedge,
        Quantity,
        QuantityError,
        Reading,
        Rounding,
        RoundNumbers,
        Tolerances,
        parse_factor,
        parse_quantity,
    )
    from factlint._rule import Fix, Rule, RuleSet, Violation, rule
    from factlint._rules import builtin_rules
    from factlint._settings import Context, Settings

__all__ = [
    "FORMATS",
    "Check",
    "Claim",
    "ClaimRef",
    "ClaimSet",
    "ConfigError",
    "Context",
    "DateError",
    "DateRange",
    "Dims",
    "Draft",
    "Expression",
    "ExpressionError",
    "ExpressionTooLarge",
    "ExtractionError",
    "Factor",
    "Finding",
    "Fix",
    "Hedge",
    "Interval",
    "Location",
    "Part",
    "Quantity",
    "QuantityError",
    "RateUnit",
    "Ratio",
    "Reading",
    "Relation",
    "Report",
    "RoundNumbers",
    "Rounding",
    "Rule",
    "RuleFailure",
    "RuleSet",
    "Same",
    "Settings",
    "Severity",
    "Source",
    "Statistic",
    "Sum",
    "Tolerances",
    "Truth",
    "Violation",
    "__version__",
    "builtin_rules",
    "discover",
    "extract",
    "format_report",
    "installed_rules",
    "lint",
    "load",
    "loads",
    "parse_date_range",
    "parse_expression",
    "parse_factor",
    "parse_quantity",
    "read_config",
    "rule",
]


# The private modules that hold the public names, cheapest first. A public name is imported
# on first use, so that `factlint --help`, the pytest plugin and the Hypothesis hook start
# without loading the linter.
_HOMES = (
    "factlint._codes",
    "factlint._intervals",
    "factlint._quantities",
    "factlint._dates",
    "factlint._expressions",
    "factlint._model",
    "factlint._rule",
    "factlint._settings",
    "factlint._findings",
    "factlint._rules",
    "factlint._engine",
    "factlint._loading",
    "factlint._config",
    "factlint._plugin_finder",
    "factlint._extraction",
    "factlint._output",
)


def __getattr__(name: str) -> Any:
    if name == "__version__":
        # Read from the installed metadata only when asked for: importlib.metadata is slow to import.
        from importlib import metadata

        try:
            return metadata.version("factlint")
        except metadata.PackageNotFoundError:
            return "0+unknown"
    if name in __all__:
        for home in _HOMES:
            module = importlib.import_module(home)
            if name in vars(module):
                value = getattr(module, name)
                globals()[name] = value
                return value
    raise AttributeError(f"module 'factlint' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
