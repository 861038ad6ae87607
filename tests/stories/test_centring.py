"""Localized centring: the scored-pairs arithmetic matches the vectors it stands for, and it is used
only where a neighbourhood is full and both articles are in one language."""

from __future__ import annotations

import dataclasses

import numpy as np

from newsfuse.models import Article
from newsfuse.stories import Scoring, cluster_batch
from newsfuse.stories.centring import Centring
from tests.conftest import truth_key
from tests.stories.conftest import truth_stories


def _vectors(count: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    # Three themes with members scattered around them, like three events of one kind.
    themes = rng.normal(size=(3, 40))
    return np.vstack([themes[i % 3] + 0.7 * rng.normal(size=40) for i in range(count)])


def test_corrections_equal_the_centred_dot_products_of_the_vectors() -> None:
    x = _vectors(30, seed=7)
    gram = x @ x.T
    rows, columns = np.triu_indices(30, 1)
    k = 5
    centring = Centring(list(range(30)), (rows, columns, gram[rows, columns]), np.diag(gram).copy(), k, 1.0)
    # The same quantity from the vectors: each article's k best-scored others, their mean, and
    # (x_i - m) . (x_j - m) with m the two means' midpoint.
    masked = gram - np.diag(np.full(30, np.inf))
    means = np.stack([x[np.argsort(-masked[i])[:k]].mean(axis=0) for i in range(30)])
    expected = np.array(
        [
            (x[i] - (means[i] + means[j]) / 2) @ (x[j] - (means[i] + means[j]) / 2)
            for i, j in zip(rows, columns, strict=True)
        ]
    )
    got = centring.centred(rows, columns, gram[rows, columns]) - gram[rows, columns]
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-9)
    block = centring.centred_block(list(range(30)), list(range(30)), gram) - gram
    np.testing.assert_allclose(block[rows, columns], expected, rtol=1e-9, atol=1e-9)


def test_copies_are_centred_as_their_original_and_later_positions_not_at_all() -> None:
    x = _vectors(20, seed=3)
    gram = x @ x.T
    rows, columns = np.triu_indices(20, 1)
    original = [*range(20), 4]  # position 20 is a copy of 4
    centring = Centring(original, (rows, columns, gram[rows, columns]), np.diag(gram).copy(), 4, 1.0)
    block = centring.centred_block([4, 20, 21], [9], np.vstack([gram[4, [9]], gram[4, [9]], [1.0]]))
    assert block[0, 0] == block[1, 0] != gram[4, 9]
    assert block[2, 0] == 1.0  # filed after the build: no neighbourhood known, no correction


def test_an_article_short_of_a_full_neighbourhood_is_not_centred() -> None:
    x = _vectors(6, seed=1)
    gram = x @ x.T
    rows, columns = np.triu_indices(6, 1)
    centring = Centring(list(range(6)), (rows, columns, gram[rows, columns]), np.diag(gram).copy(), 10, 1.0)
    np.testing.assert_array_equal(centring.centred(rows, columns, gram[rows, columns]), gram[rows, columns])


def test_with_centring_off_the_batch_scores_plainly_and_still_finds_the_sample_stories(
    corpus_articles: list[Article],
) -> None:
    plain = dataclasses.replace(Scoring(), centring_weight=0.0)
    by_id = {a.id: truth_key(a) for a in corpus_articles}
    found = {frozenset(by_id[i] for i in s.article_ids) for s in cluster_batch(corpus_articles, plain)}
    assert found == {frozenset(s) for s in truth_stories()}


def test_a_pair_in_two_languages_is_not_centred() -> None:
    x = _vectors(30, seed=5)
    gram = x @ x.T
    rows, columns = np.triu_indices(30, 1)
    languages: list[str | None] = ["en"] * 28 + ["fr", None]
    pairs = (rows, columns, gram[rows, columns])
    centring = Centring(list(range(30)), pairs, np.diag(gram).copy(), 5, 1.0, languages)
    change = centring.centred(*pairs) - gram[rows, columns]
    french = (rows == 28) | (columns == 28)
    unknown = (rows == 29) | (columns == 29)
    # The French article's pairs with English ones keep their raw scores; an unknown language goes
    # with any, and English pairs are centred.
    assert np.all(change[french & ~unknown] == 0)
    assert np.all(change[~french] != 0)
