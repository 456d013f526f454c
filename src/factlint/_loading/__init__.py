"""Load TOML, JSON and CSV fact files into a ClaimSet, turning every bad input into a located problem."""

from factlint._loading.discovery import FACT_FILE_SUFFIXES, Exclusions, discover
from factlint._loading.loaders import load, load_by_folder, load_text_in_folder, loads

__all__ = ["FACT_FILE_SUFFIXES", "Exclusions", "discover", "load", "load_by_folder", "load_text_in_folder", "loads"]
