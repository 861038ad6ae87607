"""A story whose first brief failed still has a page: its articles, the one left out and why."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from fastapi.testclient import TestClient

from newsfuse.api import Settings, create_app
from newsfuse.models import Article
from newsfuse.models.brief import Brief
from newsfuse.newsroom.briefing import Briefer
from newsfuse.service import Newsroom, open_store
from tests.store.builders import SPENT_BUDGET_S, hung_report, pipeline, posted
from tests.web.conftest import html_of


def test_a_story_without_a_brief_shows_its_articles_and_why(tmp_path: Path) -> None:
    service = pipeline()
    [article] = service.articles_from_documents([posted(hung_report(), "https://wire.example/report")]).articles
    db = str(tmp_path / "waiting.db")
    store = open_store(db)

    def brief(story_id: str, articles: Sequence[Article]) -> Brief:
        return service.brief_story(story_id, articles, seconds=SPENT_BUDGET_S)  # it cannot finish

    with store.write() as tx:
        tx.add_article(article, "s-waiting")
    outcome = Briefer(store, brief, lambda: datetime.now(UTC)).refresh("s-waiting")
    assert outcome.version is None and len(outcome.left_out) == 1  # no brief written
    store.close()
    newsroom = Newsroom(open_store(db), service)
    try:
        with TestClient(create_app(Settings(db=db), newsroom)) as client:
            page = html_of(client, "/stories/s-waiting")
            assert f'href="/articles/{article.id}"' in page and "left out of the brief" in page
            assert "time budget" in page  # the reason stored with the article
            assert "no brief yet" in html_of(client, "/")
            assert client.get("/stories/s-waiting?version=1").status_code == 404
            assert client.get("/stories/no-such-story").status_code == 404
    finally:
        newsroom.store.close()
