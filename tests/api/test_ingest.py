"""POST /api/ingest: URLs and feeds are fetched only from public addresses, unless the server allows
private ones; then a page and a feed served on loopback are ingested."""

from __future__ import annotations

from html import escape

import pytest
from fastapi.testclient import TestClient

from newsfuse.service import Newsroom
from tests.api.conftest import ClientFactory
from tests.store.builders import rss, seed_texts, serve_site


@pytest.mark.parametrize(
    ("body", "why"),
    [
        ({"url": "http://intranet.example/news/1"}, "private address 10.0.0.7"),
        ({"feed": "http://metadata.example/latest/feed"}, "address 169.254.169.254"),
        ({"url": "http://127.0.0.1:9/story"}, "loopback address 127.0.0.1"),
        ({"feed": "http://[::1]:9/feed.xml"}, "loopback address ::1"),
        ({"url": "http://0.0.0.0/"}, "address 0.0.0.0"),
    ],
)
def test_private_addresses_are_refused(client: TestClient, body: dict[str, str], why: str) -> None:
    response = client.post("/api/ingest", json=body)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert "refused" in detail and why in detail
    newsroom: Newsroom = client.app.state.newsroom  # type: ignore[attr-defined]
    assert newsroom.counts()["articles"] == 0


@pytest.mark.parametrize(
    "body",
    [
        {"url": "file:///etc/passwd"},
        {"feed": "/var/lib/feeds/local.xml"},
        {"url": "http://a/", "feed": "http://b/"},
        {},
    ],
)
def test_only_one_http_url_is_taken(client: TestClient, body: dict[str, str]) -> None:
    response = client.post("/api/ingest", json=body)
    assert response.status_code == 422 and response.json()["detail"]


def test_with_private_urls_allowed_a_local_page_and_feed_are_ingested(make_client: ClientFactory) -> None:
    client = make_client(allow_private_urls=True)
    texts = seed_texts()
    with serve_site() as site:
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in texts[3].split("\n") if p.strip())
        page = f"<html><head><title>Seed page</title></head><body><article>{paragraphs}</article></body></html>"
        site.pages["/story/4"] = (200, "text/html; charset=utf-8", page.encode())
        items = [(f"Seed {i}", f"{site.base}/story/{i}", texts[i]) for i in (0, 1)]
        site.pages["/feed.xml"] = (200, "application/rss+xml", rss(items))

        from_page = client.post("/api/ingest", json={"url": f"{site.base}/story/4"})
        assert from_page.status_code == 201, from_page.text
        [placed] = from_page.json()["articles"]
        assert placed["added"] is True
        article = client.get(f"/api/articles/{placed['id']}").json()
        assert article["url"] == f"{site.base}/story/4"

        from_feed = client.post("/api/ingest", json={"feed": f"{site.base}/feed.xml"})
        assert from_feed.status_code == 201, from_feed.text
        assert len(from_feed.json()["articles"]) == 2 and from_feed.json()["failures"] == []

        gone = client.post("/api/ingest", json={"url": f"{site.base}/missing"})
        assert gone.status_code == 422 and "HTTP 404" in gone.json()["detail"]
    stories = client.get("/api/stories").json()
    assert sum(len(s["articles"]) for s in stories["stories"]) == 3
