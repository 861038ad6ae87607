"""Fetch URLs safely: public addresses only (checked after DNS and on every redirect), capped size and time."""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urljoin, urlsplit

from newsfuse.errors import FetchError

# A news page is well under 5 MB even with inline scripts; the cap stops a hostile server from
# streaming forever. Ten seconds covers slow news sites without stalling a feed poll for long.
DEFAULT_MAX_FETCH_BYTES = 5 * 1024 * 1024
DEFAULT_TIMEOUT_S = 10.0
MAX_REDIRECTS = 5
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
    return sorted({str(info[4][0]) for info in infos})


def refusal(address: str) -> str | None:
    """Why an IP address must not be fetched, or None when it is a public address."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
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
    """The default transport: the standard library, with redirects left to the Fetcher."""

    def get(self, url: str, headers: dict[str, str], *, timeout: float, max_bytes: int) -> Response:
        request = urllib.request.Request(url, headers=headers, method="GET")
        opener = urllib.request.build_opener(_NoRedirect())
        try:
            with opener.open(request, timeout=timeout) as reply:
                body = reply.read(max_bytes + 1)
                return Response(reply.geturl(), reply.status, _lower(reply.headers.items()), body)
        except urllib.error.HTTPError as exc:
            return Response(url, exc.code, _lower(exc.headers.items()), b"")
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise FetchError(url, f"cannot fetch ({reason})") from None


@dataclass
class Fetcher:
    """GETs public URLs. Every hop of a redirect chain is resolved and checked before it is fetched."""

    transport: Transport = field(default_factory=UrllibTransport)
    resolver: Resolver = system_resolver
    allow_private: bool = False
    timeout: float = DEFAULT_TIMEOUT_S
    max_bytes: int = DEFAULT_MAX_FETCH_BYTES

    def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        sent = {"User-Agent": USER_AGENT, **(headers or {})}
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            self.check(current)
            response = self.transport.get(current, sent, timeout=self.timeout, max_bytes=self.max_bytes)
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("location")
                if not location:
                    raise FetchError(url, f"redirect ({response.status}) without a Location header")
                current = urljoin(current, location)
                continue
            if len(response.body) > self.max_bytes:
                raise FetchError(url, f"response larger than {self.max_bytes / 1e6:.1f} MB")
            if response.status == 304:
                return response
            if response.status >= 400:
                raise FetchError(url, f"HTTP {response.status}")
            return response
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")

    def check(self, url: str) -> None:
        """Raise FetchError unless the URL is http(s) and its host resolves only to public addresses."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchError(url, f"unsupported URL scheme {parts.scheme!r} (only http and https)")
        host = parts.hostname
        if not host:
            raise FetchError(url, "URL has no host")
        if self.allow_private:
            return
        try:
            addresses = [str(ipaddress.ip_address(host))]
        except ValueError:
            addresses = self.resolver(host)
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
