"""`.pre-commit-hooks.yaml`, run the way a user runs it: `pre-commit try-repo`.

pre-commit builds a virtualenv and pip-installs followup-lint into it from PyPI's packages, which
takes a minute or more, so this is the one slow test of the hook. It runs against a copy of this
working tree committed into a temporary repository (try-repo reads committed files, and the
working tree may hold changes not yet committed), and a second temporary repository of drafts.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("pre_commit") is None,
        reason="pre-commit is not installed (it is in the dev extra: pip install -e '.[dev]')",
    ),
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]

GOOD = """\
Subject: Thank you – Data Analyst interview

Dear Ms. Lee,

Thank you for meeting me yesterday to talk about the Data Analyst role at Northwind. I enjoyed
hearing how your team plans delivery routes, and the idea of flagging late loads a day earlier.

The conversation made me even keener on the role. I rebuilt a similar report in my current job,
and I would enjoy doing the same for your planners.

I look forward to hearing about the next steps.

Best regards,
Sam Ito
+44 20 7946 0958 | sam.ito@example.org
"""

BAD = GOOD.replace("Dear Ms. Lee,", "Dear [Interviewer's Name],")


def _git(*args: str, cwd: Path) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def _hook_repo(tmp: Path) -> Path:
    """This working tree's package files, committed in a repository of their own."""
    repo = tmp / "followup-lint"
    repo.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in ("src", "rules"):
        shutil.copytree(ROOT / name, repo / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(ROOT / name, repo / name)
    _git("init", "-q", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-q", "-m", "snapshot", cwd=repo)
    return repo


def test_pre_commit_try_repo(tmp_path: Path) -> None:
    hook_repo = _hook_repo(tmp_path)
    drafts = tmp_path / "drafts-repo"
    (drafts / "drafts").mkdir(parents=True)
    (drafts / "drafts" / "good.txt").write_text(GOOD, encoding="utf-8")
    (drafts / "drafts" / "bad.txt").write_text(BAD, encoding="utf-8")
    # Not drafts: the hook's exclude pattern must keep these out of the check.
    (drafts / "README.md").write_text("# My job search\n\n[TODO] write the [Company Name] list\n")
    (drafts / "requirements.txt").write_text("[placeholder]\n")
    _git("init", "-q", cwd=drafts)
    _git("add", "-A", cwd=drafts)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        # The hook's virtualenv sees the packages already installed for the test run, so pip
        # installs only followup-lint itself instead of downloading spaCy and the rest again.
        # The hook still installs and runs exactly as pre-commit runs it for a user.
        "VIRTUALENV_SYSTEM_SITE_PACKAGES": "1",
    }
    env.pop("FOLLOWUP_LINT_SEND_ANYWAY", None)
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "followup-lint"]

    failed = subprocess.run(
        [*command, "--all-files", "--verbose"],
        cwd=drafts,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "drafts/bad.txt:3:6: error unfilled-placeholder" in output
    assert "drafts/good.txt" not in output.replace("drafts/good.txt: thank you", "")
    assert "README.md" not in output and "requirements.txt" not in output

    (drafts / "drafts" / "bad.txt").write_text(GOOD, encoding="utf-8")
    _git("add", "-A", cwd=drafts)
    passed = subprocess.run(
        [*command, "--all-files"], cwd=drafts, capture_output=True, text=True, env=env, timeout=600
    )
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
