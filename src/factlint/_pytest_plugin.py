"""pytest plugin: `pytest --factlint` collects fact files as test items that fail with their findings.

pytest imports this module in every project where factlint is installed, so it imports
nothing of factlint at module level; the linter is loaded only when a fact file is checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from _pytest._code.code import TerminalRepr, TracebackStyle

    from factlint._findings import Report
    from factlint._settings import Settings

__all__ = ["ConfigurationItem", "FactFile", "FactFileFindings", "FactFileItem"]

_MARKER = "factlint"
# The settings (or the problem) of each configuration file, the report of each folder, and the
# broken configuration files that already have an item failing with their problem.
_SETTINGS_CACHE: pytest.StashKey[dict[Path, Settings | _ConfigurationProblem]] = pytest.StashKey()
_FOLDER_REPORTS: pytest.StashKey[dict[Path, Report]] = pytest.StashKey()
_REPORTED_PROBLEMS: pytest.StashKey[set[Path]] = pytest.StashKey()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("factlint", "fact files (factlint)")
    group.addoption(
        "--factlint",
        action="store_true",
        default=False,
        help="collect *.facts.toml, *.facts.json and *.facts.csv files and check that their claims can all be true",
    )
    parser.addini("factlint", type="bool", default=False, help="check fact files with factlint, as --factlint does")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{_MARKER}: a fact file checked by factlint (collected with --factlint)")
    config.stash[_SETTINGS_CACHE] = {}
    config.stash[_FOLDER_REPORTS] = {}
    config.stash[_REPORTED_PROBLEMS] = set()


def _enabled(config: pytest.Config) -> bool:
    return bool(config.getoption("factlint") or config.getini("factlint"))


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> FactFile | None:
    if not _enabled(parent.config):
        return None
    from factlint._loading import FACT_FILE_SUFFIXES

    if file_path.name.endswith(FACT_FILE_SUFFIXES):
        return FactFile.from_parent(parent, path=file_path)
    return None


class FactFileFindings(Exception):
    """A fact file whose claims cannot all be true; carries the Report with the findings."""

    def __init__(self, report: Report) -> None:
        super().__init__(f"{len(report)} factlint finding(s)")
        self.report = report


class _ConfigurationProblem(Exception):
    """The factlint configuration for a fact file cannot be used; str() is the plain message."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path


def _settings_for(config: pytest.Config, fact_file: Path) -> Settings | _ConfigurationProblem:
    """The settings of the nearest `[tool.factlint]` or factlint.toml, read once per configuration file."""
    from factlint._config import ConfigError, find_config, read_config
    from factlint._settings import Settings

    found = find_config(fact_file)
    if found is None:
        return Settings()
    cache = config.stash[_SETTINGS_CACHE]
    if found not in cache:
        try:
            cache[found] = read_config(found)
        except ConfigError as error:
            cache[found] = _ConfigurationProblem(found, str(error))
    return cache[found]


def _relative(config: pytest.Config, path: Path) -> str:
    """A path as pytest shows it: relative to the rootdir where it lies inside it."""
    try:
        return path.resolve().relative_to(config.rootpath.resolve()).as_posix()
    except ValueError:
        return str(path)


class FactFile(pytest.File):
    """One fact file: it holds the factlint check of the whole file.

    The first fact file governed by a configuration that cannot be used also holds one
    `ConfigurationItem`, which fails with the configuration's problem; the checks that
    depend on it are skipped, so the problem is reported once, not on every file.
    """

    def collect(self) -> Iterator[pytest.Item]:
        from factlint._settings import Settings

        settings = _settings_for(self.config, self.path)
        if not isinstance(settings, _ConfigurationProblem):
            yield FactFileItem.from_parent(self, name="factlint", settings=settings)
            return
        reported = self.config.stash[_REPORTED_PROBLEMS]
        if settings.path not in reported:
            reported.add(settings.path)
            yield ConfigurationItem.from_parent(self, name="factlint-configuration", problem=settings)
        # Skipped by a mark, so that the skip is reported at the fact file; its settings are never used.
        item = FactFileItem.from_parent(self, name="factlint", settings=Settings())
        item.add_marker(
            pytest.mark.skip(reason=f"not checked: its factlint configuration {_relative(self.config, settings.path)} cannot be used")
        )
        yield item


class ConfigurationItem(pytest.Item):
    """A factlint configuration file that cannot be used: fails once, with its plain message."""

    def __init__(self, *, problem: _ConfigurationProblem, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.problem = problem
        self.add_marker(_MARKER)

    def runtest(self) -> None:
        raise self.problem

    def repr_failure(
        self, excinfo: pytest.ExceptionInfo[BaseException], style: TracebackStyle | None = None
    ) -> str | TerminalRepr:
        if isinstance(excinfo.value, _ConfigurationProblem):
            return f"factlint configuration error: {excinfo.value}"
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.problem.path, None, f"factlint configuration {_relative(self.config, self.problem.path)}"


class FactFileItem(pytest.Item):
    """The factlint check of one fact file; marked `factlint`, so `-m factlint` selects it."""

    def __init__(self, *, settings: Settings, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.settings = settings
        self.add_marker(_MARKER)

    def runtest(self) -> None:
        from factlint._findings import Report

        folder_report = self._folder_report()
        if folder_report.failures:  # a plugin rule raised: its findings are missing, so this cannot pass
            pytest.fail("\n".join(f"factlint: error: {failure}" for failure in folder_report.failures), pytrace=False)
        # The folder is one claim set; this item answers for the findings located in its file.
        mine = [
            finding
            for finding in folder_report
            if finding.location is None or Path(finding.location.path).resolve() == self.path.resolve()
        ]
        if mine:
            raise FactFileFindings(Report(findings=mine, rules=folder_report.rules, claim_count=folder_report.claim_count))

    def _folder_report(self) -> Report:
        """The report of this file's folder, which shares ids across its files; linted once per folder."""
        from factlint._engine import lint
        from factlint._loading import load_by_folder
        from factlint._plugin_finder import installed_rules

        cache = self.config.stash[_FOLDER_REPORTS]
        folder = self.path.parent.resolve()
        if folder not in cache:
            settings = self.settings
            [(_, claim_set)] = load_by_folder(
                self.path, tolerances=settings.tolerances, fiscal_year_start=settings.fiscal_year_start
            )
            cache[folder] = lint(claim_set, settings=settings, rules=installed_rules())
        return cache[folder]

    def repr_failure(
        self, excinfo: pytest.ExceptionInfo[BaseException], style: TracebackStyle | None = None
    ) -> str | TerminalRepr:
        if isinstance(excinfo.value, FactFileFindings):
            from factlint._output import format_report

            return format_report(excinfo.value.report, "text").rstrip("\n")
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        # The head line of a failure names the fact file, as a test's names its function; the
        # check is of the whole file, from its first line.
        return self.path, 0, _relative(self.config, self.path)
