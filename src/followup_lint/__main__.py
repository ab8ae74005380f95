"""`python -m followup_lint` is the same as the `followup-lint` command."""

from followup_lint.cli import main

raise SystemExit(main())
