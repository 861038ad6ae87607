"""Claims lined up across sources, and the places where sources disagree."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from newsfuse.models.article import Span

# A conflict's explanation names each article by a marker, ⟦article id⟧: only the brief knows how a
# reader knows the article ("[2] Newslooks"), so the renderers write the name (`name_articles`).
_ARTICLE_MARKER = re.compile(r"⟦([^⟦⟧]+)⟧")


def article_marker(article_id: str) -> str:
    return f"⟦{article_id}⟧"


def name_articles(text: str, name: Callable[[str], str]) -> str:
    """The text with every article marker replaced by `name(article id)`."""
    return _ARTICLE_MARKER.sub(lambda found: name(found.group(1)), text)

ConflictKind = Literal["date", "number", "quote", "name", "other"]
ConflictStatus = Literal["open", "reconciled"]


@dataclass(frozen=True, slots=True)
class Claim:
    """One atomic statement of the story with every span that supports it.

    `attribution` keeps who the statement is credited to ("according to KCNA"): such a claim is the
    attributed party's, not the outlet's. `independent_sources` counts lineages, not articles.
    """

    text: str
    spans: tuple[Span, ...]
    independent_sources: int
    attribution: str | None = None

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(span.article_id for span in self.spans))

    @property
    def single_source(self) -> bool:
        return self.independent_sources <= 1


@dataclass(frozen=True, slots=True)
class ConflictSide:
    """One side of a disagreement: the value as written, who says it, and where."""

    value: str
    articles: tuple[str, ...]
    evidence: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Conflict:
    """Sources that disagree about one thing. `reconciled` means the values only look different."""

    kind: ConflictKind
    about: str
    sides: tuple[ConflictSide, ...]
    status: ConflictStatus
    explanation: str


@dataclass(frozen=True, slots=True)
class StoryClaims:
    """What the claims stage found in one story: its claims, most supported first, and its conflicts
    (open ones first)."""

    claims: tuple[Claim, ...]
    conflicts: tuple[Conflict, ...]

    @property
    def open_conflicts(self) -> tuple[Conflict, ...]:
        return tuple(c for c in self.conflicts if c.status == "open")
