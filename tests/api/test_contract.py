"""The REST contract (../shared/DESIGN.md) on the five seeds posted one by one: shapes, one story, its
brief, versions, articles, search, pagination, OpenAPI."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsfuse.api import Settings, create_app
from newsfuse.service import Newsroom, open_store
from tests.store.builders import pipeline, seed_texts

# Seconds a test waits for background briefs: a seed brief takes a few seconds on a busy machine.
BRIEF_WAIT_S = 120.0
SECTIONS = {"quick_read", "what_happened", "why_it_matters", "whats_next", "background", "perspectives"}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, list[dict[str, Any]]]]:
    """An app whose store got the seeds through POST /api/articles, and the replies."""
    db = str(tmp_path_factory.mktemp("api") / "seeded.db")
    newsroom = Newsroom(open_store(db), pipeline())
    with TestClient(create_app(Settings(db=db), newsroom)) as client:
        replies = []
        for text in seed_texts():
            response = client.post("/api/articles", json={"text": text})
            assert response.status_code == 201, response.text
            # Acknowledged once committed, before its story's brief is rebuilt (in the background).
            assert response.json()["brief_state"] in ("queued", "rebuilding")
            replies.append(response.json())
            # Articles arriving apart: each gets its own version (a burst is coalesced: test_background).
            assert newsroom.wait_briefed(BRIEF_WAIT_S)
        yield client, replies
    newsroom.store.close()


def test_health_and_openapi(client: TestClient) -> None:
    assert client.get("/api/health").json() == {"status": "ok"}
    schema = client.get("/openapi.json").json()
    for path in (
        "/api/health",
        "/api/articles",
        "/api/ingest",
        "/api/articles/{article_id}",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/stories/{story_id}/versions",
        "/api/search",
    ):
        assert path in schema["paths"], path
    assert {"text", "html", "title", "source", "url", "published"} <= set(
        schema["components"]["schemas"]["ArticleIn"]["properties"]
    )
    assert "/" not in schema["paths"]  # the web pages stay out of the API's schema


def test_posted_seeds_form_one_story_with_its_brief(seeded: tuple[TestClient, list[dict[str, Any]]]) -> None:
    client, replies = seeded
    assert all(set(r) == {"id", "story_id", "brief_state"} for r in replies)
    [story_id] = {r["story_id"] for r in replies}

    listing = client.get("/api/stories").json()
    assert listing["total"] == 1 and listing["offset"] == 0
    [story] = listing["stories"]
    assert story["id"] == story_id
    assert story["articles"] == [r["id"] for r in replies]
    assert {"headline", "independent_sources", "open_conflicts", "updated"} <= set(story)
    assert (story["version"], story["brief_state"]) == (len(replies), "current")
    assert (story["articles_briefed"], story["articles_pending"], story["articles_failed"]) == (len(replies), 0, 0)

    brief = client.get(f"/api/stories/{story_id}").json()
    assert brief["id"] == story_id and brief["headline"] == story["headline"]
    assert (brief["version"], brief["brief_state"], brief["articles_pending"], brief["articles_failed"]) == (
        len(replies),
        "current",
        [],
        [],
    )
    assert brief["independent_sources"] == story["independent_sources"]
    assert sum(1 for c in brief["conflicts"] if c["status"] == "open") == story["open_conflicts"]
    assert {a["id"] for a in brief["articles"]} == set(story["articles"])
    for article in brief["articles"]:
        assert {"id", "source", "title", "text", "derived_from", "machine_translated"} <= set(article)
        assert article["text"]  # the texts come back, though versions store them once
    assert set(brief["sections"]) == SECTIONS
    ids = set(story["articles"])
    # The lede: lines of the quick read or what happened, each with its sources.
    reporting = [*brief["sections"]["quick_read"], *brief["sections"]["what_happened"]]
    assert brief["lede"] and all(line in reporting and set(line["sources"]) <= ids for line in brief["lede"])
    for sentences in brief["sections"].values():
        for sentence in sentences:
            assert sentence["text"] and set(sentence["sources"]) <= ids
    for conflict in brief["conflicts"]:
        assert {"kind", "about", "status", "explanation", "sides"} <= set(conflict)
        assert all({"value", "articles", "evidence"} <= set(side) for side in conflict["sides"])
    assert all({"date", "event", "sources"} <= set(t) for t in brief["timeline"])


def test_reposting_changes_nothing(seeded: tuple[TestClient, list[dict[str, Any]]]) -> None:
    client, replies = seeded
    story_id = replies[0]["story_id"]
    before = client.get(f"/api/stories/{story_id}/versions").json()
    response = client.post("/api/articles", json={"text": seed_texts()[0]})
    assert response.status_code == 200
    assert response.json() == {"id": replies[0]["id"], "story_id": story_id, "brief_state": "current"}
    assert client.get(f"/api/stories/{story_id}/versions").json() == before


def test_versions_record_each_arrival(seeded: tuple[TestClient, list[dict[str, Any]]]) -> None:
    client, replies = seeded
    story_id = replies[0]["story_id"]
    versions = client.get(f"/api/stories/{story_id}/versions").json()["versions"]
    assert [v["version"] for v in versions] == list(range(len(replies), 0, -1))
    assert [v["added_articles"] for v in versions] == [[r["id"]] for r in reversed(replies)]
    assert [v["articles"] for v in versions] == list(range(len(replies), 0, -1))
    first = client.get(f"/api/stories/{story_id}", params={"version": 1}).json()
    assert [a["id"] for a in first["articles"]] == [replies[0]["id"]]
    assert client.get(f"/api/stories/{story_id}", params={"version": 99}).status_code == 404


def test_articles_by_id(seeded: tuple[TestClient, list[dict[str, Any]]]) -> None:
    client, replies = seeded
    article = client.get(f"/api/articles/{replies[1]['id']}").json()
    assert article["id"] == replies[1]["id"] and article["story_id"] == replies[1]["story_id"]
    assert article["text"] and {"title", "source", "published", "language", "agencies"} <= set(article)
    missing = client.get("/api/articles/ffffffffffffffff")
    assert missing.status_code == 404 and "ffffffffffffffff" in missing.json()["detail"]
    assert client.get("/api/stories/s000000000000").status_code == 404


def test_search_over_articles_and_briefs(seeded: tuple[TestClient, list[dict[str, Any]]]) -> None:
    client, replies = seeded
    article = client.get(f"/api/articles/{replies[0]['id']}").json()
    word = max((w for w in article["title"].split() if w.isalpha()), key=len)
    found = client.get("/api/search", params={"q": word.lower()}).json()
    assert found["query"] == word.lower()
    kinds = {(r["kind"], r["id"]) for r in found["results"]}
    assert ("article", replies[0]["id"]) in kinds and ("story", replies[0]["story_id"]) in kinds
    for result in found["results"]:
        assert result["highlights"]
        for start, end in result["highlights"]:
            assert result["snippet"][start:end].casefold() == word.casefold()
    assert client.get("/api/search", params={"q": ""}).status_code == 422
    assert client.get("/api/search", params={"q": "qqqzzzxxy"}).json()["results"] == []


def test_pagination(seeded: tuple[TestClient, list[dict[str, Any]]]) -> None:
    client, _ = seeded
    assert client.get("/api/stories", params={"limit": 1}).json()["limit"] == 1
    past = client.get("/api/stories", params={"offset": 5}).json()
    assert past["stories"] == [] and past["total"] == 1
    for bad in ({"limit": 0}, {"limit": 1000}, {"offset": -1}):
        response = client.get("/api/stories", params=bad)
        assert response.status_code == 422 and next(iter(bad)) in response.json()["detail"]
