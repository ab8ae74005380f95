"""Hover over a finding: what the rule checks, why it matters (its guidance), and the docs."""

from __future__ import annotations

from lsprotocol import types

from followup_lint.guidance import GUIDANCE
from followup_lint.lsp.diagnostics import Located
from followup_lint.rulebook import Rule


def rule_markdown(rule: Rule | None, located: Located, fail_on: str) -> str:
    f = located.finding
    lines = [f"**{f.rule}** ({f.category}, {f.severity.value})", "", f.message, ""]
    if rule is not None:
        spec = rule.spec
        lines += [spec.description, ""]
        if spec.why:
            lines += [spec.why.strip(), ""]
    if f.guidance:
        lines.append("Why it matters:")
        lines += [f"- {g}: {GUIDANCE.get(g, '')}" for g in f.guidance]
        lines.append("")
    blocking = isinstance(located.diagnostic.data, dict) and located.diagnostic.data.get("blocking")
    if fail_on != "never":
        verdict = "would block" if blocking else "would not block"
        lines.append(f"With fail-on = {fail_on} this finding {verdict} sending.")
        lines.append("")
    if f.docs:
        lines.append(f"[Rule documentation]({f.docs})")
    return "\n".join(lines).rstrip() + "\n"


def hover_for(
    items: list[Located], position: types.Position, rules: dict[str, Rule], fail_on: str
) -> types.Hover | None:
    def contains(rng: types.Range) -> bool:
        start = (rng.start.line, rng.start.character)
        end = (rng.end.line, rng.end.character)
        return start <= (position.line, position.character) <= end

    hits = [i for i in items if contains(i.diagnostic.range)]
    if not hits:
        return None
    text = "\n---\n\n".join(rule_markdown(rules.get(i.finding.rule), i, fail_on) for i in hits)
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
        range=hits[0].diagnostic.range,
    )
