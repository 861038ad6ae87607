"""Watching feeds: conditional GET (ETag, Last-Modified), backoff for a failing feed, one bad feed never
stopping the others, and the `watch` command. Feeds are served by a real HTTP server on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfuse.cli import app
from newsfuse.ingest import Fetcher, ReadOptions
from newsfuse.service import MAX_FEED_BACKOFF, FeedState, Ingested, Newsfuse, Newsroom, Store, open_store
from tests.store.builders import Site, rss, seed_texts, serve_site

EVERY = timedelta(minutes=10)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2025, 9, 3, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def site() -> Iterator[Site]:
    with serve_site() as served:
        items = [(f"Seed {i}", f"{served.base}/story/{i}", text) for i, text in enumerate(seed_texts()[:3])]
        served.pages["/feed.xml"] = (200, "application/rss+xml", rss(items))
        served.etags["/feed.xml"] = '"seed-v1"'
        served.pages["/broken.xml"] = (503, "text/plain", b"down for maintenance")
        yield served


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def local_newsroom(store: Store, service: Newsfuse, clock: Clock) -> Newsroom:
    # The feeds live on loopback, which the fetcher refuses unless told otherwise.
    options = ReadOptions(fetcher=Fetcher(allow_private=True))
    return Newsroom(store, service, read_options=options, clock=clock)


def test_a_feed_is_fetched_again_only_when_it_changed(local_newsroom: Newsroom, site: Site) -> None:
    feed = f"{site.base}/feed.xml"
    done, state = local_newsroom.poll(feed, EVERY)
    assert done is not None and len(done.placements) == 3 and all(p.added for p in done.placements)
    assert state.etag == '"seed-v1"' and state.last_modified and state.failures == 0
    assert local_newsroom.store.feed(feed) == state

    again, state = local_newsroom.poll(feed, EVERY)
    path, headers = site.requests[-1]
    assert path == "/feed.xml"
    assert headers["if-none-match"] == '"seed-v1"' and headers["if-modified-since"] == state.last_modified
    assert again is not None and again.placements == ()  # 304: nothing read, nothing stored
    assert local_newsroom.counts()["articles"] == 3


def test_a_failing_feed_backs_off_and_never_stops_the_others(
    local_newsroom: Newsroom, site: Site, clock: Clock
) -> None:
    good, bad = f"{site.base}/feed.xml", f"{site.base}/broken.xml"
    heard: list[tuple[str, Ingested | None, FeedState]] = []
    local_newsroom.watch([bad, good], EVERY, rounds=1, report=lambda *r: heard.append(r))
    assert [feed for feed, _, _ in heard] == [bad, good]
    _, failed, state = heard[0]
    assert failed is None and state.failures == 1 and state.last_error == "HTTP 503"
    assert state.next_due == clock.now + 2 * EVERY
    assert heard[1][1] is not None and len(heard[1][1].placements) == 3

    # Next round, ten minutes on: only the good feed is due; the bad one waits out its backoff.
    clock.now += EVERY
    heard.clear()
    local_newsroom.watch([bad, good], EVERY, rounds=1, report=lambda *r: heard.append(r))
    assert [feed for feed, _, _ in heard] == [good]

    waits = []
    for _ in range(8):
        clock.now = local_newsroom.store.feed(bad).next_due  # type: ignore[union-attr, assignment]
        _, state = local_newsroom.poll(bad, EVERY)
        assert state.next_due is not None
        waits.append(state.next_due - clock.now)
    assert waits[:3] == [4 * EVERY, 8 * EVERY, 16 * EVERY]
    assert max(waits) == MAX_FEED_BACKOFF

    site.pages["/broken.xml"] = site.pages["/feed.xml"]  # it recovers
    clock.now = local_newsroom.store.feed(bad).next_due  # type: ignore[union-attr, assignment]
    _, state = local_newsroom.poll(bad, EVERY)
    assert state.failures == 0 and state.last_error is None and state.next_due == clock.now + EVERY


def test_a_feed_on_a_private_address_is_refused_by_default(store: Store, service: Newsfuse, site: Site) -> None:
    newsroom = Newsroom(store, service)
    done, state = newsroom.poll(f"{site.base}/feed.xml", EVERY)
    assert done is None and state.failures == 1
    assert "refused" in (state.last_error or "") and "loopback" in (state.last_error or "")
    assert site.requests == []  # refused before any connection
    assert newsroom.counts()["articles"] == 0


def test_watch_command_polls_once(tmp_path: Path, site: Site) -> None:
    db = str(tmp_path / "watch.db")
    result = CliRunner().invoke(
        app,
        [
            "watch",
            f"{site.base}/feed.xml",
            f"{site.base}/broken.xml",
            "--once",
            "--every",
            "5",
            "--db",
            db,
            "--allow-private-urls",
        ],
    )
    assert result.exit_code == 2, result.output  # one feed failed; the other was still read
    lines = [line.split("\t") for line in result.stdout.splitlines() if line.count("\t") == 2]
    assert len(lines) == 3 and {state for _, _, state in lines} == {"added"}
    assert "broken.xml: HTTP 503" in result.stderr
    store = open_store(db)
    try:
        assert store.counts()["articles"] == 3
        assert store.feed(f"{site.base}/broken.xml").failures == 1  # type: ignore[union-attr]
    finally:
        store.close()
