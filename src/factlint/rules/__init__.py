"""The built-in rules, one module per family; importing this package registers them all."""

from factlint.rules import arithmetic, files

__all__ = ["arithmetic", "files"]
