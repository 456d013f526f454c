"""Regular expressions compiled on first use behave as the compiled ones, and importing factlint compiles none of them."""

from __future__ import annotations

import re
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from factlint._patterns import lazy_pattern

PATTERNS = [r"(?P<number>[0-9][0-9,]*)(?: (?P<word>million|billion))?", r"\s+", r"(?<=[a-z])-(?=[a-z])"]
TEXTS = st.text(alphabet="0123456789, -abmilonbr\n\t", max_size=30)


@given(st.sampled_from(PATTERNS), st.sampled_from([0, re.IGNORECASE]), TEXTS)
def test_a_lazy_pattern_matches_as_the_compiled_pattern(pattern, flags, text):
    lazy, compiled = lazy_pattern(pattern, flags), re.compile(pattern, flags)

    def spans(match: re.Match[str] | None) -> object:
        return None if match is None else (match.span(), match.groupdict())

    assert spans(lazy.match(text)) == spans(compiled.match(text))
    assert spans(lazy.fullmatch(text)) == spans(compiled.fullmatch(text))
    assert spans(lazy.search(text, 1)) == spans(compiled.search(text, 1))
    assert lazy.findall(text) == compiled.findall(text)
    assert lazy.split(text) == compiled.split(text)
    assert lazy.sub("_", text) == compiled.sub("_", text)
    assert [match.span() for match in lazy.finditer(text)] == [match.span() for match in compiled.finditer(text)]
    assert (lazy.pattern, lazy.flags, lazy.groups, lazy.groupindex) == (compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex)


def test_a_lazy_pattern_is_compiled_once_on_first_use(monkeypatch):
    calls: list[str] = []
    compile_ = re.compile
    monkeypatch.setattr(re, "compile", lambda pattern, flags=0: calls.append(pattern) or compile_(pattern, flags))
    lazy = lazy_pattern(r"[0-9]+")
    assert calls == []
    assert lazy.findall("1 22 333") == ["1", "22", "333"]
    assert lazy.fullmatch("4444") is not None
    assert calls == [r"[0-9]+"]


def test_importing_the_command_line_and_the_rules_compiles_only_the_rule_code_pattern():
    probe = (
        "import factlint._patterns as patterns\n"
        "made = []\n"
        "lazy = patterns.lazy_pattern\n"
        "patterns.lazy_pattern = lambda pattern, flags=0: made.append(lazy(pattern, flags)) or made[-1]\n"
        "import factlint._cli, factlint._loading, factlint._rules, factlint._output\n"
        "print(len(made), ' '.join(pattern.pattern for pattern in made if pattern._compiled is not None))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    made, compiled = result.stdout.split(maxsplit=1)
    assert int(made) > 50
    # Defining the built-in rules checks their codes.
    assert compiled.split() == ["[A-Z]+[0-9]+"]
