"""Briefs rebuilt off the request path: a queue of stories, one rebuild at a time, bursts coalesced.

A write asks for its story's brief and returns; a story asked for while it waits is queued once, and
one asked for while its brief is being rebuilt is queued again, so the next rebuild covers whatever
arrived meanwhile. Stories are served in the order they were asked for, so a busy story does not keep
the others waiting. On start the queue takes every story whose brief is behind (a crash or another
process left them so) without holding up its caller, and it looks again whenever it has been idle
for RESCAN_S.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from typing import Literal

from newsfuse.newsroom.briefing import Cancelled
from newsfuse.newsroom.records import BriefOutcome

# Seconds between looks for stale briefs while idle (another process's writes, a rebuild that failed on
# a broken store): often enough to catch up within a minute, rarely enough to cost nothing.
RESCAN_S = 60.0
# How long stopping waits for the queue's thread (a rebuild in this process cannot be interrupted;
# the thread is a daemon, so the process ends anyway).
STOP_WAIT_S = 2.0

BriefState = Literal["queued", "rebuilding"]
log = logging.getLogger("newsfuse.briefs")


class BriefQueue:
    """Runs `refresh` for each story asked for, in a thread of its own."""

    def __init__(
        self,
        refresh: Callable[[str], BriefOutcome],
        stale: Callable[[], list[str]],
        *,
        before: Callable[[], None] | None = None,
        on_stop: Callable[[], None] | None = None,
    ) -> None:
        """`stale` lists the stories whose briefs are behind; `before` runs first, in the thread (a
        server warms its story tracker there); `on_stop` ends a rebuild under way (a worker process)."""
        self._refresh = refresh
        self._stale = stale
        self._before = before
        self._on_stop = on_stop
        self._changed = threading.Condition()
        self._queued: dict[str, None] = {}  # in order of asking
        self._running: str | None = None
        self._stopping = False
        self._started = False
        self._thread = threading.Thread(target=self._serve, name="newsfuse-brief-queue", daemon=True)

    def start(self) -> None:
        with self._changed:
            if self._started:
                return
            self._started = True
        self._thread.start()

    def request(self, story_id: str) -> None:
        """Have the story's brief rebuilt (once, however often it is asked for while it waits)."""
        self.request_all([story_id])

    def request_all(self, story_ids: Iterable[str]) -> None:
        with self._changed:
            for story_id in story_ids:
                self._queued.setdefault(story_id, None)
            self._changed.notify_all()

    def state(self, story_id: str) -> BriefState | None:
        """Whether the story's brief is waiting to be rebuilt or being rebuilt now (None: neither)."""
        with self._changed:
            if story_id in self._queued:
                return "queued"
            return "rebuilding" if story_id == self._running else None

    def wait_idle(self, timeout: float) -> bool:
        """Wait until nothing is queued or being rebuilt; False when `timeout` seconds pass first."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._queued and self._running is None, timeout)

    def stop(self) -> None:
        with self._changed:
            self._stopping = True
            self._changed.notify_all()
        if self._on_stop is not None:
            self._on_stop()
        if self._thread.is_alive():
            self._thread.join(STOP_WAIT_S)

    def _serve(self) -> None:
        try:
            self.request_all(self._stale())  # queued at once (a quick query), so they show as such
            if self._before is not None:
                self._before()
        except Exception:
            log.exception("newsfuse: could not look for stale briefs at start")
        while True:
            with self._changed:
                while not self._queued and not self._stopping:
                    if not self._changed.wait(RESCAN_S) and not self._queued:
                        break  # idle for a while: look for stale briefs below
                if self._stopping:
                    return
                if not self._queued:
                    story_id = None
                else:
                    story_id = next(iter(self._queued))
                    del self._queued[story_id]
                    self._running = story_id
            if story_id is None:
                self._rescan()
                continue
            try:
                outcome = self._refresh(story_id)
            except Cancelled:
                return
            except Exception:
                # A broken store, say: the story stays stale, and the next rescan asks for it again.
                log.exception("newsfuse: the brief of story %s could not be rebuilt", story_id)
            else:
                for failure in outcome.left_out:
                    log.warning("newsfuse: %s: %s", failure.origin, failure.problem)
            finally:
                with self._changed:
                    self._running = None
                    self._changed.notify_all()

    def _rescan(self) -> None:
        try:
            self.request_all(self._stale())
        except Exception:
            log.exception("newsfuse: could not look for stale briefs")
