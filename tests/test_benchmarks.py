"""The benchmark's generator plants contradictions that factlint finds, all of them and nothing else (no timing here)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _module(name: str) -> ModuleType:
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


generate = _module("generate")
run = _module("run")


@pytest.mark.parametrize("form", ["toml", "csv"])
def test_exactly_the_planted_contradictions_are_found(tmp_path: Path, form: str) -> None:
    spec = generate.generate(200, seed=7, explicit_share=1.0 if form == "toml" else 0.3)
    files = generate.write(spec, "tiny", form, tmp_path)
    planted = run.planted_of("tiny", tmp_path)
    assert {plant["code"] for plant in planted} == set(generate.registered_codes())

    missed, unexpected = run.verify(run.check(files), planted)

    assert missed == []
    assert unexpected == []


def test_the_generator_is_deterministic(tmp_path: Path) -> None:
    first = generate.generate(300, seed=11)
    second = generate.generate(300, seed=11)
    assert first.claims == second.claims
    assert first.planted == second.planted


def test_verify_reports_a_missed_plant_and_an_unexpected_finding() -> None:
    planted = [{"code": "A101", "claims": ["parts_1", "total_1"]}]
    missed, unexpected = run.verify([("A102", ["parts_1", "total_1"], "x:1:1")], planted)
    assert missed == planted
    assert unexpected == [("A102", ["parts_1", "total_1"], "x:1:1")]
