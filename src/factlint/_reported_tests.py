"""Reported test results in APA style ("t(28) = 2.20, p = .04"): reading them, and finding them in free text."""

from __future__ import annotations

import enum
import re
from fractions import Fraction

import attrs

from factlint._echo import quoted
from factlint._intervals import Interval
from factlint._patterns import lazy_pattern
from factlint._quantities import MAX_EXPONENT, Quantity, QuantityError, Reading, exponent_too_large

__all__ = [
    "PComparison",
    "ReportedTest",
    "ReportedTestError",
    "StatedNumber",
    "TestKind",
    "find_reported_tests",
    "looks_like_reported_test",
    "parse_reported_test",
    "reported_test_quantity",
]


class ReportedTestError(QuantityError):
    """A text that names a test result but cannot be read as one; str() is a plain message for a user."""


class TestKind(enum.Enum):
    """Which test a result reports, and so which distribution its p-value comes from."""

    __test__ = False  # not a pytest test class, whatever its name

    T = "t"
    F = "F"
    R = "r"
    CHI2 = "χ2"
    Z = "z"
    Q = "Q"  # Cochran's or a meta-analytic Q: χ2-distributed with its df

    @property
    def degrees_of_freedom(self) -> int:
        """How many degrees of freedom the test states: F has two, z none."""
        return {TestKind.F: 2, TestKind.Z: 0}.get(self, 1)

    @property
    def symmetric(self) -> bool:
        """Its two-tailed p halves to a one-tailed one: the statistic has a sign (t, r, z)."""
        return self in (TestKind.T, TestKind.R, TestKind.Z)


class PComparison(enum.Enum):
    """How the p-value is reported: `p = .04`, `p < .05`, `ns`."""

    EQUAL = "="
    LESS = "<"
    AT_MOST = "≤"
    GREATER = ">"
    AT_LEAST = "≥"
    NOT_SIGNIFICANT = "ns"


@attrs.frozen
class StatedNumber:
    """A number as written in a result ("2.20", ".04", "45.3"): its exact value and its stated decimals."""

    text: str
    value: Fraction
    decimals: int
    # A power of ten it is written with ("1.34 × 10-11", "1.34e-11"): its digits count before it.
    exponent: int = 0

    @classmethod
    def read(cls, text: str) -> StatedNumber:
        plain = text.replace("−", "-").replace("–", "-").replace(" ", "").replace(",", "")
        power = _POWER.search(plain)
        exponent = 0
        if power is not None:
            if exponent_too_large(power["exponent"][1:]):
                raise ReportedTestError(f"the power of ten in {quoted(text.strip())} is beyond ±{MAX_EXPONENT:,}, too large to read")
            exponent = int(power["exponent"])
            plain = plain[: power.start()]
        _, _, part = plain.partition(".")
        return cls(text=text.strip(), value=Fraction(plain) * Fraction(10) ** exponent, decimals=len(part), exponent=exponent)

    @property
    def half_unit(self) -> Fraction:
        """Half a unit of its last stated digit: what rounding to that digit may have moved it."""
        return Fraction(1, 2 * 10**self.decimals) * Fraction(10) ** self.exponent

    @property
    def is_whole(self) -> bool:
        return self.decimals == 0


@attrs.frozen
class ReportedTest:
    """One reported result: the test, its degrees of freedom and statistic as stated, and the p-value as reported."""

    text: str
    kind: TestKind
    statistic: StatedNumber
    comparison: PComparison
    df: tuple[StatedNumber, ...] = ()
    p: StatedNumber | None = None
    # The sample size a χ2 test states beside its df ("χ2(1, N = 120)"); the p-value does not need it.
    n: int | None = None
    # 1 or 2 when the result itself says "one-tailed" or "two-tailed", else None.
    tails: int | None = None

    @property
    def heading(self) -> str:
        """The test and its statistic as a reader writes it: 't(28) = 2.20'."""
        df = f"({', '.join(number.text for number in self.df)}{f', N = {self.n}' if self.n is not None else ''})"
        return f"{self.kind.value}{df if self.df else ''} = {self.statistic.text}"

    @property
    def reported_p(self) -> str:
        """The p-value as reported: 'p = .04', 'p < .05' or 'ns'."""
        if self.p is None:
            return "ns"
        return f"p {self.comparison.value} {self.p.text}"


# The one table of how each test is written; matched case-sensitively where case tells
# tests apart (F, Q), and case-insensitively for the names of χ2.
_TEST_NAMES: dict[TestKind, str] = {
    TestKind.T: r"t",
    TestKind.F: r"F",
    TestKind.R: r"r",
    TestKind.CHI2: r"(?:χ|Χ|chi|Chi|CHI|X|x)(?:2|²|\s*-\s*squared?|\s+squared?)|chi-?square",
    TestKind.Z: r"[zZ]",
    TestKind.Q: r"Q",
}
_NUMBER = r"[-−–]?\s?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?"
# A p-value may be written with a power of ten: "1.34 × 10-11", "1.34 x 10^-11", "1.34e-11".
_P_NUMBER = _NUMBER + r"(?:\s?[×x*]\s?10\^?[-−–]\d+|[eE][-−–]\d+)?"
_POWER = lazy_pattern(r"(?:[×x*]10\^?|[eE])(?P<exponent>-\d+)$")
_DF = r"\d+(?:\.\d+)?"
_P_SIGNS: dict[str, PComparison] = {
    "=": PComparison.EQUAL,
    "<": PComparison.LESS,
    "<=": PComparison.AT_MOST,
    "≤": PComparison.AT_MOST,
    "=<": PComparison.AT_MOST,
    ">": PComparison.GREATER,
    ">=": PComparison.AT_LEAST,
    "≥": PComparison.AT_LEAST,
    "=>": PComparison.AT_LEAST,
}
_TEST = lazy_pattern(
    r"(?<![\w.])(?P<name>" + "|".join(f"(?P<{kind.name}>{pattern})" for kind, pattern in _TEST_NAMES.items()) + r")"
    r"\s*(?:\(\s*(?P<df>" + _DF + r"(?:\s*,\s*" + _DF + r")?)"
    r"(?:\s*,\s*N\s*=\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+))?\s*\))?"
    r"\s*=\s*(?P<statistic>" + _NUMBER + r")"
    r"\s*[,;]\s*"
    r"(?:(?P<ns>n\.\s?s\.|ns\b|n\.s\b)|p\s*(?P<sign><=|>=|=<|=>|[=<>≤≥])\s*(?P<p>" + _P_NUMBER + r"))"
    r"(?:\s*[,;]?\s*\(?\s*(?P<tails>one|two|1|2)[- ]?(?:tailed|sided)\b\s*\)?)?"
)
# What a text must start with to be meant as a result: a test's name, its df or its statistic.
_LOOKS_LIKE_TEST = lazy_pattern(
    r"\s*(?:" + "|".join(_TEST_NAMES.values()) + r")\s*(?:\(\s*\d|=\s*[-−–]?\s?[\d.])"
)


def looks_like_reported_test(text: str) -> bool:
    """The text starts as a result does ("t(28)", "z = 2.41"): it is meant as one, even if it cannot be read."""
    return bool(_LOOKS_LIKE_TEST.match(text))


def parse_reported_test(text: str) -> ReportedTest:
    """Read one APA-style result, the whole text: 't(28) = 2.20, p = .04', 'F(2, 57) = 3.10, p < .05', 'z = 2.41, ns'.

    Raises ReportedTestError with a plain message when the text is not one result.
    """
    if not isinstance(text, str):
        raise ReportedTestError(f"a reported test must be text such as 't(28) = 2.20, p = .04', not {text!r}")
    stripped = text.strip().rstrip(".;,)")
    match = _TEST.match(stripped)
    if match is None or match.end() != len(stripped):
        raise ReportedTestError(
            f"cannot read {text!r} as a reported test: expected, for example, 't(28) = 2.20, p = .04', "
            "'F(2, 57) = 3.10, p < .05', 'r(97) = .17, p = .084', 'χ2(1, N = 120) = 4.20, p = .04' or 'z = 2.41, ns'"
        )
    return _test_of(match, text.strip())


def find_reported_tests(text: str) -> list[tuple[int, int, ReportedTest]]:
    """Every APA-style result in a free text, in order: (start, end, test), with text[start:end] the result as written.

    A result needs its statistic and its p-value ("t(28) = 2.20, p = .04"); a statistic
    without p, or a test without the degrees of freedom it needs, is not a result here.
    """
    found = []
    for match in _TEST.finditer(text):
        try:
            test = _test_of(match, match[0])
        except ReportedTestError:
            continue
        found.append((match.start(), match.end(), test))
    return found


def _test_of(match: re.Match[str], text: str) -> ReportedTest:
    kind = next(kind for kind in TestKind if match[kind.name] is not None)
    df = tuple(StatedNumber.read(part) for part in match["df"].split(",")) if match["df"] else ()
    if len(df) != kind.degrees_of_freedom:
        wanted = {0: "no degrees of freedom", 1: "one degree-of-freedom number", 2: "two degrees of freedom"}
        raise ReportedTestError(
            f"{kind.value} needs {wanted[kind.degrees_of_freedom]}, as in "
            f"{_EXAMPLES[kind]!r}, but {text!r} states {len(df)}"
        )
    if any(number.value <= 0 for number in df):
        raise ReportedTestError(f"degrees of freedom must be positive, in {text!r}")
    statistic = _number(match["statistic"], text, "statistic")
    if kind is TestKind.R and abs(statistic.value) > 1:
        raise ReportedTestError(f"a correlation lies between -1 and 1, but {text!r} states r = {statistic.text}")
    if kind in (TestKind.F, TestKind.CHI2, TestKind.Q) and statistic.value < 0:
        raise ReportedTestError(f"{kind.value} cannot be negative, but {text!r} states {statistic.text}")
    if match["ns"] is not None:
        comparison, p = PComparison.NOT_SIGNIFICANT, None
    else:
        comparison, p = _P_SIGNS[match["sign"]], _number(match["p"], text, "p")
        if not 0 <= p.value <= 1:
            raise ReportedTestError(f"a p-value lies between 0 and 1, but {text!r} states p = {p.text}")
    n = int(match["n"].replace(",", "")) if match["n"] else None
    tails = None if match["tails"] is None else (1 if match["tails"] in ("one", "1") else 2)
    return ReportedTest(text=text, kind=kind, statistic=statistic, comparison=comparison, df=df, p=p, n=n, tails=tails)


def _number(written: str, text: str, what: str) -> StatedNumber:
    if not any(character.isdigit() for character in written):
        raise ReportedTestError(f"cannot read the {what} of {text!r}")
    return StatedNumber.read(written)


_EXAMPLES: dict[TestKind, str] = {
    TestKind.T: "t(28) = 2.20, p = .04",
    TestKind.F: "F(2, 57) = 3.10, p < .05",
    TestKind.R: "r(97) = .17, p = .084",
    TestKind.CHI2: "χ2(1, N = 120) = 4.20, p = .04",
    TestKind.Z: "z = 2.41, p = .016",
    TestKind.Q: "Q(28) = 52.20, p = .003",
}


def reported_test_quantity(text: str) -> Quantity | None:
    """A claim value that states a test result, as a quantity: its statistic, read to its last digit.

    None when the text is not meant as a result; ReportedTestError when it is but cannot be read.
    """
    if not looks_like_reported_test(text):
        return None
    test = parse_reported_test(text)
    number = test.statistic
    return Quantity(
        text=test.text,
        nominal=number.value,
        interval=Interval(number.value - number.half_unit, number.value + number.half_unit),
        decimals=number.decimals,
        reading=Reading.REPORTED_TEST,
    )
