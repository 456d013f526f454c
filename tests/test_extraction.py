"""`factlint extract`: figures with their hedges and times, furniture skipped, cue relations offered, drafts that load."""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from _cli import main
from _seed_gold import (
    DATELINES,
    DATES,
    FIGURES,
    KYIV_INDEPENDENT,
    MOSCOW_TIMES,
    NEWSWEEK,
    PUBLISHED,
    SEED_NAMES,
    seed_path,
    seed_text,
)
from hypothesis import given
from hypothesis import strategies as st

import factlint
from factlint._extraction.draft import Figure, Sentence
from factlint._extraction.figures import DEFAULT_FINDERS
from factlint._extraction.furniture import read_layout
from factlint._extraction.times import find_times
from factlint._quantities import _PREFIX_HEDGES

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"
FILE_CODES = {"F001", "F002", "F003", "F004"}


def seed_draft(seed: str, text: str | None = None) -> factlint.Draft:
    return factlint.extract(seed_text(seed) if text is None else text, published=PUBLISHED.get(seed), id_prefix="s")


def claims_of(text: str, **options: object) -> list[factlint.Draft]:
    return list(factlint.extract(text, published="2024-06-04", **options).claims)  # type: ignore[arg-type]


def values(text: str) -> list[str]:
    return [claim.figure.stated for claim in claims_of(text)]


def switched_on(toml: str) -> str:
    """The draft with every offered relation (and the claims it implies) uncommented, as a reviewer would."""
    blocks = []
    for block in toml.split("\n\n"):
        if block.startswith("# # offered from the cue"):
            block = "\n".join(line[2:] if line.startswith("# ") else "" for line in block.splitlines())
        blocks.append(block)
    return "\n\n".join(blocks)


def findings(toml: str) -> list[factlint.Finding]:
    return list(factlint.lint(factlint.loads(toml)))


# -- the measurement on the seed articles ---------------------------------------------------


def _when(claim: object) -> tuple[str, str] | None:
    from factlint._extraction.draft import Role

    times = claim.times  # type: ignore[attr-defined]
    mention = times.get(Role.AS_OF) or times.get(Role.PERIOD)
    return (mention.dates.first.isoformat(), mention.dates.last.isoformat()) if mention else None


def _since(claim: object) -> tuple[str, str] | None:
    from factlint._extraction.draft import Role

    mention = claim.times.get(Role.SINCE)  # type: ignore[attr-defined]
    return (mention.dates.first.isoformat(), mention.dates.last.isoformat()) if mention else None


def _reading(value: str, per: str) -> tuple[object, object]:
    quantity = factlint.parse_quantity(value)
    quantity = quantity.as_rate() if per else quantity
    return quantity.hedge, quantity.interval


def test_seed_figures_are_found_with_their_hedges_and_times(capsys):
    drafts = {seed: seed_draft(seed) for seed in SEED_NAMES}
    found = hedged = timed = 0
    for gold in FIGURES:
        at = gold.offset(seed_text(gold.seed))
        match = [claim for claim in drafts[gold.seed].claims if claim.figure.start <= at < claim.figure.end]
        if not match:
            continue
        [claim] = match
        found += 1
        hedged += _reading(claim.figure.stated, claim.figure.per) == _reading(gold.value, gold.per)
        timed += (_when(claim), _since(claim), claim.figure.per) == (gold.when, gold.since, gold.per)
    golds = [(gold.seed, gold.offset(seed_text(gold.seed))) for gold in FIGURES]
    drafted = [claim for seed, draft in drafts.items() for claim in draft.claims]
    real = sum(
        any(seed == gold_seed and claim.figure.start <= at < claim.figure.end for gold_seed, at in golds)
        for seed, draft in drafts.items()
        for claim in draft.claims
    )
    total = len(FIGURES)
    with capsys.disabled():
        print(
            f"\nseed articles: {found}/{total} figures found ({found / total:.0%}), "
            f"{hedged}/{total} with the right hedge ({hedged / total:.0%}), "
            f"{timed}/{total} with the right rate and time ({timed / total:.0%}); "
            f"{real}/{len(drafted)} drafted claims are real figures ({real / len(drafted):.0%})"
        )
    assert found / total >= 0.95
    assert hedged / total >= 0.90
    assert real / len(drafted) >= 0.85
    assert timed / total >= 0.90


@pytest.mark.parametrize("gold", DATES, ids=lambda gold: f"{gold.seed[:3]} {gold.words}")
def test_every_seed_date_resolves_to_its_day_range(gold):
    text = seed_text(gold.seed)
    published = factlint.parse_date_range(PUBLISHED.get(gold.seed) or DATELINES[gold.seed])
    mentions = [mention for sentence in read_layout(text).sentences for mention in find_times(sentence, published)]
    resolved = {(mention.dates.first.isoformat(), mention.dates.last.isoformat()) for mention in mentions if mention.words == gold.words}
    assert resolved == {(gold.first, gold.last)}


@pytest.mark.parametrize("seed", sorted(DATELINES))
def test_publication_date_is_read_from_the_dateline(seed):
    draft = factlint.extract(seed_text(seed))
    assert draft.source.published == factlint.parse_date_range(DATELINES[seed])
    assert "dateline" in draft.source.published_from


@pytest.mark.parametrize("seed", sorted(PUBLISHED))
def test_a_copyright_year_or_a_banner_date_is_never_the_publication_date(seed):
    # 000 has "Copyright © 2021", 004 "Since July 1, 2024, we have disabled all ads".
    with pytest.raises(factlint.ExtractionError, match="--published"):
        factlint.extract(seed_text(seed))


@pytest.mark.parametrize("seed", SEED_NAMES)
def test_seed_draft_loads_as_is_and_checks_clean(seed):
    toml = seed_draft(seed).to_toml()
    assert findings(toml) == []


@pytest.mark.parametrize("seed", SEED_NAMES)
def test_seed_draft_with_its_relations_switched_on_still_checks_clean(seed):
    # The seeds' relations hold, so switching on every offered one raises nothing.
    assert findings(switched_on(seed_draft(seed).to_toml())) == []


def _relations(seed: str) -> list[tuple[str, dict[str, object]]]:
    """The relations of a seed's draft with their fields written as stated values instead of ids."""
    draft = seed_draft(seed)
    claims = {claim.id: claim.figure.stated for claim in draft.claims}
    claims.update({claim.id: claim.figure.stated for relation in draft.relations for claim in relation.implied})

    def stated(value: object) -> object:
        if isinstance(value, tuple):
            return tuple(claims[item] for item in value)
        return claims.get(value, value) if isinstance(value, str) else value

    return [(relation.kind, {key: stated(value) for key, value in relation.fields.items()}) for relation in draft.relations]


def test_the_seeds_known_relations_are_offered():
    assert ("sum", {"total": "20,538", "parts": ("18,159", "1,369", "1,010"), "complete": True}) in _relations(KYIV_INDEPENDENT)
    ratios = _relations(MOSCOW_TIMES)
    assert ("ratio", {"of": "2,076", "to": "about 1,038", "factor": "double"}) in ratios
    assert ("ratio", {"of": "2,076", "to": "about 692", "factor": "three times"}) in ratios
    assert ("same", {"claims": ("nearly 100", "around 5,200")}) in _relations("000_34e2f88850148c71.txt")
    assert ("part", {"part": "Around 12,000", "whole": "more than 18,000"}) in _relations(NEWSWEEK)


def test_relations_are_written_commented_out_with_their_cue():
    toml = seed_draft(KYIV_INDEPENDENT).to_toml()
    assert re.search(r'^# # offered from the cue "Of these".*\n# \[\[sum\]\]$', toml, re.MULTILINE)
    assert not re.search(r"^\[\[(?:sum|part|ratio|same)\]\]", toml, re.MULTILINE)


def test_a_sum_is_offered_whether_or_not_it_adds_up_and_then_factlint_finds_the_typo():
    text = seed_text(KYIV_INDEPENDENT).replace("20,538 such cases", "20,583 such cases")
    draft = seed_draft(KYIV_INDEPENDENT, text)
    assert [relation.kind for relation in draft.relations].count("sum") == 1
    assert findings(draft.to_toml()) == []
    assert [finding.code for finding in findings(switched_on(draft.to_toml()))] == ["A101"]


def test_a_rate_restated_in_another_unit_is_offered_as_the_same():
    draft = factlint.extract("Courts convict nearly 100 soldiers a week, or around 5,200 a year.", published="2024-06-04")
    [relation] = draft.relations
    assert (relation.kind, relation.cue) == ("same", ", or")


def test_a_cue_points_back_one_sentence_only():
    text = "The tally reached 20,538 cases. Nothing else was said. Of these, 18,159 were AWOL and 1,369 desertion."
    assert factlint.extract(text, published="2024-06-04").relations == ()


def test_parts_of_a_breakdown_take_the_time_of_their_whole():
    draft = seed_draft(KYIV_INDEPENDENT)
    [awol] = [claim for claim in draft.claims if claim.figure.stated == "18,159"]
    assert _when(awol) == ("2025-05-21", "2025-05-31")
    assert "Of these" in awol.times_from


# -- what is a figure, and what is not ------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "stated", "hedge"),
    [
        ("Russia was convicting nearly 100 soldiers per week.", "nearly 100", "nearly"),
        ("Verstka found that at least 170 men were sent.", "at least 170", "at least"),
        ("Russia recruits around 40,000-45,000 men every month.", "around 40,000-45,000", "approximately"),
        ("Officials counted 170 or more deserters.", "170 or more", "at least"),
        ("Hundreds of soldiers refused.", "Hundreds", "between"),
        ("The fund holds $350 million in reserves.", "$350 million", "exact"),
        ("Turnout was 34% in the district.", "34%", "exact"),
        ("More than half of the voters stayed home.", "More than half", "more than"),
        ("Two soldiers were sentenced.", "Two", "exact"),
        ("Some 2,500 troops have deserted.", "Some 2,500", "approximately"),
        ("The hospital treated between 120 and 150 patients.", "between 120 and 150", "between"),
        ("The ministry spent €2.5m on vaccines.", "€2.5m", "exact"),
    ],
)
def test_a_figure_is_found_with_its_hedge(sentence, stated, hedge):
    [claim] = claims_of(sentence)
    assert claim.figure.stated == stated
    assert claim.figure.quantity.hedge.value == hedge


@pytest.mark.parametrize(
    "sentence",
    [
        "He was charged under Article 352.1 of the Criminal Code.",
        "Around them stood the 8th Guards Combined Arms Army.",
        "The court sat at 6:44 PM on the day.",
        "Desertion carries a 10-year prison sentence.",
        "A 25-year-old soldier refused to fight.",
        "They were sentenced to serve at least two years in a penal colony.",
        "Ukrainian forces struck a Russian S-300/400 air defence battery.",
        "They discussed the Power of Siberia 2 (PS-2) pipeline.",
        "Forces struck the battery on 1 or 2 June.",
        "The number was lower in 2021.",
        "The figure is three times the number in 2021.",
        "Unauthorized absence is punishable by up to 10 years in prison.",
        "The motion passed in a 5-0 vote.",
        "The council adopted the budget for fiscal year 2017–2018.",
        "He spoke in District 5 last week.",
        "About one in five adults reported symptoms.",
        "Residents 16 and older may apply.",
    ],
)
def test_numbers_that_are_not_claims_are_skipped(sentence):
    assert values(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "per"),
    [
        ("Russia convicts nearly 100 soldiers per week.", "week"),
        ("There could be around 5,200 convictions annually.", "year"),
        ("Russia recruits 40,000 men for its military every month.", "month"),
        ("Russia Convicts 100 Army Deserters a Week – Mediazona", "week"),
        ("The clinic saw 300 patients a year ago.", ""),
        ("It was the first rise in a year for 300 clinics.", ""),
    ],
)
def test_a_rate_is_read_from_the_words_after_its_figure(sentence, per):
    [claim] = claims_of(sentence)
    assert claim.figure.per == per


def test_page_furniture_is_skipped():
    stated = [claim.figure.stated for claim in seed_draft(MOSCOW_TIMES).claims]
    assert "$10,000" not in stated and "$2" not in stated  # the fundraising pleas
    stated = [claim.figure.stated for claim in factlint.extract(seed_text(KYIV_INDEPENDENT)).claims]
    assert "2" not in stated  # "2 min read" in the byline


def test_headline_and_low_confidence_figures_are_commented_out():
    draft = seed_draft(MOSCOW_TIMES)
    [headline] = [claim for claim in draft.claims if claim.headline]
    assert (headline.figure.stated, headline.active) == ("100", False)
    [bare] = claims_of("The list had 17 entries in it. It reached 30.")[1:]
    assert bare.confidence is factlint._extraction.draft.Confidence.LOW and not bare.active
    toml = draft.to_toml()
    assert '# value = "100"' in toml and 'value = "at least 100"\n' in toml


def test_the_day_a_figure_was_reported_dates_it_only_when_nothing_else_does():
    reported, dated = claims_of(
        "The ministry said on Monday that 300 soldiers deserted. The ministry said on Monday that 200 soldiers deserted in May."
    )
    assert _when(reported) == ("2024-06-03", "2024-06-03")
    assert _when(dated) == ("2024-05-01", "2024-05-31")


def test_a_date_opening_a_sentence_dates_every_figure_without_its_own():
    first, second = claims_of("In late 2024, the army grew to about 2.4 million, including 1.5 million soldiers.")
    assert _when(first) == _when(second) == ("2024-09-01", "2024-12-31")


def test_a_figure_whose_time_may_end_after_publication_is_drafted_as_a_forecast():
    [budget] = factlint.extract("The council approved a $39.1 million budget for fiscal 2026.", published="2025-06-01").claims
    assert budget.forecast
    toml = factlint.extract("The council approved a $39.1 million budget for fiscal 2026.", published="2025-06-01").to_toml()
    assert "forecast = true" in toml and findings(toml) == []
    [spent] = factlint.extract("The council spent $39.1 million in fiscal 2024.", published="2025-06-01").claims
    assert not spent.forecast


def test_a_change_from_one_figure_to_another_is_two_figures_not_a_range():
    assert values("The budget increased about $885,000 to $145.14 million.") == ["about $885,000", "$145.14 million"]
    assert values("The incumbent won 52% to 46%.") == ["52%", "46%"]
    assert values("The tax rate is $0.515 per $100 valuation.") == ["$0.515"]
    assert values("Between 40,000 and 45,000 men enlisted.") == ["Between 40,000 and 45,000"]
    assert values("Russia recruits 40,000 to 45,000 men.") == ["40,000 to 45,000"]


def test_a_data_list_line_is_named_by_its_label():
    [claim] = factlint.extract("Total cases: 34,125\nThe county reported more.", published="2021-09-14").claims
    assert (claim.metric, claim.active, claim.headline) == ("Total cases", True, False)


def test_two_dates_joined_by_to_are_one_period():
    [claim] = claims_of("From Oct. 28 to Nov. 3, people not fully vaccinated accounted for 65.3% of cases.")
    assert list(claim.times) == [factlint._extraction.draft.Role.PERIOD]
    assert _when(claim) == ("2023-10-28", "2023-11-03")


# -- the draft's forms ----------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEED_NAMES)
def test_json_gives_each_claims_offsets_in_the_input(seed):
    text = seed_text(seed)
    document = json.loads(seed_draft(seed).to_json())
    assert document["claims"]
    for claim in document["claims"]:
        assert " ".join(text[claim["start"] : claim["end"]].split()) == claim["value"]
        assert claim["quote"] and claim["confidence"] in ("high", "medium", "low")
    assert {relation["kind"] for relation in document["relations"]} <= {"sum", "part", "ratio", "same"}


def test_ids_are_unique_and_prefixed():
    draft = factlint.extract(seed_text(KYIV_INDEPENDENT), id_prefix="kyiv")
    ids = [claim.id for claim in draft.claims]
    assert len(ids) == len(set(ids)) and all(claim_id.startswith("kyiv_") for claim_id in ids)
    default = factlint.extract(seed_text(KYIV_INDEPENDENT), publisher="The Kyiv Independent")
    assert all(claim.id.startswith("kyiv_independent_") for claim in default.claims)
    with pytest.raises(factlint.ExtractionError, match="id prefix"):
        factlint.extract(seed_text(KYIV_INDEPENDENT), id_prefix="2bad")


def test_extract_refuses_what_is_not_text():
    with pytest.raises(TypeError, match="str"):
        factlint.extract(b"20,538 cases", published="2024-06-04")  # type: ignore[arg-type]


def test_quotes_with_quotation_marks_and_backslashes_load():
    toml = factlint.extract('He said "we lost 300 men" at C:\\base.', published="2024-06-04").to_toml()
    [claim] = factlint.loads(toml).claims
    assert claim.quote == 'He said "we lost 300 men" at C:\\base.'


def test_a_finder_added_first_keeps_the_number_finder_off_its_numbers():
    statistic = re.compile(r"t\(\d+\) = (?P<value>\d+\.\d+)")

    def find_t_statistics(sentence: Sentence) -> Iterator[Figure]:
        for found in statistic.finditer(sentence.text):
            start, end = sentence.start + found.start(), sentence.start + found.end()
            yield Figure(start, end, found["value"], factlint.parse_quantity(found["value"]), "t statistic")

    text = "The effect was clear, t(28) = 2.20, among 30 students."
    draft = factlint.extract(text, published="2024-06-04", finders=(find_t_statistics, *DEFAULT_FINDERS))
    assert [(claim.figure.stated, claim.figure.finder) for claim in draft.claims] == [
        ("2.20", "t statistic"),
        ("30", "number"),
    ]


def test_apa_results_are_drafted_whole_and_checked_for_their_p_values():
    # A results paragraph as papers print it; F(2, 57) = 3.10 gives p = .053, not .01 (and not
    # significant: a decision error too).
    text = (
        "Participants in the treatment group scored higher than controls, t(28) = 2.20, p = .04. "
        "The interaction was significant, F(2, 57) = 3.10, p = .01, among 60 students."
    )
    draft = factlint.extract(text, published="2024-03-01")
    drafted = [(claim.figure.stated, claim.figure.finder, claim.active) for claim in draft.claims]
    assert drafted == [
        ("t(28) = 2.20, p = .04", "test result", True),
        ("F(2, 57) = 3.10, p = .01", "test result", True),
        ("60", "number", True),
    ]
    claim_set = factlint.loads(draft.to_toml())
    assert claim_set.problems == ()
    assert [claim.statistic for claim in claim_set.claims[:2]] == [factlint.Statistic.TEST] * 2
    findings = {(finding.code, *finding.claim_ids) for finding in factlint.lint(claim_set, select=["S"])}
    assert findings == {("S101", claim_set.claims[1].id), ("S102", claim_set.claims[1].id)}


# -- an article from another domain ---------------------------------------------------------


def test_a_city_budget_article_extracts_and_its_draft_loads():
    text = (ARTICLES / "spartanburg-budget-2017.txt").read_text(encoding="utf-8")
    draft = factlint.extract(text, publisher="Spartanburg City Council")
    assert draft.source.published == factlint.parse_date_range("2017-05-24")
    assert [(claim.figure.stated, claim.figure.quantity.unit) for claim in draft.claims] == [
        ("$39.1 million", "USD"),
        ("5%", ""),
        ("2.0%", ""),
        ("$220,000", "USD"),
        ("$1.3 million", "USD"),
    ]
    assert all(not claim.times for claim in draft.claims)  # "fiscal year 2017–2018" is not read as FY2017
    assert findings(draft.to_toml()) == []


# -- the command line -----------------------------------------------------------------------


def run(argv: list[str]) -> tuple[int, str, str]:
    output, errors = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(errors):
        status = main(argv)
    return status, output.getvalue(), errors.getvalue()


def test_extract_then_check_is_clean(tmp_path):
    draft = tmp_path / "story.facts.toml"
    status, _, _ = run(["extract", str(seed_path(KYIV_INDEPENDENT)), "--publisher", "The Kyiv Independent", "-o", str(draft)])
    assert status == 0
    assert 'publisher = "The Kyiv Independent"' in draft.read_text(encoding="utf-8")
    status, output, _ = run(["check", str(draft)])
    assert (status, output.strip()) == (0, "All checks passed: 10 claims in 1 file.")


def test_extract_without_a_dateline_or_published_exits_2_asking_for_it():
    status, output, errors = run(["extract", str(seed_path(MOSCOW_TIMES))])
    assert (status, output) == (2, "")
    assert "--published" in errors and errors.count("\n") == 1
    status, output, _ = run(["extract", str(seed_path(MOSCOW_TIMES)), "--published", "July 2023", "--url", "https://example.org/a"])
    assert status == 0 and 'published = "July 2023"' in output and 'url = "https://example.org/a"' in output


def test_extract_json_and_standard_input(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Officials counted 300 deserters on Monday."))
    status, output, _ = run(["extract", "-", "--published", "2024-06-04", "--format", "json"])
    [claim] = json.loads(output)["claims"]
    assert (status, claim["value"], claim["start"], claim["period"]["first"]) == (0, "300", 18, "2024-06-03")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extract", "missing.txt", "--published", "2024-06-04"], "missing.txt"),
        (["extract", str(ARTICLES / "spartanburg-budget-2017.txt"), "--published", "Smarch 2024"], "published"),
    ],
)
def test_extract_reports_bad_input_in_one_line(argv, message):
    status, _, errors = run(argv)
    assert status == 2 and message in errors and errors.count("\n") == 1


# -- properties -----------------------------------------------------------------------------

_COUNTS = st.integers(min_value=1, max_value=10**9).map(lambda number: f"{number:,}")


@given(hedge=st.sampled_from(sorted(_PREFIX_HEDGES)), number=_COUNTS)
def test_a_hedged_count_is_drafted_as_the_quantity_reader_reads_it(hedge, number):
    stated = f"{hedge} {number}"
    [claim] = claims_of(f"Officials counted {stated} deserters in the region.")
    assert claim.figure.stated == stated
    expected = factlint.parse_quantity(stated)
    assert (claim.figure.quantity.hedge, claim.figure.quantity.interval) == (expected.hedge, expected.interval)


_SENTENCES = st.sampled_from(
    [
        "As of late May, the tally reached {n} cases since September 2022.",
        "Of these, {n} were AWOL and {m} desertion.",
        "The figure is double the number in 2022.",
        "Nearly {n} soldiers per week were convicted. If this pattern persists, there could be around {m} a year.",
        "In late 2024, the army grew to about {n} million, including {m} million personnel.",
        "Around {n} of them belonged to the 8th Guards.",
        "Support us: it costs ${n} a month.",
        "The budget is ${n} million, up {m}% on last year.",
    ]
)


@given(
    st.lists(
        st.tuples(_SENTENCES, st.integers(min_value=1, max_value=99_999), st.integers(min_value=1, max_value=99_999)),
        min_size=1,
        max_size=8,
    )
)
def test_any_draft_loads_and_its_switched_on_relations_name_only_existing_claims(sentences):
    text = "\n".join(template.format(n=f"{n:,}", m=f"{m:,}") for template, n, m in sentences)
    toml = factlint.extract(text, published="2025-06-26").to_toml()
    assert not {finding.code for finding in findings(toml)} & FILE_CODES
    assert not {finding.code for finding in findings(switched_on(toml))} & FILE_CODES


_ARTICLE_PIECES = st.sampled_from(
    [*"0123456789 ,.-–:/%$€()\"'\n", "a", "T", "M", "May ", "late ", "of ", "nearly ", "per week", "Of these, ",
     " million", "2024", "including ", "double ", "in ", "since ", "as of ", "Monday", "the ", "cases"]
)
_ARTICLE_TEXT = st.lists(_ARTICLE_PIECES, max_size=60).map("".join)


@given(_ARTICLE_TEXT)
def test_any_text_gives_a_draft_that_loads_without_file_findings(text):
    draft = factlint.extract(text, published="2025-06-26")
    toml = draft.to_toml()
    assert not {finding.code for finding in findings(toml)} & FILE_CODES
    assert not {finding.code for finding in findings(switched_on(toml))} & FILE_CODES
    for claim in json.loads(draft.to_json())["claims"]:
        assert " ".join(text[claim["start"] : claim["end"]].split()) == claim["value"]
