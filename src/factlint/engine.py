"""The rule engine: the registry of coded rules, selection by code or prefix, findings and the report."""

from __future__ import annotations

import contextlib
import contextvars
import enum
import fnmatch
from collections import Counter
from typing import Callable, Iterable, Iterator, Mapping, Sequence

import attrs

from factlint.model import Claim, ClaimSet, Location, paused_cyclic_gc
from factlint.quantities import DEFAULT_TOLERANCES, Tolerances

__all__ = [
    "ClaimRef",
    "Context",
    "Finding",
    "Fix",
    "Report",
    "Rule",
    "RuleRegistry",
    "Settings",
    "Severity",
    "Violation",
    "collecting_rules",
    "lint",
    "registry",
    "rule",
]

FAMILIES: Mapping[str, str] = {
    "A": "arithmetic",
    "T": "time",
    "R": "rates",
    "M": "ratios",
    "C": "sources",
    "G": "granularity",
    "F": "files",
}


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen
class Fix:
    """A suggested correction: the one stated value that, changed, makes the relation hold."""

    description: str
    claim: str
    replacement: str
    field: str = "value"


@attrs.frozen
class Violation:
    """What a rule reports; the engine turns it into a Finding with the rule's code and name."""

    message: str
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=tuple)
    explanation: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    fix: Fix | None = None
    # Where to point; by default the value of the first claim.
    location: Location | None = None


@attrs.frozen
class ClaimRef:
    """A claim named in a finding, with where it was stated and what it quoted."""

    id: str
    location: Location | None
    quote: str = ""


@attrs.frozen
class Finding:
    """One reported problem: which rule, where, the claims involved, and the arithmetic that shows it."""

    code: str
    name: str
    severity: Severity
    message: str
    location: Location | None = None
    explanation: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    claims: tuple[ClaimRef, ...] = attrs.field(default=(), converter=tuple)
    fix: Fix | None = None

    @property
    def claim_ids(self) -> frozenset[str]:
        return frozenset(ref.id for ref in self.claims)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        if self.location is None:
            return ("", 0, 0, self.code)
        return (self.location.path, self.location.line, self.location.column, self.code)


@attrs.frozen
class Settings:
    """How a run reads numbers and which findings it keeps (from configuration, or defaults)."""

    tolerances: Tolerances = DEFAULT_TOLERANCES
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # glob pattern -> codes or prefixes to ignore in files matching it
    per_file_ignores: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    severities: Mapping[str, Severity] = attrs.field(factory=dict)


@attrs.frozen
class Context:
    """What a rule sees besides the claims: the run's settings."""

    settings: Settings = attrs.field(factory=Settings)

    @property
    def tolerances(self) -> Tolerances:
        return self.settings.tolerances


CheckFunction = Callable[[ClaimSet, Context], Iterable[Violation]]


@attrs.frozen
class Rule:
    """A coded rule: `A101` `sum-mismatch`, its family, default severity, summary and check."""

    code: str
    name: str
    summary: str
    check: CheckFunction | None = attrs.field(default=None, eq=False, repr=False)
    severity: Severity = Severity.ERROR
    # "factlint" for built-in rules, else the distribution that provides the plugin
    origin: str = "factlint"

    @property
    def family(self) -> str:
        letters = self.code.rstrip("0123456789")
        return FAMILIES.get(letters, letters.lower()) if self.origin == "factlint" else self.origin


class RuleRegistry:
    """All known rules by code; selection by code or prefix, like ruff."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}

    def register(self, new_rule: Rule) -> Rule:
        existing = self._rules.get(new_rule.code)
        if existing is not None and existing != new_rule:
            raise ValueError(
                f"rule code {new_rule.code} of {new_rule.origin} clashes with {existing.name} of {existing.origin}"
            )
        self._rules[new_rule.code] = new_rule
        return new_rule

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self._rules.values(), key=lambda known: known.code))

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, code: object) -> bool:
        return code in self._rules

    def get(self, code: str) -> Rule | None:
        return self._rules.get(code.upper())

    def is_known_selector(self, selector: str) -> bool:
        """A code or a prefix of at least one registered code ("ALL" selects everything)."""
        selector = selector.upper()
        return selector == "ALL" or any(code.startswith(selector) for code in self._rules)

    def selected(
        self,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] = (),
        extend_select: Sequence[str] = (),
    ) -> list[Rule]:
        """The rules a run uses: all by default; the most specific selector wins, as in ruff."""
        chosen = []
        for known in self:
            include = _specificity(known.code, select if select is not None else ("ALL",))
            include = max(include, _specificity(known.code, extend_select))
            exclude = _specificity(known.code, ignore)
            if include >= 0 and include > exclude:
                chosen.append(known)
        return chosen


def _specificity(code: str, selectors: Sequence[str]) -> int:
    """How closely the selectors name a code: -1 not at all, else the length of the best prefix."""
    best = -1
    for selector in selectors:
        selector = selector.upper()
        if selector == "ALL":
            best = max(best, 0)
        elif code.startswith(selector):
            best = max(best, len(selector))
    return best


registry = RuleRegistry()

# While a plugin is imported, the rules it declares go to a staging registry first (see
# `collecting_rules`), so that factlint can check them before they join `registry`.
_staging: contextvars.ContextVar[RuleRegistry | None] = contextvars.ContextVar("factlint_staging", default=None)


@contextlib.contextmanager
def collecting_rules() -> Iterator[RuleRegistry]:
    """Send the rules declared with `rule` (without `into`) to a fresh registry while the block runs.

    >>> with collecting_rules() as staged:
    ...     @rule("X101", "always-fine", summary="never fires")
    ...     def always_fine(claim_set, context):
    ...         return []
    >>> [known.code for known in staged], registry.get("X101")
    (['X101'], None)
    """
    staged = RuleRegistry()
    token = _staging.set(staged)
    try:
        yield staged
    finally:
        _staging.reset(token)


def rule(
    code: str,
    name: str,
    *,
    summary: str,
    severity: Severity = Severity.ERROR,
    origin: str | None = None,
    into: RuleRegistry | None = None,
) -> Callable[[CheckFunction], CheckFunction]:
    """Declare a rule: decorate a function `(claim_set, context) -> Iterable[Violation]`.

    `origin` names who provides it; by default the top-level package of the function.
    The rule joins `into`, else the registry of `collecting_rules` while one collects, else `registry`.

    >>> @rule("X101", "always-fine", summary="never fires", into=RuleRegistry())
    ... def always_fine(claim_set, context):
    ...     return []
    """

    def register(check: CheckFunction) -> CheckFunction:
        target = into if into is not None else _staging.get()
        (target if target is not None else registry).register(
            Rule(
                code=code,
                name=name,
                summary=summary,
                check=check,
                severity=severity,
                origin=origin or _origin_of(check),
            )
        )
        return check

    return register


def _origin_of(check: CheckFunction) -> str:
    return (getattr(check, "__module__", None) or "unknown").split(".")[0]


@attrs.frozen
class Report:
    """The findings of a run, in file order; iterate over it, or ask for its exit code."""

    findings: tuple[Finding, ...] = attrs.field(converter=tuple)
    rules: tuple[Rule, ...] = attrs.field(default=(), converter=tuple)
    claim_count: int = 0

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __bool__(self) -> bool:
        return bool(self.findings)

    @classmethod
    def combine(cls, reports: Iterable[Report]) -> Report:
        """One report of several runs (the command line checks each folder on its own)."""
        reports = list(reports)
        findings = sorted((finding for report in reports for finding in report), key=lambda finding: finding.sort_key)
        rules = {chosen.code: chosen for report in reports for chosen in report.rules}
        return cls(
            findings=findings,
            rules=[rules[code] for code in sorted(rules)],
            claim_count=sum(report.claim_count for report in reports),
        )

    @property
    def exit_code(self) -> int:
        return 1 if self.findings else 0

    def statistics(self) -> list[tuple[str, str, int]]:
        """(code, name, count) for each code found, most frequent first."""
        names = {finding.code: finding.name for finding in self.findings}
        counts = Counter(finding.code for finding in self.findings)
        return [(code, names[code], count) for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


@paused_cyclic_gc()
def lint(
    claim_set: ClaimSet,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    extend_select: Sequence[str] | None = None,
    settings: Settings | None = None,
    rules: RuleRegistry | None = None,
) -> Report:
    """Run the selected rules over a claim set and return what cannot all be true.

    Arguments given here override the same fields of `settings`.
    """
    from factlint import rules as _builtin_rules  # noqa: F401  (registers the built-in rules)
    from factlint.suppression import apply_suppressions

    if rules is None:
        from factlint.plugins import load_plugins

        load_plugins()

    settings = settings or Settings()
    settings = attrs.evolve(
        settings,
        select=tuple(select) if select is not None else settings.select,
        ignore=tuple(ignore) if ignore is not None else settings.ignore,
        extend_select=tuple(extend_select) if extend_select is not None else settings.extend_select,
    )
    known = rules if rules is not None else registry
    selected = known.selected(settings.select, settings.ignore, settings.extend_select)
    context = Context(settings=settings)

    findings: list[Finding] = []
    for problem in claim_set.problems:
        problem_rule = known.get(problem.code)
        if problem_rule is not None and problem_rule in selected:
            findings.append(_finding(problem_rule, Violation(problem.message, location=problem.location), settings))
    seen: set[tuple[str, frozenset[str], str]] = set()
    for chosen in selected:
        if chosen.check is None:
            continue
        for violation in chosen.check(claim_set, context):
            finding = _finding(chosen, violation, settings)
            # Inference must never repeat what an explicit relation already reported.
            key = (finding.code, finding.claim_ids, "" if finding.claim_ids else finding.message)
            if key in seen:
                continue
            seen.add(key)
            findings.append(finding)

    findings = [finding for finding in findings if not _ignored_for_file(finding, settings)]
    findings = apply_suppressions(findings, claim_set, selected, known, settings)
    findings.sort(key=lambda finding: finding.sort_key)
    return Report(findings=findings, rules=selected, claim_count=len(claim_set))


def _finding(chosen: Rule, violation: Violation, settings: Settings) -> Finding:
    location = violation.location
    if location is None and violation.claims:
        location = violation.claims[0].location_of("value")
    return Finding(
        code=chosen.code,
        name=chosen.name,
        severity=settings.severities.get(chosen.code, chosen.severity),
        message=violation.message,
        location=location,
        explanation=violation.explanation,
        claims=tuple(ClaimRef(claim.id, claim.location, claim.quote) for claim in violation.claims),
        fix=violation.fix,
    )


def _ignored_for_file(finding: Finding, settings: Settings) -> bool:
    if finding.location is None or not settings.per_file_ignores:
        return False
    for pattern, codes in settings.per_file_ignores.items():
        if _path_matches(finding.location.path, pattern) and _specificity(finding.code, codes) >= 0:
            return True
    return False


def _path_matches(path: str, pattern: str) -> bool:
    normal = path.replace("\\", "/")
    return fnmatch.fnmatch(normal, pattern) or fnmatch.fnmatch(normal, f"*/{pattern}") or fnmatch.fnmatch(
        normal.rsplit("/", 1)[-1], pattern
    )
