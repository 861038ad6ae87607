"""Bad requests get a 4xx whose `detail` names the problem, and leave the store as it was."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsfuse.service import Newsroom
from tests.api.conftest import ClientFactory
from tests.store.builders import seed_texts


def _counts(client: TestClient) -> dict[str, int]:
    newsroom: Newsroom = client.app.state.newsroom  # type: ignore[attr-defined]
    return newsroom.counts()


EMPTY = {"articles": 0, "stories": 0, "briefs": 0}


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({}, "exactly one of 'text' or 'html'"),
        ({"text": ""}, "'text' is empty"),
        ({"html": "  \n "}, "'html' is empty"),
        ({"text": "Kim met Xi.", "html": "<p>Kim met Xi.</p>"}, "exactly one of 'text' or 'html'"),
        ({"text": "Kim met Xi.", "published": "last Tuesday"}, "published"),
        ({"text": "Kim met Xi.", "colour": "red"}, "colour"),
        ({"text": "Kim met Xi.", "url": "javascript:alert(1)"}, "not an http(s) URL"),
        ({"text": 42}, "text"),
        ({"text": "Kim met Xi.", "title": "x" * 5000}, "title"),
    ],
)
def test_a_bad_article_is_refused_by_name(client: TestClient, body: dict[str, Any], named: str) -> None:
    response = client.post("/api/articles", json=body)
    assert response.status_code == 422
    assert named in response.json()["detail"]
    assert _counts(client) == EMPTY


def test_a_body_that_is_not_json_is_refused(client: TestClient) -> None:
    response = client.post("/api/articles", content=b"text=Kim met Xi", headers={"content-type": "application/json"})
    assert response.status_code == 422 and "JSON" in response.json()["detail"]
    assert _counts(client) == EMPTY


def test_a_page_with_no_article_text_is_refused(client: TestClient) -> None:
    page = "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    response = client.post("/api/articles", json={"html": page, "url": "https://news.example/menu"})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("https://news.example/menu: ")
    assert _counts(client) == EMPTY


def test_an_oversized_body_is_refused_before_it_is_read(make_client: ClientFactory) -> None:
    client = make_client(max_body_bytes=64 * 1024)
    text = "\n\n".join(seed_texts()) * 4
    assert len(text.encode()) > 64 * 1024
    response = client.post("/api/articles", json={"text": text})
    assert response.status_code == 413 and "65536 byte" in response.json()["detail"]
    assert _counts(client) == EMPTY
    # Within the cap, the same server takes an article.
    assert client.post("/api/articles", json={"text": seed_texts()[2]}).status_code == 201


def test_writes_need_the_token_when_the_server_has_one(make_client: ClientFactory) -> None:
    client = make_client(api_token="s3cret-token")
    body = {"text": seed_texts()[2]}
    missing = client.post("/api/articles", json=body)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert "Bearer" in missing.json()["detail"]
    wrong = client.post("/api/articles", json=body, headers={"Authorization": "Bearer guess"})
    assert wrong.status_code == 403
    assert client.post("/api/ingest", json={"url": "http://intranet.example/"}).status_code == 401
    assert _counts(client) == EMPTY
    # Reads stay open; the right token writes.
    assert client.get("/api/stories").status_code == 200
    right = client.post("/api/articles", json=body, headers={"Authorization": "Bearer s3cret-token"})
    assert right.status_code == 201
    assert _counts(client)["articles"] == 1
