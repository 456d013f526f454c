"""Shared pytest configuration for factlint's own tests."""

pytest_plugins = ["pytester"]
