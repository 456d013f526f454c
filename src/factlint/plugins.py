"""Third-party rules: the entry point group `factlint.rules`, loaded once per process, lazily.

A plugin distribution declares one entry point per code prefix, as flake8 plugins do:

    [project.entry-points."factlint.rules"]
    XS = "factlint_example_plugin.rules"

The entry point's name is the prefix every code of the plugin starts with; its value is the
module that declares the rules with `@factlint.rule` (without `into`). factlint imports the
module while collecting its rules apart, then adds each rule to the registry with the
distribution's name as its origin, unless its code does not start with the prefix or is
already taken (by a built-in rule or another plugin). Such a rule, or a module that fails to
import, is left out with one warning naming the plugin; everything else still runs.

Warnings are `FactlintPluginWarning`s for library users; the command line prints them to
stderr as `factlint: warning: ...`.
"""

from __future__ import annotations

import re
import threading
import warnings
from importlib import metadata
from typing import Iterable

import attrs

from factlint.engine import Rule, RuleRegistry, collecting_rules, registry

__all__ = ["ENTRY_POINT_GROUP", "FactlintPluginWarning", "entry_points", "load_plugins"]

ENTRY_POINT_GROUP = "factlint.rules"

# A prefix is capital letters, optionally followed by digits (`XS`, `XS1`); a code is a prefix
# followed by digits, like the built-in codes, so that selection by prefix finds it.
_PREFIX = re.compile(r"[A-Z]+[0-9]*")
_CODE = re.compile(r"[A-Z]+[0-9]+")

_lock = threading.RLock()
_problems: tuple[str, ...] | None = None


class FactlintPluginWarning(UserWarning):
    """A plugin, or one of its rules, that factlint left out; the message names the plugin and why."""


def entry_points() -> list[metadata.EntryPoint]:
    """The installed `factlint.rules` entry points, each once, in a stable order."""
    unique = {(point.name, point.value): point for point in metadata.entry_points(group=ENTRY_POINT_GROUP)}
    return sorted(unique.values(), key=lambda point: (point.name, point.value))


def load_plugins() -> tuple[str, ...]:
    """Register the rules of every installed plugin into `factlint.registry`, once per process.

    Returns the warnings of that load (the same ones on every call); each was also issued
    as a `FactlintPluginWarning` when the plugins were loaded.
    """
    global _problems
    with _lock:
        if _problems is None:
            from factlint import rules  # noqa: F401  (built-in rules first: they win every clash)

            # A plugin that lints while it is imported must not start another load.
            _problems = ()
            _problems = tuple(_load(entry_points(), registry))
            for problem in _problems:
                warnings.warn(problem, FactlintPluginWarning, stacklevel=2)
        return _problems


def _load(points: Iterable[metadata.EntryPoint], into: RuleRegistry) -> Iterable[str]:
    for point in points:
        plugin = _describe(point)
        if not _PREFIX.fullmatch(point.name):
            yield (
                f"{plugin} not loaded: the entry point's name must be a rule code prefix "
                "such as XS (capital letters, then optional digits)"
            )
            continue
        try:
            with collecting_rules() as staged:
                point.load()
        except Exception as error:  # noqa: BLE001  (any failure of third-party code leaves that plugin out)
            reason = " ".join(str(error).split())
            detail = f"{type(error).__name__}: {reason}" if reason else type(error).__name__
            yield f"{plugin} failed to load: {detail}; its rules are not run"
            continue
        origin = _distribution(point)
        for declared in staged:
            problem = _refusal(declared, point.name, into)
            if problem is not None:
                yield f"{plugin}: rule {declared.code} ({declared.name}) not loaded: {problem}"
                continue
            into.register(attrs.evolve(declared, origin=origin))


def _refusal(declared: Rule, prefix: str, into: RuleRegistry) -> str | None:
    if not _CODE.fullmatch(declared.code):
        return "a code is capital letters followed by digits"
    if not declared.code.startswith(prefix):
        return f"its code does not start with the plugin's prefix {prefix}"
    existing = into.get(declared.code)
    if existing is not None:
        return f"the code is already taken by {existing.name} of {existing.origin}"
    return None


def _distribution(point: metadata.EntryPoint) -> str:
    dist = getattr(point, "dist", None)
    return dist.name if dist is not None else point.module.split(".")[0]


def _describe(point: metadata.EntryPoint) -> str:
    """How a warning names a plugin: 'plugin XS of factlint-example-plugin (XS = factlint_example_plugin.rules)'."""
    dist = getattr(point, "dist", None)
    provider = f" of {dist.name}" if dist is not None else ""
    return f"plugin {point.name}{provider} ({point.name} = {point.value})"
