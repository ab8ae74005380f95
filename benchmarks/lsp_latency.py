"""Latency of the language server: from a `textDocument/didChange` to its diagnostics.

Starts `followup-lint lsp` as a real process, opens a ~300-word thank-you note, then makes 50
edits one after another, timing each from sending the change to receiving the
`textDocument/publishDiagnostics` for that document version. It runs twice: with the default
debounce (150 ms, the pause the server waits for more typing) and with the debounce set to 0,
which leaves the cost of linting plus JSON-RPC. For reference it also times `Linter.lint` on
the same text in this process.

    python benchmarks/lsp_latency.py [--edits 50] [--rules default|all]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

# Our own sample: a thank-you note of about 300 words, with a few things to flag.
DRAFT = """Subject: Thank you - Senior Data Analyst interview

Dear Ms. Okafor,

Thank you for taking the time to meet with me on Tuesday to talk about the Senior Data Analyst
role at Northwind Traders. I really enjoyed hearing how your team moved the weekly sales
reporting from spreadsheets to a shared dashboard, and how that change freed the analysts to
spend more of their week on forecasting instead of copying numbers between files.

Our conversation about the regional demand model stayed with me afterwards. In my current job
at Contoso I rebuilt a similar model for our logistics group, and in order to make it useful
for planners who did not read code, I wrote a short guide and ran two training sessions. The
forecasts were adopted by four regional offices within one quarter, and the planners now catch
stock shortages about two weeks earlier than they did before the project started.

You mentioned that the team is looking for someone who can explain results to people outside
the analytics group. That is the part of the work I enjoy most, and I would be glad to bring
the same approach to Northwind. I am also keen to learn more about the pricing experiments you
described, since I have only worked with them from the reporting side so far.

I just wanted to say again that I am very interested in the position and in working with you
and the rest of the team. If there is anything else I can send, such as examples of reports or
the training guide, please let me know and I will get it to you the same day.

Thank you again for your time and for the thoughtful questions.

Best regards,
Priya Natarajan
+1 415 555 0134
priya.natarajan@example.com
"""


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


#: How long after the first didOpen the benchmark listens for a second publication of the same
#: version (the server publishes at once without the rules whose engine is still starting, and
#: again when it has started).
SETTLE_S = 2.5


async def _measure(
    edits: int,
    debounce_ms: int | None,
    select: list[str] | None,
    first: list[float] | None = None,
    start: dict[str, list[float]] | None = None,
) -> list[float]:
    """The didChange -> diagnostics latencies; `first` receives the time from the first didOpen
    (sent right after initialize/initialized, as an editor does) to its diagnostics, and
    `start` the times from launching the process: to the answer to initialize, to the first
    diagnostics, and from the first didOpen to its last publication (every rule's findings)."""
    client = LanguageClient("followup-lint-bench", "1")
    arrived: dict[int, float] = {}
    last: dict[int, float] = {}
    waiters: dict[int, asyncio.Future[None]] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def _diagnostics(params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            arrived.setdefault(params.version, time.perf_counter())
            last[params.version] = time.perf_counter()
            fut = waiters.get(params.version)
            if fut is not None and not fut.done():
                fut.set_result(None)

    options: dict[str, object] = {}
    if debounce_ms is not None:
        options["debounce"] = debounce_ms
    if select is not None:
        options["select"] = select
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        draft = root / "draft.txt"
        draft.write_text(DRAFT, encoding="utf-8")
        launched = time.perf_counter()
        await client.start_io(sys.executable, "-m", "followup_lint", "lsp")
        await client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(),
                root_uri=root.as_uri(),
                initialization_options=options,
            )
        )
        answered = time.perf_counter()
        client.initialized(types.InitializedParams())
        uri = draft.as_uri()
        loop = asyncio.get_running_loop()
        waiters[1] = loop.create_future()
        opened = time.perf_counter()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id="plaintext", version=1, text=DRAFT
                )
            )
        )
        await asyncio.wait_for(waiters[1], 60)
        if first is not None:
            first.append((arrived[1] - opened) * 1000)
        if start is not None:
            await asyncio.sleep(max(0.0, opened + SETTLE_S - time.perf_counter()))
            start.setdefault("init", []).append((answered - launched) * 1000)
            start.setdefault("first", []).append((arrived[1] - launched) * 1000)
            start.setdefault("complete", []).append((last[1] - opened) * 1000)
        latencies: list[float] = []
        for i in range(edits):
            version = i + 2
            # Type one word into the second paragraph (and take it out again next time).
            text = DRAFT.replace(
                "I really enjoyed", "I really, truly enjoyed" if i % 2 else "I enjoyed"
            )
            waiters[version] = loop.create_future()
            sent = time.perf_counter()
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
                )
            )
            await asyncio.wait_for(waiters[version], 30)
            latencies.append((arrived[version] - sent) * 1000)
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
    return latencies


def _lint_only(runs: int, select: list[str] | None) -> list[float]:
    from followup_lint import Config, Linter

    linter = Linter(Config(select=tuple(select)) if select else Config())
    linter.lint(DRAFT)
    times = []
    for i in range(runs):
        text = DRAFT.replace(
            "I really enjoyed", "I really, truly enjoyed" if i % 2 else "I enjoyed"
        )
        t = time.perf_counter()
        linter.lint(text)
        times.append((time.perf_counter() - t) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=50)
    parser.add_argument(
        "--rules", choices=("default", "all"), default="default", help="default rules or ALL"
    )
    parser.add_argument(
        "--starts", type=int, default=5, help="fresh servers timed for the first diagnostics"
    )
    args = parser.parse_args()
    select = ["ALL"] if args.rules == "all" else None
    words = len(DRAFT.split())
    first: list[float] = []
    start: dict[str, list[float]] = {}
    changes = asyncio.run(_measure(args.edits, 0, select, first))
    # More fresh servers for the first-diagnostics figure (each one is a cold start).
    for _ in range(max(1, args.starts - 1)):
        asyncio.run(_measure(0, 0, select, first, start))
    rows = [
        ("first didOpen after initialize -> diagnostics, debounce 0", first),
        ("first didOpen -> its last diagnostics (every rule)", start["complete"]),
        ("launch -> initialize answered", start["init"]),
        ("launch -> first diagnostics", start["first"]),
        (
            "didChange -> diagnostics, debounce 150 ms (default)",
            asyncio.run(_measure(args.edits, None, select)),
        ),
        ("didChange -> diagnostics, debounce 0", changes),
        ("Linter.lint in process (no LSP)", _lint_only(args.edits, select)),
    ]
    print(f"followup-lint LSP latency: {words}-word draft, {args.edits} edits, rules: {args.rules}")
    print(f"{'measurement':<55} {'median ms':>10} {'p95 ms':>8} {'min ms':>8} {'max ms':>8}")
    for name, values in rows:
        print(
            f"{name:<55} {statistics.median(values):>10.1f} {_pct(values, 0.95):>8.1f} "
            f"{min(values):>8.1f} {max(values):>8.1f}"
        )


if __name__ == "__main__":
    main()
