"""The language server's pieces without a server: position mapping, settings, config edits,
log redaction."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from lsprotocol import types

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from followup_lint.config import Config, load_config
from followup_lint.lsp.config_edit import add_to_list, target_file
from followup_lint.lsp.logs import RedactFilter
from followup_lint.lsp.positions import UTF8, UTF32, PositionMap
from followup_lint.lsp.settings import Settings, parse_settings, section
from followup_lint.model.errors import ConfigError
from tests.lsp._helpers import utf16_position


@pytest.mark.parametrize(
    "text",
    [
        "Dear José,\n\nThanks 🙂 for the chat 🎉 today.\n",
        "Subject: Hi\r\n\r\nDear Zoë 👩‍💻,\r\nthanks\r\n",
        "old\rmac 𝒜 line\rendings\n",
        "",
    ],
)
def test_utf16_positions_round_trip(text: str) -> None:
    pm = PositionMap(text)
    for offset in range(len(text) + 1):
        if text[offset - 1 : offset + 1] == "\r\n":
            continue  # between CR and LF is no place an editor can show
        pos = pm.position(offset)
        assert pos == utf16_position(text, offset), offset
        # Every position that starts a character maps back to it.
        if offset == len(text) or text[offset] not in "\r\n" or text[offset - 1 : offset] != "\r":
            assert pm.offset(pos) == offset


def test_emoji_is_two_utf16_units() -> None:
    pm = PositionMap("a🙂b")
    assert pm.position(2) == types.Position(0, 3)
    assert pm.offset(types.Position(0, 3)) == 2
    # Past the end of a line clamps to the line's end, as LSP asks.
    assert pm.offset(types.Position(0, 99)) == 3
    assert pm.offset(types.Position(7, 0)) == 3


def test_other_encodings() -> None:
    assert PositionMap("é🙂x", UTF8).position(2) == types.Position(0, 6)
    assert PositionMap("é🙂x", UTF32).position(2) == types.Position(0, 2)
    assert PositionMap("é🙂x", UTF8).offset(types.Position(0, 6)) == 2


def test_settings_keys_and_bad_values() -> None:
    raw = {"followup-lint": {"fail-on": "warning", "select": "subject, tone", "debounce": 0}}
    settings, problems = parse_settings(section(raw) or {})
    assert problems == []
    assert settings == Settings(fail_on="warning", select=("subject", "tone"), debounce_ms=0)
    settings, problems = parse_settings(
        {"failOn": "loud", "languagetool_url": "ftp://x", "debounce": -1, "ignore": [3]}, settings
    )
    assert settings.fail_on == "warning" and settings.debounce_ms == 0
    assert len(problems) == 4
    # Settings that are not ours (another tool's, sharing the object) are not ours to read.
    assert section({"python": {"x": 1}}) is None


def test_settings_over_config() -> None:
    base = Config(ignore=("tone",))
    settings = Settings(
        fail_on="info", select=("subject", "bogus"), ignore=("emoji",), languagetool_url="local"
    )
    cfg, problems = settings.apply(base, {"subject", "tone", "emoji"})
    assert cfg.select == ("subject",) and cfg.ignore == ("tone", "emoji")
    assert cfg.fail_on == "info" and cfg.languagetool.url == "local"
    assert problems == ["setting 'select': unknown rule or category 'bogus'"]


def test_config_edit_keeps_comments_and_validates(tmp_path: Path) -> None:
    path = tmp_path / ".followup-lint.toml"
    path.write_text('# mine\nfail-on = "warning"  # strict\n\n[rules.too-long]\nmax = 250\n')
    assert add_to_list(path, "vocabulary", "Okonkwo") is True
    text = path.read_text()
    assert text.startswith('# mine\nfail-on = "warning"  # strict\n')
    assert tomllib.loads(text)["vocabulary"] == ["Okonkwo"]
    assert load_config(path).vocabulary == ("Okonkwo",)
    assert add_to_list(path, "vocabulary", "Okonkwo") is False

    path.write_text('vocabulary = "Okonkwo"\n')
    with pytest.raises(ConfigError, match="expected a list"):
        add_to_list(path, "vocabulary", "Lee")
    assert path.read_text() == 'vocabulary = "Okonkwo"\n'  # untouched


def test_config_edit_pyproject(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "drafts"\n\n[tool.followup-lint]\n# keep\nignore = []\n')
    add_to_list(path, "ignore", "emoji")
    assert path.read_text().endswith('[tool.followup-lint]\n# keep\nignore = ["emoji"]\n')
    assert target_file(load_config(path), tmp_path / "elsewhere") == path
    assert target_file(Config(), tmp_path) == tmp_path / ".followup-lint.toml"


def test_log_redaction() -> None:
    record = logging.LogRecord(
        "pygls.protocol", logging.ERROR, __file__, 1, "failed %r: %s %d", ("m", "DRAFT", 3), None
    )
    try:
        raise ValueError("DRAFT TEXT")
    except ValueError:
        record.exc_info = sys.exc_info()
    assert RedactFilter().filter(record)
    line = logging.Formatter().format(record)
    assert "DRAFT" not in line
    assert line == "failed <redacted>: <redacted> <redacted> (ValueError)"
