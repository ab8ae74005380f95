"""`python -m followup_lint` is the same as the `followup-lint` command."""

from __future__ import annotations

from followup_lint._exit import exit_now


def console() -> None:
    """The `followup-lint` console script: run the command, then exit without teardown."""
    from followup_lint.cli import main

    exit_now(main())


if __name__ == "__main__":
    console()
