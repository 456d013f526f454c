"""The .gitignore reader leaves out exactly what git leaves out (checked against `git ls-files`)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from factlint._loading import Exclusions, discover
from factlint._loading.gitignore import IgnoreFiles, translate

FILES = [
    "a.facts.toml",
    "b.facts.toml",
    "keep.facts.toml",
    "doc/a.facts.toml",
    "doc/deep/a.facts.toml",
    "doc/deep/c.facts.toml",
    "build/x.facts.toml",
    "src/build/x.facts.toml",
    "logs/one.facts.toml",
    "logs/keep/two.facts.toml",
    "notes/n1.facts.toml",
    "notes/nx.facts.toml",
    "space .facts.toml",
    "hash#.facts.toml",
    "sub/only-here.facts.toml",
    "sub/inner/only-here.facts.toml",
    "x/y/z/q.facts.toml",
]

GITIGNORE = """\
# comments and blank lines count for nothing

/a.facts.toml
build/
logs/**
!logs/keep/
notes/n[0-9].facts.toml
doc/**/c.facts.toml
space\\ .facts.toml
hash#.facts.toml
x/**/q.facts.toml
b.facts.toml
!b.facts.toml
"""

NESTED = {"sub/.gitignore": "/only-here.facts.toml\n", "doc/.gitignore": "deep/\n!deep/a.facts.toml\n"}


def _tree(root: Path) -> None:
    for name in FILES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("", encoding="utf-8")
    (root / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
    for name, text in NESTED.items():
        (root / name).write_text(text, encoding="utf-8")


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git to compare with")
def test_folder_search_leaves_out_what_git_leaves_out(tmp_path):
    _tree(tmp_path)
    subprocess.run(["git", "init", "--quiet"], cwd=tmp_path, check=True)
    (tmp_path / ".git" / "info").mkdir(exist_ok=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("keep.facts.toml\n", encoding="utf-8")
    listed = subprocess.run(
        ["git", "ls-files", "--others", "--exclude-standard"], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    by_git = sorted(name for name in listed if name.endswith(".facts.toml"))
    found = discover([tmp_path], exclusions=Exclusions(respect_gitignore=True))
    assert sorted(path.relative_to(tmp_path).as_posix() for path in found) == by_git
    assert "logs/one.facts.toml" not in by_git and "b.facts.toml" in by_git  # the case is not vacuous


def test_without_respect_gitignore_everything_is_found(tmp_path):
    _tree(tmp_path)
    assert len(discover([tmp_path])) == len(FILES)


def test_gitignore_files_above_the_searched_folder_apply(tmp_path):
    _tree(tmp_path)
    assert len(discover([tmp_path / "logs"])) == 2
    assert discover([tmp_path / "logs"], exclusions=Exclusions(respect_gitignore=True)) == []


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("*.toml", "a.toml", True),
        ("*.toml", "a/b.toml", False),
        ("a?c", "abc", True),
        ("a?c", "a/c", False),
        ("[!a]b", "cb", True),
        ("[!a]b", "ab", False),
        ("[a-c]x", "bx", True),
        ("**/q", "x/y/q", True),
        ("**/q", "q", True),
        ("a/**", "a/b/c", True),
        ("a/**/b", "a/b", True),
        ("a/**/b", "a/x/y/b", True),
        ("\\*", "*", True),
        ("\\*", "x", False),
        ("[unclosed", "[unclosed", True),
    ],
)
def test_gitignore_globs_translate_as_git_reads_them(pattern, path, matches):
    assert bool(re.fullmatch(translate(pattern), path)) is matches


def test_a_folder_only_pattern_does_not_match_a_file(tmp_path):
    (tmp_path / ".gitignore").write_text("build/\n", encoding="utf-8")
    patterns = IgnoreFiles.above(tmp_path)
    assert patterns.ignores(tmp_path / "build", is_folder=True)
    assert not patterns.ignores(tmp_path / "build", is_folder=False)


_TREE = ["a.t", "b.t", "ab.t", "d/a.t", "d/ab.t", "d/e/b.t", "e/d/a.t", "e/b.t"]
_TOKENS = ["a", "b", "d", "e", "*", "?", "/", "**", ".t", "[ab]", "[!a]", "\\*", "***", "[a-b]", "[]a]", "ab"]


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git to compare with")
def test_any_gitignore_leaves_out_what_git_leaves_out(tmp_path_factory):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    patterns = st.builds(
        lambda negated, tokens, folder: ("!" if negated else "") + "".join(tokens) + ("/" if folder else ""),
        st.booleans(),
        st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=4),
        st.booleans(),
    )

    # Each example starts git; a dozen keep the suite quick (1,500 passed when this was written).
    @settings(max_examples=12, deadline=None, database=None)
    @given(st.lists(patterns, min_size=1, max_size=4))
    def leaves_out_the_same(lines: list[str]) -> None:
        root = tmp_path_factory.mktemp("tree")
        for name in _TREE:
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text("", encoding="utf-8")
        (root / ".gitignore").write_text("\n".join(lines) + "\n", encoding="utf-8")
        subprocess.run(["git", "init", "--quiet"], cwd=root, check=True)
        listed = subprocess.run(
            ["git", "ls-files", "--others", "--exclude-standard"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.splitlines()
        by_git = sorted(name for name in listed if name.endswith(".t"))
        found = []
        for folder, folders, files in os.walk(root):
            here = Path(folder)
            ignore_files = IgnoreFiles.above(here)
            folders[:] = [
                name for name in folders if name != ".git" and not ignore_files.ignores(here / name, is_folder=True)
            ]
            found += [
                (here / name).relative_to(root).as_posix()
                for name in files
                if name.endswith(".t") and not ignore_files.ignores(here / name, is_folder=False)
            ]
        assert sorted(found) == by_git, lines

    leaves_out_the_same()


@pytest.mark.parametrize(
    ("line", "path", "ignored"),
    [
        ("/d**", "d/a.t", True),  # git: a "**" right after a literal start crosses folders
        ("/d**x", "d/x", False),
        ("d//", "d", False),  # one trailing slash is "folders only"; the other is part of the pattern
    ],
)
def test_gitignore_quirks_follow_git(tmp_path, line, path, ignored):
    (tmp_path / ".gitignore").write_text(line + "\n", encoding="utf-8")
    assert IgnoreFiles.above(tmp_path).ignores(tmp_path / path, is_folder=False) is ignored
