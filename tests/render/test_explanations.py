"""Conflict explanations name articles as the reader knows them ("[2] Newslooks"), never by id or file."""

from __future__ import annotations

import json
import re

from newsfuse.render.brief import briefs_json, briefs_markdown
from newsfuse.render.html import HtmlRenderer
from newsfuse.service import Newsfuse
from tests.conftest import SEEDS, need


def test_explanations_cite_articles_by_number() -> None:
    service = Newsfuse()
    [brief] = service.briefs(service.articles([str(need(SEEDS))]).articles)
    explained = [c for c in brief.conflicts if "⟦" in c.explanation]
    assert explained, "the seeds' date dispute names the articles that put it on each day"
    ids = {a.id for a in brief.articles}
    files = {a.path.rsplit("/", 1)[-1] for a in brief.articles if a.path}
    record = json.loads(briefs_json([brief]))["stories"][0]
    rendered = [c["explanation"] for c in record["conflicts"]]
    markdown = briefs_markdown([brief])
    page = HtmlRenderer().render([brief])
    for text in [*rendered, markdown, page]:
        assert "⟦" not in text and "⟧" not in text
        assert not any(article_id in text for article_id in ids)
    for text in rendered:
        assert not any(name in text for name in files)
    assert any(re.search(r"\[\d\]", text) for text in rendered)
