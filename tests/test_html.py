"""The HTML report: one drawing per finding, exact figures, escaped input, and a real browser's rendering of it."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path

import pytest
from _cli import main
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factlint
from factlint import Finding, Interval, Report, Severity
from factlint._figures import Bar, Figure, Role, day_interval, gap_between, nearest_gap
from factlint._formats.html import interval_text, number_text

REPOSITORY = Path(__file__).resolve().parents[1]
# HTML elements that never have an end tag.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Page(HTMLParser):
    """The elements of a page, each as (tag, attributes, the tags of its open ancestors)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str], tuple[str, ...]]] = []
        self.open: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes, tuple(open_tag for open_tag, _ in self.open)))
        if tag not in _VOID:
            self.open.append((tag, attributes))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes, tuple(open_tag for open_tag, _ in self.open)))

    def handle_endtag(self, tag: str) -> None:
        for position in range(len(self.open) - 1, -1, -1):
            if self.open[position][0] == tag:
                del self.open[position:]
                break

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def find(self, tag: str, **wanted: str) -> list[dict[str, str]]:
        return [
            attributes
            for name, attributes, _ in self.elements
            if name == tag and all(value in attributes.get(key, "").split() for key, value in wanted.items())
        ]

    def drawings_per_finding(self) -> list[int]:
        """For each <article class="finding">, how many <svg class="drawing"> it holds."""
        counts: list[int] = []
        for name, attributes, ancestors in self.elements:
            if name == "article" and "finding" in attributes.get("class", "").split():
                counts.append(0)
            elif name == "svg" and "drawing" in attributes.get("class", "").split() and "article" in ancestors:
                counts[-1] += 1
        return counts


def _parse(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    page.close()
    return page


def _broken_examples_html(capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["check", "examples/broken", "--format", "html"]) == 1
    return capsys.readouterr().out


@pytest.fixture
def in_repository(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(REPOSITORY)
    return REPOSITORY


# -- the figures ----------------------------------------------------------------------------


def test_gap_between_two_intervals_that_do_not_meet_is_what_lies_strictly_between():
    gap = gap_between(Interval(20533, 20543, high_open=True), Interval.point(20583))
    assert gap == Interval(20543, 20583, high_open=True)
    assert gap_between(Interval.point(20583), Interval(20533, 20543, high_open=True)) == gap


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (Interval(0, 10), Interval(5, 20)),  # overlapping
        (Interval(0, 10), Interval(10, 20)),  # touching
        (Interval(0, None), Interval(5, 6)),  # unbounded
    ],
)
def test_gap_between_intervals_that_meet_is_none(a, b):
    assert gap_between(a, b) is None


def test_nearest_gap_is_the_one_to_the_closest_reading_and_none_when_a_reading_fits():
    readings = [Interval(0, 1), Interval(10, 11)]
    assert nearest_gap(readings, Interval.point(3)) == Interval(1, 3, low_open=True, high_open=True)
    assert nearest_gap([*readings, Interval(2, 4)], Interval.point(3)) is None


def test_sum_mismatch_figure_holds_the_exact_parts_sum_and_the_gap_to_the_total():
    claims = factlint.ClaimSet(
        claims=[
            factlint.Claim(id="total", metric="cases", value="20,600"),
            factlint.Claim(id="awol", metric="cases", value=18159),
            factlint.Claim(id="other", metric="cases", value=2379),
        ],
        relations=[factlint.Sum(total="total", parts=["awol", "other"])],
    )
    (finding,) = factlint.lint(claims)
    figure = finding.figure
    assert figure is not None and not figure.timeline
    assert [(bar.role, bar.interval) for bar in figure.bars] == [
        (Role.STATED, Interval.point(18159)),
        (Role.STATED, Interval.point(2379)),
        (Role.COMPUTED, Interval.point(20538)),
        (Role.STATED, Interval(20550, 20650, high_open=True)),  # "20,600" may be rounded to the nearest 100
    ]
    assert figure.gap == Interval(20538, 20550, low_open=True, high_open=True)


def test_finding_of_a_rule_without_a_figure_draws_the_stated_values_of_its_claims():
    claims = factlint.ClaimSet(
        claims=[
            factlint.Claim(id="charged", metric="cases", value=20538),
            factlint.Claim(id="sentenced", metric="sentenced", value=21721),
        ],
        relations=[factlint.Check(expr="sentenced <= charged")],
    )
    (finding,) = factlint.lint(claims)
    assert finding.code == "A104"
    assert [(bar.label, bar.interval) for bar in finding.figure.bars] == [
        ("charged: 20,538", Interval.point(20538)),
        ("sentenced: 21,721", Interval.point(21721)),
    ]


@pytest.mark.parametrize(
    ("folder", "code", "timeline", "roles"),
    [
        ("a101-sum-mismatch", "A101", False, ["stated", "stated", "stated", "computed", "stated"]),
        ("a102-part-exceeds-whole", "A102", False, ["stated", "stated"]),
        ("a103-shares-not-whole", "A103", False, ["stated", "stated", "stated", "computed", "limit"]),
        ("c101-sources-disagree", "C101", False, ["stated", "stated"]),
        ("g101-impossible-percentage", "G101", False, ["computed", "stated", "computed"]),
        ("g102-impossible-mean", "G102", False, ["computed", "stated", "computed"]),
        ("m101-ratio-mismatch", "M101", False, ["stated", "computed", "stated"]),
        ("r101-rate-conversion-mismatch", "R101", False, ["computed", "stated"]),
        ("r102-rate-total-mismatch", "R102", False, ["computed", "stated"]),
        ("s101-p-value-mismatch", "S101", False, ["computed", "computed", "stated"]),
        ("t102-dated-after-source", "T102", True, ["limit", "stated"]),
        ("t103-period-reversed", "T103", True, ["stated", "stated"]),
    ],
)
def test_each_rule_draws_its_arithmetic_with_the_gap_no_reading_closes(folder, code, timeline, roles):
    (finding,) = [found for found in factlint.lint(factlint.load([REPOSITORY / "examples" / "broken" / folder])) if found.code == code]
    figure = finding.figure
    assert figure.timeline is timeline
    assert [bar.role.value for bar in figure.bars] == roles
    assert figure.gap is not None
    if code.startswith("G"):
        # GRIM: the stated number lies in the gap between the two fractions k/n either side of it.
        stated, computed = [bar for bar in figure.bars if bar.role is Role.STATED], [bar for bar in figure.bars if bar.role is Role.COMPUTED]
        assert all(Interval.hull([figure.gap, bar.interval]) == figure.gap for bar in stated)
        assert not any(figure.gap.intersects(bar.interval) for bar in computed)
    else:
        # The gap lies outside every interval drawn: no reading of them reaches into it.
        assert not any(figure.gap.intersects(bar.interval) for bar in figure.bars if bar.role is not Role.LIMIT)


def test_reversed_dates_are_drawn_without_failing_the_rules_that_find_them():
    # A source published "2023-06/2023-01" that cites itself: T102 and T103 both draw reversed dates.
    claim_set = factlint.loads(
        '[[source]]\nid = "a"\npublished = "2023-06/2023-01"\ncites = ["a"]\n', path="a.facts.toml"
    )
    report = factlint.lint(claim_set)
    assert {finding.code for finding in report} >= {"T102"}
    assert _parse(factlint.format_report(report, "html")).drawings_per_finding() == [1] * len(report)


def test_count_over_a_subperiod_is_drawn_on_a_timeline_inside_its_period():
    claim_set = factlint.loads(
        "\n".join(
            [
                '[[claim]]\nid = "h1"\nmetric = "cases"\nvalue = "2,076"\nperiod = "first half of 2023"',
                '[[claim]]\nid = "q2"\nmetric = "cases"\nvalue = "2,600"\nperiod = "Q2 2023"',
            ]
        ),
        path="cases.facts.toml",
    )
    (finding,) = factlint.lint(claim_set)
    assert finding.code == "T104"
    inner, outer = finding.figure.bars
    assert finding.figure.timeline
    assert Interval.hull([inner.interval, outer.interval]) == outer.interval  # Q2 lies inside the first half
    assert interval_text(inner.interval, timeline=True) == "2023-04-01 to 2023-06-30"


def test_each_drawing_is_well_formed_svg(in_repository, capsys):
    import xml.etree.ElementTree as ElementTree

    drawings = re.findall(r"<svg .*?</svg>", _broken_examples_html(capsys), flags=re.DOTALL)
    assert len(drawings) >= 18
    for drawing in drawings:
        assert ElementTree.fromstring(drawing).tag == "{http://www.w3.org/2000/svg}svg"


def test_running_total_that_falls_is_drawn_on_a_timeline_of_its_two_dates():
    (finding,) = factlint.lint(factlint.load([REPOSITORY / "examples" / "broken" / "t101-running-total-decreases"]))
    figure = finding.figure
    assert figure.timeline
    earlier, later = figure.bars
    assert earlier.interval.high <= later.interval.low  # the lower total is the later one
    assert "lower" in later.label


@pytest.mark.parametrize(
    ("value", "shown"),
    [(Fraction(20538), "20,538"), (Fraction(1, 4), "0.25"), (Fraction(134, 10**13), "1.34e-11"), (Fraction(0), "0")],
)
def test_number_text_writes_tiny_numbers_with_a_power_of_ten(value, shown):
    assert number_text(value) == shown


def test_interval_text_of_a_timeline_gives_first_and_last_day():
    import datetime

    days = Interval(datetime.date(2024, 6, 1).toordinal(), datetime.date(2024, 7, 1).toordinal(), high_open=True)
    assert interval_text(days, timeline=True) == "2024-06-01 to 2024-06-30"


# -- the page, read with an HTML parser -----------------------------------------------------


def test_broken_examples_page_has_one_drawing_per_finding(in_repository, capsys):
    page = _parse(_broken_examples_html(capsys))
    counts = page.drawings_per_finding()
    assert len(counts) >= 18
    assert counts == [1] * len(counts)


def test_broken_examples_page_draws_arithmetic_as_number_lines_with_gaps_and_t_rules_as_timelines(in_repository, capsys):
    page = _parse(_broken_examples_html(capsys))
    kinds: dict[str, set[str]] = {}
    code = ""
    for tag, attributes, _ in page.elements:
        if tag == "article":
            code = attributes["data-code"]
        if tag == "svg" and "drawing" in attributes.get("class", ""):
            kinds.setdefault(code, set()).add(attributes["data-kind"])
    assert kinds["A101"] == kinds["R101"] == kinds["M101"] == kinds["C101"] == {"number-line"}
    assert kinds["T101"] == kinds["T102"] == kinds["T103"] == {"timeline"}
    assert kinds["F001"] == {"location"}
    assert len(page.find("rect", **{"class": "gap"})) >= 10


def test_page_fetches_nothing_and_runs_no_script(in_repository, capsys):
    text = _broken_examples_html(capsys)
    page = _parse(text)
    assert not page.find("script") and not page.find("link") and not page.find("img") and not page.find("iframe")
    assert all(not attributes.get("src") for _, attributes, _ in page.elements)
    (policy,) = [attributes for attributes in page.find("meta") if attributes.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in policy["content"]
    assert "url(http" not in text and "@import" not in text


HOSTILE_FACTS = """\
[[source]]
id = "src"
publisher = "\\"><img src=x onerror=alert(1)> & Co"
url = "javascript:alert(1)"

[[claim]]
id = "total"
metric = "cases"
value = "20,583"
source = "src"
quote = "</blockquote><script>alert('quote')</script> 20,583 \\u001b[31m \\u202egnp.exe"

[[claim]]
id = "a"
metric = "cases"
value = 18159
source = "src"

[[claim]]
id = "b"
metric = "cases"
value = 2379
source = "src"

[[sum]]
total = "total"
parts = ["a", "b"]
"""


def test_page_escapes_hostile_quotes_sources_urls_and_paths(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    name = "<b onmouseover=alert(1)>.facts.toml"
    (tmp_path / name).write_text(HOSTILE_FACTS, encoding="utf-8")
    assert main(["check", name, "--format", "html"]) == 1
    text = capsys.readouterr().out
    page = _parse(text)
    assert not page.find("script") and not page.find("img") and not page.find("b")
    assert not [attributes for _, attributes, _ in page.elements if any(key.startswith("on") for key in attributes)]
    assert not [attributes for attributes in page.find("a") if attributes["href"].lower().startswith("javascript")]
    shown = "".join(page.text)
    assert "<script>alert('quote')</script>" in shown  # as text, not as markup
    assert '"><img src=x onerror=alert(1)> & Co' in shown
    assert "\\x1b[31m" in shown and "\x1b" not in text
    assert "\\u202egnp.exe" in shown and "\u202e" not in text  # a bidirectional override cannot reorder the page
    assert page.drawings_per_finding() == [1]


def test_source_with_a_web_address_is_a_link(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    facts = HOSTILE_FACTS.replace("javascript:alert(1)", "https://example.org/story?a=1&b=2")
    (tmp_path / "cases.facts.toml").write_text(facts, encoding="utf-8")
    assert main(["check", "cases.facts.toml", "--format", "html"]) == 1
    links = [attributes["href"] for attributes in _parse(capsys.readouterr().out).find("a") if not attributes["href"].startswith("#")]
    assert links == ["https://example.org/story?a=1&b=2"] * 3


def test_clean_report_page_says_so_without_drawings():
    text = factlint.format_report(Report(findings=[], claim_count=4), "html", file_count=1)
    page = _parse(text)
    assert page.drawings_per_finding() == []
    assert "All checks passed: 4 claims in 1 file." in "".join(page.text)


def test_figure_given_by_a_plugin_rule_is_drawn_with_its_gap():
    from factlint import plugins

    @plugins.rule("XS900", "made-up", summary="always fires")
    def made_up(claim_set, context):
        (claim,) = claim_set.claims
        yield plugins.Violation(
            "a <message>",
            claims=[claim],
            figure=plugins.Figure(
                [plugins.Bar("x", Interval(0, 1)), plugins.Bar("y", Interval(3, 4), plugins.Role.COMPUTED)],
                gap=plugins.gap_between(Interval(0, 1), Interval(3, 4)),
            ),
        )

    claims = factlint.ClaimSet(claims=[factlint.Claim(id="x", metric="cases", value=1)])
    report = factlint.lint(claims, rules=plugins.RuleSet([made_up]))
    (finding,) = [found for found in report if found.code == "XS900"]
    assert finding.figure.gap == Interval(1, 3, low_open=True, high_open=True)
    page = _parse(factlint.format_report(Report(findings=[finding]), "html"))
    assert page.drawings_per_finding() == [1]
    assert len(page.find("rect", **{"class": "gap"})) == 1
    assert "a <message>" in "".join(page.text)


# -- the page, rendered by a real browser ---------------------------------------------------


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("Chromium is not installed (apt-get install chromium; .ci/run installs it when it can)")
    return found


def _run_chromium(browser: str, profile: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    # --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
        f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *arguments,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False, env={**os.environ, "LANG": "C.UTF-8"})


def test_broken_examples_page_renders_in_headless_chromium_with_one_drawing_per_finding(in_repository, capsys, tmp_path):
    browser = _chromium()
    page_file = tmp_path / "report.html"
    page_file.write_text(_broken_examples_html(capsys), encoding="utf-8")
    findings = len(_parse(page_file.read_text(encoding="utf-8")).drawings_per_finding())

    rendered = _run_chromium(browser, tmp_path / "profile", "--dump-dom", page_file.as_uri())
    assert rendered.returncode == 0, rendered.stderr[-2000:]
    dom = _parse(rendered.stdout)
    assert dom.drawings_per_finding() == [1] * findings
    # Nothing the page asked for was refused or failed: no blocked load, no script error.
    problems = [
        line for line in rendered.stderr.splitlines()
        if "Content Security Policy" in line or "Uncaught" in line or "Failed to load" in line or "CONSOLE" in line
    ]
    assert not problems, problems

    screenshot = tmp_path / "report.png"
    shot = _run_chromium(browser, tmp_path / "profile", f"--screenshot={screenshot}", "--window-size=900,1600", page_file.as_uri())
    assert shot.returncode == 0, shot.stderr[-2000:]
    header = screenshot.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (900, 1600)
    assert screenshot.stat().st_size > 20_000  # a blank page compresses to a few hundred bytes


# -- properties ---------------------------------------------------------------------------

_ENDS = st.one_of(
    st.fractions(min_value=-(10**6), max_value=10**6, max_denominator=10**6),
    st.integers(min_value=-(10**400), max_value=10**400).map(Fraction),
    st.integers(min_value=1, max_value=10**300).map(lambda power: Fraction(1, power)),
)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    low, high = sorted([draw(_ENDS), draw(_ENDS)])
    if draw(st.booleans()) and low == high:
        return Interval.point(low)
    if low == high:
        high = low + 1
    return Interval(
        None if draw(st.integers(0, 5)) == 0 else low,
        None if draw(st.integers(0, 5)) == 0 else high,
        low_open=draw(st.booleans()),
        high_open=draw(st.booleans()),
    )


@st.composite
def day_ranges(draw: st.DrawFn) -> Interval:
    first, last = sorted([draw(st.dates()), draw(st.dates())])
    return day_interval(None if draw(st.integers(0, 7)) == 0 else first, last)


@st.composite
def figures(draw: st.DrawFn) -> Figure:
    timeline = draw(st.booleans())
    spans = draw(st.lists(day_ranges() if timeline else intervals(), min_size=1, max_size=5))
    bars = [Bar(draw(st.text(max_size=20)), span, draw(st.sampled_from(list(Role)))) for span in spans]
    gap = gap_between(spans[0], spans[-1]) if len(spans) > 1 else None
    return Figure(bars, gap=gap, timeline=timeline, unit=draw(st.sampled_from(["", "%", "USD", "per week"])))


@given(intervals(), intervals())
def test_gap_between_lies_outside_both_intervals_and_only_between_disjoint_ones(a, b):
    gap = gap_between(a, b)
    if gap is not None:
        assert not a.intersects(b)
        assert not gap.intersects(a) and not gap.intersects(b)


# The page is built and parsed per example on a noisy machine: no deadline.
@settings(deadline=None, max_examples=80, suppress_health_check=[HealthCheck.too_slow])
@given(figures(), st.text(st.characters(blacklist_categories=("Cc", "Cs", "Cn")), max_size=30))
def test_any_figure_and_any_message_make_a_page_with_exactly_one_drawing(figure, message):
    finding = Finding(code="XS900", name="any", severity=Severity.ERROR, message=message, figure=figure)
    page = _parse(factlint.format_report(Report(findings=[finding]), "html"))
    assert page.drawings_per_finding() == [1]
    assert not page.find("script")
    assert message in "".join(page.text)
