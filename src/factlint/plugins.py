"""The plugin author's API: declare rules, report violations, and see how factlint finds plugins.

A plugin distribution declares one entry point per code prefix in the group `factlint.rules`:

    [project.entry-points."factlint.rules"]
    XS = "factlint_example_plugin.rules"

and defines its rules in that module:

    from factlint.plugins import Context, Violation, rule

    @rule("XS101", "quote-lacks-number", summary="a claim's quote does not state its number")
    def quote_lacks_number(claim_set, context):
        ...
        yield Violation("...", claims=[claim])

A violation may carry a `Figure` of its arithmetic for `--format html` to draw (`Bar`s of exact
intervals, each a stated number, a computed one or a fixed limit, and the `gap_between` them
that no reading closes); without one, the stated values of its claims are drawn.
"""

from factlint._codes import Severity
from factlint._figures import Bar, Figure, Role, gap_between
from factlint._plugin_finder import ENTRY_POINT_GROUP, FactlintPluginWarning, entry_points, installed_rules
from factlint._rule import Fix, Rule, RuleSet, Violation, rule
from factlint._settings import Context

__all__ = [
    "ENTRY_POINT_GROUP",
    "Bar",
    "Context",
    "FactlintPluginWarning",
    "Figure",
    "Fix",
    "Role",
    "Rule",
    "RuleSet",
    "Severity",
    "Violation",
    "entry_points",
    "gap_between",
    "installed_rules",
    "rule",
]
