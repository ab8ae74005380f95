"""The language server's framing and lifecycle under malformed input, spoken to as raw bytes.

Every case ends with a valid request that must be answered: a server that stays alive but never
answers again (pygls's behaviour after a bad Content-Length) fails here by timeout, not by
hanging the suite. The FrameReader cases run in-process on byte strings.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import queue
import resource
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from followup_lint.lsp.framing import MAX_HEADER_LINE, FrameReader

LAUNCH = Path(__file__).resolve().parent / "launch.py"
SECRET = "Marguerite-Okonkwo-7731"
TIMEOUT = 30.0


def frame(payload: dict[str, Any]) -> bytes:
    body = json.dumps(payload).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def request(msg_id: int, method: str, params: Any = None) -> bytes:
    return frame({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params})


def notify(method: str, params: Any = None) -> bytes:
    return frame({"jsonrpc": "2.0", "method": method, "params": params})


INIT = {"processId": None, "rootUri": None, "capabilities": {}}
HOVER = {"textDocument": {"uri": "file:///nowhere/x.txt"}, "position": {"line": 0, "character": 0}}


# -- FrameReader, in-process --------------------------------------------------------------------


def _bodies(data: bytes, **kw: Any) -> list[bytes]:
    reader = FrameReader(io.BufferedReader(io.BytesIO(data)), **kw)  # type: ignore[arg-type]
    out = []
    while (body := reader.read()) is not None:
        out.append(body)
    return out


GOOD = request(7, "shutdown")
GOOD_BODY = GOOD.split(b"\r\n\r\n", 1)[1]
BAD_FRAMES = {
    "missing": b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + GOOD_BODY,
    "no headers at all": b"\r\n" + GOOD_BODY,
    "not a number": b"Content-Length: abc\r\n\r\n" + GOOD_BODY,
    "negative": b"Content-Length: -5\r\n\r\n" + GOOD_BODY,
    "huge": b"Content-Length: 99999999999\r\n\r\n" + GOOD_BODY,
    "empty value": b"Content-Length:\r\n\r\n" + GOOD_BODY,
    "hex": b"Content-Length: 0x10\r\n\r\n" + GOOD_BODY,
    "long junk line": b"x" * (3 * MAX_HEADER_LINE) + b"\r\n",
    "long junk, no newline": b"y" * (3 * MAX_HEADER_LINE),
    "junk lines": b"hello\r\nworld\r\n\r\n",
    "header block cut by junk": b"Content-Length: 10\r\nnot a header\r\n\r\n",
    "binary": bytes(range(256)) * 4,
}


@pytest.mark.parametrize("bad", list(BAD_FRAMES.values()), ids=list(BAD_FRAMES))
def test_reader_skips_a_bad_frame_and_reads_the_next(bad: bytes) -> None:
    assert _bodies(bad + GOOD + GOOD) == [GOOD_BODY, GOOD_BODY]


def test_reader_logs_sizes_never_content(caplog: pytest.LogCaptureFixture) -> None:
    secret_body = json.dumps({"text": SECRET}).encode()
    data = b"Content-Length: oops\r\n\r\n" + secret_body + b"Content-Length: " + secret_body
    with caplog.at_level(logging.WARNING, logger="followup_lint.lsp.framing"):
        assert _bodies(data + b"\r\n\r\n" + GOOD) == [GOOD_BODY]
    assert "LSP framing" in caplog.text and SECRET not in caplog.text


def test_reader_accepts_case_other_headers_and_bare_newlines() -> None:
    data = (
        b"content-length: %d\n" % len(GOOD_BODY)
        + b"Content-Type: application/vscode-jsonrpc; charset=utf-8\n\n"
        + GOOD_BODY
    )
    assert _bodies(data) == [GOOD_BODY]


def test_reader_bounds_the_body_it_will_read() -> None:
    data = b"Content-Length: 2000\r\n\r\n" + b"{" * 2000 + GOOD
    assert _bodies(data, max_body=1000) == [GOOD_BODY]


def test_reader_stops_at_the_end_of_input_mid_body() -> None:
    assert _bodies(b"Content-Length: 100\r\n\r\n{}") == []


# -- the real server ----------------------------------------------------------------------------


class RawServer:
    """`followup-lint lsp` in a subprocess, fed raw bytes; answers collected by id."""

    def __init__(self, cwd: Path, log_file: Path) -> None:
        def cap_memory() -> None:  # 3 GB: enough for spaCy, not for a 93 GB body
            resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))

        self.proc = subprocess.Popen(
            [sys.executable, str(LAUNCH), "--log-level", "info", "--log-file", str(log_file)],
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            preexec_fn=cap_memory,
        )
        self.answers: queue.Queue[dict[str, Any]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
                if line in (b"\r\n", b"\n"):
                    break
            assert length is not None
            message = json.loads(out.read(length))
            if "id" in message and "method" not in message:
                self.answers.put(message)

    def send(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def answer(self, msg_id: int) -> dict[str, Any]:
        while True:
            got = self.answers.get(timeout=TIMEOUT)
            if got.get("id") == msg_id:
                return got

    def close(self) -> int:
        if self.proc.stdin and not self.proc.stdin.closed:
            with contextlib.suppress(BrokenPipeError):
                self.proc.stdin.close()
        try:
            return self.proc.wait(timeout=TIMEOUT)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


@pytest.fixture
def raw(tmp_path: Path) -> Any:
    servers: list[RawServer] = []

    def start() -> RawServer:
        server = RawServer(tmp_path, tmp_path / "server.log")
        servers.append(server)
        return server

    yield start
    for server in servers:
        if server.proc.poll() is None:
            server.proc.kill()
            server.proc.wait()


def test_lifecycle_before_initialize_twice_and_after_shutdown(raw: Any, tmp_path: Path) -> None:
    server = raw()
    server.send(request(1, "textDocument/hover", HOVER))
    assert server.answer(1)["error"]["code"] == -32002  # ServerNotInitialized
    server.send(notify("textDocument/didOpen", {"textDocument": {"uri": "x"}}))  # dropped
    server.send(request(2, "initialize", INIT))
    assert "capabilities" in server.answer(2)["result"]
    server.send(notify("initialized", {}))
    server.send(request(3, "initialize", INIT))
    assert server.answer(3)["error"]["code"] == -32600  # InvalidRequest: only once
    server.send(request(4, "shutdown"))
    assert server.answer(4).get("result", "missing") is None
    server.send(request(5, "textDocument/hover", HOVER))
    assert server.answer(5)["error"]["code"] == -32600  # after shutdown
    server.send(notify("exit"))
    assert server.close() == 0


def test_exit_without_shutdown_is_status_1(raw: Any) -> None:
    server = raw()
    server.send(request(1, "initialize", INIT))
    server.answer(1)
    server.send(notify("exit"))
    assert server.close() == 1


def test_every_framing_error_is_survived_and_the_next_request_answered(
    raw: Any, tmp_path: Path
) -> None:
    server = raw()
    server.send(request(1, "initialize", INIT))
    server.answer(1)
    server.send(notify("initialized", {}))
    secret = json.dumps({"jsonrpc": "2.0", "id": 99, "method": "x", "params": SECRET}).encode()
    for n, bad in enumerate(
        [
            b"Content-Type: application/vscode-jsonrpc\r\n\r\n" + secret,
            b"Content-Length: abc\r\n\r\n" + secret,
            b"Content-Length: -5\r\n\r\n" + secret,
            b"Content-Length: 99999999999\r\n\r\n" + secret,
            b"z" * 100_000 + b"\r\n",
            b"Content-Length: 12\r\n\r\n{not json!!}",
        ],
        start=10,
    ):
        server.send(bad)
        server.send(request(n, "textDocument/hover", HOVER))
        answer = server.answer(n)
        assert "result" in answer or "error" in answer
    server.send(request(50, "shutdown"))
    server.answer(50)
    server.send(notify("exit"))
    assert server.close() == 0
    log = (tmp_path / "server.log").read_text(encoding="utf-8")
    assert "Content-Length 99999999999 is over the limit" in log
    assert "is not a number of bytes" in log
    assert "MemoryError" not in log and "Traceback" not in log
    assert SECRET not in log


def test_end_of_input_ends_the_server(raw: Any) -> None:
    server = raw()
    server.send(request(1, "initialize", INIT))
    server.answer(1)
    server.send(b"Content-Length: 99999999999\r\n\r\n")
    assert server.close() == 0  # stdin closed: the server stops, it does not wait for 93 GB


def test_reader_gives_up_a_body_that_stops_arriving_and_resynchronises() -> None:
    # Content-Length promises 5,000 bytes, 60 come, then a good message: on a real descriptor
    # the reader waits `stall` seconds, skips, and finds the good message in what came.
    import os

    read_end, write_end = os.pipe()
    try:
        os.write(write_end, b"Content-Length: 5000\r\n\r\n" + b"{" * 60 + GOOD)
        reader = FrameReader(os.fdopen(read_end, "rb", buffering=0), stall=0.3)
        assert reader.read() == GOOD_BODY
        assert reader.skipped == 1
    finally:
        os.close(write_end)
