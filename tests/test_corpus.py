"""The soundness corpus: real articles that must check clean, and planted contradictions each found by one rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import factlint

CORPUS = Path(__file__).resolve().parent / "corpus"
CLEAN = CORPUS / "clean"
PLANTED = CORPUS / "planted"
FILES = sorted(CORPUS.glob("**/*.facts.toml"))

_EXPECT = re.compile(r"#\s*expect:\s*(?P<codes>.+?)\s*")


def expected_codes(path: Path) -> list[str]:
    """The codes a corpus file promises on its first line: `# expect: clean` or `# expect: T104`."""
    first_line = path.read_text(encoding="utf-8").partition("\n")[0]
    stated = _EXPECT.fullmatch(first_line.strip())
    assert stated is not None, f"{path.name} does not start with a `# expect: ...` line"
    codes = stated["codes"].strip()
    if codes.lower() == "clean":
        return []
    return sorted({code.strip().upper() for code in codes.split(",") if code.strip()})


def described(report: factlint.Report) -> str:
    return "\n".join(f"  {finding.code} at {finding.location}: {finding.message}" for finding in report)


# Files whose `# expect:` is what factlint should say but does not yet, with why.
KNOWN_FALSE_ALARMS = {
    "uk-international-students-2022-23-rounded-to-five.facts.toml": (
        "a publisher's rounding step (HESA rounds every count to the nearest 5) is read only where it is "
        "declared ('758,855 (rounded to the nearest 5)'), so the article's bare figures, a complete "
        "breakdown 5 above its rounded total, are read as A101"
    ),
}


def _case(path: Path) -> object:
    reason = KNOWN_FALSE_ALARMS.get(path.name)
    if reason is None:
        return path
    return pytest.param(path, marks=pytest.mark.xfail(reason=reason, strict=True), id=path.name)


@pytest.mark.parametrize("path", [_case(path) for path in FILES], ids=[path.name for path in FILES])
def test_corpus_file_gives_exactly_its_expected_codes(path: Path) -> None:
    report = factlint.lint(factlint.load(path))
    found = sorted({finding.code for finding in report})
    expected = expected_codes(path)
    assert found == expected, (
        f"{path.relative_to(CORPUS)}: expected {expected or 'no finding'}, got {found or 'no finding'}\n"
        + described(report)
    )


def test_corpus_has_at_least_40_clean_and_40_planted_files() -> None:
    clean = sorted(CLEAN.glob("*.facts.toml"))
    planted = sorted(PLANTED.glob("*.facts.toml"))
    assert len(clean) >= 40, f"only {len(clean)} clean files"
    assert len(planted) >= 40, f"only {len(planted)} planted files"


def test_every_known_false_alarm_is_a_clean_corpus_file() -> None:
    clean = {path.name for path in CLEAN.glob("*.facts.toml")}
    assert set(KNOWN_FALSE_ALARMS) <= clean


def test_every_planted_file_expects_exactly_one_code() -> None:
    wrong = {
        path.name: expected_codes(path)
        for path in sorted(PLANTED.glob("*.facts.toml"))
        if len(expected_codes(path)) != 1
    }
    assert not wrong, f"planted files must each expect exactly one code: {wrong}"
