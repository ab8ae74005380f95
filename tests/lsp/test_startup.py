"""The language server builds its Linter when the client initializes, before any draft opens."""

from __future__ import annotations

from lsprotocol import types

from followup_lint.lsp.server import create_server


def test_initialize_builds_the_linter_in_the_background() -> None:
    server = create_server()
    assert not server._linters
    server.on_initialize(types.InitializeParams(capabilities=types.ClientCapabilities()))
    # The warm-up was queued on the one worker at initialize; anything queued after it (the
    # first didOpen's lint) runs once it is done.
    server._executor.submit(lambda: None).result(timeout=120)
    assert len(server._linters) == 1
    server._executor.shutdown()
