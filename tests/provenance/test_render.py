"""Provenance rendered: the sources line, the per-article Markdown and the `derived_from` JSON records."""

from __future__ import annotations

import json

from newsfuse.provenance import trace
from newsfuse.render.brief import brief_json
from newsfuse.render.provenance import provenance_markdown, sources_line
from newsfuse.service import Newsfuse
from tests.conftest import SEEDS, need


def test_seeds_render_as_five_articles_and_two_sources() -> None:
    articles = list(Newsfuse().articles([str(need(SEEDS))]).articles)
    provenance = trace(articles)
    assert sources_line(provenance) == "5 articles, 2 independent sources"
    markdown = provenance_markdown(provenance, articles)
    assert markdown.startswith("5 articles, 2 independent sources\n")
    assert markdown.count("\n- **") == 5
    assert "translation of AP (machine-translated)" in markdown
    translated = next(a for a in articles if provenance.machine_translated(a.id))
    [brief] = Newsfuse().briefs(articles)
    [record] = [a["derived_from"] for a in brief_json(brief)["articles"] if a["id"] == translated.id]
    assert record == [{"parent": "AP", "kind": "translation", "score": record[0]["score"]}]
    assert 0 < record[0]["score"] <= 1
    json.dumps(record)  # the records are plain JSON
