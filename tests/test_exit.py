"""The console entry exits without interpreter teardown, but only once that is safe."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_command_flushes_everything_and_keeps_its_exit_code() -> None:
    bad = ROOT / "examples" / "thank_you" / "bad.txt"
    proc = subprocess.run(
        [sys.executable, "-m", "followup_lint", "check", str(bad), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    json.loads(proc.stdout)  # the whole report arrived: nothing was lost in a buffer
    missing = subprocess.run(
        [sys.executable, "-m", "followup_lint", "check", str(ROOT / "no-such-draft.txt")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert missing.returncode == 2 and "no-such-draft.txt" in missing.stderr


def test_exit_handlers_run_and_a_busy_thread_means_a_normal_exit(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    script = (
        "import atexit, sys, threading, time\n"
        "from followup_lint._exit import exit_now\n"
        f"atexit.register(lambda: open({str(marker)!r}, 'w').write('yes'))\n"
        "print('buffered output', end='')\n"
        "if sys.argv[1] == 'thread':\n"
        "    threading.Thread(target=time.sleep, args=(0.2,)).start()\n"
        "exit_now(3)\n"
    )
    for mode in ("alone", "thread"):
        marker.unlink(missing_ok=True)
        proc = subprocess.run(
            [sys.executable, "-c", script, mode], capture_output=True, text=True, timeout=60
        )
        assert proc.returncode == 3, (mode, proc.stderr)
        assert proc.stdout == "buffered output"
        assert marker.read_text() == "yes", mode
