"""The store contract, on every backend: articles round-trip, writes are all-or-nothing, brief versions
are kept, search finds words and ignores search syntax, a reopened store holds everything."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from newsfuse.models import Article, story_id
from newsfuse.models.brief import Brief
from newsfuse.render.brief import brief_record
from newsfuse.service import FeedState, Newsfuse, Store, open_store
from newsfuse.store.rows import brief_row


@pytest.fixture(scope="module")
def briefs(service: Newsfuse, seeds: tuple[Article, ...]) -> tuple[Brief, Brief]:
    """The seed story briefed twice: on its first three articles, then on all five."""
    story = story_id(seeds[0].id)
    return service.brief_story(story, seeds[:3]), service.brief_story(story, seeds)


def _fill(store: Store, articles: tuple[Article, ...], story: str) -> None:
    for article in articles:
        with store.write() as tx:
            tx.add_article(article, story)


def test_articles_round_trip_in_arrival_order(store: Store, seeds: tuple[Article, ...]) -> None:
    _fill(store, seeds, "s1")
    for article in seeds:
        assert store.article(article.id) == article
        assert store.story_of(article.id) == "s1"
    assert [a.id for a in store.story_articles("s1")] == [a.id for a in seeds]
    arrivals = store.arrivals_since(0)
    assert [a.article.id for a in arrivals] == [a.id for a in seeds]
    assert [a.seq for a in arrivals] == sorted(a.seq for a in arrivals)
    assert [a.article.id for a in store.arrivals_since(arrivals[2].seq)] == [a.id for a in seeds[3:]]
    assert store.article("0000000000000000") is None


def test_a_failed_write_stores_nothing(store: Store, seeds: tuple[Article, ...]) -> None:
    with pytest.raises(RuntimeError), store.write() as tx:
        tx.add_article(seeds[0], "s1")
        assert tx.article(seeds[0].id) == seeds[0]  # visible inside its own transaction
        raise RuntimeError("crash before commit")
    assert store.article(seeds[0].id) is None
    assert store.counts() == {"articles": 0, "stories": 0, "briefs": 0}


def test_brief_versions_are_kept(store: Store, seeds: tuple[Article, ...], briefs: tuple[Brief, Brief]) -> None:
    first, second = briefs
    story = first.story_id
    start = datetime(2025, 9, 3, 12, 0, tzinfo=UTC)
    _fill(store, seeds[:3], story)
    with store.write() as tx:
        assert tx.save_brief(brief_row(first, brief_record(first), start)) == 1
    assert store.stale_stories() == []
    _fill(store, seeds[3:], story)
    assert store.stale_stories() == [story]  # two articles its brief does not cover yet
    with store.write() as tx:
        assert tx.save_brief(brief_row(second, brief_record(second), start + timedelta(minutes=5))) == 2
    assert store.stale_stories() == []

    versions = store.versions(story)
    assert [v.version for v in versions] == [2, 1]
    assert [len(v.article_ids) for v in versions] == [5, 3]
    old = store.brief(story, 1)
    assert old is not None and old.record == brief_record(first)  # texts put back from the articles
    latest = store.brief(story)
    assert latest is not None and latest.version == 2 and latest.record == brief_record(second)
    assert latest.independent_sources == second.independent_sources
    assert latest.open_conflicts == sum(1 for c in second.conflicts if c.status == "open")
    assert len(latest.annotations.sentences["quick_read"]) == len(second.sections.quick_read)
    # What the current brief found is kept as rows too (replaced with each version).
    assert store.findings(story) == {
        "derivations": len(second.provenance.derivations),
        "claims": len(second.claims),
        "conflicts": len(second.conflicts),
    }
    assert store.findings(story)["derivations"] > 0 and store.findings(story)["conflicts"] > 0

    [summary] = store.stories(10)
    assert summary.id == story and summary.version == 2
    assert summary.article_ids == tuple(a.id for a in seeds)
    assert summary.updated == start + timedelta(minutes=5)
    assert store.counts() == {"articles": 5, "stories": 1, "briefs": 2}


def test_search_finds_words_and_ignores_search_syntax(
    store: Store, seeds: tuple[Article, ...], briefs: tuple[Brief, Brief]
) -> None:
    brief = briefs[1]
    _fill(store, seeds, brief.story_id)
    with store.write() as tx:
        tx.save_brief(brief_row(brief, brief_record(brief), datetime.now(UTC)))
    titled = next(a for a in seeds if a.title)
    words = [w for w in titled.title.split() if w.isalpha() and len(w) > 3][:2]  # type: ignore[union-attr]
    hits = store.search(" ".join(words), 20)
    assert titled.id in {h.id for h in hits if h.kind == "article"}
    assert brief.story_id in {h.id for h in hits if h.kind == "story"}
    for hit in hits:
        matched = [text.casefold() for text, is_match in hit.parts() if is_match]
        assert matched and set(matched) <= {w.casefold() for w in words}
    # Operators, quotes and unbalanced brackets of any search syntax are plain punctuation here.
    for hostile in ['"', 'NEAR(" OR *', "title: (", "' OR 1=1 --", "%_\\"]:
        assert store.search(hostile, 10) == []
    assert store.search("zzzqqq-not-a-word", 10) == []


def test_reopened_store_holds_everything(
    store_url: str, seeds: tuple[Article, ...], briefs: tuple[Brief, Brief]
) -> None:
    brief = briefs[1]
    first = open_store(store_url)
    _fill(first, seeds, brief.story_id)
    with first.write() as tx:
        tx.save_brief(brief_row(brief, brief_record(brief), datetime.now(UTC)))
        tx.save_feed(FeedState("https://example.org/feed", etag='"v1"', failures=2, last_error="HTTP 503"))
    counts, latest = first.counts(), first.brief(brief.story_id)
    first.close()

    again = open_store(store_url)
    try:
        assert again.counts() == counts
        assert again.brief(brief.story_id) == latest
        assert [again.article(a.id) for a in seeds] == list(seeds)
        assert again.search(seeds[0].text.split()[3], 5)
        feed = again.feed("https://example.org/feed")
        assert feed is not None and (feed.etag, feed.failures, feed.last_error) == ('"v1"', 2, "HTTP 503")
    finally:
        again.close()


def test_the_kind_of_piece_a_page_declares_is_kept(store: Store, seeds: tuple[Article, ...]) -> None:
    # The brief reads it to keep an opinion piece's lines out of its reporting sections
    # (`brief.frame`), so a story briefed again from the store must still see it.
    column = replace(seeds[0], id="00000000000000aa", genre="OpinionNewsArticle")
    with store.write() as tx:
        tx.add_article(column, "s1")
    found = store.article(column.id)
    assert found is not None and found.genre == "OpinionNewsArticle"
