"""The story as the conflict finders see it: its statement units with their slots, how alike the
units read, and who each article is (outlet, lineage, translation, digest)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from newsfuse.claims.overlap import coverage
from newsfuse.claims.slots import Slots
from newsfuse.claims.units import Unit
from newsfuse.models import Article, Provenance, Span, StoryFacts

# Two units whose similarity reaches this are one statement worded twice (a copy's sentence, a
# rewrite's, a translation's). Calibrated on the seeds and the sample corpus: wire sentences and
# their rewrites or translations pair at 0.4-1.0, different facts about the same people stay under 0.3.
SAME_STATEMENT = 0.35
# Two units back one claim only when, names aside, they still share this share of the shorter one's
# content words: sentences about the same people doing different things ("Kim met Xi" / "Kim is on
# his way to Beijing") score 0-0.2 on the seeds, rewordings of one statement 0.4 and up.
SAME_PREDICATE = 0.4


@dataclass(frozen=True, slots=True)
class StoryView:
    articles: dict[str, Article]
    units: Sequence[Unit]
    slots: Sequence[Slots]
    similarity: np.ndarray
    facts: StoryFacts
    provenance: Provenance | None
    names: frozenset[str] = field(default=frozenset())  # stems of the story's names and roles

    def same_statement(self, i: int, j: int) -> bool:
        return bool(self.similarity[i, j] >= SAME_STATEMENT)

    def same_predicate(self, i: int, j: int) -> bool:
        """Whether the two units say the same thing of their people, not only name the same people."""
        return coverage(self.units[i].text, self.units[j].text, self.names) >= SAME_PREDICATE

    def unit_at(self, span: Span) -> Unit | None:
        """The unit holding the span (its start), or None when the span lies outside every unit."""
        for unit in self.units:
            if unit.article_id == span.article_id and unit.span.start <= span.start < unit.span.end:
                return unit
        return None

    def machine_translated(self, article_id: str) -> bool:
        return self.provenance is not None and self.provenance.machine_translated(article_id)

    def is_digest(self, article_id: str) -> bool:
        return self.provenance is not None and article_id in self.provenance.digests

    def label(self, article_id: str) -> str:
        article = self.articles.get(article_id)
        return article.label if article is not None else article_id
