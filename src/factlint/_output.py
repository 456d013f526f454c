"""Write a Report as text for people, JSON for programs, SARIF for code scanning, or GitHub Actions annotations.

`format_report` also reaches the formats of `factlint._formats`: JUnit XML, GitLab Code Quality and HTML.

JSON schema (``--format json``), version 1. Fields are only ever added within a version;
a removed or changed field bumps ``version``::

    {
      "version": 1,
      "findings": [
        {
          "code": "A101",                       # rule code
          "name": "sum-mismatch",               # rule name
          "severity": "error",                  # "error" | "warning" | "info"
          "message": "parts add up to 20,538, but the total says 20,583",
          "location": {"path": "cases.facts.toml", "line": 4, "column": 9},   # or null
          "explanation": ["18,159 + 2,379 = 20,538, but ..."],               # lines, maybe []
          "claims": [                           # the claims involved, maybe []
            {"id": "total",
             "location": {"path": "cases.facts.toml", "line": 1, "column": 1},  # or null
             "quote": "..."}                    # "" when the claim quotes nothing
          ],
          "fix": {                              # or null
            "description": "20,583 may be a typo for 20,538 (two transposed digits) in total",
            "claim": "total",                   # id of the claim to change
            "field": "value",                   # which of its fields
            "replacement": "20,538"             # the text to write there
          }
        }
      ],
      "summary": {
        "findings": 1,                          # number of findings
        "fixable": 1,                           # findings with a fix
        "claims": 3,                            # claims checked
        "files": 1,                             # fact files checked, or null when unknown
        "by_code": {"A101": 1}                  # findings per rule code
      }
    }

Paths are relative to the working directory when the file lies below it (else absolute), with forward slashes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from factlint._escaping import escape_json_text, printable
from factlint._paths import display_path

if TYPE_CHECKING:
    from factlint._findings import ClaimRef, Finding, Report
    from factlint._model import Location
    from factlint._rule import Rule

__all__ = [
    "FORMATS",
    "JSON_SCHEMA_VERSION",
    "display_path",
    "escape_github_data",
    "escape_github_property",
    "finding_to_dict",
    "format_github",
    "format_json",
    "format_report",
    "format_sarif",
    "format_statistics",
    "format_text",
    "summary_line",
]

FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab", "html")
JSON_SCHEMA_VERSION = 1
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/factlint/"


def format_report(report: Report, format: str = "text", *, concise: bool = False, file_count: int | None = None) -> str:
    """The report in one of FORMATS, the text `factlint check --format FORMAT` prints.

    `concise` (text only) gives one line per finding; `file_count` (text, json and html) is
    the number of fact files checked, for the summary.
    """
    formatters: dict[str, Callable[[], str]] = {
        "text": lambda: format_text(report, concise=concise, file_count=file_count),
        "json": lambda: format_json(report, file_count=file_count),
        "sarif": lambda: format_sarif(report),
        "github": lambda: format_github(report),
        "junit": lambda: _format_junit(report),
        "gitlab": lambda: _format_gitlab(report),
        "html": lambda: _format_html(report, summary_line(report, file_count)),
    }
    if format not in formatters:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    return formatters[format]()


# The other formats' modules import XML, hashing and drawing code that a text run, the
# pre-commit hook's, should not pay for at start-up.
def _format_junit(report: Report) -> str:
    from factlint._formats import junit

    return junit.format_junit(report)


def _format_gitlab(report: Report) -> str:
    from factlint._formats import gitlab

    return gitlab.format_gitlab(report)


def _format_html(report: Report, summary: str) -> str:
    from factlint._formats import html

    return html.format_html(report, summary=summary)


def _where(location: Location | None) -> str:
    if location is None:
        return ""
    return f"{display_path(location.path)}:{location.line}:{location.column}"


# -- text -----------------------------------------------------------------------------------


def format_text(report: Report, *, concise: bool = False, file_count: int | None = None) -> str:
    """`path:line:col: CODE message`, then (unless concise) the explanation, claims and fix; then a summary.

    A finding whose severity is below error is tagged after its code: `CODE [warning] message`.
    """
    blocks = [_text_finding(finding, concise=concise) for finding in report]
    separator = "\n" if concise else "\n\n"
    body = separator.join(blocks)
    summary = summary_line(report, file_count)
    return f"{body}{separator}{summary}\n" if body else f"{summary}\n"


def _text_finding(finding: Finding, *, concise: bool) -> str:
    where = _where(finding.location)
    # Errors, the default, go untagged; a finding below error says so after its code.
    tag = "" if finding.severity.value == "error" else f"[{finding.severity.value}] "
    head = f"{where}: {finding.code} {tag}{finding.message}" if where else f"{finding.code} {tag}{finding.message}"
    if concise:
        return printable(head)
    lines = [head]
    lines.extend(f"  {line}" for line in finding.explanation)
    lines.extend(f"  claim {_text_claim(ref)}" for ref in finding.claims)
    if finding.fix is not None:
        lines.append(f"  fix: {finding.fix.description}")
    lines.append(f"  rule: {finding.code} {finding.name} ({finding.severity.value}; `factlint explain {finding.code}`)")
    return "\n".join(printable(line) for line in lines)


def _text_claim(ref: ClaimRef) -> str:
    where = f" ({_where(ref.location)})" if ref.location is not None else ""
    quote_ = f" {json.dumps(ref.quote, ensure_ascii=False)}" if ref.quote else ""
    return f"{ref.id}{where}{quote_}"


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" if count == 1 else f"{count:,} {word}s"


def summary_line(report: Report, file_count: int | None = None) -> str:
    """The last line of the text report: "Found 3 findings in 42 claims in 5 files; …" or "All checks passed: …"."""
    checked = _plural(report.claim_count, "claim")
    if file_count is not None:
        checked += f" in {_plural(file_count, 'file')}"
    if not report.findings:
        return f"All checks passed: {checked}."
    fixable = sum(1 for finding in report if finding.fix is not None)
    corrections = f"; {fixable:,} with a suggested correction" if fixable else ""
    return f"Found {_plural(len(report), 'finding')} in {checked}{corrections}."


def format_statistics(report: Report, format: str = "text") -> str:
    """Findings per code, most frequent first, like `ruff --statistics` (JSON for format "json")."""
    rows = report.statistics()
    fixable = {
        code: sum(1 for finding in report if finding.code == code and finding.fix is not None) for code, _, _ in rows
    }
    if format == "json":
        entries = [
            {"code": code, "name": name, "count": count, "fixable": fixable[code]} for code, name, count in rows
        ]
        return escape_json_text(json.dumps(entries, indent=2, ensure_ascii=False)) + "\n"
    if not rows:
        return ""
    width = max(len(str(count)) for _, _, count in rows)
    code_width = max(len(code) for code, _, _ in rows)
    return "".join(printable(f"{count:>{width}}  {code:<{code_width}}  {name}") + "\n" for code, name, count in rows)


# -- json -----------------------------------------------------------------------------------


def _json_location(location: Location | None) -> dict[str, Any] | None:
    if location is None:
        return None
    return {"path": PurePath(display_path(location.path)).as_posix(), "line": location.line, "column": location.column}


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """One finding in the JSON schema of this module."""
    fix = finding.fix
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.value,
        "message": finding.message,
        "location": _json_location(finding.location),
        "explanation": list(finding.explanation),
        "claims": [{"id": ref.id, "location": _json_location(ref.location), "quote": ref.quote} for ref in finding.claims],
        "fix": None
        if fix is None
        else {"description": fix.description, "claim": fix.claim, "field": fix.field, "replacement": fix.replacement},
    }


def format_json(report: Report, *, file_count: int | None = None) -> str:
    """The report in the JSON schema of this module's docstring."""
    by_code: dict[str, int] = {}
    for finding in report:
        by_code[finding.code] = by_code.get(finding.code, 0) + 1
    document = {
        "version": JSON_SCHEMA_VERSION,
        "findings": [finding_to_dict(finding) for finding in report],
        "summary": {
            "findings": len(report),
            "fixable": sum(1 for finding in report if finding.fix is not None),
            "claims": report.claim_count,
            "files": file_count,
            "by_code": dict(sorted(by_code.items())),
        },
    }
    return escape_json_text(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


# -- sarif ----------------------------------------------------------------------------------

_SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _artifact_uri(path: str) -> str:
    shown = display_path(path)
    try:
        if os.path.isabs(shown):
            return Path(shown).as_uri()
        # A file name that is not UTF-8 was read with surrogate escapes: its URI has its bytes.
        return quote(PurePath(shown).as_posix(), errors="surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that no file name decodes to
        return _artifact_uri(path.encode("utf-8", "backslashreplace").decode("utf-8"))


def _sarif_location(location: Location) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": _artifact_uri(location.path)}
    if not os.path.isabs(display_path(location.path)):
        artifact["uriBaseId"] = "%SRCROOT%"
    return {
        "physicalLocation": {
            "artifactLocation": artifact,
            "region": {"startLine": max(location.line, 1), "startColumn": max(location.column, 1)},
        }
    }


def _sarif_rule(rule: Rule) -> dict[str, Any]:
    from factlint import _pages

    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _pages.describe(rule)},
        "defaultConfiguration": {"level": _SARIF_LEVELS[rule.severity.value]},
        "properties": {"family": rule.family, "origin": rule.origin},
    }
    text = _pages.page(rule)
    if text:
        descriptor["help"] = {"text": text, "markdown": text}
    return descriptor


def _message_lines(finding: Finding) -> list[str]:
    lines = [finding.message, *finding.explanation]
    if finding.fix is not None:
        lines.append(f"fix: {finding.fix.description}")
    return lines


def _sarif_message(finding: Finding) -> str:
    return "\n".join(_message_lines(finding))


def format_sarif(report: Report) -> str:
    """The report as a SARIF 2.1.0 log with one run, for code-scanning tools."""
    from factlint._rule import Rule

    rules: dict[str, Rule] = {rule.code: rule for rule in report.rules}
    for finding in report:
        if finding.code not in rules:
            rules[finding.code] = Rule(code=finding.code, name=finding.name, summary=finding.message)
    ordered = sorted(rules.values(), key=lambda rule: rule.code)
    index = {rule.code: position for position, rule in enumerate(ordered)}

    results = []
    for finding in report:
        result: dict[str, Any] = {
            "ruleId": finding.code,
            "ruleIndex": index[finding.code],
            "level": _SARIF_LEVELS[finding.severity.value],
            "message": {"text": _sarif_message(finding)},
        }
        if finding.location is not None:
            result["locations"] = [_sarif_location(finding.location)]
        related = [
            dict(_sarif_location(ref.location), id=position, message={"text": f"claim {ref.id}" + (f": {ref.quote}" if ref.quote else "")})
            for position, ref in enumerate(finding.claims)
            if ref.location is not None and ref.location != finding.location
        ]
        if related:
            result["relatedLocations"] = related
        if finding.fix is not None:
            fix = finding.fix
            result["properties"] = {
                "fix": {"description": fix.description, "claim": fix.claim, "field": fix.field, "replacement": fix.replacement}
            }
        results.append(result)

    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factlint",
                        "informationUri": INFORMATION_URI,
                        "version": _version(),
                        "rules": [_sarif_rule(rule) for rule in ordered],
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
                "results": results,
            }
        ],
    }
    return escape_json_text(json.dumps(log, indent=2, ensure_ascii=False)) + "\n"


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("factlint")
    except metadata.PackageNotFoundError:
        return "0+unknown"


# -- github ---------------------------------------------------------------------------------

_GITHUB_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_github_data(text: str) -> str:
    """Escape a workflow command's message, as GitHub's toolkit does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_github_property(text: str) -> str:
    """Escape a workflow command's property value (file, title), as GitHub's toolkit does."""
    return escape_github_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(report: Report) -> str:
    """One `::error file=…,line=…,col=…,title=…::message` workflow command per finding."""
    lines = []
    for finding in report:
        properties = []
        if finding.location is not None:
            properties += [
                f"file={escape_github_property(printable(PurePath(display_path(finding.location.path)).as_posix()))}",
                f"line={finding.location.line}",
                f"col={finding.location.column}",
            ]
        properties.append(f"title={escape_github_property(printable(f'{finding.code} {finding.name}'))}")
        command = _GITHUB_COMMANDS[finding.severity.value]
        message = "\n".join(printable(line) for line in _message_lines(finding))
        lines.append(f"::{command} {','.join(properties)}::{escape_github_data(message)}\n")
    return "".join(lines)
