"""Cheap blocking before alignment: MinHash sketches of each article's content words pick the pairs
that share enough vocabulary to be worth aligning sentence by sentence.

Aligning every pair costs a sentence-by-sentence comparison; sketches cost one vector comparison per
pair, done for all pairs at once with numpy. A pair goes on to alignment when the estimated share of
the smaller article's words found in the larger one (containment) clears `BLOCK_CONTAINMENT_MIN`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from itertools import combinations
from typing import Protocol

import numpy as np
import numpy.typing as npt

from newsfuse.text.minhash import PRIME, permutations, signature

# Hash functions per sketch. 128 gives a standard error of about 0.04 on the estimated Jaccard index,
# small against the gap between the threshold below and the lowest derivation seen.
NUM_PERMUTATIONS = 128
# Estimated containment of the smaller article's content words in the larger one below which a pair is
# not aligned. On the seeds and the sample corpus every derivation has 0.45 or more (an AI digest
# against the article it leans on least, 0.45; copies 1.0, rewrites and translations 0.68-0.75), while
# articles on different events share 0.2-0.3; 0.35 leaves room for the sketch's estimation error.
BLOCK_CONTAINMENT_MIN = 0.35
# The same for pairs with a digest: a digest may take only a sentence or two from a secondary source, so
# a third of its words or less are that source's. On the benchmark story (bench/provenance.py) 0.35 lost
# 11 of 20 secondary digest sources and 0.2 loses 4, at a cost of 2.5 times more digest pairs aligned.
DIGEST_BLOCK_CONTAINMENT_MIN = 0.2
# Rows of the pairwise comparison done at once: bounds memory to rows x articles x permutations bytes.
_CHUNK = 256
_SEED = 20250904


class Blocker(Protocol):
    """Picks the pairs of a story worth aligning (indices i < j into the story's articles)."""

    def pairs(self, stem_sets: Sequence[frozenset[str]], digests: Sequence[bool]) -> list[tuple[int, int]]: ...


class MinHashBlocker:
    """The default: pairs whose MinHash-estimated containment clears the thresholds above."""

    def pairs(self, stem_sets: Sequence[frozenset[str]], digests: Sequence[bool]) -> list[tuple[int, int]]:
        return candidate_pairs(stem_sets, digests)


class AllPairs:
    """No blocking: every pair is aligned (the peer that benchmarks measure blocking against)."""

    def pairs(self, stem_sets: Sequence[frozenset[str]], digests: Sequence[bool]) -> list[tuple[int, int]]:
        return list(combinations(range(len(stem_sets)), 2))


def candidate_pairs(
    stem_sets: Sequence[frozenset[str]], digests: Sequence[bool] | None = None
) -> list[tuple[int, int]]:
    """Index pairs (i < j) whose estimated containment clears `BLOCK_CONTAINMENT_MIN`, or
    `DIGEST_BLOCK_CONTAINMENT_MIN` when either article is a digest (`digests[i]` true)."""
    count = len(stem_sets)
    if count < 2:
        return []
    signatures = _signatures(stem_sets)
    sizes = np.array([len(s) for s in stem_sets], dtype=np.float64)
    loose = np.array(digests if digests is not None else [False] * count, dtype=bool)
    pairs: list[tuple[int, int]] = []
    for start in range(0, count, _CHUNK):
        block = signatures[start : start + _CHUNK]
        jaccard = (block[:, None, :] == signatures[None, :, :]).mean(axis=2)
        left = sizes[start : start + _CHUNK, None]
        right = sizes[None, :]
        # |A ∩ B| = J / (1 + J) * (|A| + |B|); containment divides it by the smaller set.
        shared = jaccard / (1.0 + jaccard) * (left + right)
        containment = shared / np.maximum(np.minimum(left, right), 1.0)
        either = loose[start : start + _CHUNK, None] | loose[None, :]
        threshold = np.where(either, DIGEST_BLOCK_CONTAINMENT_MIN, BLOCK_CONTAINMENT_MIN)
        rows, columns = np.nonzero(containment >= threshold)
        pairs.extend((int(r) + start, int(c)) for r, c in zip(rows, columns, strict=True) if r + start < c)
    return sorted(pairs)


def _signatures(stem_sets: Sequence[frozenset[str]]) -> npt.NDArray[np.uint64]:
    functions = permutations(NUM_PERMUTATIONS, _SEED)
    codes: dict[str, int] = {}
    signatures = np.full((len(stem_sets), NUM_PERMUTATIONS), PRIME, dtype=np.uint64)
    for row, stems in enumerate(stem_sets):
        if stems:
            values = np.array([codes.setdefault(s, _code(s)) for s in stems], dtype=np.uint64)
            signatures[row] = signature(values, functions)
    return signatures


def _code(stem: str) -> int:
    """A stable 31-bit code for a word (Python's own hash changes between runs)."""
    return int.from_bytes(hashlib.blake2b(stem.encode("utf-8"), digest_size=4).digest(), "big") % PRIME
