"""User configuration: `[tool.followup-lint]` in pyproject.toml, or `.followup-lint.toml`.

Found upward from the draft (or the working directory); an explicit --config wins. Unknown keys
are errors: a misspelt `ignore` must not silently lint with every rule on.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from followup_lint.model.errors import ConfigError
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
    """The effective configuration. Build with `Config()` for defaults or `load_config`."""

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
    #: Where the configuration came from (None: defaults).
    source: Path | None = Field(default=None, exclude=True)


def _fmt_loc(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(x) for x in loc) or "(top level)"


def parse_config(data: dict[str, Any], *, where: str, base: Path | None = None) -> Config:
    try:
        cfg = Config.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
        raise ConfigError(f"{where}: key '{_fmt_loc(err['loc'])}': {msg}") from None
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


def find_config(start: str | Path | None = None) -> Path | None:
    """The nearest .followup-lint.toml, or pyproject.toml with a [tool.followup-lint] table."""
    here = Path(start) if start else Path.cwd()
    here = here.resolve()
    if here.is_file() or not here.exists():
        here = here.parent
    for folder in (here, *here.parents):
        own = folder / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue  # someone else's broken pyproject is not our configuration
            if "followup-lint" in data.get("tool", {}):
                return pyproject
    return None


def discover_config(start: str | Path | None = None) -> Config:
    found = find_config(start)
    return load_config(found) if found else Config()
