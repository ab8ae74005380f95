"""The server's log: to stderr (editors show it in their LSP log) or a file, never draft text.

Our own code logs rule ids, error types and file names only. pygls logs whole messages at
debug and info level and the parameters of a request that failed; those can hold the draft, so
its records keep their wording but lose their arguments and exception text.
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

_OURS = "followup_lint"
_PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[sdrifxXeEgGcoa]")


class RedactFilter(logging.Filter):
    """Blank the arguments and exception text of every record not from followup_lint."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == _OURS or record.name.startswith(_OURS + "."):
            return True
        if record.args:
            # Replace each placeholder rather than the arguments: "%d" must not meet a string.
            record.msg = _PLACEHOLDER.sub("<redacted>", str(record.msg))
            record.args = None
        if record.exc_info and record.exc_info[0] is not None:
            record.msg = f"{record.msg} ({record.exc_info[0].__name__})"
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True


def setup_logging(level: str = "warning", log_file: str | None = None) -> logging.Handler:
    handler: logging.Handler
    if log_file:
        handler = logging.FileHandler(Path(log_file), encoding="utf-8")
    else:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(getattr(logging, level.upper(), logging.WARNING))
    # pygls's info and debug records are whole JSON-RPC messages; keep them out even at debug.
    logging.getLogger("pygls").setLevel(max(root.level, logging.WARNING))
    return handler
