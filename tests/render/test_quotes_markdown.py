"""Quotes in Markdown: a quote of several paragraphs stays inside its block quote."""

from __future__ import annotations

from pathlib import Path

from newsfuse.clean import Cleaner
from newsfuse.evaluation.stories import read_document
from newsfuse.models import Failure, RawDocument
from newsfuse.render.brief import briefs_markdown
from newsfuse.service import Newsfuse
from tests.conftest import EVAL, need


def test_a_quote_of_two_paragraphs_is_one_block_quote() -> None:
    # A relative's quote in ECB+ 3_9ecb runs over a paragraph break before it closes.
    path = need(EVAL / "ecbplus-dev") / "ECB+" / "3" / "3_9ecb.xml"
    raw = RawDocument(origin="3_9ecb.txt", content=read_document(Path(path)), format="text")
    articles = [a for a in Cleaner().clean_batch([raw]) if not isinstance(a, Failure)]
    brief = Newsfuse().brief_story("3", articles)
    assert any("\n" in q.text for q in brief.quotes), "the story holds a quote of two paragraphs"
    markdown = briefs_markdown([brief])
    section = markdown.split("## Quotes", 1)[1].split("\n## ", 1)[0]
    for line in section.strip().splitlines():
        assert not line or line.startswith(">"), line
