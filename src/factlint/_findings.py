"""Findings and the report of a run: which rule, where, the claims involved, and the arithmetic that shows it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

import attrs

from factlint._codes import Severity
from factlint._figures import Figure, stated_values
from factlint._model import Claim, ClaimSet, Location
from factlint._rule import Fix, Rule, Violation
from factlint._settings import Settings

__all__ = ["ClaimRef", "Finding", "Report", "RuleFailure", "finding_of"]


@attrs.frozen
class ClaimRef:
    """A claim named in a finding, with where it was stated and what it quoted."""

    id: str
    location: Location | None
    quote: str = ""
    # Where the claim comes from ("Mediazona, 2025-06-26") and its address, when the claim names a source.
    source: str = attrs.field(default="", eq=False)
    url: str = attrs.field(default="", eq=False)


# Named converters rather than `tuple`, so that type checkers see what each field takes.
def _text_tuple(texts: Iterable[str]) -> tuple[str, ...]:
    return tuple(texts)


def _claim_ref_tuple(claims: Iterable[ClaimRef]) -> tuple[ClaimRef, ...]:
    return tuple(claims)


def _finding_tuple(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(findings)


def _rule_tuple(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(rules)


def _failure_tuple(failures: Iterable[RuleFailure]) -> tuple[RuleFailure, ...]:
    return tuple(failures)


@attrs.frozen
class RuleFailure:
    """A plugin rule that raised an exception instead of reporting: the rule, and the error in one line.

    The other rules still ran; a report with a failure has exit code 2.
    """

    code: str
    name: str
    origin: str
    error: str

    @classmethod
    def of(cls, failed: Rule, error: BaseException) -> RuleFailure:
        detail = " ".join(str(error).split())
        return cls(failed.code, failed.name, failed.origin, f"{type(error).__name__}: {detail}" if detail else type(error).__name__)

    def __str__(self) -> str:
        return f"rule {self.code} {self.name} (from {self.origin}) failed, so its findings are missing: {self.error}"


@attrs.frozen
class Finding:
    """One reported problem: which rule, where, the claims involved, and the arithmetic that shows it."""

    code: str
    name: str
    severity: Severity
    message: str
    location: Location | None = None
    explanation: tuple[str, ...] = attrs.field(default=(), converter=_text_tuple)
    claims: tuple[ClaimRef, ...] = attrs.field(default=(), converter=_claim_ref_tuple)
    fix: Fix | None = None
    # The arithmetic as data for a drawing (`--format html`); not part of a finding's identity.
    figure: Figure | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def claim_ids(self) -> frozenset[str]:
        return frozenset(ref.id for ref in self.claims)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        if self.location is None:
            return ("", 0, 0, self.code)
        return (self.location.path, self.location.line, self.location.column, self.code)


def finding_of(chosen: Rule, violation: Violation, settings: Settings, claim_set: ClaimSet | None = None) -> Finding:
    """The finding a rule's violation becomes: the rule's code and name, the configured severity.

    `claim_set`, when given, names the source of each claim involved.
    """
    location = violation.location
    if location is None and violation.claims:
        location = violation.claims[0].location_of("value")
    return Finding(
        code=chosen.code,
        name=chosen.name,
        severity=settings.severities.get(chosen.code, violation.severity or chosen.severity),
        message=violation.message,
        location=location,
        explanation=violation.explanation,
        claims=tuple(_claim_ref(claim, claim_set) for claim in violation.claims),
        fix=violation.fix,
        figure=violation.figure or stated_values(violation.claims),
    )


def _claim_ref(claim: Claim, claim_set: ClaimSet | None) -> ClaimRef:
    source = claim_set.source_of(claim) if claim_set is not None else None
    if source is None:
        return ClaimRef(claim.id, claim.location, claim.quote, source=claim.source or "")
    return ClaimRef(claim.id, claim.location, claim.quote, source=source.label, url=source.url)


@attrs.frozen
class Report:
    """The findings of a run, in file order; iterate over it, or ask for its exit code.

    `failures`: the plugin rules that raised instead of reporting (their findings are missing).
    """

    findings: tuple[Finding, ...] = attrs.field(converter=_finding_tuple)
    rules: tuple[Rule, ...] = attrs.field(default=(), converter=_rule_tuple)
    claim_count: int = 0
    failures: tuple[RuleFailure, ...] = attrs.field(default=(), converter=_failure_tuple)

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
            failures=dict.fromkeys(failure for report in reports for failure in report.failures),
        )

    @property
    def exit_code(self) -> int:
        """2 when a rule failed, else 1 when there are findings, else 0 (as the command line exits)."""
        if self.failures:
            return 2
        return 1 if self.findings else 0

    def statistics(self) -> list[tuple[str, str, int]]:
        """(code, name, count) for each code found, most frequent first."""
        names = {finding.code: finding.name for finding in self.findings}
        counts = Counter(finding.code for finding in self.findings)
        return [(code, names[code], count) for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
