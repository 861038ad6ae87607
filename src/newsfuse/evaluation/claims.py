"""Claim-difference quality on ClaimDiff: does claim B weaken (contest) claim A?

The classifier is the claims stage's own `contests(a, b)`: its signals are the mechanisms the
conflict finders use (disagreeing counts, a statement denying another, contesting wording, shared
content). How much each signal weighs, and the score from which a pair counts as contested, are fitted
on a calibration part of the data (topics whose name hashes even: a logistic regression over the
signals, then the threshold with the best F1); the figures are reported on the other part, beside two
baselines measured on the same pairs: always "weakens", and a lexical negation-mismatch rule (exactly
one of the two claims holds a negation word). The stage's own default weights are scored as well.
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

from newsfuse.claims import contests
from newsfuse.claims.contest import FEATURES
from newsfuse.errors import EvaluationDataError
from newsfuse.evaluation.datasets import require
from newsfuse.text.lexicon import NEGATIONS
from newsfuse.text.words import folded_words

DEFAULT_FILE = "ClaimDiff-weak-train.json"
# Topics whose name's SHA-1 ends in an even hex digit calibrate; the others report. Splitting by topic
# keeps the two claims of a pair, and the pairs of one story, on one side of the split.
CALIBRATION_PARITY = 0


@dataclass(frozen=True, slots=True)
class Pair:
    topic: str
    claim_a: str
    claim_b: str
    weakens: bool


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


def load_pairs(data: Path) -> list[Pair]:
    path = data / DEFAULT_FILE if data.is_dir() else data
    require(path, "ClaimDiff JSON file")
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))["data"]
        return [Pair(str(r["topic"]), str(r["claim_a"]), str(r["claim_b"]), int(r["relation"]) == 1) for r in rows]
    except (ValueError, KeyError, TypeError) as exc:
        raise EvaluationDataError(f"{path}: not in the ClaimDiff format ({exc})") from None


def is_calibration(topic: str) -> bool:
    digest = hashlib.sha1(topic.encode("utf-8"), usedforsecurity=False).hexdigest()
    return int(digest[-1], 16) % 2 == CALIBRATION_PARITY


def scores(gold: Sequence[bool], predicted: Sequence[bool]) -> Scores:
    hits = sum(g and p for g, p in zip(gold, predicted, strict=True))
    precision = hits / sum(predicted) if any(predicted) else 0.0
    recall = hits / sum(gold) if any(gold) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1)


def calibrate(gold: Sequence[bool], score: Sequence[float]) -> float:
    """The score threshold with the best F1 on these pairs (the lowest such, on ties)."""
    best, best_f1 = min(score, default=0.0), -1.0
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


def evaluate_claims(data: Path, *, limit: int | None = None) -> dict[str, Any]:
    pairs = load_pairs(data)[:limit]
    if not pairs:
        raise EvaluationDataError(f"{data}: no claim pairs")
    found = [contests(p.claim_a, p.claim_b) for p in pairs]
    calibration = [i for i, p in enumerate(pairs) if is_calibration(p.topic)]
    report = [i for i, p in enumerate(pairs) if not is_calibration(p.topic)]
    gold = [p.weakens for p in pairs]
    if len({gold[i] for i in calibration}) < 2 or not report:
        raise EvaluationDataError(f"{data}: too few topics or labels to hold out a calibration part")
    features = np.asarray([c.features() for c in found])
    # Balanced class weights: "weakens" is about one pair in ten, and an unweighted fit learns to say no.
    model = LogisticRegression(class_weight="balanced").fit(features[calibration], [gold[i] for i in calibration])
    fitted = [float(p) for p in model.predict_proba(features)[:, 1]]
    threshold = calibrate([gold[i] for i in calibration], [fitted[i] for i in calibration])
    default = [c.score for c in found]
    default_threshold = calibrate([gold[i] for i in calibration], [default[i] for i in calibration])

    def measure(indices: list[int], predict: Callable[[int], bool]) -> dict[str, float]:
        return scores([gold[i] for i in indices], [predict(i) for i in indices]).figures()

    return {
        "set": "claims",
        "pairs": len(pairs),
        "calibration_pairs": len(calibration),
        "report_pairs": len(report),
        "report_positives": sum(gold[i] for i in report),
        "weights": {name: round(float(w), 3) for name, w in zip(FEATURES, model.coef_[0], strict=True)},
        "threshold": round(threshold, 4),
        "newsfuse": measure(report, lambda i: fitted[i] >= threshold),
        "newsfuse_default_weights": measure(report, lambda i: default[i] >= default_threshold),
        "always_weakens": measure(report, lambda i: True),
        "negation_mismatch": measure(report, lambda i: negation_mismatch(pairs[i])),
        "newsfuse_on_calibration": measure(calibration, lambda i: fitted[i] >= threshold),
    }
