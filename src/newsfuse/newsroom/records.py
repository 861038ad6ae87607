"""What the newsroom's jobs hand back: where articles went, what a brief rebuild did."""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.models import Failure


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an ingested article went. `added` is False when it was stored already (re-ingest is a no-op)."""

    article_id: str
    story_id: str
    added: bool


@dataclass(frozen=True, slots=True)
class BriefOutcome:
    """One rebuild of a story's brief: the version it stored (None: none was needed, or none could be
    made), and each article left out of the story's briefs because the brief failed with it."""

    story_id: str
    version: int | None = None
    left_out: tuple[Failure, ...] = ()


@dataclass(frozen=True, slots=True)
class Ingested:
    """What one ingest stored: a placement per article, each input that failed, the briefs refreshed
    (or queued, on a server), and each stored article that its story's brief had to leave out."""

    placements: tuple[Placement, ...]
    failures: tuple[Failure, ...] = ()
    refreshed: tuple[str, ...] = ()
    left_out: tuple[Failure, ...] = ()
