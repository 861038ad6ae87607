"""Localized centring: score two articles by what they share beyond their neighbourhoods' common theme.

Two events of one kind (two patches of one browser, two quakes in one region) share most of their
words, so their articles score high with each other as well as within each event. Localized
centring (Hara et al., "Localized centering: reducing hubness in large-sample data", AAAI 2015)
subtracts from each article what its neighbourhood has in common. With x_i an article's weighted
term vector, mu_i the mean of its K nearest articles' vectors and m = (mu_i + mu_j) / 2, the
correction of a pair is (x_i - m) . (x_j - m), and the centred score is raw + weight x correction.
What two same-kind events share is in m and cancels; what one event's articles share beyond it
(who, where, when) stays.

Every term of the correction is a dot product, so it is computed from raw scores alone: the scored
pairs the candidate index kept (unscored pairs count 0) and the articles' self scores. With S those
scores and W the matrix averaging each article's K nearest, A = S W^T holds x_i . mu_j and
B = W S W^T holds mu_i . mu_j. Memory and time grow with the number of scored pairs, not with the
square of the articles.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from scipy import sparse

from newsfuse.stories.similarity import best_partners

Positions = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]

# Pairs are corrected this many at a time: each needs K lookups into two sparse matrices, so a chunk
# holds a few arrays of about a million entries (larger chunks added 240 MB at 10k articles).
_CHUNK = 1 << 17


class Centring:
    """The neighbourhood averages of a set of filed articles, fixed when built.

    Positions are those of the article index; `original[p]` names the article a copy stands for (a
    copy is centred as its original). Positions filed after the build get no correction.
    """

    def __init__(
        self,
        original: Sequence[int],
        pairs: tuple[Positions, Positions, Floats],
        self_scores: Floats,
        neighbours: int,
        weight: float,
        languages: Sequence[str | None] | None = None,
    ) -> None:
        size = len(original)
        self._size = size
        self._original = np.asarray(original, dtype=np.int64)
        self._weight = weight
        rows, columns, raw = pairs
        keep = rows != columns
        rows, columns, raw = rows[keep], columns[keep], raw[keep]
        # Both directions of every scored pair, and the self scores on the diagonal: the dot products
        # of the articles' weighted vectors that are known (self . self included, for mu_i . x_i).
        originals = np.flatnonzero(self._original == np.arange(size))
        all_rows = np.concatenate([rows, columns, originals])
        all_columns = np.concatenate([columns, rows, originals])
        values = np.concatenate([raw, raw, self_scores[originals]]).astype(np.float64)
        scores = sparse.csr_matrix((values, (all_rows, all_columns)), shape=(size, size))
        scores.sum_duplicates()
        self._scores = scores
        self._nearest, _ = best_partners(rows, columns, raw, size, neighbours)
        filled = self._nearest >= 0
        averaging = sparse.csr_matrix(
            (
                np.full(int(filled.sum()), 1.0 / neighbours),
                (np.nonzero(filled)[0], self._nearest[filled]),
            ),
            shape=(size, size),
        )
        self._averaging = averaging
        # Only an article with a full neighbourhood has a theme to take away: in a small corpus its
        # few neighbours are its own story, and centring on them would cut its weaker members off.
        self._themed: npt.NDArray[np.bool_] = np.asarray(filled.all(axis=1), dtype=bool)
        # A pair in two languages is not centred: the theme is made of one language's words, so an
        # article in another shares only names with it, and centring would push a translation off
        # its story. An unknown language (-1) goes with any.
        codes: dict[str, int] = {}
        self._language = np.array(
            [-1 if lang is None else codes.setdefault(lang, len(codes)) for lang in (languages or [None] * size)],
            dtype=np.int64,
        )
        # Row i of `means` is mu_i's dot products with every article: (W S)[i] = mu_i . x_b.
        self._means = (averaging @ scores).tocsr()
        self._self_theme = np.asarray(scores.multiply(averaging).sum(axis=1)).ravel()  # x_i . mu_i
        self._theme_norm = np.asarray(self._means.multiply(averaging).sum(axis=1)).ravel()  # mu_i . mu_i

    def centred(self, rows: Positions, columns: Positions, raw: Floats) -> Floats:
        """The centred scores of pairs (rows[k], columns[k]) whose raw scores are given."""
        out = np.asarray(raw, dtype=np.float64).copy()
        for start in range(0, rows.size, _CHUNK):
            part = slice(start, start + _CHUNK)
            out[part] += self._weight * self._pair_correction(rows[part], columns[part], out[part])
        return out

    def centred_block(self, rows: Sequence[int], columns: Sequence[int], raw: Floats) -> Floats:
        """The centred scores of every pair of rows x columns, their raw scores given as a matrix."""
        row_positions = np.asarray(rows, dtype=np.int64)
        column_positions = np.asarray(columns, dtype=np.int64)
        i, j = self._originals(row_positions), self._originals(column_positions)
        w_i, w_j = self._averaging[i], self._averaging[j]
        correction = self._correction(
            raw,
            (i[:, None], j[None, :]),
            (row_positions[:, None] < self._size) & (column_positions[None, :] < self._size),
            (self._scores[i] @ w_j.T).toarray(),  # x_i . mu_j
            (w_i @ self._scores[j].T).toarray(),  # mu_i . x_j
            (self._means[i] @ w_j.T).toarray(),  # mu_i . mu_j
        )
        out: Floats = raw + self._weight * correction
        return out

    def _pair_correction(self, rows: Positions, columns: Positions, raw: Floats) -> Floats:
        i, j = self._originals(rows), self._originals(columns)
        return self._correction(
            raw,
            (i, j),
            (rows < self._size) & (columns < self._size),
            self._through_nearest(self._scores, i, j),
            self._through_nearest(self._scores, j, i),
            self._through_nearest(self._means, i, j),
        )

    def _correction(
        self,
        raw: Floats,
        pair: tuple[Positions, Positions],
        filed: npt.NDArray[np.bool_],
        row_theme: Floats,
        column_theme: Floats,
        themes: Floats,
    ) -> Floats:
        """(x_i - m) . (x_j - m) from its dot products (arrays that broadcast together), 0 for a pair
        that is not centred."""
        i, j = pair
        known = filed & self._themed[i] & self._themed[j] & self._same_language(i, j)
        correction = (
            raw
            - 0.5 * (self._self_theme[i] + row_theme)
            - 0.5 * (column_theme + self._self_theme[j])
            + 0.25 * (self._theme_norm[i] + 2 * themes + self._theme_norm[j])
        )
        out: Floats = np.where(known, correction, 0.0)
        return out

    def _same_language(self, i: Positions, j: Positions) -> npt.NDArray[np.bool_]:
        a, b = self._language[i], self._language[j]
        same: npt.NDArray[np.bool_] = (a == b) | (a < 0) | (b < 0)
        return same

    def _through_nearest(self, matrix: sparse.csr_matrix, i: Positions, j: Positions) -> Floats:
        """For each k, the mean of matrix[i[k], b] over j[k]'s nearest b (missing ones count 0)."""
        nearest = self._nearest[j]
        k = nearest.shape[1]
        filled = nearest >= 0
        looked = np.zeros(nearest.shape, dtype=np.float64)
        if filled.any():
            row_index = np.broadcast_to(i[:, None], nearest.shape)[filled]
            looked[filled] = np.asarray(matrix[row_index, nearest[filled]]).ravel()
        out: Floats = looked.sum(axis=1) / k
        return out

    def _originals(self, positions: Positions) -> Positions:
        # Positions filed after the build are mapped to 0 here; `known` drops their corrections.
        inside = positions < self._size
        out: Positions = np.where(inside, self._original[np.where(inside, positions, 0)], 0)
        return out
