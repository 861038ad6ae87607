"""MinHash signatures of sets of integer codes: one family of hash functions for every stage.

Each of `count` functions maps a code x below 2^31 to (a * x + b) mod p, p = 2^31 - 1; a signature
keeps each function's smallest value over the set. Two sets agree on a function's minimum with
probability equal to their Jaccard index, so the share of agreeing positions estimates it.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

PRIME = (1 << 31) - 1

Codes = npt.NDArray[np.uint64]


def permutations(count: int, seed: int) -> tuple[Codes, Codes]:
    """The (a, b) of `count` hash functions, drawn reproducibly from `seed`."""
    rng = np.random.default_rng(seed)
    a = rng.integers(1, PRIME, size=count, dtype=np.uint64)
    b = rng.integers(0, PRIME, size=count, dtype=np.uint64)
    return a, b


def signature(codes: Codes, functions: tuple[Codes, Codes]) -> Codes:
    """The MinHash signature of a non-empty set of codes (any uint64; reduced below 2^31 first)."""
    a, b = functions
    # (a * x + b) mod p with x < 2^31 and a < 2^31 stays below 2^63: no overflow in uint64.
    reduced = codes % np.uint64(PRIME)
    hashed: Codes = (reduced[:, None] * a[None, :] + b[None, :]) % np.uint64(PRIME)
    smallest: Codes = hashed.min(axis=0)
    return smallest
