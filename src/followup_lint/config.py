"""User configuration: `[tool.followup-lint]` in pyproject.toml, or `.followup-lint.toml`.

Found upward from each draft (or the working directory); an explicit --config wins. Unknown
keys are errors: a misspelt `ignore` must not silently lint with every rule on.

Discovery is bounded, because a configuration can name a LanguageTool server that receives the
draft's text: the search stops at the user's home directory and at a repository root (a folder
holding `.git`), and a file that the user does not own, or that others may write, is skipped
with a notice in the report rather than obeyed.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from followup_lint.model.errors import ConfigError
from followup_lint.model.hidden import HiddenFalsePositive
from followup_lint.model.kinds import MessageKind
from followup_lint.model.severity import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILE = ".followup-lint.toml"


def _dash(name: str) -> str:
    return name.replace("_", "-")


class RuleOverride(BaseModel):
    """Per-rule settings: a new severity, and any of the rule's check parameters."""

    model_config = ConfigDict(extra="allow", frozen=True)
    severity: Severity | None = None

    @property
    def params(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


class LanguageToolSettings(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, alias_generator=_dash, populate_by_name=True
    )
    #: A LanguageTool server ("http://localhost:8081"), "local" to start one with Java, or None.
    url: str | None = None
    #: Allow the public api.languagetool.org (sends the draft off the machine).
    allow_public: bool = False
    timeout: float = Field(default=3.0, gt=0, le=30)
    #: An HTTP proxy for a remote server ("http://proxy.example:3128"). Used only when set
    #: here, never from http_proxy and the like, and never for a server on this machine.
    proxy: str | None = None
    #: Our own rules already cover these; LanguageTool is asked not to repeat them.
    disabled_rules: tuple[str, ...] = ()


class Config(BaseModel):
    """The effective configuration. Build with `Config()` for defaults or `load_config`.

    In files the keys are written with dashes (`fail-on`); in Python with underscores.

    Attributes:
        select: Rule ids or categories to run; empty means every rule that is on by default.
        ignore: Rule ids or categories to skip.
        fail_on: Lowest severity that fails a run: error, warning, info, or never.
        kind: The message kind to assume when it is neither given nor detected.
        vocabulary: Words the spell checker accepts (names, jargon).
        rule_folders: Extra folders of rule files.
        mode: "default", or "thorough" to load the trained English pipeline for every rule.
        rules: Per-rule overrides: a severity and any of the rule's check parameters.
        languagetool: The optional LanguageTool backend (a server the draft's text is sent to).
        hidden_false_positives: Findings silenced one by one, without turning a rule off.
        exclude: Glob patterns a folder argument of `check` skips.
        source: The file this configuration was read from (None: defaults).
    """

    model_config = ConfigDict(
        extra="forbid", frozen=True, alias_generator=_dash, populate_by_name=True
    )

    select: tuple[str, ...] = ()  # rule ids or categories; empty means all
    ignore: tuple[str, ...] = ()
    fail_on: Literal["error", "warning", "info", "never"] = "error"
    kind: MessageKind | None = None  # the default message kind when neither given nor detected
    vocabulary: tuple[str, ...] = ()
    rule_folders: tuple[Path, ...] = ()
    #: "default" runs the fast path; "thorough" loads the full spaCy pipeline for every rule.
    mode: Literal["default", "thorough"] = "default"
    rules: dict[str, RuleOverride] = Field(default_factory=dict)
    languagetool: LanguageToolSettings = Field(default_factory=LanguageToolSettings)
    #: Findings silenced one by one, without turning their rule off (see model/hidden.py).
    hidden_false_positives: tuple[HiddenFalsePositive, ...] = ()
    #: Glob patterns of files and folders that a directory argument of `check` skips.
    exclude: tuple[str, ...] = ()
    #: Where the configuration came from (None: defaults).
    source: Path | None = Field(default=None, exclude=True)
    #: The keys each source set, for `--show-settings`: (key, where) pairs, later ones winning.
    origins: tuple[tuple[str, str], ...] = Field(default=(), exclude=True)
    #: What discovery wants the user to know (a configuration file it skipped, and why).
    notices: tuple[str, ...] = Field(default=(), exclude=True)

    def __hash__(self) -> int:
        # `rules` is a dict, which pydantic's generated hash cannot take; the canonical JSON
        # of the settings is hashable and equal for equal configurations.
        return hash((self.model_dump_json(), self.source))

    def origin(self, key: str) -> str:
        """Where the value of `key` came from: a file, the command line, or the default."""
        found = "default"
        for k, where in self.origins:
            if k == key:
                found = where
        return found


def _fmt_loc(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(x) for x in loc) or "(top level)"


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """ "; did you mean 'x'?" for the closest known name, or "" when none is close."""
    import difflib  # here, not at the top: only a mistyped name needs it (5 ms to import)

    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


_KEYS = [_dash(k) for k in Config.model_fields if k not in ("source", "origins", "notices")]


def parse_config(data: dict[str, Any], *, where: str, base: Path | None = None) -> Config:
    try:
        cfg = Config.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = _fmt_loc(err["loc"])
        msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
        if err["type"] == "extra_forbidden" and len(err["loc"]) == 1:
            msg += did_you_mean(str(err["loc"][0]), _KEYS)
        raise ConfigError(f"{where}: key '{loc}': {msg}") from None
    cfg = cfg.model_copy(update={"origins": tuple((_dash(str(k)), where) for k in data)})
    if base is not None and cfg.rule_folders:
        folders = tuple(f if f.is_absolute() else (base / f) for f in cfg.rule_folders)
        cfg = cfg.model_copy(update={"rule_folders": folders})
    return cfg


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: configuration file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None


def load_config(path: str | Path) -> Config:
    """Load a configuration file: a pyproject.toml (its [tool.followup-lint]) or our own file."""
    p = Path(path)
    data = _read_toml(p)
    if p.name == "pyproject.toml":
        data = data.get("tool", {}).get("followup-lint", {})
    cfg = parse_config(data, where=str(p), base=p.resolve().parent)
    return cfg.model_copy(update={"source": p})


def untrusted(path: Path) -> str | None:
    """Why a configuration file must not be obeyed, or None when it may be: it belongs to
    someone else, or someone else may write it (group or world writable)."""
    try:
        st = path.stat()
    except OSError:
        return None
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return "it belongs to another user"
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "other users may write it"
    return None


def _search_folders(here: Path) -> list[Path]:
    """The folders discovery looks in: `here` and its parents, up to the first repository
    root or the home directory, whichever comes first (and never above the home directory)."""
    try:
        home: Path | None = Path.home().resolve()
    except (RuntimeError, KeyError):
        home = None
    out: list[Path] = []
    for folder in (here, *here.parents):
        out.append(folder)
        if folder == home or (folder / ".git").exists():
            break
    return out


def _candidates(folder: Path) -> Iterable[Path]:
    own = folder / CONFIG_FILE
    if own.is_file():
        yield own
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return  # someone else's broken pyproject is not our configuration
        if "followup-lint" in data.get("tool", {}):
            yield pyproject


def find_config_with_notices(start: str | Path | None = None) -> tuple[Path | None, list[str]]:
    """The nearest trusted configuration file, and a notice for each one skipped."""
    here = Path(start) if start else Path.cwd()
    here = here.resolve()
    if here.is_file() or not here.exists():
        here = here.parent
    notices: list[str] = []
    for folder in _search_folders(here):
        for candidate in _candidates(folder):
            why = untrusted(candidate)
            if why is None:
                return candidate, notices
            notices.append(f"configuration {candidate} was ignored: {why}")
    return None, notices


def find_config(start: str | Path | None = None) -> Path | None:
    """The nearest .followup-lint.toml, or pyproject.toml with a [tool.followup-lint] table,
    looking upward from `start` (a draft or a folder; default: the working directory) and
    stopping at a repository root or the home directory. Untrusted files are skipped."""
    return find_config_with_notices(start)[0]


def discover_config(start: str | Path | None = None) -> Config:
    """The configuration that applies to a draft at `start` (or to the working directory):
    the nearest trusted file found by `find_config`, else the defaults. The result records
    its file in `source` and, in `notices`, any configuration file that was skipped."""
    found, notices = find_config_with_notices(start)
    cfg = load_config(found) if found else Config()
    return cfg.model_copy(update={"notices": tuple(notices)}) if notices else cfg
