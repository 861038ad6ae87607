"""TF-IDF rows for the few hundred sentences of one story: how the brief and claims stages compare text.

The weighting is scikit-learn's smoothed, sub-linear form, written out here because importing
scikit-learn costs more than a second of a cold start (a third of briefing five articles) for twenty
lines of arithmetic: tf is 1 + ln(count), idf is ln((1 + n) / (1 + df)) + 1, rows are L2-normalised.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import pairwise

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float64]


def with_bigrams(terms: Sequence[str]) -> list[str]:
    """The terms, then each adjacent pair of them ("north korean", "korean leader")."""
    return [*terms, *(f"{a} {b}" for a, b in pairwise(terms))]


def tfidf_rows(documents: Iterable[Sequence[str]]) -> Matrix:
    """One L2-normalised row per document of terms; a document without terms is a zero row. Dense:
    one story's sentences make a small vocabulary."""
    counts = [Counter(terms) for terms in documents]
    vocabulary: dict[str, int] = {}
    for counted in counts:
        for term in counted:
            vocabulary.setdefault(term, len(vocabulary))
    matrix = np.zeros((len(counts), max(1, len(vocabulary))))
    for row, counted in enumerate(counts):
        for term, count in counted.items():
            matrix[row, vocabulary[term]] = 1.0 + np.log(count)
    if vocabulary:
        df = np.count_nonzero(matrix, axis=0)
        matrix *= np.log((1 + len(counts)) / (1 + df)) + 1.0
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    normalised: Matrix = matrix / norms
    return normalised
