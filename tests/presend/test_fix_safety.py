"""`check --fix` writes a user's file: what it must never do to it.

Each case is something a real draft folder holds or a real user does: a symlink (dotfile
managers), a hard link, a FIFO or /dev/stdin given by mistake, a read-only file, ownership,
permissions and extended attributes worth keeping, an editor saving while --fix runs, a --fix
killed between writing and renaming, the same file named several times.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from followup_lint import cli as cli_module
from followup_lint import fixes
from tests.presend.test_fix_and_diff import DRAFT, FIXED, project  # noqa: F401 - a fixture


def _fix(capsys: pytest.CaptureFixture[str], *paths: str) -> tuple[int, str, str]:
    code = cli_module.main(["check", "--fix", *paths])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def draft(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:  # noqa: F811
    monkeypatch.chdir(project)
    path = project / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(
        p.name
        for p in folder.iterdir()
        if p.name.endswith((".followup-lint.tmp", ".followup-lint.bak"))
    )


def test_symlink_stays_a_link_and_its_target_is_fixed(
    draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = draft.parent / "link.txt"
    link.symlink_to(draft.name)
    code, _, err = _fix(capsys, "link.txt")
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == draft.name
    assert draft.read_text(encoding="utf-8") == FIXED
    assert _leftovers(draft.parent) == []


def test_hard_links_all_see_the_fix(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = draft.parent / "copy-in-archive.txt"
    os.link(draft, other)
    inode = draft.stat().st_ino
    code, _, err = _fix(capsys, "draft.txt")
    assert code == 0, err
    assert draft.stat().st_ino == inode and other.stat().st_ino == inode
    assert draft.stat().st_nlink == 2
    assert other.read_text(encoding="utf-8") == FIXED
    assert _leftovers(draft.parent) == []  # the safety copy is gone once the fix is written


def test_fifo_is_refused_without_reading_it(draft: Path) -> None:
    fifo = draft.parent / "pipe.txt"
    os.mkfifo(fifo)
    # In its own process with a time limit: a --fix that opened the FIFO would wait for ever.
    proc = subprocess.run(
        [sys.executable, "-m", "followup_lint", "check", "--fix", "pipe.txt"],
        capture_output=True,
        cwd=draft.parent,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.decode().strip().splitlines() == [
        "followup-lint: error: pipe.txt: is a FIFO (named pipe); --fix rewrites regular files "
        "only (use - to fix standard input)"
    ]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_dev_stdin_is_refused(draft: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "followup_lint", "check", "--fix", "/dev/stdin"],
        input=DRAFT.encode(),
        capture_output=True,
        cwd=draft.parent,
        timeout=120,
    )
    assert proc.returncode == 2
    assert b"/dev/stdin: is a device or process file" in proc.stderr
    assert b"give -" in proc.stderr
    assert proc.stdout == b""


def test_read_only_file_is_left_alone(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Even as root, who could write it: 0444 says "do not change me"."""
    draft.chmod(0o444)
    code, _, err = _fix(capsys, "draft.txt")
    assert code == 2
    assert "draft.txt: is read-only; --fix leaves it alone" in err
    assert "Fixed 0 findings." in err
    assert draft.read_text(encoding="utf-8") == DRAFT
    assert stat.S_IMODE(draft.stat().st_mode) == 0o444


def test_mode_and_extended_attributes_are_kept(
    draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft.chmod(0o640)
    try:
        os.setxattr(draft, "user.followup.note", b"sent to Acme")
    except OSError:
        pytest.skip("this file system has no user extended attributes")
    code, _, err = _fix(capsys, "draft.txt")
    assert code == 0, err
    assert draft.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    assert os.getxattr(draft, "user.followup.note") == b"sent to Acme"


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_owner_and_group_are_kept(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.chown(draft, 4321, 8765)
    code, _, err = _fix(capsys, "draft.txt")
    assert code == 0, err
    st = draft.stat()
    assert (st.st_uid, st.st_gid) == (4321, 8765)
    assert draft.read_text(encoding="utf-8") == FIXED


@pytest.mark.parametrize("how", ["new-text", "same-size-and-time"])
def test_edit_while_fixing_is_never_overwritten(
    how: str,
    draft: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An editor saves a new subject and a P.S. after --fix read the file and before it
    writes. The second case restores the size and the modification time, so only the content
    (and the change time) can tell."""
    edited = DRAFT.replace("Thank you", "Thanks again", 1) + "P.S. The slides are attached.\n"
    if how == "same-size-and-time":
        edited = DRAFT.replace("Sam Ito", "Sam Ita")
    real_fix_bytes = fixes.fix_bytes

    def fix_then_editor_saves(*args: Any, **kwargs: Any) -> fixes.FixOutcome:
        outcome = real_fix_bytes(*args, **kwargs)
        before = draft.stat()
        draft.write_text(edited, encoding="utf-8")
        if how == "same-size-and-time":
            os.utime(draft, ns=(before.st_atime_ns, before.st_mtime_ns))
        return outcome

    monkeypatch.setattr(fixes, "fix_bytes", fix_then_editor_saves)
    code, _out, err = _fix(capsys, "draft.txt")
    assert code == 2
    assert draft.read_text(encoding="utf-8") == edited
    assert "draft.txt: not written:" in err and "while followup-lint was fixing it" in err
    assert "Fixed 0 findings." in err
    assert _leftovers(draft.parent) == []


def test_same_file_named_several_ways_is_fixed_once(
    draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (draft.parent / "alias.txt").symlink_to("draft.txt")
    os.link(draft, draft.parent / "hard.txt")
    code, out, err = _fix(capsys, "draft.txt", "draft.txt", "./draft.txt", "alias.txt", "hard.txt")
    assert code == 0, err
    assert "Fixed 3 findings." in err  # the three edits of one draft, once
    assert draft.read_text(encoding="utf-8") == FIXED
    assert out.count("No problems found in 1 file") == 1


KILL_BEFORE_RENAME = textwrap.dedent(
    """
    import os, signal, sys
    from followup_lint import cli
    real_replace = os.replace
    # Killed at the rename onto the draft (other atomic writes, such as the cache's, go on).
    def replace(src, dst, *a, **k):
        if str(dst).endswith("draft.txt"):
            os.kill(os.getpid(), signal.SIGKILL)
        return real_replace(src, dst, *a, **k)
    os.replace = replace
    sys.exit(cli.main(["check", "--fix", "draft.txt"]))
    """
)


def test_sigkill_between_write_and_rename_then_cleanup(draft: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", KILL_BEFORE_RENAME],
        capture_output=True,
        cwd=draft.parent,
        timeout=120,
    )
    assert proc.returncode == -signal.SIGKILL
    assert draft.read_text(encoding="utf-8") == DRAFT  # the original is whole
    (left,) = _leftovers(draft.parent)
    assert left.startswith(".draft.txt.") and left.endswith(".followup-lint.tmp")
    # The next --fix recognises the temporary of a dead process and removes it.
    again = subprocess.run(
        [sys.executable, "-m", "followup_lint", "check", "--fix", "draft.txt"],
        capture_output=True,
        cwd=draft.parent,
        timeout=120,
    )
    assert again.returncode == 0, again.stderr.decode()
    assert draft.read_text(encoding="utf-8") == FIXED
    assert _leftovers(draft.parent) == []


def test_temporary_of_a_live_process_is_not_touched(
    draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another --fix (still running: here, the parent of this test process) owns it."""
    theirs = draft.parent / f".draft.txt.{os.getppid()}.0badcafe.followup-lint.tmp"
    theirs.write_text("half-written by someone else")
    code, _, err = _fix(capsys, "draft.txt")
    assert code == 0, err
    assert theirs.exists()


def test_safety_copy_of_an_interrupted_in_place_write_stops_the_fix(
    draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hard-linked draft is rewritten in place after a copy of its text is saved beside it;
    a copy left by a dead process may be the only whole text, so the user decides."""
    copy = draft.parent / ".draft.txt.999999999.deadbeef.followup-lint.bak"
    copy.write_text(DRAFT)
    draft.write_text(DRAFT[:40])  # what an interrupted write could leave
    code, _, err = _fix(capsys, "draft.txt")
    assert code == 2
    assert f"an interrupted --fix left a copy of its earlier text in {copy}" in err
    assert copy.read_text() == DRAFT
    assert draft.read_text() == DRAFT[:40]


def test_diff_writes_nothing_even_to_a_read_only_file(
    draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft.chmod(0o444)
    code = cli_module.main(["check", "--diff", "draft.txt"])
    out, _ = capsys.readouterr()
    assert code == 1
    assert "+I write to thank you." in out
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_real_editor_saving_while_fix_runs(draft: Path) -> None:
    """The same race with two real processes: --fix in its own process; this test as the
    editor, saving as soon as --fix has read the file (seen from the file's access time,
    which the kernel sets on that read because it was set older than the modification time)."""
    os.utime(draft, (0, draft.stat().st_mtime))
    fixing = subprocess.Popen(
        [sys.executable, "-m", "followup_lint", "check", "--fix", "draft.txt"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=draft.parent,
    )
    deadline = time.monotonic() + 60
    while draft.stat().st_atime == 0:
        assert time.monotonic() < deadline and fixing.poll() is None, "--fix never read it"
        time.sleep(0.001)
    edited = DRAFT.replace("Best regards", "Kind regards") + "P.S. I attach the slides.\n"
    draft.write_text(edited, encoding="utf-8")  # the editor saves in place, as vim does
    _, err = fixing.communicate(timeout=120)
    assert fixing.returncode == 2, err.decode()
    assert b"not written" in err
    assert draft.read_text(encoding="utf-8") == edited
