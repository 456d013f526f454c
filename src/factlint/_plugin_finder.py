"""Third-party rules: the entry points of the group `factlint.rules`, found and loaded into a `RuleSet`.

A plugin distribution declares one entry point per code prefix, as flake8 plugins do:

    [project.entry-points."factlint.rules"]
    XS = "factlint_example_plugin.rules"

The entry point's name is the prefix every code of the plugin starts with; its value is the
module that defines the rules with `@factlint.plugins.rule` (or a single rule, or a list of
them). factlint collects the `Rule` values of that module and adds each one, with the
distribution's name as its origin, unless its code does not start with the prefix or is
already taken (by a built-in rule or another plugin). Such a rule, or a module that fails to
import, is left out with one warning naming the plugin; everything else still runs.
"""

from __future__ import annotations

import functools
import os
import re
import sys
import warnings
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import attrs

from factlint._rule import Rule, RuleSet
from factlint._rules import builtin_rules

if TYPE_CHECKING:
    from importlib import metadata

__all__ = ["ENTRY_POINT_GROUP", "FactlintPluginWarning", "entry_points", "installed_rules", "rules_from"]

ENTRY_POINT_GROUP = "factlint.rules"

# A prefix is capital letters, optionally followed by digits (`XS`, `XS1`).
_PREFIX = re.compile(r"[A-Z]+[0-9]*")


class FactlintPluginWarning(UserWarning):
    """A plugin, or one of its rules, that factlint left out; the message names the plugin and why."""


def entry_points() -> list[metadata.EntryPoint]:
    """The installed `factlint.rules` entry points, each once, in a stable order."""
    if not _plugin_declared():
        return []
    # Imported here: it is slow to import, and only a run that needs the plugins pays for it.
    from importlib import metadata

    unique = {(point.name, point.value): point for point in metadata.entry_points(group=ENTRY_POINT_GROUP)}
    return sorted(unique.values(), key=lambda point: (point.name, point.value))


def _plugin_declared() -> bool:
    """Whether a distribution on sys.path may declare a `factlint.rules` entry point.

    A look into each metadata folder's entry_points.txt for the group's name: a few file
    reads, where importlib.metadata costs a large import and a parse of every distribution's
    metadata, on every run. Anything this look cannot read (a zip on sys.path) counts as a
    plugin, so that importlib.metadata decides.
    """
    for entry in sys.path:
        folder = entry or "."
        try:
            with os.scandir(folder) as found:
                names = [item.name for item in found if item.name.endswith((".dist-info", ".egg-info"))]
        except NotADirectoryError:
            return True
        except OSError:
            continue
        for name in names:
            try:
                with open(os.path.join(folder, name, "entry_points.txt"), "rb") as stream:
                    if ENTRY_POINT_GROUP.encode() in stream.read():
                        return True
            except OSError:
                continue
    return False


@functools.cache
def installed_rules() -> RuleSet:
    """The built-in rules and the rules of every installed plugin, found once per process.

    A plugin left out is issued as a `FactlintPluginWarning` the first time, and is listed
    in the rule set's `warnings` (the command line prints them).
    """
    rules = rules_from(entry_points(), builtin_rules())
    for problem in rules.warnings:
        warnings.warn(problem, FactlintPluginWarning, stacklevel=2)
    return rules


def rules_from(points: Iterable[metadata.EntryPoint], base: RuleSet) -> RuleSet:
    """`base` with the rules of these entry points added, and a warning for each one left out."""
    added: list[Rule] = []
    problems: list[str] = []
    for point in points:
        plugin = _describe(point)
        if not _PREFIX.fullmatch(point.name):
            problems.append(
                f"{plugin} not loaded: the entry point's name must be a rule code prefix "
                "such as XS (capital letters, then optional digits)"
            )
            continue
        try:
            declared = list(_declared_rules(point.load()))
        except Exception as error:
            reason = " ".join(str(error).split())
            detail = f"{type(error).__name__}: {reason}" if reason else type(error).__name__
            problems.append(f"{plugin} failed to load: {detail}; its rules are not run")
            continue
        origin = _distribution(point)
        for found in declared:
            taken = base.get(found.code) or next((known for known in added if known.code == found.code), None)
            if not found.code.startswith(point.name):
                refusal = f"its code does not start with the plugin's prefix {point.name}"
            elif taken is not None:
                refusal = f"the code is already taken by {taken.name} of {taken.origin}"
            else:
                added.append(attrs.evolve(found, origin=origin))
                continue
            problems.append(f"{plugin}: rule {found.code} ({found.name}) not loaded: {refusal}")
    return RuleSet([*base.rules, *added], warnings=[*base.warnings, *problems])


def _declared_rules(loaded: object) -> Iterator[Rule]:
    """The rules an entry point names: a rule, a list of rules, or a module's rules in the order defined."""
    if isinstance(loaded, Rule):
        yield loaded
    elif isinstance(loaded, (list, tuple)):
        yield from (item for item in loaded if isinstance(item, Rule))
    else:
        seen: set[str] = set()
        for value in vars(loaded).values():
            if isinstance(value, Rule) and value.code not in seen:
                seen.add(value.code)
                yield value


def _distribution(point: metadata.EntryPoint) -> str:
    dist = getattr(point, "dist", None)
    return dist.name if dist is not None else point.module.split(".")[0]


def _describe(point: metadata.EntryPoint) -> str:
    """How a warning names a plugin: 'plugin XS of factlint-example-plugin (XS = factlint_example_plugin.rules)'."""
    dist = getattr(point, "dist", None)
    provider = f" of {dist.name}" if dist is not None else ""
    return f"plugin {point.name}{provider} ({point.name} = {point.value})"
