"""Suppressions stated in fact files (claim-level and file-level `ignore`), and F005 for those that silence nothing."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from factlint._codes import UNUSED_SUPPRESSION
from factlint._findings import Finding, finding_of
from factlint._model import ClaimSet, Location
from factlint._output import display_path
from factlint._rule import Rule, RuleSet, Violation
from factlint._settings import Settings


@attrs.define
class _Suppression:
    code: str
    location: Location | None
    where: str
    used: bool = False

    def covers(self, code: str) -> bool:
        return code.startswith(self.code.upper())


def apply_suppressions(
    findings: Sequence[Finding],
    claim_set: ClaimSet,
    selected: Sequence[Rule],
    known: RuleSet,
    settings: Settings,
) -> list[Finding]:
    """Drop the findings that a claim or file says to ignore, then report the ignores that dropped nothing."""
    by_claim: dict[str, list[_Suppression]] = {}
    for claim in claim_set.claims:
        if claim.ignore:
            by_claim[claim.id] = [
                _Suppression(code, claim.location_of("ignore"), f"claim {claim.id}") for code in claim.ignore
            ]
    by_file: dict[str, list[_Suppression]] = {
        settings_.path: [
            _Suppression(code, settings_.location_of("ignore"), f"file {display_path(settings_.path)}")
            for code in settings_.ignore
        ]
        for settings_ in claim_set.files
        if settings_.ignore
    }

    kept = []
    for finding in findings:
        suppressions = [s for ref in finding.claims for s in by_claim.get(ref.id, ())]
        if finding.location is not None:
            suppressions += by_file.get(finding.location.path, [])
        matching = [suppression for suppression in suppressions if suppression.covers(finding.code)]
        for suppression in matching:
            suppression.used = True
        if not matching:
            kept.append(finding)

    unused_rule = known.get(UNUSED_SUPPRESSION.code)
    if unused_rule is None or unused_rule not in selected:
        return kept
    selected_codes = {chosen.code for chosen in selected}
    for suppressions in [*by_claim.values(), *by_file.values()]:
        for suppression in suppressions:
            if suppression.used:
                continue
            if not known.is_known_selector(suppression.code):
                message = f"{suppression.where} ignores {suppression.code}, which is not a known rule code"
            elif not any(code.startswith(suppression.code.upper()) for code in selected_codes):
                continue  # the rule did not run, so whether it would fire is unknown
            else:
                message = f"{suppression.where} ignores {suppression.code}, but no {suppression.code} finding was there to silence"
            kept.append(finding_of(unused_rule, Violation(message, location=suppression.location), settings))
    return kept
