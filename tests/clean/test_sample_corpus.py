"""The bundled sample corpus against its answer key (examples/truth.json): body, clutter and metadata."""

from __future__ import annotations

import pytest

from newsfuse.models import Article
from newsfuse.service import Newsfuse
from tests.conftest import CORPUS, TRUTH, truth_key


@pytest.fixture(scope="module")
def cleaned() -> dict[str, Article]:
    batch = Newsfuse().articles([str(CORPUS)])
    assert batch.failures == ()
    return {truth_key(article): article for article in batch.articles}


def test_every_answer_key_article_is_read(cleaned: dict[str, Article]) -> None:
    assert set(cleaned) == set(TRUTH["articles"])


@pytest.mark.parametrize("key", sorted(TRUTH["articles"]))
def test_body_is_kept_whole_and_clutter_dropped(cleaned: dict[str, Article], key: str) -> None:
    expected, article = TRUTH["articles"][key], cleaned[key]
    paragraphs = article.paragraph_texts()
    assert len(paragraphs) == expected["body_paragraphs"]
    assert paragraphs[0].startswith(expected["first_paragraph_starts"])
    assert paragraphs[-1].endswith(expected["last_paragraph_ends"])
    for line in expected["clutter"]:
        assert line not in article.text


@pytest.mark.parametrize("key", sorted(TRUTH["articles"]))
def test_metadata(cleaned: dict[str, Article], key: str) -> None:
    expected, article = TRUTH["articles"][key], cleaned[key]
    assert article.title == expected["title"]
    assert article.source == expected["source"]
    assert article.byline == expected["byline"]
    assert (article.published.isoformat() if article.published else None) == expected["published"]
    assert article.dateline == expected["dateline"]
    assert sorted(article.agencies) == sorted(expected["agencies"])
