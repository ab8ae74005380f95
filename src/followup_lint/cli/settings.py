"""`check --show-settings`: the configuration in force for a draft, and where each value came
from (a file, the command line, or the default), as `ruff check --show-settings` prints it."""

from __future__ import annotations

import json

from followup_lint.config import Config
from followup_lint.model.context import find_context_file


def show_settings(config: Config, path: str | None) -> str:
    """The settings as `key = value  # origin` lines, TOML-like so they can be pasted."""
    where = path or "standard input (no --stdin-filename: looked from the working directory)"
    out = [f"# Settings for {where}"]
    out.append(f"# Configuration file: {config.source or 'none found (defaults)'}")
    for notice in config.notices:
        out.append(f"# Note: {notice}")
    context = find_context_file(path) if path else None
    out.append(f"# Context file: {context or 'none (followup.toml beside the draft)'}")
    data = config.model_dump(mode="json", by_alias=True)
    width = max(len(k) for k in data)
    for key, value in data.items():
        shown = json.dumps(value, ensure_ascii=False)
        out.append(f"{key:<{width}} = {shown}  # {config.origin(key)}")
    return "\n".join(out) + "\n"


__all__ = ["show_settings"]
