"""TOML parsing: tomli, whose compiled wheel parses about three times faster than the standard library's tomllib.

tomllib is the same parser, pure Python, taken into the standard library from tomli: it is
only the fallback for an environment without tomli, and gives the same errors.
"""

from __future__ import annotations

import importlib

try:
    import tomli as _parser
except ImportError:  # pragma: no cover - tomli is a dependency on every Python
    _parser = importlib.import_module("tomllib")

__all__ = ["PARSER", "TOMLDecodeError", "loads"]

# The name of the module that parses: "tomli", or "tomllib" in the fallback.
PARSER: str = _parser.__name__
TOMLDecodeError = _parser.TOMLDecodeError
loads = _parser.loads
