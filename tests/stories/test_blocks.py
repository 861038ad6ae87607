"""Blocked clustering: the plan cuts a ranking into overlapping blocks, the join stitches stories back."""

from __future__ import annotations

from datetime import date

import pytest

from newsfuse.models import Article, Story
from newsfuse.stories import cluster_batch
from newsfuse.stories.blocks import BlockPlan, BlockResult, cluster_blocked, join_blocks
from tests.conftest import truth_key
from tests.stories.conftest import truth_stories


def test_a_corpus_within_one_block_is_plain_batch_clustering(corpus_articles: list[Article]) -> None:
    assert BlockPlan(len(corpus_articles)).blocks == 1
    assert cluster_blocked(corpus_articles) == cluster_batch(corpus_articles)


def test_every_article_has_one_home_block_and_the_cut_is_carried_over() -> None:
    plan = BlockPlan(25, block_articles=10, overlap=3)
    assert (plan.stride, plan.blocks) == (7, 4)
    homes = [[b for b, context in plan.placements(rank) if not context] for rank in range(25)]
    assert all(len(h) == 1 for h in homes)
    context = [rank for rank in range(25) if any(c for _, c in plan.placements(rank))]
    # The last 3 of each block but the last are also context in the next one.
    assert context == [4, 5, 6, 11, 12, 13, 18, 19, 20]
    sizes = [sum(1 for r in range(25) for b, _ in plan.placements(r) if b == block) for block in range(4)]
    assert max(sizes) <= 10


def test_an_overlap_as_big_as_the_block_is_refused() -> None:
    with pytest.raises(ValueError, match="overlap"):
        BlockPlan(100, block_articles=10, overlap=10)


def _story(founder: str, ids: list[str], headline: str = "h") -> Story:
    return Story(id=f"s-{founder}", headline=headline, article_ids=tuple(ids))


def test_a_story_continues_the_story_most_of_its_context_belongs_to() -> None:
    known = {name: (number, date(2024, 1, 1 + number)) for number, name in enumerate("abcdefgh")}
    first = BlockResult(0, (_story("a", ["a", "b", "c"], "first"), _story("d", ["d", "e"], "second")), frozenset())
    # Block 1 re-clustered c, d, e (its context) with f, g, h: f joins c+d+e, so it continues
    # the story of d and e (two of three context articles); g and h start their own.
    second = BlockResult(1, (_story("c", ["c", "d", "e", "f"], "whole"), _story("g", ["g", "h"])), frozenset("cde"))
    stories = join_blocks([second, first], known)
    assert sorted(sorted(s.article_ids) for s in stories) == [["a", "b", "c"], ["d", "e", "f"], ["g", "h"]]
    joined = next(s for s in stories if "f" in s.article_ids)
    # The headline comes from the part that saw most of the story (d, e and f).
    assert joined.headline == "whole" and (joined.start, joined.end) == (date(2024, 1, 4), date(2024, 1, 6))


def test_sample_corpus_stories_survive_small_blocks(corpus_articles: list[Article]) -> None:
    """Cut into blocks of 8 with 4 carried over, the sample corpus's dated stories still come out whole."""
    plan = BlockPlan(len(corpus_articles), block_articles=8, overlap=4)
    assert plan.blocks > 1
    by_id = {a.id: truth_key(a) for a in corpus_articles}
    found = {frozenset(by_id[i] for i in s.article_ids) for s in cluster_blocked(corpus_articles, plan=plan)}
    assert found == {frozenset(s) for s in truth_stories()}
