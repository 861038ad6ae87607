"""Claim-difference quality on ClaimDiff: does claim B weaken (contest) claim A?

The classifier is the claims stage's own contest logic (`newsfuse.claims.contests`), with the weights
it ships (`claims/contest_model.json`), fitted on ClaimDiff train only by `scripts/fit-contest-model`
and applied as is to whatever file is given. Beside it, on the same pairs: always "weakens", and a
lexical negation-mismatch rule (exactly one of the two claims holds a negation word).

On the training file itself the shipped model's figure is in-sample, so the report adds an estimate
of how it does on topics it has not seen: the topics are split into FOLDS parts by a hash of their
name, and each part is scored by a model fitted (weights and threshold) on the other parts only.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from newsfuse.claims.contest import FEATURES, MODEL_FILE, ContestModel, contest_features, contests, shipped_model
from newsfuse.errors import EvaluationDataError
from newsfuse.evaluation.datasets import require
from newsfuse.text.lexicon import NEGATIONS
from newsfuse.text.words import folded_words

DEFAULT_FILE = "ClaimDiff-weak-train.json"
# Topics are split into this many parts for the held-out estimate, by the SHA-1 of their name: a
# topic's pairs (and both claims of each pair) stay in one part, so no part is scored by a model that
# saw its stories.
FOLDS = 5
# Regularisation of the logistic model (scikit-learn's C). The default; the model has 7 weights and
# ClaimDiff train 1,857 pairs, so it is not the place where overfitting comes from.
REGULARISATION = 1.0


@dataclass(frozen=True, slots=True)
class Pair:
    topic: str
    claim_a: str
    claim_b: str
    weakens: bool | None  # None in a file without labels


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float

    def figures(self) -> dict[str, float]:
        return {
            "precision": round(100 * self.precision, 2),
            "recall": round(100 * self.recall, 2),
            "f1": round(100 * self.f1, 2),
        }


def load_pairs(path: Path) -> list[Pair]:
    require(path, "ClaimDiff JSON file")
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))["data"]
        return [
            Pair(
                str(r.get("topic", "")),
                str(r["claim_a"]),
                str(r["claim_b"]),
                int(r["relation"]) == 1 if r.get("relation") is not None else None,
            )
            for r in rows
        ]
    except (ValueError, KeyError, TypeError) as exc:
        raise EvaluationDataError(f"{path}: not in the ClaimDiff format ({exc})") from None


def fold_of(topic: str) -> int:
    digest = hashlib.sha1(topic.encode("utf-8"), usedforsecurity=False).hexdigest()
    return int(digest, 16) % FOLDS


def scores(gold: Sequence[bool], predicted: Sequence[bool]) -> Scores:
    hits = sum(g and p for g, p in zip(gold, predicted, strict=True))
    precision = hits / sum(predicted) if any(predicted) else 0.0
    recall = hits / sum(gold) if any(gold) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1)


def best_threshold(gold: Sequence[bool], score: Sequence[float]) -> float:
    """The score threshold with the best F1 on these pairs (the lowest such, on ties)."""
    best, best_f1 = min(score, default=0.5), -1.0
    for threshold in sorted(set(score)):
        f1 = scores(gold, [s >= threshold for s in score]).f1
        if f1 > best_f1:
            best, best_f1 = threshold, f1
    return best


def negation_mismatch(pair: Pair) -> bool:
    """The lexical baseline: exactly one of the two claims holds a negation word."""

    def negates(claim: str) -> bool:
        return any(t in NEGATIONS for t in folded_words(claim))

    return negates(pair.claim_a) != negates(pair.claim_b)


def pair_features(pairs: Sequence[Pair]) -> np.ndarray:
    return np.asarray([contest_features(p.claim_a, p.claim_b) for p in pairs], dtype=float)


def fit(features: np.ndarray, gold: Sequence[bool], topics: Sequence[str]) -> ContestModel:
    """Weights by a class-balanced logistic regression ("weakens" is one pair in ten); the threshold
    with the best F1 on out-of-fold probabilities (each topic part scored by weights fitted without
    it), so that it is not chosen on the very pairs the weights were fitted to."""
    labels = np.asarray(gold, dtype=bool)
    folds = np.asarray([fold_of(t) for t in topics])
    outside = np.zeros(len(labels))
    for k in sorted(set(folds.tolist())):
        train = folds != k
        if len(set(labels[train].tolist())) < 2:
            raise EvaluationDataError("too few topics or labels to fit the contest model")
        outside[~train] = _weights(features[train], labels[train]).probabilities(features[~train])
    weights = _weights(features, labels)
    return ContestModel(
        mean=weights.mean,
        scale=weights.scale,
        weights=weights.weights,
        intercept=weights.intercept,
        threshold=best_threshold(labels.tolist(), outside.tolist()),
    )


@dataclass(frozen=True, slots=True)
class _Fitted:
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        z = self.intercept + ((features - np.asarray(self.mean)) / np.asarray(self.scale)) @ np.asarray(self.weights)
        return np.asarray(1.0 / (1.0 + np.exp(-z)))


def _weights(features: np.ndarray, labels: np.ndarray) -> _Fitted:
    mean = features.mean(axis=0)
    scale = features.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=REGULARISATION, class_weight="balanced", max_iter=2000)
    model.fit((features - mean) / scale, labels)
    return _Fitted(
        tuple(float(x) for x in mean),
        tuple(float(x) for x in scale),
        tuple(float(x) for x in model.coef_[0]),
        float(model.intercept_[0]),
    )


def held_out_estimate(pairs: Sequence[Pair], features: np.ndarray) -> dict[str, Any]:
    """Each topic part scored by a model fitted (weights and threshold) on the other parts only."""
    gold = [bool(p.weakens) for p in pairs]
    folds = np.asarray([fold_of(p.topic) for p in pairs])
    predicted = np.zeros(len(pairs), dtype=bool)
    for k in range(FOLDS):
        train = folds != k
        if not (~train).any():
            continue
        inside = [i for i, t in enumerate(train) if t]
        model = fit(features[train], [gold[i] for i in inside], [pairs[i].topic for i in inside])
        predicted[~train] = [model.probability(tuple(row)) >= model.threshold for row in features[~train]]
    return {
        "newsfuse": scores(gold, predicted.tolist()).figures(),
        "always_weakens": scores(gold, [True] * len(gold)).figures(),
        "topics": len({p.topic for p in pairs}),
    }


def evaluate_claims(data: Path, *, limit: int | None = None, out: Path | None = None) -> dict[str, Any]:
    """The shipped contest model applied as is to the pairs in `data`; `out` gets one label a line."""
    path = data / DEFAULT_FILE if data.is_dir() else data
    pairs = load_pairs(path)[:limit]
    if not pairs:
        raise EvaluationDataError(f"{path}: no claim pairs")
    model = shipped_model()
    found = [contests(p.claim_a, p.claim_b, model) for p in pairs]
    predicted = [c.weakens for c in found]
    if out is not None:
        out.write_text("".join(f"{int(p)}\n" for p in predicted), encoding="utf-8")
    figures: dict[str, Any] = {
        "set": "claims",
        "data": str(path),
        "pairs": len(pairs),
        "model": MODEL_FILE,
        "threshold": round(model.threshold, 4),
        "predicted_weakens": sum(predicted),
    }
    if any(p.weakens is None for p in pairs):
        return figures
    gold = [bool(p.weakens) for p in pairs]
    figures.update(
        {
            "positives": sum(gold),
            "newsfuse": scores(gold, predicted).figures(),
            "always_weakens": scores(gold, [True] * len(gold)).figures(),
            "negation_mismatch": scores(gold, [negation_mismatch(p) for p in pairs]).figures(),
        }
    )
    if trained_on(path):
        figures["in_sample"] = True
        figures["held_out_topics"] = held_out_estimate(pairs, np.asarray([c.features for c in found]))
    return figures


def trained_on(path: Path) -> bool:
    """Whether `path` is the file the shipped model was fitted on (by content)."""
    return file_digest(path) == str(shipped_record().get("trained_on", {}).get("sha256"))


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def shipped_record() -> dict[str, Any]:
    from importlib import resources

    text = resources.files("newsfuse.claims").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    record: dict[str, Any] = json.loads(text)
    return record


def model_record(model: ContestModel, path: Path, pairs: Sequence[Pair], estimate: dict[str, Any]) -> dict[str, Any]:
    """What `scripts/fit-contest-model` writes: the weights, and where they came from."""
    return {
        "about": "newsfuse.claims.contest's model, fitted by scripts/fit-contest-model on ClaimDiff train only",
        "trained_on": {"file": path.name, "sha256": file_digest(path), "pairs": len(pairs)},
        "held_out_topics": estimate,
        "features": list(FEATURES),
        "mean": [round(x, 6) for x in model.mean],
        "scale": [round(x, 6) for x in model.scale],
        "weights": [round(x, 6) for x in model.weights],
        "intercept": round(model.intercept, 6),
        "threshold": round(model.threshold, 6),
    }
