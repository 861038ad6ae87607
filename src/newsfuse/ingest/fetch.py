"""Fetch URLs safely: public addresses only, capped size and time, on httpx.

Each hop of a redirect chain is resolved once and checked; the connection then goes to an address that
was checked (pinned), with the Host header and the TLS server name (SNI, and the certificate check)
still those of the URL. A name cannot resolve to a public address for the check and to a private one
for the connection (DNS rebinding), since it is resolved only once.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from newsfuse.errors import FetchError
from newsfuse.ingest.decode import size_text

# A news page is well under 5 MB even with inline scripts; the cap stops a hostile server from
# streaming forever. Ten seconds covers slow news sites without stalling a feed poll for long.
DEFAULT_MAX_FETCH_BYTES = 5 * 1024 * 1024
DEFAULT_TIMEOUT_S = 10.0
# Browsers give up after about 20 redirects; news sites use one or two (http -> https -> canonical).
MAX_REDIRECTS = 5
# A failed connection is retried once (httpx's transport retries, with its backoff), then the next
# checked address of the host is tried, up to this many: enough to ride over one dead front end of a
# site without letting a host with dozens of addresses hold a batch.
CONNECT_RETRIES = 1
MAX_ADDRESSES_TRIED = 3
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
    """Sends one GET without following redirects, connecting only to `addresses` (those the Fetcher
    checked for the URL's host, in order of preference). Swapped for a fake in tests."""

    def get(
        self, url: str, headers: dict[str, str], *, addresses: Sequence[str], timeout: float, max_bytes: int
    ) -> Response: ...


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


class HttpxTransport:
    """The default transport: httpx (compressed bodies decoded, failed connections retried), pinned.

    The URL's host is swapped for the checked address while the Host header and the TLS server name
    keep the name, so the certificate is still checked against it. Each call uses its own connection
    pool: a connection opened for one name is never reused for another name on the same address.
    `timeout` bounds each network wait and, with the body read in pieces, the whole download, so a
    server that trickles bytes cannot hold a batch. `verify`: the TLS trust (True: the system's).
    """

    def __init__(self, verify: ssl.SSLContext | bool = True) -> None:
        self._verify = verify

    def get(
        self, url: str, headers: dict[str, str], *, addresses: Sequence[str], timeout: float, max_bytes: int
    ) -> Response:
        parts = urlsplit(url)
        host = parts.hostname or ""
        try:
            name = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise FetchError(url, f"malformed URL (host {host[:60]!r} is not a valid name)") from None
        port = f":{parts.port}" if parts.port is not None else ""
        sent = {**headers, "Host": _bracketed(name) + port}
        deadline = time.monotonic() + timeout
        problem = "no address to connect to"
        for address in list(addresses)[:MAX_ADDRESSES_TRIED]:
            if time.monotonic() > deadline:
                break
            pinned = urlunsplit(parts._replace(netloc=_bracketed(address) + port))
            # SNI and the certificate check are for the name; an IP-literal URL has no name to send.
            extensions = {} if _is_ip(host) else {"sni_hostname": name}
            transport = httpx.HTTPTransport(verify=self._verify, retries=CONNECT_RETRIES)
            with httpx.Client(transport=transport, timeout=timeout, follow_redirects=False, trust_env=False) as client:
                try:
                    request = client.build_request("GET", pinned, headers=sent, extensions=extensions)
                    reply = client.send(request, stream=True)
                    try:
                        return _response(url, reply, max_bytes, deadline, timeout)
                    finally:
                        reply.close()
                except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                    problem = _first_line(str(exc)) or type(exc).__name__
                    continue  # the next checked address of the host
                except httpx.HTTPError as exc:
                    reason = _first_line(str(exc)) or type(exc).__name__
                    raise FetchError(url, f"cannot fetch ({reason})") from None
        raise FetchError(url, f"cannot fetch ({problem})")


def _response(url: str, reply: httpx.Response, max_bytes: int, deadline: float, timeout: float) -> Response:
    headers = {key.lower(): value for key, value in reply.headers.items()}
    if reply.status_code >= 300:
        return Response(url, reply.status_code, headers, b"")  # a redirect or an error: the body is not read
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes and "content-encoding" not in headers:
        raise FetchError(url, f"response larger than {size_text(max_bytes)} (by its Content-Length)")
    chunks: list[bytes] = []
    size = 0
    # Decoded (decompressed) bytes, counted against the cap as they come: a compression bomb stops
    # within one network read of the cap (httpx decodes each read whole).
    pieces: Iterator[bytes] = reply.iter_bytes()
    for chunk in pieces:
        if time.monotonic() > deadline:
            raise FetchError(url, f"cannot fetch (took longer than {timeout:g} s)")
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            break
    return Response(url, reply.status_code, headers, b"".join(chunks))


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


@dataclass
class Fetcher:
    """GETs public URLs. Every hop of a redirect chain is resolved and checked before it is fetched."""

    transport: Transport = field(default_factory=HttpxTransport)
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
                addresses = self.check(current)
                response = self.transport.get(
                    current, sent, addresses=addresses, timeout=self.timeout, max_bytes=self.max_bytes
                )
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

    def check(self, url: str) -> list[str]:
        """The addresses to connect to for the URL, all checked. Raises FetchError unless the URL is
        http(s) and its host resolves (only to public addresses, unless `allow_private`)."""
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
        if _is_ip(host):
            why = None if self.allow_private else refusal(host)
            if why:
                raise FetchError(url, f"refused: {why}")
            return [host.split("%")[0]]
        try:
            addresses = self.resolver(host)
        except FetchError as exc:
            raise FetchError(url, exc.problem) from None
        if not addresses:
            raise FetchError(url, f"host {host} has no address")
        if not self.allow_private:
            for address in addresses:
                why = refusal(address)
                if why:
                    raise FetchError(url, f"refused: {host} resolves to a {why}")
        return addresses


def _first_line(message: str) -> str:
    lines = message.strip().splitlines()
    return lines[0][:120] if lines else "no detail"
