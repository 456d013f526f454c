"""Hypothesis strategies for factlint: quantities, dates, claims, claim sets, and claim sets with a planted contradiction.

    >>> from hypothesis import given
    >>> from factlint import lint
    >>> from factlint.strategies import consistent_claim_sets
    >>> @given(consistent_claim_sets())
    ... def test_true_figures_never_raise_a_finding(claim_set):
    ...     assert not lint(claim_set)

Every value is built from text that factlint parses (so `parse_quantity(q.text)` gives `q`
back), and every consistent claim set is built from *true* underlying values, each stated
with a hedge or a rounding whose reading contains the true value: no rule may fire on it.
`contradicting_claim_sets(code)` then plants one contradiction for a rule, just beyond
every reading (or, with `beyond_tolerance=False`, just inside, where the rule must stay silent).

Registered for `st.from_type` through the `hypothesis` entry point: Claim, Source,
ClaimSet, Quantity, DateRange and Interval.
"""

from __future__ import annotations

import datetime
import keyword
import math
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from typing import TypeVar

import attrs
from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from factlint._dates import DateRange, parse_date_range
from factlint._intervals import Interval
from factlint._model import Check, Claim, ClaimSet, Part, RateUnit, Ratio, Relation, Same, Source, Sum
from factlint._quantities import Hedge, Quantity, parse_quantity

__all__ = [
    "GROUP_KINDS",
    "PlantedContradiction",
    "claim_sets",
    "claims",
    "consistent_claim_sets",
    "contradicting_claim_sets",
    "date_ranges",
    "intervals",
    "quantities",
    "sources",
    "supported_codes",
]

T = TypeVar("T")
Draw = Callable[[st.SearchStrategy[T]], T]

# -- argument checks (at call time, as Hypothesis' own strategies do) ---------------------------


def _check_integer(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgument(f"{name}={value!r} must be an integer")
    return value


def _check_order(low_name: str, low: int, high_name: str, high: int) -> None:
    if low > high:
        raise InvalidArgument(f"cannot have {low_name}={low!r} > {high_name}={high!r}")


def _check_sizes(min_size: object, max_size: object) -> tuple[int, int]:
    min_size = _check_integer("min_size", min_size)
    if min_size < 0:
        raise InvalidArgument(f"min_size={min_size!r} must be at least 0")
    max_size = min_size + 8 if max_size is None else _check_integer("max_size", max_size)
    _check_order("min_size", min_size, "max_size", max_size)
    return min_size, max_size


# -- how numbers are written ----------------------------------------------------------------

# Hedge phrases of the design's table; "{}" is where the number goes.
_HEDGE_PHRASES: dict[Hedge, tuple[str, ...]] = {
    Hedge.APPROXIMATE: (
        "about {}", "around {}", "approximately {}", "roughly {}", "some {}", "an estimated {}", "~{}", "~ {}",
    ),
    Hedge.NEARLY: ("nearly {}", "almost {}", "just under {}", "close to {}"),
    Hedge.AT_LEAST: ("at least {}", "no fewer than {}", "{} or more", "{}+"),
    Hedge.MORE_THAN: ("more than {}", "over {}", "above {}", "upwards of {}", "in excess of {}"),
    Hedge.AT_MOST: ("at most {}", "up to {}", "no more than {}"),
    Hedge.FEWER_THAN: ("fewer than {}", "less than {}", "under {}", "below {}"),
}  # fmt: skip
_RANGE_PHRASES = ("{}-{}", "{}\u2013{}", "{} - {}", "between {} and {}", "from {} to {}", "{} to {}")
_THOUSANDS_SEPARATORS = ("", ",", ",", "\u2009", "\u202f", "\u00a0")
_SCALE_WORDS = {1_000: ("k", " k", " thousand"), 1_000_000: (" million", "m", " mn"), 1_000_000_000: (" billion", "bn")}
_PERCENT_SIGNS = ("%", "%", " per cent", " percent")


def _integer_text(draw: Draw, number: int) -> str:
    """An integer as people write it: 20538, 20,538 or 20 538 (thin space)."""
    separator = draw(st.sampled_from(_THOUSANDS_SEPARATORS))
    return f"{number:,}".replace(",", separator)


def _decimal_text(draw: Draw, units: int, decimals: int) -> str:
    """units / 10**decimals with exactly `decimals` decimals: (157, 1) -> "15.7"."""
    whole, fraction = divmod(units, 10**decimals)
    text = _integer_text(draw, whole)
    return f"{text}.{fraction:0{decimals}d}" if decimals else text


def _number_text(draw: Draw, number: int) -> str:
    """An integer, sometimes with a scale word when it has the trailing zeros for one: 2,400,000 -> "2.4 million"."""
    scales = [scale for scale in _SCALE_WORDS if number >= scale and number % (scale // 100) == 0]
    if scales and draw(st.booleans()):
        scale = draw(st.sampled_from(scales))
        units, decimals = number * 100 // scale, 2
        while decimals and units % 10 == 0:
            units, decimals = units // 10, decimals - 1
        return _decimal_text(draw, units, decimals) + draw(st.sampled_from(_SCALE_WORDS[scale]))
    return _integer_text(draw, number)


def _capitalised(draw: Draw, text: str) -> str:
    return text[:1].upper() + text[1:] if draw(st.booleans()) else text


def _hedged(draw: Draw, hedge: Hedge, number_text: str) -> str:
    return draw(st.sampled_from(_HEDGE_PHRASES[hedge])).format(number_text)


# -- quantities ---------------------------------------------------------------------------------


_ALL_HEDGES = tuple(Hedge)
# The least nominal value each hedge can state: "nearly 0" and "under 0" would be empty.
_HEDGE_MINIMUM = {Hedge.NEARLY: 1, Hedge.FEWER_THAN: 1, Hedge.APPROXIMATE: 1}


def quantities(
    *, hedges: Iterable[Hedge] | None = None, min_value: int = 0, max_value: int = 10**7
) -> st.SearchStrategy[Quantity]:
    """Quantities parsed from generated text, whose stated numbers lie in [min_value, max_value].

    Covers exact integers with and without thousands separators (and TOML integers),
    every hedge word of the design's table, ranges, rounded figures ("2.4 million",
    "15.70") and percentages. `hedges` limits the hedges used (default: all of Hedge).
    """
    min_value = _check_integer("min_value", min_value)
    max_value = _check_integer("max_value", max_value)
    if min_value < 0:
        raise InvalidArgument(f"min_value={min_value!r} must be at least 0: hedged quantities cannot be negative")
    _check_order("min_value", min_value, "max_value", max_value)
    if hedges is None:
        chosen = _ALL_HEDGES
    else:
        chosen = tuple(hedges)
        wrong = [hedge for hedge in chosen if not isinstance(hedge, Hedge)]
        if wrong:
            raise InvalidArgument(f"hedges must be members of factlint.Hedge, not {wrong[0]!r}")
        if not chosen:
            raise InvalidArgument("hedges must name at least one Hedge")
    possible = tuple(dict.fromkeys(hedge for hedge in chosen if max_value >= _HEDGE_MINIMUM.get(hedge, 0)))
    if not possible:
        raise InvalidArgument(
            f"no quantity with hedges {[hedge.value for hedge in chosen]} has a number up to max_value={max_value}"
        )
    return _quantities(possible, min_value, max_value)


@st.composite
def _quantities(draw: Draw, hedges: tuple[Hedge, ...], low: int, high: int) -> Quantity:
    hedge = draw(st.sampled_from(hedges))
    percent = high >= max(low, 1) and low <= 100 and draw(st.integers(0, 4)) == 0
    top = min(high, 100) if percent else high
    sign = draw(st.sampled_from(_PERCENT_SIGNS)) if percent else ""
    if hedge is Hedge.EXACT:
        if not percent and draw(st.booleans()):
            number = draw(st.integers(low, high))
            if draw(st.integers(0, 4)) == 0:
                return parse_quantity(number)  # a TOML integer
            return parse_quantity(_integer_text(draw, number))
        return parse_quantity(_rounded_text(draw, low, top, percent=percent) + sign)
    if hedge is Hedge.RANGE:
        first = draw(st.integers(low, top))
        second = draw(st.integers(first, top))
        phrase = draw(st.sampled_from(_RANGE_PHRASES))
        if percent:
            first_text = str(first) + (draw(st.sampled_from(("", "%"))) if "-" in phrase else "")
            return parse_quantity(phrase.format(first_text, second) + "%")
        return parse_quantity(_capitalised(draw, phrase.format(_integer_text(draw, first), _integer_text(draw, second))))
    number = draw(st.integers(max(low, _HEDGE_MINIMUM.get(hedge, 0)), top))
    text = (str(number) + sign) if percent else _number_text(draw, number)
    return parse_quantity(_capitalised(draw, _hedged(draw, hedge, text)))


def _rounded_text(draw: Draw, low: int, high: int, *, percent: bool) -> str:
    """A figure rounded to its last stated digit, between low and high: "2.4 million", "15.70", "34.5"."""
    scales = [1] if percent else [1, *(scale for scale in _SCALE_WORDS if scale <= high)]
    # A last digit with a stated value between low and high: "2 million" cannot lie in [1,001, 1,001].
    digits = [
        (scale, decimals)
        for scale in scales
        for decimals in range(1 if scale == 1 and not percent else 0, 4)
        if math.floor(high / Fraction(scale, 10**decimals)) >= math.ceil(low / Fraction(scale, 10**decimals))
    ]
    scale, decimals = draw(st.sampled_from(digits))
    unit = Fraction(scale, 10**decimals)
    units = draw(st.integers(math.ceil(low / unit), math.floor(high / unit)))
    word = draw(st.sampled_from(_SCALE_WORDS[scale])) if scale > 1 else ""
    return _decimal_text(draw, units, decimals) + word


def _stated(draw: Draw, true: Fraction, *, percent: bool = False, exact_only: bool = False) -> Quantity:
    """A statement of a true value: exact, rounded or hedged, whose reading contains it.

    Numbers are drawn up to the edge of what the hedge allows ("nearly 100" for 90).
    """
    sign = draw(st.sampled_from(_PERCENT_SIGNS)) if percent else ""
    floor, ceiling = math.floor(true), math.ceil(true)
    options: list[str] = []
    if true.denominator == 1 and not percent:
        options += ["exact", "exact"]
    options.append("rounded")
    if not exact_only:
        if math.floor(true / Fraction(9, 10)) >= max(1, math.ceil(true / Fraction(11, 10))):
            options.append("about")
        if math.floor(true / Fraction(9, 10)) >= floor + 1:
            options.append("nearly")
        options += ["at least", "at most", "fewer than", "range"]
        if true > 0:
            options.append("more than")
    option = draw(st.sampled_from(options))
    offset = st.integers(0, max(10, ceiling))
    if option == "exact":
        text = _integer_text(draw, int(true))
    elif option == "rounded":
        text = _rounding_of(draw, true, percent=percent) + sign
    elif option == "about":
        number = draw(st.integers(max(1, math.ceil(true / Fraction(11, 10))), math.floor(true / Fraction(9, 10))))
        text = _hedged(draw, Hedge.APPROXIMATE, _number_or_percent(draw, number, sign))
    elif option == "nearly":
        number = draw(st.integers(floor + 1, math.floor(true / Fraction(9, 10))))
        text = _hedged(draw, Hedge.NEARLY, _number_or_percent(draw, number, sign))
    elif option == "at least":
        text = _hedged(draw, Hedge.AT_LEAST, _number_or_percent(draw, max(0, floor - draw(offset)), sign))
    elif option == "more than":
        text = _hedged(draw, Hedge.MORE_THAN, _number_or_percent(draw, max(0, ceiling - 1 - draw(offset)), sign))
    elif option == "at most":
        text = _hedged(draw, Hedge.AT_MOST, _number_or_percent(draw, ceiling + draw(offset), sign))
    elif option == "fewer than":
        text = _hedged(draw, Hedge.FEWER_THAN, _number_or_percent(draw, floor + 1 + draw(offset), sign))
    else:
        first, second = max(0, floor - draw(offset)), ceiling + draw(offset)
        phrase = draw(st.sampled_from(_RANGE_PHRASES))
        text = phrase.format(_integer_text(draw, first), _integer_text(draw, second)) + sign
    quantity = parse_quantity(_capitalised(draw, text))
    if true not in quantity.interval or quantity.percent is not percent:  # pragma: no cover
        raise AssertionError(f"{quantity.text!r} ({quantity.interval}) was drawn to state {true}")
    return quantity


def _number_or_percent(draw: Draw, number: int, sign: str) -> str:
    return f"{number}{sign}" if sign else _number_text(draw, number)


def _rounding_of(draw: Draw, true: Fraction, *, percent: bool) -> str:
    """The true value rounded half-up (factlint's default reading) to a drawn last digit."""
    scales = [1] if percent else [1, *(scale for scale in _SCALE_WORDS if scale <= true)]
    scale = draw(st.sampled_from(scales))
    decimals = draw(st.integers(1 if scale == 1 and not percent else 0, 3))
    unit = Fraction(scale, 10**decimals)
    units = math.floor(true / unit + Fraction(1, 2))
    word = draw(st.sampled_from(_SCALE_WORDS[scale])) if scale > 1 else ""
    return _decimal_text(draw, units, decimals) + word


# -- intervals --------------------------------------------------------------------------------


def intervals(
    *, min_value: int = -(10**6), max_value: int = 10**6, allow_infinite: bool = True
) -> st.SearchStrategy[Interval]:
    """Intervals with rational ends in [min_value, max_value], open or closed; infinite ends if allowed."""
    min_value = _check_integer("min_value", min_value)
    max_value = _check_integer("max_value", max_value)
    _check_order("min_value", min_value, "max_value", max_value)
    if not isinstance(allow_infinite, bool):
        raise InvalidArgument(f"allow_infinite={allow_infinite!r} must be True or False")
    return _intervals(min_value, max_value, allow_infinite)


@st.composite
def _intervals(draw: Draw, low: int, high: int, allow_infinite: bool) -> Interval:
    ends = st.fractions(low, high, max_denominator=20)
    first, second = sorted((draw(ends), draw(ends)))
    low_open, high_open = (draw(st.booleans()), draw(st.booleans())) if first < second else (False, False)
    lower = None if allow_infinite and draw(st.integers(0, 5)) == 0 else first
    upper = None if allow_infinite and draw(st.integers(0, 5)) == 0 else second
    return Interval(lower, upper, low_open, high_open)


# -- dates -------------------------------------------------------------------------------------

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_ORDINALS = {1: ("first", "1st"), 2: ("second", "2nd"), 3: ("third", "3rd"), 4: ("fourth", "4th")}
# Words a stated date may start with ("as of May 2025"); only before a whole date, not inside an interval.
_LEADING_WORDS = ("", "", "", "in ", "on ", "as of ")
_DATE_FORMS = (
    "iso-day", "date", "iso-month", "year", "sub-year", "third-of-year", "half", "quarter",
    "month", "third-of-month", "day", "days",
)  # fmt: skip


def _month_name(draw: Draw, month: int) -> str:
    name = _MONTH_NAMES[month - 1]
    return draw(st.sampled_from((name, name, name[:3], name[:3] + ".") + (("Sept",) if month == 9 else ())))


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _last_day_of(year: int, month: int) -> int:
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return (following - datetime.timedelta(days=1)).day


def _date_text(draw: Draw, day: datetime.date, *, forms: Sequence[str] = _DATE_FORMS) -> str | datetime.date:
    """A stated date, in one of the grammar's forms, whose range of days contains `day`."""
    form = draw(st.sampled_from(forms))
    year, month = day.year, day.month
    if form == "iso-day":
        return day.isoformat()
    if form == "date":
        return day  # a TOML date
    if form == "iso-month":
        return f"{year:04d}-{month:02d}"
    if form == "year":
        return draw(st.sampled_from((f"{year}", f"all of {year}")))
    if form == "sub-year":
        code = draw(st.sampled_from((33 + (month - 1) // 3, 40 + (month - 1) // 6, 21 + (month - 3) // 3)))
        if code == 24 or (not 21 <= code <= 23 and code < 33):
            code = 33 + (month - 1) // 3  # winter (24) runs across two years: use the quarter
        return f"{year:04d}-{code}"
    if form == "third-of-year":
        part = ("early", "mid", "late")[(month - 1) // 4]
        return f"{part}{draw(st.sampled_from((' ', '-')))}{year}"
    if form == "half":
        half = 1 + (month - 1) // 6
        return draw(
            st.sampled_from(
                (f"H{half} {year}", f"{_ORDINALS[half][0]} half of {year}", f"the {_ORDINALS[half][0]} half of {year}", f"{_ORDINALS[half][1]} half {year}")
            )
        )
    if form == "quarter":
        quarter = 1 + (month - 1) // 3
        return draw(st.sampled_from((f"Q{quarter} {year}", f"{_ORDINALS[quarter][0]} quarter of {year}", f"the {_ORDINALS[quarter][1]} quarter {year}")))
    name = _month_name(draw, month)
    if form == "month":
        return draw(st.sampled_from((f"{name} {year}", f"{name}, {year}", f"{name} of {year}")))
    if form == "third-of-month":
        part = "early" if day.day <= 10 else "mid" if day.day <= 20 else "late"
        return f"{part}{draw(st.sampled_from((' ', '-')))}{name} {year}"
    if form == "day":
        return draw(st.sampled_from((f"{day.day} {name} {year}", f"{name} {day.day}, {year}", f"{name} {_ordinal(day.day)} {year}", f"{_ordinal(day.day)} {name} {year}")))
    last = _last_day_of(year, month)
    other = draw(st.integers(1, last))
    first_day, last_day = sorted((day.day, other))
    separator = draw(st.sampled_from(("-", "\u2013", " or ")))
    if separator == " or ":
        first_day, last_day = day.day, other  # "1 or 2 June": either order
    return f"{first_day}{separator}{last_day} {name} {year}"


def _days_between(draw: Draw, first: datetime.date, last: datetime.date) -> datetime.date:
    return first + datetime.timedelta(days=draw(st.integers(0, (last - first).days)))


def _check_years(min_year: object, max_year: object) -> tuple[int, int]:
    min_year = _check_integer("min_year", min_year)
    max_year = _check_integer("max_year", max_year)
    if min_year < 1000 or max_year > 9999:
        raise InvalidArgument(f"years must be written with four digits: 1000 <= min_year <= max_year <= 9999, not {min_year}..{max_year}")
    _check_order("min_year", min_year, "max_year", max_year)
    return min_year, max_year


def date_ranges(*, min_year: int = 2000, max_year: int = 2030, allow_open: bool = False) -> st.SearchStrategy[DateRange]:
    """Date ranges parsed from generated text in the grammar's forms, within the years given.

    ISO and TOML dates, `YYYY-MM`, `YYYY`, sub-year codes, "late May 2025", "H1 2023",
    "Q3 2024", "1 or 2 June 2024", and EDTF intervals "2022-09/2025-05" (never reversed);
    open intervals ("2022-09/..") only when `allow_open`.
    """
    min_year, max_year = _check_years(min_year, max_year)
    if not isinstance(allow_open, bool):
        raise InvalidArgument(f"allow_open={allow_open!r} must be True or False")
    return _date_ranges(datetime.date(min_year, 1, 1), datetime.date(max_year, 12, 31), allow_open)


@st.composite
def _date_ranges(draw: Draw, first: datetime.date, last: datetime.date, allow_open: bool) -> DateRange:
    start = _days_between(draw, first, last)
    shape = draw(st.sampled_from(("plain", "plain", "interval", "open") if allow_open else ("plain", "plain", "interval")))
    if shape == "plain":
        text = _date_text(draw, start)
        if isinstance(text, str):
            text = draw(st.sampled_from(_LEADING_WORDS)) + text
        return parse_date_range(text)
    plain_forms = tuple(form for form in _DATE_FORMS if form not in ("date",))
    start_text = _date_text(draw, start, forms=plain_forms)
    if shape == "open":
        return parse_date_range(draw(st.sampled_from((f"{start_text}/..", f"../{start_text}"))))
    end = _days_between(draw, start, last)
    return parse_date_range(f"{start_text}/{_date_text(draw, end, forms=plain_forms)}")


# -- sources, claims and claim sets -------------------------------------------------------------

# Keywords are identifiers, but cannot be named in a `[[check]]` expression.
_IDENTIFIERS = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True).filter(lambda name: not keyword.iskeyword(name))
_METRICS = ("refusal-to-fight cases", "desertions", "convictions", "arrests", "people detained", "respondents")
_PUBLISHERS = ("Mediazona", "The Kyiv Independent", "Meduza", "BBC Russian", "Novaya Gazeta Europe")
_DIMS = st.dictionaries(
    st.sampled_from(("charge", "region", "army", "court")), st.sampled_from(("AWOL", "desertion", "north", "south", "1st")), max_size=2
)


def sources(*, min_year: int = 2000, max_year: int = 2030) -> st.SearchStrategy[Source]:
    """Sources with an identifier, a publisher and, usually, a published date in the years given."""
    min_year, max_year = _check_years(min_year, max_year)
    return st.builds(
        Source,
        id=_IDENTIFIERS,
        publisher=st.sampled_from(_PUBLISHERS),
        title=st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=30),
        published=st.none() | date_ranges(min_year=min_year, max_year=max_year),
        url=st.just("") | st.builds("https://example.org/{}".format, _IDENTIFIERS),
        cites=st.just(()),
    )


def _metric_strategy(metric: object) -> st.SearchStrategy[str]:
    if metric is None:
        return st.sampled_from(_METRICS)
    if isinstance(metric, str):
        return st.just(metric)
    if isinstance(metric, st.SearchStrategy):
        return metric
    raise InvalidArgument(f"metric={metric!r} must be None, a string or a strategy of strings")


def _source_ids(sources: object) -> st.SearchStrategy[str | None]:
    if sources is None:
        return st.none()
    if isinstance(sources, st.SearchStrategy):
        return sources.map(lambda source: source.id if isinstance(source, Source) else source)
    if isinstance(sources, (str, bytes)) or not isinstance(sources, Iterable):
        raise InvalidArgument(f"sources={sources!r} must be None, a sequence of Source or source ids, or a strategy")
    ids = []
    for source in sources:
        if isinstance(source, Source):
            ids.append(source.id)
        elif isinstance(source, str):
            ids.append(source)
        else:
            raise InvalidArgument(f"sources must hold Source objects or source ids, not {source!r}")
    return st.none() | st.sampled_from(ids) if ids else st.none()


def claims(*, metric: str | st.SearchStrategy[str] | None = None, sources: object = None) -> st.SearchStrategy[Claim]:
    """Arbitrary claims: any value, rate unit, dates, breakdown and base; they may well contradict each other.

    `metric` fixes the metric (a string or a strategy); `sources` gives the sources a claim may
    name (Source objects or ids, or a strategy of them); by default claims name no source.
    """
    return _claims(_metric_strategy(metric), _source_ids(sources))


@st.composite
def _claims(draw: Draw, metric: st.SearchStrategy[str], source_ids: st.SearchStrategy[str | None]) -> Claim:
    value = draw(quantities(max_value=10**6))
    time = draw(st.sampled_from(("none", "as_of", "period", "running")))
    dates = date_ranges(min_year=2015, max_year=2025)
    as_of = draw(dates) if time in ("as_of", "running") else None
    period = draw(dates) if time == "period" else None
    since = draw(date_ranges(min_year=2010, max_year=2015)) if time == "running" else None
    statistic = "mean" if not value.percent and draw(st.integers(0, 9)) == 0 else None
    base = draw(st.integers(1, 500)) if (value.percent or statistic) and draw(st.booleans()) else None
    return Claim(
        id=draw(_IDENTIFIERS),
        metric=draw(metric),
        value=value,
        unit=draw(st.sampled_from(("", "people", "cases"))),
        per=draw(st.none() | st.sampled_from(RateUnit)) if not value.percent and statistic is None else None,
        as_of=as_of,
        period=period,
        since=since,
        dims=draw(_DIMS),
        of=base,
        statistic=statistic,
        items=draw(st.integers(1, 5)) if statistic else 1,
        source=draw(source_ids),
        quote=draw(st.sampled_from(("", f"Mediazona counted {value.text} such cases."))),
    )


def claim_sets(*, min_size: int = 0, max_size: int | None = None) -> st.SearchStrategy[ClaimSet]:
    """Arbitrary claim sets of min_size to max_size claims with unique ids, their sources and random relations.

    Nothing makes them consistent: use them to check that every input gets a report, not a crash.
    """
    min_size, max_size = _check_sizes(min_size, max_size)
    return _claim_sets(min_size, max_size)


@st.composite
def _claim_sets(draw: Draw, min_size: int, max_size: int) -> ClaimSet:
    source_list = draw(st.lists(sources(), max_size=3, unique_by=lambda source: source.id))
    metric = st.sampled_from(_METRICS[:3])
    claim_list = draw(
        st.lists(claims(metric=metric, sources=source_list), min_size=min_size, max_size=max_size, unique_by=lambda claim: claim.id)
    )
    relations: list[Relation] = []
    ids = [claim.id for claim in claim_list]
    if len(ids) >= 2:
        pairs = st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True)
        for kind in draw(st.lists(st.sampled_from(("sum", "part", "ratio", "same", "check")), max_size=4)):
            first, second = draw(pairs)
            if kind == "sum":
                parts = draw(st.lists(st.sampled_from([i for i in ids if i != first]), min_size=1, max_size=4, unique=True))
                relations.append(Sum(total=first, parts=parts, complete=draw(st.booleans())))
            elif kind == "part":
                relations.append(Part(part=first, whole=second))
            elif kind == "ratio":
                relations.append(Ratio(of=first, to=second, factor=draw(st.sampled_from(_FACTOR_WORDS))[0]))
            elif kind == "same":
                relations.append(Same(claims=[first, second]))
            else:
                relations.append(Check(expr=f"{first} {draw(st.sampled_from(('<=', '<', '>=', '==')))} {second}"))
    return ClaimSet(claims=claim_list, sources=source_list, relations=relations)


# -- consistent claim sets: true values, each stated within its reading ---------------------------

# Ratio words and the factor each means; "N times more" may also mean N+1, so the truth can be either.
_FACTOR_WORDS: tuple[tuple[str, tuple[Fraction, ...]], ...] = (
    ("double", (Fraction(2),)),
    ("twice", (Fraction(2),)),
    ("two-fold", (Fraction(2),)),
    ("triple", (Fraction(3),)),
    ("three times", (Fraction(3),)),
    ("threefold", (Fraction(3),)),
    ("tenfold", (Fraction(10),)),
    ("half", (Fraction(1, 2),)),
    ("4", (Fraction(4),)),
    ("three times more", (Fraction(3), Fraction(4))),
)
# The length of a year that every conversion of a true rate uses: within every convention's range.
_TRUE_YEAR_DAYS = 365
_TRUE_UNIT_DAYS = {
    RateUnit.DAY: Fraction(1),
    RateUnit.WEEK: Fraction(7),
    RateUnit.MONTH: Fraction(_TRUE_YEAR_DAYS, 12),
    RateUnit.QUARTER: Fraction(_TRUE_YEAR_DAYS, 4),
    RateUnit.YEAR: Fraction(_TRUE_YEAR_DAYS),
}
# Claims are dated up to 2024; every source is published from 2025 on (so T102 stays silent).
_CLAIM_YEARS = (2012, 2024)
_PUBLISHED_FROM = datetime.date(2025, 1, 1)

GROUP_KINDS = ("sum", "part", "running-total", "rates", "ratio", "percentages", "mean", "check", "sources")


@attrs.define
class _Builder:
    """Collects the claims, sources and relations of a claim set as its groups are drawn."""

    draw: Draw
    claims: list[Claim] = attrs.Factory(list)
    sources: list[Source] = attrs.Factory(list)
    relations: list[Relation] = attrs.Factory(list)
    groups: int = 0

    def group(self, kind: str) -> tuple[str, str]:
        """A fresh id prefix and metric for one group, so that groups never meet in inference."""
        self.groups += 1
        word = self.draw(st.sampled_from(_METRICS))
        return f"{kind.replace('-', '_')}{self.groups}_", f"{word} ({kind} {self.groups})"

    def source(self) -> str | None:
        """A source id for a group: one of the set's sources, or none."""
        return self.draw(st.none() | st.sampled_from([source.id for source in self.sources])) if self.sources else None

    def add(self, claim: Claim) -> Claim:
        self.claims.append(claim)
        return claim

    def build(self) -> ClaimSet:
        return ClaimSet(claims=self.claims, sources=self.sources, relations=self.relations)


def _published_source(draw: Draw, source_id: str) -> Source:
    published = _days_between(draw, _PUBLISHED_FROM, datetime.date(2026, 12, 31))
    return Source(
        id=source_id,
        publisher=draw(st.sampled_from(_PUBLISHERS)),
        published=parse_date_range(_date_text(draw, published, forms=("iso-day", "date", "iso-month", "day", "third-of-month", "month"))),
    )


def _when(draw: Draw) -> DateRange | None:
    """A date for a group of claims that refer to one moment or period, or none."""
    if draw(st.booleans()):
        return None
    return draw(date_ranges(min_year=_CLAIM_YEARS[0], max_year=_CLAIM_YEARS[1]))


def _counts(total_max: int = 10**6) -> st.SearchStrategy[int]:
    return st.integers(0, 1000) | st.integers(0, total_max)


def _sum_group(draw: Draw, builder: _Builder) -> None:
    """A total and its parts (by `dims` or an explicit `[[sum]]`), and maybe a `[[part]]` of it."""
    prefix, metric = builder.group("sum")
    parts = draw(st.lists(_counts(), min_size=1, max_size=4))
    complete = draw(st.booleans())
    total = sum(parts) + (0 if complete else draw(_counts()))
    source, when = builder.source(), _when(draw)
    time = {"period": when} if draw(st.booleans()) else {"as_of": when}
    key = draw(st.sampled_from(("charge", "region")))
    by_dims = draw(st.booleans())
    total_claim = builder.add(Claim(id=f"{prefix}total", metric=metric, value=_stated(draw, Fraction(total)), source=source, **time))
    part_ids = []
    for index, part in enumerate(parts):
        dims = {key: f"kind {index}"} if by_dims else {}
        claim = builder.add(
            Claim(id=f"{prefix}part{index}", metric=metric if by_dims else f"{metric} part {index}", value=_stated(draw, Fraction(part)), dims=dims, source=source, **time)
        )
        part_ids.append(claim.id)
    if not by_dims or draw(st.booleans()):
        builder.relations.append(Sum(total=total_claim.id, parts=part_ids, complete=complete))


def _part_group(draw: Draw, builder: _Builder) -> None:
    """A whole and a part of it (sentenced out of charged), by `[[part]]`, `[[check]]` or `dims`."""
    prefix, metric = builder.group("part")
    whole = draw(_counts())
    part = draw(st.integers(0, whole))
    source, when = builder.source(), _when(draw)
    how = draw(st.sampled_from(("part", "check", "dims")))
    builder.add(Claim(id=f"{prefix}whole", metric=metric, value=_stated(draw, Fraction(whole)), as_of=when, source=source))
    builder.add(
        Claim(
            id=f"{prefix}part",
            metric=metric if how == "dims" else f"{metric}, sentenced",
            dims={"outcome": "sentenced"} if how == "dims" else {},
            value=_stated(draw, Fraction(part)),
            as_of=when,
            source=source,
        )
    )
    if how == "part":
        builder.relations.append(Part(part=f"{prefix}part", whole=f"{prefix}whole"))
    elif how == "check":
        builder.relations.append(Check(expr=f"{prefix}part <= {prefix}whole", name="part-within-whole"))


def _running_total_group(draw: Draw, builder: _Builder) -> None:
    """A count since a start, stated at later and later dates; it never falls."""
    prefix, metric = builder.group("running-total")
    since_day = _days_between(draw, datetime.date(_CLAIM_YEARS[0], 1, 1), datetime.date(_CLAIM_YEARS[0] + 2, 12, 31))
    since = parse_date_range(_date_text(draw, since_day, forms=("iso-month", "month", "iso-day", "year")))
    days = sorted(
        draw(
            st.lists(
                st.integers(0, (datetime.date(_CLAIM_YEARS[1], 12, 31) - datetime.date(_CLAIM_YEARS[0] + 3, 1, 1)).days),
                min_size=2,
                max_size=5,
                unique=True,
            )
        )
    )
    increments = draw(st.lists(st.integers(0, 5000), min_size=len(days), max_size=len(days)))
    source = builder.source()
    count = 0
    for index, (offset, increment) in enumerate(zip(days, increments)):
        count += increment
        day = datetime.date(_CLAIM_YEARS[0] + 3, 1, 1) + datetime.timedelta(days=offset)
        builder.add(
            Claim(
                id=f"{prefix}at{index}",
                metric=metric,
                value=_stated(draw, Fraction(count)),
                as_of=parse_date_range(_date_text(draw, day)),
                since=since,
                source=source,
            )
        )


def _rates_group(draw: Draw, builder: _Builder) -> None:
    """One true rate stated per day, week, month, quarter or year (`[[same]]` or inferred), and the count it gives."""
    prefix, metric = builder.group("rates")
    period = draw(date_ranges(min_year=_CLAIM_YEARS[0], max_year=_CLAIM_YEARS[1]))
    events = Fraction(draw(st.integers(1, 10**5)))
    per_day = events / period.days  # type: ignore[operator]
    units = draw(st.lists(st.sampled_from(RateUnit), min_size=2, max_size=3, unique=True))
    source = builder.source()
    with_period = draw(st.booleans())
    ids = []
    for unit in units:
        claim = builder.add(
            Claim(
                id=f"{prefix}per_{unit.value}",
                metric=metric,
                value=_stated(draw, per_day * _TRUE_UNIT_DAYS[unit]),
                per=unit,
                period=period if with_period else None,
                source=source,
            )
        )
        ids.append(claim.id)
    if draw(st.booleans()):
        builder.relations.append(Same(claims=ids))
    if with_period and draw(st.booleans()):
        builder.add(Claim(id=f"{prefix}count", metric=metric, value=_stated(draw, events), period=period, source=source))


def _ratio_group(draw: Draw, builder: _Builder) -> None:
    """Two counts of two periods, one a stated multiple ("double", "three times") of the other."""
    prefix, metric = builder.group("ratio")
    word, factors = draw(st.sampled_from(_FACTOR_WORDS))
    factor = draw(st.sampled_from(factors))
    base = draw(st.integers(0, 10**5)) * factor.denominator
    earlier, later = sorted(draw(st.lists(st.integers(*_CLAIM_YEARS), min_size=2, max_size=2, unique=True)))
    source = builder.source()
    builder.add(Claim(id=f"{prefix}of", metric=metric, value=_stated(draw, base * factor), period=str(later), source=source))
    builder.add(Claim(id=f"{prefix}to", metric=metric, value=_stated(draw, Fraction(base)), period=str(earlier), source=source))
    builder.relations.append(Ratio(of=f"{prefix}of", to=f"{prefix}to", factor=word))


def _percentages_group(draw: Draw, builder: _Builder) -> None:
    """Shares k/n of one whole by `dims`, with their base n; a complete breakdown sums to 100%."""
    prefix, metric = builder.group("percentages")
    n = draw(st.integers(1, 2000))
    counts = draw(st.lists(st.integers(0, n), min_size=1, max_size=4).filter(lambda ks: sum(ks) <= n))
    complete = sum(counts) == n or draw(st.booleans())
    if complete and sum(counts) < n:
        counts.append(n - sum(counts))
    base: int | str = n
    source, when = builder.source(), _when(draw)
    if draw(st.booleans()):
        base = builder.add(Claim(id=f"{prefix}n", metric=f"{metric}, base", value=_stated(draw, Fraction(n), exact_only=True), as_of=when)).id
        if not builder.claims[-1].value.is_exact:
            base = n
    exact = draw(st.booleans())
    share_ids = []
    for index, k in enumerate(counts):
        claim = builder.add(
            Claim(
                id=f"{prefix}share{index}",
                metric=metric,
                value=_stated(draw, Fraction(100 * k, n), percent=True, exact_only=exact),
                dims={"answer": f"option {index}"},
                of=base,
                as_of=when,
                source=source,
            )
        )
        share_ids.append(claim.id)
    if complete and draw(st.booleans()):
        builder.add(Claim(id=f"{prefix}all", metric=metric, value="100%", of=base, as_of=when, source=source))
        builder.relations.append(Sum(total=f"{prefix}all", parts=share_ids, complete=True))


def _mean_group(draw: Draw, builder: _Builder) -> None:
    """A mean of n respondents' whole-number answers (items each), stated rounded to some decimals."""
    prefix, metric = builder.group("mean")
    n, items = draw(st.integers(1, 300)), draw(st.integers(1, 5))
    top = draw(st.integers(1, 10))
    total = draw(st.integers(0, n * items * top))
    base: int | str = n
    if draw(st.booleans()):
        base = builder.add(Claim(id=f"{prefix}n", metric=f"{metric}, respondents", value=n)).id
    builder.add(
        Claim(
            id=f"{prefix}mean",
            metric=metric,
            value=_stated(draw, Fraction(total, n * items), exact_only=draw(st.booleans())),
            statistic="mean",
            of=base,
            items=items,
            source=builder.source(),
        )
    )


def _check_group(draw: Draw, builder: _Builder) -> None:
    """Counts tied by a `[[check]]` expression that their true values satisfy."""
    prefix, metric = builder.group("check")
    a, b = draw(_counts()), draw(_counts())
    slack = draw(st.integers(0, 100))
    for name, value in (("a", a), ("b", b), ("c", a + b + slack)):
        builder.add(Claim(id=f"{prefix}{name}", metric=f"{metric} {name}", value=_stated(draw, Fraction(value))))
    expr = draw(
        st.sampled_from(
            (
                f"{prefix}a + {prefix}b <= {prefix}c",
                f"{prefix}c >= {prefix}a",
                f"{prefix}c - {prefix}a >= {prefix}b",
                f"{prefix}a <= {prefix}c",
            )
        )
    )
    builder.relations.append(Check(expr=expr, name="holds-for-the-true-values"))


def _sources_group(draw: Draw, builder: _Builder) -> None:
    """One quantity stated by several sources, each in its own words."""
    prefix, metric = builder.group("sources")
    if len(builder.sources) < 2:
        return
    true = Fraction(draw(_counts()))
    when = _when(draw)
    chosen = draw(st.lists(st.sampled_from(builder.sources), min_size=2, max_size=3, unique_by=lambda source: source.id))
    for source in chosen:
        builder.add(Claim(id=f"{prefix}{source.id}", metric=metric, value=_stated(draw, true), as_of=when, source=source.id))


_GROUPS: dict[str, Callable[[Draw, _Builder], None]] = {
    "sum": _sum_group,
    "part": _part_group,
    "running-total": _running_total_group,
    "rates": _rates_group,
    "ratio": _ratio_group,
    "percentages": _percentages_group,
    "mean": _mean_group,
    "check": _check_group,
    "sources": _sources_group,
}


def consistent_claim_sets(
    *, kinds: Iterable[str] | None = None, min_groups: int = 1, max_groups: int = 4
) -> st.SearchStrategy[ClaimSet]:
    """Claim sets whose figures can all be true: no rule may report anything on them.

    Each set holds min_groups to max_groups groups of related claims, of the `kinds` given
    (default: all of GROUP_KINDS): breakdowns that sum, parts of wholes, running totals,
    one rate in several units, ratios, percentages with their base n, means and checks,
    and one quantity from several sources. Each group is built from true values, and
    every claim states its true value exactly, rounded or with a hedge that contains it.
    """
    min_groups, max_groups = _check_sizes(min_groups, max_groups)
    chosen = _check_kinds(kinds)
    return _consistent_claim_sets(chosen, min_groups, max_groups).map(lambda builder: builder.build())


def _check_kinds(kinds: Iterable[str] | None) -> tuple[str, ...]:
    if kinds is None:
        return GROUP_KINDS
    if isinstance(kinds, str):
        raise InvalidArgument(f"kinds={kinds!r} must be a collection of group kinds, not one string")
    chosen = tuple(kinds)
    unknown = [kind for kind in chosen if kind not in GROUP_KINDS]
    if unknown or not chosen:
        raise InvalidArgument(f"kinds must be a non-empty collection of {', '.join(GROUP_KINDS)}; got {chosen!r}")
    return chosen


@st.composite
def _consistent_claim_sets(draw: Draw, kinds: tuple[str, ...], min_groups: int, max_groups: int) -> _Builder:
    builder = _Builder(draw)
    for index in range(draw(st.integers(0, 3))):
        builder.sources.append(_published_source(draw, f"source{index}"))
    for kind in draw(st.lists(st.sampled_from(kinds), min_size=min_groups, max_size=max_groups)):
        _GROUPS[kind](draw, builder)
    return builder


# -- planted contradictions ----------------------------------------------------------------------


@attrs.frozen
class PlantedContradiction:
    """A claim set with one contradiction for rule `code`, held by the claims `claim_ids`.

    With `beyond_tolerance=False` the planted value sits just inside every reading, so the
    set is still consistent: the rule must stay silent.
    """

    claim_set: ClaimSet
    code: str
    claim_ids: frozenset[str] = attrs.field(converter=frozenset)
    beyond_tolerance: bool = True
    description: str = ""


def _fits(interval: Interval, candidate: int) -> bool:
    return candidate in interval


def _edge_values(feasible: Callable[[int], bool], start: int, draw: Draw) -> tuple[int, int] | None:
    """(just outside, just inside) integer values of a feasible region that holds `start`, or None.

    Searches upward or downward (drawn) from a feasible start; the region is an interval, or a
    union of a few, so doubling steps find its edge quickly and bisection pins it.
    """
    directions = [1, -1] if draw(st.booleans()) else [-1, 1]
    for direction in directions:
        inside, step = start, 1
        outside = None
        while step < 10**15:
            probe = inside + direction * step
            if probe < 0:
                break
            if feasible(probe):
                inside, step = probe, step * 2
            else:
                outside = probe
                break
        if outside is None:
            continue
        while abs(outside - inside) > 1:
            middle = (outside + inside) // 2
            if feasible(middle):
                inside = middle
            else:
                outside = middle
        return outside, inside
    return None


def _planted_value(draw: Draw, feasible: Callable[[int], bool], true: int, beyond: bool) -> int:
    edges = _edge_values(feasible, true, draw)
    assume(edges is not None)
    outside, inside = edges  # type: ignore[misc]
    return outside if beyond else inside


@attrs.define
class _Plant:
    builder: _Builder
    beyond: bool
    claim_ids: list[str] = attrs.Factory(list)
    description: str = ""

    @property
    def draw(self) -> Draw:
        return self.builder.draw

    def add(self, claim: Claim) -> Claim:
        self.claim_ids.append(claim.id)
        return self.builder.add(claim)

    def source(self) -> str | None:
        return self.builder.source()


def _plant_a101(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-sum")
    parts = draw(st.lists(_counts(10**5), min_size=2, max_size=4))
    stated_parts = [_stated(draw, Fraction(part)) for part in parts]
    parts_sum = sum((quantity.interval for quantity in stated_parts), Interval.point(0))
    total = _planted_value(draw, lambda value: value in parts_sum, sum(parts), plant.beyond)
    ids = []
    for index, quantity in enumerate(stated_parts):
        ids.append(plant.add(Claim(id=f"{prefix}part{index}", metric=f"{metric} part {index}", value=quantity)).id)
    plant.add(Claim(id=f"{prefix}total", metric=metric, value=_integer_text(draw, total)))
    plant.builder.relations.append(Sum(total=f"{prefix}total", parts=ids, complete=True))
    plant.description = f"the parts cannot add up to the total {total}"


def _plant_a102(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-part")
    whole = draw(_counts(10**5))
    whole_stated = _stated(draw, Fraction(whole))
    whole_interval = Interval(None, whole_stated.interval.high, high_open=whole_stated.interval.high_open)
    assume(whole_stated.interval.high is not None)
    part = _planted_value(draw, lambda value: value in whole_interval, draw(st.integers(0, whole)), plant.beyond)
    inferred = draw(st.booleans())
    source = plant.source()
    plant.add(Claim(id=f"{prefix}whole", metric=metric, value=whole_stated, source=source))
    plant.add(
        Claim(
            id=f"{prefix}part",
            metric=metric if inferred else f"{metric}, sentenced",
            dims={"outcome": "sentenced"} if inferred else {},
            value=_integer_text(draw, part),
            source=source,
        )
    )
    if not inferred:
        plant.builder.relations.append(Part(part=f"{prefix}part", whole=f"{prefix}whole"))
    plant.description = f"part {part} against whole {whole_stated.text!r}"


def _plant_a103(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-shares")
    n = draw(st.integers(1, 1000))
    counts = draw(st.lists(st.integers(0, n), min_size=1, max_size=3).filter(lambda ks: sum(ks) <= n))
    stated = [_stated(draw, Fraction(100 * k, n), percent=True) for k in counts]
    room = Interval(None, 100) - sum((quantity.interval for quantity in stated), Interval.point(0))

    def feasible(value: int) -> bool:
        return parse_quantity(f"{value}%").interval.intersects(room)

    share = _planted_value(draw, feasible, 0, plant.beyond)
    source, when = plant.source(), _when(draw)
    for index, quantity in enumerate([*stated, parse_quantity(f"{share}%")]):
        plant.add(Claim(id=f"{prefix}share{index}", metric=metric, value=quantity, dims={"answer": f"option {index}"}, as_of=when, source=source))
    plant.description = f"one more share of {share}% on top of shares that leave less room"


def _plant_a104(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-check")
    a, b = draw(_counts(10**5)), draw(_counts(10**5))
    a_stated, b_stated = _stated(draw, Fraction(a)), _stated(draw, Fraction(b))
    strict = draw(st.booleans())
    needed = a_stated.interval + b_stated.interval

    def feasible(value: int) -> bool:
        lowest = needed.low
        return value > lowest or (not strict and not needed.low_open and value == lowest)  # type: ignore[operator]

    c = _planted_value(draw, feasible, a + b + 1, plant.beyond)
    for name, value in (("a", a_stated), ("b", b_stated), ("c", _integer_text(draw, c))):
        plant.add(Claim(id=f"{prefix}{name}", metric=f"{metric} {name}", value=value))
    operator = "<" if strict else "<="
    plant.builder.relations.append(Check(expr=f"{prefix}a + {prefix}b {operator} {prefix}c", name="planted"))
    plant.description = f"a + b {operator} c with c = {c}"


def _plant_f003(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-reference")
    known = {claim.id for claim in plant.builder.claims} | {source.id for source in plant.builder.sources}
    missing = f"{prefix}missing"
    assert missing not in known
    kind = draw(st.sampled_from(("source", "relation", "of")))
    claim = plant.add(
        Claim(
            id=f"{prefix}claim",
            metric=metric,
            value=_stated(draw, Fraction(draw(_counts()))) if kind != "of" else "34%",
            source=missing if kind == "source" and plant.beyond else None,
            of=(missing if plant.beyond else None) if kind == "of" else None,
        )
    )
    if kind == "relation":
        whole = claim.id if not plant.beyond else missing
        if not plant.beyond:
            other = plant.add(Claim(id=f"{prefix}other", metric=f"{metric}, other", value=claim.value))
            plant.builder.relations.append(Same(claims=[claim.id, other.id]))
        else:
            plant.builder.relations.append(Part(part=claim.id, whole=whole))
    plant.description = f"a {kind} naming {missing!r}, which does not exist"


def _plant_f004(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-duplicate")
    first = plant.add(Claim(id=f"{prefix}claim", metric=metric, value=_stated(draw, Fraction(draw(_counts())))))
    second_id = first.id if plant.beyond else f"{first.id}_2"
    plant.builder.add(Claim(id=second_id, metric=f"{metric}, again", value=_stated(draw, Fraction(draw(_counts())))))
    plant.description = f"claim id {first.id!r} used twice"


def _plant_t101(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-running-total")
    since = parse_date_range(f"{_CLAIM_YEARS[0]}-{draw(st.integers(1, 12)):02d}")
    earlier_day = _days_between(draw, datetime.date(_CLAIM_YEARS[0] + 2, 1, 1), datetime.date(_CLAIM_YEARS[1] - 1, 12, 31))
    earlier_range = parse_date_range(_date_text(draw, earlier_day))
    later_day = _days_between(draw, earlier_range.last + datetime.timedelta(days=1), datetime.date(_CLAIM_YEARS[1], 12, 31))  # type: ignore[operator]
    later_range = parse_date_range(_date_text(draw, later_day, forms=("iso-day", "date", "day")))
    count = draw(_counts(10**5))
    earlier_stated = _stated(draw, Fraction(count))
    floor = Interval(earlier_stated.interval.low, None, low_open=earlier_stated.interval.low_open)
    assume(earlier_stated.interval.low is not None and earlier_stated.interval.low > 0)
    later = _planted_value(draw, lambda value: value in floor, count + draw(st.integers(0, 100)), plant.beyond)
    source = plant.source()
    plant.add(Claim(id=f"{prefix}earlier", metric=metric, value=earlier_stated, as_of=earlier_range, since=since, source=source))
    plant.add(Claim(id=f"{prefix}later", metric=metric, value=_integer_text(draw, later), as_of=later_range, since=since, source=source))
    plant.description = f"the running total falls to {later}"


def _plant_t102(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-dated-after")
    day = _days_between(draw, datetime.date(_CLAIM_YEARS[0], 1, 1), datetime.date(_CLAIM_YEARS[1], 12, 31))
    dates = parse_date_range(_date_text(draw, day))
    published = dates.first - datetime.timedelta(days=1) if plant.beyond else dates.first  # type: ignore[operator]
    source = Source(id=f"{prefix}source", publisher=draw(st.sampled_from(_PUBLISHERS)), published=published)
    plant.builder.sources.append(source)
    field = draw(st.sampled_from(("as_of", "period")))
    plant.add(Claim(id=f"{prefix}claim", metric=metric, value=_stated(draw, Fraction(draw(_counts()))), source=source.id, **{field: dates}))
    plant.description = f"{field} {dates} against a source published {published}"


def _plant_t103(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-reversed")
    end = _days_between(draw, datetime.date(_CLAIM_YEARS[0], 1, 2), datetime.date(_CLAIM_YEARS[1], 12, 31))
    start = end + datetime.timedelta(days=1) if plant.beyond else end
    value = _stated(draw, Fraction(draw(_counts())))
    if draw(st.booleans()):
        period = parse_date_range(f"{start.isoformat()}/{end.isoformat()}")
        plant.add(Claim(id=f"{prefix}claim", metric=metric, value=value, period=period))
        plant.description = f"period {period}"
    else:
        plant.add(Claim(id=f"{prefix}claim", metric=metric, value=value, as_of=end, since=start))
        plant.description = f"since {start} to as of {end}"


def _plant_r101(plant: _Plant) -> None:
    from factlint._conventions import conversion_factor

    draw = plant.draw
    prefix, metric = plant.builder.group("planted-rates")
    inferred = draw(st.booleans())
    first_unit, second_unit = draw(st.lists(st.sampled_from(RateUnit), min_size=2, max_size=2, unique=True))
    per_day = Fraction(draw(st.integers(1, 10**5)), draw(st.integers(1, 400)))
    first = _stated(draw, per_day * _TRUE_UNIT_DAYS[first_unit])
    assume(first.interval.is_bounded)
    shorter_first = list(RateUnit).index(first_unit) < list(RateUnit).index(second_unit)

    def feasible(value: int) -> bool:
        point = Interval.point(value)
        if shorter_first:
            return (first.interval * conversion_factor(first_unit, second_unit)).intersects(point)
        return (point * conversion_factor(second_unit, first_unit)).intersects(first.interval)

    true = math.floor(per_day * _TRUE_UNIT_DAYS[second_unit])
    start = true if feasible(true) else true + 1
    assume(feasible(start))
    second = _planted_value(draw, feasible, start, plant.beyond)
    source = plant.source()
    ids = [
        plant.add(Claim(id=f"{prefix}per_{first_unit.value}", metric=metric, value=first, per=first_unit, source=source)).id,
        plant.add(Claim(id=f"{prefix}per_{second_unit.value}", metric=metric, value=_integer_text(draw, second), per=second_unit, source=source)).id,
    ]
    if not inferred:
        plant.builder.relations.append(Same(claims=ids))
    plant.description = f"{first.text} per {first_unit.value} against {second} per {second_unit.value}"


def _plant_r102(plant: _Plant) -> None:
    from factlint._conventions import UNIT_DAYS

    draw = plant.draw
    prefix, metric = plant.builder.group("planted-rate-total")
    day = _days_between(draw, datetime.date(_CLAIM_YEARS[0], 1, 1), datetime.date(_CLAIM_YEARS[1], 12, 31))
    period = parse_date_range(_date_text(draw, day, forms=("year", "iso-month", "month", "quarter", "half", "sub-year")))
    unit = draw(st.sampled_from(RateUnit))
    events = draw(st.integers(1, 10**5))
    rate = _stated(draw, Fraction(events, period.days) * _TRUE_UNIT_DAYS[unit])  # type: ignore[arg-type]
    expected = rate.interval * (Interval.point(period.days) / UNIT_DAYS[unit][0])  # type: ignore[arg-type]
    count = _planted_value(draw, lambda value: value in expected, events, plant.beyond)
    source = plant.source()
    plant.add(Claim(id=f"{prefix}rate", metric=metric, value=rate, per=unit, period=period, source=source))
    plant.add(Claim(id=f"{prefix}count", metric=metric, value=_integer_text(draw, count), period=period, source=source))
    plant.description = f"{rate.text} per {unit.value} over {period} against a count of {count}"


def _plant_m101(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-ratio")
    word, factors = draw(st.sampled_from(_FACTOR_WORDS))
    base = draw(st.integers(1, 10**5)) * max(factor.denominator for factor in factors)
    to_stated = _stated(draw, Fraction(base))
    assume(to_stated.interval.is_bounded)
    products = [to_stated.interval * factor for factor in factors]
    of = _planted_value(draw, lambda value: any(value in product for product in products), int(base * factors[0]), plant.beyond)
    earlier, later = sorted(draw(st.lists(st.integers(*_CLAIM_YEARS), min_size=2, max_size=2, unique=True)))
    plant.add(Claim(id=f"{prefix}of", metric=metric, value=_integer_text(draw, of), period=str(later)))
    plant.add(Claim(id=f"{prefix}to", metric=metric, value=to_stated, period=str(earlier)))
    plant.builder.relations.append(Ratio(of=f"{prefix}of", to=f"{prefix}to", factor=word))
    plant.description = f"{of} is not {word} {to_stated.text!r}"


def _plant_c101(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-sources")
    first_source, second_source = [_published_source(draw, f"{prefix}source{index}") for index in (1, 2)]
    plant.builder.sources += [first_source, second_source]
    true = draw(_counts(10**5))
    first = _stated(draw, Fraction(true))
    second = _planted_value(draw, lambda value: value in first.interval, true, plant.beyond)
    when = _when(draw)
    plant.add(Claim(id=f"{prefix}first", metric=metric, value=first, as_of=when, source=first_source.id))
    plant.add(Claim(id=f"{prefix}second", metric=metric, value=_integer_text(draw, second), as_of=when, source=second_source.id))
    plant.description = f"{first.text!r} against {second}"


def _grim_possible(value: Fraction, decimals: int, denominator: int, scale: int) -> bool:
    """Some whole k makes scale*k/denominator round (half-up or half-down) to value at `decimals`."""
    half = Fraction(1, 2 * 10**decimals)
    k = math.ceil((value - half) * denominator / scale)
    return abs(Fraction(scale * max(k, 0), denominator) - value) <= half


def _grim_plant(plant: _Plant, *, n: int, denominator: int, decimals: int, scale: int, true: Fraction) -> Fraction:
    """A value stated to `decimals` that no k/denominator reaches (beyond), or the true one rounded (within)."""
    draw = plant.draw
    unit = Fraction(1, 10**decimals)
    if not plant.beyond:
        return math.floor(true / unit + Fraction(1, 2)) * unit
    start = math.floor(true / unit)
    top = 100 * 10**decimals if scale == 100 else 10 * 10**decimals
    for step in range(top):
        candidate = ((start + step) % top) * unit
        if not _grim_possible(candidate, decimals, denominator, scale):
            return candidate
    assume(False)
    raise AssertionError  # pragma: no cover


def _decimals_text(value: Fraction, decimals: int) -> str:
    units = int(value * 10**decimals)
    whole, fraction = divmod(units, 10**decimals)
    return f"{whole}.{fraction:0{decimals}d}" if decimals else str(whole)


def _plant_g101(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-percentage")
    decimals = draw(st.integers(0, 2))
    n = draw(st.integers(1, 100 * 10**decimals - 1))
    k = draw(st.integers(0, n))
    value = _grim_plant(plant, n=n, denominator=n, decimals=decimals, scale=100, true=Fraction(100 * k, n))
    base: int | str = n
    if draw(st.booleans()):
        base = plant.add(Claim(id=f"{prefix}n", metric=f"{metric}, base", value=n)).id
    text = _decimals_text(value, decimals) + draw(st.sampled_from(_PERCENT_SIGNS))
    plant.add(Claim(id=f"{prefix}share", metric=metric, value=text, of=base))
    plant.description = f"{text} of {n}"


def _plant_g102(plant: _Plant) -> None:
    draw = plant.draw
    prefix, metric = plant.builder.group("planted-mean")
    decimals = draw(st.integers(1, 3))
    items = draw(st.integers(1, 3))
    n = draw(st.integers(1, max(1, (10**decimals - 1) // items)))
    answers = n * items
    total = draw(st.integers(0, answers * 7))
    value = _grim_plant(plant, n=n, denominator=answers, decimals=decimals, scale=1, true=Fraction(total, answers))
    base: int | str = n
    if draw(st.booleans()):
        base = plant.add(Claim(id=f"{prefix}n", metric=f"{metric}, respondents", value=n)).id
    text = _decimals_text(value, decimals)
    plant.add(Claim(id=f"{prefix}mean", metric=metric, value=text, statistic="mean", of=base, items=items))
    plant.description = f"a mean of {text} from {n} x {items} answers"


_PLANTERS: dict[str, Callable[[_Plant], None]] = {
    "A101": _plant_a101,
    "A102": _plant_a102,
    "A103": _plant_a103,
    "A104": _plant_a104,
    "C101": _plant_c101,
    "F003": _plant_f003,
    "F004": _plant_f004,
    "G101": _plant_g101,
    "G102": _plant_g102,
    "M101": _plant_m101,
    "R101": _plant_r101,
    "R102": _plant_r102,
    "T101": _plant_t101,
    "T102": _plant_t102,
    "T103": _plant_t103,
}


def supported_codes() -> tuple[str, ...]:
    """The rule codes `contradicting_claim_sets` can plant: those it knows that are registered."""
    from factlint._rules import builtin_rules

    rules = builtin_rules()
    return tuple(code for code in sorted(_PLANTERS) if code in rules)


def contradicting_claim_sets(
    code: str, *, beyond_tolerance: bool = True, kinds: Iterable[str] | None = None, max_groups: int = 3
) -> st.SearchStrategy[PlantedContradiction]:
    """A consistent claim set with one contradiction for rule `code` planted in it.

    The planted value lies just beyond every reading of the claims around it (one unit
    past the edge), so the rule must report it, on the planted claims, and nothing else may
    fire. With `beyond_tolerance=False` the value sits just inside the edge instead: a
    near miss on which no rule may fire. `kinds` and `max_groups` shape the consistent set
    around it, as in consistent_claim_sets.
    """
    supported = supported_codes()
    if not isinstance(code, str) or code.upper() not in supported:
        raise InvalidArgument(f"code={code!r} is not one this strategy can plant; supported codes: {', '.join(supported)}")
    if not isinstance(beyond_tolerance, bool):
        raise InvalidArgument(f"beyond_tolerance={beyond_tolerance!r} must be True or False")
    chosen = _check_kinds(kinds)
    _, max_groups = _check_sizes(0, max_groups)
    return _contradicting_claim_sets(code.upper(), beyond_tolerance, chosen, max_groups)


@st.composite
def _contradicting_claim_sets(draw: Draw, code: str, beyond: bool, kinds: tuple[str, ...], max_groups: int) -> PlantedContradiction:
    builder = draw(_consistent_claim_sets(kinds, 0, max_groups))
    plant = _Plant(builder, beyond)
    _PLANTERS[code](plant)
    return PlantedContradiction(
        claim_set=builder.build(),
        code=code,
        claim_ids=plant.claim_ids,
        beyond_tolerance=beyond,
        description=plant.description,
    )
