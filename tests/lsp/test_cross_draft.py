"""The language server compares a draft with the other drafts open in the editor: a note that
nearly copies one addressed to someone else gets near-duplicate-notes, as `check` reports it."""

from __future__ import annotations

from pathlib import Path

from tests.lsp._helpers import codes, diagnostics, open_doc
from tests.lsp.conftest import Start

BODY = (
    "Thank you for taking the time to meet with me on Tuesday. I enjoyed learning about how "
    "the analytics team supports product decisions, and I am excited about the chance to "
    "contribute. I look forward to hearing about the next steps."
)


def _eml(to: str) -> str:
    return (
        f"From: Priya <priya@example.com>\nTo: {to}\nSubject: Thank you – Analyst interview\n\n"
        f"Dear colleague,\n\n{BODY}\n\nBest regards,\nPriya\n"
    )


async def test_an_open_copy_to_someone_else_is_reported(start: Start, tmp_path: Path) -> None:
    ws = tmp_path / "notes"
    ws.mkdir()
    client = await start(ws, options={"select": ["near-duplicate-notes"]})
    dana = open_doc(client, ws / "dana.eml", _eml("Dana Lee <dana@acme.com>"))
    first = await diagnostics(client, dana)
    assert "near-duplicate-notes" not in codes(first)  # alone, nothing to compare with
    sam = open_doc(client, ws / "sam.eml", _eml("Sam Ito <sam@acme.com>"))
    second = await diagnostics(client, sam)
    assert codes(second).count("near-duplicate-notes") == 1
    # The same text to the same person is a version, not a copy.
    again = open_doc(client, ws / "sam-v2.eml", _eml("Sam Ito <sam@acme.com>"))
    third = await diagnostics(client, again)
    assert codes(third).count("near-duplicate-notes") == 1  # still one: the note to Dana
