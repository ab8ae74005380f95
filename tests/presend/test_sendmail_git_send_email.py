"""End to end with git send-email: `sendemail.sendmailcmd` set to the gate, as docs/presend.md says.

git send-email rewrites the message it is given (its own Date, Message-Id, X-Mailer headers), so
the bytes it hands over are recorded by a `tee` in front of the gate and compared with what
reached the real command.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.presend import messages


def _has_send_email() -> bool:
    if shutil.which("git") is None:
        return False
    exec_path = subprocess.run(["git", "--exec-path"], capture_output=True, text=True).stdout
    return (Path(exec_path.strip()) / "git-send-email").exists()


def _has_mail_address() -> bool:
    # Debian's git send-email refuses to start without Perl's Mail::Address, which its package
    # only recommends (an install with --no-install-recommends lacks it).
    if shutil.which("perl") is None:
        return False
    return (
        subprocess.run(["perl", "-MMail::Address", "-e", "1"], capture_output=True).returncode == 0
    )


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not _has_send_email(),
        reason="git send-email is not installed (Debian: apt-get install git-email)",
    ),
    pytest.mark.skipif(
        not _has_mail_address(),
        reason="git send-email cannot start: Perl's Mail::Address is missing "
        "(Debian: apt-get install libmailtools-perl)",
    ),
]

MESSAGE = (
    "From: Sam Ito <sam.ito@example.org>\n"
    "To: Dana Lee <dana.lee@acme.example>\n"
    "Subject: Thank you – Data Analyst interview\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "Content-Transfer-Encoding: 8bit\n"
    "\n"
    "Dear Ms. Lee,\n"
    "\n"
    "Thank you for the talk about the route-planning dashboard and the café data.\n"
    "\n"
    "Sam Ito\n"
)


def _send(tmp_path: Path, message: str) -> subprocess.CompletedProcess[str]:
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    (repo / "thanks.eml").write_text(message, encoding="utf-8")
    tee = tmp_path / "tee-then.sh"
    tee.write_text(f'#!/bin/sh\ntee "{tmp_path}/from-git" | "$@"\n')
    real = tmp_path / "real-sendmail.sh"
    real.write_text(f'#!/bin/sh\necho "$@" > "{tmp_path}/argv"\ncat > "{tmp_path}/received"\n')
    for script in (tee, real):
        script.chmod(0o755)
    command = (
        f"{tee} {sys.executable} -m followup_lint sendmail --select subject,unfilled-placeholder "
        f"--save-blocked {tmp_path}/blocked -- {real}"
    )
    env = messages.gate_env()
    env["HOME"] = str(tmp_path)  # no ~/.gitconfig of the user's
    for who in ("AUTHOR", "COMMITTER"):
        env[f"GIT_{who}_NAME"] = "Sam Ito"
        env[f"GIT_{who}_EMAIL"] = "sam.ito@example.org"
    return subprocess.run(
        [
            "git",
            "-c",
            f"sendemail.sendmailcmd={command}",
            "send-email",
            "--confirm=never",
            "--from",
            "Sam Ito <sam.ito@example.org>",
            "--to",
            "dana.lee@acme.example",
            "thanks.eml",
        ],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_git_send_email_sends_through_the_gate(tmp_path: Path) -> None:
    proc = _send(tmp_path, MESSAGE)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    handed_over = (tmp_path / "from-git").read_bytes()
    assert "café data".encode() in handed_over
    assert (tmp_path / "received").read_bytes() == handed_over
    # git send-email's own arguments reach the real command: -i and the recipients.
    assert (tmp_path / "argv").read_text().split()[:2] == ["-i", "dana.lee@acme.example"]


def test_git_send_email_is_blocked(tmp_path: Path) -> None:
    proc = _send(tmp_path, MESSAGE.replace("Ms. Lee", "[Interviewer's Name]"))
    assert proc.returncode != 0
    assert "unfilled-placeholder" in proc.stderr
    assert not (tmp_path / "received").exists()
    saved = list((tmp_path / "blocked").iterdir())
    assert [p.read_bytes() for p in saved] == [(tmp_path / "from-git").read_bytes()]
