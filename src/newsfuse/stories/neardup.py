"""The cheap first pass: near-duplicate articles (wire copies, light edits) found by MinHash LSH
(`newsfuse.text.minhash` signatures, banded).

A copy of an article already seen joins that article's story at once, whatever its date: copies are
re-published days later, and they say nothing new about the event.
"""

from __future__ import annotations

import zlib
from functools import cache

import numpy as np
import numpy.typing as npt

from newsfuse.text.minhash import permutations, signature

# Estimated Jaccard similarity of word 4-gram shingles above which two texts are copies. ECB+ dev
# holds real wire copies: its 40 pairs estimated at 0.42 or more are all of one event (20 at 0.6 or
# more, found as copies); no pair of different events reaches 0.3. The sample corpus's wire copy
# scores 1.0 and its rewrites stay under 0.3.
NEAR_DUPLICATE_JACCARD = 0.6
# Shingles of this many words: long enough that two independent reports rarely share one.
SHINGLE_WORDS = 4
# Only the opening 200 words (3 or 4 paragraphs) are shingled: a copy is a copy from its first
# paragraphs, and it keeps the cost flat (400 words found 20 copies in ECB+ dev, 200 find 18).
SHINGLED_WORDS = 200
# Texts shorter than this many words are not sketched: a one-line text shares its few shingles by chance.
MIN_SKETCH_WORDS = 25
# 64 permutations estimate a Jaccard of 0.6 within about 0.06 (one standard error), at 512 bytes a text.
PERMUTATIONS = 64
# Seed of the hash functions: any fixed value, so that sketches agree from run to run.
_SEED = 20250904
# Multiplier that mixes four word hashes into one shingle hash (a large odd constant).
_MIX = np.uint64(1_000_003)
# Sketches agree on a band with probability Jaccard^rows; the bands and rows per band are those that
# minimise the area of false positives below the threshold plus false negatives above it (an equal
# weight each): for 0.6 and 64 functions, 10 bands of 6 (`lsh_bands`). The areas are integrated
# over this many evenly spaced Jaccard values: finer grids give the same choice.
_GRID = 1001


Sketch = npt.NDArray[np.uint64]


class NearDuplicates:
    """An LSH index of the articles seen so far; `match` finds one an article copies, `add` files it."""

    def __init__(self, threshold: float = NEAR_DUPLICATE_JACCARD) -> None:
        self._functions = permutations(PERMUTATIONS, _SEED)
        self._bands, self._rows = lsh_bands(threshold, PERMUTATIONS)
        self._buckets: list[dict[bytes, list[int]]] = [{} for _ in range(self._bands)]
        self._filed: set[int] = set()

    def sketch(self, text: str) -> Sketch | None:
        """The MinHash of the text's opening shingles, or None for a text too short to sketch."""
        words = text.lower().split()[:SHINGLED_WORDS]
        if len(words) < MIN_SKETCH_WORDS:
            return None
        hashes = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
        shingles = np.zeros(len(words) - SHINGLE_WORDS + 1, dtype=np.uint64)
        for offset in range(SHINGLE_WORDS):
            shingles = shingles * _MIX + hashes[offset : offset + shingles.size]
        return signature(np.unique(shingles), self._functions)

    def match(self, sketch: Sketch | None) -> int | None:
        """The position of an indexed article this sketch nearly duplicates (the earliest), or None."""
        if sketch is None:
            return None
        found = [p for band, key in enumerate(self._keys(sketch)) for p in self._buckets[band].get(key, ())]
        return min(found) if found else None

    def add(self, position: int, sketch: Sketch | None) -> None:
        """File the article at `position` (its arrival order) under its sketch."""
        if sketch is None or position in self._filed:
            return
        self._filed.add(position)
        for band, key in enumerate(self._keys(sketch)):
            self._buckets[band].setdefault(key, []).append(position)

    def _keys(self, sketch: Sketch) -> list[bytes]:
        rows = self._rows
        return [sketch[band * rows : (band + 1) * rows].tobytes() for band in range(self._bands)]


@cache
def lsh_bands(threshold: float, functions: int) -> tuple[int, int]:
    """The (bands, rows per band) that best separate Jaccard indices below `threshold` from those
    above it, with at most `functions` hash functions in all."""
    similarity = np.linspace(0.0, 1.0, _GRID)
    below, above = similarity <= threshold, similarity >= threshold
    best: tuple[float, int, int] | None = None
    for bands in range(1, functions + 1):
        for rows in range(1, functions // bands + 1):
            candidate = 1.0 - (1.0 - similarity**rows) ** bands  # chance a pair shares a bucket
            error = _area(candidate, similarity, below) + _area(1.0 - candidate, similarity, above)
            if best is None or error < best[0]:
                best = (error, bands, rows)
    assert best is not None
    return best[1], best[2]


def _area(values: npt.NDArray[np.float64], grid: npt.NDArray[np.float64], where: npt.NDArray[np.bool_]) -> float:
    return float(np.trapezoid(values[where], grid[where]))
