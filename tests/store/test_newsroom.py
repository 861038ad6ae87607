"""The store-backed use cases: ingest places each article in its story and refreshes the brief, re-ingest
changes nothing, versions pile up as a story grows, and a killed ingest loses nothing it acknowledged."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from newsfuse.models import Article
from newsfuse.service import Batch, Newsfuse, Newsroom, open_store
from tests.conftest import REPO, seed_paths


def test_seeds_form_one_story_and_reingest_changes_nothing(newsroom: Newsroom, seeds: tuple[Article, ...]) -> None:
    done = newsroom.file(Batch(seeds))
    assert [p.added for p in done.placements] == [True] * len(seeds)
    [story] = {p.story_id for p in done.placements}
    assert done.refreshed == (story,)  # one brief for the whole batch, not one per article
    brief = newsroom.brief(story)
    assert brief is not None and brief.version == 1
    assert set(brief.article_ids) == {a.id for a in seeds}
    assert brief.record.id == story and len(brief.record.articles) == len(seeds)
    assert 1 <= brief.independent_sources < len(seeds)  # the seeds include copies and a digest

    again = newsroom.file(Batch(seeds))
    assert [p.added for p in again.placements] == [False] * len(seeds)
    assert {p.story_id for p in again.placements} == {story}
    assert again.refreshed == ()
    assert newsroom.counts() == {"articles": len(seeds), "stories": 1, "briefs": 1}


def test_a_growing_story_keeps_its_versions(newsroom: Newsroom, seeds: tuple[Article, ...]) -> None:
    newsroom.file(Batch(seeds[:3]))
    grown = newsroom.file(Batch(seeds[3:]))
    [story] = {p.story_id for p in grown.placements}
    changes = newsroom.changes(story)
    assert [c.version for c in changes] == [2, 1]
    assert set(changes[0].added_articles) == {a.id for a in seeds[3:]}
    assert set(changes[1].added_articles) == {a.id for a in seeds[:3]}
    assert changes[0].independent_sources_before == changes[1].independent_sources
    first = newsroom.brief(story, 1)
    assert first is not None and len(first.record.articles) == 3


def test_another_process_articles_are_seen_before_placing(
    tmp_path: Path, service: Newsfuse, seeds: tuple[Article, ...]
) -> None:
    """Two newsrooms on one file (as `watch` beside `serve`): each catches up with what the other stored."""
    path = str(tmp_path / "shared.db")
    watcher, server = Newsroom(open_store(path), service), Newsroom(open_store(path), service)
    try:
        server.file(Batch(seeds[:1]))  # the server's tracker is built now, before the watcher's articles
        first = watcher.file(Batch(seeds[1:3]))
        later = server.file(Batch(seeds[3:]))
        stories = {p.story_id for p in (*first.placements, *later.placements)}
        assert len(stories) == 1
        assert server.counts()["stories"] == 1
    finally:
        watcher.store.close()
        server.store.close()


def test_stale_briefs_are_refreshed(newsroom: Newsroom, seeds: tuple[Article, ...]) -> None:
    placements = [newsroom.place(a) for a in seeds[:2]]  # placed, but (as after a crash) not briefed
    story = placements[0].story_id
    assert newsroom.store.stale_stories() == [story]
    assert newsroom.brief(story) is None
    # A story without a brief yet is listed, at version 0, its articles waiting.
    [(listed)], total = newsroom.stories(10)
    assert total == 1 and (listed.id, listed.version, listed.pending, listed.failed) == (story, 0, 2, 0)
    assert newsroom.brief_state(story) == "stale"
    assert newsroom.refresh_stale() == [story]
    assert newsroom.store.stale_stories() == []
    brief = newsroom.brief(story)
    assert brief is not None and set(brief.article_ids) == {p.article_id for p in placements}


def test_a_killed_ingest_keeps_every_acknowledged_article(tmp_path: Path, service: Newsfuse) -> None:
    db = tmp_path / "crash.db"
    paths = [str(p) for p in seed_paths()]
    command = [str(Path(sys.executable).parent / "newsfuse"), "ingest", "--db", str(db), *paths]
    with subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    ) as process:
        assert process.stdout is not None
        first = process.stdout.readline()  # printed only once the article is committed
        process.send_signal(signal.SIGKILL)
        rest = process.stdout.read()
        assert process.wait(timeout=60) == -signal.SIGKILL
    acknowledged = [line.split("\t") for line in [first, *rest.splitlines()] if line.strip()]
    assert acknowledged and all(state.strip() == "added" for _, _, state in acknowledged)

    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    newsroom = Newsroom(open_store(str(db)), service)
    try:
        for article_id, story_id, _ in acknowledged:
            assert newsroom.story_of(article_id) == story_id
        # The brief the killed run never wrote is brought up to date; the rest of the batch goes in.
        newsroom.refresh_stale()
        assert newsroom.store.stale_stories() == []
        done = newsroom.ingest(paths)
        assert not done.failures
        assert {p.article_id for p in done.placements if not p.added} >= {a for a, _, _ in acknowledged}
        assert newsroom.counts()["articles"] == len(paths)
        assert newsroom.counts()["stories"] == 1
    finally:
        newsroom.store.close()
