"""What several articles share is reporting, not clutter: a cleaned body does not depend on its batch.

ECB+ holds reports of one event by many outlets (and several reports by one outlet), so its topics
are batches in which the same quote or sentence appears in several articles. Only furniture-shaped
blocks (short labels, menus, links, notices to the reader) repeated on unrelated pages are dropped.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from newsfuse.clean import Cleaner
from newsfuse.errors import InputError
from newsfuse.evaluation.stories import LabelledDocument, load_ecbplus
from newsfuse.models import Article, RawDocument
from tests.conftest import EVAL, need


@pytest.fixture(scope="module")
def topics() -> dict[int, list[LabelledDocument]]:
    grouped: dict[int, list[LabelledDocument]] = defaultdict(list)
    for document in load_ecbplus(need(EVAL / "ecbplus-dev")):
        grouped[document.topic].append(document)
    return grouped


def _raw(document: LabelledDocument) -> RawDocument:
    # One folder per topic, as `newsfuse articles` would read a topic's files: one cleaning group.
    folder = f"{document.topic}/{document.name}"
    return RawDocument(origin=document.name, content=document.text, format="text", path=folder)


def test_a_topic_cleaned_as_a_batch_gives_each_article_as_it_is_alone(
    topics: dict[int, list[LabelledDocument]],
) -> None:
    cleaner = Cleaner()
    differ: list[str] = []
    skipped: list[str] = []
    for documents in topics.values():
        raws = [_raw(document) for document in documents]
        for raw, result in zip(raws, cleaner.clean_batch(raws), strict=True):
            try:
                alone: Article | None = cleaner.clean(raw)
            except InputError:
                alone = None
            if alone is None or not isinstance(result, Article):
                skipped.append(raw.origin)
                if (alone is None) != (not isinstance(result, Article)):
                    differ.append(raw.origin)
            elif result.text != alone.text:
                differ.append(raw.origin)
    assert sum(map(len, topics.values())) == 772
    assert differ == []
    # Three documents hold no article text, whatever the batch: a bare headline (24_10ecb,
    # 4_6ecbplus after its date line) and a headline, a date and a lead cut off mid-sentence.
    assert len(skipped) <= 3


def test_a_quote_printed_by_several_articles_stays_in_each(topics: dict[int, list[LabelledDocument]]) -> None:
    # Topic 1: the actress's representative's statement, quoted by several outlets' reports.
    quote = "We appreciate your respect to her and her family's privacy at this time"
    documents = [document for document in topics[1] if quote in document.text]
    assert len(documents) >= 3
    cleaned = Cleaner().clean_batch([_raw(document) for document in documents])
    assert all(isinstance(article, Article) and quote in article.text for article in cleaned)
