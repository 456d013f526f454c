"""Rule pages: the markdown page shipped for each built-in rule code, or a plugin rule's docstring."""

from __future__ import annotations

import difflib
import inspect
import re
from collections.abc import Iterable
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factlint._rule import Rule

__all__ = ["describe", "near_matches", "page"]

# `src/factlint/rule_pages` links to the repository's `rules/` folder, one `CODE.md` a rule.
_PAGES = "rule_pages"
_FIRST_SECTION = re.compile(r"^##+\s*What it checks\s*\n(?P<body>.*?)(?=^#|\Z)", re.MULTILINE | re.DOTALL | re.IGNORECASE)


def page(rule: Rule) -> str | None:
    """The rule's markdown page, or None when neither a page nor a docstring exists."""
    if rule.origin == "factlint":
        resource = resources.files("factlint") / _PAGES / f"{rule.code}.md"
        if resource.is_file():
            return resource.read_text(encoding="utf-8")
    docstring = inspect.getdoc(rule.check) if rule.check is not None else None
    if docstring:
        return f"# {rule.code} {rule.name}\n\n{docstring}\n"
    return None


def describe(rule: Rule) -> str:
    """A paragraph on what the rule checks: the page's "What it checks" section, else the summary."""
    text = page(rule)
    if text:
        match = _FIRST_SECTION.search(text)
        if match and match.group("body").strip():
            return " ".join(match.group("body").split())
    return rule.summary


def near_matches(wanted: str, rules: Iterable[Rule]) -> list[str]:
    """Codes of the rules whose code or name looks like `wanted`, best first."""
    known_rules = list(rules)
    codes = difflib.get_close_matches(wanted.upper(), [known.code for known in known_rules], n=6, cutoff=0.6)
    by_name = {known.name: known.code for known in known_rules}
    names = difflib.get_close_matches(wanted.lower(), by_name, n=6, cutoff=0.6)
    return list(dict.fromkeys([*codes, *(by_name[name] for name in names)]))
