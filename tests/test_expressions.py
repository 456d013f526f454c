"""Tests for the `[[check]]` expression language: parsing, interval evaluation, explanations and rejections."""

from __future__ import annotations

import builtins
import operator
import pickle
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factlint._expressions import Expression, ExpressionError, parse_expression
from factlint._intervals import Interval, Truth

CERTAINLY, POSSIBLY, CERTAINLY_NOT = Truth.CERTAINLY, Truth.POSSIBLY, Truth.CERTAINLY_NOT


def points(**values: int | Fraction) -> dict[str, Interval]:
    return {name: Interval.point(value) for name, value in values.items()}


# -- parsing and evaluating ----------------------------------------------------------------


def test_a_part_below_its_whole_certainly_holds():
    expression = parse_expression("sentenced <= cases")
    assert expression.names() == {"sentenced", "cases"}
    assert expression.evaluate(points(sentenced=17_721, cases=20_538)) is CERTAINLY
    assert expression.evaluate(points(sentenced=20_539, cases=20_538)) is CERTAINLY_NOT


def test_parts_that_miss_the_total_certainly_fail():
    expression = parse_expression("a + b + c == total")
    assert expression.evaluate(points(a=18_159, b=1_369, c=1_010, total=20_538)) is CERTAINLY
    assert expression.evaluate(points(a=18_159, b=1_369, c=1_010, total=20_583)) is CERTAINLY_NOT


def test_a_chain_holds_only_when_every_link_holds():
    expression = parse_expression("low <= middle < high")
    assert expression.evaluate(points(low=1, middle=2, high=3)) is CERTAINLY
    assert expression.evaluate(points(low=1, middle=3, high=3)) is CERTAINLY_NOT
    assert expression.evaluate(points(low=4, middle=3, high=5)) is CERTAINLY_NOT


def test_and_joins_comparisons():
    expression = parse_expression("a < b and b < c")
    assert expression.names() == {"a", "b", "c"}
    assert expression.evaluate(points(a=1, b=2, c=3)) is CERTAINLY
    assert expression.evaluate(points(a=1, b=2, c=2)) is CERTAINLY_NOT


@pytest.mark.parametrize(
    ("text", "truth"),
    [
        ("share == 34%", CERTAINLY),
        ("share == 0.34", CERTAINLY),
        ("share == 12.5% * 2.72", CERTAINLY),
        ("share < 34.5%", CERTAINLY),
        ("share > 34%", CERTAINLY_NOT),
    ],
)
def test_a_percent_number_means_a_hundredth(text, truth):
    assert parse_expression(text).evaluate(points(share=Fraction(34, 100))) is truth


@pytest.mark.parametrize(
    "text", ["20,538 == n", "20_538 == n", "20538 == n", "20,538.0 == n", "1_000,000 - 979,462 = n"]
)
def test_thousands_separators_are_read(text):
    assert parse_expression(text).evaluate(points(n=20_538)) is CERTAINLY


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2 + 3 * 4 == x", 14),
        ("(2 + 3) * 4 == x", 20),
        ("2 * 3 + 4 == x", 10),
        ("10 - 4 - 3 == x", 3),
        ("24 / 4 / 2 == x", 3),
        ("24 / (4 / 2) == x", 12),
        ("2 × 3 ÷ 4 == x", Fraction(3, 2)),
        ("10 - (4 - 3) == x", 9),
    ],
)
def test_multiplication_binds_tighter_and_operators_group_left(text, value):
    assert parse_expression(text).evaluate(points(x=value)) is CERTAINLY


@pytest.mark.parametrize(
    ("text", "value"),
    [("-a == x", -5), ("- -a == x", 5), ("-a * 2 == x", -10), ("3 - -a == x", 8), ("-(a - 7) == x", 2)],
)
def test_unary_minus_negates(text, value):
    assert parse_expression(text).evaluate(points(a=5, x=value)) is CERTAINLY


@pytest.mark.parametrize("symbol", ["=", "=="])
def test_single_and_double_equals_mean_the_same(symbol):
    assert parse_expression(f"a {symbol} b").evaluate(points(a=3, b=3)) is CERTAINLY


def test_not_equal_is_the_negation_of_equal():
    expression = parse_expression("a != b")
    assert expression.evaluate(points(a=3, b=4)) is CERTAINLY
    assert expression.evaluate(points(a=3, b=3)) is CERTAINLY_NOT
    assert expression.evaluate({"a": Interval(2, 4), "b": Interval.point(3)}) is POSSIBLY


# -- hedged numbers ------------------------------------------------------------------------


def test_at_least_above_a_bound_certainly_fails():
    assert parse_expression("x <= 150").evaluate({"x": Interval(170, None)}) is CERTAINLY_NOT


def test_nearly_a_hundred_is_certainly_below_a_hundred():
    assert parse_expression("x < 100").evaluate({"x": Interval(90, 100, high_open=True)}) is CERTAINLY


def test_nearly_a_hundred_may_or_may_not_be_within_95():
    assert parse_expression("x <= 95").evaluate({"x": Interval(90, 100, high_open=True)}) is POSSIBLY


def test_a_sum_of_rounded_parts_may_match_its_total():
    values = {"a": Interval(2_350_000, 2_450_000, high_open=True), "b": Interval.point(100_000)}
    expression = parse_expression("a + b == 2,500,000")
    assert expression.evaluate(values) is POSSIBLY


def test_a_divisor_that_may_be_zero_leaves_the_answer_open():
    assert parse_expression("10 / d <= 1").evaluate({"d": Interval(-1, 1)}) is POSSIBLY


# -- explanations --------------------------------------------------------------------------


def test_explain_replaces_ids_with_their_displayed_values():
    expression = parse_expression("sentenced <= cases")
    values = points(sentenced=17_721, cases=20_538)
    assert expression.explain(values, {"sentenced": "17,721", "cases": "20,538"}) == "17,721 <= 20,538"


def test_explain_shows_the_reading_of_a_hedged_number():
    expression = parse_expression("x <= 150")
    explained = expression.explain({"x": Interval(170, None)}, {"x": '"at least 170" [170, inf)'})
    assert explained == '"at least 170" [170, inf) <= 150'


def test_explain_falls_back_to_the_value_for_an_id_without_display():
    values = {"a": Interval.point(20_538), "b": Interval(90, 100, high_open=True)}
    assert parse_expression("a >= b").explain(values, {}) == "20,538 >= [90, 100)"


def test_explain_shows_the_arithmetic_of_each_side():
    expression = parse_expression("a + b + c == total")
    values = points(a=18_159, b=1_369, c=1_010, total=20_583)
    explained = expression.explain(values, {})
    assert explained == "18,159 + 1,369 + 1,010 == 20,583 (18,159 + 1,369 + 1,010 = 20,538)"


def test_explain_keeps_the_written_operators_and_collapses_whitespace():
    expression = parse_expression("  (a × 2)\n   <=  b and b != 0  ")
    assert expression.explain(points(a=3, b=7), {}) == "(3 × 2) <= 7 and 7 != 0 ((3 × 2) = 6)"


# -- the expression value ------------------------------------------------------------------


def test_expressions_with_the_same_text_are_equal_and_hashable():
    assert parse_expression("a <= b") == parse_expression("a <= b")
    assert parse_expression("a <= b") != parse_expression("a<=b")
    assert len({parse_expression("a <= b"), parse_expression("a <= b")}) == 1
    assert isinstance(parse_expression("a <= b"), Expression)


def test_dunder_names_are_only_claim_ids():
    expression = parse_expression("__class__ <= __import__")
    assert expression.names() == {"__class__", "__import__"}
    assert expression.evaluate(points(__class__=1, __import__=2)) is CERTAINLY


def test_long_flat_sums_do_not_recurse_deeply():
    expression = parse_expression(" + ".join(["1"] * 400) + " == n")
    assert expression.evaluate(points(n=400)) is CERTAINLY


# -- rejections ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "column", "words"),
    [
        ("__import__('os')", 11, "calls are not allowed"),
        ("a <= max(b, c)", 9, "calls are not allowed"),
        ("a.b <= c", 2, "attribute access"),
        ("a <= b.__class__", 7, "attribute access"),
        ("a <= 'x'", 6, "strings are not allowed"),
        ('"x" == a', 1, "strings are not allowed"),
        ("a ** 2 <= b", 3, "power"),
        ("a // 2 <= b", 3, "floor division"),
        ("lambda: 1", 1, "Python keyword"),
        ("a <= b if c else d", 8, "Python keyword"),
        ("True == a", 1, "Python keyword"),
        ("a < b or b < c", 7, "'or' is not allowed"),
        ("not a < b", 1, "'not' is not allowed"),
        ("a[0] <= b", 2, "brackets"),
        ("{a} <= b", 1, "braces"),
        ("a @ b <= c", 3, "'@' is not allowed"),
        ("a <= b; c", 7, "';' is not allowed"),
        ("a % 2 == 1", 3, "'%' must follow a number"),
        ("a <= b & c", 8, "join comparisons with 'and'"),
        ("a ! b", 3, "'!' is only allowed in '!='"),
        ("a, b <= c", 2, "',' is only allowed inside a number"),
        (".5 <= a", 1, "'.' is only allowed inside a number"),
        ("", 1, "cannot be empty"),
        (" \t\n", 1, "cannot be empty"),
        ("(a + b <= c", 8, "cannot be put in parentheses"),
        ("(a + b", 1, "'(' is never closed"),
        ("a <= (b * (c + 1)", 6, "'(' is never closed"),
        ("a <= b)", 7, "')' has no matching '('"),
        ("a <= b +", 8, "the check ends after '+'"),
        ("a <=", 3, "the check ends after '<='"),
        ("a <= b and", 8, "the check ends after 'and'"),
        ("a + b", 1, "a check must compare something"),
        ("a < b and c * 2", 11, "a check must compare something"),
        ("a b <= c", 3, "expected an operator, found the claim id 'b'"),
        ("a <= b c", 8, "expected an operator or 'and', found the claim id 'c'"),
        ("a <= + b", 6, "expected a number, a claim id or '(', found '+'"),
        ("a / 0 <= b", 5, "division by zero"),
        ("a <= b ÷ (2 - 2)", 10, "division by zero"),
        ("1,00 <= a", 1, "'1,00' is not a number"),
        ("1.5.2 <= a", 1, "'1.5.2' is not a number"),
        ("2a <= b", 1, "runs into a name"),
        ("1e5 <= b", 1, "runs into a name"),
    ],
)
def test_text_outside_the_grammar_is_rejected_with_its_column(text, column, words):
    with pytest.raises(ExpressionError) as caught:
        parse_expression(text)
    assert caught.value.column == column
    assert words in str(caught.value)
    assert "Traceback" not in str(caught.value)


def test_function_call_is_rejected_with_its_column():
    with pytest.raises(ExpressionError, match=r"'\(' after the name '__import__': calls are not allowed") as caught:
        parse_expression("__import__('os').system('rm -rf /') == 0")
    assert caught.value.column == 11


def test_the_message_quotes_the_text_it_could_not_read():
    with pytest.raises(ExpressionError) as caught:
        parse_expression("a <= b +")
    assert str(caught.value) == "cannot read 'a <= b +': the check ends after '+': expected a number, a claim id or '('"


def test_an_expression_error_is_a_value_error_that_survives_pickling():
    with pytest.raises(ValueError) as caught:
        parse_expression("a.b < c")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (str(copy), copy.column) == (str(caught.value), caught.value.column)


def test_text_over_two_thousand_characters_is_rejected():
    parse_expression("a" * 1995 + " <= b")
    with pytest.raises(ExpressionError, match="longer than 2,000 characters") as caught:
        parse_expression("a" * 1996 + " <= b")
    assert caught.value.column == 2001


def test_fifty_nested_parentheses_are_allowed_and_fifty_one_are_not():
    assert parse_expression("(" * 50 + "a" + ")" * 50 + " <= 1").evaluate(points(a=1)) is CERTAINLY
    with pytest.raises(ExpressionError, match="nested more than 50 deep") as caught:
        parse_expression("(" * 51 + "a" + ")" * 51 + " <= 1")
    assert caught.value.column == 51


@pytest.mark.parametrize("text", ["-" * 1900 + "a <= 1", "(" * 900 + "a" + ")" * 900 + " <= 1", "(-" * 900 + "a <= 1"])
def test_deep_nesting_is_an_expression_error_not_a_recursion_error(text):
    with pytest.raises(ExpressionError, match="nested more than 50 deep"):
        parse_expression(text)


def test_non_text_is_rejected():
    with pytest.raises(ExpressionError, match="must be text"):
        parse_expression(42)  # type: ignore[arg-type]


# -- nothing is executed -------------------------------------------------------------------


def test_nothing_is_ever_executed(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("an expression was executed")

    texts = [
        "sentenced <= cases",
        "a + b * (c - 2) / 4 <= 150% and 1,000 > a",
        "-a <= b < c != a",
        "__import__ == __builtins__",
    ]
    hostile = ["__import__('os').system('echo owned')", "exec('x') == 1", "a.__class__ < b", "lambda: 0"]
    values = points(sentenced=1, cases=2, a=1, b=2, c=3, __import__=1, __builtins__=1)
    with monkeypatch.context() as patch:
        for name in ("eval", "exec", "compile", "__import__"):
            patch.setattr(builtins, name, refuse)
        results = [parse_expression(text).evaluate(values) for text in texts]
        explanations = [parse_expression(text).explain(values, {}) for text in texts]
        rejections = []
        for text in hostile:
            try:
                parse_expression(text)
            except ExpressionError as error:
                rejections.append(error.column)
    assert results == [CERTAINLY, CERTAINLY, CERTAINLY, CERTAINLY]
    assert len(explanations) == len(texts)
    assert len(rejections) == len(hostile)


# -- properties ----------------------------------------------------------------------------

IDS = ("a", "b", "c")
# A tree is ("number", n), ("id", name), ("negate", tree) or (symbol, left, right).
PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}
ARITHMETIC = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}
COMPARE = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "==": operator.eq, "!=": operator.ne}

trees = st.recursive(
    st.one_of(st.tuples(st.just("number"), st.integers(0, 12)), st.tuples(st.just("id"), st.sampled_from(IDS))),
    lambda inner: st.one_of(
        st.tuples(st.just("negate"), inner),
        st.tuples(st.sampled_from(sorted(PRECEDENCE)), inner, inner),
    ),
    max_leaves=8,
)
chains = st.tuples(trees, st.lists(st.tuples(st.sampled_from(sorted(COMPARE)), trees), min_size=1, max_size=3))
conjunctions = st.lists(chains, min_size=1, max_size=2)


def render(tree) -> tuple[str, int]:
    """The tree as text with only the parentheses it needs, and its precedence."""
    kind = tree[0]
    if kind == "number":
        return f"{tree[1]:,}", 4
    if kind == "id":
        return tree[1], 4
    if kind == "negate":
        text, precedence = render(tree[1])
        return "-" + (text if precedence >= 3 else f"({text})"), 3
    symbol, (left, left_precedence), (right, right_precedence) = kind, render(tree[1]), render(tree[2])
    precedence = PRECEDENCE[symbol]
    left = left if left_precedence >= precedence else f"({left})"
    right = right if right_precedence > precedence else f"({right})"
    return f"{left} {symbol} {right}", precedence


def compute(tree, values: dict[str, Fraction]) -> Fraction:
    kind = tree[0]
    if kind == "number":
        return Fraction(tree[1])
    if kind == "id":
        return values[tree[1]]
    if kind == "negate":
        return -compute(tree[1], values)
    return ARITHMETIC[kind](compute(tree[1], values), compute(tree[2], values))


def render_conjunction(conjunction) -> str:
    return " and ".join(
        render(first)[0] + "".join(f" {symbol} {render(tree)[0]}" for symbol, tree in rest)
        for first, rest in conjunction
    )


def holds(conjunction, values: dict[str, Fraction]) -> bool:
    """Plain Fraction arithmetic; raises ZeroDivisionError like Python does."""
    verdicts = []
    for first, rest in conjunction:
        operands = [compute(first, values)] + [compute(tree, values) for _, tree in rest]
        verdicts += [COMPARE[symbol](left, right) for (symbol, _), left, right in zip(rest, operands, operands[1:])]
    return all(verdicts)


fractions = st.fractions(min_value=-20, max_value=20, max_denominator=6)


@settings(max_examples=150, deadline=None)
@given(conjunction=conjunctions, numbers=st.fixed_dictionaries(dict.fromkeys(IDS, fractions)))
def test_point_intervals_agree_with_fraction_arithmetic(conjunction, numbers):
    try:
        expected = holds(conjunction, numbers)
    except ZeroDivisionError:
        assume(False)
    expression = parse_expression(render_conjunction(conjunction))
    truth = expression.evaluate({name: Interval.point(value) for name, value in numbers.items()})
    assert truth is (CERTAINLY if expected else CERTAINLY_NOT)


@st.composite
def intervals_around(draw, point: Fraction) -> Interval:
    """An interval, possibly unbounded or open at an end, holding `point`."""
    below = draw(st.one_of(st.none(), st.fractions(min_value=0, max_value=10, max_denominator=4)))
    above = draw(st.one_of(st.none(), st.fractions(min_value=0, max_value=10, max_denominator=4)))
    return Interval(
        None if below is None else point - below,
        None if above is None else point + above,
        low_open=below is not None and below > 0 and draw(st.booleans()),
        high_open=above is not None and above > 0 and draw(st.booleans()),
    )


@st.composite
def readings(draw) -> tuple[dict[str, Interval], dict[str, Fraction]]:
    """Intervals for every id, and one value chosen inside each."""
    chosen = draw(st.fixed_dictionaries(dict.fromkeys(IDS, fractions)))
    return {name: draw(intervals_around(value)) for name, value in chosen.items()}, chosen


@settings(max_examples=150, deadline=None)
@given(conjunction=conjunctions, reading=readings())
def test_the_truth_never_contradicts_a_value_inside_the_intervals(conjunction, reading):
    intervals, chosen = reading
    try:
        expected = holds(conjunction, chosen)
    except ZeroDivisionError:
        assume(False)
    truth = parse_expression(render_conjunction(conjunction)).evaluate(intervals)
    if truth is CERTAINLY:
        assert expected
    if truth is CERTAINLY_NOT:
        assert not expected


grammar_pieces = [*"ab_19,.%()<=>!+-*/×÷ \n'[]", " and ", " or "]
grammar_text = st.lists(st.sampled_from(grammar_pieces), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=60), grammar_text))
def test_any_text_is_parsed_or_rejected_with_an_expression_error(text):
    try:
        expression = parse_expression(text)
    except ExpressionError as error:
        assert 1 <= error.column <= len(text) + 1
        assert str(error)
    else:
        assert expression.evaluate({name: Interval.point(1) for name in expression.names()}) in Truth
