"""The JSON report of every example folder and of generated claim sets is exactly the recorded one (FACTLINT_UPDATE_GOLDEN=1 rewrites it)."""

from __future__ import annotations

import datetime
import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from _cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("FACTLINT_UPDATE_GOLDEN") == "1"
SUFFIXES = (".facts.toml", ".facts.json", ".facts.csv")

# Each folder holding fact files is one claim set, as the command line checks it; the
# example plugin's folder holds its own tests' data, not an example of factlint's output.
FOLDERS = sorted(
    {
        path.parent.relative_to(ROOT).as_posix()
        for path in EXAMPLES.rglob("*")
        if path.name.endswith(SUFFIXES) and "plugin" not in path.relative_to(EXAMPLES).parts[:1]
    }
)


def _generate_module() -> ModuleType:
    benchmarks = ROOT / "benchmarks"
    if str(benchmarks) not in sys.path:
        sys.path.insert(0, str(benchmarks))
    spec = importlib.util.spec_from_file_location("generate", benchmarks / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _json_report(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    code = main(["check", *argv, "--format", "json", "--no-config"])
    out = capsys.readouterr().out
    assert code in (0, 1), out
    return out


def _compare(name: str, output: str) -> None:
    golden = GOLDEN / f"{name}.json"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(output, encoding="utf-8")
        return
    assert golden.is_file(), f"no recorded output {golden.name}: run with FACTLINT_UPDATE_GOLDEN=1"
    expected = golden.read_text(encoding="utf-8")
    # Compared as parsed JSON first, so that a failure shows the finding that changed.
    assert json.loads(output) == json.loads(expected)
    assert output == expected


def _golden_name(folder: str) -> str:
    return folder.removeprefix("examples/").replace("/", "__")


def test_every_example_folder_is_covered() -> None:
    assert "examples/budget" in FOLDERS
    assert any(folder.startswith("examples/broken/") for folder in FOLDERS)
    assert not any("plugin" in folder for folder in FOLDERS)


@pytest.mark.parametrize("folder", FOLDERS)
def test_example_output_is_unchanged(folder: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    _compare(_golden_name(folder), _json_report([folder], capsys))


def _json_form(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(value)


@pytest.mark.parametrize(("form", "claims"), [("toml", 10_000), ("json", 2_000), ("csv", 2_000)])
def test_generated_claim_set_output_is_unchanged(
    form: str, claims: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    generate = _generate_module()
    # The codes are fixed here, so that a newly registered rule does not change the data.
    spec = generate.generate(claims, seed=2025, codes=list(generate.PLANTABLE), explicit_share=1.0 if form != "csv" else 0.3)
    stem = f"generated-{form}"
    if form == "json":
        target = tmp_path / stem
        target.mkdir()
        document = {"source": spec.sources, "claim": spec.claims, **spec.relations}
        (target / f"{stem}.facts.json").write_text(json.dumps(document, indent=2, default=_json_form), encoding="utf-8")
    else:
        generate.write(spec, stem, form, tmp_path)
    monkeypatch.chdir(tmp_path)
    output = _json_report([stem], capsys)
    assert json.loads(output)["findings"], "the planted contradictions are found"
    _compare(f"generated-{claims // 1000}k-{form}", output)
