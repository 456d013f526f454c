"""`--format junit`: JUnit XML as CI servers read it (one testsuite per file, one failed testcase per finding), like ruff's.

The document validates against the JUnit schema of Jenkins' xUnit plugin (tests/schemas/junit-10.xsd).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import PurePath
from typing import TYPE_CHECKING

from factlint._escaping import printable
from factlint._paths import display_path

if TYPE_CHECKING:
    from factlint._findings import Finding, Report
    from factlint._model import Location

__all__ = ["format_junit", "xml_text"]

# Characters XML 1.0 cannot hold at all, not even as character references, and those a CI log
# should not show raw: C1 controls, line and paragraph separators, bidirectional overrides.
_NOT_XML = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u202a-\u202e\u2066-\u2069]")


def xml_text(text: str) -> str:
    """Text an XML document can hold and a log shows as written: other characters become `\\xNN`/`\\uNNNN` escapes."""
    return _NOT_XML.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


def _where(location: Location | None) -> str:
    return "" if location is None else f"{display_path(location.path)}:{location.line}:{location.column}"


def _failure_text(finding: Finding) -> str:
    """The finding as a CI log shows it: where and what, then the explanation, the claims and any fix."""
    where = _where(finding.location)
    lines = [f"{where}: {finding.code} {finding.message}" if where else f"{finding.code} {finding.message}"]
    lines.extend(f"  {line}" for line in finding.explanation)
    for ref in finding.claims:
        located = f" ({_where(ref.location)})" if ref.location is not None else ""
        quoted = f" {json.dumps(ref.quote, ensure_ascii=False)}" if ref.quote else ""
        lines.append(f"  claim {ref.id}{located}{quoted}")
    if finding.fix is not None:
        lines.append(f"  fix: {finding.fix.description}")
    lines.append(f"  rule: {finding.code} {finding.name} ({finding.severity.value}; `factlint explain {finding.code}`)")
    # Each line is one line of the log: a line break or control character from input is shown as an escape.
    return "\n".join(printable(line) for line in lines)


def _suite_name(finding: Finding) -> str:
    if finding.location is None:
        return "factlint"
    return printable(PurePath(display_path(finding.location.path)).as_posix())


def format_junit(report: Report) -> str:
    """The report as a JUnit XML document; a clean report is one suite with one passing testcase."""
    suites: dict[str, list[Finding]] = {}
    for finding in report:
        suites.setdefault(_suite_name(finding), []).append(finding)
    count = str(len(report))
    root = ElementTree.Element("testsuites", name="factlint", tests=count, failures=count, errors="0")
    if not suites:
        suite = ElementTree.SubElement(root, "testsuite", name="factlint", tests="1", failures="0", errors="0", skipped="0")
        ElementTree.SubElement(suite, "testcase", name="No findings", classname="factlint")
        root.set("tests", "1")
    for name, findings in suites.items():
        size = str(len(findings))
        suite = ElementTree.SubElement(
            root, "testsuite", name=xml_text(name), tests=size, failures=size, errors="0", skipped="0"
        )
        for finding in findings:
            where = f" ({finding.location.line}:{finding.location.column})" if finding.location is not None else ""
            case = ElementTree.SubElement(
                suite, "testcase", name=xml_text(f"{finding.code} {finding.name}{where}"), classname=xml_text(name)
            )
            failure = ElementTree.SubElement(case, "failure", type=finding.code, message=xml_text(printable(finding.message)))
            failure.text = xml_text(_failure_text(finding))
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"
