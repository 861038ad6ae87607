"""Briefs off the request path and failures kept with their article: an article a story's brief fails
with is found, left out and marked while the rest is briefed; the next brief adds newcomers without
it; a long article is briefed on its first part, with a note; concurrent writers share commits and
lose nothing."""

from __future__ import annotations

import shutil
import threading
from contextlib import AbstractContextManager
from dataclasses import replace
from pathlib import Path

from newsfuse.models import Article
from newsfuse.newsroom.bounds import briefed_part, with_cut_note
from newsfuse.service import Batch, Newsfuse, Newsroom, Placement, open_store
from newsfuse.store import Writes
from tests.conftest import text_document
from tests.store.builders import FailedBrief, long_text


def test_the_article_a_brief_fails_with_is_left_out_and_the_rest_briefed(
    failed_brief: FailedBrief, service: Newsfuse, seeds: tuple[Article, ...], tmp_path: Path
) -> None:
    assert "time budget" in failed_brief.problem
    # Both together failed, then each alone: the long report is found with three briefs, not more.
    assert failed_brief.attempts == 3
    path = tmp_path / "copy.db"
    shutil.copy(failed_brief.path, path)
    newsroom = Newsroom(open_store(str(path)), service)
    try:
        story = failed_brief.story_id
        state = newsroom.story_state(story)
        assert state is not None
        assert state.briefed == (failed_brief.briefed.id,) and state.pending == ()
        assert state.failed == ((failed_brief.left_out.id, failed_brief.problem),)
        assert newsroom.store.stale_stories() == [] and newsroom.brief_state(story) == "current"
        brief = newsroom.brief(story)
        assert brief is not None and brief.article_ids == (failed_brief.briefed.id,)
        assert brief.record.sections.what_happened
        assert newsroom.refresh(story) is False  # nothing waits: the failed article is not retried
        # A newcomer is briefed with the story; the article left out stays out.
        with newsroom.store.write() as tx:
            tx.add_article(seeds[2], story)
        assert newsroom.refresh(story) is True
        grown = newsroom.brief(story)
        assert grown is not None and grown.version == 2
        assert grown.article_ids == (failed_brief.briefed.id, seeds[2].id)
        [listed], _ = newsroom.stories(10)
        assert (listed.version, listed.briefed, listed.failed, listed.pending) == (2, 2, 1, 0)
    finally:
        newsroom.close()


def test_a_long_article_is_briefed_on_its_first_paragraphs_with_a_note(service: Newsfuse) -> None:
    [article] = service.articles_from_documents([text_document(long_text(30_000), "long.txt")]).articles
    assert len(article.text) > 20_000
    part = briefed_part(article, 10_000)
    assert len(part.text) <= 10_000 and article.text.startswith(part.text)
    assert part.paragraphs == article.paragraphs[: len(part.paragraphs)]  # whole paragraphs, offsets kept
    noted = with_cut_note(article, 10_000)
    assert noted.notes == (
        f"only its first {len(part.text):,} of {len(article.text):,} characters go into its story's brief",
    )
    assert with_cut_note(noted, 10_000) == noted and with_cut_note(article, 10**6) is article
    # One paragraph longer than the limit is cut at a space.
    one = replace(article, text=article.text.replace("\n\n", " "), paragraphs=())
    cut = briefed_part(one, 5_000)
    assert len(cut.text) <= 5_000 and cut.text[-1] != " " and one.text[len(cut.text)] == " "


def test_concurrent_writers_share_commits_and_lose_nothing(newsroom: Newsroom, seeds: tuple[Article, ...]) -> None:
    articles = [
        replace(seed, id=f"{seed.id[:12]}{n:04x}", url=f"https://outlet{n}.example/")
        for n in range(4)
        for seed in seeds
    ]
    commits = 0
    write = newsroom.store.write

    def counted() -> AbstractContextManager[Writes]:
        nonlocal commits
        commits += 1
        return write()

    newsroom.store.write = counted  # type: ignore[method-assign]
    start = threading.Barrier(8)
    placed: list[Placement] = []

    def writer(mine: list[Article]) -> None:
        start.wait()
        placed.extend(newsroom.place(article) for article in mine)

    threads = [threading.Thread(target=writer, args=(articles[i::8],)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(placed) == len(articles) and all(p.added for p in placed)
    assert newsroom.counts()["articles"] == len(articles)
    assert all(newsroom.story_of(p.article_id) == p.story_id for p in placed)
    assert commits < len(articles) / 2  # writers arriving together shared commits


def test_a_large_storys_brief_reads_its_most_recent_articles(
    tmp_path: Path, service: Newsfuse, seeds: tuple[Article, ...]
) -> None:
    newsroom = Newsroom(open_store(str(tmp_path / "window.db")), service, max_briefed_articles=3)
    try:
        first = newsroom.file(Batch(seeds[:3]))
        [story] = {p.story_id for p in first.placements}
        assert first.refreshed == (story,) and not first.left_out
        later = newsroom.file(Batch(seeds[3:]))
        assert later.refreshed == (story,)
        reason = "the story's brief reads its 3 most recent articles, and this one is older"
        assert [
            (f.origin.endswith(f"(article {a.id})"), f.problem) for f, a in zip(later.left_out, seeds, strict=False)
        ] == [(True, f"left out of story {story}'s brief: {reason}")] * 2
        state = newsroom.story_state(story)
        assert state is not None and state.pending == ()
        assert set(state.briefed) == {a.id for a in seeds[2:]}
        assert state.failed == tuple((a.id, reason) for a in seeds[:2])
        assert newsroom.store.stale_stories() == [] and newsroom.refresh(story) is False
    finally:
        newsroom.close()
