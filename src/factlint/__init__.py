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
"""

from factlint.dates import DateError, DateRange, parse_date_range
from factlint.engine import (
    ClaimRef,
    Context,
    Finding,
    Fix,
    Report,
    Rule,
    RuleRegistry,
    Settings,
    Severity,
    Violation,
    lint,
    registry,
    rule,
)
from factlint.expressions import Expression, ExpressionError, parse_expression
from factlint.intervals import Interval, Truth
from factlint.loading import discover, load, loads
from factlint.model import (
    Check,
    Claim,
    ClaimSet,
    Dims,
    Location,
    Part,
    Ratio,
    RateUnit,
    Relation,
    Same,
    Source,
    Sum,
)
from factlint.quantities import (
    Factor,
    Hedge,
    Quantity,
    QuantityError,
    Rounding,
    Tolerances,
    parse_factor,
    parse_quantity,
)

__version__ = "0.1.0.dev0"

__all__ = [
    "Check",
    "Claim",
    "ClaimRef",
    "ClaimSet",
    "Context",
    "DateError",
    "DateRange",
    "Dims",
    "Expression",
    "ExpressionError",
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
    "Relation",
    "Report",
    "Rounding",
    "Rule",
    "RuleRegistry",
    "Same",
    "Settings",
    "Severity",
    "Source",
    "Sum",
    "Tolerances",
    "Truth",
    "Violation",
    "discover",
    "lint",
    "load",
    "loads",
    "parse_date_range",
    "parse_expression",
    "parse_factor",
    "parse_quantity",
    "registry",
    "rule",
]
