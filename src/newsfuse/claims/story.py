"""The story as the conflict finders see it: its statement units with their slots, how alike the
units read, and who each article is (outlet, lineage, translation, digest).

Two measures of likeness: `similarity_matrix`, the TF-IDF cosine of content stems lifted by the
provenance stage's sentence alignments (which see through a translation's or rewrite's wording),
behind `Embedder` so that a story embedder can replace it; and `coverage`, the share of the shorter
text's content stems found in the longer, which tells whether a sentence reports the same event as a
clause where a cosine over whole sentences is diluted by everything else the sentence says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from newsfuse.claims.units import Slots, Unit
from newsfuse.models import Article, ConflictSide, Provenance, Span, StoryFacts
from newsfuse.models.claims import article_marker
from newsfuse.text.tfidf import tfidf_rows, with_bigrams
from newsfuse.text.words import content_stems

# Two units whose similarity reaches this are one statement worded twice (a copy's sentence, a
# rewrite's, a translation's): they group into one claim, and only such pairs have their figures and
# dates compared. Read on random unit pairs from two articles that pass `SAME_PREDICATE`: on ECB+
# dev's odd topics about 6 of 12 at 0.30-0.35 say one thing, 7-8 of 12 at 0.35-0.40 and 8 of 12 at
# 0.40-0.45; on NeuS 5 of 12, 9 of 12 ("President Trump disbanded two of his economic advisory
# councils" / "Donald Trump was forced to disband two White House business councils", 0.38), so 0.35
# is where a pair becomes more likely one statement than not, and is kept. A separate, higher bar for
# disputes alone (grouping left here) was swept and left out (issue 21e, evaluation/README.md): open
# conflicts on ECB+ dev odd / even topics at 0.35 / 0.375 / 0.4 / 0.45 / 0.5: 13 / 18, 13 / 15,
# 13 / 14, 13 / 12, 12 / 11 (NeuS 0 at each); the odd half, where it was to be chosen, is flat, real
# disputes go from 0.45 (Bettie Page's 1947 against 1950 at 0.435), and the sample corpus's planted
# "five against seven injured" sits at 0.353, under every value that removes anything.
SAME_STATEMENT = 0.35
# Two units back one claim only when, names aside, they still share this share of the shorter one's
# content words: sentences about the same people doing different things ("Kim met Xi" / "Kim is on
# his way to Beijing") share almost none. Swept on ECB+ dev's odd topics by open conflicts (0.3 / 0.4
# / 0.5 / 0.6: 41 / 38 / 36 / 26) and checked on the even ones (25 / 20 / 14 / 14): from 0.5 the
# real "3 against 2 undersea cables" dispute is lost, and 0.3 opens more false ones on both halves,
# so 0.4 is kept (NeuS: 0 open at every value).
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
        """How an explanation names an article: a marker the renderers write as "[2] Newslooks"."""
        return article_marker(article_id)


def coverage(a: str, b: str, ignore: frozenset[str] = frozenset()) -> float:
    """`ignore` holds stems left out on both sides (the story's names, when only the predicate counts)."""
    sa, sb = set(content_stems(a, numbers=False)) - ignore, set(content_stems(b, numbers=False)) - ignore
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


class Embedder(Protocol):
    """Turns texts into unit-length row vectors; the dot product of two rows is their similarity."""

    def vectors(self, texts: Sequence[str]) -> np.ndarray: ...


class TfidfEmbedder:
    """Sub-linear TF-IDF over content stems and stem bigrams, fitted on the story's own units."""

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        return tfidf_rows(with_bigrams(content_stems(text, numbers=False)) for text in texts)


def similarity_matrix(units: Sequence[Unit], provenance: Provenance | None, embedder: Embedder) -> np.ndarray:
    """Unit x unit similarity in 0..1: the embedder's cosine, or an aligned passage's score when higher."""
    if not units:
        return np.zeros((0, 0))
    vectors = embedder.vectors([u.text for u in units])
    matrix = np.clip(vectors @ vectors.T, 0.0, 1.0)
    if provenance is not None:
        located = _locator(units)
        for alignment in provenance.alignments:
            for match in alignment.matches:
                for i in located(match.a):
                    for j in located(match.b):
                        if match.similarity > matrix[i, j]:
                            matrix[i, j] = matrix[j, i] = match.similarity
    np.fill_diagonal(matrix, 1.0)
    return np.asarray(matrix)


def _locator(units: Sequence[Unit]) -> _Locate:
    by_article: dict[str, list[Unit]] = {}
    for unit in units:
        by_article.setdefault(unit.article_id, []).append(unit)

    def locate(span: Span) -> list[int]:
        return [
            u.index for u in by_article.get(span.article_id, ()) if u.span.start < span.end and span.start < u.span.end
        ]

    return locate


class _Locate(Protocol):
    def __call__(self, span: Span) -> list[int]: ...


def side(value: str, units: Sequence[Unit]) -> ConflictSide:
    """A side backed by `units`: their articles (first-seen order) and their spans as evidence."""
    seen: dict[tuple[str, int, int], Unit] = {}
    for unit in units:
        seen.setdefault((unit.article_id, unit.span.start, unit.span.end), unit)
    ordered = list(seen.values())
    return ConflictSide(
        value=value,
        articles=tuple(dict.fromkeys(u.article_id for u in ordered)),
        evidence=tuple(u.span for u in ordered),
    )
