"""Tests for factlint.strategies: argument checks, st.from_type, and the soundness of every rule on generated claim sets."""

import datetime
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, assume, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import factlint
from factlint import (
    Claim,
    ClaimSet,
    DateRange,
    Hedge,
    Interval,
    Quantity,
    Reading,
    Source,
    Truth,
    lint,
    parse_date_range,
    parse_quantity,
)
from factlint._identity import nested_counts, part_of_pairs, running_totals
from factlint.strategies import (
    GROUP_KINDS,
    PlantedContradiction,
    claim_sets,
    claims,
    consistent_claim_sets,
    contradicting_claim_sets,
    date_ranges,
    intervals,
    quantities,
    sources,
    supported_codes,
)
from factlint.strategies._dates import DATE_FORMS, written_date, written_months
from factlint.strategies._numbers import FACTOR_WORDS
from factlint.strategies._quantities import statement_of

# Claim sets take a while to build and lint; a slow example is not a failure.
heavy = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

REGISTERED_CODES = sorted(rule.code for rule in factlint.builtin_rules())
PLANTABLE = supported_codes()


# -- argument checks --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda: quantities(min_value=-1),
        lambda: quantities(min_value=5, max_value=1),
        lambda: quantities(min_value=1.5),
        lambda: quantities(hedges=["about"]),
        lambda: quantities(hedges=[]),
        lambda: quantities(hedges=3),
        lambda: quantities(hedges="about"),
        lambda: quantities(hedges=[Hedge.NEARLY], max_value=0),
        lambda: quantities(min_value=10**5000, max_value=10**5000),
        lambda: intervals(max_value=10**1000),
        lambda: date_ranges(min_value=datetime.date(2030, 1, 1), max_value=datetime.date(2000, 1, 1)),
        lambda: date_ranges(min_value=datetime.date(999, 12, 31)),
        lambda: date_ranges(min_value=2000),
        lambda: date_ranges(max_value=datetime.datetime(2030, 1, 1)),
        lambda: date_ranges(min_value=datetime.date(2000, 1, 1), min_year=2000),
        lambda: date_ranges(allow_open="yes"),
        lambda: intervals(min_value=1, max_value=0),
        lambda: sources(min_value=datetime.date(999, 12, 31)),
        lambda: sources(min_value=datetime.date(2030, 1, 1), max_value=datetime.date(2000, 1, 1)),
        lambda: sources(min_value=datetime.date(2000, 1, 1), max_year=2020),
        lambda: sources(max_value="2020-01-01"),
        lambda: claims(metric=3),
        lambda: claims(sources=42),
        lambda: claims(sources=[3]),
        lambda: claim_sets(min_size=-1),
        lambda: claim_sets(min_size=3, max_size=1),
        lambda: consistent_claim_sets(kinds=["nope"]),
        lambda: consistent_claim_sets(kinds="sum"),
        lambda: consistent_claim_sets(kinds=3),
        lambda: consistent_claim_sets(min_groups=2, max_groups=1),
        lambda: contradicting_claim_sets("A101", beyond_tolerance=None),
    ],
)
def test_bad_arguments_raise_invalid_argument_at_call_time(make):
    with pytest.raises(InvalidArgument):
        make()


def test_a_group_range_is_refused_naming_min_groups_and_max_groups():
    with pytest.raises(InvalidArgument, match=r"^cannot have min_groups=5 > max_groups=1$"):
        consistent_claim_sets(min_groups=5, max_groups=1)


@given(quantities(min_value=10**999, max_value=10**999))
@settings(max_examples=20)
def test_quantities_of_a_thousand_digits_are_written_and_read(quantity):
    assert quantity.nominal == 10**999 or quantity.interval.low <= 10**999 <= quantity.interval.high


@pytest.mark.parametrize("code", ["X999", "F001", "F005", 101])
def test_an_unplantable_code_is_refused_naming_the_supported_codes(code):
    with pytest.raises(InvalidArgument, match="supported codes: " + ", ".join(PLANTABLE)):
        contradicting_claim_sets(code)


def test_the_supported_codes_include_every_registered_rule_with_a_planter():
    assert {"A101", "A102", "A104", "F003", "F004", "T104"} <= set(PLANTABLE)
    assert set(PLANTABLE) <= set(REGISTERED_CODES)


# -- st.from_type --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [Claim, Source, ClaimSet, Quantity, DateRange, Interval, factlint.Factor, factlint.Expression])
def test_from_type_builds_each_model_class(kind):
    @given(st.from_type(kind))
    @heavy
    def check(value):
        assert isinstance(value, kind)

    check()


@pytest.mark.parametrize("kind", [Claim, Source, factlint.Sum, factlint.Part, factlint.Ratio, factlint.Same, factlint.Check])
def test_from_type_builds_entries_that_a_fact_file_states_as_they_are(kind):
    from hypothesis.vendor.pretty import pretty

    @given(st.from_type(kind))
    @heavy
    def check(value):
        # Valid ids, factor words and expressions: the entry's own table loads back to it without a problem.
        loaded = factlint.loads(pretty(value))
        assert not loaded.problems
        [again] = [*loaded.claims, *loaded.sources, *loaded.relations]
        assert again == value

    check()


@given(st.from_type(factlint.Relation))
def test_from_type_of_relation_builds_relations_that_name_identifiers(relation):
    assert relation.claim_ids and all(claim_id.isidentifier() for claim_id in relation.claim_ids)


@given(st.from_type(factlint.Location), st.from_type(factlint.Dims))
def test_from_type_builds_locations_in_fact_files_and_dims_of_text(location, dims):
    assert location.path.endswith(".facts.toml") and location.line >= 1 and location.column >= 1
    assert isinstance(dims, factlint.Dims) and all(key and value for key, value in dims.items())


# -- quantities, dates and intervals -------------------------------------------------------------


@given(quantities())
def test_a_quantity_parses_back_to_the_same_interval_from_what_was_stated(quantity):
    # Text is stated as text; a TOML number ("1850") as the number, which is exact data, never a round number.
    again = parse_quantity(quantity.nominal if quantity.reading is Reading.DATA else quantity.text)
    assert again.interval == quantity.interval
    assert (again.hedge, again.percent, again.decimals) == (quantity.hedge, quantity.percent, quantity.decimals)


@given(st.data(), st.sampled_from(Hedge), st.integers(0, 10**6), st.integers(0, 10**6))
def test_quantities_keep_to_their_hedges_and_bounds(data, hedge, first, second):
    low, high = sorted((first, second))
    assume(high >= 1)
    quantity = data.draw(quantities(hedges=[hedge], min_value=low, max_value=high))
    assert quantity.hedge is hedge
    if hedge is Hedge.RANGE:
        assert low <= quantity.interval.low <= quantity.interval.high <= high
    else:
        assert low <= quantity.nominal <= high


@given(quantities(hedges=[Hedge.EXACT]))
def test_an_exact_quantity_holds_its_nominal_value(quantity):
    assert quantity.nominal in quantity.interval


@given(st.data(), st.dates(datetime.date(1000, 1, 1)), st.dates(datetime.date(1000, 1, 1)))
def test_date_ranges_lie_between_their_min_and_max_days_and_never_run_backwards(data, first, second):
    low, high = sorted((first, second))
    dates = data.draw(date_ranges(min_value=low, max_value=high, allow_open=True))
    assert not dates.is_reversed()
    for day in (dates.first, dates.last):
        assert day is None or low <= day <= high
    assert parse_date_range(dates.text) == dates


@pytest.mark.parametrize(
    ("low", "high"),
    [
        (datetime.date(9999, 1, 1), datetime.date(9999, 12, 31)),
        (datetime.date(9999, 12, 31), datetime.date(9999, 12, 31)),
        (datetime.date(1000, 1, 1), datetime.date(1000, 1, 1)),
    ],
)
def test_date_ranges_at_the_edges_of_four_digit_years_never_run_past_them(low, high):
    @given(date_ranges(min_value=low, max_value=high, allow_open=True))
    @settings(max_examples=300)
    def check(dates):
        assert not dates.is_reversed()
        for day in (dates.first, dates.last):
            assert day is None or low <= day <= high
        assert parse_date_range(dates.text) == dates

    check()


def test_sources_are_published_between_min_value_and_max_value():
    low, high = datetime.date(2019, 3, 1), datetime.date(2019, 4, 30)

    @given(sources(min_value=low, max_value=high))
    def check(source):
        published = source.published
        assert published is None or low <= published.first <= published.last <= high

    check()


def test_sources_by_years_still_work_with_a_deprecation_warning():
    with pytest.warns(DeprecationWarning, match=r"^sources\(min_year=\.\.\., max_year=\.\.\.\) is deprecated"):
        strategy = sources(min_year=2010, max_year=2011)

    @given(strategy)
    def check(source):
        assert source.published is None or datetime.date(2010, 1, 1) <= source.published.first <= source.published.last <= datetime.date(2011, 12, 31)

    check()


def test_date_ranges_by_years_still_work_with_a_deprecation_warning():
    with pytest.warns(DeprecationWarning, match="min_value and max_value as dates"):
        strategy = date_ranges(min_year=2010, max_year=2011)

    @given(strategy)
    def check(dates):
        assert datetime.date(2010, 1, 1) <= dates.first <= dates.last <= datetime.date(2011, 12, 31)

    check()


@pytest.mark.parametrize("day", [datetime.date(1000, 1, 1), datetime.date(9999, 12, 31)])
@pytest.mark.parametrize("form", DATE_FORMS)
@given(data=st.data())
def test_every_date_form_writes_the_first_and_last_four_digit_days(day, form, data):
    dates = parse_date_range(written_date(data.draw, day, forms=[form]))
    assert dates.first <= day <= dates.last
    assert dates.first.year == dates.last.year == day.year


@given(st.data(), st.integers(2000, 2030), st.integers(0, 23), st.integers(0, 23))
def test_written_months_cover_exactly_their_months(data, year, first, last):
    first, last = sorted((first, last))
    start, end = (year + first // 12, first % 12 + 1), (year + last // 12, last % 12 + 1)
    dates = parse_date_range(written_months(data.draw, start, end))
    assert (dates.first.year, dates.first.month, dates.first.day) == (*start, 1)
    assert (dates.last.year, dates.last.month) == end
    assert (dates.last + datetime.timedelta(days=1)).day == 1


def _member(data, interval):
    """A number inside the interval (an end itself when it is closed)."""
    low = interval.low if interval.low is not None else (interval.high or 0) - 1000
    high = interval.high if interval.high is not None else (interval.low or 0) + 1000
    candidates = [low + (high - low) * Fraction(data.draw(st.integers(1, 99)), 100)] if low != high else []
    candidates += [end for end, is_open in ((interval.low, interval.low_open), (interval.high, interval.high_open)) if end is not None and not is_open]
    value = data.draw(st.sampled_from(candidates))
    assert value in interval
    return value


@given(st.data(), intervals(), intervals())
def test_interval_arithmetic_holds_every_pointwise_result(data, a, b):
    x, y = _member(data, a), _member(data, b)
    assert x + y in a + b
    assert x - y in a - b
    assert x * y in a * b
    if y != 0:
        assert x / y in a / b


@given(intervals(), intervals())
def test_interval_addition_and_multiplication_commute(a, b):
    assert a + b == b + a
    assert a * b == b * a


@given(intervals(), intervals(), intervals())
def test_interval_addition_associates(a, b, c):
    assert (a + b) + c == a + (b + c)


@given(intervals())
def test_zero_and_one_are_identities(a):
    assert a + 0 == a
    assert a * 1 == a
    negated = -a
    assert -negated == a


@given(st.data(), intervals(), intervals())
def test_comparisons_agree_with_every_pair_of_readings(data, a, b):
    x, y = _member(data, a), _member(data, b)
    for truth, holds in ((a.less_equal(b), x <= y), (a.less_than(b), x < y), (a.equals(b), x == y)):
        if truth is Truth.CERTAINLY:
            assert holds
        elif truth is Truth.CERTAINLY_NOT:
            assert not holds


@given(intervals(), intervals())
def test_intersection_lies_within_both(a, b):
    both = a.intersection(b)
    assert (both is not None) == a.intersects(b)
    if both is not None:
        assert both.is_within(a) and both.is_within(b)


# -- statements of true values --------------------------------------------------------------------


@st.composite
def _stated(draw, *, rate=False, closed=False):
    """A true count (or a true rate, a quotient) and a statement of it."""
    true = Fraction(draw(st.integers(0, 10**6)), draw(st.integers(1, 400)) if rate else 1)
    return true, statement_of(draw, true, rate=rate, closed=closed)


@given(st.data(), st.booleans(), st.booleans())
def test_a_statement_holds_its_true_value_as_its_claim_reads_it(data, rate, closed):
    true, stated = data.draw(_stated(rate=rate, closed=closed))
    claim = Claim(id="stated", metric="cases", value=stated.text, per="day" if rate else None)
    assert true in claim.value.interval
    assert claim.value.interval == stated.interval
    if closed:
        assert claim.value.interval.is_bounded and claim.value.interval.low >= 0
        assert true < 1 or claim.value.interval.low > 0


# Search widely, and stop at the first example found (shrinking claim sets is slow): these tests show
# that the generic properties meet each case, not that every example does.
searching = settings(
    max_examples=5000, deadline=None, database=None, phases=[Phase.generate], suppress_health_check=list(HealthCheck)
)


def test_true_counts_are_stated_as_round_numbers_that_round_them():
    true, stated = find(
        _stated(),
        lambda pair: pair[1].reading is Reading.ROUND and pair[1].hedge is Hedge.EXACT and pair[1].nominal != pair[0],
        settings=searching,
    )
    assert true in stated.interval and abs(stated.nominal - true) <= stated.nominal / 10


def test_true_rates_are_stated_as_whole_numbers_that_round_their_quotient():
    true, stated = find(
        _stated(rate=True),
        # "16" for 15.97 a day: rounded at its units digit (the rate reading of "2k" is [1,500, 2,500)).
        lambda pair: pair[1].hedge is Hedge.EXACT and pair[1].interval.width == 1 and pair[0].denominator > 1,
        settings=searching,
    )
    # "5.780 thousand" also states its units digit, and is read at it (the last digit).
    assert stated.reading in (Reading.RATE, Reading.LAST_DIGIT) and stated.nominal.denominator == 1
    assert abs(stated.nominal - true) <= Fraction(1, 2)


def _consistent(kind):
    return consistent_claim_sets(kinds=[kind], max_groups=1)


def _claims_of(claim_set, claim_filter=lambda claim: True):
    return [claim for claim in claim_set if claim_filter(claim)]


def _surely_apart(one, other):
    return not one.value.interval.intersects(other.value.interval)


def test_every_factor_word_is_the_parsers_reading():
    for word, factor in FACTOR_WORDS:
        assert factor == factlint.parse_factor(word)
        assert factor.readings


def test_ratio_words_relate_counts_within_their_approximate_reading():
    def off_the_word(claim_set):
        (ratio,) = claim_set.relations
        of, to = claim_set.claim(ratio.of).value, claim_set.claim(ratio.to).value
        return of.is_exact and to.is_exact and to.nominal > 0 and of.nominal / to.nominal not in ratio.factor.candidates

    find(_consistent("ratio"), off_the_word, settings=searching)


def test_outlets_state_different_running_totals_as_of_one_month():
    def differing_outlets(claim_set):
        totals = _claims_of(claim_set, lambda claim: claim.per is None and claim.as_of is not None and claim.as_of.days > 1)
        return any(
            a.since == b.since and a.as_of == b.as_of and a.source != b.source and _surely_apart(a, b)
            for a in totals
            for b in totals
        )

    find(_consistent("outlets"), differing_outlets, settings=searching)


def test_rates_over_overlapping_periods_differ():
    def changing(claim_set):
        rates = _claims_of(claim_set, lambda claim: claim.per is not None)
        return any(
            a.per is b.per and a.period != b.period and a.period.overlaps(b.period) and _surely_apart(a, b)
            for a in rates
            for b in rates
        )

    find(_consistent("changing-rates"), changing, settings=searching)


def test_percentages_by_group_without_a_base_add_up_to_more_than_100():
    def over_100(claim_set):
        groups = _claims_of(claim_set, lambda claim: claim.dims and claim.of is None)
        return sum(claim.value.interval.low for claim in groups) > 100

    find(_consistent("group-percentages"), over_100, settings=searching)


def test_forecasts_lie_after_their_source_and_revisions_differ():
    def after_and_revised(claim_set):
        forecasts = _claims_of(claim_set, lambda claim: claim.forecast and not claim.dims and claim.per is None)
        after = all(claim.when.last > claim_set.source_of(claim).published.last for claim in forecasts)
        return after and any(_surely_apart(a, b) for a in forecasts for b in forecasts)

    find(_consistent("forecasts"), after_and_revised, settings=searching)


def test_nested_periods_hold_running_totals_and_periods_inside_others():
    find(
        _consistent("nested-periods"),
        lambda claim_set: bool(running_totals(claim_set)) and any(True for _ in nested_counts(claim_set)),
        settings=searching,
    )


def test_deep_breakdowns_have_parts_two_keys_deeper():
    find(
        _consistent("deep-breakdown"),
        lambda claim_set: any(len(added) == 2 for _, _, added in part_of_pairs(claim_set)),
        settings=searching,
    )


def test_net_changes_have_a_part_above_its_whole():
    def part_above_whole(claim_set):
        return any(
            part.dims and not whole.dims and part.value.interval.greater_than(whole.value.interval) is Truth.CERTAINLY
            for part in claim_set
            for whole in claim_set
        )

    find(_consistent("net-changes"), part_above_whole, settings=searching)


# -- soundness of the rules ------------------------------------------------------------------------


def _described(report):
    return [(finding.code, finding.message, *finding.explanation) for finding in report]


@pytest.mark.parametrize("kind", GROUP_KINDS)
def test_a_consistent_claim_set_raises_no_finding(kind):
    @given(consistent_claim_sets(kinds=[kind, *GROUP_KINDS], min_groups=1, max_groups=3))
    @heavy
    def check(claim_set):
        report = lint(claim_set)
        assert not report, _described(report)

    check()


@pytest.mark.parametrize("code", PLANTABLE)
def test_a_planted_contradiction_is_reported_by_its_rule_alone(code):
    @given(contradicting_claim_sets(code))
    @heavy
    def check(planted):
        assert isinstance(planted, PlantedContradiction)
        report = lint(planted.claim_set)
        assert {finding.code for finding in report} == {code}, (planted.description, _described(report))
        for finding in report:
            assert finding.claim_ids <= planted.claim_ids, (finding.claim_ids, planted.claim_ids)
            assert not finding.claims or finding.claim_ids & planted.claim_ids

    check()


@pytest.mark.parametrize("code", PLANTABLE)
def test_a_change_hidden_inside_the_readings_raises_no_finding(code):
    @given(contradicting_claim_sets(code, beyond_tolerance=False))
    @heavy
    def check(planted):
        report = lint(planted.claim_set)
        assert not report, (planted.description, _described(report))

    check()


@given(claim_sets(max_size=6))
@heavy
def test_any_claim_set_gets_a_report_not_a_crash(claim_set):
    report = lint(claim_set)
    assert report.claim_count == len(claim_set)


def test_the_strategies_module_can_be_imported_before_hypothesis():
    # Hypothesis runs its entry points (our setup hook) while it is itself being imported.
    code = "import factlint.strategies\nfrom hypothesis import strategies as st\nfrom factlint import Claim\nassert isinstance(st.from_type(Claim).example(), Claim)"
    subprocess.run([sys.executable, "-c", code], check=True)


# -- failing examples print as fact files ---------------------------------------------------------


def _failing_example(strategy):
    """The value drawn by a test that fails at once, and the report Hypothesis prints for it."""
    drawn = []

    @given(strategy)
    @settings(database=None, max_examples=1, phases=[Phase.generate], deadline=None)
    def fails(value):
        drawn.append(value)
        raise AssertionError("a planted failure")

    with pytest.raises(AssertionError) as failure:
        fails()
    return drawn[-1], "\n".join(failure.value.__notes__)


@pytest.mark.parametrize(
    "strategy", [consistent_claim_sets(max_groups=3), claim_sets(min_size=2, max_size=5)], ids=["consistent", "arbitrary"]
)
def test_a_failing_claim_set_prints_as_a_fact_file_that_loads_to_the_same_claims(strategy):
    claim_set, report = _failing_example(strategy)
    # The fact file stands on lines of its own, between the argument's name and the comma after it.
    text = report.split("value=\n", 1)[1].split("\n,\n", 1)[0]
    assert text.startswith("# ClaimSet as a fact file")
    again = factlint.loads(text)
    assert not again.problems
    assert again.claims == claim_set.claims and again.sources == claim_set.sources
    assert set(again.relations) == set(claim_set.relations)
    assert "Claim(" not in report and "Quantity(" not in report


@given(claims())
@heavy
def test_a_claim_prints_as_its_fact_file_table(claim):
    from hypothesis.vendor.pretty import pretty

    [again] = factlint.loads(pretty(claim)).claims
    assert again == claim


def test_without_hypothesis_the_strategies_module_says_to_install_the_extra():
    code = (
        "import sys\n"
        "sys.modules['hypothesis'] = None  # as if Hypothesis were not installed\n"
        "try:\n"
        "    import factlint.strategies\n"
        "except ImportError as error:\n"
        "    print(type(error).__name__, error.name, error)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == (
        'ModuleNotFoundError hypothesis factlint.strategies needs Hypothesis, which is not installed: '
        'pip install "factlint[hypothesis]"'
    )
    assert result.stderr == ""


def test_the_hypothesis_extra_installs_hypothesis():
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib

    pyproject = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    [requirement] = pyproject["project"]["optional-dependencies"]["hypothesis"]
    assert requirement.startswith("hypothesis>=")
