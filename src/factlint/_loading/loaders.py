"""The loader's entry points: read fact files (or one file's text), parse each by its format, build one ClaimSet."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from factlint._codes import INVALID_FILE
from factlint._loading.building import FileBuild, build, build_file, combine, sources_of
from factlint._loading.csv_tables import parse_csv
from factlint._loading.discovery import (
    FACT_FILE_SUFFIXES,
    NO_EXCLUSIONS,
    Exclusions,
    StrPath,
    context_files,
    discover,
    fact_files_by_folder,
    is_a_folder,
)
from factlint._loading.documents import Document, parse_json, parse_toml
from factlint._model import ClaimSet, Location, Problem
from factlint._patterns import lazy_pattern
from factlint._quantities import DEFAULT_TOLERANCES, Tolerances

if TYPE_CHECKING:
    from factlint._cache import Cache

__all__ = ["load", "load_by_folder", "load_text_in_folder", "loads"]


def load(
    paths: StrPath | Iterable[StrPath], *, tolerances: Tolerances = DEFAULT_TOLERANCES, fiscal_year_start: int = 10
) -> ClaimSet:
    """Load fact files (and the fact files under folders) into one ClaimSet.

    Ids are shared across the files of one call, so sources may live in one file and
    claims in another. Bad input never raises: it becomes a problem with its location.
    `fiscal_year_start` is the month in which a fiscal year such as "FY2023" starts.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    documents = [_read_file(path) for path in discover(paths)]
    return build(documents, tolerances, fiscal_year_start)


def load_text_in_folder(
    text: str,
    path: StrPath,
    *,
    tolerances: Tolerances = DEFAULT_TOLERANCES,
    fiscal_year_start: int = 10,
    exclusions: Exclusions = NO_EXCLUSIONS,
) -> ClaimSet:
    """One fact file's text read as the file at `path`, with the other fact files of its folder as context.

    For text that is not (or not yet) on disk: standard input, an editor's unsaved buffer.
    Its format is `path`'s suffix (TOML unless .facts.json or .facts.csv); the file at
    `path`, if there is one, is not read.
    """
    path = Path(path)
    documents = [_read_file(other) for other in context_files(path, exclusions=exclusions)]
    documents.append(_parse(text, str(path)))
    return build(documents, tolerances, fiscal_year_start)


def _read_file(path: Path) -> Document:
    """A fact file's document; one that cannot be read (or a folder that cannot be listed) is an F001 at its path."""
    if is_a_folder(path):
        try:
            with os.scandir(path):
                reason = "it could not be listed when it was searched"
        except OSError as error:
            reason = error.strerror or str(error)
        return Document.unreadable(str(path), f"cannot list this folder, so its fact files are not checked: {reason}")
    try:
        content = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        if is_a_folder(path.parent) and path.is_symlink() and not path.exists():
            reason = f"it is a symbolic link to {os.readlink(path)}, which does not exist"
        return Document.unreadable(str(path), f"cannot read this file: {reason}")
    return _read(content, str(path))


def _content(path: Path) -> bytes | None:
    """A fact file's bytes, or None when it cannot be read (then `_read_file` reports it)."""
    if is_a_folder(path):
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


# Where JSON (as parse_json reads it) and CSV end a line: at LF, CR or CRLF; TOML ends one at LF.
_LINE_END = lazy_pattern(r"\r\n|\r|\n")


def _not_utf8(data: bytes, path: str, error: UnicodeDecodeError) -> Document:
    """A file with bytes that are not UTF-8: the first is reported where it is, and the rest of the file is still checked.

    Each such byte is read as U+FFFD, the replacement character, so that a stray Latin-1 or
    Windows-1252 letter in a quote costs one finding, not the file.
    """
    before = data[: error.start].decode("utf-8-sig")
    if path.endswith((".json", ".csv")):
        line_ends = [match.end() for match in _LINE_END.finditer(before)]
        line, line_start = len(line_ends) + 1, line_ends[-1] if line_ends else 0
    else:
        line, line_start = before.count("\n") + 1, before.rfind("\n") + 1
    column = len(before) - line_start + 1
    if path.endswith(".csv"):
        # A CSV location's column counts fields: the byte is in the last field begun on its line.
        try:
            column = max(1, len(next(csv.reader([before[line_start:]]), [])))
        except csv.Error:  # a NUL, before Python 3.11
            column = 1
    bad = data[error.start : error.end]
    problem = Problem(
        INVALID_FILE.code,
        f"not UTF-8 text: the byte{'s' if len(bad) > 1 else ''} {bad.hex(' ').upper()} cannot be read as UTF-8 "
        "(was the file saved in another encoding, such as Windows-1252?); such bytes are read as U+FFFD "
        "and the rest of the file is checked",
        Location(path, line, column),
    )
    document = _parse(data.decode("utf-8-sig", errors="replace"), path)
    document.problems.insert(0, problem)
    return document


def load_by_folder(
    paths: StrPath | Iterable[StrPath],
    *,
    tolerances: Tolerances = DEFAULT_TOLERANCES,
    fiscal_year_start: int = 10,
    exclusions: Exclusions = NO_EXCLUSIONS,
    cache: Cache | None = None,
) -> list[tuple[Path, ClaimSet]]:
    """One claim set per folder, as the command line checks them.

    The fact files of one folder share ids (sources in one file, claims in another) and
    relations are inferred across them; different folders are independent, so unrelated
    stories in one repository never collide. A file named on its own brings the other
    fact files of its folder, whose sources and claims it may use; `exclusions` say
    which files a folder search (and a named file's context) leaves out. With a `cache`, a
    file built before, unchanged and reading unchanged `published` dates, is not built again.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    return [
        (
            folder,
            load(files, tolerances=tolerances, fiscal_year_start=fiscal_year_start)
            if cache is None
            else _load_cached(files, tolerances, fiscal_year_start, cache),
        )
        for folder, files in fact_files_by_folder(paths, exclusions=exclusions).items()
    ]


def _load_cached(files: Iterable[Path], tolerances: Tolerances, fiscal_year_start: int, cache: Cache) -> ClaimSet:
    """`load`, taking from the cache each file whose build it holds, and keeping there the files it builds."""
    paths = list(discover(files))
    contents = [_content(path) for path in paths]
    builds: list[FileBuild | None] = [
        None if content is None else cache.get(str(path), content) for path, content in zip(paths, contents)
    ]
    documents: dict[int, Document] = {
        index: _read_file(path) if content is None else _read(content, str(path))
        for index, (path, content, found) in enumerate(zip(paths, contents, builds))
        if found is None
    }
    # Every source of the folder first: a claim's dates are read against its source's `published` date.
    sources = {index: sources_of(document, tolerances, fiscal_year_start) for index, document in documents.items()}
    published = {
        source.id: source.published
        for index, found in enumerate(builds)
        for source in (found.sources if found is not None else sources[index])
    }
    for index, found in enumerate(builds):
        # Compared as written out in full: DateRange's equality leaves out how the date was stated.
        content = contents[index]
        if found is not None and content is not None and any(
            repr(published.get(source_id)) != repr(date) for source_id, date in found.published_used.items()
        ):
            documents[index] = _read(content, str(paths[index]))
    built: list[FileBuild] = []
    for index, found in enumerate(builds):
        if found is None or index in documents:
            found = build_file(documents[index], tolerances, fiscal_year_start, published)
            content = contents[index]
            if content is not None:
                cache.put(str(paths[index]), content, found)
        built.append(found)
    return combine(built)


def _read(content: bytes, path: str) -> Document:
    """The document of a fact file's bytes."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return _not_utf8(content, path, error)
    return _parse(text, path)


def loads(
    text: str,
    *,
    path: str = "<string>",
    format: str = "toml",
    tolerances: Tolerances = DEFAULT_TOLERANCES,
    fiscal_year_start: int = 10,
) -> ClaimSet:
    """Load one fact file's text; `format` is "toml" or "json"."""
    if format not in ("toml", "json"):
        raise ValueError(f"format must be 'toml' or 'json', not {format!r}")
    suffix = ".facts.json" if format == "json" else ".facts.toml"
    name = path if path.endswith(FACT_FILE_SUFFIXES) else path + suffix
    document = _parse(text, name)
    # The name with a suffix only chose the parser: problems found while parsing are at `path` too.
    problems = [
        attrs.evolve(problem, location=attrs.evolve(problem.location, path=path))
        if problem.location is not None and problem.location.path == name
        else problem
        for problem in document.problems
    ]
    return build([attrs.evolve(document, path=path, problems=problems)], tolerances, fiscal_year_start)


def _parse(text: str, path: str) -> Document:
    """The document of a fact file's text, read as its name's suffix says."""
    if path.endswith(".json"):
        return parse_json(text, path)
    if path.endswith(".csv"):
        return parse_csv(text, path)
    return parse_toml(text, path)
