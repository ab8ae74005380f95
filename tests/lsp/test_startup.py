"""The language server builds its Linter when the client initializes, before any draft opens."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from lsprotocol import types

from followup_lint.lsp.server import create_server
from tests.lsp._helpers import codes, diagnostics, open_doc
from tests.lsp.conftest import Start


def test_initialize_builds_the_linter_in_the_background() -> None:
    server = create_server()
    assert not server._linters
    server.on_initialize(types.InitializeParams(capabilities=types.ClientCapabilities()))
    # The warm-up was queued on the one worker at initialize; anything queued after it (the
    # first didOpen's lint) runs once it is done.
    server._executor.submit(lambda: None).result(timeout=120)
    assert len(server._linters) == 1
    server._executor.shutdown()


HARPER_SLIP = "I has enjoyed every part of the Zorblax demo."


@pytest.mark.asyncio
async def test_other_rules_publish_at_once_and_harper_follows(
    start: Start, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Harper still building when the draft opens: the other rules' findings come first, then
    # the same version again with Harper's.
    monkeypatch.setenv("LSP_TEST_HARPER_DELAY", "3")
    (workspace / ".followup-lint.toml").write_text(
        'rule-folders = ["rules"]\nselect = ["lsp-test-word", "harper"]\n', encoding="utf-8"
    )
    client = await start(workspace)
    text = f"Subject: Thanks\n\nDear Dana,\n\n{HARPER_SLIP}\n\nBest,\nLee\n"
    uri = open_doc(client, workspace / "note.txt", text)
    first = await diagnostics(client, uri, version=1)
    assert codes(first) == ["lsp-test-word"]
    at = client.published.index(first) + 1
    later = await diagnostics(client, uri, version=1, after=at, timeout=30)
    assert "lsp-test-word" in codes(later)
    assert any(c.startswith("harper:") for c in codes(later)), codes(later)


@pytest.mark.asyncio
async def test_a_draft_opened_once_harper_is_ready_is_published_once(
    start: Start, workspace: Path
) -> None:
    (workspace / ".followup-lint.toml").write_text(
        'rule-folders = ["rules"]\nselect = ["lsp-test-word", "harper"]\n', encoding="utf-8"
    )
    client = await start(workspace)
    text = f"Subject: Thanks\n\nDear Dana,\n\n{HARPER_SLIP}\n\nBest,\nLee\n"
    # A first draft waits for Harper's start (however long it takes), then a second opens.
    uri = open_doc(client, workspace / "one.txt", text)
    await diagnostics(client, uri, version=1, where=lambda p: "harper:" in str(codes(p)))
    second = open_doc(client, workspace / "two.txt", text)
    got = await diagnostics(client, second, version=1)
    assert any(c.startswith("harper:") for c in codes(got)), codes(got)
    await asyncio.sleep(0.5)
    assert [p.uri for p in client.published].count(second) == 1


def test_the_linter_says_which_rules_wait_for_an_engine() -> None:
    from followup_lint import Config, Linter

    linter = Linter(Config(select=("harper", "harper-words", "subject-missing")))
    assert linter.wait_started(120)
    assert linter.starting() == frozenset()
    # Deferred rules do not run; the rest do.
    text = f"Dear Dana,\n\n{HARPER_SLIP}\n\nBest,\nLee\n"
    deferred = linter.lint(text, defer={"harper", "harper-words"})
    whole = linter.lint(text)
    assert not any(f.rule.startswith("harper") for f in deferred.findings)
    assert any(f.rule.startswith("harper:") for f in whole.findings)
    assert {f.rule for f in deferred.findings} == {
        f.rule for f in whole.findings if not f.rule.startswith("harper")
    }


def test_warm_up_loads_and_compile_everything_compiles() -> None:
    from followup_lint import Config, Linter
    from followup_lint.analysis.acts import sections
    from followup_lint.checks import _matching
    from followup_lint.proofreading import dictionary

    dictionary._zipf.cache_clear()
    dictionary.english()._web.clear()
    linter = Linter(Config(ignore=("harper", "harper-words")))
    linter.warm_up()
    # The sample's company name is in no word list: the web frequencies (the cached table, or
    # wordfreq itself without a cache) are loaded now.
    assert dictionary._zipf.cache_info().currsize == 1
    assert "zentrova" in dictionary.english()._web
    linter.compile_everything()
    assert all(p._rx is not None for p in list(_matching._LAZY))
    assert all(line._rx is not None for s in sections().values() for line in s.lines)
