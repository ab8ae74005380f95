"""Writing a hidden false positive into a configuration file: comments kept, the result valid."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from followup_lint.config import load_config
from followup_lint.lsp.config_edit import add_hidden_false_positive
from followup_lint.model.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_into_a_pyproject_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(
        '[project]\nname = "x"  # ours\n\n[tool.followup-lint]\n# my rules\nignore = ["tone"]\n',
        encoding="utf-8",
    )
    assert add_hidden_false_positive(path, {"rule": "spelling", "sentence": "Kubeflow"})
    text = path.read_text(encoding="utf-8")
    assert "# ours" in text and "# my rules" in text
    table = tomllib.loads(text)["tool"]["followup-lint"]
    assert table["hidden-false-positives"] == [{"rule": "spelling", "sentence": "Kubeflow"}]
    assert load_config(path).hidden_false_positives[0].sentence == "Kubeflow"
    assert not add_hidden_false_positive(path, {"rule": "spelling", "sentence": "Kubeflow"})


def test_an_inline_list_grows_inline(tmp_path: Path) -> None:
    path = tmp_path / ".followup-lint.toml"
    path.write_text('hidden-false-positives = [{rule = "a-b", text = "x"}]\n', encoding="utf-8")
    assert add_hidden_false_positive(path, {"rule": "spelling", "text": "y"})
    assert len(load_config(path).hidden_false_positives) == 2


def test_an_entry_that_would_not_load_is_never_written(tmp_path: Path) -> None:
    path = tmp_path / ".followup-lint.toml"
    path.write_text("# mine\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        add_hidden_false_positive(path, {"rule": "spelling", "sentence": "(unclosed"})
    assert path.read_text(encoding="utf-8") == "# mine\n"
