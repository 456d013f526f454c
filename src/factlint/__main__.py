"""`python -m factlint`: the command line."""

from factlint._cli import run

run()
