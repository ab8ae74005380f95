"""The server keeps working after bad input, and its log never holds the draft's text."""

from __future__ import annotations

import asyncio
import inspect
import json
from pathlib import Path

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from tests.lsp._helpers import codes, diagnostics, open_doc
from tests.lsp.conftest import HERE, Start
from tests.lsp.test_diagnostics import DRAFT

SECRET = "Marguerite-Okonkwo-7731"  # stands for personal data in a draft


async def _send_raw(client: object, body: bytes) -> None:
    writer = client.protocol.writer  # type: ignore[attr-defined]
    res = writer.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    if inspect.isawaitable(res):
        await res


async def test_bad_input_is_survived_and_not_logged(
    start: Start, workspace: Path, tmp_path: Path
) -> None:
    import shutil

    shutil.copytree(HERE / "rules_boom", workspace / "rules_boom")
    (workspace / ".followup-lint.toml").write_text(
        'rule-folders = ["rules", "rules_boom"]\n'
        'select = ["lsp-test-swap", "lsp-test-word", "lsp-test-boom"]\n',
        encoding="utf-8",
    )
    log_file = tmp_path / "server.log"
    client = await start(workspace, args=("--log-level", "debug", "--log-file", str(log_file)))
    draft = DRAFT.replace("Priya\n", f"Priya\n{SECRET}\n")

    # A rule that raises: logged without the draft, every other finding still published.
    uri = open_doc(client, workspace / "draft.txt", draft)
    got = await diagnostics(client, uri)
    assert sorted(codes(got)) == ["lsp-test-swap", "lsp-test-word"]

    # A document that cannot be parsed: one diagnostic at the top saying why.
    binary = open_doc(client, workspace / "binary.eml", f"Subject: x\n\n\x00{SECRET}\x00\n")
    bad = await diagnostics(client, binary)
    assert codes(bad) == ["input-error"]
    assert "binary" in bad.diagnostics[0].message
    assert bad.diagnostics[0].range.start == types.Position(0, 0)

    # A request whose parameters do not fit its method: an error reply, not silence.
    reply: asyncio.Future[object] = asyncio.get_running_loop().create_future()
    client.protocol._request_futures["bad-1"] = reply
    body = {
        "jsonrpc": "2.0",
        "id": "bad-1",
        "method": types.TEXT_DOCUMENT_HOVER,
        "params": {"textDocument": {"uri": uri}, "position": SECRET},
    }
    await _send_raw(client, json.dumps(body).encode())
    with pytest.raises(JsonRpcException) as err:
        await asyncio.wait_for(reply, 10)
    assert err.value.code == -32602
    # A body that is not JSON at all, and a notification with nonsense parameters.
    await _send_raw(client, b"{not json " + SECRET.encode())
    await _send_raw(
        client,
        json.dumps(
            {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"x": SECRET}}
        ).encode(),
    )

    # Still serving: a hover answers and a new draft gets its diagnostics.
    swap = next(d for d in got.diagnostics if d.code == "lsp-test-swap")
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=swap.range.start
        )
    )
    assert hover is not None
    second = open_doc(client, workspace / "second.txt", draft)
    assert sorted(codes(await diagnostics(client, second))) == ["lsp-test-swap", "lsp-test-word"]

    await client.shutdown_session()
    log = log_file.read_text(encoding="utf-8")
    assert "rule lsp-test-boom failed: RuntimeError" in log
    assert "binary.eml: not linted (InputError)" in log
    assert "malformed request answered with an error: textDocument/hover" in log
    assert SECRET not in log
    assert "utilize" not in log and "Okafor" not in log


_HOSTILE_RULE = """\
id: lsp-test-backtrack
category: tone
severity: warning
scope: subject
check:
  kind: existence
  patterns: ["(a+)+$", "(a+)+!$"]
message: "Found {{ match }}."
guidance: [T1]
description: A user's rule whose first pattern backtracks catastrophically on `re`.
examples:
  trigger: ["Subject: aaa!"]
  pass: ["Subject: bbb"]
"""


async def test_catastrophic_user_pattern_does_not_freeze_the_server(
    start: Start, workspace: Path
) -> None:
    # On `re`, the first pattern takes hours on this subject and the server answered nothing
    # again, not even shutdown. User patterns run on RE2: diagnostics, a hover and shutdown
    # come back (the fixture's client gives each a timeout).
    (workspace / "rules_re").mkdir()
    (workspace / "rules_re" / "lsp-test-backtrack.yaml").write_text(_HOSTILE_RULE, "utf-8")
    (workspace / ".followup-lint.toml").write_text(
        'rule-folders = ["rules", "rules_re"]\nselect = ["lsp-test-backtrack"]\n',
        encoding="utf-8",
    )
    client = await start(workspace)
    text = "Subject: " + "a" * 32 + "!\n\nDear Dana,\n\nThank you.\n\nBest,\nPriya\n"
    uri = open_doc(client, workspace / "hostile.txt", text)
    got = await asyncio.wait_for(diagnostics(client, uri), 60)
    assert codes(got) == ["lsp-test-backtrack"]  # the second pattern matches, found by RE2
    hover = await asyncio.wait_for(
        client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                position=got.diagnostics[0].range.start,
            )
        ),
        30,
    )
    assert hover is not None
    await asyncio.wait_for(client.shutdown_session(), 30)
