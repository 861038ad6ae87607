"""Stories on real articles: the seeds are one event; the sample corpus's stories match its answer key."""

from __future__ import annotations

import itertools
import random

from newsfuse.models import Article
from newsfuse.stories import StoryTracker, cluster_batch
from tests.conftest import truth_key
from tests.stories.conftest import truth_stories


def _partition(stories: list[list[str]] | list[set[str]]) -> set[frozenset[str]]:
    return {frozenset(s) for s in stories}


def test_the_five_seeds_form_exactly_one_story(seed_articles: list[Article]) -> None:
    stories = cluster_batch(seed_articles)
    assert len(stories) == 1
    assert set(stories[0].article_ids) == {a.id for a in seed_articles}


def test_the_seeds_form_one_story_in_every_arrival_order(seed_articles: list[Article]) -> None:
    for order in itertools.permutations(seed_articles):
        tracker = StoryTracker()
        ids = {tracker.add(article) for article in order}
        assert len(tracker.stories()) == 1, [a.label for a in order]
        assert ids == {tracker.stories()[0].id}


def test_the_seed_story_spans_the_preview_to_the_digests(seed_articles: list[Article]) -> None:
    story = cluster_batch(seed_articles)[0]
    dated = sorted(a.published for a in seed_articles if a.published)
    assert (story.start, story.end) == ((dated[0], dated[-1]) if dated else (None, None))
    assert story.headline in {a.title for a in seed_articles}


def test_sample_corpus_stories_match_the_answer_key(corpus_articles: list[Article]) -> None:
    expected = _partition(truth_stories())
    by_id = {a.id: truth_key(a) for a in corpus_articles}
    found = _partition([[by_id[i] for i in story.article_ids] for story in cluster_batch(corpus_articles)])
    assert found == expected


def test_sample_corpus_streamed_in_any_order_gives_the_same_stories(corpus_articles: list[Article]) -> None:
    expected = _partition(truth_stories())
    by_id = {a.id: truth_key(a) for a in corpus_articles}
    for seed in range(5):
        order = list(corpus_articles)
        random.Random(seed).shuffle(order)
        tracker = StoryTracker()
        tracker.extend(order)
        found = _partition([[by_id[i] for i in story.article_ids] for story in tracker.stories()])
        assert found == expected, seed


def test_seeds_and_sample_corpus_together_stay_apart(
    seed_articles: list[Article], corpus_articles: list[Article]
) -> None:
    stories = cluster_batch([*seed_articles, *corpus_articles])
    seeds = {a.id for a in seed_articles}
    assert [set(s.article_ids) for s in stories if set(s.article_ids) & seeds] == [seeds]
    assert len(stories) == 1 + len(truth_stories())


def test_recluster_agrees_with_the_batch_and_keeps_story_ids(corpus_articles: list[Article]) -> None:
    tracker = StoryTracker()
    placed = {a.id: tracker.add(a) for a in corpus_articles}
    batch = {frozenset(s.article_ids) for s in cluster_batch(corpus_articles)}
    reclustered = tracker.recluster()
    assert {frozenset(s.article_ids) for s in reclustered} == batch
    # A story keeps the id of the article that founded it, so ids survive reclustering.
    for story in reclustered:
        assert placed[story.article_ids[0]] == story.id


def test_an_article_seen_twice_keeps_its_story(seed_articles: list[Article]) -> None:
    tracker = StoryTracker()
    first = [tracker.add(a) for a in seed_articles]
    again = [tracker.add(a) for a in seed_articles]
    assert first[-1] == again[0] == again[-1]
    assert len(tracker) == 5


def test_story_of_follows_articles_through_repairs(corpus_articles: list[Article]) -> None:
    tracker = StoryTracker()
    tracker.extend(corpus_articles)
    for story in tracker.stories():
        assert {tracker.story_of(article_id) for article_id in story.article_ids} == {story.id}
