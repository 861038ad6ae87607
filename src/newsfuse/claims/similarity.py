"""How alike two statement units read: TF-IDF cosine of their content stems, lifted by the
provenance stage's sentence alignments (which see through a translation's or rewrite's wording).

The vectoriser sits behind `Embedder` so that a story embedder can replace it without touching the
grouping or the conflict checks.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Protocol

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from newsfuse.claims.units import Unit
from newsfuse.models import Provenance, Span
from newsfuse.text.words import content_stems


class Embedder(Protocol):
    """Turns texts into unit-length row vectors; the dot product of two rows is their similarity."""

    def vectors(self, texts: Sequence[str]) -> np.ndarray: ...


class TfidfEmbedder:
    """Sub-linear TF-IDF over content stems and stem bigrams, fitted on the story's own units."""

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        vectorizer = TfidfVectorizer(analyzer=_stem_ngrams, sublinear_tf=True, norm="l2", min_df=1, lowercase=False)
        try:
            matrix = vectorizer.fit_transform(list(texts))
        except ValueError:  # every text was stop words only
            return np.zeros((len(texts), 1))
        return np.asarray(matrix.toarray())


def _stem_ngrams(text: str) -> list[str]:
    stems = content_stems(text, numbers=False)
    return stems + [f"{a} {b}" for a, b in pairwise(stems)]


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
