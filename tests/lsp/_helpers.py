"""What the language-server tests share: opening documents, waiting for diagnostics, applying
edits. Positions are computed here independently of the server (UTF-16 by hand)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

from lsprotocol import types

from tests.lsp.conftest import Client


def utf16_position(text: str, offset: int) -> types.Position:
    """The LSP position of a character offset, counted the slow, obvious way."""
    before = text[:offset].replace("\r\n", "\n").replace("\r", "\n")
    line = before.count("\n")
    col_text = before.rsplit("\n", 1)[-1]
    return types.Position(line=line, character=len(col_text.encode("utf-16-le")) // 2)


def utf16_offset(text: str, pos: types.Position) -> int:
    lines = text.split("\n")
    base = sum(len(line) + 1 for line in lines[: pos.line])
    units = 0
    for i, ch in enumerate(lines[pos.line] if pos.line < len(lines) else ""):
        if units >= pos.character:
            return base + i
        units += len(ch.encode("utf-16-le")) // 2
    return base + len(lines[pos.line]) if pos.line < len(lines) else len(text)


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP text edits (from the end backwards, as an editor does)."""
    spans = [
        (utf16_offset(text, e.range.start), utf16_offset(text, e.range.end), e.new_text)
        for e in edits
    ]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def edits_for(edit: types.WorkspaceEdit, uri: str) -> list[types.TextEdit]:
    out: list[types.TextEdit] = []
    if edit.changes:
        out += list(edit.changes.get(uri, []))
    for change in edit.document_changes or []:
        if isinstance(change, types.TextDocumentEdit) and change.text_document.uri == uri:
            out += [e for e in change.edits if isinstance(e, types.TextEdit)]
    return out


def open_doc(
    client: Client, path: Path, text: str, language: str = "plaintext", version: int = 1
) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id=language, version=version, text=text
            )
        )
    )
    return uri


def change_doc(client: Client, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def diagnostics(
    client: Client,
    uri: str,
    *,
    version: int | None = None,
    after: int = 0,
    where: Callable[[types.PublishDiagnosticsParams], bool] | None = None,
    timeout: float = 20.0,
) -> types.PublishDiagnosticsParams:
    """The first publishDiagnostics for `uri` (and `version`, and `where` holds) at index
    >= `after` in the order received."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for p in client.published[after:]:
            if (
                p.uri == uri
                and (version is None or p.version == version)
                and (where is None or where(p))
            ):
                return p
        await asyncio.sleep(0.01)
    raise AssertionError(f"no diagnostics for {uri} (version {version}) within {timeout}s")


def mentions(text: str) -> Callable[[types.PublishDiagnosticsParams], bool]:
    """A `where` for `diagnostics`: some diagnostic's message contains `text`."""
    return lambda p: any(text in d.message for d in p.diagnostics)


def codes(params: types.PublishDiagnosticsParams) -> list[str]:
    return [str(d.code) for d in params.diagnostics]


async def code_actions(
    client: Client, uri: str, diag: types.Diagnostic, only: list[str] | None = None
) -> list[types.CodeAction]:
    got = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diag.range,
            context=types.CodeActionContext(diagnostics=[diag], only=only),
        )
    )
    return [a for a in got or [] if isinstance(a, types.CodeAction)]
