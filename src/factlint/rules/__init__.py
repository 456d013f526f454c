"""The built-in rules, one module per family; importing this package registers them all."""

from factlint.rules import arithmetic, files, granularity, rates, ratios, sources, timeline

__all__ = ["arithmetic", "files", "granularity", "rates", "ratios", "sources", "timeline"]
