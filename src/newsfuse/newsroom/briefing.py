"""A story's brief rebuilt and stored; an article that makes it fail is left out, and marked.

A brief fails when the pipeline raises, or when it comes back incomplete (`Brief.error`: its time
budget ran out, or a stage failed on the story). The articles the current brief does not cover yet
are then split in halves and added half by half, so the article (or articles) with which the brief
fails are found and left out of this and later briefs, each marked in the store with the problem,
while the rest of the story is briefed. Finding one bad article among k new ones takes about
2·log2(k) briefs. An article already in the current brief is never blamed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import datetime

from newsfuse.ingest.repair import repaired_text
from newsfuse.models import Article, Failure
from newsfuse.models.brief import Brief
from newsfuse.newsroom.bounds import MAX_BRIEFED_ARTICLES, MAX_BRIEFED_CHARS, briefed_part
from newsfuse.newsroom.records import BriefOutcome
from newsfuse.render.brief import brief_record
from newsfuse.store import Store
from newsfuse.store.rows import brief_row

BriefStory = Callable[[str, Sequence[Article]], Brief]


class Cancelled(Exception):
    """Briefing was stopped (the server is stopping) while a brief was being computed: nothing is
    stored or marked, and the story stays stale for the next start."""


class Briefer:
    """Rebuilds stories' briefs, one at a time (the pipeline's models are not shared across threads).

    `cancelled` says whether briefing is being stopped: a brief that fails then raises Cancelled
    instead of counting against its articles.
    """

    def __init__(
        self,
        store: Store,
        brief_story: BriefStory,
        clock: Callable[[], datetime],
        *,
        max_chars: int = MAX_BRIEFED_CHARS,
        max_articles: int = MAX_BRIEFED_ARTICLES,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self._store = store
        self._brief_story = brief_story
        self._clock = clock
        self._max_chars = max_chars
        self._max_articles = max_articles
        self._cancelled = cancelled
        self._lock = threading.Lock()

    def refresh(self, story_id: str, *, force: bool = False) -> BriefOutcome:
        """Add the articles the story's brief does not cover yet and store the new version. With `force`,
        a new version is made even when there are none (the pipeline changed)."""
        with self._lock:
            state = self._store.story_state(story_id)
            if state is None:
                return BriefOutcome(story_id)
            left = {article for article, _ in state.failed}
            live = [a for a in self._store.story_articles(story_id) if a.id not in left]
            # A brief reads the story's most recent articles; the older ones beyond are left out.
            older = live[: max(0, len(live) - self._max_articles)]
            window = live[len(older) :]
            briefed = set(state.briefed)
            covered = [a for a in window if a.id in briefed]
            waiting = [a for a in window if a.id not in briefed]
            dropped = any(a.id in briefed for a in older)
            if not waiting and not dropped and not (force and covered):
                return BriefOutcome(story_id)
            if waiting:
                brief, left_out = self._grow(story_id, covered, waiting)
            else:
                brief, left_out = self._attempt(story_id, covered)[0], []  # on failure the current version stays
            # Older articles still in the current brief are left out only once a brief without them is stored.
            too_old = f"the story's brief reads its {self._max_articles} most recent articles, and this one is older"
            left_out = [(a, too_old) for a in older if brief is not None or a.id not in briefed] + left_out
            version = None
            with self._store.write() as tx:
                if left_out:
                    tx.mark_failed(story_id, [(article.id, problem) for article, problem in left_out])
                if brief is not None:
                    version = tx.save_brief(brief_row(brief, brief_record(brief), self._clock()))
            return BriefOutcome(story_id, version, tuple(left_out_failure(story_id, a, p) for a, p in left_out))

    def _grow(
        self, story_id: str, good: list[Article], candidates: list[Article]
    ) -> tuple[Brief | None, list[tuple[Article, str]]]:
        """The brief of `good` plus as many candidates as it takes without failing (None when none
        could be added), and the candidates it failed with. `good` grows in place."""
        brief, problem = self._attempt(story_id, [*good, *candidates])
        if problem is None:
            good.extend(candidates)
            return brief, []
        if len(candidates) == 1:
            return None, [(candidates[0], problem)]
        half = len(candidates) // 2
        first, left_out = self._grow(story_id, good, candidates[:half])
        second, more = self._grow(story_id, good, candidates[half:])
        return second or first, left_out + more

    def _attempt(self, story_id: str, articles: list[Article]) -> tuple[Brief | None, str | None]:
        """The brief, or why it failed (one line)."""
        try:
            brief = self._brief_story(story_id, [briefed_part(a, self._max_chars) for a in articles])
        except Exception as exc:  # one story's failure is kept with the article, never sinks the server
            if self._cancelled is not None and self._cancelled():
                raise Cancelled(story_id) from exc
            return None, _one_line(f"the brief failed: {type(exc).__name__}: {exc}")
        if brief.error is not None:
            return None, _one_line(f"the brief is incomplete: {brief.error}")
        return brief, None


def left_out_failure(story_id: str, article: Article, problem: str) -> Failure:
    """The failure that names an article left out of its story's brief."""
    where = article.origin or article.url or article.path or article.id
    return Failure(f"{where} (article {article.id})", f"left out of story {story_id}'s brief: {problem}")


def _one_line(text: str) -> str:
    """The first line, short, and storable (an exception may quote text with any character in it)."""
    lines = repaired_text(text)[0].strip().splitlines()
    return lines[0][:300] if lines else "no detail"
