"""Briefs of many stories in worker processes: a corpus run uses every core, and a story that
overruns its budget without noticing is stopped from outside.

Each worker builds its own `Newsfuse` once (the language model loads in the worker) and briefs
whole stories. The stages check the story's budget as they go (`newsfuse.deadline`); a worker
that still runs at twice its story's budget is killed and replaced, and the story gets an
incomplete brief saying so. Workers are started with "spawn": the parent may hold threads (a
progress display, a server) that a forked child must not inherit.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING

from pebble import ProcessExpired, ProcessPool

from newsfuse.brief.builder import incomplete_brief
from newsfuse.models import Article
from newsfuse.models.brief import Brief

if TYPE_CHECKING:
    from newsfuse.brief.builder import Composer
    from newsfuse.service import Newsfuse

# A worker still briefing at this multiple of its story's budget, plus this slack, is killed: the
# budget is checked between steps, so a step that never returns is the only thing left to stop.
HARD_LIMIT_FACTOR = 2.0
HARD_LIMIT_SLACK_S = 30.0

# The worker process's pipeline, built once by `_start`. A worker is a process of its own, so this
# is per-process state, set once before any task runs.
_SERVICE: list[Newsfuse] = []


def brief_in_workers(
    groups: Sequence[tuple[str, Sequence[Article]]], workers: int, composer: Composer | None = None
) -> Iterator[tuple[str, Brief]]:
    """(story id, brief) for every story, in the order they finish; never raises for one story."""
    from newsfuse.service import brief_budget

    context = multiprocessing.get_context("spawn")
    with ProcessPool(max_workers=workers, initializer=_start, initargs=(composer,), context=context) as pool:
        pending: dict[Future[Brief], tuple[str, Sequence[Article]]] = {}
        for story_id, members in groups:
            limit = HARD_LIMIT_FACTOR * brief_budget(len(members)) + HARD_LIMIT_SLACK_S
            pending[pool.schedule(_brief, args=(story_id, list(members)), timeout=limit)] = (story_id, members)
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                story_id, members = pending.pop(future)
                yield story_id, _outcome(future, story_id, members)


def _outcome(future: Future[Brief], story_id: str, members: Sequence[Article]) -> Brief:
    try:
        return future.result()
    except FutureTimeout:
        error = "stopped: its worker ran far past the story's time budget"
    except ProcessExpired as expired:
        error = f"failed: its worker process died (exit code {expired.exitcode})"
    except Exception as failure:  # the worker could not even start or send the brief back
        error = f"failed: {type(failure).__name__}: {failure}"
    return incomplete_brief(story_id, members, error)


def _start(composer: Composer | None) -> None:
    from newsfuse.service import Newsfuse

    _SERVICE.append(Newsfuse(composer=composer))


def _brief(story_id: str, members: list[Article]) -> Brief:
    return _SERVICE[0].brief_story(story_id, members)
