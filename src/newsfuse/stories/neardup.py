"""The cheap first pass: near-duplicate articles (wire copies, light edits) found by MinHash LSH.

A copy of an article already seen joins that article's story at once, whatever its date: copies are
re-published days later, and they say nothing new about the event.
"""

from __future__ import annotations

import zlib
from typing import Any

import numpy as np

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
# datasketch's 32-bit affine permutations: shingle hashes are 32-bit, and they are the fastest.
_SCHEME = "affine32"
# Multiplier that mixes four word hashes into one shingle hash (a large odd constant).
_MIX = np.uint64(1_000_003)
_MASK32 = np.uint64(0xFFFFFFFF)


class NearDuplicates:
    """An LSH index of the articles seen so far; `match` finds one an article copies, `add` files it."""

    def __init__(self, threshold: float = NEAR_DUPLICATE_JACCARD) -> None:
        from datasketch import MinHash, MinHashLSH

        self._minhash = MinHash
        # One set of permutations for every sketch: drawing them per text costs more than hashing it.
        template = MinHash(num_perm=PERMUTATIONS, seed=1, scheme=_SCHEME)
        self._permutations = template.permutations
        self._lsh: Any = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS)

    def sketch(self, text: str) -> Any | None:
        """The MinHash of the text's opening shingles, or None for a text too short to sketch."""
        words = text.lower().split()[:SHINGLED_WORDS]
        if len(words) < MIN_SKETCH_WORDS:
            return None
        hashes = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
        shingles = np.zeros(len(words) - SHINGLE_WORDS + 1, dtype=np.uint64)
        for offset in range(SHINGLE_WORDS):
            shingles = shingles * _MIX + hashes[offset : offset + shingles.size]
        sketch = self._minhash(num_perm=PERMUTATIONS, hashfunc=int, permutations=self._permutations, scheme=_SCHEME)
        sketch.update_batch((shingles & _MASK32).tolist())
        return sketch

    def match(self, sketch: Any | None) -> int | None:
        """The position of an indexed article this sketch nearly duplicates (the earliest), or None."""
        if sketch is None:
            return None
        keys = self._lsh.query(sketch)
        return int(min(keys)) if keys else None

    def add(self, position: int, sketch: Any | None) -> None:
        """File the article at `position` (its arrival order) under its sketch."""
        if sketch is not None and position not in self._lsh:
            self._lsh.insert(position, sketch)
