"""Shared pytest configuration for factlint's own tests."""

import pytest

pytest_plugins = ["pytester"]


@pytest.fixture(autouse=True)
def _builtin_rules_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The default registry holds the built-in rules alone, whatever plugins are installed.

    These tests pin the built-in rules; a plugin installed in the environment (CI installs
    examples/plugin) would add its findings to theirs. tests/test_plugins.py overrides this
    fixture, since installed plugins are its subject.
    """
    import factlint.rules  # noqa: F401  (registers the built-in rules)
    from factlint import plugins
    from factlint.engine import registry

    monkeypatch.setattr(plugins, "_problems", ())  # as if loaded, with nothing installed
    builtin = {code: known for code, known in registry._rules.items() if known.origin == "factlint"}
    monkeypatch.setattr(registry, "_rules", builtin)
