"""Robustness of the output: every format of hostile fact files, written to a pipe, a closed pipe, a full device and non-UTF-8 streams, never a traceback, a forged line or a write to an input."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import pytest
from _cli import main
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint._output import FORMATS

# Each example runs every format, so a fifth of the robustness profile's examples (tests/conftest.py) will do.
robustness = settings.get_profile("robustness")
streams_settings = settings(robustness, max_examples=robustness.max_examples // 5)

# Pieces that would forge a line, an annotation or a terminal escape if printed raw, characters
# that no or few encodings can write, and the quoting characters of every input format.
HOSTILE_PIECES = (
    "\n", "\r", "\r\n", "\x1b[2J", "\x1b]8;;https://example.org\x07", "\x1b[31m", "::error file=a.py,line=1::forged",
    "::warning::forged", "::", "%", "%0A", "%25", ",", "=", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c",
    "\x00", "\x7f", "\x9b", "\u202e", "\u2066", "\ud800", "\udcff", "😀", "ü", "€", "\\", '"', "'", "\t", "#", "[", "]",
)
hostile_texts = st.lists(st.sampled_from(HOSTILE_PIECES) | st.text(max_size=3), max_size=6).map("".join)
# A file name: anything but a separator or NUL, at most 200 bytes, not hidden (discovery skips those).
file_stems = hostile_texts.map(lambda text: re.sub("[/\x00]|[\ud800-\udc7f\udd00-\udfff]", "", text)).filter(
    lambda stem: stem != "" and not stem.startswith(".") and len(os.fsencode(stem)) <= 200
)


@st.composite
def hostile_fact_files(draw: st.DrawFn) -> dict[str, object]:
    """Two sources that disagree (C101), a sum that does not add up (A101), a failing check (A104),
    an unreadable id and value (F002): every field that a finding shows holds hostile text."""
    text = hostile_texts
    return {
        "source": [
            {"id": "k", "publisher": draw(text), "published": "2025-06-26", "url": draw(text)},
            {"id": "m", "publisher": draw(text), "published": "2025-06-26"},
        ],
        "claim": [
            {"id": "t", "metric": "cases", "value": "20,358", "source": "k", "quote": draw(text)},
            {"id": "u", "metric": "cases", "value": "20,538", "source": "m", "quote": draw(text)},
            {"id": "p", "metric": "cases", "value": 18159, "source": "k", "dims": {"charge": draw(text)}},
            {"id": "q", "metric": "cases", "value": "2,379", "source": "k", "as_of": draw(text)},
            {"id": draw(text), "metric": draw(text), "value": draw(text)},
        ],
        "sum": [{"total": "t", "parts": ["p", "q"]}],
        "check": [{"expr": "u < p", "name": draw(text), "message": draw(text)}],
    }


def toml_string(text: str) -> str:
    """A TOML basic string; a lone surrogate stays raw, so that the file is not UTF-8 there."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + re.sub("[\x00-\x1f\x7f]", lambda match: f"\\u{ord(match.group()):04x}", escaped) + '"'


def toml_value(value: object) -> str:
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{toml_string(key)} = {toml_value(item)}" for key, item in value.items()) + " }"
    return toml_string(str(value))


def as_toml(document: dict[str, object]) -> str:
    lines = []
    for table, entries in document.items():
        for entry in entries:  # type: ignore[attr-defined]
            lines.append(f"[[{table}]]")
            lines.extend(f"{key} = {toml_value(value)}" for key, value in entry.items())
    return "\n".join(lines) + "\n"


def as_csv(claims: list[dict[str, object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "metric", "value", "source", "quote"])
    for claim in claims:
        writer.writerow([str(claim.get(key, "")) for key in ("id", "metric", "value", "source", "quote")])
    return out.getvalue()


def write_fact_files(folder: Path, document: dict[str, object], stem: str, layout: str) -> None:
    """The document as one JSON or TOML file, or as TOML with its claims in a CSV table beside it."""
    if layout == "json":
        files = {f"{stem}.facts.json": json.dumps(document)}  # a lone surrogate as the escape \ud800
    elif layout == "toml":
        files = {f"{stem}.facts.toml": as_toml(document)}
    else:
        rest = {table: entries for table, entries in document.items() if table != "claim"}
        files = {f"{stem}.facts.csv": as_csv(document["claim"]), "rest.facts.toml": as_toml(rest)}  # type: ignore[arg-type]
    for name, text in files.items():
        (folder / name).write_bytes(text.encode("utf-8", "surrogatepass"))


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {path.name: (path.read_bytes(), path.stat().st_mtime_ns) for path in folder.iterdir()}


# -- the streams ---------------------------------------------------------------------------


@contextlib.contextmanager
def pipe(encoding: str, *, read: bool = True) -> Iterator[tuple[TextIO, list[bytes]]]:
    """A text stream on a pipe, as when factlint's output is piped to another program.

    `read=False`: the reader has gone before anything is written (`factlint check | true`).
    """
    reading, writing = os.pipe()
    received: list[bytes] = []
    if read:

        def drain() -> None:
            while chunk := os.read(reading, 65536):
                received.append(chunk)

        reader = threading.Thread(target=drain)
        reader.start()
    else:
        os.close(reading)
    stream = open(writing, "w", encoding=encoding)  # noqa: SIM115 - closed below, whatever main did to it
    try:
        yield stream, received
    finally:
        with contextlib.suppress(OSError):
            stream.close()
        if read:
            reader.join()
            os.close(reading)


@contextlib.contextmanager
def full_device() -> Iterator[tuple[TextIO, list[bytes]]]:
    """A text stream on /dev/full, as on a full disk: every flush fails."""
    stream = open("/dev/full", "w", encoding="utf-8")  # noqa: SIM115 - closed below
    try:
        yield stream, []
    finally:
        with contextlib.suppress(OSError):
            stream.close()


STREAMS = ["pipe", "pipe-ascii", "pipe-cp1252", "closed-pipe", *(["full"] if os.path.exists("/dev/full") else [])]


def stream_for(kind: str) -> contextlib.AbstractContextManager[tuple[TextIO, list[bytes]]]:
    if kind == "full":
        return full_device()
    if kind == "closed-pipe":
        return pipe("utf-8", read=False)
    return pipe({"pipe": "utf-8", "pipe-ascii": "ascii", "pipe-cp1252": "cp1252"}[kind])


GITHUB_COMMAND = re.compile(r"(error|warning|notice) (file=[^:,]*,line=\d+,col=\d+,)?title=[^:,]*")
# Characters that a terminal, a log viewer or str.splitlines() takes for a line break or an escape.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def assert_no_injection(output: str, format_: str) -> None:
    assert not UNSAFE.search(output), UNSAFE.search(output)
    for line in output.split("\n"):
        if format_ == "github" and line:
            assert GITHUB_COMMAND.fullmatch(line.split("::", 2)[1]), line
        elif format_ != "github":
            assert not line.startswith("::"), line


def run_to(kind: str, argv: list[str]) -> tuple[int, str, bytes]:
    """Run the command line with stdout on a stream of `kind`: (exit code, stderr, the bytes written)."""
    errors = io.StringIO()
    with stream_for(kind) as (stream, received), contextlib.redirect_stdout(stream), contextlib.redirect_stderr(errors):
        code = main(argv)
    return code, errors.getvalue(), b"".join(received)


OUTPUTS = [[format_] for format_ in FORMATS] + [["text", "--concise"], ["text", "--statistics"], ["json", "--statistics"]]


@pytest.mark.parametrize("kind", STREAMS)
@streams_settings
@given(document=hostile_fact_files(), stem=file_stems, layout=st.sampled_from(["json", "toml", "csv"]))
def test_every_format_of_a_hostile_fact_file_to_any_stream_is_safe(kind, document, stem, layout):
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        write_fact_files(folder, document, stem, layout)
        before = snapshot(folder)
        for format_, *options in OUTPUTS:
            code, errors, written = run_to(kind, ["check", name, "--no-config", "--format", format_, *options])
            assert code in (0, 1, 2)
            assert "Traceback" not in errors
            assert all(line.startswith("factlint: ") for line in errors.splitlines()), errors
            if kind == "full":  # unless there was nothing to write (no annotation in the github format)
                assert (code, errors) == (2, "factlint: error: cannot write to standard output: No space left on device\n") or (
                    format_ == "github" and errors == ""
                )
            elif kind == "closed-pipe":
                assert (code, errors) == (2, "") or (format_ == "github" and errors == "")
            else:
                assert (code, errors) in ((0, ""), (1, ""))
                output = written.decode(stream_encoding(kind))  # strict: every character fits the stream
                assert_no_injection(output, format_)
                if format_ in ("json", "sarif"):
                    json.loads(output)
        assert snapshot(folder) == before


def stream_encoding(kind: str) -> str:
    return {"pipe": "utf-8", "pipe-ascii": "ascii", "pipe-cp1252": "cp1252"}[kind]


@streams_settings
@given(document=hostile_fact_files(), stem=file_stems, output=st.sampled_from(["report.txt", "report.facts.json", "x.facts.json"]))
def test_an_output_file_among_hostile_fact_files_never_overwrites_one(document, stem, output):
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        write_fact_files(folder, document, stem, "json")
        (folder / "x.facts.json").write_text('{"claim": []}', encoding="utf-8")
        before = snapshot(folder)
        errors = io.StringIO()
        with contextlib.redirect_stderr(errors):
            code = main(["check", name, "--no-config", "--output-file", str(folder / output)])
        after = snapshot(folder)
        assert {name: after[name] for name in before} == before
        if output == "report.txt":
            assert code in (0, 1) and set(after) == {*before, "report.txt"}
        else:
            assert code == 2 and set(after) == set(before)
            assert errors.getvalue().count("\n") == 1
