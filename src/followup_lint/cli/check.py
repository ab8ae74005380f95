"""`followup-lint check`: lint drafts (files, folders, globs, or `-` for standard input).

Each draft is linted with the configuration found upward from it (as ruff and Vale do), so
`check a/x.txt b/y.txt` gives each the settings of its own folder; `--stdin-filename` decides
where discovery starts for standard input. Drafts that share a configuration go through one
`Linter.lint_many`, which also compares them with each other (near-duplicate-notes).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from followup_lint.cli.options import (
    EXIT_FINDINGS,
    EXIT_OK,
    UsageError,
    add_check_options,
    build_config,
    context_overrides,
    use_color,
)
from followup_lint.cli.paths import expand
from followup_lint.config import Config
from followup_lint.formatters import FORMATTERS
from followup_lint.model.report import Report

if TYPE_CHECKING:
    from followup_lint.linter import Linter
    from followup_lint.reading.draft import Draft

NO_DRAFTS = (
    "no drafts given: name files, folders or globs (check drafts/), "
    "or pass - to read a draft from standard input (check - < draft.txt)"
)


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "check",
        help="lint drafts (files, folders, globs, or - for stdin)",
        description="Lint drafts. A folder stands for the .txt, .md and .eml files under it.",
        epilog="exit status: 0 nothing at or above --fail-on; 1 findings at or above it; "
        "2 a usage or input error.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH")
    add_run_options(p)
    fixing = p.add_mutually_exclusive_group()
    fixing.add_argument("--fix", action="store_true", help="apply the safe fixes (atomically)")
    fixing.add_argument("--diff", action="store_true", help="show the safe fixes; write nothing")
    add_check_options(p)
    p.set_defaults(func=run)


def add_run_options(p: argparse.ArgumentParser) -> None:
    """The options of a run over files (shared with `fix`)."""
    p.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name to report for stdin; its folder is where the configuration is looked for",
    )
    p.add_argument(
        "--exclude",
        action="append",
        metavar="GLOB",
        help="skip these files or folders when a folder is given (adds to `exclude` in the config)",
    )
    p.add_argument(
        "-q", "--quiet", action="store_true", help="print the findings only, no summary or notes"
    )
    p.add_argument(
        "--statistics",
        action="store_true",
        help="print how often each rule fired, not each finding",
    )
    p.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even when findings are at or above --fail-on",
    )
    p.add_argument(
        "--show-settings",
        action="store_true",
        help="print the configuration in force for the first draft, and where each value came from",
    )


class _Configs:
    """The configuration and Linter for each draft, discovered once per folder."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._by_folder: dict[Path, Config] = {}
        self._linters: dict[Config, Linter] = {}

    def config_for(self, path: str | None) -> Config:
        folder = Path(path).resolve().parent if path else Path.cwd().resolve()
        if path and Path(path).is_dir():
            folder = Path(path).resolve()
        if folder not in self._by_folder:
            start = folder / "_" if path else None  # a file in that folder
            self._by_folder[folder] = build_config(self.args, start)
        return self._by_folder[folder]

    def linter_for(self, config: Config) -> Linter:
        from followup_lint.linter import Linter

        if config not in self._linters:
            self._linters[config] = Linter(config)
        return self._linters[config]


def _paths(args: argparse.Namespace, configs: _Configs) -> list[str]:
    if not args.paths:
        raise UsageError(NO_DRAFTS)

    def exclude(folder: str) -> list[str]:
        return [*configs.config_for(folder).exclude, *(args.exclude or ())]

    return expand(args.paths, exclude)


def _discovery_path(args: argparse.Namespace, p: str) -> str | None:
    return args.stdin_filename if p == "-" else p


def run(args: argparse.Namespace) -> int:
    configs = _Configs(args)
    paths = _paths(args, configs)
    if args.show_settings:
        from followup_lint.cli.settings import show_settings

        first = _discovery_path(args, paths[0]) if paths else None
        sys.stdout.write(show_settings(configs.config_for(first), first))
        return EXIT_OK
    overrides = context_overrides(args)
    if getattr(args, "fix", False) or getattr(args, "diff", False):
        return _run_fixes(args, paths, configs, overrides)

    from followup_lint.reading.sources import format_for, read_bytes, read_draft

    drafts: list[Draft] = []
    for p in paths:
        if p == "-":
            name = args.stdin_filename
            fmt = format_for(Path(name)) if name else None
            drafts.append(read_bytes(sys.stdin.buffer.read(), path=name, format=fmt))
        else:
            drafts.append(read_draft(Path(p)))
    # Drafts that share a configuration are linted together (and compared with each other).
    groups: dict[Config, list[int]] = {}
    for i, p in enumerate(paths):
        groups.setdefault(configs.config_for(_discovery_path(args, p)), []).append(i)
    reports: list[Report | None] = [None] * len(drafts)
    for config, indexes in groups.items():
        linted = configs.linter_for(config).lint_many(
            [drafts[i] for i in indexes], context=overrides, context_file=args.context
        )
        for i, report in zip(indexes, linted, strict=True):
            reports[i] = report
    done = [r for r in reports if r is not None]
    _print(args, done)
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if any(r.failed() for r in done) else EXIT_OK


def _print(args: argparse.Namespace, reports: Sequence[Report]) -> None:
    color = use_color(args.color)
    if args.statistics:
        # Imported here: a run that prints findings never needs these two modules.
        import json

        from followup_lint.formatters.statistics import render_statistics, statistics

        if args.format == "json":
            out = json.dumps({"version": 1, "statistics": statistics(reports)}, indent=2) + "\n"
        else:
            out = render_statistics(reports, color=color)
    else:
        fail_on = reports[0].fail_on if reports else "error"
        out = FORMATTERS[args.format](reports, color=color, fail_on=fail_on, quiet=args.quiet)
    sys.stdout.write(out)
    sys.stdout.flush()


def _run_fixes(
    args: argparse.Namespace, paths: list[str], configs: _Configs, overrides: dict[str, Any]
) -> int:
    from followup_lint.fixes import run_fixes
    from followup_lint.linter import cross_draft_facts
    from followup_lint.reading.sources import read_draft

    groups: dict[Config, list[str]] = {}
    for p in paths:
        groups.setdefault(configs.config_for(_discovery_path(args, p)), []).append(p)
    code = EXIT_OK
    for config, group in groups.items():
        # What each draft learns from the others (as lint_many does); standard input can be
        # read only once, by the fixer, so it is not compared.
        # Only regular files, and only when there is another draft to compare with: the fixer
        # refuses FIFOs and devices without opening them, and a lone draft has nothing to learn.
        files = [p for p in group if p != "-" and Path(p).is_file()]
        facts: dict[str, dict[str, Any]] = {}
        if len(files) > 1:
            facts = dict(
                zip(files, cross_draft_facts([read_draft(Path(p)) for p in files]), strict=True)
            )
        contexts = [{**overrides, **facts.get(p, {})} for p in group]
        code = max(code, run_fixes(args, group, configs.linter_for(config), contexts, config))
    return EXIT_OK if args.exit_zero and not args.diff else code
