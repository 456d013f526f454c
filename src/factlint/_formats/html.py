"""`--format html`: one self-contained page for people who would rather look than read.

Each finding shows its claims with their quotes and sources and a drawing of its arithmetic
(`factlint._figures`): a number line with each stated number's interval, what the
arithmetic computes from them, and the gap that no reading closes, or a timeline for the
T rules. The page fetches nothing: its style and drawings are inline, it runs no script,
and its Content-Security-Policy forbids loading anything. Every text from the input is
escaped; the values stay exact and only pixel positions are floats.
"""

from __future__ import annotations

import datetime
import decimal
import html
import math
import re
from collections.abc import Iterable
from fractions import Fraction
from typing import TYPE_CHECKING

from factlint._escaping import printable
from factlint._figures import Bar, Figure, Role
from factlint._intervals import Interval, format_number
from factlint._paths import display_path

if TYPE_CHECKING:
    from factlint._findings import ClaimRef, Finding, Report
    from factlint._model import Location

__all__ = ["format_html", "number_text"]

# Characters a page should not carry raw: C0 and C1 controls (but tab and newline), the line and
# paragraph separators, the bidirectional overrides and isolates (which reorder what a reader
# sees), non-characters and lone surrogates.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]")


def _text(text: str) -> str:
    """Input text for the page, on one line: line breaks and invisible characters as escapes, then HTML-escaped.

    A line break from input is shown as `\\n`, as in the text output, so that no line of the page's source
    is input's own (a log that shows the page cannot be handed a forged command).
    """
    visible = _INVISIBLE.sub(
        lambda match: match.group().encode("unicode_escape", "backslashreplace").decode("ascii"), printable(text)
    )
    return html.escape(visible, quote=True)


def number_text(value: Fraction) -> str:
    """A number for a reader: as the text format writes it, or with a power of ten when it is tiny (1.34e-11)."""
    if value == 0 or abs(value) >= Fraction(1, 1000):
        return format_number(value)
    with decimal.localcontext() as context:
        context.prec = 3
        shown = decimal.Decimal(value.numerator) / decimal.Decimal(value.denominator)
    return f"{shown:e}".replace("e-0", "e-")


_LAST_DAY = datetime.date.max.toordinal()


def _date(ordinal: int) -> datetime.date:
    """The day of a day number, held within the calendar (an axis is padded beyond its dates)."""
    return datetime.date.fromordinal(min(max(ordinal, 1), _LAST_DAY))


def _day(value: Fraction) -> str:
    return _date(math.floor(value)).isoformat()


def _floor_log10(value: Fraction) -> int:
    """The exponent of the power of ten at or below a positive number, exactly (a float overflows on 10^400)."""
    guess = (value.numerator.bit_length() - value.denominator.bit_length()) * 30103 // 100000
    while Fraction(10) ** guess > value:
        guess -= 1
    while Fraction(10) ** (guess + 1) <= value:
        guess += 1
    return guess


def _end_text(value: Fraction | None, timeline: bool, *, high: bool) -> str:
    if value is None:
        return "∞" if high else "−∞"
    if timeline:
        # A day range is [first, last + 1): its last day is the one before its high end.
        return _day(value - 1 if high else value)
    return number_text(value)


def interval_text(interval: Interval, timeline: bool = False, unit: str = "") -> str:
    """An interval as the page labels it: 20,538, [1,005, 1,015), or 2024-06-01 to 2024-06-30."""
    if timeline:
        first = _end_text(interval.low, True, high=False)
        last = _end_text(interval.high, True, high=True)
        return first if first == last else f"{first} to {last}"
    suffix = f" {unit}" if unit and unit != "%" else unit
    if interval.is_point:
        return number_text(interval.low) + suffix  # type: ignore[arg-type]
    left = "(" if interval.low_open else "["
    right = ")" if interval.high_open else "]"
    low = _end_text(interval.low, False, high=False)
    high = _end_text(interval.high, False, high=True)
    return f"{left}{low}, {high}{right}{suffix}"


# -- drawings -------------------------------------------------------------------------------

_WIDTH = 760
_LEFT, _RIGHT = 24, 24
_ROW = 38
_TOP = 12
_AXIS = 44
_COLOURS = {Role.STATED: "#1d4ed8", Role.COMPUTED: "#7e22ce", Role.LIMIT: "#4b5563"}


class _Scale:
    """Exact values to pixels: the one place a float appears, for positions on the page."""

    def __init__(self, low: Fraction, high: Fraction) -> None:
        if low == high:
            pad = max(abs(low) / 20, Fraction(1))
            low, high = low - pad, high + pad
        pad = (high - low) / 10
        self.low, self.high = low - pad, high + pad

    def x(self, value: Fraction | None, *, high: bool = False) -> float:
        """The position of a value; an infinite end, or one off the scale, stops at the edge."""
        if value is None:
            value = self.high if high else self.low
        value = min(max(value, self.low), self.high)
        share = (value - self.low) / (self.high - self.low)
        return _LEFT + float(share) * (_WIDTH - _LEFT - _RIGHT)

    def ticks(self, timeline: bool) -> list[tuple[Fraction, str]]:
        return _day_ticks(self.low, self.high) if timeline else _number_ticks(self.low, self.high)


def _number_ticks(low: Fraction, high: Fraction) -> list[tuple[Fraction, str]]:
    """Round values (multiples of 1, 2 or 5 times a power of ten) across the axis, about five of them."""
    raw = (high - low) / 5
    power = Fraction(10) ** _floor_log10(raw)
    step = next(power * factor for factor in (1, 2, 5, 10) if power * factor >= raw)
    first = math.ceil(low / step)
    count = math.floor(high / step) - first + 1
    return [(step * (first + index), number_text(step * (first + index))) for index in range(count)]


def _day_ticks(low: Fraction, high: Fraction) -> list[tuple[Fraction, str]]:
    """Days, first days of months or of years across a timeline, at most about six of them."""
    first, last = _date(math.ceil(low)), _date(math.floor(high))
    days = (last - first).days
    if days <= 12:
        step = max(1, days // 6 + 1)
        return [
            (Fraction((first + datetime.timedelta(days=offset)).toordinal()), (first + datetime.timedelta(days=offset)).isoformat())
            for offset in range(0, days + 1, step)
        ]
    months = [
        datetime.date(year, month, 1)
        for year in range(first.year, last.year + 1)
        for month in range(1, 13)
        if first <= datetime.date(year, month, 1) <= last
    ]
    if len(months) > 24:
        years = [month for month in months if month.month == 1]
        step = max(1, len(years) // 6 + (len(years) % 6 > 0))
        return [(Fraction(year.toordinal()), str(year.year)) for year in years[::step]]
    if not months:
        return [(Fraction(first.toordinal()), first.isoformat()), (Fraction(last.toordinal()), last.isoformat())]
    step = max(1, len(months) // 6 + (len(months) % 6 > 0))
    return [(Fraction(month.toordinal()), month.strftime("%Y-%m")) for month in months[::step]]


def _focus(figure: Figure) -> tuple[Fraction, Fraction]:
    """The stretch of the axis to draw: the gap and the two intervals that border it, else everything."""
    intervals = [bar.interval for bar in figure.bars]
    shown = list(intervals)
    if figure.gap is not None:
        gap = figure.gap
        shown = [gap, *(interval for interval in intervals if interval.high == gap.low or interval.low == gap.high)]
    ends = _finite_ends(shown) or _finite_ends(intervals)
    if not ends:
        return Fraction(0), Fraction(1)
    return min(ends), max(ends)


def _finite_ends(intervals: Iterable[Interval]) -> list[Fraction]:
    return [end for interval in intervals for end in (interval.low, interval.high) if end is not None]


def _end_mark(x: float, y: float, colour: str, is_open: bool) -> str:
    fill = "#ffffff" if is_open else colour
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{fill}" stroke="{colour}" stroke-width="2"/>'


def _arrow(x: float, y: float, colour: str, *, right: bool) -> str:
    tip = x + (7 if right else -7)
    return f'<path class="beyond" d="M{x:.1f},{y - 5:.1f} L{tip:.1f},{y:.1f} L{x:.1f},{y + 5:.1f} Z" fill="{colour}"/>'


def _bar(bar: Bar, figure: Figure, scale: _Scale, y: int) -> list[str]:
    """One row: the label with the interval it stands for, then the interval on the axis."""
    colour = _COLOURS[bar.role]
    interval = bar.interval
    value = interval_text(interval, figure.timeline, "%" if figure.unit == "%" else "")
    shown_value = "" if value in bar.label else f' <tspan class="bar-value">{_text(value)}</tspan>'
    parts = [f'<text x="{_LEFT}" y="{y - 10}" class="bar-label {bar.role.value}">{_text(bar.label)}{shown_value}</text>']
    below = interval.high is not None and interval.high < scale.low
    above = interval.low is not None and interval.low > scale.high
    if below or above:
        # Off the scale: an arrow at the edge it lies beyond, so the gap keeps its room.
        x = scale.x(None, high=above)
        parts.append(
            f'<line class="bar off-scale {bar.role.value}" x1="{x + (-28 if above else 28):.1f}" y1="{y}" x2="{x:.1f}" y2="{y}" '
            f'stroke="{colour}" stroke-width="2" stroke-dasharray="4 3"/>'
        )
        parts.append(_arrow(x, y, colour, right=above))
        return parts
    left, right = scale.x(interval.low), scale.x(interval.high, high=True)
    if interval.is_point or right - left < 3:
        parts.append(f'<circle class="bar {bar.role.value}" cx="{(left + right) / 2:.1f}" cy="{y}" r="5" fill="{colour}"/>')
        return parts
    parts.append(
        f'<rect class="bar {bar.role.value}" x="{left:.1f}" y="{y - 4}" width="{right - left:.1f}" height="8" '
        f'rx="2" fill="{colour}" opacity="0.85"/>'
    )
    for end, is_open, at, toward_right in (
        (interval.low, interval.low_open, left, False),
        (interval.high, interval.high_open, right, True),
    ):
        beyond = end is None or (end < scale.low if not toward_right else end > scale.high)
        if beyond:
            parts.append(_arrow(at, y, colour, right=toward_right))
        elif not figure.timeline:
            parts.append(_end_mark(at, y, colour, is_open))
    return parts


def _drawing(figure: Figure, index: int, label: str) -> str:
    """An inline SVG: one row per bar, the gap shaded across every row, an axis below."""
    scale = _Scale(*_focus(figure))
    rows_height = len(figure.bars) * _ROW
    height = _TOP + rows_height + _AXIS
    kind = "timeline" if figure.timeline else "number-line"
    parts = [
        f'<svg class="drawing" data-kind="{kind}" xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{height}" '
        f'viewBox="0 0 {_WIDTH} {height}" role="img" aria-labelledby="drawing-{index}-title">',
        f'<title id="drawing-{index}-title">{_text(label)}</title>',
        f'<defs><pattern id="gap-{index}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="8" height="8" fill="#fee2e2"/><line x1="0" y1="0" x2="0" y2="8" stroke="#dc2626" stroke-width="3"/>'
        "</pattern></defs>",
    ]
    if figure.gap is not None:
        left = scale.x(figure.gap.low)
        right = scale.x(figure.gap.high, high=True)
        parts.append(
            f'<rect class="gap" x="{left:.1f}" y="{_TOP}" width="{max(right - left, 2):.1f}" height="{rows_height}" '
            f'fill="url(#gap-{index})" opacity="0.8"><title>gap: {_text(interval_text(figure.gap, figure.timeline, figure.unit))}'
            "</title></rect>"
        )
    for row, bar in enumerate(figure.bars):
        parts.extend(_bar(bar, figure, scale, _TOP + row * _ROW + 28))
    axis_y = _TOP + rows_height + 6
    parts.append(f'<line x1="{_LEFT}" y1="{axis_y}" x2="{_WIDTH - _RIGHT}" y2="{axis_y}" stroke="#6b7280"/>')
    if figure.unit and figure.unit != "%":
        parts.append(f'<text x="{_WIDTH - _RIGHT}" y="{axis_y + 33}" text-anchor="end" class="tick unit">{_text(figure.unit)}</text>')
    for tick, text in scale.ticks(figure.timeline):
        x = scale.x(tick)
        parts.append(f'<line x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" y2="{axis_y + 5}" stroke="#6b7280"/>')
        parts.append(f'<text x="{x:.1f}" y="{axis_y + 18}" text-anchor="middle" class="tick">{_text(text)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _location_drawing(finding: Finding, index: int) -> str:
    """For a finding without arithmetic (a file that cannot be read): the file, with its line marked."""
    where = _where(finding.location) or "no file"
    line = f"line {finding.location.line}" if finding.location is not None else "no line"
    return (
        f'<svg class="drawing" data-kind="location" xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="92" '
        f'viewBox="0 0 {_WIDTH} 92" role="img" aria-labelledby="drawing-{index}-title">'
        f'<title id="drawing-{index}-title">{_text(f"{finding.code} at {where}: nothing to compute")}</title>'
        '<path d="M24,8 H72 L88,24 V84 H24 Z" fill="#f9fafb" stroke="#6b7280" stroke-width="2"/>'
        + "".join(f'<line x1="32" y1="{y}" x2="80" y2="{y}" stroke="#d1d5db" stroke-width="3"/>' for y in (30, 40, 60, 70))
        + '<rect x="28" y="46" width="56" height="8" fill="#dc2626"/>'
        f'<text x="104" y="44" class="bar-label">{_text(where)}</text>'
        f'<text x="104" y="64" class="tick">{_text(line)}: the file itself, not its arithmetic</text>'
        "</svg>"
    )


# -- the page -------------------------------------------------------------------------------

_STYLE = """
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #111827;
       background: #f3f4f6; }
header, main { max-width: 860px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 24px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
.summary { margin: 0 0 16px; color: #374151; }
nav ol { margin: 0 0 24px; padding-left: 1.4em; }
nav a { color: #1d4ed8; text-decoration: none; }
article { background: #ffffff; border-radius: 8px; border-left: 6px solid #dc2626; margin: 0 0 20px; padding: 14px 20px;
          box-shadow: 0 1px 2px rgba(0, 0, 0, 0.08); }
article.warning { border-left-color: #d97706; }
article.info { border-left-color: #2563eb; }
h2 { font-size: 1.1rem; margin: 0; }
.code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #fee2e2; color: #991b1b;
        padding: 1px 6px; border-radius: 4px; }
.warning .code { background: #fef3c7; color: #92400e; }
.info .code { background: #dbeafe; color: #1e40af; }
.where, .rule { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; color: #4b5563; }
.message { font-weight: 600; margin: 6px 0; }
figure { margin: 10px 0; overflow-x: auto; }
figcaption { font-size: 0.85rem; color: #374151; }
svg.drawing { max-width: 100%; height: auto; display: block; }
svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; fill: #111827;
           paint-order: stroke; stroke: #ffffff; stroke-width: 3px; stroke-linejoin: round; }
svg text.tick { fill: #4b5563; font-size: 11px; }
svg .bar-value { fill: #4b5563; }
.legend span { display: inline-block; margin-right: 14px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -1px; margin-right: 4px; }
.explanation { margin: 8px 0; padding-left: 1.2em; }
.claims { list-style: none; padding: 0; margin: 8px 0; }
.claims li { margin: 6px 0; }
blockquote { margin: 4px 0 0 0; padding: 4px 10px; border-left: 3px solid #d1d5db; color: #374151; font-style: italic; }
.fix { background: #ecfdf5; border-radius: 4px; padding: 6px 10px; }
.clean { background: #ecfdf5; border-radius: 8px; padding: 14px 20px; }
"""

_LEGEND = (
    '<p class="legend">'
    f'<span><span class="swatch" style="background:{_COLOURS[Role.STATED]}"></span>a stated number, as every reading allows</span>'
    f'<span><span class="swatch" style="background:{_COLOURS[Role.COMPUTED]}"></span>computed from stated numbers</span>'
    f'<span><span class="swatch" style="background:{_COLOURS[Role.LIMIT]}"></span>a fixed bound</span>'
    '<span><span class="swatch" style="background:#dc2626"></span>the gap no reading closes</span>'
    "</p>"
)


def _where(location: Location | None) -> str:
    if location is None:
        return ""
    return f"{display_path(location.path)}:{location.line}:{location.column}"


def _link(url: str, text: str) -> str:
    # Only web addresses become links: a `javascript:` or `data:` URL from a fact file stays text.
    if re.match(r"https?://", url, re.IGNORECASE):
        return f'<a href="{_text(url)}" rel="noreferrer">{_text(text)}</a>'
    return _text(text)


def _claim(ref: ClaimRef) -> str:
    parts = [f"<code>{_text(ref.id)}</code>"]
    if ref.location is not None:
        parts.append(f' <span class="where">{_text(_where(ref.location))}</span>')
    if ref.source:
        parts.append(f" · source: {_link(ref.url, ref.source)}")
    elif ref.url:
        parts.append(f" · {_link(ref.url, ref.url)}")
    if ref.quote:
        parts.append(f"<blockquote>{_text(ref.quote)}</blockquote>")
    return f"<li>{''.join(parts)}</li>"


def _caption(figure: Figure) -> str:
    if figure.gap is not None:
        gap = interval_text(figure.gap, figure.timeline, figure.unit)
        return f"No reading of the stated numbers reaches across the shaded gap: {gap}."
    if figure.timeline:
        return "The dates involved, as every reading of them allows."
    return "The stated numbers, as every reading of them allows."


def _finding(finding: Finding, index: int) -> str:
    severity = finding.severity.value
    where = _where(finding.location)
    if finding.figure is not None:
        drawing = _drawing(finding.figure, index, f"{finding.code}: {finding.message}")
        caption = _caption(finding.figure)
    else:
        drawing = _location_drawing(finding, index)
        caption = "A problem with the file itself: there is no arithmetic to draw."
    parts = [
        f'<article class="finding {severity}" id="finding-{index}" data-code="{_text(finding.code)}">',
        f'<h2><span class="code">{_text(finding.code)}</span> {_text(finding.name)}</h2>',
        f'<p class="where">{_text(where)}</p>' if where else "",
        f'<p class="message">{_text(finding.message)}</p>',
        f"<figure>{drawing}<figcaption>{_text(caption)}</figcaption></figure>",
    ]
    if finding.explanation:
        parts.append('<ul class="explanation">' + "".join(f"<li>{_text(line)}</li>" for line in finding.explanation) + "</ul>")
    if finding.claims:
        parts.append('<h3>Claims</h3><ul class="claims">' + "".join(_claim(ref) for ref in finding.claims) + "</ul>")
    if finding.fix is not None:
        parts.append(f'<p class="fix">Suggested correction: {_text(finding.fix.description)}</p>')
    parts.append(
        f'<p class="rule">{_text(finding.code)} {_text(finding.name)} ({_text(severity)}); '
        f"<code>factlint explain {_text(finding.code)}</code></p>"
    )
    parts.append("</article>")
    return "".join(parts)


def format_html(report: Report, *, summary: str) -> str:
    """The report as one HTML page; `summary` is the text format's last line ("Found 3 findings in …")."""
    findings = list(report)
    contents = "".join(
        f'<li><a href="#finding-{index}">{_text(finding.code)} {_text(finding.message)}</a></li>'
        for index, finding in enumerate(findings, 1)
    )
    body = "".join(_finding(finding, index) for index, finding in enumerate(findings, 1))
    if not findings:
        body = f'<p class="clean">{_text(summary)}</p>'
    nav = f'<nav aria-label="findings"><ol>{contents}</ol></nav>{_LEGEND}' if findings else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>factlint report</title>\n"
        f"<style>{_STYLE}</style>\n</head>\n<body>\n"
        f'<header><h1>factlint report</h1><p class="summary">{_text(summary)}</p>{nav}</header>\n'
        f"<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
