"""URL fetching: public addresses only (after DNS and on every redirect), capped size and time, with reasons."""

from __future__ import annotations

import gzip
import http.server
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest

from newsfuse.errors import FetchError
from newsfuse.ingest import Fetcher, Reader, ReadOptions, Response
from newsfuse.ingest.fetch import USER_AGENT, HttpxTransport, refusal
from newsfuse.models import Failure, RawDocument
from tests.ingest.samples import STORY, FakeResolver, FakeTransport, page, redirect, rss, rss_item, story_html

PUBLIC_IP = "93.184.215.14"


def fetcher(
    pages: dict[str, Response], hosts: dict[str, list[str]], *, allow_private: bool = False, max_bytes: int = 5_000_000
) -> tuple[Fetcher, FakeTransport]:
    transport = FakeTransport(pages)
    resolver = FakeResolver(hosts)
    return Fetcher(transport=transport, resolver=resolver, allow_private=allow_private, max_bytes=max_bytes), transport


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback address 127.0.0.1"),
        ("127.8.9.10", "loopback address 127.8.9.10"),
        ("::1", "loopback address ::1"),
        ("10.0.0.7", "private address 10.0.0.7"),
        ("172.16.5.4", "private address 172.16.5.4"),
        ("192.168.1.1", "private address 192.168.1.1"),
        ("fd12:3456::1", "private address fd12:3456::1"),
        ("169.254.169.254", "private address 169.254.169.254"),  # the cloud metadata service
        ("fe80::1%eth0", "private address fe80::1"),
        ("0.0.0.0", "private address 0.0.0.0"),
        ("240.0.0.1", "private address 240.0.0.1"),
        ("224.0.0.251", "multicast address 224.0.0.251"),
        ("100.64.0.1", "non-public address 100.64.0.1"),  # carrier-grade NAT
        ("::ffff:10.0.0.1", "private address 10.0.0.1"),  # IPv4-mapped
        ("2002:7f00:1::", "loopback address 127.0.0.1"),  # 6to4 wrapping loopback
        ("not-an-address", "unreadable address 'not-an-address'"),
    ],
)
def test_non_public_addresses_are_refused(address: str, reason: str) -> None:
    assert refusal(address) == reason


@pytest.mark.parametrize("address", [PUBLIC_IP, "151.101.1.1", "2606:4700::6810:84e5", "::ffff:93.184.215.14"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert refusal(address) is None


@pytest.mark.parametrize(
    ("hosts", "problem"),
    [
        (["127.0.0.1"], "refused: news.example resolves to a loopback address 127.0.0.1"),
        (["10.0.0.7"], "refused: news.example resolves to a private address 10.0.0.7"),
        (["169.254.169.254"], "refused: news.example resolves to a private address 169.254.169.254"),
        (["240.0.0.1"], "refused: news.example resolves to a private address 240.0.0.1"),
        ([PUBLIC_IP, "192.168.0.2"], "refused: news.example resolves to a private address 192.168.0.2"),
        ([], "host news.example has no address"),
    ],
)
def test_a_host_resolving_to_a_non_public_address_is_never_contacted(hosts: list[str], problem: str) -> None:
    url = "https://news.example/story"
    client, transport = fetcher({url: page(url, story_html())}, {"news.example": hosts})
    with pytest.raises(FetchError) as caught:
        client.get(url)
    assert (caught.value.origin, caught.value.problem) == (url, problem)
    assert transport.requested == []


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://127.0.0.1:8080/admin", "refused: loopback address 127.0.0.1"),
        ("http://[::1]/", "refused: loopback address ::1"),
        ("http://169.254.169.254/latest/meta-data/", "refused: private address 169.254.169.254"),
        ("file:///etc/passwd", "unsupported URL scheme 'file' (only http and https)"),
        ("ftp://news.example/a", "unsupported URL scheme 'ftp' (only http and https)"),
        ("http:///no-host", "URL has no host"),
        ("http://[::1/", "malformed URL (Invalid IPv6 URL)"),
        ("http://news.example:99999/", "malformed URL (Port out of range 0-65535)"),
        ("https://unknown.example/", "cannot resolve host (Name or service not known)"),
    ],
)
def test_bad_urls_are_refused_with_the_reason(url: str, problem: str) -> None:
    client, transport = fetcher({}, {"news.example": [PUBLIC_IP]})
    with pytest.raises(FetchError) as caught:
        client.get(url)
    assert (caught.value.origin, caught.value.problem) == (url, problem)
    assert transport.requested == []


def test_a_public_page_is_fetched_with_our_user_agent() -> None:
    url = "https://news.example/story"
    client, transport = fetcher({url: page(url, story_html())}, {"news.example": [PUBLIC_IP]})
    response = client.get(url)
    assert (response.status, response.content_type, response.charset) == (200, "text/html", "utf-8")
    assert transport.headers_sent[0]["User-Agent"] == USER_AGENT


def test_a_redirect_from_a_public_to_a_private_host_is_refused_before_it_is_followed() -> None:
    url = "https://news.example/story"
    pages = {
        url: redirect(url, "/moved"),
        "https://news.example/moved": redirect("https://news.example/moved", "http://internal.example/admin"),
        "http://internal.example/admin": page("http://internal.example/admin", "secrets"),
    }
    client, transport = fetcher(pages, {"news.example": [PUBLIC_IP], "internal.example": ["192.168.0.10"]})
    with pytest.raises(FetchError) as caught:
        client.get(url)
    assert (caught.value.origin, caught.value.problem) == (
        url,
        "redirected to http://internal.example/admin: refused: internal.example resolves to a private address "
        "192.168.0.10",
    )
    assert transport.requested == [url, "https://news.example/moved"]


@pytest.mark.parametrize(
    ("location", "problem"),
    [
        ("http://127.0.0.1/", "redirected to http://127.0.0.1/: refused: loopback address 127.0.0.1"),
        ("file:///etc/passwd", "redirected to file:///etc/passwd: unsupported URL scheme 'file' (only http and https)"),
        ("http://[::1", "redirect to an unreadable URL 'http://[::1'"),
    ],
)
def test_redirects_to_refused_targets_name_the_original_url(location: str, problem: str) -> None:
    url = "https://news.example/a"
    client, _ = fetcher({url: redirect(url, location)}, {"news.example": [PUBLIC_IP]})
    with pytest.raises(FetchError) as caught:
        client.get(url)
    assert (caught.value.origin, caught.value.problem) == (url, problem)


def test_redirect_chains_are_followed_and_capped() -> None:
    hosts = {"news.example": [PUBLIC_IP], "www.news.example": [PUBLIC_IP]}
    final = "https://www.news.example/story"
    client, transport = fetcher(
        {"http://news.example/story": redirect("http://news.example/story", final, 301), final: page(final, "ok")},
        hosts,
    )
    assert client.get("http://news.example/story").body == b"ok"
    assert transport.requested == ["http://news.example/story", final]

    loop = {f"https://news.example/{n}": redirect(f"https://news.example/{n}", f"/{n + 1}") for n in range(10)}
    client, transport = fetcher(loop, hosts)
    with pytest.raises(FetchError, match=r"more than 5 redirects$"):
        client.get("https://news.example/0")
    assert len(transport.requested) == 6

    client, _ = fetcher({"https://news.example/0": redirect("https://news.example/0", "")}, hosts)
    with pytest.raises(FetchError, match=r"redirect \(302\) without a Location header$"):
        client.get("https://news.example/0")


def test_http_errors_and_oversized_bodies_are_refused() -> None:
    hosts = {"news.example": [PUBLIC_IP]}
    pages = {
        "https://news.example/404": page("https://news.example/404", "", status=404),
        "https://news.example/big": page("https://news.example/big", b"x" * 1001),
    }
    client, _ = fetcher(pages, hosts, max_bytes=1000)
    with pytest.raises(FetchError, match=r"^https://news.example/404: HTTP 404$"):
        client.get("https://news.example/404")
    with pytest.raises(FetchError, match=r"^https://news.example/big: response larger than 1,000 bytes$"):
        client.get("https://news.example/big")


def test_private_addresses_can_be_allowed_explicitly() -> None:
    url = "http://intranet.example/a"
    client, _ = fetcher({url: page(url, "ok")}, {"intranet.example": ["10.0.0.2"]}, allow_private=True)
    assert client.get(url).body == b"ok"


def test_the_reader_reports_each_bad_url_and_goes_on() -> None:
    hosts = {"news.example": [PUBLIC_IP], "lan.example": ["192.168.1.20"]}
    pages = {
        "https://news.example/story": page("https://news.example/story", story_html()),
        "https://news.example/feed": page(
            "https://news.example/feed", rss(rss_item("Bridge", description=STORY[0])), "application/rss+xml"
        ),
        "https://news.example/image": page(
            "https://news.example/image", b"\x89PNG\r\n\x1a\n\x00\x00" * 50, "image/png"
        ),
    }
    client, _ = fetcher(pages, hosts)
    urls = [
        "https://lan.example/",
        "https://news.example/story",
        "https://gone.example/",
        "https://news.example/feed",
        "https://news.example/image",
        "https://news.example/missing",
    ]
    items = list(Reader(ReadOptions(fetcher=client)).read(urls))
    assert [item.origin for item in items if isinstance(item, RawDocument)] == [
        "https://news.example/story",
        "https://news.example/feed#1",
    ]
    assert [str(item) for item in items if isinstance(item, Failure)] == [
        "https://lan.example/: refused: lan.example resolves to a private address 192.168.1.20",
        "https://gone.example/: cannot resolve host (Name or service not known)",
        "https://news.example/image: binary data, not text",
        "https://news.example/missing: cannot fetch (connection refused)",
    ]


# The real transport, against a server on this machine's loopback (allowed explicitly): no outside network.


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(20):
                try:
                    self.wfile.write(b"slow ")
                    self.wfile.flush()
                except OSError:
                    return  # the client gave up, as it should
                time.sleep(0.1)
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Length", str(50 * 1024 * 1024))
            self.end_headers()
        elif self.path == "/endless":
            self.send_response(200)
            self.end_headers()
            for _ in range(100):
                try:
                    self.wfile.write(b"x" * 10_000)
                except OSError:
                    return
        else:
            self.send_response(302)
            self.send_header("Location", "/trickle")
            self.end_headers()

    def log_message(self, *args: object) -> None:
        pass  # keep the test output clean


@contextmanager
def local_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_the_real_transport_caps_time_and_size() -> None:
    with local_server() as base:
        client = Fetcher(transport=HttpxTransport(), allow_private=True, timeout=0.3, max_bytes=100_000)
        with pytest.raises(FetchError, match=r"cannot fetch \(took longer than 0.3 s\)$"):
            client.get(base + "/trickle")
        with pytest.raises(FetchError, match=r"response larger than 0.1 MB \(by its Content-Length\)$"):
            client.get(base + "/huge")
        with pytest.raises(FetchError, match=r"response larger than 0.1 MB$"):
            client.get(base + "/endless")
        # Without allow_private the loopback server is never contacted.
        with pytest.raises(FetchError, match=r"refused: loopback address 127.0.0.1$"):
            Fetcher(transport=HttpxTransport()).get(base + "/trickle")


# Pinning: the connection goes to the address that was checked, with the name kept for Host and TLS.


class _Recording(http.server.BaseHTTPRequestHandler):
    """Answers 200 "ok" and records (path, Host header) of each request in the server's `seen` list."""

    def do_GET(self) -> None:
        self.server.seen.append((self.path, self.headers.get("Host")))  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def recording_server(context: ssl.SSLContext | None = None) -> Iterator[tuple[int, list[tuple[str, str | None]]]]:
    """A loopback server (TLS with `context`) and the requests it saw."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recording)
    server.seen = []  # type: ignore[attr-defined]
    server.daemon_threads = True
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], server.seen  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class RebindingDns:
    """A resolver that answers a public address the first time it is asked for `name` and loopback after:
    what an attacker's DNS server does to get past a check that resolves before connecting."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.asked = 0
        self.real = socket.getaddrinfo

    def getaddrinfo(self, host: object, port: object, *args: Any, **kwargs: Any) -> Any:
        if host != self.name:
            return self.real(host, port, *args, **kwargs)  # type: ignore[arg-type]
        self.asked += 1
        address = PUBLIC_IP if self.asked == 1 else "127.0.0.1"
        return self.real(address, port, *args, **kwargs)  # type: ignore[arg-type]


def test_a_rebinding_resolver_cannot_steer_a_fetch_to_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    dns = RebindingDns("rebind.example")
    monkeypatch.setattr(socket, "getaddrinfo", dns.getaddrinfo)
    connected: list[str] = []
    real_connect = socket.create_connection

    def connect(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
        connected.append(address[0])
        if address[0] == PUBLIC_IP:  # the test never leaves this machine
            raise ConnectionRefusedError(111, "Connection refused")
        return real_connect(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", connect)
    with recording_server() as (port, seen):
        url = f"http://rebind.example:{port}/admin"
        # The attack as it worked before pinning: the check resolves (public), then a client connecting
        # by name resolves again (loopback) and reaches the private server.
        Fetcher().check(url)
        assert httpx.get(url, trust_env=False).text == "ok"
        assert seen == [("/admin", f"rebind.example:{port}")] and dns.asked == 2

        dns.asked, connected[:] = 0, []
        with pytest.raises(FetchError, match=r"cannot fetch \(.*refused"):
            Fetcher().get(url)
        assert dns.asked == 1  # resolved once, for the check
        assert connected and set(connected) == {PUBLIC_IP}  # only the checked address was contacted
        assert len(seen) == 1  # the loopback server heard nothing more


def test_every_redirect_hop_is_pinned_to_its_own_checked_address() -> None:
    with recording_server() as (port, seen):
        hosts = {"news.example": ["127.0.0.1"], "cdn.example": ["127.0.0.1"]}
        transport = HttpxTransport()
        client = Fetcher(transport=transport, resolver=FakeResolver(hosts), allow_private=True)
        assert client.get(f"http://news.example:{port}/story").body == b"ok"
        assert seen == [("/story", f"news.example:{port}")]
    pages = {
        "https://news.example/a": redirect("https://news.example/a", "https://cdn.example/b"),
        "https://cdn.example/b": page("https://cdn.example/b", "ok"),
    }
    client, fake = fetcher(pages, {"news.example": [PUBLIC_IP], "cdn.example": ["151.101.1.1", "151.101.65.1"]})
    assert client.get("https://news.example/a").body == b"ok"
    assert fake.addresses_given == [[PUBLIC_IP], ["151.101.1.1", "151.101.65.1"]]


def test_a_pinned_https_fetch_keeps_the_name_for_host_sni_and_certificate() -> None:
    trustme = pytest.importorskip("trustme")
    authority = trustme.CA()
    served = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("news.example").configure_cert(served)
    names: list[str | None] = []
    served.sni_callback = lambda _socket, name, _context: names.append(name)  # type: ignore[assignment]
    trust = ssl.create_default_context()
    authority.configure_trust(trust)
    hosts = {"news.example": ["127.0.0.1"], "other.example": ["127.0.0.1"]}
    with recording_server(served) as (port, seen):
        client = Fetcher(transport=HttpxTransport(verify=trust), resolver=FakeResolver(hosts), allow_private=True)
        response = client.get(f"https://news.example:{port}/story")
        assert (response.status, response.body, response.url) == (200, b"ok", f"https://news.example:{port}/story")
        assert names == ["news.example"]
        assert seen == [("/story", f"news.example:{port}")]
        # The same address under a name the certificate is not for: refused by the certificate check.
        with pytest.raises(FetchError, match=r"cannot fetch \(.*certificate"):
            client.get(f"https://other.example:{port}/story")
        assert len(seen) == 1


def test_compressed_bodies_are_decoded_and_capped_after_decoding() -> None:
    body = ("The bridge stays closed. " * 4000).encode()

    class Gzipped(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            packed = gzip.compress(body)
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(packed)))
            self.end_headers()
            self.wfile.write(packed)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Gzipped)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/page"
        assert Fetcher(allow_private=True).get(url).body == body
        assert len(gzip.compress(body)) < 1_000 < len(body)
        with pytest.raises(FetchError, match=r"response larger than 50,000 bytes$"):
            Fetcher(allow_private=True, max_bytes=50_000).get(url)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
