"""The wheel carries the rule set and the schemas, so an installed copy needs no checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_wheel_ships_rules_and_finds_them(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path / "dist"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if proc.returncode != 0:
        pytest.skip(
            f"could not build a wheel here (pip wheel failed: {proc.stderr.strip()[-200:]})"
        )
    [wheel] = (tmp_path / "dist").glob("*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        z.extractall(site)
    shipped = {n for n in names if n.startswith("followup_lint/rules/") and n.endswith(".yaml")}
    in_repo = {
        f"followup_lint/rules/{p.relative_to(ROOT / 'rules').as_posix()}"
        for p in (ROOT / "rules").rglob("*.yaml")
    }
    assert shipped == in_repo
    assert "followup_lint/py.typed" in names and "followup_lint/schemas/report.schema.json" in names
    # Import the unpacked wheel from somewhere else: it must find its own rules, not the checkout's.
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from followup_lint.rulebook import builtin_rules_dir, builtin_rules;"
        "print(builtin_rules_dir()); print(len(builtin_rules()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(site)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    where, count = out.stdout.split()
    assert Path(where).is_relative_to(site) and int(count) == len(in_repo)
