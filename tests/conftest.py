"""Shared pytest configuration for factlint's own tests, and the Hypothesis profiles they run under."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

pytest_plugins = ["pytester"]

ON_CI = os.environ.get("HYPOTHESIS_PROFILE") == "ci"

# `HYPOTHESIS_PROFILE=ci` (as .ci/run sets it): no deadline on a shared, noisy runner, and the
# blob to reproduce a failure printed with it.
settings.register_profile("ci", deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# The robustness suites (hostile input through every loader, rule, output format and stream), as
# `@settings(settings.get_profile("robustness"))`: three times the examples on CI.
settings.register_profile(
    "robustness",
    max_examples=300 if ON_CI else 100,
    deadline=None,
    print_blob=ON_CI,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The command line's cache is off in every test (tests/test_cache.py turns it on), and its key is never the user's."""
    monkeypatch.setenv("FACTLINT_NO_CACHE", "1")
    monkeypatch.delenv("FACTLINT_CACHE_DIR", raising=False)
    home: Path = tmp_path_factory.mktemp("xdg-cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
