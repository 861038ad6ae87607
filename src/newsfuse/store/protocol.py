"""The store seam: what the service needs of a database, whatever the backend."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Protocol

from newsfuse.models import Article
from newsfuse.store.records import (
    Arrival,
    BriefRow,
    BriefVersion,
    FeedState,
    SearchHit,
    StoredBrief,
    StoryState,
    StorySummary,
)


class Reads(Protocol):
    """Queries, answered from committed data (or, inside a write, from that transaction)."""

    def article(self, article_id: str) -> Article | None: ...

    def story_of(self, article_id: str) -> str | None: ...

    def story_articles(self, story_id: str) -> list[Article]:
        """The story's articles in arrival order (empty for an unknown story)."""
        ...

    def arrivals_since(self, seq: int) -> list[Arrival]:
        """Every article stored after `seq` (0: all), in arrival order."""
        ...

    def stories(self, limit: int, offset: int = 0) -> list[StorySummary]:
        """Stories (those without a brief yet too), most recently updated first."""
        ...

    def story_count(self) -> int: ...

    def stale_stories(self) -> list[str]:
        """Stories with articles their current brief neither covers nor left out, oldest update first."""
        ...

    def story_state(self, story_id: str) -> StoryState | None:
        """Which of the story's articles its current brief covers, waits for, or left out (None: no story)."""
        ...

    def brief(self, story_id: str, version: int | None = None) -> StoredBrief | None:
        """A version of the story's brief (None: the latest)."""
        ...

    def versions(self, story_id: str) -> list[BriefVersion]:
        """The story's brief versions, newest first."""
        ...

    def search(self, query: str, limit: int) -> list[SearchHit]:
        """Articles and stories whose words match every word of `query`, best first."""
        ...

    def feed(self, url: str) -> FeedState | None: ...

    def counts(self) -> dict[str, int]:
        """How many articles, stories and brief versions are stored."""
        ...

    def findings(self, story_id: str) -> dict[str, int]:
        """How many derivations, claims and conflicts the story's current brief found (kept as rows)."""
        ...


class Writes(Reads, Protocol):
    """One write transaction: everything in it is committed together when the block ends without error."""

    def add_article(self, article: Article, story_id: str) -> int:
        """Store a new article in a story (created when new); return its arrival number."""
        ...

    def save_brief(self, row: BriefRow) -> int:
        """Add a version of the story's brief and make it current; return its version number."""
        ...

    def save_feed(self, state: FeedState) -> None: ...

    def mark_failed(self, story_id: str, failures: Sequence[tuple[str, str]]) -> int:
        """Leave these (article id, problem) out of the story's briefs from now on; return how many were
        newly marked (an article marked already, or not in the story, is left as it is)."""
        ...


class Store(Reads, Protocol):
    """A database of articles, stories and their briefs. Open with `newsfuse.store.open_store`."""

    @property
    def url(self) -> str:
        """Where the store lives, without any password (for messages)."""
        ...

    def write(self) -> AbstractContextManager[Writes]:
        """A write transaction, holding the store's writer lock across processes until it ends."""
        ...

    def schema_version(self) -> int: ...

    def close(self) -> None: ...
