"""Ending the command-line process without the interpreter's teardown.

When a `check` has printed its report there is nothing left to do, yet a normal exit spends a
tenth of a second or more freeing every module, rule and word list one object at a time. The
console entry point (`followup_lint.__main__.console`) exits at once instead, once it is safe:
standard output and error flushed, `atexit` handlers run (a local LanguageTool server started
by language-tool-python is stopped there), and no other thread still working. The library and
`cli.main()` itself return normally, so tests and embedding programs see no difference.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading


def exit_now(code: int) -> None:
    """Flush, run the exit handlers, and end the process with `code` (no teardown). Falls back
    to a normal exit when another thread is still running: it may be writing a file."""
    if threading.active_count() > 1:
        raise SystemExit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None and not stream.closed:
                stream.flush()
        except (OSError, ValueError):
            # The reader went away (`| head`) or the stream is gone: what was not written
            # cannot be written now, and a normal exit would fail the same way.
            code = code or 1
    try:
        atexit._run_exitfuncs()
    finally:
        os._exit(code)
