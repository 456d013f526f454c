"""The built-in rules, one module per family, gathered into one immutable `RuleSet`."""

from __future__ import annotations

import functools

from factlint._codes import INVALID_FILE, INVALID_VALUE, UNUSED_SUPPRESSION
from factlint._rule import Rule, RuleSet
from factlint._rules import arithmetic, files, granularity, rates, ratios, sources, statistics, timeline

__all__ = ["builtin_rules"]


# Found while loading (F001, F002) and while suppressing (F005), not by a check of their own.
_REPORTED_ELSEWHERE = tuple(Rule(info.code, info.name, info.summary) for info in (INVALID_FILE, INVALID_VALUE, UNUSED_SUPPRESSION))


@functools.cache
def builtin_rules() -> RuleSet:
    """factlint's own rules: every code of the code table, and nothing installed from elsewhere."""
    declared = [
        value
        for family in (arithmetic, files, granularity, rates, ratios, sources, statistics, timeline)
        for value in vars(family).values()
        if isinstance(value, Rule)
    ]
    return RuleSet([*declared, *_REPORTED_ELSEWHERE])
