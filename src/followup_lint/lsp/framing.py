"""The language server's transport: LSP base-protocol framing that survives bad input, and the
lifecycle rules around `initialize`, `shutdown` and `exit`.

pygls's own reader trusts the client: a message without a valid `Content-Length` makes it read
the body as headers and lose the next message's header with it, so the server stays alive and
never answers again; `Content-Length: 99999999999` makes it allocate that much (MemoryError,
the server exits). Here:

- A header line is at most `MAX_HEADER_LINE` bytes and a body at most `MAX_BODY`; the stream is
  never read in larger pieces, so memory stays bounded whatever the client sends.
- A header block whose `Content-Length` is missing, not a number, negative or over the limit is
  skipped with one log line (its size, never its content: it may hold a draft), and reading
  resynchronises on the next `Content-Length` header, also when it follows a skipped body on the
  same line (a body ends without a newline). End of input ends the server.
- Standard input is read on a daemon thread of its own (at most 16 messages ahead of the
  handler), so a blocked read never keeps the process from exiting.
- Before `initialize` a request is answered with ServerNotInitialized (-32002) and a
  notification dropped, except `exit`; a second `initialize` is answered with InvalidRequest
  (-32600); after `shutdown` every request is answered with InvalidRequest and every
  notification but `exit` dropped. `exit` ends the process with 0 after `shutdown`, 1 otherwise.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import select
import sys
import threading
from typing import TYPE_CHECKING, Any, BinaryIO

from pygls.exceptions import (
    JsonRpcException,
    JsonRpcInvalidRequest,
    JsonRpcServerNotInitialized,
)
from pygls.io_ import StdoutWriter
from pygls.protocol import LanguageServerProtocol

if TYPE_CHECKING:
    from pygls.lsp.server import LanguageServer

log = logging.getLogger(__name__)

#: The longest header line read (real ones are under 100 bytes).
MAX_HEADER_LINE = 8 * 1024
#: The largest message body accepted: a draft is at most 20 M characters and JSON escapes some.
MAX_BODY = 64 * 1024 * 1024

#: A body that gets no byte for this long is given up (editors write a message at once).
STALL_SECONDS = 10.0
_CHUNK = 65536
#: Messages read ahead of the one being handled.
READ_AHEAD = 16

_CONTENT_LENGTH = re.compile(rb"content-length[ \t]*:[ \t]*([^\r\n]*?)[ \t]*\r?\n?$", re.IGNORECASE)
_HEADER = re.compile(rb"[!-9;-~]+[ \t]*:")


class FrameReader:
    """Reads message bodies from a byte stream framed as the LSP base protocol says.

    On a stream with a file descriptor (the server's standard input) it reads the descriptor
    itself, so that it can notice a body that stops arriving: a Content-Length larger than the
    body that came is given up after `stall` seconds without a byte, and reading resynchronises
    on what did come. Other streams (tests' byte strings) are read with blocking reads."""

    def __init__(
        self, stream: BinaryIO, *, max_body: int = MAX_BODY, stall: float = STALL_SECONDS
    ) -> None:
        self._stream = stream
        self.max_body = max_body
        self.stall = stall
        try:
            self._fd: int | None = stream.fileno()
        except (AttributeError, OSError, ValueError):
            self._fd = None
        self._buf = bytearray()
        self._eof = False
        #: Messages skipped for bad framing, and bytes passed over while resynchronising.
        self.skipped = 0
        self._junk = 0

    def _fill(self, timeout: float | None = None) -> bool:
        """More bytes into the buffer: False at end of input, or when none came in `timeout`."""
        if self._eof:
            return False
        if self._fd is None:
            read1 = getattr(self._stream, "read1", None)
            chunk = read1(_CHUNK) if read1 is not None else self._stream.read(_CHUNK)
        else:
            if timeout is not None:
                ready, _, _ = select.select([self._fd], [], [], timeout)
                if not ready:
                    return False
            chunk = os.read(self._fd, _CHUNK)
        if not chunk:
            self._eof = True
            return False
        self._buf += chunk
        return True

    def _line(self) -> bytes | None:
        while True:
            i = self._buf.find(b"\n")
            if i >= 0:
                line = bytes(self._buf[: i + 1])
                del self._buf[: i + 1]
                if len(line) > MAX_HEADER_LINE:
                    self._junk += len(line) - 256
                    line = line[-256:]
                return line
            if len(self._buf) > MAX_HEADER_LINE:
                # Too long to be a header: pass over it, keeping only its end, where a glued
                # "Content-Length:" header may start.
                self._junk += len(self._buf) - 256
                del self._buf[:-256]
            if not self._fill():
                if self._buf:
                    line = bytes(self._buf)
                    self._buf.clear()
                    return line
                return None

    def _body(self, length: int) -> bytes | None:
        """The body, or None at end of input; b"" (and a log line) when it stopped arriving."""
        while len(self._buf) < length:
            if not self._fill(self.stall if self._fd is not None else None):
                if self._eof:
                    log.warning("LSP framing: input ended %d bytes into a message", len(self._buf))
                    return None
                self._skip(
                    f"Content-Length {length} promised more than the {len(self._buf)} bytes "
                    f"that came within {self.stall:g} s"
                )
                return b""  # what came stays in the buffer, to be scanned for the next header
        body = bytes(self._buf[:length])
        del self._buf[:length]
        return body

    def _skip(self, why: str) -> None:
        self.skipped += 1
        log.warning("LSP framing: %s; message skipped, reading on from the next header", why)

    def _report_junk(self) -> None:
        if self._junk:
            log.warning(
                "LSP framing: passed over %d bytes that were not a message header", self._junk
            )
            self._junk = 0

    def read(self) -> bytes | None:
        """The next message body, or None at the end of the input."""
        while True:
            length = self._header_block()
            if length is None:
                self._report_junk()
                return None
            body = self._body(length)
            if body is None:
                return None
            if body:
                return body

    def _header_block(self) -> int | None:
        length: int | None = None
        problem: str | None = None
        in_block = False
        while True:
            line = self._line()
            if line is None:
                return None
            if not line.strip():
                if not in_block:
                    continue  # blank lines between messages: harmless
                if problem is None and length is None:
                    problem = "a message had no Content-Length header"
                if problem is None and length is not None:
                    self._report_junk()
                    return length
                self._skip(str(problem))
                length, problem, in_block = None, None, False
                continue
            found = _CONTENT_LENGTH.search(line)
            if found:
                if found.start() > 0:
                    # A header glued to the end of a body that lost its frame: what came before
                    # it on the line is passed over, and a block it interrupts is skipped.
                    self._junk += found.start()
                    if in_block:
                        self._skip("a header block was cut short")
                self._report_junk()
                in_block = True
                value = found.group(1)
                length, problem = None, None
                if not value.isdigit():
                    shown = value[:20].decode("ascii", "replace")
                    problem = f"Content-Length {shown!r} is not a number of bytes"
                elif int(value) > self.max_body:
                    problem = f"Content-Length {int(value)} is over the limit of {self.max_body}"
                else:
                    length = int(value)
                continue
            if in_block and _HEADER.match(line):
                continue  # Content-Type, or a header we do not use
            # Not a header: a body that lost its frame, or noise.
            if in_block:
                self._skip("a header block held a line that is not a header")
                length, problem, in_block = None, None, False
            self._junk += len(line)


class LifecycleProtocol(LanguageServerProtocol):
    """pygls's protocol with the lifecycle rules of the LSP specification."""

    _initialize_seen = False

    def _refuse(self, msg_id: Any, error: JsonRpcException) -> None:
        self._send_response(msg_id, error=error.to_response_error())

    def handle_message(self, message: Any) -> None:
        method = getattr(message, "method", None)
        msg_id = getattr(message, "id", None)
        request = isinstance(method, str) and msg_id is not None
        if method == "exit":
            super().handle_message(message)
            return
        if self._shutdown:
            if request:
                self._refuse(msg_id, JsonRpcInvalidRequest(message="the server is shutting down"))
            return
        if method == "initialize":
            if self._initialize_seen:
                self._refuse(
                    msg_id, JsonRpcInvalidRequest(message="initialize may only be sent once")
                )
                return
            self._initialize_seen = True
        elif not self._initialize_seen and isinstance(method, str):
            if request:
                self._refuse(
                    msg_id,
                    JsonRpcServerNotInitialized(message=f"{method} before initialize"),
                )
            return
        super().handle_message(message)


async def _serve(server: LanguageServer, reader: FrameReader, stop: threading.Event) -> None:
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[bytes | None] = asyncio.Queue()
    # The reader runs at most READ_AHEAD messages ahead of the handler: a client that floods the
    # server fills a pipe, not the server's memory.
    ahead = threading.Semaphore(READ_AHEAD)

    def pump() -> None:
        body: bytes | None = b""
        try:
            while body is not None:
                ahead.acquire()
                body = reader.read()
                loop.call_soon_threadsafe(queue.put_nowait, body)
        except RuntimeError:
            return  # the loop is closed: the server has stopped
        except Exception as exc:
            log.error("LSP framing: reading standard input failed (%s)", type(exc).__name__)
            try:
                loop.call_soon_threadsafe(queue.put_nowait, None)
            except RuntimeError:
                return

    threading.Thread(target=pump, name="followup-lint-stdin", daemon=True).start()
    protocol = server.protocol
    while not stop.is_set():
        body = await queue.get()
        ahead.release()
        if body is None:
            log.info("end of input: the language server stops")
            return
        try:
            message = json.loads(body, object_hook=protocol.structure_message)
        except (ValueError, RecursionError) as exc:
            # The body is not quoted: it may be a draft.
            log.warning("unreadable message skipped (%s)", type(exc).__name__)
            continue
        try:
            protocol.handle_message(message)
        except Exception as exc:
            log.error("message handling failed (%s)", type(exc).__name__)


def serve_stdio(
    server: LanguageServer, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None
) -> None:
    """Run `server` on standard input and output with the framing above."""
    stop = threading.Event()
    server._stop_event = stop
    server.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))
    reader = FrameReader(stdin or sys.stdin.buffer)
    code: Any = None
    try:
        asyncio.run(_serve(server, reader, stop))
    except BrokenPipeError:
        log.error("the connection to the editor is lost; the language server stops")
    except KeyboardInterrupt:
        pass
    except SystemExit as exc:  # `exit`: 0 after shutdown, 1 without
        code = exc.code
    finally:
        server.shutdown()  # type: ignore[no-untyped-call]
    if code is not None:
        raise SystemExit(code)


__all__ = ["MAX_BODY", "MAX_HEADER_LINE", "FrameReader", "LifecycleProtocol", "serve_stdio"]
