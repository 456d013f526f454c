"""Plugins: rules from the `factlint.rules` entry points, checked, registered once, and reported when left out."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from _fact_files import sum_mismatch_quoting

import factlint
from factlint import plugins
from factlint._cli import main
from factlint._plugin_finder import rules_from
from factlint.plugins import FactlintPluginWarning, entry_points, installed_rules

# One A101 finding (the total was copied as 20,583) and one XS101 finding (its quote says 20,538).
FACTS = sum_mismatch_quoting("Mediazona had documented 20,538 such cases")


def _example_plugin_installed() -> bool:
    return any(point.name == "XS" for point in plugins.entry_points())


needs_example_plugin = pytest.mark.skipif(
    not _example_plugin_installed(),
    reason="examples/plugin is not installed (pip install -e examples/plugin, as .ci/run does)",
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cases.facts.toml").write_text(FACTS, encoding="utf-8")
    return tmp_path


@pytest.fixture
def fresh_load():
    """The installed rules are found again in this test, and again after it."""
    installed_rules.cache_clear()
    yield
    installed_rules.cache_clear()


@pytest.fixture
def install_fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_load):
    """Install a fake plugin distribution: a module and a dist-info folder, found on sys.path like any other."""
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    modules: list[str] = []

    def install(distribution: str, prefix: str, module: str, source: str) -> None:
        (site / f"{module}.py").write_text(source, encoding="utf-8")
        info = site / f"{distribution.replace('-', '_')}-1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {distribution}\nVersion: 1.0\n", encoding="utf-8")
        (info / "entry_points.txt").write_text(f"[factlint.rules]\n{prefix} = {module}\n", encoding="utf-8")
        modules.append(module)

    yield install
    for module in modules:
        sys.modules.pop(module, None)


def _warning_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("factlint: warning:")]


# -- the example plugin, installed ----------------------------------------------------------


@needs_example_plugin
def test_rules_lists_the_plugin_rule_with_its_distribution_as_origin(capsys):
    assert main(["rules", "--format", "json"]) == 0
    entries = {entry["code"]: entry for entry in json.loads(capsys.readouterr().out)}
    assert entries["XS101"]["name"] == "quote-lacks-number"
    assert entries["XS101"]["origin"] == "factlint-example-plugin"
    assert entries["A101"]["origin"] == "factlint"

    assert main(["rules"]) == 0
    [line] = [line for line in capsys.readouterr().out.splitlines() if line.startswith("XS101")]
    assert "quote-lacks-number" in line and "factlint-example-plugin" in line


@needs_example_plugin
def test_explain_shows_the_plugin_rules_docstring_as_its_page(capsys):
    assert main(["explain", "XS101"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("# XS101 quote-lacks-number\n\nFamily: factlint-example-plugin")
    assert "## What it checks" in page and "## Use instead" in page


@needs_example_plugin
def test_select_by_the_plugin_prefix_runs_only_its_rules(project, capsys):
    assert main(["check", "--concise", "--select", "XS"]) == 1
    out = capsys.readouterr().out
    assert "XS101" in out and "A101" not in out


@needs_example_plugin
def test_ignore_by_the_plugin_prefix_leaves_the_built_in_rules(project, capsys):
    assert main(["check", "--concise", "--ignore", "XS"]) == 1
    out = capsys.readouterr().out
    assert "A101" in out and "XS101" not in out


@needs_example_plugin
def test_configuration_accepts_the_plugin_prefix(project, capsys):
    (project / "factlint.toml").write_text('ignore = ["XS"]\n', encoding="utf-8")
    assert main(["check", "--concise"]) == 1
    captured = capsys.readouterr()
    assert "A101" in captured.out and "XS101" not in captured.out
    assert captured.err == ""


@needs_example_plugin
def test_lint_runs_plugin_rules_only_when_given_the_installed_rules():
    claim_set = factlint.loads(FACTS, path="cases.facts.toml")
    assert {finding.code for finding in factlint.lint(claim_set, rules=factlint.installed_rules())} == {"A101", "XS101"}
    assert {finding.code for finding in factlint.lint(claim_set)} == {"A101"}


# -- fake plugins: broken, clashing, misnamed -------------------------------------------------


def test_a_plugin_that_fails_to_import_gives_one_warning_and_the_other_rules_still_run(project, install_fake, capsys):
    install_fake("factlint-broken", "ZB", "factlint_broken_rules", "import factlint_no_such_module\n")
    assert main(["check", "--concise", "--select", "A"]) == 1
    captured = capsys.readouterr()
    assert _warning_lines(captured.err) == [
        "factlint: warning: plugin ZB of factlint-broken (ZB = factlint_broken_rules) failed to load: "
        "ModuleNotFoundError: No module named 'factlint_no_such_module'; its rules are not run"
    ]
    assert "Traceback" not in captured.err
    assert "A101" in captured.out


def test_a_rule_clashing_with_a_built_in_code_is_left_out_with_one_warning(project, install_fake, capsys):
    install_fake(
        "factlint-clash",
        "A",
        "factlint_clash_rules",
        "import factlint\n"
        "@factlint.rule('A101', 'my-sum', summary='clashes')\n"
        "def my_sum(claim_set, context):\n"
        "    yield factlint.Violation('from the clashing plugin')\n"
        "@factlint.rule('A901', 'always', summary='fires once')\n"
        "def always(claim_set, context):\n"
        "    yield factlint.Violation('from the plugin')\n",
    )
    assert main(["check", "--concise", "--select", "A"]) == 1
    captured = capsys.readouterr()
    assert _warning_lines(captured.err) == [
        "factlint: warning: plugin A of factlint-clash (A = factlint_clash_rules): rule A101 (my-sum) not loaded: "
        "the code is already taken by sum-mismatch of factlint"
    ]
    rules = rules_from(entry_points(), factlint.builtin_rules())
    assert rules.get("A101").origin == "factlint"
    assert rules.get("A901").origin == "factlint-clash"
    assert "A101 " in captured.out and "A901 from the plugin" in captured.out
    assert "from the clashing plugin" not in captured.out


def test_a_rule_outside_the_plugins_prefix_is_left_out_with_one_warning(install_fake):
    install_fake(
        "factlint-misnamed",
        "ZM",
        "factlint_misnamed_rules",
        "import factlint\n"
        "@factlint.rule('Q101', 'elsewhere', summary='wrong prefix')\n"
        "def elsewhere(claim_set, context):\n"
        "    return []\n",
    )
    with pytest.warns(FactlintPluginWarning) as caught:
        rules = installed_rules()
    assert [str(warning.message) for warning in caught] == list(rules.warnings)
    assert rules.warnings == (
        "plugin ZM of factlint-misnamed (ZM = factlint_misnamed_rules): rule Q101 (elsewhere) not loaded: "
        "its code does not start with the plugin's prefix ZM",
    )
    assert rules.get("Q101") is None


def test_the_library_warns_through_the_warnings_module(install_fake):
    install_fake("factlint-broken", "ZB", "factlint_broken_rules", "raise RuntimeError('no\\nluck')\n")
    with pytest.warns(FactlintPluginWarning, match=r"plugin ZB of factlint-broken .* RuntimeError: no luck; its rules"):
        rules = factlint.installed_rules()
    report = factlint.lint(factlint.loads(FACTS, path="cases.facts.toml"), select=["A"], rules=rules)
    assert [finding.code for finding in report] == ["A101"]


def test_plugins_load_once_per_process(install_fake, tmp_path):
    log = tmp_path / "imports.log"
    install_fake(
        "factlint-counted",
        "ZC",
        "factlint_counted_rules",
        f"import factlint\nwith open({str(log)!r}, 'a') as log:\n    log.write('imported\\n')\n"
        "@factlint.rule('ZC101', 'counted', summary='counts its imports')\n"
        "def counted(claim_set, context):\n"
        "    return []\n",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a clean load warns about nothing
        assert installed_rules() is installed_rules()
        assert installed_rules().warnings == ()
    factlint.lint(factlint.ClaimSet(claims=[]), rules=installed_rules())
    assert log.read_text(encoding="utf-8") == "imported\n"
    assert installed_rules().get("ZC101").origin == "factlint-counted"


def test_a_declared_rule_is_a_value_that_joins_no_rule_set_by_itself():
    @factlint.rule("ZS101", "declared", summary="a value, registered nowhere")
    def declared(claim_set, context):
        return []

    assert isinstance(declared, factlint.Rule) and declared.code == "ZS101"
    assert "ZS101" not in factlint.builtin_rules()
    assert "ZS101" in factlint.builtin_rules().with_rules([declared])


def test_help_does_not_look_for_plugins():
    code = (
        "import sys\n"
        "from factlint._cli import main\n"
        "assert main(['--help']) == 0\n"
        "print(sorted(name for name in ('factlint.plugins', 'importlib.metadata') if name in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "[]"


# -- the library's default: built-in rules alone ----------------------------------------------

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
# README's library example, and the text block after it that shows what it prints.
LIBRARY_EXAMPLE, LIBRARY_OUTPUT = README.split("## The library in ten lines", 1)[1].split("```python\n", 1)[1].split("```text\n", 1)
LIBRARY_EXAMPLE = LIBRARY_EXAMPLE.split("```", 1)[0]
LIBRARY_OUTPUT = LIBRARY_OUTPUT.split("```", 1)[0]
NOISY_PLUGIN = """
import factlint


@factlint.rule("ZN101", "every-claim", summary="notes every claim")
def every_claim(claim_set, context):
    for claim in claim_set:
        yield factlint.Violation(f"{claim.id} noted", claims=[claim])
"""


def test_readmes_library_example_prints_what_it_shows_with_a_plugin_installed(install_fake, capsys, monkeypatch):
    install_fake("factlint-noisy", "ZN", "factlint_noisy_rules", NOISY_PLUGIN)
    assert "ZN101" in {rule.code for rule in installed_rules()}
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    namespace: dict[str, object] = {}
    exec(compile(LIBRARY_EXAMPLE, "README.md library example", "exec"), namespace)
    assert capsys.readouterr().out == LIBRARY_OUTPUT
    claims = namespace["claims"]
    assert isinstance(claims, factlint.ClaimSet)
    # Opting in runs the plugin's rule too.
    assert sorted(finding.code for finding in factlint.lint(claims, rules=installed_rules())) == ["R101", "ZN101", "ZN101"]


# -- the cheap look for plugins ----------------------------------------------------------------


def test_without_a_declared_plugin_importlib_metadata_is_never_asked(tmp_path, monkeypatch):
    from importlib import metadata

    (tmp_path / "other-1.0.dist-info").mkdir()
    (tmp_path / "other-1.0.dist-info" / "entry_points.txt").write_text("[console_scripts]\nother = other:main\n", encoding="utf-8")
    monkeypatch.setattr(sys, "path", [str(tmp_path), str(tmp_path / "missing")])

    def refuse(**_: object) -> None:
        raise AssertionError("importlib.metadata was asked for entry points")

    monkeypatch.setattr(metadata, "entry_points", refuse)
    assert entry_points() == []


def test_a_declared_plugin_is_found_by_the_look_into_entry_points_files(install_fake):
    from factlint._plugin_finder import _plugin_declared

    install_fake("factlint-seen", "ZV", "factlint_seen_rules", "")
    assert _plugin_declared()
    assert "ZV" in {point.name for point in entry_points()}


def test_a_zip_on_sys_path_leaves_the_decision_to_importlib_metadata(tmp_path, monkeypatch):
    from factlint._plugin_finder import _plugin_declared

    archive = tmp_path / "bundle.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    monkeypatch.setattr(sys, "path", [str(archive)])
    assert _plugin_declared()


# -- reading entry points without importlib.metadata -------------------------------------------


def _as_read(points) -> set[tuple[str, str, str | None]]:
    return {(point.name, point.value, getattr(point, "distribution", None) or getattr(getattr(point, "dist", None), "name", None)) for point in points}


def test_the_quick_reader_finds_what_importlib_metadata_finds(install_fake):
    from factlint._plugin_finder import _installed_points

    install_fake("factlint-seen", "ZV", "factlint_seen_rules", "")
    install_fake("factlint-other", "ZW", "factlint_other_rules", "")
    assert _as_read(_installed_points()) == _as_read(entry_points())
    assert {"ZV", "ZW"} <= {point.name for point in _installed_points()}


def test_the_quick_reader_reads_entry_points_files_as_ini(tmp_path, monkeypatch):
    from factlint._plugin_finder import _installed_points

    info = tmp_path / "factlint_ini-2.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: factlint-ini\n\nName: not-a-header\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(
        "# a comment\n[console_scripts]\nZX = elsewhere:main\n\n[factlint.rules]\n# another comment\n"
        "  ZY =  factlint_ini.rules:RULES [extra]  \nZZ=factlint_ini.more\n[other.group]\nZQ = no\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    assert _as_read(_installed_points()) == {
        ("ZY", "factlint_ini.rules:RULES [extra]", "factlint-ini"),
        ("ZZ", "factlint_ini.more", "factlint-ini"),
    }
    assert _as_read(_installed_points()) == _as_read(entry_points())


def test_a_distribution_found_twice_on_sys_path_counts_once_as_importlib_metadata_counts_it(tmp_path, monkeypatch):
    from factlint._plugin_finder import _installed_points

    for folder, prefix in (("first", "ZA"), ("second", "ZB")):
        info = tmp_path / folder / "factlint_twice-1.0.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text("Name: factlint-twice\n", encoding="utf-8")
        (info / "entry_points.txt").write_text(f"[factlint.rules]\n{prefix} = factlint_twice\n", encoding="utf-8")
    monkeypatch.setattr(sys, "path", [str(tmp_path / "first"), str(tmp_path / "second")])
    assert {point.name for point in _installed_points()} == {point.name for point in entry_points()} == {"ZA"}


def test_an_entry_point_naming_an_attribute_loads_that_attribute(install_fake):
    from factlint._plugin_finder import PluginEntryPoint

    install_fake("factlint-attribute", "ZT", "factlint_attribute_rules", "class Holder:\n    RULES = [1, 2]\n")
    assert PluginEntryPoint("ZT", "factlint_attribute_rules:Holder.RULES", "factlint-attribute").load() == [1, 2]


@needs_example_plugin
def test_finding_the_installed_plugins_never_imports_importlib_metadata():
    probe = (
        "import sys\n"
        "from factlint.plugins import installed_rules\n"
        "assert 'XS101' in installed_rules(), 'the example plugin was not found'\n"
        "print('importlib.metadata' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
