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

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# Public names load their module on first use, so that `factlint --help` and the
# pre-commit hook start fast and the pytest plugin costs nothing until it is used.
_EXPORTS = {
    "Check": "factlint.model",
    "Claim": "factlint.model",
    "ClaimRef": "factlint.engine",
    "ClaimSet": "factlint.model",
    "Context": "factlint.engine",
    "DateError": "factlint.dates",
    "DateRange": "factlint.dates",
    "Dims": "factlint.model",
    "Expression": "factlint.expressions",
    "ExpressionError": "factlint.expressions",
    "Factor": "factlint.quantities",
    "Finding": "factlint.engine",
    "Fix": "factlint.engine",
    "Hedge": "factlint.quantities",
    "Interval": "factlint.intervals",
    "Location": "factlint.model",
    "Part": "factlint.model",
    "Quantity": "factlint.quantities",
    "QuantityError": "factlint.quantities",
    "RateUnit": "factlint.model",
    "Ratio": "factlint.model",
    "Relation": "factlint.model",
    "Report": "factlint.engine",
    "Rounding": "factlint.quantities",
    "Rule": "factlint.engine",
    "RuleRegistry": "factlint.engine",
    "Same": "factlint.model",
    "Settings": "factlint.engine",
    "Severity": "factlint.engine",
    "Source": "factlint.model",
    "Sum": "factlint.model",
    "Tolerances": "factlint.quantities",
    "Truth": "factlint.intervals",
    "Violation": "factlint.engine",
    "discover": "factlint.loading",
    "lint": "factlint.engine",
    "load": "factlint.loading",
    "loads": "factlint.loading",
    "parse_date_range": "factlint.dates",
    "parse_expression": "factlint.expressions",
    "parse_factor": "factlint.quantities",
    "parse_quantity": "factlint.quantities",
    "registry": "factlint.engine",
    "rule": "factlint.engine",
}

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


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'factlint' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
