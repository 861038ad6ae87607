"""What changed between two versions of a story's brief, for the versions page."""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.models.record import BriefRecord
from newsfuse.store.records import StoredBrief


@dataclass(frozen=True, slots=True)
class BriefChange:
    """One version and how it differs from the one before (the first version differs from nothing)."""

    version: int
    created: str
    headline: str
    articles: int
    independent_sources: int
    open_conflicts: int
    added_articles: tuple[str, ...]
    headline_before: str | None
    independent_sources_before: int | None
    open_conflicts_before: int | None
    sentences_added: tuple[str, ...]
    sentences_removed: tuple[str, ...]


def brief_change(current: StoredBrief, previous: StoredBrief | None) -> BriefChange:
    now = _sentences(current.record)
    before = _sentences(previous.record) if previous else []
    return BriefChange(
        version=current.version,
        created=current.created.isoformat(),
        headline=current.headline,
        articles=len(current.article_ids),
        independent_sources=current.independent_sources,
        open_conflicts=current.open_conflicts,
        added_articles=tuple(a for a in current.article_ids if previous is None or a not in previous.article_ids),
        headline_before=previous.headline if previous and previous.headline != current.headline else None,
        independent_sources_before=previous.independent_sources if previous else None,
        open_conflicts_before=previous.open_conflicts if previous else None,
        sentences_added=tuple(s for s in now if s not in before),
        sentences_removed=tuple(s for s in before if s not in now),
    )


def _sentences(record: BriefRecord) -> list[str]:
    return [sentence.text for _, sentences in record.sections.items() for sentence in sentences]
