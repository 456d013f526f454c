"""Entries of known keys and plain values are built without cattrs, into exactly what the cattrs path builds from them."""

from __future__ import annotations

import copy
import datetime
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint._dates import parse_date_range
from factlint._loading.building import _Builder, _claim, _relation, _source
from factlint._loading.documents import Document
from factlint._loading.entries import RELATION_TABLES, TABLES, ClaimEntry, FileEntry, plain_fields
from factlint._quantities import DEFAULT_TOLERANCES

ENTRY_CLASSES = {**TABLES, "factlint": FileEntry}
PUBLISHED = {"s": parse_date_range("2025-06-26"), "t": None}

texts = st.sampled_from(["a", "b", "s", "", " ", "A101", "week", "mean", "late May", "nearly 100", "1,000"]) | st.text(
    max_size=6
)
# Any value a parser may give, including the types no field takes as it is.
anything = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 10**6)
    | st.floats(allow_nan=False)
    | texts
    | st.dates()
    | st.datetimes(),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(texts, children, max_size=2),
    max_leaves=4,
)


def _mostly(valid: list[Any] | st.SearchStrategy[Any], invalid: list[Any]) -> st.SearchStrategy[Any]:
    """Values a field is meant to hold, and now and then one it refuses."""
    valid_values = st.sampled_from(valid) if isinstance(valid, list) else valid
    # One in ten: Hypothesis draws the ends of a range of integers more often than the middle.
    return st.integers(0, 9).flatmap(lambda draw: st.sampled_from(invalid) if draw == 7 else valid_values)


dates = _mostly(
    st.sampled_from(["late May", "late May 2025", "2024", "FY2023", "2022-09/.."]) | st.dates(),
    ["Smarch 2024", "last Tuesday", ""],
)
ids = _mostly(["a", "b", "s", "t"], ["a b", "1a", ""])
codes = _mostly(st.lists(st.sampled_from(["A101", "G"]), max_size=2), [[" "], ["A101", ""]])
# The values each field is meant to hold, and some it refuses, so that most entries get past their keys.
PLAUSIBLE: dict[str, st.SearchStrategy[Any]] = {
    "id": ids,
    "metric": st.sampled_from(["cases", "people"]),
    "value": _mostly(
        st.sampled_from(["41,122", "nearly 100", "about 1,000", "34%", "$2 million", "t(28) = 2.20, p = .04"])
        | st.integers(-5, 10**6),
        ["lots", ""],
    ),
    "unit": _mostly(["", "cases", "USD"], ["euros"]),
    "per": _mostly(["week", "a day"], ["fortnight"]),
    "as_of": dates,
    "period": dates,
    "since": dates,
    "published": dates,
    "retrieved": dates,
    "dims": st.dictionaries(st.sampled_from(["charge", "region"]), st.sampled_from(["AWOL", "Kursk"]), max_size=2),
    "of": _mostly(st.integers(1, 50) | st.sampled_from(["a", "43", "3.0", "1,000"]), [0, -1, "3.5", "a b"]),
    "statistic": _mostly(["mean", "sd"], ["test", "median"]),
    "items": _mostly([1, 2], [0]),
    "tails": _mostly([1, 2], [0, 3]),
    "source": st.sampled_from(["s", "t", "u"]),
    "mean": ids,
    "ignore": codes,
    "cites": st.lists(ids, max_size=2),
    "parts": st.lists(ids, max_size=3),
    "claims": st.lists(ids, max_size=3),
    "factor": _mostly(st.sampled_from(["double", "2", "nearly three times"]) | st.integers(1, 3), ["lots", 0]),
    "expr": _mostly(["a <= b", "a == 1"], ["a +", "__import__(1)"]),
    "fiscal_year_start": _mostly([1, 4, 10], [0, 13]),
}
BOOLEANS = ("forecast", "binary", "complete", "infer")


def _plausible_values(name: str) -> st.SearchStrategy[Any]:
    return st.booleans() if name in BOOLEANS else PLAUSIBLE.get(name, texts)


def raw_entries(table: str) -> st.SearchStrategy[Any]:
    """Raw entries for `table`: tables of plausible values, some with one odd value or key, any table, or anything at all."""
    fields = attrs.fields(ENTRY_CLASSES[table])
    required = {field.name: _plausible_values(field.name) for field in fields if field.default is attrs.NOTHING}
    optional = {field.name: _plausible_values(field.name) for field in fields if field.default is not attrs.NOTHING}
    plausible = st.fixed_dictionaries(required, optional=optional)
    names = st.sampled_from([*required, *optional, "bogus"])
    with_an_odd_value = st.tuples(plausible, names, anything).map(lambda odd: {**odd[0], odd[1]: odd[2]})
    unusual = {3: with_an_odd_value, 4: with_an_odd_value, 5: st.dictionaries(names, anything, max_size=4), 6: anything}
    return st.integers(0, 9).flatmap(lambda draw: unusual.get(draw, plausible))


tables_and_entries = st.sampled_from(sorted(ENTRY_CLASSES)).flatmap(
    lambda table: st.tuples(st.just(table), raw_entries(table))
)


def _where(table: str) -> tuple[str | int, ...]:
    return (table,) if table == "factlint" else (table, 0)


def _built(table: str, raw: Any, structure_by_cattrs: bool) -> tuple[object, ...]:
    """What a builder makes of one raw entry: its fields, the model built from them, and the problems and unreadable ids it noted."""
    builder = _Builder(DEFAULT_TOLERANCES, 10)
    document = Document("cases.facts.toml", {}, None, [])
    structure = builder.structure_by_cattrs if structure_by_cattrs else builder.structure
    fields = structure(document, _where(table), copy.deepcopy(raw), ENTRY_CLASSES[table])
    stated = copy.copy(fields)
    built: object = None
    if fields is not None and table == "claim":
        claim = _claim(builder, document, 0, fields, PUBLISHED)
        built = (claim, claim.test) if claim is not None else None
    elif fields is not None and table == "source":
        built = _source(builder, document, 0, fields)
    elif fields is not None and table in RELATION_TABLES:
        built = _relation(builder, document, table, 0, fields)
    return stated, built, builder.problems, builder.unreadable_ids


@settings(max_examples=500)
@given(tables_and_entries)
def test_an_entry_builds_the_same_model_and_problems_with_or_without_cattrs(table_and_raw: tuple[str, Any]) -> None:
    table, raw = table_and_raw
    assert _built(table, raw, structure_by_cattrs=False) == _built(table, raw, structure_by_cattrs=True)


@given(tables_and_entries)
def test_an_entry_read_without_cattrs_holds_the_fields_cattrs_structures(table_and_raw: tuple[str, Any]) -> None:
    table, raw = table_and_raw
    fields = plain_fields(copy.deepcopy(raw), ENTRY_CLASSES[table]) if isinstance(raw, dict) else None
    if fields is not None:
        entry = attrs.asdict(ENTRY_CLASSES[table](**fields), recurse=False)
        assert _built(table, raw, structure_by_cattrs=True)[0] == entry == fields


def test_a_plain_claim_is_read_without_cattrs_and_an_unusual_one_is_left_to_it() -> None:
    plain = {
        "id": "a",
        "metric": "cases",
        "value": "41,122",
        "as_of": datetime.date(2025, 5, 31),
        "dims": {"charge": "AWOL"},
    }
    assert plain_fields(plain, ClaimEntry) == {
        **attrs.asdict(ClaimEntry(id="a", metric="cases", value="41,122")),
        **plain,
    }
    for unusual in (
        {"value": 15.7},
        {"value": True},
        {"as_of": datetime.datetime(2025, 5, 31, 10)},
        {"per": None},
        {"dims": {"charge": 1}},
        {"bogus": "x"},
    ):
        assert plain_fields({**plain, **unusual}, ClaimEntry) is None
    assert plain_fields({"id": "a", "metric": "cases"}, ClaimEntry) is None


@given(st.lists(raw_entries("claim"), max_size=6))
def test_a_file_reads_each_claim_as_it_would_be_read_alone(raws: list[Any]) -> None:
    # A builder remembers the values and dates it has read; remembering must change nothing.
    together = _Builder(DEFAULT_TOLERANCES, 10)
    document = Document("cases.facts.toml", {}, None, [])
    claims, problems = [], []
    for raw in raws:
        fields = together.structure(document, ("claim", 0), copy.deepcopy(raw), ClaimEntry)
        claims.append(_claim(together, document, 0, fields, PUBLISHED) if fields is not None else None)
        alone = _built("claim", raw, structure_by_cattrs=True)
        assert claims[-1] == (alone[1][0] if alone[1] is not None else None)
        problems.extend(alone[2])
    assert together.problems == problems


def test_checking_valid_fact_files_never_imports_cattrs(tmp_path):
    import subprocess
    import sys

    # In folders of their own: a named file is checked with its folder as context.
    (tmp_path / "valid").mkdir()
    (tmp_path / "invalid").mkdir()
    (tmp_path / "valid" / "valid.facts.toml").write_text(
        '[[claim]]\nid = "a"\nmetric = "cases"\nvalue = "about 5"\n\n[[claim]]\nid = "b"\nmetric = "cases"\nvalue = 2\n'
        '\n[[sum]]\ntotal = "a"\nparts = ["b"]\ncomplete = false\n',
        encoding="utf-8",
    )
    (tmp_path / "invalid" / "unknown-key.facts.toml").write_text('[[claim]]\nid = "c"\nmetric = "cases"\nvalue = 1\ncolour = "red"\n', encoding="utf-8")
    probe = (
        "import sys\n"
        "from factlint._cli import main\n"
        "main(['check', '--no-cache', '--no-config', sys.argv[1]])\n"
        "print('cattrs' in sys.modules)\n"
    )
    valid = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "valid" / "valid.facts.toml")], capture_output=True, text=True, check=True)
    assert valid.stdout.splitlines()[-1] == "False"
    # An entry the plain path leaves is still read by cattrs, which words its problem.
    unknown = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "invalid" / "unknown-key.facts.toml")], capture_output=True, text=True, check=True)
    assert "unknown key 'colour'" in unknown.stdout
    assert unknown.stdout.splitlines()[-1] == "True"
