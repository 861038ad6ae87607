"""What the store keeps and hands back, as plain frozen records (no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from newsfuse.models import Article, Claim, Conflict, Derivation
from newsfuse.models.record import BriefRecord, PageNotes


@dataclass(frozen=True, slots=True)
class BriefRow:
    """One new version of a story's brief, as the service hands it to the store.

    `record` is the brief as the JSON contract's record (../shared/DESIGN.md); `annotations` holds what
    a page needs beyond it (each sentence's spans, passage alignments, lineages). Both are stored as
    JSON; the structured fields are copied out of the brief so that lists and queries need not parse it.
    """

    story_id: str
    headline: str
    article_ids: tuple[str, ...]
    independent_sources: int
    open_conflicts: int
    record: BriefRecord
    annotations: PageNotes
    derivations: tuple[Derivation, ...]
    claims: tuple[Claim, ...]
    conflicts: tuple[Conflict, ...]
    search_text: str  # the brief's words, for full-text search
    created: datetime


@dataclass(frozen=True, slots=True)
class StoredBrief:
    """One stored version of a story's brief, its record and page notes read back from their JSON."""

    story_id: str
    version: int
    created: datetime
    headline: str
    article_ids: tuple[str, ...]
    independent_sources: int
    open_conflicts: int
    record: BriefRecord
    annotations: PageNotes


@dataclass(frozen=True, slots=True)
class BriefVersion:
    """A line of a story's version history (the brief itself is fetched by number)."""

    version: int
    created: datetime
    headline: str
    article_ids: tuple[str, ...]
    independent_sources: int
    open_conflicts: int


@dataclass(frozen=True, slots=True)
class StorySummary:
    """A story as lists show it: the figures of its latest brief."""

    id: str
    headline: str
    article_ids: tuple[str, ...]
    independent_sources: int
    open_conflicts: int
    created: datetime
    updated: datetime
    version: int  # 0: no brief yet
    briefed: int = 0  # how many of its articles the current brief covers
    failed: int = 0  # how many are left out of its briefs, their brief having failed with them

    @property
    def pending(self) -> int:
        """Articles waiting for a brief that covers them."""
        return max(0, len(self.article_ids) - self.briefed - self.failed)


@dataclass(frozen=True, slots=True)
class StoryState:
    """Where a story's brief stands: which articles it covers, which wait, which were left out."""

    story_id: str
    version: int  # of the current brief; 0 when there is none
    article_ids: tuple[str, ...]  # every member, in arrival order
    briefed: tuple[str, ...]  # those the current brief covers
    failed: tuple[tuple[str, str], ...]  # (article id, problem) of each left out of its briefs

    @property
    def pending(self) -> tuple[str, ...]:
        """Members neither in the current brief nor left out: the next brief should add them."""
        done = {*self.briefed, *(article for article, _ in self.failed)}
        return tuple(a for a in self.article_ids if a not in done)


@dataclass(frozen=True, slots=True)
class Arrival:
    """A stored article, its place in arrival order (`seq`, increasing) and its story."""

    seq: int
    article: Article
    story_id: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One full-text match. `snippet` marks matched words with SNIPPET_START / SNIPPET_END."""

    kind: Literal["article", "story"]
    id: str
    story_id: str
    title: str
    snippet: str
    score: float  # higher is better; comparable within one result list only

    def parts(self) -> list[tuple[str, bool]]:
        """The snippet as pieces of plain text, each flagged True when it is a matched word."""
        pieces: list[tuple[str, bool]] = []
        for number, chunk in enumerate(self.snippet.split(SNIPPET_START)):
            matched, _, rest = chunk.partition(SNIPPET_END) if number else ("", "", chunk)
            if matched:
                pieces.append((matched, True))
            if rest:
                pieces.append((rest, False))
        return pieces


@dataclass(frozen=True, slots=True)
class FeedState:
    """What the watcher remembers of a feed between polls (and across restarts)."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    checked: datetime | None = None
    next_due: datetime | None = None
    failures: int = 0
    last_error: str | None = None
    articles_seen: int = field(default=0)


# Matched words in snippets are wrapped in these control characters, which never occur in clean text,
# so that a renderer can mark them without parsing markup out of untrusted text.
SNIPPET_START = "\x02"
SNIPPET_END = "\x03"
