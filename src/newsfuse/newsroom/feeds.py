"""Feeds read and polled: conditional GETs against what the store remembers, backoff while one fails."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Protocol

from newsfuse.errors import InputError
from newsfuse.ingest import Fetcher, Reader, is_url
from newsfuse.ingest.decode import decode_bytes
from newsfuse.models import Failure, RawDocument
from newsfuse.newsroom.records import Ingested
from newsfuse.store import FeedState, Store

# A feed that keeps failing is polled every `every * 2**failures`, but never less often than this:
# a feed down for a day is still retried four times a day, so its recovery is seen within hours.
MAX_FEED_BACKOFF = timedelta(hours=6)

Report = Callable[[str, Ingested | None, FeedState], None]


class Intake(Protocol):
    """What a feed's items go through: the newsroom's ingest."""

    def ingest(self, inputs: Sequence[str]) -> Ingested: ...

    def ingest_documents(self, raws: Sequence[RawDocument], failures: Sequence[Failure] = ()) -> Ingested: ...


class FeedPoller:
    """Reads feeds into the newsroom (`intake`), remembering each feed's state in the store."""

    def __init__(
        self, store: Store, intake: Intake, fetcher: Fetcher, reader: Reader, clock: Callable[[], datetime]
    ) -> None:
        self._store = store
        self._intake = intake
        self._fetcher = fetcher
        self._reader = reader
        self._clock = clock

    def ingest_feed(self, feed: str, state: FeedState | None = None) -> tuple[Ingested, FeedState]:
        """Read a feed (a file, or a URL fetched with a conditional GET against `state`) and ingest its items.

        Raises InputError (FetchError for the network) when the feed itself cannot be read; a bad
        item is a failure in the result. The returned state is what to send next time.
        """
        state = state or FeedState(feed)
        now = self._clock()
        if not is_url(feed):
            done = self._intake.ingest([feed])
            if done.failures and not done.placements:
                raise InputError(done.failures[0].origin, done.failures[0].problem)
            return done, replace(state, checked=now)
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        response = self._fetcher.get(feed, headers)
        if response.status == 304:
            return Ingested(()), replace(state, checked=now)
        text = decode_bytes(feed, response.body, declared=response.charset)
        raws: list[RawDocument] = []
        failures: list[Failure] = []
        for item in self._reader.read_text(feed, text, kind="feed"):
            if isinstance(item, Failure):
                failures.append(item)
            else:
                raws.append(item)
        if failures and not raws:
            raise InputError(feed, failures[0].problem)
        done = self._intake.ingest_documents(raws, failures)
        seen = state.articles_seen + sum(1 for p in done.placements if p.added)
        etag = response.headers.get("etag") or None
        modified = response.headers.get("last-modified") or None
        return done, replace(state, etag=etag, last_modified=modified, checked=now, articles_seen=seen)

    def poll(self, feed: str, every: timedelta) -> tuple[Ingested | None, FeedState]:
        """Poll one feed, remembering its validators and backing off while it fails. Never raises for
        the feed's own failure: it is recorded in the state (and the result is None)."""
        state = self._store.feed(feed) or FeedState(feed)
        now = self._clock()
        try:
            done, state = self.ingest_feed(feed, state)
        except InputError as exc:
            failures = state.failures + 1
            wait = min(every * 2**failures, max(MAX_FEED_BACKOFF, every))
            state = replace(state, checked=now, next_due=now + wait, failures=failures, last_error=exc.problem)
            result = None
        else:
            state = replace(state, next_due=now + every, failures=0, last_error=None)
            result = done
        with self._store.write() as tx:
            tx.save_feed(state)
        return result, state

    def watch(
        self,
        feeds: Sequence[str],
        every: timedelta,
        *,
        rounds: int | None = None,
        sleep: Callable[[float], None] = time.sleep,
        report: Report | None = None,
    ) -> None:
        """Poll the feeds that are due, round after round (`rounds` of them, or forever), sleeping until
        the next one is due. One feed failing never stops the others."""
        done = 0
        while rounds is None or done < rounds:
            now = self._clock()
            for feed in feeds:
                known = self._store.feed(feed)
                if known is None or known.next_due is None or known.next_due <= now:
                    result, state = self.poll(feed, every)
                    if report is not None:
                        report(feed, result, state)
            done += 1
            if rounds is not None and done >= rounds:
                return
            due = [s.next_due for f in feeds if (s := self._store.feed(f)) is not None and s.next_due is not None]
            wait = (min(due) - self._clock()).total_seconds() if due else every.total_seconds()
            sleep(max(wait, 0.0))
