"""A small LanguageTool stand-in on 127.0.0.1 that answers the documented HTTP API
(`GET /v2/languages`, `POST /v2/check`) for the protocol tests, and helpers."""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from followup_lint.proofreading import languagetool as lt


def utf16_offset(text: str, index: int) -> int:
    """What Java (so LanguageTool) counts for a Python offset."""
    return len(text[:index].encode("utf-16-le")) // 2


@dataclass
class FakeLanguageTool:
    """Behaviour of the stand-in server; tests change it between requests."""

    #: Phrases reported as grammar matches: phrase -> (rule id, replacements).
    grammar: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    #: Words reported as misspellings (MORFOLOGIK_RULE_EN_US).
    spelling: dict[str, list[str]] = field(default_factory=dict)
    delay: float = 0.0
    status: int = 200
    retry_after: str | None = None
    body: bytes | None = None
    requests: list[dict[str, str]] = field(default_factory=list)
    url: str = ""

    def answer(self, text: str) -> dict[str, Any]:
        matches = []
        for phrase, (rule, repl) in self.grammar.items():
            i = text.find(phrase)
            while i >= 0:
                matches.append(self._match(text, i, len(phrase), rule, repl, "grammar", "GRAMMAR"))
                i = text.find(phrase, i + 1)
        for word, repl in self.spelling.items():
            i = text.find(word)
            while i >= 0:
                matches.append(
                    self._match(
                        text, i, len(word), "MORFOLOGIK_RULE_EN_US", repl, "misspelling", "TYPOS"
                    )
                )
                i = text.find(word, i + 1)
        return {
            "software": {"name": "LanguageTool", "version": "6.4", "apiVersion": 1},
            "language": {"name": "English (US)", "code": "en-US"},
            "matches": matches,
        }

    @staticmethod
    def _match(
        text: str, i: int, n: int, rule: str, repl: list[str], issue: str, category: str
    ) -> dict[str, Any]:
        offset = utf16_offset(text, i)
        length = utf16_offset(text, i + n) - offset
        return {
            "message": f"Possible problem ({rule}).",
            "shortMessage": "",
            "replacements": [{"value": r} for r in repl],
            "offset": offset,
            "length": length,
            "context": {"text": text[max(0, i - 20) : i + n + 20], "offset": 0, "length": n},
            "sentence": text,
            "type": {"typeName": "Other"},
            "rule": {
                "id": rule,
                "description": "A rule",
                "issueType": issue,
                "category": {"id": category, "name": category.title()},
            },
            "ignoreForIncompleteSentence": False,
            "contextForSureMatch": 0,
        }


def _handler(fake: FakeLanguageTool) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # keep test output quiet
            pass

        def _send(self, status: int, payload: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self) -> None:
            if self.path.startswith("/v2/languages"):
                langs = [{"name": "English (US)", "code": "en", "longCode": "en-US"}]
                self._send(200, json.dumps(langs).encode())
            else:
                self._send(404, b"{}")

        def do_POST(self) -> None:
            size = int(self.headers.get("Content-Length") or 0)
            form = dict(urllib.parse.parse_qsl(self.rfile.read(size).decode("utf-8")))
            if not self.path.startswith("/v2/check"):
                self._send(404, b"{}")
                return
            fake.requests.append(form)
            if fake.delay:
                time.sleep(fake.delay)
            if fake.status != 200:
                headers = {"Retry-After": fake.retry_after} if fake.retry_after else None
                self._send(fake.status, b'{"error": "no"}', headers)
                return
            body = fake.body or json.dumps(fake.answer(form.get("text", ""))).encode()
            self._send(200, body)

    return Handler


@pytest.fixture
def fake_lt() -> Iterator[FakeLanguageTool]:
    fake = FakeLanguageTool()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    # Clients (and their caches and failure memory) are process-wide: start each test afresh.
    lt._clients.clear()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        lt._clients.clear()


@pytest.fixture(autouse=True)
def _no_user_words(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # The user's own words file must not change what these tests see.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg")))
