"""Generate the parts of the documentation that come from the code and the rule files.

    python -m followup_lint.docgen docs/rules              # one page per rule, and an index
    python -m followup_lint.docgen --schema rules/schema.json
    python -m followup_lint.docgen --cli docs/cli-reference.md

tests/test_docs.py regenerates each into a temporary folder and fails when the committed copy
differs, so the reference never drifts from the rules.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from followup_lint.guidance import GUIDANCE
from followup_lint.rule_model import rule_schema
from followup_lint.rulebook import Rule, builtin_rules

_FENCE = "````"  # examples may hold ``` themselves; four backticks close only our own fence


def _kinds(rule: Rule) -> str:
    kinds = rule.spec.kinds
    return "every kind of message" if kinds == "all" else ", ".join(f"`{k}`" for k in kinds)


def _tidy(data: Any) -> Any:
    """60.0 -> 60: thresholds are floats in the model but whole numbers in the rule files."""
    if isinstance(data, float) and data.is_integer():
        return int(data)
    if isinstance(data, dict):
        return {k: _tidy(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_tidy(v) for v in data]
    return data


def _yaml(data: Any) -> str:
    return yaml.safe_dump(_tidy(data), sort_keys=False, allow_unicode=True, width=88).rstrip()


def _example(text: str, context: dict[str, Any], note: str | None, fmt: str) -> list[str]:
    out = []
    if note:
        out += [f"*{note}*", ""]
    if context:
        shown = {k: v for k, v in context.items() if not k.startswith("_")}
        if shown:
            out += ["Context:", "", f"{_FENCE}yaml", _yaml(shown), _FENCE, ""]
    out += [f"{_FENCE}{'text' if fmt != 'eml' else 'email'}", text.rstrip("\n"), _FENCE, ""]
    return out


def rendered_example(rule: Rule) -> list[str]:
    """What the real linter reports on the rule's first trigger example, with only that rule
    on: the message as a user reads it, and the source line with a caret (`--output-format
    full`). Made at docs-build time, so the page cannot drift from what the code says."""
    from followup_lint.config import Config
    from followup_lint.formatters.text_format import source_excerpt
    from followup_lint.linter import Linter
    from followup_lint.reading.sources import read_draft

    # Examples that need a LanguageTool server cannot be rendered here (nothing may leave the
    # machine while the docs are built).
    example = next(
        (e for e in rule.spec.examples.trigger if "_languagetool" not in e.context), None
    )
    if example is None:
        return ["*(Its examples need a LanguageTool server; see below.)*", ""]
    mode = "thorough" if example.context.get("_mode") == "thorough" else "default"
    context = {k: v for k, v in example.context.items() if not k.startswith("_")}
    linter = Linter(Config(select=(rule.id,), mode=mode))
    report = linter.lint(read_draft(example.text, format=example.format), context=context)
    findings = [f for f in report.findings if f.rule == rule.id]
    if not findings:
        return ["*(The first example did not trigger the rule when the docs were built.)*", ""]
    out = ["On the first draft under [Examples](#examples), `followup-lint check` reports:", ""]
    for f in findings[:3]:
        out += [
            f"> **{f.severity.value}** `{f.rule}` (line {f.span.line}, column {f.span.column}):",
            f"> {f.message.replace('<', '&lt;')}",
            "",
        ]
        excerpt = source_excerpt(report, f)
        if excerpt:
            out += [f"{_FENCE}text", *excerpt[:2], _FENCE, ""]
        safe = [x for x in f.fixes if x.safe]
        if safe:
            shown = ", ".join(f"`{x.replacement}`" if x.replacement else "remove it" for x in safe)
            out += [f"Safe fix (`check --fix`): {shown}.", ""]
    return out


def rule_page(rule: Rule) -> str:
    """The reference page of one rule, in Markdown."""
    s = rule.spec
    check = rule.check.model_dump(mode="json", exclude_defaults=True)
    check = {"kind": rule.check.kind, **{k: v for k, v in check.items() if k != "kind"}}
    lines = [
        f"# {s.id}",
        "",
        s.description,
        "",
        "| | |",
        "| --- | --- |",
        f"| Category | [{s.category}](../index.md#{s.category}) |",
        f"| Severity | {s.severity.value} |",
        f"| Applies to | {_kinds(rule)} |",
        f"| Looks at | the {s.scope} |",
        f"| Check kind | `{rule.check.kind}` |",
        f"| Fixes | {'safe to apply with `check --fix`' if s.safe_fix else 'offered, not applied automatically'} |",
        f"| On by default | {'yes' if s.default_enabled else 'no: select it by id or category'} |",
        "",
        "## What it says",
        "",
        *rendered_example(rule),
        "## Why",
        "",
    ]
    if s.why:
        lines += [s.why.strip(), ""]
    lines += [f"- **{g}**: {GUIDANCE[g]}" for g in s.guidance]
    lines += [
        "",
        "## Check",
        "",
        f"{_FENCE}yaml",
        _yaml({"check": check}),
        _FENCE,
        "",
        "The message template (Jinja2; the values come from the check and the draft):",
        "",
        f"{_FENCE}jinja",
        s.message.strip(),
        _FENCE,
        "",
        "## Examples",
        "",
        "Drafts that trigger the rule:",
        "",
    ]
    for e in s.examples.trigger:
        lines += _example(e.text, e.context, e.note, e.format)
    lines += ["Drafts that pass:", ""]
    for e in s.examples.pass_:
        lines += _example(e.text, e.context, e.note, e.format)
    lines += [
        f"Source: `rules/{s.category}/{s.id}.yaml` · `followup-lint explain {s.id}`",
        "",
    ]
    return "\n".join(lines)


def index_page(rules: Sequence[Rule]) -> str:
    lines = [
        "# Rule reference",
        "",
        "Every built-in rule, generated from `rules/` by `python -m followup_lint.docgen docs/rules`.",
        "`followup-lint rules` lists them in a terminal and `followup-lint explain RULE` shows one.",
        "",
    ]
    categories = sorted({r.spec.category for r in rules})
    for category in categories:
        lines += [
            f"## {category}",
            "",
            "| Rule | Severity | Description |",
            "| --- | --- | --- |",
        ]
        for r in sorted((r for r in rules if r.spec.category == category), key=lambda r: r.id):
            desc = " ".join(r.spec.description.split()).replace("|", "\\|")
            lines.append(f"| [{r.id}]({category}/{r.id}.md) | {r.spec.severity.value} | {desc} |")
        lines.append("")
    return "\n".join(lines)


def rule_pages(rules: Sequence[Rule] | None = None) -> dict[str, str]:
    """Relative path -> Markdown for every page of the rule reference."""
    rules = list(builtin_rules()) if rules is None else list(rules)
    pages = {"index.md": index_page(rules)}
    for rule in rules:
        pages[f"{rule.spec.category}/{rule.id}.md"] = rule_page(rule)
    return pages


def write_rule_pages(out: Path) -> list[Path]:
    """Write the rule reference into `out`, removing pages of rules that no longer exist."""
    pages = rule_pages()
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.rglob("*.md"):
        if stale.relative_to(out).as_posix() not in pages:
            stale.unlink()
    written = []
    for rel, text in pages.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def schema_text() -> str:
    return json.dumps(rule_schema(), indent=2, ensure_ascii=False) + "\n"


def cli_reference() -> str:
    """Every command's --help, as the installed CLI prints it."""
    from followup_lint.cli import build_parser

    parser = build_parser()
    lines = [
        "# CLI reference",
        "",
        "Generated from the command's own `--help` by",
        "`python -m followup_lint.docgen --cli docs/cli-reference.md`; see [the CLI guide](cli.md).",
        "",
        "## followup-lint",
        "",
        "```text",
        _help(parser),
        "```",
        "",
    ]
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in subparsers.choices.items():
        lines += [f"## followup-lint {name}", "", "```text", _help(sub), "```", ""]
    return "\n".join(lines)


def check_kinds_page() -> str:
    """Every registered check kind: what it does (its module's docstring) and its parameters."""
    import inspect

    from followup_lint.checks import registry

    lines = [
        "# Check kinds",
        "",
        "Generated from `src/followup_lint/checks/` by",
        "`python -m followup_lint.docgen --check-kinds docs/check-kinds.md`. A rule's `check:`",
        "names one of these with `kind:` and gives its parameters; see",
        "[Writing rules](writing-rules.md).",
        "",
    ]
    for name, cls in sorted(registry().items()):
        module = inspect.getmodule(cls)
        doc = inspect.cleandoc(module.__doc__ or "") if module else ""
        lines += [f"## {name}", ""]
        if doc:
            lines += [doc, ""]
        if cls.needs_trained:
            lines += [
                "Needs the trained English pipeline (it is loaded when such a rule is on).",
                "",
            ]
        lines += ["| Parameter | Type | Default |", "| --- | --- | --- |"]
        for field, info in cls.Params.model_fields.items():
            if field == "kind":
                continue
            ann = info.annotation
            shown = ann.__name__ if isinstance(ann, type) else str(ann).replace("typing.", "")
            annotation = shown.replace("|", "\\|")
            if info.is_required():
                default = "required"
            else:
                value = info.get_default(call_default_factory=True)
                default = f"`{json.dumps(_tidy(value), ensure_ascii=False)}`"
            lines.append(f"| `{field}` | `{annotation}` | {default} |")
        lines.append("")
    return "\n".join(lines)


def _help(parser: argparse.ArgumentParser) -> str:
    import os

    # A fixed width so the page does not depend on the terminal that generated it.
    old = os.environ.get("COLUMNS")
    # 80 columns fit the docs' code boxes without a scroll bar.
    os.environ["COLUMNS"] = "80"
    try:
        return parser.format_help().rstrip()
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m followup_lint.docgen", description="Generate the rule reference."
    )
    p.add_argument("out", nargs="?", help="folder for the rule reference (e.g. docs/rules)")
    p.add_argument("--schema", metavar="FILE", help="write the rule JSON Schema here")
    p.add_argument("--cli", metavar="FILE", help="write the CLI reference here")
    p.add_argument("--check-kinds", metavar="FILE", help="write the check kinds reference here")
    args = p.parse_args(argv)
    if not (args.out or args.schema or args.cli or args.check_kinds):
        p.error("give an output folder, --schema FILE, --cli FILE or --check-kinds FILE")
    if args.out:
        pages = write_rule_pages(Path(args.out))
        print(f"wrote {len(pages)} pages to {args.out}")
    if args.schema:
        Path(args.schema).write_text(schema_text(), encoding="utf-8")
        print(f"wrote {args.schema}")
    if args.cli:
        Path(args.cli).write_text(cli_reference() + "\n", encoding="utf-8")
        print(f"wrote {args.cli}")
    if args.check_kinds:
        Path(args.check_kinds).write_text(check_kinds_page(), encoding="utf-8")
        print(f"wrote {args.check_kinds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
