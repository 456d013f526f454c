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
from typing import TYPE_CHECKING, TypeVar

import attrs

from factlint._patterns import lazy_pattern
from factlint._rule import Rule, RuleSet
from factlint._rules import builtin_rules

if TYPE_CHECKING:
    from importlib import metadata

__all__ = ["ENTRY_POINT_GROUP", "FactlintPluginWarning", "entry_points", "installed_rules", "rules_from"]

ENTRY_POINT_GROUP = "factlint.rules"

# A prefix is capital letters, optionally followed by digits (`XS`, `XS1`).
_PREFIX = lazy_pattern(r"[A-Z]+[0-9]*")


class FactlintPluginWarning(UserWarning):
    """A plugin, or one of its rules, that factlint left out; the message names the plugin and why."""


def entry_points() -> list[metadata.EntryPoint]:
    """The installed `factlint.rules` entry points, each once, in a stable order."""
    return _metadata_entry_points() if _plugin_declared() else []


def _metadata_entry_points() -> list[metadata.EntryPoint]:
    # Imported here: it is slow to import, and only a run that needs the plugins pays for it.
    from importlib import metadata

    return _each_once(metadata.entry_points(group=ENTRY_POINT_GROUP))


PointT = TypeVar("PointT", "metadata.EntryPoint", "PluginEntryPoint")


def _each_once(points: Iterable[PointT]) -> list[PointT]:
    """Entry points declared more than once (by name and value) taken once, in a stable order."""
    unique = {(point.name, point.value): point for point in points}
    return sorted(unique.values(), key=lambda point: (point.name, point.value))


@attrs.frozen
class PluginEntryPoint:
    """One `factlint.rules` entry point: `name = value` in the entry_points.txt of `distribution`."""

    name: str
    value: str
    distribution: str | None = None

    @property
    def module(self) -> str:
        return self.value.partition(":")[0].strip()

    def load(self) -> object:
        """The module, or the object inside it, that the entry point names (`module` or `module:attribute`)."""
        import importlib

        found: object = importlib.import_module(self.module)
        attribute = self.value.partition(":")[2].partition("[")[0].strip()
        for part in filter(None, attribute.split(".")):
            found = getattr(found, part)
        return found


def _plugin_declared() -> bool:
    """Whether a distribution on sys.path may declare a `factlint.rules` entry point."""
    points = _read_entry_points()
    return points is None or bool(points)


# A metadata folder ("factlint_example_plugin-0.1.0.dist-info"); importlib.metadata knows a
# distribution by the name before the first "-", normalised, and takes the first one found.
_METADATA_FOLDER_SUFFIXES = (".dist-info", ".egg-info")


def _read_entry_points() -> list[PluginEntryPoint] | None:
    """The `factlint.rules` entry points on sys.path, read as importlib.metadata reads them, or None.

    A look into each metadata folder's entry_points.txt: a few file reads, where
    importlib.metadata costs a large import and a parse of every distribution's metadata, on
    every run, the pre-commit hook's included. None when sys.path holds what only
    importlib.metadata can read (a zip or an egg), so that it decides.
    """
    points: list[PluginEntryPoint] = []
    distributions_seen: set[str] = set()
    for entry in sys.path:
        folder = entry or "."
        if folder.endswith(".egg"):
            return None
        try:
            with os.scandir(folder) as found:
                names = [item.name for item in found if item.name.endswith(_METADATA_FOLDER_SUFFIXES)]
        except NotADirectoryError:
            return None
        except OSError:
            continue
        for name in names:
            distribution = re.sub(r"[-_.]+", "_", name.rpartition(".")[0].partition("-")[0]).lower()
            if distribution in distributions_seen:
                continue
            distributions_seen.add(distribution)
            declared = _declared_in(os.path.join(folder, name))
            if declared:
                points.extend(declared)
    return points


def _declared_in(metadata_folder: str) -> list[PluginEntryPoint]:
    """The `factlint.rules` entry points of one distribution's entry_points.txt (an INI file)."""
    try:
        with open(os.path.join(metadata_folder, "entry_points.txt"), "rb") as stream:
            raw = stream.read()
    except OSError:
        return []
    if ENTRY_POINT_GROUP.encode() not in raw:
        return []
    section = None
    declared: list[tuple[str, str]] = []
    for line in raw.decode("utf-8", "replace").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
        elif section == ENTRY_POINT_GROUP and "=" in line:
            name, _, value = line.partition("=")
            declared.append((name.strip(), value.strip()))
    distribution = _distribution_name(metadata_folder)
    return [PluginEntryPoint(name, value, distribution) for name, value in declared]


def _distribution_name(metadata_folder: str) -> str | None:
    """The `Name:` of a distribution's METADATA (or an egg's PKG-INFO), as importlib.metadata gives it."""
    for file_name in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(metadata_folder, file_name), encoding="utf-8", errors="replace") as stream:
                for line in stream:
                    if not line.strip():
                        break
                    if line.lower().startswith("name:"):
                        return line[5:].strip()
        except OSError:
            continue
    return None


def _installed_points() -> list[PluginEntryPoint]:
    """The installed `factlint.rules` entry points, each once, in a stable order, read without importlib.metadata where possible."""
    points = _read_entry_points()
    if points is None:  # sys.path holds what only importlib.metadata can read
        points = [_plugin_point(point) for point in _metadata_entry_points()]
    return _each_once(points)


def _plugin_point(point: metadata.EntryPoint | PluginEntryPoint) -> PluginEntryPoint:
    if isinstance(point, PluginEntryPoint):
        return point
    dist = getattr(point, "dist", None)
    return PluginEntryPoint(point.name, point.value, dist.name if dist is not None else None)


@functools.cache
def installed_rules() -> RuleSet:
    """The built-in rules and the rules of every installed plugin, found once per process.

    A plugin left out is issued as a `FactlintPluginWarning` the first time, and is listed
    in the rule set's `warnings` (the command line prints them).
    """
    rules = rules_from(_installed_points(), builtin_rules())
    for problem in rules.warnings:
        warnings.warn(problem, FactlintPluginWarning, stacklevel=2)
    return rules


def rules_from(points: Iterable[metadata.EntryPoint | PluginEntryPoint], base: RuleSet) -> RuleSet:
    """`base` with the rules of these entry points added, and a warning for each one left out."""
    added: list[Rule] = []
    problems: list[str] = []
    for point in map(_plugin_point, points):
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


def _distribution(point: PluginEntryPoint) -> str:
    return point.distribution or point.module.split(".")[0]


def _describe(point: PluginEntryPoint) -> str:
    """How a warning names a plugin: 'plugin XS of factlint-example-plugin (XS = factlint_example_plugin.rules)'."""
    provider = f" of {point.distribution}" if point.distribution is not None else ""
    return f"plugin {point.name}{provider} ({point.name} = {point.value})"
