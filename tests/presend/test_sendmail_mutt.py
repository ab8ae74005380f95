"""End to end with a real mail client: mutt (batch mode) -> followup-lint sendmail -> recorder.

mutt composes the message itself (headers, RFC 2047 subject, MIME), so the bytes it hands over
are recorded by a `tee` in front of the gate and compared with what reached the real command.
The configuration is the one docs/presend.md gives, pointed at a recording sendmail.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.presend import messages

MUTT = shutil.which("mutt")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(MUTT is None, reason="mutt is not installed (Debian: apt-get install mutt)"),
]

BODY = "Dear Ms. Lee,\n\nThank you for the talk about the route-planning dashboard.\n\nSam Ito\n"


def _setup(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    tee = tmp_path / "tee-then.sh"
    tee.write_text(f'#!/bin/sh\ntee "{tmp_path}/from-mutt" | "$@"\n')
    real = tmp_path / "real-sendmail.sh"
    real.write_text(f'#!/bin/sh\necho "$@" > "{tmp_path}/argv"\ncat > "{tmp_path}/received"\n')
    for script in (tee, real):
        script.chmod(0o755)
    gate = f"{sys.executable} -m followup_lint sendmail"
    muttrc = tmp_path / "muttrc"
    muttrc.write_text(
        'set from = "Sam Ito <sam.ito@example.org>"\n'
        "set use_from = yes\n"
        'set record = ""\n'
        "set sendmail_wait = 0\n"
        f'set sendmail = "{tee} {gate} --select subject,unfilled-placeholder '
        f'--save-blocked {tmp_path}/blocked -- {real}"\n'
    )
    env = messages.gate_env()
    env["HOME"] = str(tmp_path)  # no ~/.muttrc of the user's
    return muttrc, env


def _mutt(
    muttrc: Path, env: dict[str, str], body: str, cwd: Path
) -> subprocess.CompletedProcess[str]:
    assert MUTT is not None
    return subprocess.run(
        [
            MUTT,
            "-n",
            "-F",
            str(muttrc),
            "-s",
            "Thank you – Data Analyst interview",
            "dana@acme.example",
        ],
        input=body,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def test_mutt_sends_through_the_gate(tmp_path: Path) -> None:
    muttrc, env = _setup(tmp_path)
    proc = _mutt(muttrc, env, BODY, tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    handed_over = (tmp_path / "from-mutt").read_bytes()
    assert b"route-planning dashboard" in handed_over
    assert (tmp_path / "received").read_bytes() == handed_over
    assert "dana@acme.example" in (tmp_path / "argv").read_text()


def test_mutt_shows_the_block(tmp_path: Path) -> None:
    muttrc, env = _setup(tmp_path)
    proc = _mutt(muttrc, env, BODY.replace("Ms. Lee", "[Interviewer's Name]"), tmp_path)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "child exited 65" in output
    assert "unfilled-placeholder" in output
    assert not (tmp_path / "received").exists()
    saved = list((tmp_path / "blocked").iterdir())
    assert [p.read_bytes() for p in saved] == [(tmp_path / "from-mutt").read_bytes()]
