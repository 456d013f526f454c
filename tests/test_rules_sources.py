"""Tests for C101 sources-disagree: one quantity (metric, dims, time) stated incompatibly by different sources."""

from __future__ import annotations

from _rules_helpers import codes, findings
from hypothesis import given
from hypothesis import strategies as st

from factlint._model import Claim, ClaimSet, Same, Source

DEPLOYED = "servicemen sent to the front without trial"
SOURCES = [
    Source(id="newsweek", publisher="Newsweek", published="2024-06-04"),
    Source(id="pravda", publisher="Ukrainska Pravda", published="2024-06-04"),
    Source(id="isw", publisher="ISW", published="2024-06-03"),
]


def stated_by(source: str, value: object, claim_id: str | None = None, **fields: object) -> Claim:
    fields.setdefault("as_of", "2024-06-03")
    return Claim(id=claim_id or f"deployed_{source}", metric=DEPLOYED, value=value, source=source, **fields)


def test_170_and_at_least_200_from_two_sources_disagree():
    claims = ClaimSet(claims=[stated_by("newsweek", 170), stated_by("pravda", "at least 200")], sources=SOURCES)
    [finding] = findings(claims, "C101")
    assert "Newsweek" in finding.message and "Ukrainska Pravda" in finding.message


def test_170_and_at_least_170_agree():
    claims = ClaimSet(claims=[stated_by("newsweek", 170), stated_by("pravda", "at least 170")], sources=SOURCES)
    assert codes(claims, "C101") == []


def test_different_dates_dims_or_one_source_are_not_compared():
    claims = ClaimSet(
        claims=[
            stated_by("newsweek", 170),
            stated_by("pravda", 300, as_of="2024-06-10"),
            stated_by("isw", 300, dims={"oblast": "Kharkiv"}),
            stated_by("newsweek", 400, claim_id="again"),
        ],
        sources=SOURCES,
    )
    assert codes(claims, "C101") == []


def test_a_disagreement_hidden_behind_a_same_source_extreme_is_found():
    claims = ClaimSet(
        claims=[
            stated_by("newsweek", 100, claim_id="low"),
            stated_by("newsweek", 500, claim_id="high"),
            stated_by("pravda", "at least 200"),
        ],
        sources=SOURCES,
    )
    [finding] = findings(claims, "C101")
    assert finding.claim_ids == {"low", "deployed_pravda"}


def test_an_explicit_same_is_left_to_r101():
    claims = ClaimSet(
        claims=[stated_by("newsweek", 170), stated_by("pravda", "at least 200")],
        sources=SOURCES,
        relations=[Same(claims=["deployed_newsweek", "deployed_pravda"])],
    )
    assert codes(claims, "C101") == []


@given(st.integers(0, 100_000), st.lists(st.sampled_from(["exact", "at least", "at most", "about", "range"]), min_size=2, max_size=3))
def test_sources_stating_one_true_value_within_their_hedges_agree(true_value, forms):
    def state(form: str) -> object:
        return {
            "exact": true_value,
            "at least": f"at least {max(true_value - 7, 0)}",
            "at most": f"at most {true_value + 3}",
            "about": f"about {true_value}",
            "range": f"{max(true_value - 5, 0)}-{true_value + 5}",
        }[form]

    claims = [stated_by(source.id, state(form)) for source, form in zip(SOURCES, forms)]
    assert codes(ClaimSet(claims=claims, sources=SOURCES), "C101") == []


@given(st.integers(0, 100_000), st.integers(1, 1_000))
def test_a_planted_disagreement_is_always_found(true_value, gap):
    claims = [stated_by("newsweek", true_value), stated_by("pravda", f"more than {true_value + gap}")]
    assert codes(ClaimSet(claims=claims, sources=SOURCES), "C101") == ["C101"]
