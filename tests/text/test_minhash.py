"""MinHash signatures estimate the Jaccard index of real word sets, for every stage that uses them."""

from __future__ import annotations

import zlib

import numpy as np

from newsfuse.stories.neardup import lsh_bands
from newsfuse.text.minhash import permutations, signature
from newsfuse.text.words import folded_words
from tests.conftest import seed_paths

FUNCTIONS = 256  # many functions: the estimate's standard error is about 0.03


def _codes(words: set[str]) -> np.ndarray:
    return np.array([zlib.crc32(w.encode("utf-8")) for w in words], dtype=np.uint64)


def test_the_share_of_agreeing_minima_estimates_the_jaccard_index_of_the_seeds_words() -> None:
    word_sets = [set(folded_words(path.read_text(encoding="utf-8"))) for path in seed_paths()]
    functions = permutations(FUNCTIONS, seed=7)
    signatures = [signature(_codes(words), functions) for words in word_sets]
    for i in range(len(word_sets)):
        for j in range(i + 1, len(word_sets)):
            true = len(word_sets[i] & word_sets[j]) / len(word_sets[i] | word_sets[j])
            estimate = float(np.mean(signatures[i] == signatures[j]))
            assert abs(estimate - true) < 0.1, (i, j, true, estimate)


def test_the_signature_is_the_same_whatever_the_order_and_repeats() -> None:
    functions = permutations(64, seed=1)
    codes = np.array([5, 2**40 + 3, 17, 17], dtype=np.uint64)
    assert np.array_equal(signature(codes, functions), signature(codes[::-1].copy(), functions))


def test_bands_separate_below_from_above_the_threshold() -> None:
    bands, rows = lsh_bands(0.6, 64)
    assert bands * rows <= 64

    def caught(jaccard: float) -> float:
        return 1 - (1 - jaccard**rows) ** bands

    assert caught(0.3) < 0.1 and caught(0.85) > 0.99
    assert lsh_bands(0.8, 64)[1] > rows  # a stricter threshold: longer bands
