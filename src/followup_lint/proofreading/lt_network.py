"""Where LanguageTool requests may go, and through what.

Two decisions carry a draft off the machine, so both are made here, on the host as the network
will see it:

- whether a URL is the public service (`allow-public` guards it): the host is normalised first
  (percent-decoding, Unicode compatibility mapping and IDNA, lower case, trailing dots), so that
  `https://api.languagetool.org.`, `https://api.languagetool%2Eorg` and
  `https://API.LanguageTool.org` are all recognised;
- which proxy a request takes: never one for a loopback address (a "local" server must stay
  local, whatever `http_proxy` says), and for any other host only the proxy configured for
  followup-lint (`languagetool.proxy`). Proxy environment variables are never read: they are
  set for other programs, and would send a draft to a host the user never named for it.

Redirects are not followed: the server configured is the one the draft goes to.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import urllib.parse
import urllib.request
from typing import Any

import idna

#: Hosts of the public service (and their subdomains).
PUBLIC_HOSTS = ("languagetool.org", "languagetoolplus.com")
_PLAIN_HOST = re.compile(r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*")
_LEGACY_IPV4 = re.compile(r"(?:0[xX][0-9a-fA-F]+|[0-9]+)(?:\.(?:0[xX][0-9a-fA-F]+|[0-9]+)){0,3}")


class BadHost(ValueError):
    """A URL's host cannot be read as a host name or an address."""


def normalise_host(host: str) -> str:
    """The host as DNS and the socket layer see it: percent-decoded, mapped (UTS #46: full-width
    dots and letters, case) and IDNA-encoded, in lower case, without trailing dots or the
    brackets of an IPv6 literal. Raises BadHost when it is not a valid host."""
    value = urllib.parse.unquote(host.strip())
    if "%" in value and not value.startswith("["):
        # Encoded twice: read it as what it decodes to, the cautious reading for allow-public.
        value = urllib.parse.unquote(value)
    value = value.strip("[]")
    try:
        return str(ipaddress.ip_address(value.split("%")[0]))  # an address, zone id dropped
    except ValueError:
        pass
    if _LEGACY_IPV4.fullmatch(value):
        # "127.1", "2130706433", "0x7f.0.0.1": the resolver reads these as IPv4 addresses.
        try:
            return str(ipaddress.IPv4Address(socket.inet_aton(value)))
        except OSError:
            pass
    value = value.rstrip(".").rstrip("\u3002\uff0e\uff61")  # ASCII and ideographic full stops
    if not value:
        raise BadHost(f"{host!r} is not a host name")
    try:
        encoded = idna.encode(value, uts46=True, transitional=False).decode("ascii")
    except idna.IDNAError:
        # Not a valid IDNA name (underscores, for one, which some private hosts use): compare
        # the plain lower-case ASCII form, and refuse anything else.
        if not _PLAIN_HOST.fullmatch(value):
            raise BadHost(f"{host!r} is not a valid host name") from None
        encoded = value.lower()
    return encoded.lower().rstrip(".")


def url_host(url: str) -> str:
    """The normalised host of a URL (see `normalise_host`)."""
    parts = urllib.parse.urlsplit(url.strip())
    # urlsplit lower-cases `hostname` but leaves percent-escapes and dots alone.
    netloc = parts.netloc.rpartition("@")[2]
    if netloc.startswith("["):
        host = netloc[1 : netloc.find("]")] if "]" in netloc else netloc[1:]
    else:
        host = netloc.rsplit(":", 1)[0] if netloc.count(":") == 1 else netloc
    if not host:
        raise BadHost(f"{url!r} has no host")
    return normalise_host(host)


def is_public_host(host: str) -> bool:
    return any(host == h or host.endswith("." + h) for h in PUBLIC_HOSTS)


def is_public(url: str) -> bool:
    """Is this the public LanguageTool service, however its host is spelt?"""
    try:
        return is_public_host(url_host(url))
    except BadHost:
        return False


def normalised_url(url: str) -> str:
    """The URL with its host in normal form (what is checked is what is connected to)."""
    parts = urllib.parse.urlsplit(url.strip())
    host = url_host(url)
    shown = f"[{host}]" if ":" in host else host
    netloc = shown if parts.port is None else f"{shown}:{parts.port}"
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))


def is_loopback(host: str) -> bool:
    """A normalised host that names this machine."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # urllib then raises HTTPError with the 3xx status


def opener_for(url: str, proxy: str | None) -> urllib.request.OpenerDirector:
    """A urllib opener for requests to `url`: no proxy for loopback or when none is configured,
    `proxy` otherwise; environment variables never consulted; redirects not followed."""
    host = url_host(url)
    proxies: dict[str, str] = {}
    if proxy and not is_loopback(host):
        proxies = {"http": proxy, "https": proxy}
    # An explicit ProxyHandler (even an empty one) replaces the default, which reads the
    # environment (http_proxy, https_proxy, all_proxy, no_proxy).
    return urllib.request.build_opener(urllib.request.ProxyHandler(proxies), _NoRedirect())


def urlopen(request: urllib.request.Request, *, timeout: float, proxy: str | None = None) -> Any:
    """`urllib.request.urlopen` with the rules above."""
    return opener_for(request.full_url, proxy).open(request, timeout=timeout)


__all__ = [
    "PUBLIC_HOSTS",
    "BadHost",
    "is_loopback",
    "is_public",
    "normalise_host",
    "normalised_url",
    "opener_for",
    "url_host",
    "urlopen",
]
