"""The engine: run the selected rules over a claim set, drop what is suppressed, and report the rest."""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence

from factlint._findings import Finding, Report, RuleFailure, finding_of
from factlint._model import ClaimSet
from factlint._rule import Rule, RuleSet, Violation, specificity
from factlint._rules import builtin_rules
from factlint._settings import Context, Settings, layered
from factlint._suppression import apply_suppressions
from factlint._truncation import with_truncation_notes

__all__ = ["lint"]


def lint(
    claim_set: ClaimSet,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    extend_select: Sequence[str] | None = None,
    settings: Settings | None = None,
    rules: RuleSet | None = None,
) -> Report:
    """Run the selected rules over a claim set and return what cannot all be true.

    `rules` defaults to the built-in rules alone, so that a library call gives the same
    result whatever else is installed; pass `factlint.installed_rules()` to run the
    installed plugins' rules too (the command line does). `select`, `ignore` and
    `extend_select` are layered over `settings` exactly as the command line layers its
    options over the configuration file. A plugin rule that raises is recorded in the
    report's `failures` and the other rules still run; a built-in rule that raises is a bug
    in factlint, and its exception propagates.
    """
    if not isinstance(claim_set, ClaimSet):
        hint = " (load fact files first: factlint.lint(factlint.load(paths)))" if isinstance(claim_set, str) or hasattr(claim_set, "__fspath__") else ""
        raise TypeError(f"lint() takes a ClaimSet, not {type(claim_set).__name__}{hint}")
    if settings is not None and not isinstance(settings, Settings):
        raise TypeError(f"settings must be a factlint Settings, not {type(settings).__name__}")
    known = builtin_rules() if rules is None else rules
    if not isinstance(known, RuleSet):
        raise TypeError(f"rules must be a RuleSet (factlint.builtin_rules(), factlint.installed_rules()), not {type(known).__name__}")
    if select is not None and not isinstance(select, str):
        select = tuple(select)
        if not select:
            raise ValueError("select: no rule selected; name codes or prefixes such as ['A', 'T101'], or pass None to run every rule")
    settings = layered(
        settings or Settings(),
        select=known.check_selectors("select", select),
        extend_select=known.check_selectors("extend_select", extend_select),
        ignore=known.check_selectors("ignore", ignore),
    )
    selected = known.selected(settings.select, settings.ignore, settings.extend_select)
    context = Context(settings=settings)

    findings: list[Finding] = []
    for problem in claim_set.problems:
        problem_rule = known.get(problem.code)
        if problem_rule is not None and problem_rule in selected:
            findings.append(finding_of(problem_rule, Violation(problem.message, location=problem.location), settings))
    seen: set[tuple[str, frozenset[str], str]] = set()
    failures: list[RuleFailure] = []
    for chosen in selected:
        try:
            violations = list(chosen(claim_set, context))
        except Exception as error:
            if _is_builtin(chosen):
                raise
            failures.append(RuleFailure.of(chosen, error))
            continue
        for violation in with_truncation_notes(chosen, violations, claim_set, context):
            finding = finding_of(chosen, violation, settings, claim_set)
            # Inference must never repeat what an explicit relation already reported.
            key = (finding.code, finding.claim_ids, "" if finding.claim_ids else finding.message)
            if key in seen:
                continue
            seen.add(key)
            findings.append(finding)

    findings = [finding for finding in findings if not _ignored_for_file(finding, settings)]
    # A failed rule did not run, so whether an ignore of its code is used is unknown.
    failed = {failure.code for failure in failures}
    ran = [chosen for chosen in selected if chosen.code not in failed]
    findings = apply_suppressions(findings, claim_set, ran, known, settings)
    findings.sort(key=lambda finding: finding.sort_key)
    return Report(findings=findings, rules=selected, claim_count=len(claim_set), failures=failures)


def _is_builtin(chosen: Rule) -> bool:
    return chosen.check is not None and getattr(chosen.check, "__module__", "").startswith("factlint._rules")


def _ignored_for_file(finding: Finding, settings: Settings) -> bool:
    if finding.location is None or not settings.per_file_ignores:
        return False
    for pattern, codes in settings.per_file_ignores.items():
        if _path_matches(finding.location.path, pattern) and specificity(finding.code, codes) >= 0:
            return True
    return False


def _path_matches(path: str, pattern: str) -> bool:
    normal = path.replace("\\", "/")
    return (
        fnmatch.fnmatch(normal, pattern)
        or fnmatch.fnmatch(normal, f"*/{pattern}")
        or fnmatch.fnmatch(normal.rsplit("/", 1)[-1], pattern)
    )
