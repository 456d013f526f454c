""".gitignore files as git reads them: which files and folders a folder search leaves out."""

from __future__ import annotations

import re
from pathlib import Path

import attrs

__all__ = ["IgnoreFiles", "translate"]


@attrs.frozen
class _Pattern:
    base: str  # the folder of the file that states it, absolute, with forward slashes
    regex: re.Pattern[str]  # matched against the path relative to `base`
    negated: bool  # "!pattern": re-include what an earlier pattern ignored
    folders_only: bool  # "pattern/": matches folders only


@attrs.frozen
class IgnoreFiles:
    """The patterns of the .gitignore files that apply below one folder, in the order git applies them."""

    patterns: tuple[_Pattern, ...] = ()

    @classmethod
    def above(cls, folder: Path) -> IgnoreFiles:
        """The patterns that apply in `folder`: those of every folder from its repository's top down to it.

        Outside a git repository, those of all its parent folders (as ruff reads them).
        """
        folder = folder.absolute()
        chain = [folder, *folder.parents]
        top = next((index for index, each in enumerate(chain) if _exists(each / ".git")), None)
        if top is not None:
            chain = chain[: top + 1]
        patterns = cls(_read(chain[-1] / ".git" / "info" / "exclude", chain[-1])) if top is not None else cls()
        for each in reversed(chain):
            patterns = patterns.below(each)
        return patterns

    def below(self, folder: Path) -> IgnoreFiles:
        """These patterns and those of `folder`'s own .gitignore, which win over them."""
        own = _read(folder / ".gitignore", folder)
        return IgnoreFiles(self.patterns + own) if own else self

    def ignores(self, path: Path, *, is_folder: bool) -> bool:
        """Whether git would leave `path` out (its folders having been searched, not left out)."""
        full = path.absolute().as_posix()
        ignored = False
        for pattern in self.patterns:
            if pattern.folders_only and not is_folder:
                continue
            if not full.startswith(pattern.base + "/"):
                continue
            if pattern.regex.fullmatch(full[len(pattern.base) + 1 :]):
                ignored = not pattern.negated
        return ignored


def _exists(path: Path) -> bool:
    """Path.exists(), but False where a folder on the way cannot be searched (exists() raises there)."""
    try:
        return path.exists()
    except OSError:
        return False


def _read(file: Path, folder: Path) -> tuple[_Pattern, ...]:
    try:
        text = file.read_text(encoding="utf-8", errors="replace")
    except OSError:  # none there, or unreadable: git skips it too
        return ()
    base = folder.absolute().as_posix().rstrip("/")
    return tuple(pattern for line in text.splitlines() if (pattern := _parse(line, base)) is not None)


def _parse(line: str, base: str) -> _Pattern | None:
    if not line or line.startswith("#"):
        return None
    # Trailing spaces are dropped unless escaped with a backslash.
    stripped = line.rstrip(" ")
    if stripped.endswith("\\") and len(stripped) < len(line):
        stripped += " "
    negated = stripped.startswith("!")
    if negated:
        stripped = stripped[1:]
    folders_only = stripped.endswith("/")
    stripped = stripped.removesuffix("/")  # one slash only, as git reads "a//"
    if not stripped:
        return None
    # A slash at the start or in the middle anchors the pattern at the .gitignore's folder;
    # otherwise it matches a name at any depth.
    anchored = "/" in stripped
    body = translate(stripped.removeprefix("/"), anchored=anchored)
    regex = body if anchored else f"(?:.*/)?{body}"
    return _Pattern(base, re.compile(regex, re.DOTALL), negated, folders_only)


def translate(pattern: str, *, anchored: bool = True) -> str:
    """A regular expression for one gitignore glob (`*`, `?`, `[...]`, `**`, backslash escapes).

    `anchored` patterns are matched against a whole relative path, others against a name.
    """
    out: list[str] = []
    index, size = 0, len(pattern)
    literal = True  # nothing but literal characters so far
    while index < size:
        char = pattern[index]
        at_segment_start = index == 0 or pattern[index - 1] == "/"
        if char in "*?[\\" and not pattern.startswith("**", index):
            literal = False
        stars_end = index + len(pattern[index:]) - len(pattern[index:].lstrip("*"))
        if (
            anchored
            and literal
            and not at_segment_start
            and stars_end - index >= 2
            and (stars_end == size or pattern[stars_end] == "/")
        ):
            # git compares a pattern's literal start as a plain prefix and matches the rest on its
            # own, so a "**" right after it ("/d**") crosses folders, as it would at a segment start.
            literal = False
            out.append(".*")
            index = stars_end
        elif pattern.startswith("**", index) and at_segment_start and (index + 2 == size or pattern[index + 2] == "/"):
            literal = False
            if index + 2 == size:  # "a/**": everything inside a
                out.append(".*")
                index += 2
            else:  # "**/b" or "a/**/b": zero or more folders
                out.append("(?:.*/)?")
                index += 3
        elif char == "*":
            out.append("[^/]*")
            index += 1
        elif char == "?":
            out.append("[^/]")
            index += 1
        elif char == "[":
            end, regex = _bracket(pattern, index)
            out.append(regex)
            index = end
        elif char == "\\" and index + 1 < size:
            out.append(re.escape(pattern[index + 1]))
            index += 2
        else:
            out.append(re.escape(char))
            index += 1
    return "".join(out)


def _bracket(pattern: str, start: int) -> tuple[int, str]:
    """The end of a `[...]` class starting at `start`, and its regex; an unclosed `[` is literal."""
    index = start + 1
    negate = index < len(pattern) and pattern[index] in "!^"
    if negate:
        index += 1
    members: list[str] = []
    while index < len(pattern) and (pattern[index] != "]" or not members):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            members.append(re.escape(pattern[index + 1]))
            index += 2
        elif char == "-" and members and index + 1 < len(pattern) and pattern[index + 1] != "]":
            members.append("-")  # a range such as a-z
            index += 1
        else:
            members.append(re.escape(char))
            index += 1
    if index >= len(pattern):
        return start + 1, re.escape("[")
    klass = "".join(members)
    # A negated class never matches the folder separator, as in git.
    return index + 1, f"[^/{klass}]" if negate else f"[{klass}]"
