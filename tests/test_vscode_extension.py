"""The VS Code extension's manifest offers exactly the settings the language server reads, and
the build check runs where npm is installed (as .ci/run does)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from followup_lint.lsp.settings import _KEYS

ROOT = Path(__file__).resolve().parent.parent
EXT = ROOT / "editors" / "vscode"


def test_manifest_settings_match_the_server() -> None:
    manifest = json.loads((EXT / "package.json").read_text(encoding="utf-8"))
    props = manifest["contributes"]["configuration"]["properties"]
    names = {k.removeprefix("followup-lint.") for k in props}
    client_only = {"path", "serverArgs"}
    assert {n.lower() for n in names - client_only} == set(_KEYS)
    assert manifest["main"] == "./extension.js" and (EXT / "extension.js").is_file()
    for needed in ("README.md", "LICENSE", ".vscodeignore", "package-lock.json"):
        assert (EXT / needed).is_file(), needed


@pytest.mark.skipif(
    not shutil.which("npm") or not os.environ.get("FOLLOWUP_LINT_BUILD_VSIX"),
    reason="builds the .vsix with npm (set FOLLOWUP_LINT_BUILD_VSIX=1; .ci/run builds it)",
)
def test_the_vsix_builds_and_holds_what_it_should() -> None:
    proc = subprocess.run(
        [str(ROOT / "scripts" / "check-vscode-extension")], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "check-vscode-extension: ok" in proc.stdout
