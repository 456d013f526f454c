"""`--format gitlab`: a GitLab Code Quality report (a JSON array of Code Climate issues), like ruff's.

Each entry validates against the schema GitLab itself checks entries with (tests/schemas/gitlab-codeclimate.json).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from factlint._paths import display_path

if TYPE_CHECKING:
    from factlint._findings import Finding, Report

__all__ = ["fingerprint", "format_gitlab"]

_SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def _path(finding: Finding) -> str:
    """Relative to the project (`CI_PROJECT_DIR` in a GitLab job, else the working directory), with forward slashes."""
    if finding.location is None:
        return "."
    path = display_path(finding.location.path)
    project = os.environ.get("CI_PROJECT_DIR")
    if project and os.path.isabs(finding.location.path):
        try:
            if os.path.commonpath([finding.location.path, project]) == os.path.normpath(project):
                path = os.path.relpath(finding.location.path, project)
        except ValueError:  # another drive on Windows
            pass
    return PurePath(path).as_posix()


def fingerprint(finding: Finding, path: str, occurrence: int = 0) -> str:
    """A finding's identity across runs: its code, file, message and claims, not its line (which moves with edits)."""
    parts = [finding.code, path, finding.message, *sorted(ref.id for ref in finding.claims), str(occurrence)]
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def format_gitlab(report: Report) -> str:
    """The report as a GitLab Code Quality JSON array; findings alike in every part are told apart by their order."""
    issues: list[dict[str, Any]] = []
    seen: dict[tuple[str, ...], int] = {}
    for finding in report:
        path = _path(finding)
        key = (finding.code, path, finding.message, *sorted(ref.id for ref in finding.claims))
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        issues.append(
            {
                "type": "issue",
                "check_name": finding.code,
                "description": f"{finding.code} {finding.message}",
                "categories": ["Bug Risk"],
                "severity": _SEVERITIES[finding.severity.value],
                "fingerprint": fingerprint(finding, path, occurrence),
                "location": {"path": path, "lines": {"begin": max(finding.location.line, 1) if finding.location else 1}},
            }
        )
    # ASCII JSON: no character from a fact file (a line separator, a bidirectional override, a
    # lone surrogate from an undecodable file name) reaches a CI log or an encoder raw.
    return json.dumps(issues, indent=2, ensure_ascii=True) + "\n"
