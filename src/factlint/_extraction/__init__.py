"""Drafting a fact file from an article's text: `extract` finds the figures, their times and cue-phrase relations."""

from factlint._extraction.draft import Finder
from factlint._extraction.extractor import ExtractionError, extract
from factlint._extraction.figures import DEFAULT_FINDERS
from factlint._extraction.rendering import Draft

__all__ = ["DEFAULT_FINDERS", "Draft", "ExtractionError", "Finder", "extract"]
