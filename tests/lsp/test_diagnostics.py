"""Diagnostics from a real server process: on open, on change (debounced), on save; positions
in UTF-16 units; severities, codes and links as LSP clients expect them."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types

from tests.lsp._helpers import (
    change_doc,
    code_actions,
    codes,
    diagnostics,
    open_doc,
    utf16_position,
)
from tests.lsp.conftest import Start

DRAFT = (
    "Subject: Thank you – Data Analyst interview\n\n"
    "Dear Ms. Okafor,\n\n"
    "I would utilize what I learned about the Zorblax pipeline.\n\n"
    "Best regards,\nPriya\n"
)


async def test_diagnostics_on_open_utf16_positions_and_languages(
    start: Start, workspace: Path
) -> None:
    client = await start(workspace)
    uri = open_doc(client, workspace / "draft.txt", DRAFT)
    got = await diagnostics(client, uri)
    assert sorted(codes(got)) == ["lsp-test-swap", "lsp-test-word"]
    by_code = {str(d.code): d for d in got.diagnostics}
    swap = by_code["lsp-test-swap"]
    start_at = DRAFT.index("utilize")
    assert swap.range.start == utf16_position(DRAFT, start_at)
    assert swap.range.end == utf16_position(DRAFT, start_at + len("utilize"))
    assert swap.severity == types.DiagnosticSeverity.Warning
    assert swap.source == "followup-lint"
    assert swap.code_description is not None and "lsp-test-swap" in swap.code_description.href
    assert '"use" rather than "utilize"' in swap.message
    assert by_code["lsp-test-word"].severity == types.DiagnosticSeverity.Information
    assert got.version == 1

    # Positions after emoji and accents: "🙂" is one Python character but two UTF-16 units;
    # "é" and "ü" are one of each.
    text = DRAFT.replace("I would utilize", "Héloïse and Jürgen 🙂🎉 said I would utilize")
    uri = open_doc(client, workspace / "emoji.txt", text)
    got = await diagnostics(client, uri)
    swap = next(d for d in got.diagnostics if d.code == "lsp-test-swap")
    at = text.index("utilize")
    expected = utf16_position(text, at)
    assert swap.range.start == expected
    # Two emoji before it: counting characters instead of UTF-16 units is two columns short.
    line = text[:at].split("\n")[-1]
    assert expected.character == len(line) + 2
    assert swap.range.end.character == expected.character + len("utilize")

    # Other languages are left alone; an .eml is linted whatever its language id.
    py = open_doc(client, workspace / "script.py", "x = 'I would utilize'\n", language="python")
    eml_text = (
        "From: Priya <priya@example.com>\nTo: Ada Okafor <ada@acme.example>\n"
        "Subject: Thank you - Data Analyst interview\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Dear Ms. Okafor,\n\nI would utilize this.\n\nBest regards,\nPriya\n"
    )
    eml = open_doc(client, workspace / "note.eml", eml_text, language="email-raw")
    got = await diagnostics(client, eml)
    swap = next(d for d in got.diagnostics if d.code == "lsp-test-swap")
    assert swap.range.start == utf16_position(eml_text, eml_text.index("utilize"))
    assert not [p for p in client.published if p.uri == py]

    # Quoted-printable: the rules read the decoded body, which is not the file's text.
    raw = (
        "From: Priya <priya@example.com>\nTo: Ada Okafor <ada@acme.example>\n"
        "Subject: Thank you - Data Analyst interview\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        "Dear Ms. Okafor,\n\nH=C3=A9lo=C3=AFse said I would utilize the Zorblax pipeline.\n"
        "I utilize it daily.\n\nBest regards,\nPriya\n"
    )
    enc = open_doc(client, workspace / "encoded.eml", raw, language="plaintext")
    got = await diagnostics(client, enc)
    swaps = [d for d in got.diagnostics if d.code == "lsp-test-swap"]
    word = next(d for d in got.diagnostics if d.code == "lsp-test-word")
    # "Zorblax" occurs once in the file: the finding is put there.
    assert word.range.start == utf16_position(raw, raw.index("Zorblax"))
    # "utilize" occurs twice: the server cannot tell which, so says where in the decoded text.
    assert len(swaps) == 2
    assert all(d.range.start == types.Position(0, 0) for d in swaps)
    assert all(d.message.startswith("(in the decoded message, line ") for d in swaps)
    # Offsets into decoded text are not the file's: no edit is offered for them.
    actions = await code_actions(client, enc, swaps[0])
    assert actions and all(a.edit is None for a in actions)


async def test_change_is_debounced_and_save_relints(start: Start, workspace: Path) -> None:
    client = await start(workspace, options={"debounce": 500})
    path = workspace / "draft.md"
    uri = open_doc(client, path, DRAFT, language="markdown")
    await diagnostics(client, uri, version=1)
    mark = len(client.published)
    # A burst of edits faster than the debounce: only the last one is linted and published.
    for version in range(2, 7):
        change_doc(client, uri, DRAFT.replace("utilize", "utilize " * version), version)
        await asyncio.sleep(0.02)
    final = DRAFT.replace("I would utilize", "I would use")
    change_doc(client, uri, final, 7)
    got = await diagnostics(client, uri, version=7, after=mark)
    assert codes(got) == ["lsp-test-word"]
    await asyncio.sleep(0.7)  # anything else still on its way would have arrived by now
    versions = [p.version for p in client.published[mark:] if p.uri == uri]
    assert versions == [7]

    # Saving lints at once, without waiting for the debounce.
    mark = len(client.published)
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    again = await diagnostics(client, uri, after=mark)
    assert codes(again) == ["lsp-test-word"]


async def test_utf8_positions_when_negotiated(start: Start, workspace: Path) -> None:
    # A client that prefers UTF-8 columns gets them (Neovim 0.10 and Helix can ask for this).
    from pytest_lsp import client_capabilities

    caps = client_capabilities("visual-studio-code")
    caps.general = types.GeneralClientCapabilities(
        position_encodings=[types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16]
    )
    text = DRAFT.replace("I would utilize", "Jürgen 🙂 said I would utilize")
    client = await start(workspace, capabilities=caps)
    uri = open_doc(client, workspace / "draft.txt", text)
    swap = next(
        d for d in (await diagnostics(client, uri)).diagnostics if d.code == "lsp-test-swap"
    )
    line = text.split("\n")[4]
    assert swap.range.start.character == len(line[: line.index("utilize")].encode("utf-8"))
