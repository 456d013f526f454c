"""Tests for the pytest plugin: `pytest --factlint` collects fact files as items that fail with their findings."""

import pytest

CLEAN = """
[[claim]]
id = "total"
metric = "cases"
value = "20,538"

[[claim]]
id = "awol"
metric = "cases"
value = 18159

[[claim]]
id = "other"
metric = "cases"
value = 2379

[[sum]]
total = "total"
parts = ["awol", "other"]
"""

# The files of one folder form one claim set, so the broken file has ids of its own.
BROKEN = CLEAN.replace("20,538", "20,583").replace('"total"', '"cases"').replace('"awol"', '"absent"').replace('"other"', '"rest"')


@pytest.fixture
def project(pytester):
    """A scratch project with one clean and one broken fact file, and an ordinary test."""
    pytester.makefile(".facts.toml", clean=CLEAN, broken=BROKEN)
    pytester.makepyfile(test_ordinary="def test_ordinary():\n    pass\n")
    return pytester


def test_with_factlint_each_fact_file_is_one_item_that_passes_or_fails(project):
    result = project.runpytest("--factlint", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["broken.facts.toml:4:9: A101 parts add up to 20,538, but the total says 20,583"])


def test_a_failure_shows_the_findings_without_a_traceback(project):
    result = project.runpytest("--factlint", "-m", "factlint")
    output = result.stdout.str()
    assert "A101" in output
    assert "  18,159 + 2,379 = 20,538, but the total cases says 20,583: 45 more" in output
    assert "Traceback" not in output
    assert "pytest_plugin.py" not in output


def test_a_failure_is_headed_by_its_fact_files_path(pytester):
    pytester.makefile(".facts.toml", **{"stories/broken": BROKEN})
    result = pytester.runpytest("--factlint")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*_ stories/broken.facts.toml _*"])
    assert "factlint check" not in result.stdout.str()


def test_without_the_option_no_fact_file_is_collected(project):
    result = project.runpytest("--collect-only", "-q")
    assert ".facts.toml" not in result.stdout.str()
    project.runpytest().assert_outcomes(passed=1)


def test_the_ini_option_turns_collection_on(project):
    project.makeini("[pytest]\nfactlint = true\n")
    project.runpytest("-m", "factlint").assert_outcomes(passed=1, failed=1)


def test_the_factlint_marker_selects_only_fact_files(project):
    selected = project.runpytest("--factlint", "-m", "factlint", "--strict-markers")
    selected.assert_outcomes(passed=1, failed=1)
    deselected = project.runpytest("--factlint", "-m", "not factlint")
    deselected.assert_outcomes(passed=1, deselected=2)


def test_items_are_named_by_their_file(project):
    result = project.runpytest("--factlint", "--collect-only", "-q")
    result.stdout.fnmatch_lines(["broken.facts.toml::factlint", "clean.facts.toml::factlint"])


def test_a_file_sees_the_sources_of_the_other_files_in_its_folder(pytester):
    pytester.makefile(".facts.toml", sources='[[source]]\nid = "kyiv"\npublished = 2025-06-26\n')
    pytester.makefile(".facts.toml", claims='[[claim]]\nid = "a"\nmetric = "m"\nvalue = 1\nas_of = "late May"\nsource = "kyiv"\n')
    pytester.runpytest("--factlint").assert_outcomes(passed=2)


def test_json_and_csv_fact_files_are_collected(pytester):
    pytester.makefile(".facts.json", data='{"claim": [{"id": "a", "metric": "cases", "value": 3}]}')
    pytester.makefile(".facts.csv", table="id,metric,value\nb,cases,4\n")
    pytester.runpytest("--factlint").assert_outcomes(passed=2)


def test_the_project_configuration_selects_the_rules(project):
    project.makepyprojecttoml('[tool.factlint]\nignore = ["A101"]\n')
    project.runpytest("--factlint").assert_outcomes(passed=3)


def test_a_bad_configuration_fails_once_with_its_plain_message_and_its_files_are_skipped(project):
    project.makefile(".toml", factlint='select = ["NOPE"]\n')
    result = project.runpytest("--factlint", "-m", "factlint", "-rs")
    result.assert_outcomes(failed=1, skipped=2)
    result.stdout.fnmatch_lines(
        [
            "*_ factlint configuration factlint.toml _*",
            "factlint configuration error: *factlint.toml: select: unknown rule code or prefix 'NOPE'*",
            "SKIPPED [[]1[]] broken.facts.toml: not checked: its factlint configuration factlint.toml cannot be used",
        ]
    )
    output = result.stdout.str()
    assert "Traceback" not in output and "pytest_plugin.py" not in output


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # pytest itself refuses a pyproject.toml that is not TOML; factlint.toml is factlint's alone.
        ("factlint.toml", "select = [\n"),
        ("pyproject.toml", "[tool.factlint]\ntolerances = { approximate = 0.1 }\n"),  # a float, not exact
    ],
)
def test_a_broken_configuration_is_one_failing_item_without_a_traceback(project, name, text):
    (project.path / name).write_text(text, encoding="utf-8")
    result = project.runpytest("--factlint")
    result.assert_outcomes(passed=1, failed=1, skipped=2)
    result.stdout.fnmatch_lines([f"*_ factlint configuration {name} _*", f"factlint configuration error: *{name}: *"])
    output = result.stdout.str()
    assert "Traceback" not in output and "pytest_plugin.py" not in output


def test_a_broken_configuration_of_one_folder_leaves_the_others_checked(project):
    (project.path / "story").mkdir()
    (project.path / "story" / "factlint.toml").write_text("select = 3\n", encoding="utf-8")
    (project.path / "story" / "own.facts.toml").write_text(CLEAN, encoding="utf-8")
    result = project.runpytest("--factlint")
    # The top folder's two files are checked as always: one passes, one fails with its finding.
    result.assert_outcomes(passed=2, failed=2, skipped=1)
    result.stdout.fnmatch_lines(["*broken.facts.toml:4:9: A101 *", "factlint configuration error: *story*factlint.toml: select: *"])


def test_the_plugin_loads_the_linter_only_when_it_checks_a_file(pytester):
    pytester.makepyfile(
        test_imports="""
import sys

def test_no_checking_module_is_imported():
    deferred = {"factlint._config", "factlint._output", "factlint.rules"}
    assert "factlint._pytest_plugin" in sys.modules
    assert deferred.isdisjoint(sys.modules)
"""
    )
    pytester.runpytest_subprocess().assert_outcomes(passed=1)
