"""XS: the example plugin's rules; factlint imports this module through the entry point `XS`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction

import factlint

__all__ = ["quote_lacks_number", "spelled_numbers", "stated_figures"]

# A number in digits: 20,538, 20 538 (any space), 20538, 2.4; then an optional scale word (2.4 million, 5k).
_DIGITS = re.compile(
    r"(?<![\d.,])(?P<whole>\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+|\d+)(?P<fraction>\.\d+)?"
    r"(?:\s*(?P<scale>thousand|million|billion|bn|mn|m|k)(?![a-z]))?",
    re.IGNORECASE,
)
_SCALES = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9}
_SMALL = {
    word: value
    for value, word in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    )
}
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SMALL.update({word: 10 * tens for tens, word in enumerate(_TENS, 2)})
_WORD_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9}
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b", re.IGNORECASE)
# Glued to a word or another number: S-300/400, 58th, COVID-19, 10:30, 10-year.
_GLUED_BEFORE = re.compile(r"(?:[A-Za-z][-/]?|\d[/:])$")
_GLUED_AFTER = re.compile(r"^(?:[-/]?[A-Za-z]|[/:]\d)")


@factlint.rule(
    "XS101",
    "quote-lacks-number",
    summary="a claim's quote states other figures but not the claim's number",
    severity=factlint.Severity.WARNING,
)
def quote_lacks_number(claim_set: factlint.ClaimSet, context: factlint.Context) -> Iterator[factlint.Violation]:
    """Family: factlint-example-plugin · Default severity: warning

    ## What it checks

    That a claim's `quote` states the claim's number, in any usual spelling: `20,538`,
    `20538` and `20 538` are one number, so are `2.4 million` and `2,400,000`, and `two`
    and `2`. A range such as `40,000-45,000` needs both of its ends in the quote. The hedge
    word is not compared: `nearly 100` and `about 100` both state 100.

    It fires only when the quote states figures of its own and none of them is the claim's
    number. Years (`2023`), days of a month (`25 August`) and numbers that are part of a name
    (`S-300`, `58th`) are not figures; a quote without figures ("double the number in 2022",
    for a value worked out from a ratio) is left alone.

    ## Why it matters

    The quote is the evidence for the number. When they disagree, one of them was copied
    from the wrong place or mistyped, and every relation checked with that number checks
    the wrong figure. The finding names the figures the quote does state.

    ## Example

    The Kyiv Independent (26 June 2025) reports 17,721 people sentenced; the figure was
    typed with two digits swapped.

    ```toml expect=XS101
    [[claim]]
    id = "sentenced_2025"
    metric = "people sentenced for refusing to fight"
    value = "17,712"
    quote = "According to Mediazona, 17,721 of the accused have already been sentenced."
    ```

    ## Use instead

    ```toml expect=none
    [[claim]]
    id = "sentenced_2025"
    metric = "people sentenced for refusing to fight"
    value = "17,721"
    quote = "According to Mediazona, 17,721 of the accused have already been sentenced."
    ```
    """
    for claim in claim_set.claims:
        if not claim.quote.strip() or _states_verbatim(claim.quote, claim.value.text):
            continue
        wanted = _numbers_of(claim.value)
        readings = {value for value, _, _ in stated_figures(claim.quote)} | set(spelled_numbers(claim.quote))
        if wanted <= readings:
            continue
        figures = [text for _, text, is_figure in stated_figures(claim.quote) if is_figure]
        if not figures:
            continue
        listed = ", ".join(dict.fromkeys(figures))
        fix = None
        if len(set(figures)) == 1 and claim.value.hedge is factlint.Hedge.EXACT:
            fix = factlint.Fix(
                description=f"state the quote's figure {figures[0]} as the value",
                claim=claim.id,
                replacement=figures[0],
            )
        yield factlint.Violation(
            message=f"the quote of {claim.id} states {listed} but not its value {claim.value.text}",
            claims=[claim],
            explanation=[
                f"value: {claim.value.text}",
                f"figures in the quote: {listed}",
                "the value or the quote was copied from the wrong place, or mistyped",
            ],
            fix=fix,
            location=claim.location_of("quote"),
        )


def stated_figures(text: str) -> Iterator[tuple[Fraction, str, bool]]:
    """Each reading of a number written in digits: its value, its text, and whether it is a figure.

    A year, a day of a month, a number in a name and a second reading ("2.4 million" is
    also 2.4) are readings but not figures.

    >>> [(int(value), shown) for value, shown, figure in stated_figures("2.4 million on 25 May 2024, S-300") if figure]
    [(2400000, '2.4 million')]
    """
    for match in _DIGITS.finditer(text):
        whole = re.sub(r"[^\d]", "", match["whole"])
        number = Fraction(whole + (match["fraction"] or ""))
        shown = match.group(0)
        before, after = text[: match.start()], text[match.end() :]
        figure = not (
            _is_year(match)
            or (number <= 31 and (_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after)))
            or _GLUED_BEFORE.search(before)
            or (match["scale"] is None and _GLUED_AFTER.match(after))
        )
        if match["scale"] is not None:
            yield number * _SCALES[match["scale"].lower()], shown, figure
            # "5 m" may be five metres: the bare number is a reading too, never a figure of its own.
            yield number, shown, False
        else:
            yield number, shown, figure
        if match["whole"] != whole:
            # "in 2021 300 soldiers" may have been read as one number: its groups are readings too.
            for group in re.split(r"[ \u00a0\u2009\u202f]", match["whole"]):
                if group.isdigit():
                    yield Fraction(group), group, False


def spelled_numbers(text: str) -> Iterator[Fraction]:
    """Numbers written in words: "two", "twenty-five", "a hundred", "two thousand five hundred".

    >>> [int(value) for value in spelled_numbers("two soldiers and twenty-five hundred cases")]
    [2, 2500]
    """
    words = re.findall(r"[a-z]+", text.lower())
    total = current = 0
    inside = False
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in _SMALL:
            current += _SMALL[word]
            inside = True
        elif word in ("a", "an") and not inside and following in _WORD_SCALES:
            current, inside = 1, True
        elif word in _WORD_SCALES and inside:
            if word == "hundred":
                current *= 100
            else:
                total, current = total + current * _WORD_SCALES[word], 0
        elif word == "and" and inside and following in _SMALL:
            continue
        else:
            if inside:
                yield Fraction(total + current)
            total = current = 0
            inside = False
    if inside:
        yield Fraction(total + current)


def _states_verbatim(quote: str, value_text: str) -> bool:
    """Whether the quote writes the value as stated ("nearly half", "hundreds"), whatever its case and spacing."""
    return " ".join(value_text.lower().split()) in " ".join(quote.lower().split())


def _numbers_of(value: factlint.Quantity) -> set[Fraction]:
    """The numbers a stated value writes: both ends of a range, else its nominal number."""
    interval = value.interval
    if value.hedge is factlint.Hedge.RANGE and interval.low is not None and interval.high is not None:
        return {interval.low, interval.high}
    return {value.nominal}


def _is_year(match: re.Match[str]) -> bool:
    return (
        match["fraction"] is None
        and match["scale"] is None
        and len(match["whole"]) == 4
        and 1800 <= int(match["whole"]) <= 2199
    )
