"""A LanguageTool client: the documented HTTP API (`/v2/check`, `/v2/languages`), bounded.

Why the HTTP API directly rather than language-tool-python's `LanguageTool.check`: that class
fixes a 300-second request timeout and retries, probes the server when it is constructed, and
corrects offsets through a class-level variable shared by every thread. A linter that runs on
every keystroke in an editor needs a timeout of a few seconds, one failure reported once, and
no shared mutable state, so requests go through `urllib` here. language-tool-python is still
what downloads and starts a local server (`url = "local"`); once that server answers, it is
talked to through the same client.

Nothing leaves the machine unless a server is configured, and the public service only with
`allow_public`. Logs name the server and the failure, never the draft's text.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from followup_lint.proofreading import lt_network
from followup_lint.proofreading.utf16 import Utf16Map

log = logging.getLogger(__name__)

#: The public service: personal data leaves the machine, and it allows 20 requests a minute.
PUBLIC_URL = "https://api.languagetool.org"
#: How long a failed server is left alone before it is tried again (an editor lints often).
RETRY_AFTER = 30.0
#: The largest response read (a LanguageTool answer for an email is a few kilobytes).
MAX_RESPONSE = 4 * 1024 * 1024
#: Paragraph results kept per client.
CACHE_SIZE = 2048
#: The download language-tool-python makes for a local server, announced before it starts.
LOCAL_DOWNLOAD_SIZE = "about 250 MB"
#: How long a lint waits for a local server to start (when already downloaded) or to download.
LOCAL_START_WAIT = 30.0
LOCAL_DOWNLOAD_WAIT = 120.0
_SEPARATOR = "\n\n"


class Unavailable(Exception):
    """LanguageTool could not be used; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class LTMatch:
    """One LanguageTool match, with Python offsets relative to the text that was checked."""

    start: int
    end: int
    rule_id: str
    message: str
    replacements: tuple[str, ...]
    issue_type: str
    category: str

    @property
    def is_spelling(self) -> bool:
        return self.issue_type == "misspelling" or self.category == "TYPOS"


def parse_matches(payload: Any, text: str) -> list[LTMatch]:
    """The matches of a documented `/v2/check` response, offsets converted from UTF-16 code
    units to Python characters. Raises Unavailable on a response of the wrong shape."""
    if not isinstance(payload, dict) or not isinstance(payload.get("matches"), list):
        raise Unavailable("the server's answer is not a LanguageTool /v2/check response")
    umap = Utf16Map(text)
    out: list[LTMatch] = []
    for raw in payload["matches"]:
        try:
            offset, length = int(raw["offset"]), int(raw["length"])
            rule = raw.get("rule") or {}
            start, end = umap.span(offset, length)
            replacements = tuple(
                str(r["value"])
                for r in raw.get("replacements") or ()
                if isinstance(r, dict) and "value" in r
            )
            category = (rule.get("category") or {}).get("id", "")
            out.append(
                LTMatch(
                    start,
                    end,
                    # Our JSON schema allows lt:[A-Za-z0-9_]+; LanguageTool's ids fit, and an
                    # odd server's are made to.
                    re.sub(r"[^A-Za-z0-9_]", "_", str(rule.get("id") or "UNKNOWN")),
                    str(raw.get("message") or rule.get("description") or "LanguageTool match"),
                    replacements,
                    str(rule.get("issueType") or ""),
                    str(category),
                )
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            continue  # one malformed match must not lose the others
    return out


def is_public(url: str) -> bool:
    # The host is normalised first (case, trailing dot, percent-escapes, IDNA): lt_network.
    return lt_network.is_public(url)


class Client:
    """Talks to one LanguageTool server. Thread-safe; results cached per paragraph text."""

    def __init__(
        self,
        url: str,
        *,
        timeout: float = 3.0,
        language: str = "en-US",
        disabled_rules: Sequence[str] = (),
        proxy: str | None = None,
    ) -> None:
        #: The proxy configured for followup-lint (never one from the environment, never for
        #: a loopback address: see lt_network).
        self.proxy = proxy
        self.base = url.rstrip("/")
        if self.base.endswith("/v2"):
            self.base = self.base[: -len("/v2")]
        self.timeout = timeout
        self.language = language
        self.disabled_rules = tuple(sorted(set(disabled_rules)))
        self._cache: OrderedDict[str, list[LTMatch]] = OrderedDict()
        self._lock = threading.Lock()
        self._failed: tuple[float, float, str] | None = None  # (when, wait, reason)
        #: Requests actually sent (the cache's effect is visible to tests and benchmarks).
        self.requests_sent = 0

    # -- HTTP ----------------------------------------------------------------------------

    def _request(self, path: str, data: dict[str, str] | None = None) -> Any:
        url = f"{self.base}{path}"
        body = urllib.parse.urlencode(data).encode("utf-8") if data is not None else None
        req = urllib.request.Request(
            url,
            data=body,
            headers={"Accept": "application/json", "User-Agent": "followup-lint"},
            method="POST" if body is not None else "GET",
        )
        deadline = time.monotonic() + self.timeout
        try:
            with lt_network.urlopen(req, timeout=self.timeout, proxy=self.proxy) as resp:
                chunks: list[bytes] = []
                size = 0
                while True:
                    if time.monotonic() > deadline:
                        raise TimeoutError
                    chunk = resp.read(65536)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > MAX_RESPONSE:
                        raise Unavailable(f"{self.base} sent an answer larger than 4 MB")
                    chunks.append(chunk)
        except urllib.error.HTTPError as exc:
            if exc.code == 429:
                wait = _retry_after(exc.headers.get("Retry-After"))
                raise _RateLimited(
                    f"{self.base} refused the request: too many requests (HTTP 429); "
                    f"not asked again for {wait:.0f} s",
                    wait,
                ) from None
            raise Unavailable(f"{self.base} answered HTTP {exc.code} to {path}") from None
        except TimeoutError:
            raise Unavailable(
                f"{self.base} did not answer within {self.timeout:g} s (languagetool.timeout)"
            ) from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise Unavailable(
                    f"{self.base} did not answer within {self.timeout:g} s (languagetool.timeout)"
                ) from None
            raise Unavailable(f"could not connect to {self.base} ({reason})") from None
        except (OSError, ValueError) as exc:
            raise Unavailable(f"could not talk to {self.base} ({type(exc).__name__})") from None
        try:
            return json.loads(b"".join(chunks).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise Unavailable(f"{self.base} did not answer with LanguageTool's JSON") from None

    def languages(self) -> list[str]:
        """Language codes the server supports (`GET /v2/languages`)."""
        payload = self._guarded(lambda: self._bounded("/v2/languages"))
        if not isinstance(payload, list):
            raise Unavailable(f"{self.base} did not answer /v2/languages with a list")
        return [str(x.get("longCode") or x.get("code")) for x in payload if isinstance(x, dict)]

    def _bounded(self, path: str, data: dict[str, str] | None = None) -> Any:
        """`_request` with a hard deadline. A socket timeout does not cover the name lookup,
        which can block for half a minute on a broken resolver, so the request runs in a
        daemon thread and is given up on (left to finish on its own) at the deadline."""
        box: dict[str, Any] = {}

        def work() -> None:
            try:
                box["result"] = self._request(path, data)
            except BaseException as exc:  # handed to the caller below
                box["error"] = exc

        worker = threading.Thread(target=work, name="languagetool-request", daemon=True)
        worker.start()
        worker.join(self.timeout * 2 + 0.5)
        if worker.is_alive():
            raise Unavailable(
                f"{self.base} did not answer within {self.timeout:g} s (languagetool.timeout)"
            )
        if "error" in box:
            raise box["error"]
        return box.get("result")

    def _guarded(self, call: Any) -> Any:
        with self._lock:
            failed = self._failed
        if failed is not None:
            when, wait, reason = failed
            if time.monotonic() - when < wait:
                raise Unavailable(reason)
        try:
            result = call()
        except _RateLimited as exc:
            with self._lock:
                self._failed = (time.monotonic(), exc.wait, str(exc))
            log.info("LanguageTool unavailable: %s", exc)
            raise Unavailable(str(exc)) from None
        except Unavailable as exc:
            with self._lock:
                self._failed = (time.monotonic(), RETRY_AFTER, str(exc))
            log.info("LanguageTool unavailable: %s", exc)
            raise
        with self._lock:
            self._failed = None
        return result

    # -- checking ------------------------------------------------------------------------

    def check(self, texts: Sequence[str]) -> list[list[LTMatch]]:
        """Matches for each text (offsets relative to it). Texts seen before come from the
        cache; the others go in one request, joined by blank lines, and are split back."""
        results: dict[str, list[LTMatch]] = {}
        with self._lock:
            for t in texts:
                if t in self._cache:
                    self._cache.move_to_end(t)
                    results[t] = self._cache[t]
        todo = list(dict.fromkeys(t for t in texts if t not in results and t.strip()))
        if todo:
            joined = _SEPARATOR.join(todo)
            form = {"text": joined, "language": self.language}
            if self.disabled_rules:
                form["disabledRules"] = ",".join(self.disabled_rules)

            def send() -> Any:
                self.requests_sent += 1
                return self._bounded("/v2/check", form)

            matches = parse_matches(self._guarded(send), joined)
            bounds: list[tuple[int, int]] = []
            pos = 0
            for t in todo:
                bounds.append((pos, pos + len(t)))
                pos += len(t) + len(_SEPARATOR)
            fresh: dict[str, list[LTMatch]] = {t: [] for t in todo}
            for m in matches:
                for t, (a, b) in zip(todo, bounds, strict=True):
                    if a <= m.start and m.end <= b:
                        fresh[t].append(
                            LTMatch(
                                m.start - a,
                                m.end - a,
                                m.rule_id,
                                m.message,
                                m.replacements,
                                m.issue_type,
                                m.category,
                            )
                        )
                        break
            with self._lock:
                for t, found in fresh.items():
                    self._cache[t] = found
                    results[t] = found
                while len(self._cache) > CACHE_SIZE:
                    self._cache.popitem(last=False)
        return [results.get(t, []) for t in texts]


class _RateLimited(Unavailable):
    def __init__(self, message: str, wait: float) -> None:
        super().__init__(message)
        self.wait = wait


def _retry_after(value: str | None) -> float:
    try:
        return min(max(float(value or RETRY_AFTER), 1.0), 600.0)
    except ValueError:
        return 60.0


# -- finding the server --------------------------------------------------------------------

_clients: dict[tuple[str, float, str, tuple[str, ...], str | None], Client] = {}
_clients_lock = threading.Lock()


def client_for(
    url: str,
    *,
    timeout: float,
    language: str,
    disabled_rules: Sequence[str],
    proxy: str | None = None,
) -> Client:
    """The process-wide client for these settings (its cache outlives a Linter)."""
    key = (url, timeout, language, tuple(sorted(set(disabled_rules))), proxy)
    with _clients_lock:
        client = _clients.get(key)
        if client is None:
            client = _clients[key] = Client(
                url, timeout=timeout, language=language, disabled_rules=disabled_rules, proxy=proxy
            )
        return client


def server_url(url: str, *, allow_public: bool) -> str:
    """The base URL to talk to for a configured `languagetool.url`; raises Unavailable with the
    reason when it cannot or must not be used."""
    value = url.strip()
    if value == "local":
        return local_server().url()
    if value == "public":
        value = PUBLIC_URL
    parts = urllib.parse.urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Unavailable(f'languagetool.url {url!r} is not an http(s) URL, "local" or "public"')
    try:
        # What is checked is what is connected to: the host in normal form.
        value = lt_network.normalised_url(value)
    except (lt_network.BadHost, ValueError) as exc:
        raise Unavailable(f"languagetool.url {url!r}: {exc}") from None
    if is_public(value) and not allow_public:
        raise Unavailable(
            f"{value} is the public LanguageTool service, and drafts are personal data: set "
            "languagetool.allow-public = true to send them there (it allows 20 requests a "
            "minute), or run your own server"
        )
    return value


# -- a local server through language-tool-python --------------------------------------------


def java_major() -> int | None:
    """The major version of the `java` on PATH, or None without one."""
    java = shutil.which("java")
    if not java:
        return None
    try:
        out = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not m:
        return None
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major


def download_dir() -> Path:
    """Where language-tool-python keeps LanguageTool ($LTP_PATH, else
    ~/.cache/language_tool_python)."""
    return Path(os.environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python")


def installed() -> bool:
    if os.environ.get("LTP_JAR_DIR_PATH"):
        return True
    folder = download_dir()
    return folder.is_dir() and any(p.is_dir() for p in folder.glob("LanguageTool-*"))


class LocalServer:
    """A LanguageTool server that language-tool-python downloads (once) and starts, in a
    background thread so that no lint waits longer than a bounded time for it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._url: str | None = None
        self._error: str | None = None
        self._tool: Any = None
        self._downloading = False

    def url(self) -> str:
        with self._lock:
            if self._url:
                return self._url
            if self._error:
                raise Unavailable(self._error)
            if self._thread is None:
                self._start()
            thread_wait = LOCAL_DOWNLOAD_WAIT if self._downloading else LOCAL_START_WAIT
        self._ready.wait(thread_wait)
        with self._lock:
            if self._url:
                return self._url
            if self._error:
                raise Unavailable(self._error)
        what = "downloading" if self._downloading else "starting"
        raise Unavailable(f"the local LanguageTool server is still {what}; try again shortly")

    def _start(self) -> None:
        major = java_major()
        if major is None:
            self._error = (
                'languagetool.url = "local" needs Java 17 or newer, and no java is on PATH'
            )
            raise Unavailable(self._error)
        if major < 17:
            self._error = f'languagetool.url = "local" needs Java 17 or newer; found Java {major}'
            raise Unavailable(self._error)
        if not installed():
            self._downloading = True
            log.warning(
                "Downloading LanguageTool (%s) into %s for the local LanguageTool server; "
                "this happens once.",
                LOCAL_DOWNLOAD_SIZE,
                download_dir(),
            )
        self._thread = threading.Thread(target=self._run, name="languagetool-local", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            import language_tool_python

            tool = language_tool_python.LanguageTool("en-US")
            url = str(tool._url).rstrip("/")  # the server it started: http://127.0.0.1:PORT/v2
            with self._lock:
                self._tool = tool
                self._url = url
        except BaseException as exc:
            detail = str(exc).splitlines()[0] if str(exc) else ""
            if len(detail) > 160:
                detail = detail[:157] + "..."
            with self._lock:
                self._error = (
                    "the local LanguageTool server could not be downloaded or started "
                    f"({type(exc).__name__}{': ' + detail if detail else ''})"
                )
            log.info("%s", self._error)
        finally:
            self._ready.set()

    def close(self) -> None:
        with self._lock:
            tool, self._tool = self._tool, None
        if tool is not None:
            tool.close()


_local: LocalServer | None = None
_local_lock = threading.Lock()


def local_server() -> LocalServer:
    global _local
    with _local_lock:
        if _local is None:
            _local = LocalServer()
        return _local
