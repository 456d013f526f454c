"""The command line as these tests run it: with factlint's built-in rules, whatever plugins are installed."""

from __future__ import annotations

from collections.abc import Sequence

import factlint
from factlint._cli import main as _main


def main(argv: Sequence[str] | None = None) -> int:
    """`factlint ...` in this process, with the built-in rules alone (tests/test_plugins.py tests plugins)."""
    return _main(argv, rules=factlint.builtin_rules())
