"""Token F1 of an extracted body as the ScrapingHub article-extraction benchmark computes it.

That benchmark (where trafilatura 2.0 scores 0.958 and newspaper4k 0.949) compares the gold and the
extracted body as bags of 4-token shingles, tokens being runs of word characters in any script.
Each page's true positives, false positives and false negatives are divided by their sum, so a long
page weighs no more than a short one; precision is the mean over the pages that extracted anything
or should have, recall the mean over the pages with a gold body or an extraction, and F1 the
harmonic mean of those two means (not the mean of per-page F1s).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import mean

SHINGLE_TOKENS = 4

_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class ShingleCounts:
    """One page's shares of true positives, false positives and false negatives (they sum to 1, or all 0)."""

    tp: float
    fp: float
    fn: float

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0


@dataclass(frozen=True, slots=True)
class TokenScore:
    precision: float
    recall: float
    f1: float


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """The text's 4-token shingles; a text shorter than four tokens is one shingle of what it has."""
    tokens = _TOKEN.findall(text)
    count = max(1, len(tokens) - SHINGLE_TOKENS + 1)
    return Counter(shingle for i in range(count) if (shingle := tuple(tokens[i : i + SHINGLE_TOKENS])))


def page_counts(gold: str, extracted: str) -> ShingleCounts:
    true, predicted = shingles(gold), shingles(extracted)
    tp = sum((true & predicted).values())
    fp = sum((predicted - true).values())
    fn = sum((true - predicted).values())
    total = tp + fp + fn
    return ShingleCounts(tp / total, fp / total, fn / total) if total else ShingleCounts(0.0, 0.0, 0.0)


def corpus_score(pages: Sequence[ShingleCounts]) -> TokenScore:
    """The benchmark's figures over pages: mean precision, mean recall, and their harmonic mean."""
    precisions = [_precision(p) for p in pages if p.tp + p.fp > 0]
    recalls = [_recall(p) for p in pages if p.tp + p.fn > 0]
    precision = mean(precisions) if precisions else 0.0
    recall = mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return TokenScore(precision, recall, f1)


def _precision(page: ShingleCounts) -> float:
    # The benchmark scores a page with neither false positives nor false negatives as perfect.
    return 1.0 if page.fp == page.fn == 0 else page.tp / (page.tp + page.fp)


def _recall(page: ShingleCounts) -> float:
    return 1.0 if page.fp == page.fn == 0 else page.tp / (page.tp + page.fn)
