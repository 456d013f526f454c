"""The one table of built-in rule codes: code, name, family, default severity and summary.

Loading, suppression, the rules, the rule pages, `factlint rules` and the strategies all read
it; a built-in code is written nowhere else in the package.
"""

from __future__ import annotations

import enum
from typing import Final

import attrs

__all__ = [
    "BUILTIN_CODES",
    "CHECK_FAILED",
    "DATED_AFTER_SOURCE",
    "DECISION_ERROR",
    "DUPLICATE_ID",
    "FAMILIES",
    "IMPOSSIBLE_BINARY_SD",
    "IMPOSSIBLE_MEAN",
    "IMPOSSIBLE_PERCENTAGE",
    "IMPOSSIBLE_SD",
    "INVALID_FILE",
    "INVALID_VALUE",
    "PART_EXCEEDS_WHOLE",
    "PERIOD_REVERSED",
    "P_VALUE_MISMATCH",
    "RATE_CONVERSION_MISMATCH",
    "RATE_TOTAL_MISMATCH",
    "RATIO_MISMATCH",
    "RUNNING_TOTAL_DECREASES",
    "SHARES_NOT_WHOLE",
    "SOURCES_DISAGREE",
    "SUBPERIOD_EXCEEDS_PERIOD",
    "SUM_MISMATCH",
    "UNKNOWN_REFERENCE",
    "UNUSED_SUPPRESSION",
    "CodeInfo",
    "Severity",
]


class Severity(enum.Enum):
    """How serious a finding is; configurable per code."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


# The letter of a built-in code names its family; a rule module of `_rules/` is one family.
FAMILIES: Final = {
    "A": "arithmetic",
    "T": "time",
    "R": "rates",
    "M": "ratios",
    "C": "sources",
    "G": "granularity",
    "S": "statistics",
    "F": "files",
}


@attrs.frozen
class CodeInfo:
    """One built-in code: `A101`, `sum-mismatch`, its default severity and a one-line summary."""

    code: str
    name: str
    summary: str
    severity: Severity = Severity.ERROR

    @property
    def family(self) -> str:
        return FAMILIES[self.code.rstrip("0123456789")]


SUM_MISMATCH: Final = CodeInfo(
    "A101", "sum-mismatch", "parts cannot add up to the total (`[[sum]]`, or breakdowns by `dims`)"
)
PART_EXCEEDS_WHOLE: Final = CodeInfo(
    "A102", "part-exceeds-whole", "a part is larger than its whole (`[[part]]` or inferred from `dims`)"
)
SHARES_NOT_WHOLE: Final = CodeInfo("A103", "shares-not-whole", "percentages of one breakdown cannot add up to 100")
CHECK_FAILED: Final = CodeInfo("A104", "check-failed", "a `[[check]]` expression cannot hold")
RUNNING_TOTAL_DECREASES: Final = CodeInfo(
    "T101", "running-total-decreases", "a cumulative count is lower at a later date"
)
DATED_AFTER_SOURCE: Final = CodeInfo(
    "T102",
    "dated-after-source",
    "a claim's date, or its period's end, lies after its source was published; a source cites a later one",
)
PERIOD_REVERSED: Final = CodeInfo(
    "T103", "period-reversed", "a period ends before it starts, or a running total starts after its date"
)
SUBPERIOD_EXCEEDS_PERIOD: Final = CodeInfo(
    "T104",
    "subperiod-exceeds-period",
    "a count over a period is larger than the count over a longer period that contains it",
)
RATE_CONVERSION_MISMATCH: Final = CodeInfo(
    "R101", "rate-conversion-mismatch", "one rate stated per week, month or year disagrees with itself"
)
RATE_TOTAL_MISMATCH: Final = CodeInfo(
    "R102", "rate-total-mismatch", "a rate over a period cannot produce the count stated for that period"
)
RATIO_MISMATCH: Final = CodeInfo(
    "M101", "ratio-mismatch", '"double", "three times", "tenfold" does not match the two numbers'
)
SOURCES_DISAGREE: Final = CodeInfo(
    "C101", "sources-disagree", "the same quantity has incompatible values in different sources"
)
IMPOSSIBLE_PERCENTAGE: Final = CodeInfo(
    "G101", "impossible-percentage", "no whole number out of n rounds to the stated percentage (GRIM)"
)
IMPOSSIBLE_MEAN: Final = CodeInfo(
    "G102", "impossible-mean", "no total of n whole-number answers gives the stated mean (GRIM)"
)
IMPOSSIBLE_SD: Final = CodeInfo(
    "G103", "impossible-sd", "no sample of n whole-number answers has the stated mean and standard deviation (GRIMMER)"
)
IMPOSSIBLE_BINARY_SD: Final = CodeInfo(
    "G104", "impossible-binary-sd", "the mean and standard deviation of a 0/1 variable cannot go together for n (DEBIT)"
)
P_VALUE_MISMATCH: Final = CodeInfo(
    "S101", "p-value-mismatch", "a reported p-value cannot follow from its test statistic and degrees of freedom"
)
DECISION_ERROR: Final = CodeInfo(
    "S102", "decision-error", "a reported p-value and the recomputed one fall on different sides of alpha"
)
INVALID_FILE: Final = CodeInfo("F001", "invalid-file", "TOML/JSON/CSV syntax or structure error")
INVALID_VALUE: Final = CodeInfo("F002", "invalid-value", "a quantity, date or expression that cannot be read")
UNKNOWN_REFERENCE: Final = CodeInfo(
    "F003", "unknown-reference", "a relation, `source`, `of` or `cites` names an id that does not exist"
)
DUPLICATE_ID: Final = CodeInfo("F004", "duplicate-id", "two claims or sources share an id")
UNUSED_SUPPRESSION: Final = CodeInfo("F005", "unused-suppression", "an `ignore` that suppressed nothing")

BUILTIN_CODES: Final[tuple[CodeInfo, ...]] = tuple(
    sorted(
        (
            SUM_MISMATCH,
            PART_EXCEEDS_WHOLE,
            SHARES_NOT_WHOLE,
            CHECK_FAILED,
            RUNNING_TOTAL_DECREASES,
            DATED_AFTER_SOURCE,
            PERIOD_REVERSED,
            SUBPERIOD_EXCEEDS_PERIOD,
            RATE_CONVERSION_MISMATCH,
            RATE_TOTAL_MISMATCH,
            RATIO_MISMATCH,
            SOURCES_DISAGREE,
            IMPOSSIBLE_PERCENTAGE,
            IMPOSSIBLE_MEAN,
            IMPOSSIBLE_SD,
            IMPOSSIBLE_BINARY_SD,
            P_VALUE_MISMATCH,
            DECISION_ERROR,
            INVALID_FILE,
            INVALID_VALUE,
            UNKNOWN_REFERENCE,
            DUPLICATE_ID,
            UNUSED_SUPPRESSION,
        ),
        key=lambda info: info.code,
    )
)
