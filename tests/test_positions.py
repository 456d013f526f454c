"""Tests that source maps point at the real line and column of every key and value in TOML and JSON fact files."""

from __future__ import annotations

import datetime
import json
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint._positions import Position, _may_continue, _next_may_continue, json_source_map, toml_source_map

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib


def offset_of(text: str, position: Position) -> int:
    """The character offset in `text` that `position` names."""
    line_start = 0
    for _ in range(position.line - 1):
        line_start = text.index("\n", line_start) + 1
    if line_start == 0 and text.startswith("\ufeff"):
        line_start = 1
    return line_start + position.column - 1


def paths_of(node, path=()):
    """Every path in a parsed document, containers first, with what is there."""
    yield path, node
    if isinstance(node, dict):
        for key, child in node.items():
            yield from paths_of(child, (*path, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from paths_of(child, (*path, index))


def is_container(node) -> bool:
    return isinstance(node, (dict, list))


# TOML, by example ----------------------------------------------------------


def test_array_of_tables_entries_are_counted_in_order_per_name():
    text = '[[claim]]\nid = "a"\n\n[[source]]\nid = "s"\n\n[[claim]]\nid = "b"\n'
    positions = toml_source_map(text)
    assert positions.value(("claim", 0)) == Position(1, 1)
    assert positions.value(("claim", 1)) == Position(7, 1)
    assert positions.value(("claim", 1, "id")) == Position(8, 6)
    assert positions.key(("claim", 1, "id")) == Position(8, 1)
    assert positions.value(("source", 0, "id")) == Position(5, 6)


def test_array_of_tables_entry_has_no_key_but_the_array_has_its_first_name():
    positions = toml_source_map('[[claim]]\nid = "a"\n[[claim]]\nid = "b"\n')
    assert positions.key(("claim", 1)) is None
    assert positions.key(("claim",)) == Position(1, 3)
    assert positions.value(("claim",)) == Position(1, 1)


def test_plain_table_and_top_level_keys_point_at_their_names():
    text = 'title = "Refusals"\n\n[factlint]\nignore = ["A101"]\n'
    positions = toml_source_map(text)
    assert positions.key(("title",)) == Position(1, 1)
    assert positions.value(("title",)) == Position(1, 9)
    assert positions.value(("factlint",)) == Position(3, 1)
    assert positions.key(("factlint",)) == Position(3, 2)
    assert positions.key(("factlint", "ignore")) == Position(4, 1)
    assert positions.value(("factlint", "ignore")) == Position(4, 10)
    assert positions.value(("factlint", "ignore", 0)) == Position(4, 11)


def test_value_in_inline_table_points_at_the_inner_value():
    text = '[[claim]]\ndims = { charge = "AWOL", army = { n = 2 } }\n'
    positions = toml_source_map(text)
    assert positions.value(("claim", 0, "dims")) == Position(2, 8)
    assert positions.key(("claim", 0, "dims", "charge")) == Position(2, 10)
    assert positions.value(("claim", 0, "dims", "charge")) == Position(2, 19)
    assert positions.value(("claim", 0, "dims", "army", "n")) == Position(2, 40)


def test_array_of_inline_tables_has_the_same_paths_as_an_array_of_tables():
    positions = toml_source_map('claim = [\n  { id = "a" },\n  { id = "b" },\n]\n')
    assert positions.value(("claim", 1)) == Position(3, 3)
    assert positions.value(("claim", 1, "id")) == Position(3, 10)
    assert positions.key(("claim", 1, "id")) == Position(3, 5)


def test_dotted_key_with_spaces_around_dots_points_at_each_part():
    text = '[[claim]]\ndims . charge = "AWOL"\n'
    positions = toml_source_map(text)
    assert positions.key(("claim", 0, "dims")) == Position(2, 1)
    assert positions.key(("claim", 0, "dims", "charge")) == Position(2, 8)
    assert positions.value(("claim", 0, "dims", "charge")) == Position(2, 17)


def test_sub_table_belongs_to_the_latest_array_of_tables_entry():
    text = '[[claim]]\nid = "a"\n[[claim]]\nid = "b"\n[claim.dims]\ncharge = "AWOL"\n'
    positions = toml_source_map(text)
    assert positions.value(("claim", 1, "dims")) == Position(5, 1)
    assert positions.key(("claim", 1, "dims")) == Position(5, 8)
    assert positions.value(("claim", 1, "dims", "charge")) == Position(6, 10)
    assert positions.value(("claim", 0, "dims", "charge")) is None


def test_nested_arrays_of_tables_count_per_parent_entry():
    text = "[[a]]\n[[a.b]]\nx = 1\n[[a]]\n[[a.b]]\nx = 2\n[[a.b]]\nx = 3\n"
    positions = toml_source_map(text)
    assert positions.value(("a", 1, "b", 0, "x")) == Position(6, 5)
    assert positions.value(("a", 1, "b", 1, "x")) == Position(8, 5)


def test_value_in_multiline_array_points_at_the_element():
    text = (
        "[[sum]]\n"
        'total = "cases"\n'
        "parts = [\n"
        '  "awol",   # the largest\n'
        "  # a comment line\n"
        '  "disobey",\n'
        '    "desertion",\n'
        "]\n"
    )
    positions = toml_source_map(text)
    assert positions.value(("sum", 0, "parts")) == Position(3, 9)
    assert positions.value(("sum", 0, "parts", 0)) == Position(4, 3)
    assert positions.value(("sum", 0, "parts", 1)) == Position(6, 3)
    assert positions.value(("sum", 0, "parts", 2)) == Position(7, 5)
    assert positions.key(("sum", 0, "parts", 2)) is None


def test_lines_of_a_multiline_nested_array_are_not_headers():
    text = "[[claim]]\nm = [\n  [1],\n  [2, [3]]\n]\n[[claim]]\nid = 'b'\n"
    positions = toml_source_map(text)
    assert positions.value(("claim", 0, "m", 1, 1, 0)) == Position(4, 8)
    assert positions.value(("claim", 1)) == Position(6, 1)
    assert positions.value(("claim", 2)) is None


def test_multiline_strings_hide_fake_headers_and_comments():
    text = (
        "[[claim]]\n"
        'quote = """\n'
        "[[claim]]\n"
        "# not a comment \\\"\"\"\n"
        'value = 1""" # a real comment\n'
        "note = '''\n"
        "[[claim]]'''\n"
        "value = 2\n"
        "[[claim]]\n"
        "value = 3\n"
    )
    positions = toml_source_map(text)
    assert positions.raw(("claim", 0, "quote")) == text[text.index('"""') : text.index(" # a real")]
    assert positions.value(("claim", 0, "note")) == Position(6, 8)
    assert positions.value(("claim", 0, "value")) == Position(8, 9)
    assert positions.value(("claim", 1)) == Position(9, 1)
    assert positions.value(("claim", 1, "value")) == Position(10, 9)
    assert positions.value(("claim", 2)) is None


def test_hash_and_brackets_in_one_line_strings_are_text():
    text = "[[claim]]\nquote = \"# [[claim]] ' \\\" \"\nvalue = 'a # b'\n"
    positions = toml_source_map(text)
    assert positions.raw(("claim", 0, "quote")) == "\"# [[claim]] ' \\\" \""
    assert positions.value(("claim", 0, "value")) == Position(3, 9)


def test_raw_keeps_stated_decimals_and_dates_as_written():
    text = 'value = 15.70\nn = 2_000\nas_of = 2025-06-26\nat = 1979-05-27 07:32:00Z\nid = "20,538"\n'
    positions = toml_source_map(text)
    assert positions.raw(("value",)) == "15.70"
    assert positions.raw(("n",)) == "2_000"
    assert positions.raw(("as_of",)) == "2025-06-26"
    assert positions.raw(("at",)) == "1979-05-27 07:32:00Z"
    assert positions.raw(("id",)) == '"20,538"'


def test_raw_is_none_for_tables_and_arrays():
    positions = toml_source_map("a = [1]\nb = { c = 1 }\n[t]\n")
    assert positions.raw(("a",)) is None
    assert positions.raw(("b",)) is None
    assert positions.raw(("t",)) is None


def test_quoted_keys_are_found_by_their_parsed_name():
    text = '"quoted \\u00e9" = 1\n\'lit.eral\' = 2\n["sub table"]\n"a.b".c = 3\n'
    positions = toml_source_map(text)
    assert positions.key(("quoted é",)) == Position(1, 1)
    assert positions.value(("lit.eral",)) == Position(2, 14)
    assert positions.value(("sub table", "a.b", "c")) == Position(4, 11)


def test_crlf_line_endings_give_the_same_positions():
    text = '[[claim]]\r\nid = "a"\r\nparts = [\r\n  1,\r\n  2,\r\n]\r\n[[claim]]\r\nvalue = 15.70\r\n'
    positions = toml_source_map(text)
    assert positions.value(("claim", 0, "parts", 1)) == Position(5, 3)
    assert positions.value(("claim", 1, "value")) == Position(8, 9)
    assert positions.raw(("claim", 1, "value")) == "15.70"


def test_tab_counts_as_one_column():
    positions = toml_source_map("[[claim]]\n\tvalue\t=\t15.70\n")
    assert positions.key(("claim", 0, "value")) == Position(2, 2)
    assert positions.value(("claim", 0, "value")) == Position(2, 10)


def test_byte_order_mark_takes_no_column():
    positions = toml_source_map('\ufeffid = "a"\n')
    assert positions.key(("id",)) == Position(1, 1)
    assert positions.value(("id",)) == Position(1, 6)


def test_unknown_path_has_no_position():
    positions = toml_source_map('[[claim]]\nid = "a"\n')
    assert positions.value(("claim", 0, "nothing")) is None
    assert positions.key(("claim", 3)) is None
    assert positions.raw(("source",)) is None


def test_truncated_toml_keeps_the_positions_found_before_the_break():
    positions = toml_source_map('[[claim]]\nid = "a"\nparts = [1, 2,\n[[claim]]\nid = "b"\n')
    assert positions.value(("claim", 0, "id")) == Position(2, 6)
    assert positions.value(("claim", 0, "parts", 1)) == Position(3, 13)


# JSON, by example ----------------------------------------------------------


def test_json_paths_point_at_nested_objects_and_values():
    text = '{\n  "claim": [\n    {"id": "a", "value": 15.70},\n    {\n      "dims": {"charge": "AWOL"}\n    }\n  ]\n}\n'
    positions = json_source_map(text)
    assert positions.value(("claim",)) == Position(2, 12)
    assert positions.value(("claim", 0)) == Position(3, 5)
    assert positions.key(("claim", 0, "value")) == Position(3, 17)
    assert positions.value(("claim", 0, "value")) == Position(3, 26)
    assert positions.raw(("claim", 0, "value")) == "15.70"
    assert positions.value(("claim", 1, "dims", "charge")) == Position(5, 26)
    assert positions.raw(("claim", 1, "dims", "charge")) == '"AWOL"'
    assert positions.key(("claim", 1)) is None


def test_json_tab_counts_as_one_column_and_escaped_keys_are_decoded():
    positions = json_source_map('{\n\t"caf\\u00e9":\t[1,\t2]\n}')
    assert positions.key(("café",)) == Position(2, 2)
    assert positions.value(("café", 1)) == Position(2, 19)


def test_json_repeated_key_points_at_the_last_one_as_json_loads_keeps_it():
    positions = json_source_map('{"a": 1, "a": 2}')
    assert positions.value(("a",)) == Position(1, 15)


# Properties ----------------------------------------------------------------

STRING_PIECES = ["a", "Z", " ", "é", "#", "[[claim]]", "[x]", "=", ",", '"', "'", "\\", "\n", "\t", '"""', "'''", "{"]
KEY_TEXTS = {
    "id": "id",
    "metric": "metric",
    "value": "value",
    "as_of": "as_of",
    "parts": "parts",
    "quoted key": '"quoted key"',
    "lit.key": "'lit.key'",
}
COMMENTS = ["# note", "# [[claim]]", '# """', "# '''", "#"]

string_contents = st.lists(st.sampled_from(STRING_PIECES), max_size=6).map("".join)
spaces = st.sampled_from(["", " ", "  ", "\t"])


def basic_string(content: str) -> str:
    escaped = content.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


@st.composite
def toml_strings(draw) -> str:
    content = draw(string_contents)
    forms = ["basic", "multi-line basic"]
    if "'" not in content and "\n" not in content:
        forms.append("literal")
    if "'''" not in content and not content.endswith("'"):
        forms.append("multi-line literal")
    form = draw(st.sampled_from(forms))
    if form == "literal":
        return f"'{content}'"
    if form == "multi-line literal":
        return f"'''{content}'''"
    if form == "multi-line basic":
        escaped = content.replace("\\", "\\\\").replace('"', '\\"')
        return f'"""{escaped}"""'
    return basic_string(content)


@st.composite
def toml_scalars(draw) -> str:
    kind = draw(st.sampled_from(["string", "integer", "float", "date", "datetime", "boolean"]))
    if kind == "string":
        return draw(toml_strings())
    if kind == "integer":
        number = draw(st.integers(-(10**12), 10**12))
        return draw(st.sampled_from([str(number), f"{number:_}"]))
    if kind == "float":
        return f"{draw(st.integers(-1000, 1000))}.{draw(st.integers(0, 99)):02d}"
    if kind == "date":
        return draw(st.dates()).isoformat()
    if kind == "datetime":
        moment = draw(st.datetimes(min_value=datetime.datetime(1900, 1, 1)))
        return moment.isoformat(sep=draw(st.sampled_from(["T", " "])))
    return draw(st.sampled_from(["true", "false"]))


def toml_arrays(elements):
    @st.composite
    def arrays(draw) -> str:
        items = draw(st.lists(elements, max_size=4))
        if not draw(st.booleans()):
            return "[" + ", ".join(items) + "]"
        trailing_comma = draw(st.booleans())
        lines = ["["]
        for index, item in enumerate(items):
            comma = "," if trailing_comma or index < len(items) - 1 else ""
            lines.append(draw(st.sampled_from(["", "  # a comment"])))
            lines.append(f"{draw(spaces)}{item}{comma}{draw(st.sampled_from(['', ' # after']))}")
        lines.append("]")
        return "\n".join(lines)

    return arrays()


toml_values = st.recursive(toml_scalars(), toml_arrays, max_leaves=6)


@st.composite
def assignments(draw, key: str, value: str) -> str:
    comment = draw(st.sampled_from(["", " " + draw(st.sampled_from(COMMENTS))]))
    return f"{draw(spaces)}{key}{draw(spaces)}={draw(spaces)}{value}{comment}"


@st.composite
def fillers(draw) -> list[str]:
    return draw(st.lists(st.sampled_from(["", "   ", *COMMENTS]), max_size=2))


@st.composite
def claim_tables(draw) -> list[str]:
    lines = [f"[[claim]]{draw(st.sampled_from(['', ' # a claim']))}"]
    keys = draw(st.lists(st.sampled_from(sorted(KEY_TEXTS)), unique=True, max_size=5))
    for key in keys:
        lines.extend(draw(fillers()))
        lines.append(draw(assignments(KEY_TEXTS[key], draw(toml_values))))
    dims = draw(st.dictionaries(st.sampled_from(["charge", "army", "region"]), toml_strings(), max_size=2))
    form = draw(st.sampled_from(["inline", "dotted", "sub-table"]))
    if dims and form == "inline":
        pairs = ", ".join(f"{name}{draw(spaces)}={draw(spaces)}{value}" for name, value in dims.items())
        lines.append(draw(assignments("dims", f"{{ {pairs} }}")))
    elif dims and form == "dotted":
        lines.extend(draw(assignments(f"dims{draw(spaces)}.{draw(spaces)}{name}", value)) for name, value in dims.items())
    elif dims:
        lines.append("[claim.dims]")
        lines.extend(draw(assignments(name, value)) for name, value in dims.items())
    return lines


@st.composite
def toml_documents(draw) -> str:
    lines = []
    if draw(st.booleans()):
        lines.append(draw(assignments("title", draw(toml_strings()))))
    if draw(st.booleans()):
        lines.extend(["[factlint]", draw(assignments("ignore", draw(toml_values)))])
    for table in draw(st.lists(claim_tables(), max_size=4)):
        lines.extend(draw(fillers()))
        lines.extend(table)
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return "\n".join(lines).replace("\n", newline) + newline


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=12,
)


@st.composite
def json_documents(draw) -> str:
    document = draw(json_values)
    indent = draw(st.sampled_from([None, 0, 2, "\t"]))
    return json.dumps(document, indent=indent, ensure_ascii=draw(st.booleans()))


@given(toml_documents())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_toml_scalar_value_points_at_its_raw_text_which_parses_to_it(text):
    document = tomllib.loads(text)
    positions = toml_source_map(text)
    for path, node in paths_of(document):
        position = positions.value(path)
        assert position is not None, path
        offset = offset_of(text, position)
        if is_container(node):
            # A table made by a dotted key (`dims.charge = ...`) starts at its name.
            assert not path or text[offset] in "[{" or position == positions.key(path), path
            continue
        raw = positions.raw(path)
        assert raw is not None and text.startswith(raw, offset), path
        assert tomllib.loads("x = " + raw)["x"] == node, path


@given(toml_documents())
@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_toml_key_points_at_its_name(text):
    positions = toml_source_map(text)
    for path, _ in paths_of(tomllib.loads(text)):
        if path and isinstance(path[-1], str):
            name = path[-1]
            expected = KEY_TEXTS.get(name, name)
            assert text.startswith(expected, offset_of(text, positions.key(path))), path


@given(json_documents())
@settings(max_examples=150, deadline=None)
def test_every_json_scalar_value_points_at_its_raw_text_which_parses_to_it(text):
    positions = json_source_map(text)
    for path, node in paths_of(json.loads(text)):
        offset = offset_of(text, positions.value(path))
        if is_container(node):
            assert text[offset] == ("{" if isinstance(node, dict) else "["), path
            continue
        raw = positions.raw(path)
        assert raw is not None and text.startswith(raw, offset), path
        assert json.loads(raw) == node, path
        if path and isinstance(path[-1], str):
            key_offset = offset_of(text, positions.key(path))
            assert json.JSONDecoder().raw_decode(text, key_offset)[0] == path[-1]


PROBE_PATHS = [(), ("claim",), ("claim", 0), ("claim", 0, "value"), ("claim", 1, "dims", "charge"), ("title",), (0,), (0, "a")]
SYNTAX_CHARACTERS = "[]{}\"'#=.,:\n\r\t \\abc01-e\ufeff"


def assert_answers_without_raising(positions, paths):
    for path in paths:
        for position in (positions.value(path), positions.key(path)):
            assert position is None or (position.line >= 1 and position.column >= 1)
        assert positions.raw(path) is None or isinstance(positions.raw(path), str)


@pytest.mark.parametrize("source_map", [toml_source_map, json_source_map])
@given(text=st.text() | st.text(alphabet=SYNTAX_CHARACTERS))
@settings(max_examples=150, deadline=None)
def test_source_maps_never_raise_on_arbitrary_text(source_map, text):
    assert_answers_without_raising(source_map(text), PROBE_PATHS)


@st.composite
def damaged(draw, text: str) -> str:
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    inserted = draw(st.text(alphabet=SYNTAX_CHARACTERS, max_size=3))
    return draw(st.sampled_from([text[:start], text[:start] + text[end:], text[:start] + inserted + text[end:]]))


@given(st.data())
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_source_maps_never_raise_on_damaged_documents(data):
    toml_text = data.draw(toml_documents())
    json_text = data.draw(json_documents())
    for text, source_map, parse in ((toml_text, toml_source_map, tomllib.loads), (json_text, json_source_map, json.loads)):
        paths = [path for path, _ in paths_of(parse(text))] + PROBE_PATHS
        assert_answers_without_raising(source_map(data.draw(damaged(text))), paths)


@given(st.text(alphabet="ab[]{}\"'#=. \t\r\n\\\ufeff", max_size=60), st.integers(0, 61))
def test_the_next_line_that_may_continue_is_the_one_a_line_anchored_search_finds(text: str, position: int) -> None:
    position = min(position, len(text))
    found = _may_continue().search(text, position)
    assert _next_may_continue(text, position) == (-1 if found is None else found.start())
