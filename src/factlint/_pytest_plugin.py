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

__all__ = ["FactFile", "FactFileFindings", "FactFileItem"]

_MARKER = "factlint"
# The settings (or the problem) of each configuration file, and the report of each folder.
_SETTINGS_CACHE: pytest.StashKey[dict[Path, Settings | _ConfigurationProblem]] = pytest.StashKey()
_FOLDER_REPORTS: pytest.StashKey[dict[Path, Report]] = pytest.StashKey()


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


class FactFile(pytest.File):
    """One fact file: it holds a single item, the factlint check of the whole file."""

    def collect(self) -> Iterator[FactFileItem]:
        yield FactFileItem.from_parent(self, name="factlint")


class FactFileItem(pytest.Item):
    """The factlint check of one fact file; marked `factlint`, so `-m factlint` selects it."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
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
            settings = self._settings()
            [(_, claim_set)] = load_by_folder(
                self.path, tolerances=settings.tolerances, fiscal_year_start=settings.fiscal_year_start
            )
            cache[folder] = lint(claim_set, settings=settings, rules=installed_rules())
        return cache[folder]

    def _settings(self) -> Settings:
        """The settings of the nearest `[tool.factlint]` or factlint.toml, read once per configuration file."""
        from factlint._config import ConfigError, find_config, read_config
        from factlint._settings import Settings

        found = find_config(self.path)
        if found is None:
            return Settings()
        cache = self.config.stash[_SETTINGS_CACHE]
        if found not in cache:
            try:
                cache[found] = read_config(found)
            except ConfigError as error:
                cache[found] = _ConfigurationProblem(str(error))
        settings = cache[found]
        if isinstance(settings, _ConfigurationProblem):
            raise settings
        return settings

    def repr_failure(
        self, excinfo: pytest.ExceptionInfo[BaseException], style: TracebackStyle | None = None
    ) -> str | TerminalRepr:
        if isinstance(excinfo.value, FactFileFindings):
            from factlint._output import format_report

            return format_report(excinfo.value.report, "text").rstrip("\n")
        if isinstance(excinfo.value, _ConfigurationProblem):
            return f"factlint configuration error: {excinfo.value}"
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, "factlint check"
