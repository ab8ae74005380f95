"""One end-to-end run with a real editor: headless Neovim's built-in LSP client starts
`followup-lint lsp`, and the diagnostics Neovim received for a bad draft are checked."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.lsp.conftest import HERE

NVIM = shutil.which("nvim")

pytestmark = pytest.mark.skipif(
    NVIM is None, reason="Neovim (nvim) is not installed; .ci/run installs Debian's neovim"
)

# No subject line (an error), and a wordy word after accents and an emoji, whose column
# Neovim must turn from UTF-16 units into bytes.
DRAFT = (
    "Dear Ms. Okafor,\n\n"
    "Héloïse and Jürgen 🙂 said I would utilize the new Zorblax pipeline.\n\n"
    "Best regards,\nPriya\n"
)


def test_neovim_receives_the_diagnostics(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    ws.mkdir()
    shutil.copytree(HERE / "rules", ws / "rules")
    (ws / ".followup-lint.toml").write_text(
        'rule-folders = ["rules"]\nselect = ["subject-missing", "lsp-test-swap"]\n',
        encoding="utf-8",
    )
    draft = ws / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    out = tmp_path / "diagnostics.json"
    env = {
        **os.environ,
        "FL_DRAFT": str(draft),
        "FL_ROOT": str(ws),
        "FL_OUT": str(out),
        "FL_EXPECT": "2",
        "FL_CMD": json.dumps([sys.executable, "-m", "followup_lint", "lsp"]),
    }
    assert NVIM is not None
    proc = subprocess.run(
        [NVIM, "--headless", "--clean", "-u", str(HERE / "nvim_init.lua")],
        env=env,
        cwd=ws,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=90,
    )
    assert out.exists(), f"Neovim wrote no result: {proc.stderr.decode(errors='replace')[-2000:]}"
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result.get("waited") is True, result
    by_code = {d["code"]: d for d in result["diagnostics"]}
    assert set(by_code) == {"subject-missing", "lsp-test-swap"}

    missing = by_code["subject-missing"]
    assert (missing["lnum"], missing["col"]) == (0, 0)
    assert missing["severity"] == 1  # vim.diagnostic.severity.ERROR
    assert missing["source"] == "followup-lint"

    swap = by_code["lsp-test-swap"]
    line = DRAFT.split("\n")[2]
    assert swap["lnum"] == 2
    assert swap["severity"] == 2  # WARNING
    # Neovim columns are byte offsets: right only if the server counted UTF-16 units.
    assert swap["col"] == len(line[: line.index("utilize")].encode("utf-8"))
    assert swap["end_col"] == swap["col"] + len("utilize")
    assert '"use" rather than "utilize"' in swap["message"]


@pytest.mark.skipif(
    shutil.which("followup-lint") is None, reason="the followup-lint command is not on PATH"
)
def test_the_neovim_example_config_works(tmp_path: Path) -> None:
    example = HERE.parent.parent / "examples" / "editors" / "neovim" / "init.lua"
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    out = tmp_path / "diagnostics.json"
    env = {
        **os.environ,
        "FL_EXAMPLE": str(example),
        "FL_DRAFT": str(draft),
        "FL_OUT": str(out),
    }
    assert NVIM is not None
    proc = subprocess.run(
        [NVIM, "--headless", "--clean", "-u", str(HERE / "nvim_example.lua")],
        env=env,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=90,
    )
    assert out.exists(), f"Neovim wrote no result: {proc.stderr.decode(errors='replace')[-2000:]}"
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["waited"] is True
    # The built-in rules, with no configuration: the missing subject is at the top.
    assert {"code": "subject-missing", "lnum": 0, "col": 0} in result["diagnostics"]
