"""The pre-commit hook, run by the real pre-commit: `git commit` with the example configuration, and `try-repo` on this tree."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Not part of the source tree: build products, caches, and the benchmarks' generated data.
_NOT_SOURCE = {".git", ".venv", "__pycache__", ".pytest_cache", ".hypothesis", "build", "dist", ".mypy_cache"}
_GENERATED = {ROOT / "benchmarks" / "data"}

BROKEN = """\
[[claim]]
id = "total"
metric = "refusal-to-fight cases"
value = "20,583"
[[claim]]
id = "awol"
metric = "refusal-to-fight cases"
value = 18159
[[claim]]
id = "other"
metric = "refusal-to-fight cases"
value = 2379
[[sum]]
total = "total"
parts = ["awol", "other"]
"""
CLEAN = BROKEN.replace("20,583", "20,538")

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git, and git is not installed")


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=cwd, check=True, capture_output=True)


def _commit_all(folder: Path) -> None:
    """Make `folder` a git repository with everything in it committed, as pre-commit needs."""
    _git("init", "--quiet", cwd=folder)
    _git("config", "user.email", "tests@factlint.invalid", cwd=folder)
    _git("config", "user.name", "factlint tests", cwd=folder)
    _git("add", "--all", cwd=folder)
    _git("commit", "--quiet", "--message", "snapshot", cwd=folder)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This source tree as it is now, committed to a repository of its own.

    try-repo on the working repository would use its last commit plus changes to tracked
    files only; a snapshot also holds files not committed yet, such as a new hook file.
    """
    snapshot = tmp_path_factory.mktemp("hook-repo") / "factlint"

    def not_source(folder: str, names: list[str]) -> set[str]:
        return {
            name
            for name in names
            if name in _NOT_SOURCE or name.endswith(".egg-info") or Path(folder, name) in _GENERATED
        }

    shutil.copytree(ROOT, snapshot, symlinks=True, ignore=not_source)
    _commit_all(snapshot)
    return snapshot


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pre-commit's cache, shared by this module's tests: the hook's environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def try_repo(hook_repo: Path, pre_commit_home: Path, tmp_path: Path):
    """Run `pre-commit try-repo <snapshot> factlint --all-files` in a fresh repository holding `files`."""

    def run(files: dict[str, str]) -> subprocess.CompletedProcess[str]:
        project = tmp_path / "project"
        project.mkdir()
        for name, text in files.items():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            (project / name).write_text(text, encoding="utf-8")
        _commit_all(project)
        env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home), "PRE_COMMIT_COLOR": "never"}
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "factlint", "--all-files"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )

    return run


# One run of the hooks file covers its cases: pre-commit installs the hook afresh for every
# try-repo, which costs most of a minute.
def test_the_hooks_file_reports_a_contradiction_and_only_it(try_repo):
    parts, _, relation = CLEAN.partition("[[sum]]")
    total, _, rest = parts.partition('[[claim]]\nid = "awol"')
    result = try_repo(
        {
            "broken/cases.facts.toml": BROKEN,
            "clean/cases.facts.toml": CLEAN,
            "notes.toml": "this is not a fact file =",
            # Claims in different files of one folder are checked in one run, so they add up.
            "split/total.facts.toml": total,
            "split/parts.facts.toml": '[[claim]]\nid = "awol"' + rest,
            "split/sum.facts.toml": "[[sum]]" + relation,
        }
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "factlint" in result.stdout and "Failed" in result.stdout
    assert "broken/cases.facts.toml:4:9: A101" in result.stdout
    assert "clean/" not in result.stdout and "split/" not in result.stdout and "notes.toml" not in result.stdout


# -- the example configuration, installed, as a commit runs it --------------------------------

SOURCE = '[[source]]\nid = "paper"\npublished = 2025-06-26\n'
CITING = '[[claim]]\nid = "cited"\nmetric = "cases"\nvalue = 5\nsource = "paper"\n'


@pytest.fixture
def committing(pre_commit_home: Path, tmp_path: Path):
    """A repository using examples/.pre-commit-config.yaml, installed, with a story's files committed.

    Returns `commit(change)`: apply `change` to the repository, stage everything, and run
    `git commit` (which runs the hook); the completed process is returned.
    """
    project = tmp_path / "project"
    (project / "story").mkdir(parents=True)
    shutil.copy(ROOT / "examples" / ".pre-commit-config.yaml", project / ".pre-commit-config.yaml")
    (project / "story" / "sources.facts.toml").write_text(SOURCE, encoding="utf-8")
    (project / "story" / "claims.facts.toml").write_text(CITING, encoding="utf-8")
    (project / "story" / "cases.facts.toml").write_text(CLEAN, encoding="utf-8")
    # `language: system` runs the factlint installed next to this Python.
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home), "PRE_COMMIT_COLOR": "never", "PATH": path}
    _commit_all(project)
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=project, env=env, check=True, capture_output=True)

    def commit(change) -> subprocess.CompletedProcess[str]:
        change(project)
        _git("add", "--all", cwd=project)
        return subprocess.run(
            ["git", "-c", "commit.gpgsign=false", "commit", "--message", "change"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )

    return commit


def test_a_commit_adding_a_contradiction_is_blocked(committing):
    result = committing(lambda project: (project / "story" / "cases.facts.toml").write_text(BROKEN, encoding="utf-8"))
    assert result.returncode != 0, result.stdout + result.stderr
    assert "story/cases.facts.toml:4:9: A101" in result.stderr  # git shows a hook's output on stderr


def test_a_commit_deleting_the_folders_source_file_is_blocked(committing):
    result = committing(lambda project: (project / "story" / "sources.facts.toml").unlink())
    assert result.returncode != 0, result.stdout + result.stderr
    assert "story/claims.facts.toml:5:10: F003" in result.stderr


def test_a_commit_renaming_the_source_file_out_of_its_folder_is_blocked(committing):
    def move(project: Path) -> None:
        (project / "elsewhere").mkdir()
        (project / "story" / "sources.facts.toml").rename(project / "elsewhere" / "sources.facts.toml")

    result = committing(move)
    assert result.returncode != 0, result.stdout + result.stderr
    assert "story/claims.facts.toml:5:10: F003" in result.stderr


def test_a_clean_commit_passes(committing):
    result = committing(
        lambda project: (project / "story" / "more.facts.toml").write_text(CITING.replace("cited", "more"), encoding="utf-8")
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "factlint" in result.stderr and "Passed" in result.stderr


def test_a_commit_deleting_a_file_nothing_needs_passes(committing):
    result = committing(lambda project: (project / "story" / "cases.facts.toml").unlink())
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_hooks_file_rechecks_the_folder_of_a_staged_deletion(hook_repo, pre_commit_home, tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "sources.facts.toml").write_text(SOURCE, encoding="utf-8")
    (project / "claims.facts.toml").write_text(CITING, encoding="utf-8")
    _commit_all(project)
    _git("rm", "--quiet", "sources.facts.toml", cwd=project)
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home), "PRE_COMMIT_COLOR": "never"}
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "factlint"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "claims.facts.toml:5:10: F003" in result.stdout
