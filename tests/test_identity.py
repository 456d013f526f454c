"""Identity: inferred relations hold only where every honest reading makes them hold, and one module decides them."""

from __future__ import annotations

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

import factlint
from factlint import Claim, ClaimSet, Same, Source, _identity

QUARTERS = ("Q1", "Q2", "Q3", "Q4")


def codes(claim_set: ClaimSet) -> list[str]:
    return sorted(finding.code for finding in factlint.lint(claim_set))


def outlets(*ids: str, cites: dict[str, list[str]] | None = None, published: str = "2024-07-15") -> list[Source]:
    return [
        Source(id=name, publisher=name.title(), published=published, cites=(cites or {}).get(name, []))
        for name in ids
    ]


# -- 1. rates over overlapping but different periods are different rates --------------------------


# No deadline: as the module's first lint, its first example also pays for reading the grammar.
@settings(deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_rates_over_a_year_and_its_second_half_never_disagree(yearly_average, second_half_average):
    claims = [
        Claim(id="year", metric="arrivals", value=yearly_average, per="week", period="2023"),
        Claim(id="h2", metric="arrivals", value=second_half_average, per="week", period="H2 2023"),
    ]
    assert codes(ClaimSet(claims=claims)) == []


def test_one_rate_over_one_period_in_two_units_is_still_checked():
    claims = [
        Claim(id="weekly", metric="arrivals", value="nearly 100", per="week", period="2023"),
        Claim(id="yearly", metric="arrivals", value="around 52,000", per="year", period="2023"),
    ]
    assert codes(ClaimSet(claims=claims)) == ["R101"]


def test_one_disagreeing_pair_of_rates_is_reported_once():
    claims = [
        Claim(id="one", metric="arrivals", value=100, per="week", period="2023", source="a"),
        Claim(id="two", metric="arrivals", value=150, per="week", period="2023", source="b"),
    ]
    assert codes(ClaimSet(claims=claims, sources=outlets("a", "b"))) == ["C101"]


# -- 2. percentages and means by group are not parts ------------------------------------------------


@given(st.lists(st.integers(0, 100), min_size=2, max_size=5), st.integers(0, 100))
def test_percentages_by_group_are_never_added_up(by_group, overall):
    claims = [Claim(id="all", metric="approve", value=f"{overall}%")]
    claims += [
        Claim(id=f"group_{index}", metric="approve", value=f"{share}%", dims={"group": f"g{index}"})
        for index, share in enumerate(by_group)
    ]
    assert codes(ClaimSet(claims=claims)) == []


def test_means_by_group_are_not_parts_of_the_overall_mean():
    claims = [
        Claim(id="all", metric="hours slept", value="5.2", statistic="mean"),
        Claim(id="men", metric="hours slept", value="5.0", statistic="mean", dims={"gender": "men"}),
        Claim(id="women", metric="hours slept", value="5.4", statistic="mean", dims={"gender": "women"}),
    ]
    assert codes(ClaimSet(claims=claims)) == []


# -- 3. a rate against a count uses the calendar conventions ----------------------------------------


@given(st.integers(1, 100_000), st.sampled_from(["2023", "2024", "2021"]))
def test_a_weekly_rate_times_52_is_the_count_of_a_calendar_year(weekly, year):
    claims = [
        Claim(id="weekly", metric="convictions", value=weekly, per="week", period=year),
        Claim(id="count", metric="convictions", value=weekly * 52, period=year),
    ]
    assert codes(ClaimSet(claims=claims)) == []


@given(st.integers(1, 100_000), st.sampled_from(QUARTERS), st.integers(2020, 2026))
def test_a_quarter_of_a_yearly_rate_is_the_count_of_any_quarter(quarterly, quarter, year):
    claims = [
        Claim(id="yearly", metric="permits", value=quarterly * 4, per="year", period=f"{quarter} {year}"),
        Claim(id="count", metric="permits", value=quarterly, period=f"{quarter} {year}"),
    ]
    assert codes(ClaimSet(claims=claims)) == []


def test_a_rate_far_from_its_count_is_still_found_and_explained_without_contradiction():
    claims = [
        Claim(id="yearly", metric="permits", value=5200, per="year", period="Q1 2023"),
        Claim(id="count", metric="permits", value=2000, period="Q1 2023"),
    ]
    [finding] = factlint.lint(ClaimSet(claims=claims))
    assert finding.code == "R102"
    assert finding.explanation[0] == "Q1 2023 is 90 days, which hold [0.25, 0.25] years"
    assert "3 whole calendar months" in " ".join(finding.explanation)


# -- 4. running totals at month precision from two outlets ---------------------------------------------


@given(st.integers(0, 50_000), st.integers(0, 5_000))
def test_running_totals_of_one_month_from_unlinked_outlets_may_differ(earlier, growth):
    # The two outlets may have counted on different days of June: both are honest.
    claims = [
        Claim(id="a", metric="cases", value=earlier + growth, as_of="June 2024", since="2022-09", source="a"),
        Claim(id="b", metric="cases", value=earlier, as_of="June 2024", since="2022-09", source="b"),
    ]
    assert codes(ClaimSet(claims=claims, sources=outlets("a", "b"))) == []


def test_running_totals_of_one_month_are_one_number_when_one_outlet_cites_the_other():
    claims = [
        Claim(id="a", metric="cases", value=10300, as_of="June 2024", since="2022-09", source="a"),
        Claim(id="b", metric="cases", value=10025, as_of="June 2024", since="2022-09", source="b"),
    ]
    sources = outlets("a", "b", cites={"b": ["a"]})
    assert codes(ClaimSet(claims=claims, sources=sources)) == ["C101"]


def test_undated_claims_are_one_fixed_quantity_and_the_finding_says_so():
    claims = [
        Claim(id="a", metric="trial participants", value=1200, source="a"),
        Claim(id="b", metric="trial participants", value=1500, source="b"),
    ]
    [finding] = factlint.lint(ClaimSet(claims=claims, sources=outlets("a", "b")))
    assert finding.code == "C101"
    assert any("undated claims describe one fixed quantity" in line for line in finding.explanation)


# -- 6. signed quantities ------------------------------------------------------------------------------


def test_a_net_change_is_not_a_whole_of_its_regions():
    claims = [
        Claim(id="net", metric="net change in jobs", value="-500,000"),
        Claim(id="north", metric="net change in jobs", value="50,000", dims={"region": "north"}),
    ]
    assert codes(ClaimSet(claims=claims)) == []


# -- 8, 9. counts over periods that share a start are a running total --------------------------------


def test_a_first_half_above_its_whole_year_is_a_falling_running_total():
    claims = [
        Claim(id="h1", metric="cases", value="2,076", period="first half of 2023"),
        Claim(id="year", metric="cases", value="1,900", period="2023"),
    ]
    assert codes(ClaimSet(claims=claims)) == ["T101"]


def test_edtf_periods_with_one_start_are_a_running_total():
    claims = [
        Claim(id="earlier", metric="cases", value="10,025", period="2022-09/2024-06"),
        Claim(id="later", metric="cases", value="9,900", period="2022-09/2025-05"),
    ]
    assert codes(ClaimSet(claims=claims)) == ["T101"]


@given(st.sampled_from(QUARTERS), st.integers(0, 10_000), st.integers(0, 10_000))
def test_a_quarter_never_exceeds_its_year_unless_it_is_larger(quarter, in_quarter, rest):
    claims = [
        Claim(id="quarter", metric="cases", value=in_quarter, period=f"{quarter} 2023"),
        Claim(id="year", metric="cases", value=in_quarter + rest, period="2023"),
    ]
    assert codes(ClaimSet(claims=claims)) == []
    bigger = [claims[0], Claim(id="year", metric="cases", value=max(in_quarter - 1, 0), period="2023")]
    expected = [] if in_quarter == 0 else (["T101"] if quarter == "Q1" else ["T104"])
    assert codes(ClaimSet(claims=bigger)) == expected


def test_a_month_inside_a_running_totals_span_cannot_exceed_it():
    claims = [
        Claim(id="march", metric="cases", value=700, period="March 2024"),
        Claim(id="total", metric="cases", value=600, since="September 2022", as_of="2024-06-04"),
    ]
    assert codes(ClaimSet(claims=claims)) == ["T104"]


def test_a_month_not_surely_inside_the_other_period_is_not_compared():
    claims = [
        Claim(id="june", metric="cases", value=700, period="June 2024"),
        Claim(id="total", metric="cases", value=600, since="September 2022", as_of="June 2024"),
    ]
    assert codes(ClaimSet(claims=claims)) == []


# -- 10. a part two keys deeper --------------------------------------------------------------------------


def test_a_part_two_keys_deeper_than_its_whole_is_checked():
    claims = [
        Claim(id="all", metric="cases", value=100),
        Claim(id="moscow_awol", metric="cases", value=150, dims={"charge": "AWOL", "region": "Moscow"}),
    ]
    assert codes(ClaimSet(claims=claims)) == ["A102"]


def test_a_deep_part_is_compared_with_its_nearest_stated_whole_only():
    claims = [
        Claim(id="all", metric="cases", value=1000),
        Claim(id="awol", metric="cases", value=100, dims={"charge": "AWOL"}),
        Claim(id="moscow_awol", metric="cases", value=150, dims={"charge": "AWOL", "region": "Moscow"}),
    ]
    [finding] = factlint.lint(ClaimSet(claims=claims))
    assert finding.code == "A102" and finding.claim_ids == {"awol", "moscow_awol"}


def test_parts_of_different_units_are_not_parts():
    claims = [
        Claim(id="all", metric="budget", value=100, unit="EUR"),
        Claim(id="health", metric="budget", value=150, unit="USD", dims={"area": "health"}),
    ]
    assert codes(ClaimSet(claims=claims)) == []


# -- 11. [[same]] between a rate and a count ---------------------------------------------------------------


def test_same_between_a_weekly_rate_and_a_yearly_count_is_checked_as_r102():
    claims = [
        Claim(id="weekly", metric="convictions", value=100, per="week", period="2023"),
        Claim(id="count", metric="convictions", value=52000, period="2023"),
    ]
    assert codes(ClaimSet(claims=claims, relations=[Same(claims=["weekly", "count"])])) == ["R102"]


def test_same_between_a_rate_and_a_count_without_a_period_is_not_skipped_silently():
    claims = [
        Claim(id="weekly", metric="convictions", value=100, per="week"),
        Claim(id="count", metric="convictions", value=5200),
    ]
    [finding] = factlint.lint(ClaimSet(claims=claims, relations=[Same(claims=["weekly", "count"])]))
    assert finding.code == "R102" and "neither states the period" in finding.message


# -- 13. a period that ends after its source ------------------------------------------------------------------


def test_a_count_for_a_period_ending_after_publication_is_dated_after_its_source():
    sources = [Source(id="paper", published=datetime.date(2023, 5, 1))]
    claim = Claim(id="h1", metric="cases", value=2076, period="H1 2023", source="paper")
    [finding] = factlint.lint(ClaimSet(claims=[claim], sources=sources))
    assert finding.code == "T102" and any("forecast = true" in line for line in finding.explanation)
    forecast = Claim(id="h1", metric="cases", value=2076, period="H1 2023", source="paper", forecast=True)
    assert codes(ClaimSet(claims=[forecast], sources=sources)) == []


def test_forecasts_from_different_times_are_revisions_not_contradictions():
    claims = [
        Claim(id="spring", metric="GDP growth", value="1.2%", period="2025", forecast=True, source="a"),
        Claim(id="autumn", metric="GDP growth", value="0.4%", period="2025", forecast=True, source="b"),
    ]
    assert codes(ClaimSet(claims=claims, sources=outlets("a", "b", published="2025-12-31"))) == []


@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_counts_of_one_period_recorded_at_different_dates_are_revisions_not_contradictions(first, later):
    claims = [
        Claim(id="feb", metric="deaths", value=first, period="April 2022", as_of="2023-02-05", source="a"),
        Claim(id="jul", metric="deaths", value=later, period="April 2022", as_of="2023-07-16", source="b"),
    ]
    assert codes(ClaimSet(claims=claims, sources=outlets("a", "b", published="2023-07-18"))) == []


def test_counts_of_one_period_recorded_on_one_date_are_still_one_quantity():
    claims = [
        Claim(id="one", metric="deaths", value=714, period="April 2022", as_of="2023-02-05", source="a"),
        Claim(id="two", metric="deaths", value=817, period="April 2022", as_of="2023-02-05", source="b"),
        Claim(id="three", metric="deaths", value=714, period="April 2022", source="a"),
        Claim(id="four", metric="deaths", value=817, period="April 2022", source="b"),
    ]
    found = factlint.lint(ClaimSet(claims=claims, sources=outlets("a", "b", published="2023-07-18")))
    assert {finding.claim_ids for finding in found} == {frozenset({"one", "two"}), frozenset({"three", "four"})}
    assert {finding.code for finding in found} == {"C101"}


def on_monday_4_october_2022(text: str) -> factlint.DateRange:
    return factlint.parse_date_range(text, reference=datetime.date(2022, 10, 4))


def test_a_stock_at_two_parts_of_one_day_is_two_numbers():
    sources = outlets("a", "b", published="2022-10-04")
    claims = [
        Claim(id="early", metric="homes without power", value=628285, as_of=on_monday_4_october_2022("early on Monday"), source="a"),
        Claim(id="evening", metric="homes without power", value=520000, as_of=on_monday_4_october_2022("Monday evening"), source="b"),
        Claim(id="plain", metric="homes without power", value=400000, as_of=on_monday_4_october_2022("Monday"), source="b"),
    ]
    assert codes(ClaimSet(claims=claims, sources=sources)) == []


def test_a_stock_at_one_part_of_one_day_is_still_one_quantity():
    sources = outlets("a", "b", published="2022-10-04")
    claims = [
        Claim(id="one", metric="homes without power", value=628285, as_of=on_monday_4_october_2022("Monday evening"), source="a"),
        Claim(id="two", metric="homes without power", value=520000, as_of=on_monday_4_october_2022("Monday evening"), source="b"),
    ]
    assert codes(ClaimSet(claims=claims, sources=sources)) == ["C101"]


def hesa_students(total: str, eu: str, non_eu: str) -> ClaimSet:
    """International students in 2022/23 and their split by domicile, as HESA publishes them."""
    claims = [
        Claim(id="total", metric="students", value=total, period="2022/23", source="hesa"),
        Claim(id="eu", metric="students", value=eu, dims={"domicile": "EU"}, period="2022/23", source="hesa"),
        Claim(id="non_eu", metric="students", value=non_eu, dims={"domicile": "non-EU"}, period="2022/23", source="hesa"),
    ]
    return ClaimSet(claims=claims, sources=outlets("hesa", published="2024-08-08"))


def test_parts_rounded_to_the_nearest_5_may_exceed_their_rounded_total_when_the_step_is_declared():
    # 95,505 + 663,355 = 758,860: five above the total, within HESA's rounding to 5.
    assert codes(hesa_students("758,855", "95,505", "663,355")) == ["A101"]
    stepped = hesa_students(*(f"{value} (rounded to the nearest 5)" for value in ("758,855", "95,505", "663,355")))
    assert codes(stepped) == []


def test_parts_beyond_their_declared_rounding_step_are_still_found():
    stepped = hesa_students(*(f"{value} (rounded to the nearest 5)" for value in ("758,855", "95,505", "663,385")))
    assert codes(stepped) == ["A101"]


# -- 14. a correction for two sources that disagree by a typo --------------------------------------------


def test_sources_disagreeing_by_two_transposed_digits_get_a_correction_for_the_copy():
    claims = [
        Claim(id="original", metric="cases", value=20538, as_of="2025-05-31", source="mediazona"),
        Claim(id="copy", metric="cases", value=20358, as_of="2025-05-31", source="outlet"),
    ]
    sources = outlets("mediazona", "outlet", cites={"outlet": ["mediazona"]}, published="2025-06-26")
    [finding] = factlint.lint(ClaimSet(claims=claims, sources=sources))
    assert finding.code == "C101"
    assert finding.fix is not None and (finding.fix.claim, finding.fix.replacement) == ("copy", "20,538")
    assert "two transposed digits" in finding.fix.description


def test_a_rate_and_a_count_to_one_month_from_unlinked_outlets_may_be_different_days():
    # Found by the strategies: the averager divided its own count, taken later in September
    # than the other outlet's; both are honest.
    claims = [
        Claim(id="count", metric="cases", value="199-778", as_of="2019-09", since="2013-08", source="a"),
        Claim(id="rate", metric="cases", value="about 46", per="quarter", as_of="2019-09", since="2013-08", source="b"),
    ]
    assert codes(ClaimSet(claims=claims, sources=outlets("a", "b", published="2019-10-31"))) == []
    linked = outlets("a", "b", cites={"b": ["a"]}, published="2019-10-31")
    assert codes(ClaimSet(claims=claims, sources=linked)) == ["R102"]


def test_a_rate_of_zero_does_not_make_its_metric_signed():
    claims = [
        Claim(id="charged", metric="cases", value=100, as_of="2024-06-01"),
        Claim(id="awol", metric="cases", value=150, as_of="2024-06-01", dims={"charge": "AWOL"}),
        Claim(id="daily", metric="cases", value="0", per="day", period="2024-05"),
    ]
    assert codes(ClaimSet(claims=claims)) == ["A102"]


# -- one index per claim set -------------------------------------------------------------------------


def test_the_inference_index_is_built_once_per_claim_set_however_many_rules_and_runs_read_it(monkeypatch):
    built: list[ClaimSet] = []

    class CountedInference(_identity._Inference):
        def __init__(self, claim_set: ClaimSet) -> None:
            built.append(claim_set)
            super().__init__(claim_set)

    monkeypatch.setattr(_identity, "_Inference", CountedInference)
    claim_set = ClaimSet(
        claims=[
            Claim(id="total", metric="arrivals", value=100, period="2023"),
            Claim(id="north", metric="arrivals", value=70, period="2023", dims={"region": "north"}),
            Claim(id="south", metric="arrivals", value=50, period="2023", dims={"region": "south"}),
            Claim(id="weekly", metric="arrivals", value=20, per="week", period="2023"),
            Claim(id="h2", metric="arrivals", value=120, period="H2 2023"),
        ]
    )
    first, second = factlint.lint(claim_set), factlint.lint(claim_set)
    assert {finding.code for finding in first} >= {"A101", "R102", "T104"}
    assert [finding.message for finding in first] == [finding.message for finding in second]
    # Truncation notes re-run a rule on a finding's claims alone: those are other claim sets.
    assert sum(1 for claim_set_read in built if claim_set_read is claim_set) == 1


def test_groupings_leave_out_no_claim_that_a_claim_alone_in_its_measure_could_join():
    claims = [
        Claim(id="lone", metric="deaths", value=5, as_of="2024-01-01", source="a"),
        Claim(id="one", metric="arrivals", value=100, as_of="2024-01-01", source="a"),
        Claim(id="other", metric="arrivals", value=150, as_of="2024-01-01", source="b"),
        Claim(id="part", metric="arrivals", value=160, as_of="2024-01-01", source="a", dims={"region": "north"}),
    ]
    claim_set = ClaimSet(claims=claims, sources=outlets("a", "b"))
    assert [[claim.id for claim in group] for group in _identity.same_quantity_groups(claim_set)] == [["one", "other"]]
    assert [(part.id, whole.id) for part, whole, _ in _identity.part_of_pairs(claim_set)] == [("part", "one")]
