"""Configuration: `[tool.factlint]` in pyproject.toml or top-level keys in factlint.toml, read into Settings.

    [tool.factlint]
    select = ["A", "T101"]            # codes or prefixes; all rules by default
    extend-select = ["G"]
    ignore = ["C101"]
    per-file-ignores = { "drafts/*" = ["F005"] }   # globs relative to this file's folder
    severity = { T102 = "warning" }   # code or prefix -> "error" | "warning" | "info"
    fiscal-year-start = 10            # the month "FY2023" starts in (10: 1 October 2022)
    exclude = ["node_modules"]        # folder search skips these (replaces the defaults)
    extend-exclude = ["drafts"]       # ...and these (added to the defaults)
    respect-gitignore = true          # folder search skips what .gitignore files ignore
    fail-level = "info"               # findings below this severity do not fail the run

    [tool.factlint.tolerances]
    approximate = "1/10"              # exact text: a fraction or a decimal, never a float
    nearly = "0.1"
    ratio = "1/10"                    # "double" is 1.8 to 2.2 unless "exactly double"
    rounding = "half-up"              # "half-up" | "half-down" | "either"
    round-numbers = "rounded"         # "rounded": "600" may be 550 to 650; "exact": 600
    grim-rounding = ["half-up", "half-down"]
    decimal-comma = false             # true: "10.025" is 10,025 and "10,5" is 10.5
    alpha = "0.05"                    # significance level of reported tests (S102)
    p-equal-alpha-significant = true  # p = .05 counts as significant at alpha .05
"""

from __future__ import annotations

import difflib
import enum
import json
from collections.abc import Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs

from factlint import _toml
from factlint._codes import Severity
from factlint._nesting import MAX_NESTING, too_deep
from factlint._plugin_finder import installed_rules
from factlint._quantities import QuantityError, Rounding, RoundNumbers, Tolerances, exact_fraction
from factlint._rule import RuleSet
from factlint._settings import Settings

__all__ = [
    "CONFIG_FILES",
    "DEFAULT_EXCLUDE",
    "ConfigError",
    "Configuration",
    "FileSelection",
    "configuration_text",
    "find_config",
    "load_configuration",
    "overlaid",
    "read_config",
]

# In one folder, factlint.toml wins over pyproject.toml.
CONFIG_FILES = ("factlint.toml", "pyproject.toml")

_SETTINGS_KEYS = ("select", "extend-select", "ignore", "per-file-ignores", "severity", "fiscal-year-start", "tolerances")
_RUN_KEYS = ("exclude", "extend-exclude", "respect-gitignore", "fail-level")
# Each settings key and the Settings field it sets (tolerances: each of its keys, a Tolerances field).
_SETTINGS_FIELDS = {
    "select": "select",
    "extend-select": "extend_select",
    "ignore": "ignore",
    "per-file-ignores": "per_file_ignores",
    "severity": "severities",
    "fiscal-year-start": "fiscal_year_start",
}
# What a folder search skips unless `exclude` replaces it (ruff's list, and the fact-file world's).
DEFAULT_EXCLUDE = (
    ".bzr",
    ".direnv",
    ".eggs",
    ".git",
    ".git-rewrite",
    ".hg",
    ".mypy_cache",
    ".nox",
    ".pytest_cache",
    ".ruff_cache",
    ".svn",
    ".tox",
    ".venv",
    "__pypackages__",
    "_build",
    "build",
    "dist",
    "node_modules",
    "site-packages",
    "venv",
)
_TOLERANCE_KEYS = (
    "approximate",
    "nearly",
    "ratio",
    "rounding",
    "round-numbers",
    "grim-rounding",
    "decimal-comma",
    "alpha",
    "p-equal-alpha-significant",
)
_ROUND_NUMBERS = tuple(reading.value for reading in RoundNumbers)
_ROUNDINGS = tuple(mode.value for mode in Rounding)
_SEVERITIES = tuple(level.value for level in Severity)


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file, the key and what is allowed."""


@attrs.frozen
class FileSelection:
    """Which files a folder search skips: glob patterns, and whether `.gitignore` files count.

    A pattern without a slash matches a file or folder name anywhere; one with a slash is
    absolute (anchored at the configuration's folder when read). A path named on the command
    line is always checked.
    """

    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True

    @property
    def patterns(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.exclude + self.extend_exclude))


@attrs.frozen
class Configuration:
    """The settings of a run, the file they came from (None: defaults), and what the run itself does.

    `fail_level`: the lowest severity whose findings fail the run (exit 1).
    `overrides`: the `--config KEY=VALUE` pairs applied over the file.
    """

    settings: Settings
    path: Path | None = None
    files: FileSelection = FileSelection()
    fail_level: Severity = Severity.INFO
    overrides: tuple[str, ...] = ()


def find_config(start: str | Path) -> Path | None:
    """The nearest configuration file in `start` (a folder, or a file's folder) or above it.

    A pyproject.toml without a `[tool.factlint]` table does not count.
    """
    folder = Path(start).absolute()
    if not folder.is_dir():
        folder = folder.parent
    for candidate_folder in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = candidate_folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_factlint_table(candidate)):
                return candidate
    return None


def _has_factlint_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    try:
        document = _toml.loads(text)
    except (_toml.TOMLDecodeError, RecursionError):
        # Broken, but meant for factlint: read_config will report it.
        return "[tool.factlint" in text
    return isinstance(document.get("tool"), dict) and "factlint" in document["tool"]


def load_configuration(
    paths: Sequence[str | Path] = (),
    *,
    config: str | Path | None = None,
    isolated: bool = False,
    overrides: Sequence[str] = (),
    rules: RuleSet | None = None,
) -> Configuration:
    """The configuration for checking `paths`: the file named by `config`, else the nearest one.

    `isolated` ignores every configuration file. `overrides` are TOML `KEY = VALUE` pairs
    (`--config 'tolerances.nearly = "0.2"'`) that replace the file's keys, as ruff's
    `--config` does; their globs are relative to the working directory.
    """
    rules = rules or installed_rules()
    if isolated:
        configuration = Configuration(Settings())
    else:
        path: Path | None
        if config is not None:
            path = Path(config)
            if not path.is_file():
                raise ConfigError(f"{config}: no such configuration file")
        else:
            path = find_config(paths[0] if paths else Path.cwd())
        if path is None:
            configuration = Configuration(Settings())
        else:
            table, prefix = _factlint_table(path)
            configuration = _Reader(str(path), path.absolute().parent, prefix, rules).configuration(table, path)
    if not overrides:
        return configuration
    configuration = overlaid(configuration, _override_table(overrides), origin="--config", rules=rules)
    return attrs.evolve(configuration, overrides=configuration.overrides + tuple(overrides))


def overlaid(
    configuration: Configuration, table: Mapping[str, Any], *, origin: str, rules: RuleSet | None = None
) -> Configuration:
    """`configuration` with the keys that `table` sets replaced.

    `table` is read as a configuration file in the working directory would be (its globs
    are relative to it); `origin` names it in messages, such as "--config".
    """
    read = _Reader(origin, Path.cwd(), "", rules or installed_rules()).configuration(table, None)
    return _overlaid(configuration, read, table)


def _override_table(overrides: Sequence[str]) -> dict[str, Any]:
    """The `--config KEY=VALUE` pairs as one table, later pairs replacing earlier ones."""
    table: dict[str, Any] = {}
    for text in overrides:
        try:
            pair = _toml.loads(text)
        except _toml.TOMLDecodeError as error:
            raise ConfigError(
                f"--config {text!r}: neither a configuration file nor a TOML KEY = VALUE pair ({error})"
            ) from None
        for key, value in pair.items():
            if key == "tolerances" and isinstance(value, dict) and isinstance(table.get(key), dict):
                table[key] = {**table[key], **value}
            else:
                table[key] = value
    return table


def _overlaid(base: Configuration, over: Configuration, table: Mapping[str, Any]) -> Configuration:
    """`base` with the keys that `table` sets taken from `over` (read from that table)."""
    changes: dict[str, Any] = {}
    for key, field in _SETTINGS_FIELDS.items():
        if key in table:
            changes[field] = getattr(over.settings, field)
    if "tolerances" in table:
        fields = {key.replace("-", "_") for key in table["tolerances"]}
        changes["tolerances"] = attrs.evolve(
            base.settings.tolerances, **{field: getattr(over.settings.tolerances, field) for field in fields}
        )
    file_changes = {
        field: getattr(over.files, field)
        for key, field in (("exclude", "exclude"), ("extend-exclude", "extend_exclude"), ("respect-gitignore", "respect_gitignore"))
        if key in table
    }
    return attrs.evolve(
        base,
        settings=attrs.evolve(base.settings, **changes),
        files=attrs.evolve(base.files, **file_changes),
        fail_level=over.fail_level if "fail-level" in table else base.fail_level,
    )


def _factlint_table(path: Path) -> tuple[object, str]:
    """The factlint table of a configuration file, and the prefix its keys are named with in messages."""
    try:
        document = _toml.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read it: {error}") from None
    except _toml.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid TOML: {_too_deep(path)}") from None
    if path.name == "pyproject.toml":
        tool = document.get("tool", {})
        table = tool.get("factlint") if isinstance(tool, dict) else None
        if table is None:
            raise ConfigError(f"{path}: has no [tool.factlint] table")
        return table, "tool.factlint."
    return document, ""


def read_config(path: str | Path, *, rules: RuleSet | None = None) -> Settings:
    """Read one configuration file into Settings; raise ConfigError for anything it cannot use."""
    path = Path(path)
    table, prefix = _factlint_table(path)
    return _Reader(str(path), path.absolute().parent, prefix, rules or installed_rules()).settings(table)


@attrs.define
class _Reader:
    origin: str  # the file (or option) named in messages
    folder: Path  # relative globs are anchored here
    prefix: str
    rules: RuleSet

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.origin}: {self.prefix}{key}: {problem}")

    def configuration(self, table: object, path: Path | None) -> Configuration:
        settings = self.settings(table)
        assert isinstance(table, dict)  # settings() said so
        extend = self.globs("extend-exclude", table.get("extend-exclude", []))
        exclude = self.globs("exclude", table["exclude"]) if "exclude" in table else DEFAULT_EXCLUDE
        respect_gitignore = table.get("respect-gitignore", True)
        if not isinstance(respect_gitignore, bool):
            raise self.fail("respect-gitignore", f"expected true or false, not {_describe(respect_gitignore)}")
        fail_level = table.get("fail-level", Severity.INFO.value)
        if fail_level not in _SEVERITIES:
            raise self.fail("fail-level", f"expected one of {', '.join(map(repr, _SEVERITIES))}, not {_describe(fail_level)}")
        return Configuration(
            settings,
            path,
            FileSelection(exclude, extend, respect_gitignore),
            Severity(fail_level),
        )

    def globs(self, key: str, value: object) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            raise self.fail(key, f'expected a list of glob patterns such as ["node_modules", "drafts/*"], not {_describe(value)}')
        folder = self.folder.as_posix().rstrip("/")
        return tuple(
            glob if "/" not in glob else _anchored(glob, folder)[0]
            for glob in (item.replace("\\", "/").removeprefix("./").rstrip("/") for item in value)
        )

    def settings(self, table: object) -> Settings:
        if not isinstance(table, dict):
            raise ConfigError(f"{self.origin}: {self.prefix.rstrip('.') or 'the file'} must be a table")
        self.check_keys(table, _SETTINGS_KEYS + _RUN_KEYS, "")
        return Settings(
            tolerances=self.tolerances(table.get("tolerances", {})),
            select=self.selection(table["select"]) if "select" in table else None,
            extend_select=self.codes("extend-select", table.get("extend-select", [])),
            ignore=self.codes("ignore", table.get("ignore", [])),
            per_file_ignores=self.per_file_ignores(table.get("per-file-ignores", {})),
            severities=self.severities(table.get("severity", {})),
            fiscal_year_start=self.month("fiscal-year-start", table.get("fiscal-year-start", Settings().fiscal_year_start)),
        )

    def check_keys(self, table: Mapping[str, Any], allowed: Sequence[str], within: str) -> None:
        for key in table:
            if key not in allowed:
                close = difflib.get_close_matches(key.replace("_", "-"), allowed, n=1)
                hint = f"did you mean {close[0]}? " if close else ""
                raise self.fail(f"{within}{key}", f"unknown key; {hint}allowed: {', '.join(allowed)}")

    def codes(self, key: str, value: object) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(key, f'expected a list of rule codes or prefixes such as ["A", "T101"], not {_describe(value)}')
        for code in value:
            self.check_code(key, code)
        return tuple(code.upper() for code in value)

    def selection(self, value: object) -> tuple[str, ...]:
        codes = self.codes("select", value)
        if not codes:
            raise self.fail("select", 'no rule selected: name codes or prefixes such as ["A", "T101"], or leave select out to run every rule')
        return codes

    def check_code(self, key: str, code: str) -> None:
        if not code.strip():
            raise self.fail(key, 'an empty code would match every rule; name codes or prefixes such as "A101" or "A"')
        if not self.rules.is_known_selector(code):
            codes = ", ".join(known.code for known in self.rules)
            raise self.fail(key, f"unknown rule code or prefix {code!r}; allowed: ALL or a prefix of {codes}")

    def per_file_ignores(self, value: object) -> dict[str, tuple[str, ...]]:
        if not isinstance(value, dict):
            example = '{ "drafts/*" = ["F005"] }'
            raise self.fail("per-file-ignores", f"expected a table of glob = [codes], such as {example}, not {_describe(value)}")
        folder = self.folder.as_posix().rstrip("/")
        patterns: dict[str, tuple[str, ...]] = {}
        for glob, codes in value.items():
            read = self.codes(f"per-file-ignores.{glob}", codes)
            for pattern in _anchored(glob, folder):
                patterns[pattern] = patterns.get(pattern, ()) + read
        return patterns

    def severities(self, value: object) -> dict[str, Severity]:
        if not isinstance(value, dict):
            raise self.fail("severity", f'expected a table of code = level, such as {{ T102 = "warning" }}, not {_describe(value)}')
        for code, level in value.items():
            self.check_code(f"severity.{code}", code)
            if level not in _SEVERITIES:
                raise self.fail(f"severity.{code}", f"expected one of {', '.join(map(repr, _SEVERITIES))}, not {_describe(level)}")
        levels: dict[str, Severity] = {}
        # A code takes the level of its most specific selector: {A = "warning", A104 = "error"}.
        for selector in sorted(value, key=len):
            for known in self.rules:
                if selector.upper() == "ALL" or known.code.startswith(selector.upper()):
                    levels[known.code] = Severity(value[selector])
        return levels

    def month(self, key: str, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
            raise self.fail(key, f"expected a month number from 1 (January) to 12 (December), not {_describe(value)}")
        return value

    def tolerances(self, value: object) -> Tolerances:
        if not isinstance(value, dict):
            raise self.fail("tolerances", f"expected a table with keys {', '.join(_TOLERANCE_KEYS)}, not {_describe(value)}")
        self.check_keys(value, _TOLERANCE_KEYS, "tolerances.")
        defaults = Tolerances()
        round_numbers = value.get("round-numbers", defaults.round_numbers.value)
        if round_numbers not in _ROUND_NUMBERS:
            raise self.fail(
                "tolerances.round-numbers", f"expected one of {', '.join(map(repr, _ROUND_NUMBERS))}, not {_describe(round_numbers)}"
            )
        decimal_comma = value.get("decimal-comma", defaults.decimal_comma)
        if not isinstance(decimal_comma, bool):
            raise self.fail(
                "tolerances.decimal-comma",
                f'expected true ("10.025" is 10,025 and "10,5" is 10.5) or false, not {_describe(decimal_comma)}',
            )
        p_equal_alpha = value.get("p-equal-alpha-significant", defaults.p_equal_alpha_significant)
        if not isinstance(p_equal_alpha, bool):
            raise self.fail(
                "tolerances.p-equal-alpha-significant",
                f"expected true (p = .05 is significant at alpha .05) or false, not {_describe(p_equal_alpha)}",
            )
        alpha = self.fraction("tolerances.alpha", value.get("alpha", defaults.alpha))
        if alpha == 0:
            raise self.fail("tolerances.alpha", 'expected a significance level above 0, such as "0.05"')
        return Tolerances(
            approximate=self.fraction("tolerances.approximate", value.get("approximate", defaults.approximate)),
            nearly=self.fraction("tolerances.nearly", value.get("nearly", defaults.nearly)),
            ratio=self.fraction("tolerances.ratio", value.get("ratio", defaults.ratio)),
            rounding=self.rounding("tolerances.rounding", value.get("rounding", defaults.rounding.value)),
            round_numbers=round_numbers,
            grim_rounding=self.roundings(
                "tolerances.grim-rounding", value.get("grim-rounding", [mode.value for mode in defaults.grim_rounding])
            ),
            decimal_comma=decimal_comma,
            alpha=alpha,
            p_equal_alpha_significant=p_equal_alpha,
        )

    def fraction(self, key: str, value: object) -> Fraction:
        allowed = 'a fraction of the stated number as text, such as "1/10" or "0.1", at least 0 and below 1'
        if isinstance(value, float):
            raise self.fail(key, f'write the number as text ("{value}") so that it stays exact; expected {allowed}')
        if isinstance(value, bool) or not isinstance(value, (str, int, Fraction)):
            raise self.fail(key, f"expected {allowed}, not {_describe(value)}")
        try:
            read = exact_fraction(value.strip() if isinstance(value, str) else value)
        except QuantityError as error:
            raise self.fail(key, f"{error}; expected {allowed}") from None
        except (ValueError, ZeroDivisionError):
            raise self.fail(key, f"expected {allowed}, not {_describe(value)}") from None
        if not 0 <= read < 1:
            raise self.fail(key, f"expected {allowed}, not {_describe(value)}")
        return read

    def rounding(self, key: str, value: object) -> Rounding:
        if value not in _ROUNDINGS:
            raise self.fail(key, f"expected one of {', '.join(map(repr, _ROUNDINGS))}, not {_describe(value)}")
        return Rounding(value)

    def roundings(self, key: str, value: object) -> tuple[Rounding, ...]:
        if not isinstance(value, list) or not value:
            raise self.fail(key, f"expected a non-empty list of {', '.join(map(repr, _ROUNDINGS))}, not {_describe(value)}")
        return tuple(self.rounding(key, mode) for mode in value)


def _too_deep(path: Path) -> str:
    line, column, depth = too_deep(path.read_text(encoding="utf-8").replace("\r\n", "\n"), "toml")
    shown = f"more than {MAX_NESTING}" if depth > MAX_NESTING else str(depth)
    return f"arrays and tables nested {shown} levels deep, too deep to read (at line {line}, column {column})"


def _anchored(glob: str, folder: str) -> list[str]:
    """Absolute patterns for a glob relative to the configuration's folder.

    A glob without a slash names a file anywhere below the folder, as in ruff.
    """
    glob = glob.replace("\\", "/").removeprefix("./")
    if Path(glob).is_absolute():
        return [glob]
    if "/" in glob:
        return [f"{folder}/{glob}"]
    return [f"{folder}/{glob}", f"{folder}/*/{glob}"]


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, (list, dict)):
        return f"{'a list' if isinstance(value, list) else 'a table'} ({value!r})"
    return repr(value)


def configuration_text(configuration: Configuration) -> str:
    """The resolved configuration as a factlint.toml would state it, headed by where it came from."""
    settings, files = configuration.settings, configuration.files
    origin = str(configuration.path) if configuration.path is not None else "none (the defaults)"
    lines = [f"# configuration file: {origin}"]
    lines += [f"# --config {override}" for override in configuration.overrides]
    values: dict[str, object] = {
        "select": list(settings.select) if settings.select is not None else ["ALL"],
        "extend-select": list(settings.extend_select),
        "ignore": list(settings.ignore),
        "per-file-ignores": dict(settings.per_file_ignores),
        "severity": {code: level.value for code, level in sorted(settings.severities.items())},
        "fiscal-year-start": settings.fiscal_year_start,
        "exclude": list(files.exclude),
        "extend-exclude": list(files.extend_exclude),
        "respect-gitignore": files.respect_gitignore,
        "fail-level": configuration.fail_level.value,
    }
    lines += [f"{key} = {_toml_value(value)}" for key, value in values.items()]
    lines += ["", "[tolerances]"]
    lines += [f"{key} = {_toml_value(getattr(settings.tolerances, key.replace('-', '_')))}" for key in _TOLERANCE_KEYS]
    return "\n".join(lines) + "\n"


def _toml_value(value: object) -> str:
    """A TOML value for the kinds that settings hold; exact numbers as text, as configuration takes them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, enum.Enum):
        return _toml_value(value.value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(key)} = {_toml_value(item)}" for key, item in value.items()) + " }" if value else "{}"
    return json.dumps(str(value), ensure_ascii=False)
