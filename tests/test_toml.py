"""TOML is parsed with tomli's compiled wheel, and a broken file gets the same message and location as with tomllib."""

from __future__ import annotations

import importlib
import sys

import pytest

import factlint
from factlint import _toml
from factlint._loading.documents import parse_toml

BROKEN_TEXTS = [
    'x = ',
    '[[claim]]\nid = "a"\nmetric = "cases"\nvalue = \n',
    '[[claim]]\nid = "a"\nid = "b"\n',
    '[[claim]]\nid = "a\nmetric = "cases"\n',
    '[[claim]]\nid = "a"\ndims = [1, 2\n',
    '[[claim]]\nid = "a"\nvalue = 1 2\n',
    '[[claim]]\nid = "a"\nas_of = 2024-13-01\n',
    '[[source]]\nid = "s"\n[source]\n',
    '[[claim]]\nid = "a"\nquote = """never closed\n',
    '[[claim]]\nid = "a"\nquote = "\\q"\n',
    '[[claim\nid = "a"\n',
    '[[claim]]\n  value = @\n[[claim]]\nid = "b"\nmetric = "cases"\nvalue = 3\n',
    '[[claim]]\nid = "a"\nvalue = ' + "1" * 5000 + "\n",
    "\ufeff[[claim]]\nid = = 1\n",
]


def test_the_parser_is_tomli_when_it_is_installed() -> None:
    assert _toml.PARSER == "tomli"
    assert _toml.loads('a = "b"') == {"a": "b"}
    assert issubclass(_toml.TOMLDecodeError, ValueError)


def _problems(text: str) -> list[tuple[str, str, int, int]]:
    document = parse_toml(text, "broken.facts.toml")
    return [(problem.code, problem.message, problem.location.line, problem.location.column) for problem in document.problems]


@pytest.mark.skipif(sys.version_info < (3, 11), reason="tomllib is in the standard library from Python 3.11")
@pytest.mark.parametrize("text", BROKEN_TEXTS)
def test_a_syntax_error_reads_the_same_with_tomli_and_tomllib(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with_tomli = _problems(text)
    assert with_tomli, "the text is broken"
    tomllib = importlib.import_module("tomllib")
    monkeypatch.setattr(_toml, "loads", tomllib.loads)
    monkeypatch.setattr(_toml, "TOMLDecodeError", tomllib.TOMLDecodeError)
    assert _problems(text) == with_tomli


@pytest.mark.skipif(sys.version_info < (3, 11), reason="tomllib is in the standard library from Python 3.11")
def test_a_broken_configuration_reads_the_same_with_tomli_and_tomllib(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "factlint.toml"
    config.write_text('select = ["A"\n', encoding="utf-8")
    with pytest.raises(factlint.ConfigError) as with_tomli:
        factlint.read_config(config)
    tomllib = importlib.import_module("tomllib")
    monkeypatch.setattr(_toml, "loads", tomllib.loads)
    monkeypatch.setattr(_toml, "TOMLDecodeError", tomllib.TOMLDecodeError)
    with pytest.raises(factlint.ConfigError) as with_tomllib:
        factlint.read_config(config)
    assert str(with_tomllib.value) == str(with_tomli.value)
    assert "not valid TOML" in str(with_tomli.value)
