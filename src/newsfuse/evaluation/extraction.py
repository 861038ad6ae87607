"""Extraction quality on fundus-eval: ROUGE-LSum between our paragraphs and the hand-made gold paragraphs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from statistics import mean
from typing import Any

from rouge_score import rouge_scorer

from newsfuse.clean import Cleaner
from newsfuse.errors import EvaluationDataError, InputError
from newsfuse.evaluation.datasets import require
from newsfuse.ingest import Reader
from newsfuse.models import RawDocument


@dataclass(frozen=True, slots=True)
class PageScore:
    name: str
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class ExtractionReport:
    pages: tuple[PageScore, ...]
    failed: tuple[str, ...]

    def figures(self) -> dict[str, Any]:
        return {
            "set": "extraction",
            "pages": len(self.pages),
            "failed": len(self.failed),
            "rougeLsum_precision": round(100 * mean(p.precision for p in self.pages), 2) if self.pages else 0.0,
            "rougeLsum_recall": round(100 * mean(p.recall for p in self.pages), 2) if self.pages else 0.0,
            "rougeLsum_f1": round(100 * mean(p.f1 for p in self.pages), 2) if self.pages else 0.0,
        }


def load_ground_truth(data: Path) -> dict[str, list[str]]:
    truth_file = require(data / "ground_truth.json", "ground_truth.json")
    try:
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        return {name: list(entry["body"]) for name, entry in truth.items()}
    except (ValueError, KeyError, TypeError) as exc:
        raise EvaluationDataError(f"{truth_file}: not in the fundus-eval format ({exc})") from None


def evaluate_extraction(data: Path, *, limit: int | None = None) -> ExtractionReport:
    truth = load_ground_truth(data)
    names = sorted(truth)[:limit]
    scorer = rouge_scorer.RougeScorer(["rougeLsum"], use_stemmer=True)
    reader, cleaner = Reader(), Cleaner()
    pages: list[PageScore] = []
    failed: list[str] = []
    for name in names:
        page = require(data / "html" / name, "page")
        paragraphs: list[str] = []
        for item in reader.read([str(page)]):
            if isinstance(item, RawDocument):
                try:
                    paragraphs = cleaner.clean(item).paragraph_texts()
                except InputError:
                    paragraphs = []
        if not paragraphs:
            failed.append(name)
        score = scorer.score("\n".join(truth[name]), "\n".join(paragraphs))["rougeLsum"]
        pages.append(PageScore(name, score.precision, score.recall, score.fmeasure))
    return ExtractionReport(tuple(pages), tuple(failed))
