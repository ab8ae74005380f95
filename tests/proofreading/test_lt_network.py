"""Where LanguageTool requests go: `allow-public` sees through spellings of the public host, and a
proxy is used only when configured for followup-lint, never for this machine.

The "proxy" is a listener on 127.0.0.1 that records every request it gets: a test that says no
request went through a proxy checks that it recorded none.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from followup_lint.proofreading import languagetool as lt
from followup_lint.proofreading import lt_network
from tests.proofreading.conftest import FakeLanguageTool

PUBLIC_SPELLINGS = [
    "https://api.languagetool.org",
    "https://api.languagetool.org.",
    "https://api.languagetool.org..",
    "https://API.LanguageTool.ORG/v2",
    "https://api.languagetool%2Eorg",
    "https://api%2elanguagetool%2eorg.",
    "https://api.languagetool%252Eorg",
    "https://api\uff0elanguagetool\uff0eorg",  # full-width full stops
    "https://api\u3002languagetool\u3002org",  # ideographic full stops
    "https://\uff41\uff50\uff49.languagetool.org",  # full-width letters
    "https://user:pw@api.languagetool.org.:443/",
    "https://languagetool.org./",
    "https://www.languagetoolplus.com.",
]
PRIVATE = [
    "http://127.0.0.1:8081",
    "http://localhost:8081",
    "https://languagetool.org.example.com",
    "https://notlanguagetool.org",
    "https://lt.internal.example:8081",
    "http://[::1]:8081",
]


@pytest.mark.parametrize("url", PUBLIC_SPELLINGS)
def test_every_spelling_of_the_public_host_is_public(url: str) -> None:
    assert lt.is_public(url)
    with pytest.raises(lt.Unavailable, match="allow-public"):
        lt.server_url(url, allow_public=False)
    allowed = lt.server_url(url, allow_public=True)
    assert lt_network.url_host(allowed).endswith(("languagetool.org", "languagetoolplus.com"))
    assert "%" not in allowed and "\uff0e" not in allowed  # what is checked is what is used


@pytest.mark.parametrize("url", PRIVATE)
def test_private_hosts_are_not_public(url: str) -> None:
    assert not lt.is_public(url)
    assert lt.server_url(url, allow_public=False)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1", True),  # the resolver reads these as 127.0.0.1
        ("2130706433", True),
        ("0x7f.0.0.1", True),
        ("LOCALHOST.", True),
        ("dev.localhost", True),
        ("[::1]", True),
        ("%31%32%37.0.0.1", True),
        ("10.0.0.5", False),
        ("lt.example.com", False),
    ],
)
def test_loopback_is_recognised_however_spelt(host: str, loopback: bool) -> None:
    assert lt_network.is_loopback(lt_network.normalise_host(host)) is loopback


@pytest.mark.parametrize("url", ["http://exa mple.com", "http://%00/", "http://\u0000x/"])
def test_a_host_that_is_no_host_is_refused(url: str) -> None:
    with pytest.raises(lt.Unavailable):
        lt.server_url(url, allow_public=False)


# -- proxies --------------------------------------------------------------------------------


class Proxy:
    """Records every request; answers /v2/check like a LanguageTool behind it would."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.url = ""


def _proxy_handler(proxy: Proxy) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _answer(self) -> None:
            proxy.requests.append(f"{self.command} {self.path}")
            size = int(self.headers.get("Content-Length") or 0)
            if size:
                self.rfile.read(size)
            body = json.dumps({"matches": []}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer

        def do_CONNECT(self) -> None:
            proxy.requests.append(f"CONNECT {self.path}")
            self.send_response(502)
            self.end_headers()

    return Handler


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[Proxy]:
    """A listening "proxy", named in every proxy variable of the environment."""
    p = Proxy()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _proxy_handler(p))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    p.url = f"http://127.0.0.1:{server.server_address[1]}"
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.setenv(name, p.url)
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    lt._clients.clear()
    try:
        yield p
    finally:
        server.shutdown()
        server.server_close()
        lt._clients.clear()


def test_loopback_server_is_reached_directly_despite_proxy_variables(
    proxy: Proxy, fake_lt: FakeLanguageTool
) -> None:
    client = lt.Client(fake_lt.url, timeout=5)
    client.check(["Dear Dana, thank you."])
    assert len(fake_lt.requests) == 1
    assert proxy.requests == []


def test_loopback_server_is_reached_directly_even_with_a_configured_proxy(
    proxy: Proxy, fake_lt: FakeLanguageTool
) -> None:
    client = lt.Client(fake_lt.url.replace("127.0.0.1", "localhost"), timeout=5, proxy=proxy.url)
    client.check(["Dear Dana, thank you."])
    assert len(fake_lt.requests) == 1
    assert proxy.requests == []


def test_remote_server_without_a_configured_proxy_ignores_proxy_variables(proxy: Proxy) -> None:
    # 192.0.2.0/24 is reserved for documentation: nothing answers there.
    client = lt.Client("http://192.0.2.1:8081", timeout=0.5)
    with pytest.raises(lt.Unavailable):
        client.check(["Dear Dana, thank you."])
    assert proxy.requests == []


def test_remote_server_goes_through_the_configured_proxy(proxy: Proxy) -> None:
    client = lt.client_for(
        "http://192.0.2.1:8081", timeout=5, language="en-US", disabled_rules=(), proxy=proxy.url
    )
    assert client.check(["Dear Dana, thank you."]) == [[]]
    assert proxy.requests == ["POST http://192.0.2.1:8081/v2/check"]


def test_redirects_are_not_followed(proxy: Proxy) -> None:
    class Redirect(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            self.send_response(302)
            self.send_header("Location", proxy.url + "/v2/check")
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_POST

    server = ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        client = lt.Client(f"http://127.0.0.1:{server.server_address[1]}", timeout=5)
        with pytest.raises(lt.Unavailable, match="HTTP 302"):
            client.check(["Dear Dana, thank you."])
    finally:
        server.shutdown()
        server.server_close()
    assert proxy.requests == []  # the redirect's target (the recording listener) saw nothing
