"""Shared pytest configuration for factlint's own tests."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The command line's cache is off in every test (tests/test_cache.py turns it on), and its key is never the user's."""
    monkeypatch.setenv("FACTLINT_NO_CACHE", "1")
    monkeypatch.delenv("FACTLINT_CACHE_DIR", raising=False)
    home: Path = tmp_path_factory.mktemp("xdg-cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
