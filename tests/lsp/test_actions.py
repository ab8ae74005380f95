"""Code actions and hover against a real server: a fix's edit, applied, removes the finding;
adding a word and disabling a rule change the workspace's configuration file (comments kept,
created when missing) and the diagnostics follow."""

from __future__ import annotations

import sys
from pathlib import Path

from lsprotocol import types

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from followup_lint.guidance import GUIDANCE
from tests.lsp._helpers import (
    apply_edits,
    change_doc,
    code_actions,
    codes,
    diagnostics,
    edits_for,
    open_doc,
)
from tests.lsp.conftest import Start
from tests.lsp.test_diagnostics import DRAFT


async def test_fixes_apply_and_the_finding_goes(start: Start, workspace: Path) -> None:
    text = DRAFT.replace("I would utilize", "Héloïse 🙂 said I would Utilize")
    client = await start(workspace)
    uri = open_doc(client, workspace / "draft.txt", text)
    got = await diagnostics(client, uri)
    swap = next(d for d in got.diagnostics if d.code == "lsp-test-swap")
    actions = await code_actions(client, uri, swap)
    fixes = [a for a in actions if a.edit is not None and a.kind == types.CodeActionKind.QuickFix]
    assert [a.title for a in fixes] == ["Replace with 'Use'"]
    fixed = apply_edits(text, edits_for(fixes[0].edit, uri))  # type: ignore[arg-type]
    assert "Héloïse 🙂 said I would Use what I learned" in fixed
    assert fixed.replace("Use what", "Utilize what") == text

    change_doc(client, uri, fixed, 2)
    after = await diagnostics(client, uri, version=2)
    assert "lsp-test-swap" not in codes(after)

    # All safe fixes at once, as a source action.
    text = DRAFT.replace("I would utilize", "I utilize data and would utilize")
    uri = open_doc(client, workspace / "second.txt", text)
    got = await diagnostics(client, uri)
    swap = next(d for d in got.diagnostics if d.code == "lsp-test-swap")
    actions = await code_actions(client, uri, swap, only=["source.fixAll"])
    assert [a.kind for a in actions] == ["source.fixAll.followup-lint"]
    fixed = apply_edits(text, edits_for(actions[0].edit, uri))  # type: ignore[arg-type]
    assert "I use data and would use what" in fixed


async def test_add_word_to_vocabulary_keeps_the_rest(start: Start, workspace: Path) -> None:
    config = workspace / ".followup-lint.toml"
    before = config.read_text(encoding="utf-8")
    client = await start(workspace)
    uri = open_doc(client, workspace / "draft.txt", DRAFT)
    got = await diagnostics(client, uri)
    word = next(d for d in got.diagnostics if d.code == "lsp-test-word")
    actions = await code_actions(client, uri, word)
    add = next(a for a in actions if a.command and "vocabulary" in a.title)
    assert add.title == "Add 'Zorblax' to the followup-lint vocabulary"
    mark = len(client.published)
    assert add.command is not None
    result = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=add.command.command, arguments=add.command.arguments)
    )
    assert result["changed"] is True
    after = config.read_text(encoding="utf-8")
    assert after.startswith(before)  # the comment and every other setting are untouched
    assert tomllib.loads(after)["vocabulary"] == ["Zorblax"]
    # The open draft is linted again with the new configuration.
    await diagnostics(client, uri, after=mark)
    # Adding it twice changes nothing.
    again = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=add.command.command, arguments=add.command.arguments)
    )
    assert again["changed"] is False
    assert config.read_text(encoding="utf-8") == after


async def test_hover_and_disable_rule(start: Start, tmp_path: Path) -> None:
    ws = tmp_path / "plain"
    ws.mkdir()
    client = await start(ws, options={"failOn": "warning"})
    text = "Dear Ms. Okafor,\n\nThank you for your time today.\n\nBest regards,\nPriya\n"
    uri = open_doc(client, ws / "draft.txt", text)
    got = await diagnostics(client, uri)
    missing = next(d for d in got.diagnostics if d.code == "subject-missing")
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=missing.range.start
        )
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    value = hover.contents.value
    assert value.startswith("**subject-missing** (subject, error)")
    assert "The draft has no Subject line, or an empty one." in value  # the rule's description
    assert GUIDANCE["S1"] in value
    assert "With fail-on = warning this finding would block sending." in value
    assert missing.code_description is not None
    assert f"]({missing.code_description.href})" in value

    # Where no diagnostic is, no hover.
    def covered(line: int) -> bool:
        return any(d.range.start.line <= line <= d.range.end.line for d in got.diagnostics)

    free = next(n for n in range(len(text.splitlines()) + 1) if not covered(n))
    nothing = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=free, character=0),
        )
    )
    assert nothing is None

    # A command with arguments that make no sense is refused with an error.
    try:
        await client.workspace_execute_command_async(
            types.ExecuteCommandParams(command="followup-lint.disableRule", arguments=[42])
        )
    except Exception as exc:
        assert "expected [document uri" in str(exc)
    else:
        raise AssertionError("a command with bad arguments must fail")

    # Disable the rule for the workspace: the configuration file is created.
    config = ws / ".followup-lint.toml"
    assert missing.severity == types.DiagnosticSeverity.Error
    actions = await code_actions(client, uri, missing)
    disable = next(
        a for a in actions if a.title == "Disable rule subject-missing in this workspace"
    )
    assert disable.command is not None and not config.exists()
    mark = len(client.published)
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(
            command=disable.command.command, arguments=disable.command.arguments
        )
    )
    assert tomllib.loads(config.read_text(encoding="utf-8")) == {"ignore": ["subject-missing"]}
    after = await diagnostics(client, uri, after=mark)
    assert "subject-missing" not in codes(after)
    assert codes(after)  # the other rules still run


async def test_hide_this_false_positive(start: Start, workspace: Path) -> None:
    # The word finding is hidden by its exact text: the config keeps its comment, the entry
    # lands as a [[hidden-false-positives]] table, and the diagnostic goes while the rule stays.
    config = workspace / ".followup-lint.toml"
    before = config.read_text(encoding="utf-8")
    client = await start(workspace)
    uri = open_doc(client, workspace / "draft.txt", DRAFT)
    got = await diagnostics(client, uri)
    word = next(d for d in got.diagnostics if d.code == "lsp-test-word")
    actions = await code_actions(client, uri, word)
    hide = next(a for a in actions if a.title == "Hide this false positive (lsp-test-word)")
    assert hide.command is not None
    assert list(hide.command.arguments) == [uri, {"rule": "lsp-test-word", "text": "Zorblax"}]
    mark = len(client.published)
    result = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=hide.command.command, arguments=hide.command.arguments)
    )
    assert result["changed"] is True
    after = config.read_text(encoding="utf-8")
    assert after.startswith(before)
    assert tomllib.loads(after)["hidden-false-positives"] == [
        {"rule": "lsp-test-word", "text": "Zorblax"}
    ]
    refreshed = await diagnostics(client, uri, after=mark)
    assert "lsp-test-word" not in codes(refreshed)
    assert "lsp-test-swap" in codes(refreshed)  # other findings are still there
    again = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=hide.command.command, arguments=hide.command.arguments)
    )
    assert again["changed"] is False and config.read_text(encoding="utf-8") == after
