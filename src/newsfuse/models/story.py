"""The story: the articles that report one real-world event, with the time window they cover."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Story:
    """One event's articles, in the order they joined.

    `start` and `end` bound the publication dates of its dated articles (both None when none is
    dated). `headline` is the title of its most central article.
    """

    id: str
    headline: str
    article_ids: tuple[str, ...]
    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        if not self.article_ids:
            raise ValueError(f"story {self.id} has no articles")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"story {self.id} ends ({self.end}) before it starts ({self.start})")

    def __len__(self) -> int:
        return len(self.article_ids)


def story_id(founding_article_id: str) -> str:
    """A stable story id, derived from the article that founded it, so it survives new arrivals."""
    digest = hashlib.sha1(founding_article_id.encode("utf-8"), usedforsecurity=False)
    return "s" + digest.hexdigest()[:12]
