"""The command line's cache of built fact files: the same output warm or cold, and never trusted when anything it was built from changed."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import pickle
import stat
from pathlib import Path

import pytest
from _cli import main
from _fact_files import SUM_MISMATCH

from factlint import _cache
from factlint._loading import loaders
from factlint._loading.building import FileBuild

SOURCES = '[[source]]\nid = "outlet"\npublished = 2025-06-10\n'
# The total is dated "late May", read in the year its source was published.
CASES = SUM_MISMATCH.replace('value = "20,583"\n', 'value = "20,583"\nsource = "outlet"\nas_of = "late May"\n', 1)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with a folder of two fact files, and the cache on."""
    monkeypatch.delenv("FACTLINT_NO_CACHE")
    monkeypatch.chdir(tmp_path)
    story = tmp_path / "story"
    story.mkdir()
    (story / "sources.facts.toml").write_text(SOURCES, encoding="utf-8")
    (story / "cases.facts.toml").write_text(CASES, encoding="utf-8")
    return story


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files built (not taken from the cache), run by run."""
    names: list[str] = []
    original = loaders.build_file

    def counting(document, *args, **kwargs):  # type: ignore[no-untyped-def]
        names.append(Path(document.path).name)
        return original(document, *args, **kwargs)

    monkeypatch.setattr(loaders, "build_file", counting)
    return names


def check(capsys: pytest.CaptureFixture[str], *options: str) -> dict[str, object]:
    capsys.readouterr()
    code = main(["check", "story", "--format", "json", "--no-config", *options])
    assert code in (0, 1)
    report: dict[str, object] = json.loads(capsys.readouterr().out)
    return report


def entries(directory: Path = Path(".factlint_cache")) -> dict[str, tuple[int, bytes]]:
    return {path.name: (path.stat().st_mtime_ns, path.read_bytes()) for path in (directory / "entries").glob("*.pickle")}


def test_a_warm_run_gives_the_output_of_a_cold_one_and_builds_nothing(folder, capsys, built):
    cold = check(capsys)
    assert sorted(built) == ["cases.facts.toml", "sources.facts.toml"]
    built.clear()
    warm = check(capsys)
    assert built == []
    assert warm == cold == check(capsys, "--no-cache")
    assert [finding["code"] for finding in cold["findings"]] == ["A101"]  # type: ignore[index]


def test_the_cache_folder_is_marked_for_git_and_backup_tools(folder, capsys):
    check(capsys)
    cache = Path(".factlint_cache")
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (cache / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert len(entries()) == 2


def test_a_warm_run_rewrites_no_entry(folder, capsys):
    check(capsys)
    before = entries()
    check(capsys)
    assert entries() == before


def test_an_edit_that_keeps_size_and_modification_time_is_built_again(folder, capsys, built):
    check(capsys)
    cases = folder / "cases.facts.toml"
    times = cases.stat()
    cases.write_text(CASES.replace('value = "20,583"', 'value = "20,538"'), encoding="utf-8")
    os.utime(cases, ns=(times.st_atime_ns, times.st_mtime_ns))
    assert cases.stat().st_size == times.st_size
    built.clear()
    assert check(capsys)["findings"] == []
    assert built == ["cases.facts.toml"]


def test_a_changed_published_date_in_another_file_builds_its_dependants_again(folder, capsys, built, tmp_path):
    check(capsys)
    (folder / "sources.facts.toml").write_text(SOURCES.replace("2025-06-10", "2024-06-10"), encoding="utf-8")
    built.clear()
    claim_sets = loaders.load_by_folder([folder], cache=_cache.open_cache(".factlint_cache", loaders.DEFAULT_TOLERANCES, 10))
    assert sorted(built) == ["cases.facts.toml", "sources.facts.toml"]
    [(_, claim_set)] = claim_sets
    total = next(claim for claim in claim_set.claims if claim.id == "total")
    assert total.as_of is not None and total.as_of.first is not None and total.as_of.first.year == 2024


def test_a_source_without_a_change_to_its_date_leaves_its_dependants_cached(folder, capsys, built):
    check(capsys)
    (folder / "sources.facts.toml").write_text(SOURCES + 'title = "Renamed"\n', encoding="utf-8")
    built.clear()
    check(capsys)
    assert built == ["sources.facts.toml"]


def test_a_changed_configuration_builds_every_file_again(folder, capsys, built):
    check(capsys)
    (folder.parent / "factlint.toml").write_text('[tolerances]\napproximate = "1/2"\n', encoding="utf-8")
    built.clear()
    capsys.readouterr()
    main(["check", "story", "--format", "json"])
    configured = capsys.readouterr().out
    assert sorted(built) == ["cases.facts.toml", "sources.facts.toml"]
    main(["check", "story", "--format", "json", "--no-cache"])
    assert configured == capsys.readouterr().out


def test_an_upgrade_of_factlint_builds_every_file_again(folder, capsys, built, monkeypatch):
    check(capsys)
    monkeypatch.setattr(_cache, "fingerprint", lambda: "another version of factlint")
    built.clear()
    check(capsys)
    assert sorted(built) == ["cases.facts.toml", "sources.facts.toml"]


def test_the_fingerprint_changes_with_factlints_code(tmp_path, monkeypatch):
    before = _cache.fingerprint()
    module = Path(_cache.__file__)
    times = module.stat()
    try:
        os.utime(module, ns=(times.st_atime_ns, times.st_mtime_ns + 1_000_000_000))
        assert _cache.fingerprint() != before
    finally:
        os.utime(module, ns=(times.st_atime_ns, times.st_mtime_ns))
    assert _cache.fingerprint() == before


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),
        lambda data: b"not a cache entry at all",
    ],
    ids=["empty", "truncated", "one-bit-flipped", "garbage"],
)
def test_a_corrupt_entry_is_ignored_and_built_again(folder, capsys, built, damage):
    cold = check(capsys)
    for path in Path(".factlint_cache/entries").glob("*.pickle"):
        path.write_bytes(damage(path.read_bytes()))
    built.clear()
    assert check(capsys) == cold
    assert sorted(built) == ["cases.facts.toml", "sources.facts.toml"]
    built.clear()
    check(capsys)
    assert built == []  # the damaged entries were written again


class _Planted:
    """Unpickling this leaves a file behind: proof that an entry was trusted."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Path.touch, (self.marker,))


@pytest.mark.parametrize("key", [b"", b"a key that is not the user's own, 32+ bytes long"], ids=["unsigned", "forged"])
def test_a_forged_entry_is_never_unpickled(folder, capsys, tmp_path, key):
    cold = check(capsys)
    marker = tmp_path / "unpickled"
    payload = pickle.dumps(_Planted(marker))
    signature = hmac.new(key, payload, hashlib.sha256).digest() if key else b"\0" * 32
    for path in Path(".factlint_cache/entries").glob("*.pickle"):
        path.write_bytes(_cache._FORMAT + signature + payload)
    assert check(capsys) == cold
    assert not marker.exists()


def test_an_entry_signed_with_the_users_key_is_read(folder, capsys):
    # The counterpart of the forged entry: the same framing with the right key is trusted.
    check(capsys)
    cache = _cache.open_cache(".factlint_cache", loaders.DEFAULT_TOLERANCES, 10)
    assert cache is not None
    cases = folder.absolute() / "cases.facts.toml"
    assert isinstance(cache.get(str(cases), cases.read_bytes()), FileBuild)
    assert cache.get(str(cases), cases.read_bytes() + b"\n") is None


def test_the_signing_key_is_the_users_alone(folder, capsys):
    check(capsys)
    key = Path(os.environ["XDG_CACHE_HOME"]) / "factlint" / "cache-key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert len(key.read_bytes()) >= 32


def test_an_unwritable_cache_folder_only_costs_time(folder, capsys, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    report = check(capsys, "--cache-dir", str(blocker / "cache"))
    assert [finding["code"] for finding in report["findings"]] == ["A101"]  # type: ignore[index]
    assert not Path(".factlint_cache").exists()


def test_an_unusable_key_turns_the_cache_off(folder, capsys, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    report = check(capsys)
    assert [finding["code"] for finding in report["findings"]] == ["A101"]  # type: ignore[index]
    assert not Path(".factlint_cache").exists()


def test_cache_dir_and_its_environment_variable_choose_the_folder(folder, capsys, tmp_path, monkeypatch):
    check(capsys, "--cache-dir", "elsewhere")
    assert len(entries(Path("elsewhere"))) == 2
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "from-env"))
    check(capsys)
    assert len(entries(tmp_path / "from-env")) == 2
    assert not Path(".factlint_cache").exists()


def test_no_cache_and_its_environment_variable_write_nothing(folder, capsys, monkeypatch):
    check(capsys, "--no-cache")
    assert not Path(".factlint_cache").exists()
    monkeypatch.setenv("FACTLINT_NO_CACHE", "1")
    check(capsys)
    assert not Path(".factlint_cache").exists()
    monkeypatch.setenv("FACTLINT_NO_CACHE", "0")
    check(capsys)
    assert Path(".factlint_cache").exists()


def test_the_tests_run_without_the_cache_and_with_a_key_of_their_own():
    assert os.environ["FACTLINT_NO_CACHE"] == "1"
    assert Path(os.environ["XDG_CACHE_HOME"]).is_dir()
    assert Path(os.environ["XDG_CACHE_HOME"]) != Path.home() / ".cache"
