"""Briefs computed in a worker process (a server's), each stopped from outside past its hard limit.

The server hands each brief to one worker process (pebble). Its CPU-bound work then never holds the
interpreter lock that request threads need: on two cores, requests keep one core while a brief takes
the other, at a lower priority. A brief still running at `HARD_LIMIT_FACTOR` times its time budget
(plus slack) is stuck where it cannot check its budget: the worker is killed and replaced, and the
brief counts as failed (the story's briefing then leaves out the article it fails with). Stopping
the server stops the worker at once, whatever it is doing.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import CancelledError
from concurrent.futures import TimeoutError as FutureTimeout

from pebble import ProcessExpired, ProcessPool

from newsfuse.models import Article
from newsfuse.models.brief import Brief
from newsfuse.parallel import HARD_LIMIT_FACTOR, HARD_LIMIT_SLACK_S

# The worker runs at this much lower priority (os.nice): requests are served first on a busy machine.
WORKER_NICE = 10
# How long stopping waits for the worker to end (pebble terminates it, then kills it).
STOP_WAIT_S = 2.0

# The worker process's pipeline, built once by `_start`. A worker is a process of its own, so this is
# per-process state, set once before any task runs (as in newsfuse.parallel).
_PIPELINE: list[Callable[[str, Sequence[Article]], Brief]] = []


class WorkerStopped(Exception):
    """The worker computing a brief was stopped (past its hard limit, or it died)."""


class WorkerBriefs:
    """`brief_story` run in a worker process; `budget(articles)` is a brief's time budget in seconds."""

    def __init__(self, budget: Callable[[int], float]) -> None:
        self._budget = budget
        self._pool: ProcessPool | None = None
        self._closed = False
        self._guard = threading.Lock()

    def brief_story(self, story_id: str, articles: Sequence[Article]) -> Brief:
        limit = HARD_LIMIT_FACTOR * self._budget(len(articles)) + HARD_LIMIT_SLACK_S
        future = self._start().schedule(_brief, args=(story_id, list(articles)), timeout=limit)
        try:
            brief: Brief = future.result()
        except FutureTimeout:
            raise WorkerStopped(f"its worker ran past {limit:.0f} s and was stopped") from None
        except ProcessExpired as expired:
            raise WorkerStopped(f"its worker process died (exit code {expired.exitcode})") from None
        except CancelledError:
            raise WorkerStopped("the worker was stopped") from None
        return brief

    def stopping(self) -> bool:
        """True once `close` was called: a brief that fails now failed because of it."""
        return self._closed

    def close(self) -> None:
        with self._guard:
            self._closed = True
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.stop()  # type: ignore[no-untyped-call]
            pool.join(STOP_WAIT_S)

    def _start(self) -> ProcessPool:
        with self._guard:
            if self._closed:
                raise WorkerStopped("the worker was stopped")
            if self._pool is None:
                # spawn: a fresh interpreter, not a fork of this threaded server.
                context = multiprocessing.get_context("spawn")
                self._pool = ProcessPool(max_workers=1, initializer=_start, context=context)
            return self._pool


def _start() -> None:
    os.nice(WORKER_NICE)
    from newsfuse.service import Newsfuse

    _PIPELINE.append(Newsfuse().brief_story)


def _brief(story_id: str, articles: list[Article]) -> Brief:
    return _PIPELINE[0](story_id, articles)
