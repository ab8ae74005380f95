"""Code actions: apply a rule's fix, add a word to the vocabulary, hide one false positive,
disable a rule.

A fix is a WorkspaceEdit the editor applies to the buffer. The others change the user's
configuration file, which only the server may write (atomically), so they are commands the
editor sends back with `workspace/executeCommand`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from lsprotocol import types

from followup_lint.lsp.diagnostics import LintResult, Located
from followup_lint.model.report import Fix
from followup_lint.rulebook import Rule

CMD_ADD_WORD = "followup-lint.addToVocabulary"
CMD_DISABLE_RULE = "followup-lint.disableRule"
CMD_HIDE = "followup-lint.hideFalsePositive"
FIX_ALL_KIND = "source.fixAll.followup-lint"
COMMANDS = (CMD_ADD_WORD, CMD_DISABLE_RULE, CMD_HIDE)

#: Findings over more text than this are hidden by their sentence, not their exact words.
_MAX_HIDDEN_TEXT = 80

_WORD_RE = re.compile(r"^[^\W\d_][\w'’.-]{0,60}$")
# Findings about a word that may simply be unknown to us: a name, a product, jargon.
_WORD_KINDS = frozenset({"spelling", "consistency"})


def _key(p: types.Position) -> tuple[int, int]:
    return (p.line, p.character)


def _overlaps(a: types.Range, b: types.Range) -> bool:
    return _key(a.start) <= _key(b.end) and _key(b.start) <= _key(a.end)


def _edit(
    uri: str, version: int | None, edits: Sequence[types.TextEdit], document_changes: bool
) -> types.WorkspaceEdit:
    if document_changes:
        return types.WorkspaceEdit(
            document_changes=[
                types.TextDocumentEdit(
                    text_document=types.OptionalVersionedTextDocumentIdentifier(
                        uri=uri, version=version
                    ),
                    edits=list(edits),
                )
            ]
        )
    return types.WorkspaceEdit(changes={uri: list(edits)})


def _text_edit(result: LintResult, fix: Fix) -> types.TextEdit:
    assert result.positions is not None
    return types.TextEdit(
        range=result.positions.range(fix.span.start, fix.span.end), new_text=fix.replacement
    )


def vocabulary_word(item: Located, result: LintResult, rules: dict[str, Rule]) -> str | None:
    """The word a finding is about, when adding it to the vocabulary could be the answer."""
    rule = rules.get(item.finding.rule)
    if item.finding.category != "proofreading" and (
        rule is None or rule.check.kind not in _WORD_KINDS
    ):
        return None
    if not item.exact:
        return None
    word = result.text[item.finding.span.start : item.finding.span.end].strip()
    return word if _WORD_RE.match(word) else None


def hidden_entry(item: Located, result: LintResult) -> dict[str, str] | None:
    """The `hidden-false-positives` entry that silences this finding and no other: its exact
    words when they are short and on one line, else a pattern matching the start of its
    sentence. None when the finding covers no text (a missing part)."""
    f = item.finding
    found = result.text[f.span.start : f.span.end]
    if not found.strip():
        return None
    if len(found) <= _MAX_HIDDEN_TEXT and "\n" not in found:
        return {"rule": f.rule, "text": found}
    from followup_lint.model.hidden import sentence_around

    words = sentence_around(result.text, f.span.start, f.span.start + 1)[:60].rstrip()
    return {"rule": f.rule, "sentence": re.escape(words)} if words else None


def _wanted(kind: str, only: Sequence[str] | None) -> bool:
    return not only or any(kind == o or kind.startswith(o + ".") for o in only)


def code_actions(
    result: LintResult,
    current_version: int | None,
    rng: types.Range,
    only: Sequence[str] | None,
    rules: dict[str, Rule],
    document_changes: bool,
) -> list[types.CodeAction]:
    fresh = current_version == result.version
    actions: list[types.CodeAction] = []
    quickfix = str(types.CodeActionKind.QuickFix.value)
    seen_words: set[str] = set()
    seen_rules: set[str] = set()
    for item in result.items:
        diag = item.diagnostic
        if not _overlaps(diag.range, rng):
            continue
        f = item.finding
        if _wanted(quickfix, only):
            if fresh and item.exact:
                for fix in f.fixes:
                    actions.append(
                        types.CodeAction(
                            title=fix.title or f"Replace with '{fix.replacement}'",
                            kind=types.CodeActionKind.QuickFix,
                            diagnostics=[diag],
                            edit=_edit(
                                result.uri,
                                result.version,
                                [_text_edit(result, fix)],
                                document_changes,
                            ),
                            is_preferred=len(f.fixes) == 1 or None,
                        )
                    )
            word = vocabulary_word(item, result, rules)
            if word and word not in seen_words:
                seen_words.add(word)
                title = f"Add '{word}' to the followup-lint vocabulary"
                actions.append(_command_action(title, diag, CMD_ADD_WORD, [result.uri, word]))
            entry = hidden_entry(item, result) if item.exact else None
            if entry is not None:
                title = f"Hide this false positive ({f.rule})"
                actions.append(_command_action(title, diag, CMD_HIDE, [result.uri, entry]))
            if f.rule not in seen_rules:
                seen_rules.add(f.rule)
                title = f"Disable rule {f.rule} in this workspace"
                actions.append(_command_action(title, diag, CMD_DISABLE_RULE, [result.uri, f.rule]))
    if fresh and _wanted(FIX_ALL_KIND, only):
        fix_all = _fix_all(result, document_changes)
        if fix_all is not None:
            actions.append(fix_all)
    return actions


def _fix_all(result: LintResult, document_changes: bool) -> types.CodeAction | None:
    """Every safe fix in the document at once (the first fix of each finding, no overlaps)."""
    chosen: list[Fix] = []
    end = -1
    fixes = sorted(
        (i.finding.fixes[0] for i in result.items if i.exact and i.finding.fixes),
        key=lambda x: (x.span.start, x.span.end),
    )
    for fix in fixes:
        if fix.safe and fix.span.start >= end:
            chosen.append(fix)
            end = max(fix.span.end, fix.span.start + 1)
    if not chosen:
        return None
    return types.CodeAction(
        title=f"Apply {len(chosen)} safe followup-lint fix{'es' if len(chosen) > 1 else ''}",
        kind=FIX_ALL_KIND,
        edit=_edit(
            result.uri,
            result.version,
            [_text_edit(result, f) for f in chosen],
            document_changes,
        ),
    )


def _command_action(
    title: str, diag: types.Diagnostic, command: str, arguments: list[Any]
) -> types.CodeAction:
    """A quick fix that runs one of our workspace commands (they edit the config file)."""
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diag],
        command=types.Command(title=title, command=command, arguments=arguments),
    )
