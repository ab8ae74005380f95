"""`followup-lint lsp`: the language server on standard input and output."""

from __future__ import annotations

import argparse

EXIT_OK = 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "lsp",
        help="run the language server on stdio (for editors)",
        description="Run the followup-lint language server, speaking LSP over stdin/stdout. "
        "Editors start it themselves; see docs/editors.md.",
    )
    p.add_argument(
        "--log-level",
        choices=("error", "warning", "info", "debug"),
        default="warning",
        help="what the server logs to stderr (never the text of a draft)",
    )
    p.add_argument("--log-file", metavar="FILE", help="log here instead of stderr")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from followup_lint.lsp.logs import setup_logging
    from followup_lint.lsp.preload import Preload

    setup_logging(args.log_level, args.log_file)
    # Build and warm a Linter with the default configuration while the LSP libraries import
    # (a third of a second) and the client handshakes: Harper's dictionary, the web word
    # frequencies and the compiled templates are the process's, whatever the workspace's
    # configuration turns out to be.
    preload = Preload.start()
    from followup_lint.lsp.server import create_server

    create_server(preload).start_io()
    return EXIT_OK
