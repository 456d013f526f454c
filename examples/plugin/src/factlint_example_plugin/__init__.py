"""An example factlint plugin; factlint loads its rules through the `factlint.rules` entry point `XS`."""

__version__ = "0.1.0"
