"""Passage alignment on real text: a wire copy, a rewrite of it, and two independent reports."""

from __future__ import annotations

import re

import pytest

from newsfuse.models import Article
from newsfuse.provenance import align_passages
from newsfuse.provenance.alignment import align
from newsfuse.provenance.passages import passage_text
from newsfuse.service import Newsfuse
from tests.conftest import EXAMPLES

CORPUS = EXAMPLES / "corpus"


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    batch = Newsfuse().articles([str(CORPUS)])
    return {(a.origin or "").split("examples/corpus/", 1)[1]: a for a in batch.articles}


def test_a_trimmed_copy_matches_its_source_sentence_for_sentence(articles: dict[str, Article]) -> None:
    copy = articles["brennholm-warehouse-fire/02_coastline-times.txt"]
    source = articles["brennholm-warehouse-fire/01_northern-ledger.html"]
    matches = align_passages(copy, source)
    assert len(matches) >= 10
    for match in matches:
        assert match.similarity == pytest.approx(1.0)
        assert copy.excerpt(match.a) == source.excerpt(match.b)
    assert [m.a.start for m in matches] == sorted(m.a.start for m in matches)
    assert [m.b.start for m in matches] == sorted(m.b.start for m in matches)


def test_a_rewrite_is_matched_to_the_sentences_carrying_the_same_figures(articles: dict[str, Article]) -> None:
    rewrite = articles["brennholm-warehouse-fire/03_newsroll-feed.jsonl:1"]
    source = articles["brennholm-warehouse-fire/01_northern-ledger.html"]
    matches = align_passages(rewrite, source)
    with_figures = 0
    for match in matches:
        assert 0.3 <= match.similarity < 1.0
        figures = set(re.findall(r"\d+(?:[.,]\d+)?", rewrite.excerpt(match.a)))
        if figures:
            with_figures += 1
            assert figures & set(re.findall(r"\d+(?:[.,]\d+)?", source.excerpt(match.b))), rewrite.excerpt(match.a)
    assert with_figures >= 4


def test_alignment_is_the_same_read_from_either_side(articles: dict[str, Article]) -> None:
    a = passage_text(articles["storm-ysolde/03_worldnewstoday24.txt"])
    b = passage_text(articles["storm-ysolde/02_kaldmere-gazette.html"])
    forward, backward = align(a, b), align(b, a)
    assert {(m.a, m.b) for m in forward.matches} == {(m.b, m.a) for m in backward.matches}
    assert forward.sequential_a == pytest.approx(backward.sequential_b)
    assert forward.coverage_b == pytest.approx(backward.coverage_a)


def test_a_translation_follows_its_source_in_order_and_independent_reports_do_not(
    articles: dict[str, Article],
) -> None:
    gazette = passage_text(articles["storm-ysolde/02_kaldmere-gazette.html"])
    translation = align(passage_text(articles["storm-ysolde/03_worldnewstoday24.txt"]), gazette)
    independent = align(passage_text(articles["storm-ysolde/04_vnb-news.txt"]), gazette)
    assert translation.sequential_a > 0.9
    assert independent.sequential_a < 0.6
    assert independent.coverage_a > independent.sequential_a  # shared facts, scattered
