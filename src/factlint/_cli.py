"""The command line: `factlint check`, `factlint rules`, `factlint explain` and `factlint extract`.

Exit codes: 0 nothing found, 1 findings, 2 a usage or configuration error.
Each command imports what it needs when it runs, so that `factlint --help` starts fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from factlint._rule import Rule, RuleSet

__all__ = ["main", "run"]

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def run() -> None:
    """The `factlint` command and `python -m factlint`: run, then exit with the code."""
    import gc

    # This process builds and checks millions of small objects that form no reference
    # cycles; the cyclic collector's full sweeps over them cost a third of a large run.
    # A command line may change its own process; the library never does.
    gc.disable()
    raise SystemExit(main())


def main(argv: Sequence[str] | None = None, *, rules: RuleSet | None = None) -> int:
    """Run the command line with `argv` (default: sys.argv[1:]) and return the exit code.

    `rules` replaces the installed rules (the built-in ones and every plugin's), for a
    caller that wants a run independent of what else is installed.
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed the help, the version or a usage error
        return EXIT_CLEAN if exit_.code in (0, None) else EXIT_ERROR
    args.rule_set = rules
    command: Callable[[argparse.Namespace], int] = args.run
    try:
        return command(args)
    except BrokenPipeError:  # `factlint check | head`: the reader has gone, so stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line, as in the rest of factlint's messages."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"factlint: error: {message} (see `{self.prog} --help`)\n")


def _parser() -> argparse.ArgumentParser:
    from factlint._output import FORMATS

    parser = _Parser(
        prog="factlint",
        description="Check whether the numbers in a set of claims can all be true at once.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version and exit")
    commands = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND", required=True)

    check = commands.add_parser(
        "check",
        help="check fact files (*.facts.toml, *.facts.json, *.facts.csv)",
        description="Check fact files; folders are searched for *.facts.toml, *.facts.json and *.facts.csv.",
    )
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH", help="fact files or folders (default: .)")
    selection = check.add_argument_group("rule selection (codes or prefixes, comma-separated)")
    selection.add_argument(
        "--select", action="extend", type=_codes, metavar="CODES",
        help="run only these rules; replaces the configured selection",
    )
    selection.add_argument(
        "--extend-select", action="extend", type=_codes, metavar="CODES", help="run these rules as well"
    )
    selection.add_argument("--ignore", action="extend", type=_codes, metavar="CODES", help="do not run these rules")
    output = check.add_argument_group("output")
    output.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    output.add_argument("--concise", action="store_true", help="one line per finding (text format)")
    output.add_argument(
        "--statistics", action="store_true", help="show the number of findings per rule instead (JSON with --format json)"
    )
    output.add_argument("--output-file", metavar="PATH", help="write the output to this file instead of stdout")
    output.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    configuration = check.add_argument_group("configuration").add_mutually_exclusive_group()
    configuration.add_argument(
        "--config", metavar="PATH", help="use this factlint.toml or pyproject.toml instead of searching for one"
    )
    configuration.add_argument("--no-config", action="store_true", help="ignore all configuration files")
    check.set_defaults(run=_check)

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
    extract.add_argument("-o", "--output-file", metavar="FILE", help="write the draft to this file instead of stdout")
    extract.set_defaults(run=_extract)
    return parser


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


def _codes(text: str) -> list[str]:
    return [code.strip().upper() for code in text.split(",") if code.strip()]


def _fail(message: str) -> int:
    print(f"factlint: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def _known_rules(args: argparse.Namespace) -> RuleSet:
    """The built-in and plugin rules; a plugin left out is reported on stderr, as ruff and flake8 do."""
    import warnings

    from factlint._plugin_finder import FactlintPluginWarning, installed_rules

    rules: RuleSet | None = args.rule_set
    if rules is None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FactlintPluginWarning)  # printed below, once per run
            rules = installed_rules()
    for problem in rules.warnings:
        print(f"factlint: warning: {problem}", file=sys.stderr)
    return rules


def _check(args: argparse.Namespace) -> int:
    from factlint._config import ConfigError, load_configuration
    from factlint._engine import lint
    from factlint._findings import Report
    from factlint._loading import discover, load_by_folder
    from factlint._output import format_report, format_statistics, summary_line
    from factlint._settings import layered

    rules = _known_rules(args)
    if args.select == []:
        return _fail("--select: no rule selected: name codes or prefixes such as A,T101, or leave --select out to run every rule")
    for option, codes in (("--select", args.select), ("--extend-select", args.extend_select), ("--ignore", args.ignore)):
        for code in codes or ():
            if not rules.is_known_selector(code):
                return _fail(f"{option}: unknown rule code or prefix {code!r} (`factlint rules` lists them)")
    try:
        files = discover(args.paths)
    except FileNotFoundError as error:
        return _fail(str(error))
    except OSError as error:
        return _fail(f"{error.filename}: {error.strerror}")
    try:
        configuration = load_configuration(args.paths, config=args.config, isolated=args.no_config)
    except ConfigError as error:
        return _fail(str(error))
    settings = layered(
        configuration.settings, select=args.select, extend_select=args.extend_select, ignore=args.ignore
    )
    if not files:
        print(f"factlint: warning: no fact files found in {' '.join(args.paths)}", file=sys.stderr)

    # Absolute paths, so that per-file-ignores (anchored at the configuration's folder) match;
    # the output shows them relative to the working directory again.
    try:
        claim_sets = load_by_folder(
            [path.absolute() for path in files], tolerances=settings.tolerances, fiscal_year_start=settings.fiscal_year_start
        )
    except OSError as error:  # unreadable, or removed while running
        return _fail(f"{error.filename}: {error.strerror}")
    report = Report.combine(lint(claim_set, settings=settings, rules=rules) for _, claim_set in claim_sets)

    if args.statistics and args.format == "json":
        text = format_statistics(report, "json")
    elif args.statistics:
        text = format_statistics(report) + summary_line(report, len(files)) + "\n"
    else:
        text = format_report(report, args.format, concise=args.concise, file_count=len(files))
    if args.output_file:
        from pathlib import Path

        target = Path(args.output_file)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        except OSError as error:
            return _fail(f"{args.output_file}: cannot write it: {error.strerror or error}")
    else:
        sys.stdout.write(text)
    return EXIT_CLEAN if args.exit_zero else report.exit_code


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
        sys.stdout.write(json.dumps(entries, indent=2, ensure_ascii=False) + "\n")
        return EXIT_CLEAN
    rows = [(known.code, known.name, known.family, known.severity.value, known.summary) for known in rules]
    if rows:
        widths = [max(len(row[column]) for row in rows) for column in range(4)]
        for row in rows:
            cells = [cell.ljust(width) for cell, width in zip(row, widths)]
            sys.stdout.write("  ".join([*cells, row[4]]) + "\n")
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
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_CLEAN


def _extract(args: argparse.Namespace) -> int:
    from pathlib import Path

    from factlint._extraction import ExtractionError, extract

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
        try:
            Path(args.output_file).write_text(output, encoding="utf-8")
        except OSError as error:
            return _fail(f"{args.output_file}: cannot write it: {error.strerror or error}")
    else:
        sys.stdout.write(output)
    return EXIT_CLEAN
