"""A Linter built and warmed in the background from the moment the server process starts.

The language server's first diagnostics wait for whatever a Linter loads on first use: the
rules, the web word frequencies (a fifth of a second to import), every message template, and
Harper's dictionary (half a second, in a thread of its own). Starting that before the LSP
libraries are even imported lets it overlap with their import and with the client's handshake.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from followup_lint.linter import Linter

log = logging.getLogger(__name__)


class Preload:
    """A `Linter(Config())`, built and warmed (`Linter.warm_up`) in a daemon thread."""

    def __init__(self) -> None:
        self._done = threading.Event()
        self._linter: Linter | None = None
        self._thread = threading.Thread(target=self._run, name="followup-lint-preload", daemon=True)

    @classmethod
    def start(cls) -> Preload:
        preload = cls()
        preload._thread.start()
        return preload

    def _run(self) -> None:
        try:
            from followup_lint.proofreading.harper_engine import engine

            # First Harper, in a thread of its own: its build releases the GIL, so it runs on
            # the other core while this thread and the server's imports share this one. (The
            # default rules' dialect; a workspace that picks another builds that one.)
            engine().prebuild()
            from followup_lint.config import Config
            from followup_lint.linter import Linter

            linter = Linter(Config())
            self._linter = linter
            self._done.set()  # the server may lint with it now, while the rest warms up
            linter.warm_up()
        except Exception as exc:  # the workspace's own build reports any real problem
            log.info("preload skipped: %s", type(exc).__name__)
        finally:
            self._done.set()

    def result(self, timeout: float | None = None) -> Linter | None:
        """The Linter once built (None if building it failed or timed out); its warm-up may
        still be running (the Linter is safe to use from several threads)."""
        self._done.wait(timeout)
        return self._linter
