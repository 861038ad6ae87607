"""The web pages over a store holding the seed story and one hostile article, built once per module."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from newsfuse.api import Settings, create_app
from newsfuse.models import RawDocument
from newsfuse.service import Batch, Newsroom, StoredBrief, open_store
from tests.store.builders import pipeline, seed_articles

# An article written to break out of the page: markup in its text, title, outlet and link.
HOSTILE_TITLE = 'Summit <img src=x onerror="alert(1)"> talks'
HOSTILE_TEXT = """Officials in the harbour town said the fishing fleet would stay in port until the storm passed.

A spokesman for the port authority said <script>alert('pwned')</script> the warning covered every boat in the bay.

Inspectors added " onmouseover="alert(2)" that the sea wall had held through the night and no one was hurt.

The ferry service to the islands is expected to resume on Friday, weather permitting, the operator said."""


@dataclass(frozen=True)
class Site:
    client: TestClient
    seeds: StoredBrief
    hostile: StoredBrief


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    db = str(tmp_path_factory.mktemp("web") / "web.db")
    newsroom = Newsroom(open_store(db), pipeline())
    seeds = newsroom.file(Batch(seed_articles()))
    hostile = newsroom.ingest_documents(
        [
            RawDocument(
                origin="hostile",
                content=HOSTILE_TEXT,
                format="text",
                title=HOSTILE_TITLE,
                source="<b>Harbour Wire</b>",
                url="javascript:alert(3)",
            )
        ]
    )
    assert not hostile.failures and hostile.placements
    seed_brief = newsroom.brief(seeds.placements[0].story_id)
    hostile_brief = newsroom.brief(hostile.placements[0].story_id)
    assert seed_brief is not None and hostile_brief is not None
    assert hostile_brief.story_id != seed_brief.story_id
    with TestClient(create_app(Settings(db=db), newsroom)) as client:
        yield Site(client, seed_brief, hostile_brief)
    newsroom.store.close()


def html_of(client: TestClient, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, (path, response.text[:300])
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def pages(site: Site) -> list[str]:
    """Every kind of page, over both stories."""
    article = site.hostile.article_ids[0]
    return [
        "/",
        f"/stories/{site.seeds.story_id}",
        f"/stories/{site.hostile.story_id}",
        f"/stories/{site.seeds.story_id}/versions",
        f"/articles/{article}",
        f"/articles/{article}?start=0&end=40",
        "/search?q=spokesman",
        "/search?q=Kim+Beijing",
        "/search?q=%3Cscript%3E",
    ]
