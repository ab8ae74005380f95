"""The followup-lint language server: diagnostics, quick fixes and explanations in editors.

Start it with `followup-lint lsp`; `create_server()` builds one for embedding or tests. The
server module (and pygls) is imported only when asked for, so the CLI's other commands do not
pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from followup_lint.lsp.preload import Preload
    from followup_lint.lsp.server import FollowupLintServer


def create_server(preload: Preload | None = None) -> FollowupLintServer:
    from followup_lint.lsp.server import create_server as create

    return create(preload)


__all__ = ["create_server"]
