"""The `[[check]]` expression language: a small whitelisted grammar, read by hand and never executed."""

from __future__ import annotations

import keyword
import math
import re
from collections.abc import Callable, Iterator, Mapping
from fractions import Fraction
from typing import TypeVar

import attrs

from factlint._intervals import Interval, Truth, format_number
from factlint._patterns import lazy_pattern

__all__ = ["Expression", "ExpressionError", "ExpressionTooLarge", "parse_expression"]

# Limits keep pathological input a plain error rather than a RecursionError or a slow parse.
_MAX_LENGTH = 2000
_MAX_DEPTH = 50
# No real figure comes near 10,000 digits, but multiplying a 4,300-digit value by itself
# a thousand times takes minutes: evaluation stops once an intermediate result passes it.
MAX_DIGITS = 10_000
# A whole number of more bits than this has more than MAX_DIGITS digits.
_MAX_BITS = math.ceil(MAX_DIGITS * math.log2(10))


class ExpressionError(ValueError):
    """A check expression that cannot be read.

    str() is a plain message; `column` is the 1-based column where the problem starts.
    """

    def __init__(self, message: str, column: int) -> None:
        # Both go in args so that the error survives pickling (pytest-xdist, multiprocessing).
        super().__init__(message, column)

    @property
    def column(self) -> int:
        return int(self.args[1])

    def __str__(self) -> str:
        return str(self.args[0])


class ExpressionTooLarge(ArithmeticError):
    """Evaluating a check needs a number of more than MAX_DIGITS digits (numerator or denominator)."""


def _too_large(number: Fraction | None) -> bool:
    return number is not None and max(number.numerator.bit_length(), number.denominator.bit_length()) > _MAX_BITS


def _bounded(interval: Interval) -> Interval:
    if _too_large(interval.low) or _too_large(interval.high):
        raise ExpressionTooLarge(f"the arithmetic grows past {MAX_DIGITS:,} digits")
    return interval


# -- the parsed tree -------------------------------------------------------------------


@attrs.frozen
class _Number:
    value: Fraction


@attrs.frozen
class _Name:
    id: str
    start: int
    end: int


@attrs.frozen
class _Negation:
    operand: _Node


@attrs.frozen
class _Operation:
    """Operands of one precedence joined left to right: a + b - c, or a * b / c.

    Flat rather than nested, so that a long sum stays a shallow tree.
    """

    first: _Node
    rest: tuple[tuple[str, _Node], ...]


_Node = _Number | _Name | _Negation | _Operation


@attrs.frozen
class _Comparison:
    """A chain such as a <= b < c: every neighbouring pair must hold."""

    operands: tuple[_Node, ...]
    operators: tuple[str, ...]
    # Where each operand is written, to show its arithmetic in an explanation.
    spans: tuple[tuple[int, int], ...]


_ADDITIVE = {"+": "+", "-": "-"}
_MULTIPLICATIVE = {"*": "*", "×": "*", "/": "/", "÷": "/"}
_COMPARISONS: dict[str, Callable[[Interval, Interval], Truth]] = {
    "<": Interval.less_than,
    "<=": Interval.less_equal,
    ">": Interval.greater_than,
    ">=": Interval.greater_equal,
    "==": Interval.equals,
    "=": Interval.equals,
    "!=": lambda left, right: ~left.equals(right),
}


# Checks compute with intervals of the claims' readings, and with exact numbers for constant parts.
_Operand = TypeVar("_Operand", Interval, Fraction)


def _arithmetic(symbol: str, left: _Operand, right: _Operand) -> _Operand:
    if symbol == "+":
        return left + right
    if symbol == "-":
        return left - right
    if symbol == "*":
        return left * right
    return left / right


def _value(node: _Node, values: Mapping[str, Interval]) -> Interval:
    if isinstance(node, _Number):
        return Interval.point(node.value)
    if isinstance(node, _Name):
        return values[node.id]
    if isinstance(node, _Negation):
        return -_value(node.operand, values)
    result = _value(node.first, values)
    for symbol, operand in node.rest:
        result = _bounded(_arithmetic(symbol, result, _value(operand, values)))
    return result


def _constant(node: _Node) -> Fraction | None:
    """The value of a part without claim ids, or None when it has some."""
    if isinstance(node, _Number):
        return node.value
    if isinstance(node, _Name):
        return None
    if isinstance(node, _Negation):
        inner = _constant(node.operand)
        return None if inner is None else -inner
    result = _constant(node.first)
    for symbol, operand in node.rest:
        value = _constant(operand)
        if result is None or value is None:
            return None
        result = _arithmetic(symbol, result, value)
    return result


def _occurrences(node: _Node) -> Iterator[_Name]:
    if isinstance(node, _Name):
        yield node
    elif isinstance(node, _Negation):
        yield from _occurrences(node.operand)
    elif isinstance(node, _Operation):
        yield from _occurrences(node.first)
        for _, operand in node.rest:
            yield from _occurrences(operand)


def _show(interval: Interval) -> str:
    low = interval.low
    return format_number(low) if low is not None and interval.is_point else str(interval)


@attrs.frozen
class Expression:
    """A `[[check]]` expression: comparisons of sums over claim ids and numbers, joined by 'and'.

    Build one with `parse_expression`; two expressions are equal when their texts are.
    """

    text: str
    _comparisons: tuple[_Comparison, ...] = attrs.field(eq=False, repr=False)

    def names(self) -> frozenset[str]:
        """The claim ids the expression refers to."""
        return frozenset(name.id for name in self._names_in_order())

    def evaluate(self, values: Mapping[str, Interval]) -> Truth:
        """Whether the expression holds for every, some or no choice of values inside the intervals.

        Raises ExpressionTooLarge when an intermediate result passes MAX_DIGITS digits.
        """
        truth = Truth.CERTAINLY
        for comparison in self._comparisons:
            operands = [_value(operand, values) for operand in comparison.operands]
            for left, symbol, right in zip(operands, comparison.operators, operands[1:]):
                truth &= _COMPARISONS[symbol](left, right)
        return truth

    def explain(self, values: Mapping[str, Interval], display: Mapping[str, str]) -> str:
        """The expression with each id replaced by its displayed value, then the value of each compound side.

        An id missing from `display` is shown by its value in `values`.
        """
        names = self._names_in_order()

        def render(start: int, end: int) -> str:
            pieces, position = [], start
            for name in names:
                if start <= name.start and name.end <= end:
                    pieces.append(_collapse(self.text[position : name.start]))
                    pieces.append(_displayed(name.id, values, display))
                    position = name.end
            pieces.append(_collapse(self.text[position:end]))
            return "".join(pieces)

        first, last = self._comparisons[0].spans[0], self._comparisons[-1].spans[-1]
        workings = [
            f"{render(*span)} = {_show(_value(operand, values))}"
            for comparison in self._comparisons
            for operand, span in zip(comparison.operands, comparison.spans)
            if isinstance(operand, _Operation)
        ]
        shown = render(first[0], last[1])
        return f"{shown} ({'; '.join(workings)})" if workings else shown

    def _names_in_order(self) -> list[_Name]:
        return [
            name
            for comparison in self._comparisons
            for operand in comparison.operands
            for name in _occurrences(operand)
        ]


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _displayed(claim_id: str, values: Mapping[str, Interval], display: Mapping[str, str]) -> str:
    if claim_id in display:
        return display[claim_id]
    if claim_id in values:
        return _show(values[claim_id])
    return claim_id


def parse_expression(text: str) -> Expression:
    """Read a `[[check]]` expression such as "sentenced <= cases" or "a + b + c == total".

    >>> parse_expression("a + b <= 10%").names() == {"a", "b"}
    True
    """
    if not isinstance(text, str):
        raise ExpressionError(f"a check must be text, not {type(text).__name__} {text!r}", 1)
    if len(text) > _MAX_LENGTH:
        raise _error(text, f"a check is longer than {_MAX_LENGTH:,} characters", _MAX_LENGTH)
    return _Parser(text).parse()


# -- reading -----------------------------------------------------------------------------


@attrs.frozen
class _Token:
    kind: str  # "number", "name", "and", "operator", "(", ")" or "end"
    text: str
    start: int  # offset in the expression text
    value: Fraction | None = None

    @property
    def end(self) -> int:
        return self.start + len(self.text)


_NUMBER = lazy_pattern(r"[0-9]{1,3}(?:[,_][0-9]{3})+(?:\.[0-9]+)?%?|[0-9]+(?:\.[0-9]+)?%?")
_NAME = lazy_pattern(r"[^\W\d]\w*")
# What a number runs on into, for an error message: "2.5x" or "20,5381".
_RUN = lazy_pattern(r"[\w.,%]*")
_OPERATORS = ("<=", ">=", "==", "!=", "<", ">", "=", "+", "-", "*", "×", "/", "÷")
_ALLOWED = "use numbers, claim ids, + - * / × ÷, comparisons (< <= > >= == !=), parentheses and 'and'"
_FORBIDDEN_PAIRS = {
    "**": "'**' (a power) is not allowed",
    "//": "'//' (floor division) is not allowed: use '/'",
}
_FORBIDDEN_CHARACTERS = {
    "'": "strings are not allowed: a check compares numbers and claim ids",
    '"': "strings are not allowed: a check compares numbers and claim ids",
    "[": "brackets are not allowed: use parentheses ( ) to group",
    "]": "brackets are not allowed: use parentheses ( ) to group",
    "{": "braces are not allowed: use parentheses ( ) to group",
    "}": "braces are not allowed: use parentheses ( ) to group",
    "%": "'%' must follow a number directly, as in 34%; there is no remainder operator",
    ",": "',' is only allowed inside a number, as in 20,538",
    "!": "'!' is only allowed in '!='",
    "&": "'&' is not allowed: join comparisons with 'and'",
    "|": "'|' is not allowed: every comparison in a check must hold, so join them with 'and'",
}
_FORBIDDEN_KEYWORDS = {
    "or": "'or' is not allowed: every comparison in a check must hold, so join them with 'and'",
    "not": "'not' is not allowed: write the opposite comparison instead, e.g. a > b rather than not a <= b",
}


def _error(text: str, reason: str, offset: int) -> ExpressionError:
    shown = text if len(text) <= 60 else text[:59] + "…"
    return ExpressionError(f"cannot read {shown!r}: {reason}", offset + 1)


def _tokenize(text: str) -> Iterator[_Token]:
    """Tokens one at a time, so that the first problem from the left is the one reported."""
    position, previous = 0, ""
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position == len(text):
            yield _Token("end", "", position)
            return
        token = _read_token(text, position, previous)
        yield token
        position, previous = token.end, token.kind


def _read_token(text: str, position: int, previous: str) -> _Token:
    number = _NUMBER.match(text, position)
    if number:
        return _number_token(text, number)
    name = _NAME.match(text, position)
    if name:
        return _name_token(text, name)
    pair = text[position : position + 2]
    if pair in _FORBIDDEN_PAIRS:
        raise _error(text, _FORBIDDEN_PAIRS[pair], position)
    for symbol in _OPERATORS:
        if text.startswith(symbol, position):
            return _Token("operator", symbol, position)
    char = text[position]
    if char in "()":
        return _Token(char, char, position)
    if char == ".":
        if previous in ("name", ")"):
            raise _error(text, "'.' after a name: attribute access is not allowed", position)
        raise _error(text, "'.' is only allowed inside a number, as in 0.5", position)
    reason = _FORBIDDEN_CHARACTERS.get(char, f"{char!r} is not allowed in a check: {_ALLOWED}")
    raise _error(text, reason, position)


def _number_token(text: str, match: re.Match[str]) -> _Token:
    written = match.group()
    after = text[match.end() : match.end() + 1]
    if after and (after.isalnum() or after in "_.,"):
        run_match = _RUN.match(text, match.start())
        run = run_match.group() if run_match else written
        if _NAME.match(after):
            reason = f"the number {written} runs into a name in {run!r}: put an operator between them"
        else:
            reason = (
                f"{run!r} is not a number: write digits, with ',' or '_' between groups of three "
                "and '.' before decimals, e.g. 20,538 or 2.5"
            )
        raise _error(text, reason, match.start())
    digits = written.rstrip("%").replace(",", "").replace("_", "")
    value = Fraction(digits) / (100 if written.endswith("%") else 1)
    return _Token("number", written, match.start(), value)


def _name_token(text: str, match: re.Match[str]) -> _Token:
    word = match.group()
    if word == "and":
        return _Token("and", word, match.start())
    if word in _FORBIDDEN_KEYWORDS:
        raise _error(text, _FORBIDDEN_KEYWORDS[word], match.start())
    if keyword.iskeyword(word):
        raise _error(text, f"{word!r} is a Python keyword, not a claim id: {_ALLOWED}", match.start())
    if not word.isidentifier():
        raise _error(text, f"{word!r} is not a claim id: an id is a Python identifier", match.start())
    return _Token("name", word, match.start())


def _describe(token: _Token) -> str:
    if token.kind == "number":
        return f"the number {token.text}"
    if token.kind == "name":
        return f"the claim id {token.text!r}"
    return repr(token.text)


class _Parser:
    """Recursive descent over the grammar; depth is bounded, so recursion is too."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._tokens = _tokenize(text)
        self._previous: _Token | None = None
        self._token = next(self._tokens)
        self._depth = 0

    def parse(self) -> Expression:
        if self._token.kind == "end":
            raise _error(self._text, "a check cannot be empty", 0)
        comparisons = [self._comparison()]
        while self._token.kind == "and":
            self._advance()
            comparisons.append(self._comparison())
        if self._token.kind != "end":
            raise self._unexpected("an operator or 'and'")
        return Expression(self._text, tuple(comparisons))

    def _advance(self) -> _Token:
        token = self._token
        self._previous = token
        self._token = next(self._tokens)
        return token

    def _enter(self, token: _Token) -> None:
        self._depth += 1
        if self._depth > _MAX_DEPTH:
            raise _error(
                self._text, f"parentheses and minus signs are nested more than {_MAX_DEPTH} deep", token.start
            )

    def _unexpected(self, expected: str) -> ExpressionError:
        token = self._token
        if token.kind == "end":
            last = self._previous
            assert last is not None
            return _error(self._text, f"the check ends after {last.text!r}: expected {expected}", last.start)
        if token.kind == ")" and self._depth == 0:
            return _error(self._text, "')' has no matching '('", token.start)
        return _error(self._text, f"expected {expected}, found {_describe(token)}", token.start)

    def _comparison(self) -> _Comparison:
        operands, symbols, spans = [], [], []
        while True:
            start = self._token.start
            operands.append(self._sum())
            last = self._previous
            assert last is not None  # the operand has been read
            spans.append((start, last.end))
            if not (self._token.kind == "operator" and self._token.text in _COMPARISONS):
                break
            symbols.append(self._advance().text)
        if not symbols:
            if self._token.kind in ("end", "and"):
                raise _error(self._text, "a check must compare something, e.g. a <= b", spans[0][0])
            raise self._unexpected("an operator")
        return _Comparison(tuple(operands), tuple(symbols), tuple(spans))

    def _sum(self) -> _Node:
        return self._operation(self._product, _ADDITIVE)

    def _product(self) -> _Node:
        return self._operation(self._unary, _MULTIPLICATIVE)

    def _operation(self, operand: Callable[[], _Node], symbols: Mapping[str, str]) -> _Node:
        first = operand()
        rest = []
        while self._token.kind == "operator" and self._token.text in symbols:
            symbol = symbols[self._advance().text]
            start = self._token.start
            right = operand()
            if symbol == "/" and _constant(right) == 0:
                raise _error(self._text, "division by zero", start)
            rest.append((symbol, right))
        return _Operation(first, tuple(rest)) if rest else first

    def _unary(self) -> _Node:
        if self._token.kind == "operator" and self._token.text == "-":
            self._enter(self._advance())
            operand = self._unary()
            self._depth -= 1
            return _Negation(operand)
        return self._atom()

    def _atom(self) -> _Node:
        token = self._token
        if token.kind == "number" and token.value is not None:
            self._advance()
            return _Number(token.value)
        if token.kind == "name":
            self._advance()
            if self._token.kind == "(":
                raise _error(
                    self._text, f"'(' after the name {token.text!r}: calls are not allowed", self._token.start
                )
            return _Name(token.text, token.start, token.end)
        if token.kind == "(":
            self._enter(self._advance())
            inner = self._sum()
            if self._token.kind == "operator" and self._token.text in _COMPARISONS:
                raise _error(
                    self._text,
                    "a comparison cannot be put in parentheses: write a <= b and b <= c, or a chain a <= b <= c",
                    self._token.start,
                )
            if self._token.kind == "end":
                raise _error(self._text, "'(' is never closed", token.start)
            if self._token.kind != ")":
                raise self._unexpected("')'")
            self._advance()
            self._depth -= 1
            return inner
        raise self._unexpected("a number, a claim id or '('")
