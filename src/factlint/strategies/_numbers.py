"""Numbers as people write them, from the parser's own tables: separators, scale words, hedges, ranges, ratio words."""

from __future__ import annotations

from hypothesis import strategies as st

from factlint._quantities import (
    _FACTOR_WORDS,
    _NUMBER_WORDS,
    _PREFIX_HEDGES,
    _SCALES,
    _SEPARATOR_SPACES,
    _SUFFIX_HEDGES,
    Factor,
    Hedge,
    QuantityError,
    parse_factor,
)

__all__ = [
    "FACTOR_WORDS",
    "PERCENT_SIGNS",
    "RANGE_PHRASES",
    "SCALE_WORDS",
    "capitalised",
    "decimal_text",
    "hedged",
    "integer_text",
    "number_text",
]

# The parser reads these from regular expressions, not tables: "{}" is where a number goes.
RANGE_PHRASES = ("{}-{}", "{}\u2013{}", "{} - {}", "between {} and {}", "from {} to {}", "{} to {}")
PERCENT_SIGNS = ("%", "%", " per cent", " percent")
# No separator and the comma are the commonest; the spaces are the parser's thousands separators.
_THOUSANDS_SEPARATORS = ("", ",", ",", *_SEPARATOR_SPACES)


def _after_number(word: str) -> tuple[str, ...]:
    """How a word follows a number: "2.4 million", but "2.4m" as well as "2.4 m"."""
    return (f" {word}", word) if len(word) <= 2 else (f" {word}",)


def _scale_words() -> dict[int, tuple[str, ...]]:
    words: dict[int, list[str]] = {}
    for word, scale in _SCALES.items():
        words.setdefault(scale, []).extend(_after_number(word))
    return {scale: tuple(written) for scale, written in words.items()}


# Each scale with the ways its words follow a number: {1_000: (" k", "k", " thousand"), ...}.
SCALE_WORDS = _scale_words()


def _hedge_phrases(hedge: Hedge) -> tuple[str, ...]:
    """The parser's phrases for a hedge, "{}" where the number goes: a word takes a space, a sign ("~", "+") may not."""
    phrases: list[str] = []
    for phrase, meaning in _PREFIX_HEDGES.items():
        if meaning is hedge:
            phrases += [f"{phrase} {{}}"] if phrase[-1].isalpha() else [f"{phrase}{{}}", f"{phrase} {{}}"]
    for phrase, meaning in _SUFFIX_HEDGES.items():
        if meaning is hedge:
            phrases += [f"{{}} {phrase}"] if phrase[0].isalpha() else [f"{{}}{phrase}", f"{{}} {phrase}"]
    return tuple(phrases)


_HEDGE_PHRASES: dict[Hedge, tuple[str, ...]] = {hedge: _hedge_phrases(hedge) for hedge in Hedge if hedge not in (Hedge.EXACT, Hedge.RANGE)}


def _ratio_words() -> tuple[str, ...]:
    """The parser's ratio words, and "N times", "N times more", "Nfold" and digits for each of its number words."""
    words = list(_FACTOR_WORDS)
    for word, value in _NUMBER_WORDS.items():
        words += [f"{word} times", f"{word} times more", f"{word} times less", str(value)]
        if " " not in word:  # "tenfold", but not "a hundredfold": "fold" follows one word
            words += [f"{word}fold", f"{word}-fold"]
    return tuple(dict.fromkeys(words))


# "10 percent higher": a stated percentage (read with its own precision and hedge) and a direction.
_PERCENT_CHANGES = ("5", "10", "12.5", "about 20", "25", "nearly 50", "75")
_CHANGE_WORDS = ("higher", "more", "up", "lower", "less", "down")


def _qualified_ratio_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """Ratio words stated "exactly" or with a hedge ("nearly double", "more than tripled"), and percentage changes."""
    plain = [word for word in words if not word[0].isdigit() and not word.endswith(("more", "less"))]
    qualified = [f"exactly {word}" for word in plain[::2]]
    # Each hedge phrase with two of the words, taken in turn, so that every word is hedged somewhere.
    phrases = [phrase for phrase in _PREFIX_HEDGES if phrase[-1].isalpha()]
    for index, phrase in enumerate(phrases):
        qualified += [f"{phrase} {plain[(2 * index + step) % len(plain)]}" for step in (0, 1)]
    for index, change in enumerate(_PERCENT_CHANGES):
        sign = PERCENT_SIGNS[index % len(PERCENT_SIGNS)]
        qualified += [f"{change}{sign} {direction}" for direction in _CHANGE_WORDS]
    qualified += ["exactly 10% higher", "150 percent more", "200% up"]
    return tuple(dict.fromkeys(qualified))


def _factor_words() -> tuple[tuple[str, Factor], ...]:
    """Each word with its factor; built from the parser's tables, so a combination it does not read is left out."""
    words = _ratio_words()
    found = []
    for word in (*words, *_qualified_ratio_words(words)):
        try:
            found.append((word, parse_factor(word)))
        except QuantityError:  # "a dozen times": a number word that the ratio grammar does not take
            continue
    return tuple(found)


# Each ratio word with the factor the parser reads: its candidates and, for each, the interval
# of multipliers an honest reader allows ("double" is 1.8 to 2.2; "three times more" 3 or 4, approximately).
FACTOR_WORDS: tuple[tuple[str, Factor], ...] = _factor_words()


def integer_text(draw: st.DrawFn, number: int) -> str:
    """An integer as people write it: 20538, 20,538 or 20 538 (thin space)."""
    separator = draw(st.sampled_from(_THOUSANDS_SEPARATORS))
    return f"{number:,}".replace(",", separator)


def decimal_text(draw: st.DrawFn, units: int, decimals: int) -> str:
    """units / 10**decimals with exactly `decimals` decimals: (157, 1) -> "15.7"."""
    whole, fraction = divmod(units, 10**decimals)
    text = integer_text(draw, whole)
    return f"{text}.{fraction:0{decimals}d}" if decimals else text


def number_text(draw: st.DrawFn, number: int) -> str:
    """An integer, sometimes with a scale word when it has the trailing zeros for one: 2,400,000 -> "2.4 million"."""
    scales = [scale for scale in SCALE_WORDS if number >= scale and number % (scale // 100) == 0]
    if len(scales) > 0 and draw(st.booleans()):
        scale = draw(st.sampled_from(scales))
        units, decimals = number * 100 // scale, 2
        while decimals and units % 10 == 0:
            units, decimals = units // 10, decimals - 1
        return decimal_text(draw, units, decimals) + draw(st.sampled_from(SCALE_WORDS[scale]))
    return integer_text(draw, number)


def capitalised(draw: st.DrawFn, text: str) -> str:
    """The text, or the text starting a sentence: the parser reads both."""
    return text[:1].upper() + text[1:] if draw(st.booleans()) else text


def hedged(draw: st.DrawFn, hedge: Hedge, number: str) -> str:
    """A written number with one of the parser's phrases for the hedge: "nearly 100", "100 or more"."""
    return draw(st.sampled_from(_HEDGE_PHRASES[hedge])).format(number)
