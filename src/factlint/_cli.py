"""The command line: `factlint check`, `factlint rules`, `factlint explain` and `factlint extract`.

Exit codes: 0 nothing found, 1 findings, 2 a usage or configuration error, or a rule that failed.
Each command imports what it needs when it runs, so that `factlint --help` starts fast.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

if TYPE_CHECKING:
    from factlint._cache import Cache
    from factlint._config import Configuration
    from factlint._findings import Report
    from factlint._loading import Exclusions
    from factlint._model import ClaimSet
    from factlint._rule import Rule, RuleSet
    from factlint._settings import Settings

__all__ = ["main", "run"]

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def run() -> None:
    """The `factlint` command and `python -m factlint`: run, then exit with the code."""
    import gc

    # This process builds and checks millions of small objects that form no reference
    # cycles; the cyclic collector's full sweeps over them cost a third of a large run.
    # A command line may change its own process; the library never does.
    gc.disable()
    code = main()
    # Everything is written once the streams are flushed; the interpreter's shutdown would
    # only free, one by one, the objects the run built, which costs a large run seconds.
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # the reader has gone, the device is full, the stream is closed
            code = EXIT_ERROR
    import os

    os._exit(code)


def main(argv: Sequence[str] | None = None, *, rules: RuleSet | None = None) -> int:
    """Run the command line with `argv` (default: sys.argv[1:]) and return the exit code.

    `rules` replaces the installed rules (the built-in ones and every plugin's), for a
    caller that wants a run independent of what else is installed.
    An internal error is one line on stderr and exit code 2; `--verbose` adds its traceback.
    """
    args: argparse.Namespace | None = None
    try:
        parser = _parser()
        _add_verbose_option(parser)
        try:
            args = parser.parse_args(argv)
        except SystemExit as exit_:  # argparse has printed the help, the version or a usage error
            return EXIT_CLEAN if exit_.code in (0, None) else EXIT_ERROR
        args.rule_set = rules
        command: Callable[[argparse.Namespace], int] = args.run
        return command(args)
    except BrokenPipeError:  # `factlint check | head`: the reader has gone, so stop quietly
        _detach_stdout()
        return EXIT_ERROR
    except _StdoutUnwritable as error:
        _detach_stdout()
        return _fail(f"cannot write to standard output: {error}")
    except Exception as error:  # a bug: one plain line, the traceback only when asked for
        return _internal_error(error, verbose=bool(getattr(args, "verbose", False)))


TRACEBACK_VARIABLE = "FACTLINT_TRACEBACK"


def _add_verbose_option(parser: argparse.ArgumentParser) -> None:
    """`--verbose` before or after the command (`factlint --verbose check`, `factlint check --verbose`)."""
    help_ = f"on an internal error, print its full traceback (as does {TRACEBACK_VARIABLE}=1)"
    parser.add_argument("--verbose", action="store_true", help=help_)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                # A command that defines --verbose itself keeps its own.
                with contextlib.suppress(argparse.ArgumentError):
                    command.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS, help=help_)


def _internal_error(error: Exception, *, verbose: bool) -> int:
    import os

    from factlint._escaping import printable

    if verbose or os.environ.get(TRACEBACK_VARIABLE, "") not in ("", "0"):
        import traceback

        _write_stderr("".join(traceback.format_exception(type(error), error, error.__traceback__)))
        hint = "please report it with the traceback above"
    else:
        hint = "run with --verbose for the traceback"
    detail = printable(f"{type(error).__name__}: {error}" if str(error) else type(error).__name__)
    _write_stderr(f"factlint: internal error: {detail} ({hint})\n")
    return EXIT_ERROR


class _StdoutUnwritable(Exception):
    """Standard output is closed, full or otherwise failing (but not a reader gone: that is BrokenPipeError)."""


# Output formats that are JSON text, where a character stdout cannot encode is written as JSON escapes it.
_JSON_FORMATS = frozenset({"json", "sarif", "gitlab"})
# Output formats that are XML or HTML, which declare themselves UTF-8: to any other stdout they are
# written as ASCII, every other character as a character reference, which means the same.
_MARKUP_FORMATS = frozenset({"junit", "html"})


def _encodable(text: str, stream: Any, *, json: bool = False, markup: bool = False) -> str:
    """`text` as `stream` can encode it: anything its encoding lacks (or a lone surrogate) as an escape."""
    from factlint._escaping import encodable

    encoding = getattr(stream, "encoding", None) or "utf-8"
    if markup and not _is_utf8(encoding):
        return text.encode("ascii", "xmlcharrefreplace").decode("ascii")
    return encodable(text, encoding, json=json)


def _is_utf8(encoding: str) -> bool:
    import codecs

    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def _print(text: str, *, json: bool = False, markup: bool = False) -> None:
    """Write to standard output, flushed, whatever its encoding; raise _StdoutUnwritable if that fails.

    `json`: the text is JSON, so that a character the encoding lacks is escaped as JSON has it;
    `markup`: it is XML or HTML, written as ASCII with character references unless stdout is UTF-8.
    """
    stream = sys.stdout
    if stream is None:
        raise _StdoutUnwritable("it is closed")
    try:
        stream.write(_encodable(text, stream, json=json, markup=markup))
        stream.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as error:  # ValueError: a closed file object
        raise _StdoutUnwritable(getattr(error, "strerror", None) or str(error)) from None


def _write_stderr(text: str) -> None:
    """Write to standard error if there is one to write to; a message that cannot be shown is dropped."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(_encodable(text, stream))
        stream.flush()
    except (OSError, ValueError):
        pass


def _detach_stdout() -> None:
    """Point file descriptor 1 at the null device, so that the interpreter's last flush cannot fail again."""
    import os

    # No stdout at all (AttributeError), or one without a descriptor (a StringIO in tests).
    with contextlib.suppress(AttributeError, OSError, ValueError):
        descriptor = sys.stdout.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, descriptor)
        finally:
            os.close(null)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line, as in the rest of factlint's messages.

    Options are never abbreviated (`--stat` is an error, not `--statistics`), as in ruff:
    an abbreviation that works today would break when a longer option is added.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        from factlint._escaping import printable

        self.exit(EXIT_ERROR, f"factlint: error: {printable(message)} (see `{self.prog} --help`)\n")


def _parser() -> argparse.ArgumentParser:
    from factlint._output import FORMATS

    parser = _Parser(
        prog="factlint",
        description="Check whether the numbers in a set of claims can all be true at once.",
    )
    parser.add_argument("-V", "--version", action=_VersionAction, nargs=0, help="show the version and exit")
    commands = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND", required=True)

    _add_check(commands, FORMATS)
    rules = commands.add_parser("rules", help="list the rules", description="List every known rule.")
    rules.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    rules.set_defaults(run=_rules)

    explain = commands.add_parser(
        "explain", help="show a rule's page", description="Show what a rule checks, why, and examples."
    )
    explain.add_argument("code", metavar="CODE", help="a rule code such as A101 (or its name)")
    explain.set_defaults(run=_explain)

    extract = commands.add_parser(
        "extract",
        help="draft a fact file from an article's text, for review",
        description=(
            "Draft a fact file from an article's text: every figure with its hedge, unit, rate, time and quote. "
            "Review the draft (metrics are guesses; relations are offered commented out), then check it."
        ),
    )
    extract.add_argument("path", metavar="PATH", help="the article as plain text (- reads standard input)")
    extract.add_argument(
        "--published", metavar="DATE", help="its publication date (2025-06-26, 'July 2023'); default: read from its dateline"
    )
    extract.add_argument("--publisher", metavar="NAME", default="", help="the source's publisher")
    extract.add_argument("--url", metavar="URL", default="", help="the source's URL")
    extract.add_argument(
        "--id-prefix", metavar="P", default="", help="start every id with this (default: from the publisher, else 'draft')"
    )
    extract.add_argument("--format", choices=("toml", "json"), default="toml", help="output format (default: toml)")
    extract.add_argument(
        "-o", "--output-file", type=_output_path, metavar="FILE", help="write the draft to this file instead of stdout"
    )
    extract.set_defaults(run=_extract)
    return parser


def _add_check(commands: argparse._SubParsersAction[_Parser], formats: Sequence[str]) -> None:
    from factlint._terminal import COLOR_CHOICES

    check = commands.add_parser(
        "check",
        help="check fact files (*.facts.toml, *.facts.json, *.facts.csv)",
        description="Check fact files; folders are searched for *.facts.toml, *.facts.json and *.facts.csv.",
    )
    check.add_argument(
        "paths", nargs="*", default=[], metavar="PATH", help="fact files or folders (default: .); - reads standard input"
    )
    check.add_argument(
        "--stdin-filename", metavar="NAME",
        help="the name of the fact file read from standard input: its format, its folder as context, the name shown",
    )
    selection = check.add_argument_group("rule selection (codes or prefixes, comma-separated)")
    selection.add_argument(
        "--select", action="extend", type=_codes, metavar="CODES",
        help="run only these rules; replaces the configured selection",
    )
    selection.add_argument(
        "--extend-select", action="extend", type=_codes, metavar="CODES", help="run these rules as well"
    )
    selection.add_argument("--ignore", action="extend", type=_codes, metavar="CODES", help="do not run these rules")
    selection.add_argument(
        "--per-file-ignores", action="append", metavar="GLOB:CODES",
        help="ignore these codes in files matching GLOB (relative to the working directory); repeatable; "
        "replaces the configured per-file-ignores",
    )
    output = check.add_argument_group("output")
    output.add_argument("--format", choices=formats, default="text", help="output format (default: text)")
    output.add_argument("--concise", action="store_true", help="one line per finding (text format)")
    output.add_argument(
        "--statistics", action="store_true", help="show the number of findings per rule instead (JSON with --format json)"
    )
    output.add_argument(
        "--output-file", type=_output_path, metavar="PATH", help="write the output to this file instead of stdout"
    )
    output.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    output.add_argument(
        "--color", choices=COLOR_CHOICES, default="auto",
        help="colour the text output: auto (on a terminal, unless NO_COLOR; FORCE_COLOR forces it), always or never",
    )
    quietness = output.add_mutually_exclusive_group()
    quietness.add_argument("-q", "--quiet", action="store_true", help="print the findings only, without the summary")
    quietness.add_argument("-s", "--silent", action="store_true", help="print nothing; the exit code says what was found")
    output.add_argument(
        "--show-settings", action="store_true", help="show the configuration that applies and the file it came from, then exit"
    )
    output.add_argument("--show-files", action="store_true", help="list the fact files that would be checked, then exit")
    files = check.add_argument_group("file selection")
    files.add_argument(
        "--exclude", action="extend", type=_globs, metavar="GLOBS",
        help="skip these files and folders in folder search (comma-separated globs); replaces the configured exclude",
    )
    files.add_argument(
        "--extend-exclude", action="extend", type=_globs, metavar="GLOBS", help="skip these as well as the excluded ones"
    )
    gitignore = files.add_mutually_exclusive_group()
    gitignore.add_argument(
        "--respect-gitignore", action="store_true", default=None, help="skip what .gitignore files ignore (the default)"
    )
    gitignore.add_argument(
        "--no-respect-gitignore", dest="respect_gitignore", action="store_false", help="search ignored files too"
    )
    files.add_argument(
        "--pre-commit", action="store_true",
        help="as a pre-commit hook: check the PATHS given, and re-check the folders of fact files "
        "that the staged changes delete or rename (git diff --cached)",
    )
    configuration = check.add_argument_group("configuration")
    configuration.add_argument(
        "--config", action="append", metavar="PATH|KEY=VALUE",
        help="use this factlint.toml or pyproject.toml instead of searching for one; or a TOML KEY = VALUE pair "
        "that overrides the configuration, such as 'tolerances.nearly = \"0.2\"' (repeatable)",
    )
    configuration.add_argument("--no-config", action="store_true", help="ignore all configuration files")
    cache = check.add_argument_group("cache (of built fact files, so that a file in a big folder costs that file)")
    cache.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the cache (env FACTLINT_NO_CACHE=1)"
    )
    cache.add_argument(
        "--cache-dir", metavar="PATH", help="keep the cache here (env FACTLINT_CACHE_DIR; default: ./.factlint_cache)"
    )
    check.set_defaults(run=_check)


class _VersionAction(argparse.Action):
    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        from importlib import metadata

        try:
            version = metadata.version("factlint")
        except metadata.PackageNotFoundError:
            version = "unknown"
        print(f"factlint {version}")
        parser.exit()


def _output_path(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty path; name a file, or leave the option out to write to stdout")
    return text


def _codes(text: str) -> list[str]:
    return [code.strip().upper() for code in text.split(",") if code.strip()]


def _globs(text: str) -> list[str]:
    return [glob.strip() for glob in text.split(",") if glob.strip()]


def _fail(message: str) -> int:
    from factlint._escaping import printable

    _write_stderr(f"factlint: error: {printable(message)}\n")
    return EXIT_ERROR


def _warn(message: str) -> None:
    from factlint._escaping import printable

    _write_stderr(f"factlint: warning: {printable(message)}\n")




def _known_rules(args: argparse.Namespace) -> RuleSet:
    """The built-in and plugin rules; a plugin left out is reported on stderr, as ruff and flake8 do."""
    import warnings

    from factlint._plugin_finder import FactlintPluginWarning, installed_rules

    rules: RuleSet | None = args.rule_set
    if rules is None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FactlintPluginWarning)  # printed below, once per run
            rules = installed_rules()
    if not getattr(args, "silent", False):
        for problem in rules.warnings:
            _warn(str(problem))
    return rules


class _Stop(Exception):
    """A usage or configuration error of `factlint check`: one line on stderr, exit 2."""


class _CheckPlan(NamedTuple):
    """What `factlint check` was asked to do, resolved: its configuration, settings and files."""

    configuration: Configuration
    settings: Settings
    exclusions: Exclusions
    # The fact files whose findings are reported (with their folders as context).
    files: list[Path]
    # Whether files[0] is read from standard input (PATH -).
    stdin: bool = False


def _check(args: argparse.Namespace) -> int:
    from factlint._escaping import printable
    from factlint._output import display_path

    rules = _known_rules(args)
    try:
        plan = _plan_check(args, rules)
    except _Stop as stop:
        return _fail(str(stop))
    if args.output_file:
        refusal = _output_over_input(args.output_file, args.paths or ["."], plan.files, plan.configuration.path)
        if refusal is not None:
            return _fail(refusal)
    if args.show_settings:
        import attrs

        from factlint._config import configuration_text

        _print(configuration_text(attrs.evolve(plan.configuration, settings=plan.settings)))
        return EXIT_CLEAN
    if args.show_files:
        _print("".join(f"{printable(display_path(str(path)))}\n" for path in plan.files))
        return EXIT_CLEAN
    if not plan.files and not (args.quiet or args.silent or args.pre_commit):
        _warn(f"no fact files found in {' '.join(args.paths or ['.'])}")
    try:
        report = _lint_plan(plan, rules, _cache(args, plan.settings))
    except OSError as error:  # unreadable, or removed while running
        return _fail(f"{error.filename}: {error.strerror}")
    except UnicodeDecodeError as error:  # standard input
        return _fail(f"{plan.files[0]} (standard input): not UTF-8 text: {error.reason} at byte {error.start}")
    for failure in report.failures:
        _write_stderr(f"factlint: error: {printable(str(failure))}\n")
    if not args.silent:
        status = _write_report(args, report, len(plan.files))
        if status != EXIT_CLEAN:
            return status
    return _exit_code(args, report, plan)


def _plan_check(args: argparse.Namespace, rules: RuleSet) -> _CheckPlan:
    """The configuration, settings and files of a check, or _Stop for a usage or configuration error."""
    from factlint._config import ConfigError, load_configuration
    from factlint._loading import Exclusions
    from factlint._settings import layered

    if args.select == []:
        raise _Stop("--select: no rule selected: name codes or prefixes such as A,T101, or leave --select out to run every rule")
    for option, codes in (("--select", args.select), ("--extend-select", args.extend_select), ("--ignore", args.ignore)):
        for code in codes or ():
            if not rules.is_known_selector(code):
                raise _Stop(f"{option}: unknown rule code or prefix {code!r} (`factlint rules` lists them)")
    reads_stdin = "-" in args.paths or (args.stdin_filename is not None and not args.paths)
    if reads_stdin and args.paths not in ([], ["-"]):
        raise _Stop("- (standard input) cannot be checked together with other paths")
    config_file, overrides = _config_arguments(args.config or [])
    if args.no_config and config_file is not None:
        raise _Stop("--config PATH and --no-config cannot be used together")
    anchors = [args.stdin_filename or Path.cwd()] if reads_stdin else args.paths
    try:
        configuration = load_configuration(
            anchors, config=config_file, isolated=args.no_config, overrides=overrides, rules=rules
        )
        configuration = _with_file_options(configuration, args, rules)
    except ConfigError as error:
        raise _Stop(str(error)) from None
    settings = layered(
        configuration.settings, select=args.select, extend_select=args.extend_select, ignore=args.ignore
    )
    exclusions = Exclusions(configuration.files.patterns, configuration.files.respect_gitignore)
    if reads_stdin:
        return _CheckPlan(configuration, settings, exclusions, [Path(args.stdin_filename or "-")], stdin=True)
    try:
        files = _files_to_check(args, exclusions)
    except FileNotFoundError as error:
        raise _Stop(str(error)) from None
    except OSError as error:
        raise _Stop(f"{error.filename}: {error.strerror}") from None
    return _CheckPlan(configuration, settings, exclusions, files)


def _config_arguments(values: Sequence[str]) -> tuple[str | None, list[str]]:
    """The configuration file and the KEY=VALUE overrides among `--config` values, as ruff tells them apart."""
    files = [value for value in values if Path(value).is_file() or "=" not in value]
    if len(files) > 1:
        raise _Stop(f"--config: one configuration file at most, not {len(files)} ({', '.join(files)})")
    return (files[0] if files else None), [value for value in values if value not in files]


def _with_file_options(configuration: Configuration, args: argparse.Namespace, rules: RuleSet) -> Configuration:
    """The configuration with the command line's per-file-ignores and file selection over it."""
    from factlint._config import overlaid

    table: dict[str, Any] = {}
    if args.per_file_ignores:
        ignores: dict[str, list[str]] = {}
        for value in args.per_file_ignores:
            glob, _, codes = value.rpartition(":")
            if not glob or not _codes(codes):
                raise _Stop(f"--per-file-ignores: expected GLOB:CODES such as 'drafts/*:F005,T102', not {value!r}")
            ignores.setdefault(glob, []).extend(_codes(codes))
        table["per-file-ignores"] = ignores
    if args.exclude is not None:
        table["exclude"] = args.exclude
    if args.extend_exclude is not None:
        table["extend-exclude"] = [*configuration.files.extend_exclude, *args.extend_exclude]
    if args.respect_gitignore is not None:
        table["respect-gitignore"] = args.respect_gitignore
    return overlaid(configuration, table, origin="command line", rules=rules) if table else configuration


def _files_to_check(args: argparse.Namespace, exclusions: Exclusions) -> list[Path]:
    from factlint._loading import discover

    if not args.pre_commit:
        return discover(args.paths or ["."], exclusions=exclusions)
    from factlint._pre_commit import GitError, staged_removal_context

    try:
        context = staged_removal_context(exclusions)
    except GitError as error:
        raise _Stop(str(error)) from None
    named = [path.absolute() for path in discover(args.paths, exclusions=exclusions)]
    return list(dict.fromkeys([*named, *context]))


def _lint_plan(plan: _CheckPlan, rules: RuleSet, cache: Cache | None = None) -> Report:
    """Lint each folder of the plan's files, keeping the findings that involve those files."""
    from factlint._engine import lint
    from factlint._findings import Report
    from factlint._loading import load_by_folder, load_text_in_folder, loads

    settings = plan.settings
    tolerances, fiscal_year_start = settings.tolerances, settings.fiscal_year_start
    claim_sets: list[ClaimSet]
    text = sys.stdin.buffer.read().decode("utf-8-sig") if plan.stdin else ""
    if plan.stdin and str(plan.files[0]) == "-":
        claim_sets = [loads(text, path="-", tolerances=tolerances, fiscal_year_start=fiscal_year_start)]
        targets = {"-"}
    elif plan.stdin:
        named = plan.files[0].absolute()
        claim_sets = [
            load_text_in_folder(
                text, named, tolerances=tolerances, fiscal_year_start=fiscal_year_start, exclusions=plan.exclusions
            )
        ]
        targets = {str(named)}
    else:
        # Absolute paths, so that per-file-ignores (anchored at the configuration's folder) match;
        # the output shows them relative to the working directory again.
        absolute = [path.absolute() for path in plan.files]
        claim_sets = [
            claim_set
            for _, claim_set in load_by_folder(
                absolute,
                tolerances=tolerances,
                fiscal_year_start=fiscal_year_start,
                exclusions=plan.exclusions,
                cache=cache,
            )
        ]
        targets = {str(path) for path in absolute}
    return Report.combine(
        _involving(lint(claim_set, settings=settings, rules=rules), claim_set, targets) for claim_set in claim_sets
    )


def _involving(report: Report, claim_set: ClaimSet, targets: set[str]) -> Report:
    """The findings that involve one of `targets` (by location or by a claim), and the claims stated there.

    Naming one file of a folder checks it with its folder as context, but reports only on it.
    """
    import attrs

    def involves(paths: set[str]) -> bool:
        return not paths or bool(paths & targets)

    findings = [
        finding
        for finding in report
        if involves(
            {ref.location.path for ref in finding.claims if ref.location is not None}
            | ({finding.location.path} if finding.location is not None else set())
        )
    ]
    claims = sum(1 for claim in claim_set.claims if claim.location is None or claim.location.path in targets)
    return attrs.evolve(report, findings=findings, claim_count=claims)


def _write_report(args: argparse.Namespace, report: Report, file_count: int) -> int:
    """Print the report (or write it to --output-file) as the options say; the exit code of a failed write."""
    from factlint._terminal import coloured, wants_colour

    text = _report_text(args, report, file_count)
    if args.output_file:
        if args.format == "text" and args.color == "always":
            text = coloured(text)
        failure = _write_output(args.output_file, text)
        return EXIT_CLEAN if failure is None else _fail(failure)
    if args.format == "text" and wants_colour(args.color, sys.stdout):
        text = coloured(text)
    _print(text, json=args.format in _JSON_FORMATS, markup=args.format in _MARKUP_FORMATS)
    return EXIT_CLEAN


def _output_over_input(output: str, paths: Sequence[str], files: Sequence[Path], config: Path | None) -> str | None:
    """Why `output` must not be written (a file this run reads, or would read as a fact file), else None."""
    from factlint._loading import FACT_FILE_SUFFIXES
    from factlint._output_files import OutputRefused, refuse_input_as_output

    # A named file brings the other fact files of its folder, so its folder is collected as well.
    folders = [Path(path) for path in paths if Path(path).is_dir()] + [file.parent for file in files]
    inputs = [*files, *([config] if config is not None else [])]
    try:
        refuse_input_as_output(Path(output), inputs, collected=dict.fromkeys(folders), suffixes=FACT_FILE_SUFFIXES)
    except OutputRefused as refusal:
        return f"--output-file {refusal}"
    return None


def _write_output(output: str, text: str) -> str | None:
    """Write `text` to the file `output` atomically; the message when that fails, else None."""
    from factlint._output_files import write_atomically

    try:
        write_atomically(Path(output), text)
    except OSError as error:
        return f"{output}: cannot write it: {error.strerror or error}"
    return None


def _report_text(args: argparse.Namespace, report: Report, file_count: int) -> str:
    from factlint._output import format_report, format_statistics, summary_line

    if args.statistics and args.format == "json":
        return format_statistics(report, "json")
    summary = summary_line(report, file_count) + "\n"
    if args.statistics:
        return format_statistics(report) + ("" if args.quiet else summary)
    text = format_report(report, args.format, concise=args.concise, file_count=file_count)
    if args.quiet and args.format == "text":
        body = text.removesuffix(summary).rstrip("\n")
        return body + "\n" if body else ""
    return text


# How serious each severity is, for `fail-level`.
_SEVERITY_RANKS = {"info": 0, "warning": 1, "error": 2}


def _exit_code(args: argparse.Namespace, report: Report, plan: _CheckPlan) -> int:
    """2 when a rule failed; else 1 when a finding at or above the fail level remains (unless --exit-zero)."""
    if report.failures:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_CLEAN
    lowest = _SEVERITY_RANKS[plan.configuration.fail_level.value]
    failing = any(_SEVERITY_RANKS[finding.severity.value] >= lowest for finding in report)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _cache(args: argparse.Namespace, settings: Settings) -> Cache | None:
    """The cache of this run, unless --no-cache or FACTLINT_NO_CACHE turns it off."""
    import os

    if args.no_cache or os.environ.get("FACTLINT_NO_CACHE", "") not in ("", "0"):
        return None
    from factlint._cache import CACHE_DIR_NAME, open_cache

    directory = args.cache_dir or os.environ.get("FACTLINT_CACHE_DIR") or CACHE_DIR_NAME
    return open_cache(directory, settings.tolerances, settings.fiscal_year_start)


def _rules(args: argparse.Namespace) -> int:
    rules = list(_known_rules(args))
    if args.format == "json":
        import json

        entries = [
            {
                "code": known.code,
                "name": known.name,
                "family": known.family,
                "severity": known.severity.value,
                "summary": known.summary,
                "origin": known.origin,
            }
            for known in rules
        ]
        from factlint._escaping import escape_json_text

        _print(escape_json_text(json.dumps(entries, indent=2, ensure_ascii=False)) + "\n", json=True)
        return EXIT_CLEAN
    from factlint._escaping import printable

    rows = [
        tuple(printable(cell) for cell in (known.code, known.name, known.family, known.severity.value, known.summary))
        for known in rules
    ]
    if rows:
        widths = [max(len(row[column]) for row in rows) for column in range(4)]
        for row in rows:
            cells = [cell.ljust(width) for cell, width in zip(row, widths)]
            _print("  ".join([*cells, row[4]]) + "\n")
    return EXIT_CLEAN


def _explain(args: argparse.Namespace) -> int:
    from factlint import _pages

    rules = _known_rules(args)
    wanted = args.code.strip()
    found: Rule | None = rules.get(wanted) or next((known for known in rules if known.name == wanted.lower()), None)
    if found is None:
        near = _pages.near_matches(wanted, rules)
        hint = f"; did you mean {', '.join(near)}?" if near else "; `factlint rules` lists them"
        return _fail(f"unknown rule {wanted!r}{hint}")
    text = _pages.page(found) or f"# {found.code} {found.name}\n\n{found.summary}\n"
    from factlint._escaping import printable_lines

    _print(printable_lines(text if text.endswith("\n") else text + "\n"))
    return EXIT_CLEAN


def _extract(args: argparse.Namespace) -> int:
    from factlint._extraction import ExtractionError, extract

    refusal = _draft_over_article(args.output_file, args.path) if args.output_file else None
    if refusal is not None:
        return _fail(refusal)
    try:
        text = sys.stdin.read() if args.path == "-" else Path(args.path).read_text(encoding="utf-8")
    except OSError as error:
        return _fail(f"{args.path}: {error.strerror or error}")
    except UnicodeDecodeError:
        return _fail(f"{args.path}: not UTF-8 text")
    origin = "standard input" if args.path == "-" else Path(args.path).name
    try:
        draft = extract(
            text,
            published=args.published,
            publisher=args.publisher,
            url=args.url,
            id_prefix=args.id_prefix,
            origin=origin,
        )
    except ExtractionError as error:
        return _fail(f"{args.path}: {error}")
    output = draft.to_json() if args.format == "json" else draft.to_toml()
    if args.output_file:
        failure = _write_output(args.output_file, output)
        if failure is not None:
            return _fail(failure)
    else:
        _print(output, json=args.format in _JSON_FORMATS)
    return EXIT_CLEAN


def _draft_over_article(output: str, article: str) -> str | None:
    """Why the draft must not be written to `output` (it is the article read), else None."""
    from factlint._output_files import OutputRefused, refuse_input_as_output

    try:
        refuse_input_as_output(Path(output), [Path(article)] if article != "-" else [])
    except OutputRefused as refusal:
        return f"--output-file {refusal}"
    return None
