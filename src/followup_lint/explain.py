"""`followup-lint explain RULE`: what a rule checks, why (its guidance), and its examples."""

from __future__ import annotations

from followup_lint.config import Config
from followup_lint.guidance import GUIDANCE
from followup_lint.model.errors import FollowupLintError
from followup_lint.rulebook import Rule, builtin_rules, load_rules


def find_rule(rule_id: str, config: Config | None = None) -> Rule:
    rules = list(builtin_rules())
    if config is not None and config.rule_folders:
        rules += load_rules(config.rule_folders)
    for rule in rules:
        if rule.id == rule_id:
            return rule
    import difflib

    close = difflib.get_close_matches(rule_id, [r.id for r in rules], n=1)
    hint = f"; did you mean '{close[0]}'?" if close else "; see `followup-lint rules`"
    raise FollowupLintError(f"no rule named '{rule_id}'{hint}")


def explain_rule(rule_id: str, config: Config | None = None) -> str:
    rule = find_rule(rule_id, config)
    s = rule.spec
    kinds = (
        "every kind of message"
        if s.kinds == "all"
        else ", ".join(k.replace("_", " ") for k in s.kinds)
    )
    out = [
        f"{s.id} ({s.category}, {s.severity.value})",
        "",
        s.description,
        "",
    ]
    if s.why:
        out += [s.why.strip(), ""]
    out.append("Why it matters:")
    out += [f"  {g}: {GUIDANCE[g]}" for g in s.guidance]
    out += ["", f"Applies to: {kinds}; looks at the {s.scope}.", f"Check kind: {rule.check.kind}."]
    if s.safe_fix:
        out.append("Its fixes are safe to apply automatically (check --fix).")
    out += ["", "Flags, for example:"]
    out += [_indent(e.text) for e in s.examples.trigger[:2]]
    out += ["", "Does not flag, for example:"]
    out += [_indent(e.text) for e in s.examples.pass_[:2]]
    out += [
        "",
        "To silence one finding of it without turning the rule off (in .followup-lint.toml, or",
        "in the draft's followup.toml), give its exact words or a pattern over its sentence:",
        "    [[hidden-false-positives]]",
        f'    rule = "{s.id}"',
        '    text = "the words it flagged"',
        "To turn it off: ignore = [" + f'"{s.id}"' + "] in .followup-lint.toml.",
        "",
        f"Docs: {rule.docs}",
    ]
    return "\n".join(out) + "\n"


def _indent(text: str) -> str:
    lines = text.strip("\n").splitlines() or [""]
    return "\n".join("    " + line for line in lines[:12]) + (
        "\n    ..." if len(lines) > 12 else ""
    )
