"""Fetch URLs safely: public addresses only (checked after DNS and on every redirect), capped size and time."""

from __future__ import annotations

import http.client
import ipaddress
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urljoin, urlsplit

from newsfuse.errors import FetchError
from newsfuse.ingest.decode import size_text

# A news page is well under 5 MB even with inline scripts; the cap stops a hostile server from
# streaming forever. Ten seconds covers slow news sites without stalling a feed poll for long.
DEFAULT_MAX_FETCH_BYTES = 5 * 1024 * 1024
DEFAULT_TIMEOUT_S = 10.0
# Browsers give up after about 20 redirects; news sites use one or two (http -> https -> canonical).
MAX_REDIRECTS = 5
# Bodies are read in pieces this big, so the size cap and the deadline are checked as data arrives.
READ_CHUNK_BYTES = 64 * 1024
USER_AGENT = "newsfuse/0.1 (+https://github.com/newsfuse/newsfuse)"

Resolver = Callable[[str], list[str]]


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # the final URL, after redirects
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip()
        return None


class Transport(Protocol):
    """Sends one GET without following redirects. Swapped for a fake in tests."""

    def get(self, url: str, headers: dict[str, str], *, timeout: float, max_bytes: int) -> Response: ...


def system_resolver(host: str) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchError(host, f"cannot resolve host ({exc.strerror})") from None
    except (UnicodeError, OSError) as exc:  # UnicodeError: a label over 63 characters, an empty label
        raise FetchError(host, f"cannot resolve host ({exc})") from None
    return sorted({str(info[4][0]) for info in infos})


def refusal(address: str) -> str | None:
    """Why an IP address must not be fetched, or None when it is a public address."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return f"unreadable address {address[:60]!r}"
    if isinstance(ip, ipaddress.IPv6Address):
        # IPv4 carried inside IPv6 (mapped, 6to4, Teredo) reaches the IPv4 host: judge that one.
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            inner = refusal(str(embedded))
            if inner or ip.ipv4_mapped is not None:
                return inner
    for test, name in (
        (ip.is_loopback, "loopback"),
        (ip.is_private, "private"),
        (ip.is_link_local, "link-local"),
        (ip.is_multicast, "multicast"),
        (ip.is_reserved, "reserved"),
        (ip.is_unspecified, "unspecified"),
    ):
        if test:
            return f"{name} address {ip}"
    if not ip.is_global:
        return f"non-public address {ip}"
    return None


class UrllibTransport:
    """The default transport: the standard library, with redirects left to the Fetcher.

    `timeout` bounds each network wait and, with the body read in pieces, the whole download, so a
    server that trickles bytes cannot hold a batch.
    """

    def get(self, url: str, headers: dict[str, str], *, timeout: float, max_bytes: int) -> Response:
        request = urllib.request.Request(url, headers=headers, method="GET")
        opener = urllib.request.build_opener(_NoRedirect())
        deadline = time.monotonic() + timeout
        try:
            with opener.open(request, timeout=timeout) as reply:
                declared = str(reply.headers.get("content-length") or "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise FetchError(url, f"response larger than {size_text(max_bytes)} (by its Content-Length)")
                body = _read_body(url, reply, max_bytes, deadline, timeout)
                return Response(reply.geturl(), reply.status, _lower(reply.headers.items()), body)
        except urllib.error.HTTPError as exc:
            return Response(url, exc.code, _lower(exc.headers.items()), b"")
        except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", None) or exc or type(exc).__name__
            raise FetchError(url, f"cannot fetch ({_first_line(str(reason))})") from None


def _read_body(url: str, reply: http.client.HTTPResponse, max_bytes: int, deadline: float, timeout: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        if time.monotonic() > deadline:
            raise FetchError(url, f"cannot fetch (took longer than {timeout:g} s)")
        # read1: whatever has arrived (up to the chunk), so a trickling server meets the deadline.
        chunk = reply.read1(min(READ_CHUNK_BYTES, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


@dataclass
class Fetcher:
    """GETs public URLs. Every hop of a redirect chain is resolved and checked before it is fetched."""

    transport: Transport = field(default_factory=UrllibTransport)
    resolver: Resolver = system_resolver
    allow_private: bool = False
    timeout: float = DEFAULT_TIMEOUT_S
    max_bytes: int = DEFAULT_MAX_FETCH_BYTES

    def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        """The final response. Raises FetchError, naming `url`, for a refused hop, an HTTP error or a cap."""
        sent = {"User-Agent": USER_AGENT, **(headers or {})}
        current = url
        for hop in range(MAX_REDIRECTS + 1):
            try:
                self.check(current)
                response = self.transport.get(current, sent, timeout=self.timeout, max_bytes=self.max_bytes)
            except FetchError as exc:
                if hop == 0:
                    raise
                raise FetchError(url, f"redirected to {current}: {exc.problem}") from None
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("location")
                if not location:
                    raise FetchError(url, f"redirect ({response.status}) without a Location header")
                try:
                    current = urljoin(current, location.strip())
                except ValueError:
                    raise FetchError(url, f"redirect to an unreadable URL {location[:80]!r}") from None
                continue
            if len(response.body) > self.max_bytes:
                raise FetchError(url, f"response larger than {size_text(self.max_bytes)}")
            if response.status == 304:
                return response
            if response.status >= 400:
                raise FetchError(url, f"HTTP {response.status}")
            return response
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")

    def check(self, url: str) -> None:
        """Raise FetchError unless the URL is http(s) and its host resolves only to public addresses."""
        try:
            parts = urlsplit(url)
            host = parts.hostname
            _ = parts.port  # raises on a port that is not a number or is out of range
        except ValueError as exc:
            raise FetchError(url, f"malformed URL ({exc})") from None
        if parts.scheme not in ("http", "https"):
            raise FetchError(url, f"unsupported URL scheme {parts.scheme!r} (only http and https)")
        if not host:
            raise FetchError(url, "URL has no host")
        if self.allow_private:
            return
        try:
            literal = ipaddress.ip_address(host)
        except ValueError:
            literal = None
        if literal is not None:
            why = refusal(host)
            if why:
                raise FetchError(url, f"refused: {why}")
            return
        try:
            addresses = self.resolver(host)
        except FetchError as exc:
            raise FetchError(url, exc.problem) from None
        if not addresses:
            raise FetchError(url, f"host {host} has no address")
        for address in addresses:
            why = refusal(address)
            if why:
                raise FetchError(url, f"refused: {host} resolves to a {why}")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _lower(items: object) -> dict[str, str]:
    return {str(key).lower(): str(value) for key, value in items}  # type: ignore[attr-defined]


def _first_line(message: str) -> str:
    lines = message.strip().splitlines()
    return lines[0][:120] if lines else "no detail"
