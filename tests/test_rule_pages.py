"""The rule pages in `rules/`: one per built-in code, in the agreed format, and every example does what it promises."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import factlint
from factlint import lint
from factlint._loading import loads

PAGES = Path(__file__).resolve().parent.parent / "rules"
_BLOCK = re.compile(r"^```toml expect=(?P<expect>[A-Z0-9,\s]+|none)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)


def _builtin_codes() -> set[str]:
    return {known.code for known in factlint.builtin_rules() if known.origin == "factlint"}


def _pages() -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(PAGES.glob("*.md"))}


def _examples() -> list[tuple[str, int, frozenset[str], str]]:
    found = []
    for code, text in _pages().items():
        for index, match in enumerate(_BLOCK.finditer(text)):
            expect = match["expect"].strip()
            codes = frozenset() if expect == "none" else frozenset(part.strip() for part in expect.split(","))
            found.append((code, index, codes, match["body"]))
    return found


def test_every_builtin_rule_has_a_page_and_every_page_a_rule():
    assert set(_pages()) == _builtin_codes()


@pytest.mark.parametrize("code", sorted(_builtin_codes()))
def test_a_page_has_the_agreed_heading_and_sections(code):
    text = _pages()[code]
    rule = factlint.builtin_rules().get(code)
    assert text.startswith(f"# {code} {rule.name}\n\nFamily: {rule.family} · Default severity: {rule.severity.value}\n")
    sections = re.findall(r"^## (.+)$", text, re.MULTILINE)
    assert sections == ["What it checks", "Why it matters", "Example", "Use instead"]


@pytest.mark.parametrize("code", sorted(_builtin_codes()))
def test_a_page_shows_its_rule_firing_and_a_clean_file(code):
    promised = [codes for page, _, codes, _ in _examples() if page == code]
    assert frozenset({code}) in promised, f"{code}.md has no ```toml expect={code} block"
    assert frozenset() in promised, f"{code}.md has no ```toml expect=none block"


@pytest.mark.parametrize(
    ("code", "index", "expected", "body"),
    _examples(),
    ids=[f"{code}-{index}" for code, index, _, _ in _examples()],
)
def test_every_example_finds_exactly_the_promised_codes(code, index, expected, body):
    claim_set = loads(body, path=f"{code}-example-{index}.facts.toml")
    # Only built-in rules: a plugin installed in the environment may have opinions of its own.
    report = lint(claim_set, select=sorted(_builtin_codes()))
    found = {finding.code for finding in report}
    assert found == expected, [f"{finding.code} {finding.message}" for finding in report]
