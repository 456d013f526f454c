"""Tests for reading APA-style test results: one pasted result, results found in free text, and results in fact files."""

from __future__ import annotations

from fractions import Fraction

import pytest

from factlint._loading import loads
from factlint._model import Statistic
from factlint._reported_tests import (
    PComparison,
    ReportedTestError,
    TestKind,
    find_reported_tests,
    parse_reported_test,
)


@pytest.mark.parametrize(
    ("text", "kind", "df", "statistic", "comparison", "p"),
    [
        ("t(28) = 2.20, p = .04", TestKind.T, ("28",), "2.20", PComparison.EQUAL, ".04"),
        ("F(2, 57) = 3.10, p < .05", TestKind.F, ("2", "57"), "3.10", PComparison.LESS, ".05"),
        ("r(97) = .17, p = .084", TestKind.R, ("97",), ".17", PComparison.EQUAL, ".084"),
        ("χ2(1, N = 120) = 4.20, p = .04", TestKind.CHI2, ("1",), "4.20", PComparison.EQUAL, ".04"),
        ("chi2(28) = 52.20, p = .06", TestKind.CHI2, ("28",), "52.20", PComparison.EQUAL, ".06"),
        ("χ²(3) = 9.1, p ≤ .03", TestKind.CHI2, ("3",), "9.1", PComparison.AT_MOST, ".03"),
        ("z = 2.41, p = .016", TestKind.Z, (), "2.41", PComparison.EQUAL, ".016"),
        ("t(45.3) = −2.1, p > .05", TestKind.T, ("45.3",), "−2.1", PComparison.GREATER, ".05"),
        ("Q(28) = 2.20, p >= .03", TestKind.Q, ("28",), "2.20", PComparison.AT_LEAST, ".03"),
        ("t(28)=2.20; p=0.04", TestKind.T, ("28",), "2.20", PComparison.EQUAL, "0.04"),
    ],
)
def test_each_form_of_result_is_read(text, kind, df, statistic, comparison, p):
    test = parse_reported_test(text)
    assert (test.kind, tuple(number.text for number in test.df), test.statistic.text, test.comparison, test.p.text) == (
        kind,
        df,
        statistic,
        comparison,
        p,
    )


def test_ns_and_the_stated_sample_size_are_read():
    test = parse_reported_test("χ2(1, N = 1,204) = 0.80, ns")
    assert test.comparison is PComparison.NOT_SIGNIFICANT and test.p is None and test.n == 1204
    assert test.reported_p == "ns" and test.heading == "χ2(1, N = 1204) = 0.80"


def test_stated_decimals_are_kept():
    test = parse_reported_test("t(28) = 2.20, p = .040")
    assert test.statistic.value == Fraction(11, 5) and test.statistic.decimals == 2 and test.p.decimals == 3


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("t(28) = 2.20", "cannot read"),
        ("F(2) = 3.1, p = .08", "F needs two degrees of freedom"),
        ("t = 2.20, p = .04", "t needs one degree-of-freedom number"),
        ("r(28) = 1.7, p = .04", "between -1 and 1"),
        ("t(28) = 2.20, p = 1.4", "between 0 and 1"),
        ("F(2, 28) = -3.1, p = .04", "cannot be negative"),
        ("t(0) = 2.20, p = .04", "degrees of freedom must be positive"),
    ],
)
def test_a_text_that_is_not_one_result_is_a_plain_error(text, message):
    with pytest.raises(ReportedTestError, match=message):
        parse_reported_test(text)


def test_results_are_found_in_free_text_with_their_positions():
    text = (
        "As predicted, the effect was significant, t(28) = 2.20, p = .04, and the correlation "
        "was not (r(97) = .17, p = .084). In 2019 the F(2, 57) = 3.10, p < .05 result held, "
        "while a difference of t = 2 points is no result."
    )
    found = find_reported_tests(text)
    assert [text[start:end] for start, end, _ in found] == [
        "t(28) = 2.20, p = .04",
        "r(97) = .17, p = .084",
        "F(2, 57) = 3.10, p < .05",
    ]
    assert [test.kind for _, _, test in found] == [TestKind.T, TestKind.R, TestKind.F]


def test_free_text_keeps_a_stated_tail_and_skips_unreadable_results():
    text = "one-tailed: t(28) = 1.80, p = .04, one-tailed; but F(2) = 3.1, p = .08 lacks a df."
    [(start, end, test)] = find_reported_tests(text)
    assert text[start:end] == "t(28) = 1.80, p = .04, one-tailed" and test.tails == 1


def test_a_word_ending_in_a_test_letter_is_not_a_result():
    assert find_reported_tests("The part(28) = 2.20, p = .04 is not a t-test.") == []


# -- in fact files --------------------------------------------------------------------------------


def test_a_pasted_result_in_a_fact_file_is_a_reported_test_claim():
    claim_set = loads('[[claim]]\nid = "effect"\nmetric = "effect"\nvalue = "t(28) = 2.20, p = .04"\ntails = 2\n', path="x.facts.toml")
    [claim] = claim_set.claims
    assert claim.statistic is Statistic.TEST and claim.test is not None and claim.test.kind is TestKind.T
    assert claim.value.nominal == Fraction(11, 5) and claim.tails == 2


def test_an_unreadable_result_is_a_located_problem_and_the_rest_is_checked():
    claim_set = loads(
        '[[claim]]\nid = "effect"\nmetric = "effect"\nvalue = "F(2) = 3.10, p < .05"\n\n'
        '[[claim]]\nid = "other"\nmetric = "effect"\nvalue = "t(28) = 2.20, p = .04"\n',
        path="x.facts.toml",
    )
    [problem] = claim_set.problems
    assert problem.code == "F002" and "F needs two degrees of freedom" in problem.message
    assert (problem.location.line, problem.location.column) == (4, 9)
    assert [claim.id for claim in claim_set.claims] == ["other"]


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("tails = 3", "tails must be 1"),
        ('statistic = "mean"', "does not fit a reported test"),
    ],
)
def test_fields_that_do_not_fit_a_result_are_located_problems(field, message):
    claim_set = loads(f'[[claim]]\nid = "effect"\nmetric = "effect"\nvalue = "t(28) = 2.20, p = .04"\n{field}\n', path="x.facts.toml")
    [problem] = claim_set.problems
    assert problem.code == "F002" and message in problem.message


def test_tails_without_a_result_is_a_located_problem():
    claim_set = loads('[[claim]]\nid = "effect"\nmetric = "effect"\nvalue = "2.20"\ntails = 1\n', path="x.facts.toml")
    [problem] = claim_set.problems
    assert "tails belongs to a reported test" in problem.message and problem.location.line == 5


def test_two_sources_reporting_one_result_differently_disagree_only_on_the_same_test():
    text = (
        '[[claim]]\nid = "a"\nmetric = "effect"\nvalue = "t(28) = 2.20, p = .04"\nsource = "s1"\n'
        '[[claim]]\nid = "b"\nmetric = "effect"\nvalue = "t(30) = 2.90, p = .007"\nsource = "s2"\n'
        '[[source]]\nid = "s1"\n[[source]]\nid = "s2"\n'
    )
    from factlint import lint

    assert [finding.code for finding in lint(loads(text, path="x.facts.toml"), select=["C101"])] == []
    same_test = text.replace("t(30) = 2.90, p = .007", "t(28) = 2.90, p = .007")
    assert [finding.code for finding in lint(loads(same_test, path="x.facts.toml"), select=["C101"])] == ["C101"]
