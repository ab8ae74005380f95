"""Editing the user's configuration file from a code action: add a word, ignore a rule, hide
one false positive.

tomlkit keeps the user's comments, order and formatting; the file is replaced atomically, and
a result that would not load as a configuration is never written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError

from followup_lint.atomic import write_atomic
from followup_lint.config import CONFIG_FILE, Config, parse_config
from followup_lint.model.errors import ConfigError


def target_file(config: Config, folder: Path) -> Path:
    """The file to edit: the one the configuration came from, else a new `.followup-lint.toml`
    in `folder` (the workspace folder holding the draft)."""
    return Path(config.source) if config.source is not None else folder / CONFIG_FILE


def _load(path: Path) -> tuple[Any, Any]:
    """The parsed file, and the table that holds our settings in it."""
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from None
    try:
        doc = tomlkit.parse(text)
    except TOMLKitError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None

    table: Any = doc
    if path.name == "pyproject.toml":
        tool = doc.setdefault("tool", tomlkit.table(is_super_table=True))
        table = tool.setdefault("followup-lint", tomlkit.table())
    return doc, table


def _save(path: Path, doc: Any) -> None:
    new_text = tomlkit.dumps(doc)
    # Check the result still loads as a configuration before replacing the user's file.
    data = tomlkit.parse(new_text).unwrap()
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("followup-lint", {})
    parse_config(data, where=str(path))
    write_atomic(path, new_text.encode("utf-8"))


def add_to_list(path: Path, key: str, value: str) -> bool:
    """Append `value` to the list `key` of our settings in `path` (created if missing).

    In a pyproject.toml our settings are the `[tool.followup-lint]` table. Returns False when
    the value was already there (nothing written).
    """
    doc, table = _load(path)
    current = table.get(key)
    if current is None:
        current = tomlkit.array()
        table[key] = current
    elif not isinstance(current, list):
        raise ConfigError(f"{path}: key '{key}': expected a list, found {type(current).__name__}")
    if value in [str(v) for v in current]:
        return False
    current.append(value)
    _save(path, doc)
    return True


HIDDEN_KEY = "hidden-false-positives"


def add_hidden_false_positive(path: Path, entry: dict[str, str]) -> bool:
    """Append `entry` ({"rule": ..., "text": ...} or {"rule": ..., "sentence": ...}) to the
    `hidden-false-positives` tables in `path`, as a `[[hidden-false-positives]]` table (or to
    an inline list, when the user wrote one). False when an equal entry is already there."""
    doc, table = _load(path)
    current = table.get(HIDDEN_KEY)
    if current is None:
        current = tomlkit.aot()
        table.append(HIDDEN_KEY, current)
    elif not isinstance(current, list):
        raise ConfigError(f"{path}: key '{HIDDEN_KEY}': expected a list of tables")
    existing = [dict(item.unwrap() if hasattr(item, "unwrap") else item) for item in current]
    if entry in existing:
        return False
    if isinstance(current, tomlkit.items.AoT):
        item: Any = tomlkit.table()
    else:
        item = tomlkit.inline_table()
    for k, v in entry.items():
        item[k] = v
    current.append(item)
    _save(path, doc)
    return True
