"""`python -m factlint`: the command line."""

from factlint.cli import main

raise SystemExit(main())
