"""Settings from the editor and the context file beside the draft, through a real server."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from tests.lsp._helpers import change_doc, codes, diagnostics, mentions, open_doc
from tests.lsp.conftest import Start
from tests.lsp.test_diagnostics import DRAFT


def _swap(params: types.PublishDiagnosticsParams) -> types.Diagnostic:
    return next(d for d in params.diagnostics if d.code == "lsp-test-swap")


async def test_initialization_options_and_configuration_change(
    start: Start, workspace: Path
) -> None:
    (workspace / "interviews").mkdir()
    (workspace / "interviews" / "acme.toml").write_text('company = "Acme"\n', encoding="utf-8")
    client = await start(
        workspace,
        options={
            "select": ["lsp-test-word"],
            "failOn": "info",
            "contextFile": "interviews/acme.toml",
        },
    )
    uri = open_doc(client, workspace / "draft.txt", DRAFT)
    got = await diagnostics(client, uri)
    assert codes(got) == ["lsp-test-word"]
    assert got.diagnostics[0].data == {"rule": "lsp-test-word", "blocking": True}

    # Settings nested under "followup-lint", as VS Code and Neovim send them; they replace
    # the earlier `select`, and a bad value is reported while the rest still apply.
    mark = len(client.published)
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(
            settings={
                "followup-lint": {
                    "select": ["concision", "proofreading"],
                    "ignore": ["lsp-test-word", "no-such-rule"],
                    "failOn": "sometimes",
                }
            }
        )
    )
    after = await diagnostics(client, uri, after=mark)
    assert codes(after) == ["lsp-test-swap"]
    # The context file named in the settings (relative to the workspace) was read.
    assert "(company: Acme)" in after.diagnostics[0].message
    # failOn stayed "info" (the bad value was refused), so a warning still blocks.
    assert after.diagnostics[0].data == {"rule": "lsp-test-swap", "blocking": True}
    messages = [m.message for m in client.messages]
    assert any("'failOn': 'sometimes' is not one of" in m for m in messages)
    assert any("unknown rule or category 'no-such-rule'" in m for m in messages)


async def test_context_file_changes_refresh_the_draft(start: Start, workspace: Path) -> None:
    context = workspace / "followup.toml"
    context.write_text('company = "Acme"\n', encoding="utf-8")
    client = await start(workspace)
    uri = open_doc(client, workspace / "draft.txt", DRAFT)
    assert "(company: Acme)" in _swap(await diagnostics(client, uri)).message
    # By now (after `initialized`) the server has asked to hear about settings files.
    watched = [
        r for r in client.registrations if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    ]
    assert watched, "the server asks to be told when settings files change"

    # Saved by another program: the editor's file watcher tells the server.
    context.write_text('company = "Globex"\n', encoding="utf-8")
    mark = len(client.published)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=context.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    assert "(company: Globex)" in _swap(await diagnostics(client, uri, after=mark)).message

    # Edited in the editor: unsaved changes count at once.
    ctx_uri = open_doc(client, context, 'company = "Globex"\n', language="toml")
    mark = len(client.published)
    change_doc(client, ctx_uri, 'company = "Initech"\n', 2)
    await diagnostics(client, uri, after=mark, where=mentions("(company: Initech)"))

    # A broken context file becomes one diagnostic that names it; nothing else is lost.
    mark = len(client.published)
    change_doc(client, ctx_uri, "company = \n", 3)
    broken = await diagnostics(client, uri, after=mark, where=mentions("not valid TOML"))
    assert codes(broken) == ["context-error"]
    assert "followup.toml: not valid TOML" in broken.diagnostics[0].message
    assert broken.diagnostics[0].range.start == types.Position(0, 0)

    # Saved on disk and the buffer closed: the file on disk counts again.
    context.write_text('company = "Hooli"\n', encoding="utf-8")
    mark = len(client.published)
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=ctx_uri))
    )
    await diagnostics(client, uri, after=mark, where=mentions("(company: Hooli)"))
