"""The package's structure: no import cycles, one table of codes, one public face, strict construction at the edges."""

from __future__ import annotations

import ast
import gc
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from _cli import main

import factlint
from factlint._codes import BUILTIN_CODES

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "factlint"
_CODE_TEXT = re.compile(r"[A-Z]{1,3}\d{3}")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _imports(path: Path, name: str, known: set[str]) -> set[str]:
    """Every factlint module that `path` imports, at module level, in functions or for type checking."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {module for module in found if module in known and module != name}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of the graph, as the list of modules around it, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        stack.append(module)
        for imported in sorted(graph[module]):
            if state.get(imported) == 1:
                return [*stack[stack.index(imported) :], imported]
            if imported not in state and (found := visit(imported)):
                return found
        stack.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return None


def test_the_package_has_no_import_cycle():
    modules = _modules()
    known = set(modules)
    graph = {name: _imports(path, name, known) for name, path in modules.items()}
    # Importing any submodule runs the package's __init__ first; that is Python's order, not a
    # dependency, so the public face may name every module without forming a cycle.
    graph = {name: imported - {"factlint"} for name, imported in graph.items()}
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_the_cycle_check_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_a_rule_code_is_a_string_literal_only_in_the_code_table():
    places: dict[str, list[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and _CODE_TEXT.fullmatch(node.value):
                places.setdefault(node.value, []).append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert {code: where for code, where in places.items() if len(where) != 1 or "_codes.py" not in where[0]} == {}
    assert set(places) == {info.code for info in BUILTIN_CODES}


def test_every_code_of_the_table_is_a_built_in_rule_and_back():
    table = {(info.code, info.name, info.summary, info.severity) for info in BUILTIN_CODES}
    rules = {(rule.code, rule.name, rule.summary, rule.severity) for rule in factlint.builtin_rules()}
    assert rules == table


def test_internal_modules_are_private_and_the_public_names_are_listed_once():
    public_modules = {
        name for name in _modules() if not any(part.startswith("_") for part in name.split("."))
    }
    assert public_modules == {"factlint", "factlint.plugins", "factlint.strategies", "factlint.testing"}
    assert len(factlint.__all__) == len(set(factlint.__all__))
    for name in factlint.__all__:
        assert getattr(factlint, name) is not None
    with pytest.raises(AttributeError):
        factlint.registry  # noqa: B018  (the global registry is gone: rules are values)


def test_the_type_checking_imports_of_the_public_face_are_exactly_its_names():
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    imported = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("factlint.")
        for alias in node.names
    }
    assert imported == set(factlint.__all__) - {"__version__"}


def test_the_package_ships_its_types():
    assert (PACKAGE / "py.typed").is_file()
    pyproject = (SRC.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '"py.typed"' in pyproject


def test_version_comes_from_the_installed_metadata():
    from importlib import metadata

    assert factlint.__version__ == metadata.version("factlint")


# -- selection: the library and the command line layer it the same way --------------------------

DISAGREEING_SOURCES = """\
[[source]]
id = "one"
publisher = "One"
published = 2025-06-26

[[source]]
id = "two"
publisher = "Two"
published = 2025-06-26

[[claim]]
id = "cases_one"
metric = "cases"
value = 20538
as_of = 2025-05-31
source = "one"

[[claim]]
id = "cases_two"
metric = "cases"
value = 20358
as_of = 2025-05-31
source = "two"
"""


def test_library_and_command_line_layer_select_over_the_configuration_alike(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cases.facts.toml").write_text(DISAGREEING_SOURCES, encoding="utf-8")
    (tmp_path / "factlint.toml").write_text('ignore = ["C101"]\n', encoding="utf-8")
    settings = factlint.read_config(tmp_path / "factlint.toml")

    by_library = factlint.lint(factlint.load(tmp_path), settings=settings, select=["C"])
    assert main(["check", "--select", "C", "--format", "json", "."]) == 1
    import json

    by_command = json.loads(capsys.readouterr().out)["findings"]
    assert [finding.code for finding in by_library] == [finding["code"] for finding in by_command] == ["C101"]
    # Without the command-line selection, the configuration's ignore holds for both.
    assert not factlint.lint(factlint.load(tmp_path), settings=settings)
    assert main(["check", "."]) == 0


# -- no process-wide side effects -----------------------------------------------------------------


def test_lint_leaves_the_garbage_collector_on_while_rules_run_and_after():
    seen: list[bool] = []

    @factlint.rule("XG101", "gc-probe", summary="records whether the collector runs")
    def probe(claim_set, context):
        seen.append(gc.isenabled())
        return []

    assert gc.isenabled()
    factlint.lint(factlint.ClaimSet(), rules=factlint.builtin_rules().with_rules([probe]))
    factlint.load(Path(__file__).resolve().parent.parent / "examples" / "seeds")
    assert seen == [True]
    assert gc.isenabled()


def test_lint_runs_the_built_in_rules_alone_by_default():
    report = factlint.lint(factlint.ClaimSet())
    assert {rule.code for rule in report.rules} == {info.code for info in BUILTIN_CODES}


# -- strict construction at the edges --------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "error", "named"),
    [
        (lambda: factlint.Claim(id="a", metric="m", value=1, ignore="A101"), TypeError, "ignore"),
        (lambda: factlint.Source(id="s", cites="abc"), TypeError, "cites"),
        (lambda: factlint.Sum(total="t", parts="abc"), TypeError, "parts"),
        (lambda: factlint.Same(claims="ab"), TypeError, "claims"),
        (lambda: factlint.Claim(id="a", metric="m", value=1, statistic="meen"), ValueError, "statistic"),
        (lambda: factlint.Claim(id="a", metric="m", value=1, items="x"), TypeError, "items"),
        (lambda: factlint.Claim(id="a", metric="m", value=1, items=0), ValueError, "items"),
        (lambda: factlint.Claim(id="a", metric="m", value=1, of=[1]), TypeError, "of"),
        (lambda: factlint.Claim(id="a", metric="m", value=1, of=-3), ValueError, "of"),
        (lambda: factlint.Claim(id="a", metric=None, value=1), TypeError, "metric"),
        (lambda: factlint.Claim(id="a", metric="m", value=1, forecast="yes"), TypeError, "forecast"),
        (lambda: factlint.Check(expr="a <= b", message=None), TypeError, "message"),
        (lambda: factlint.Claim(id="a", metric="m", value=15.7), TypeError, "float"),
    ],
)
def test_bad_model_input_fails_at_construction_naming_the_field(build, error, named):
    with pytest.raises(error, match=named):
        build()


def test_a_float_value_is_refused_with_what_to_write_instead():
    with pytest.raises(TypeError, match=r'write it as text \("15.7"\), or as Decimal\("15.7"\)'):
        factlint.Claim(id="a", metric="m", value=15.7)


def test_a_decimal_value_keeps_its_stated_decimals_for_grim():
    mean = factlint.Claim(id="mean", metric="score", value=Decimal("15.70"), statistic="mean", of=28)
    assert mean.value.decimals == 2 and mean.value.nominal == Fraction(157, 10)
    # 15.70 needs a total of 439.6 over 28 answers: no whole total rounds to it at two decimals.
    assert [finding.code for finding in factlint.lint(factlint.ClaimSet([mean]))] == ["G102"]
    # At one decimal, 15.7 is reachable (440 / 28 = 15.714...).
    loose = factlint.Claim(id="mean", metric="score", value=Decimal("15.7"), statistic="mean", of=28)
    assert not factlint.lint(factlint.ClaimSet([loose]))


def test_statistic_is_an_enum_read_from_text():
    claim = factlint.Claim(id="a", metric="m", value="2.5", statistic="Mean", of=10)
    assert claim.statistic is factlint.Statistic.MEAN


@pytest.mark.parametrize("argument", ["select", "ignore", "extend_select"])
def test_an_unknown_rule_code_in_a_selection_is_an_error_naming_it(argument):
    with pytest.raises(ValueError, match="G1O1"):
        factlint.lint(factlint.ClaimSet(), **{argument: ["G1O1"]})


def test_a_selection_given_as_one_string_is_a_type_error():
    with pytest.raises(TypeError, match="select must be a list"):
        factlint.lint(factlint.ClaimSet(), select="A101")


def test_lint_given_a_path_points_to_load():
    with pytest.raises(TypeError, match=r"factlint.load\(paths\)"):
        factlint.lint("examples/seeds")
    with pytest.raises(TypeError, match=r"factlint.load\(paths\)"):
        factlint.lint(Path("examples/seeds"))


def test_rule_sets_answer_membership_by_code_in_any_case():
    rules = factlint.builtin_rules()
    assert "a101" in rules and "A101" in rules
    assert rules.get("a101") is rules.get("A101") is not None
    assert "Z999" not in rules

