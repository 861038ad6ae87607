"""Extraction quality on fundus-eval: ROUGE-LSum between extracted paragraphs and the hand-made gold.

Scored the way the fundus benchmark scores (see `rouge_lsum`), so our figure sits beside the
published ones (Fundus 97.69, trafilatura 93.62). Two extractors can be measured: newsfuse's clean
stage (its body paragraphs with the section headings in place, as the gold bodies have them) and
plain trafilatura (the peer, set up as the benchmark sets it up). Pages are cleaned in worker
processes when asked; each page is cleaned on its own, so the figures do not depend on it.
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from statistics import mean
from typing import Any, Literal

from newsfuse.clean import Cleaner
from newsfuse.errors import EvaluationDataError, InputError
from newsfuse.evaluation.datasets import require
from newsfuse.evaluation.rouge_lsum import RougeLsum, RougeScore
from newsfuse.models import RawDocument

Extractor = Literal["newsfuse", "trafilatura"]
EXTRACTORS: tuple[Extractor, ...] = ("newsfuse", "trafilatura")


@dataclass(frozen=True, slots=True)
class PageScore:
    name: str
    precision: float
    recall: float
    f1: float

    @property
    def publisher(self) -> str:
        """fundus-eval names its pages <Publisher>_<n>.html.gz."""
        return self.name.rsplit("_", 1)[0]


@dataclass(frozen=True, slots=True)
class ExtractionReport:
    extractor: Extractor
    pages: tuple[PageScore, ...]
    failed: tuple[str, ...]

    def figures(self) -> dict[str, Any]:
        return {
            "set": "extraction",
            "extractor": self.extractor,
            "pages": len(self.pages),
            "failed": len(self.failed),
            "rougeLsum_precision": _percent(p.precision for p in self.pages),
            "rougeLsum_recall": _percent(p.recall for p in self.pages),
            "rougeLsum_f1": _percent(p.f1 for p in self.pages),
            "f1_by_publisher": self.by_publisher(),
        }

    def by_publisher(self) -> dict[str, float]:
        groups: dict[str, list[float]] = defaultdict(list)
        for page in self.pages:
            groups[page.publisher].append(page.f1)
        return {publisher: _percent(scores) for publisher, scores in sorted(groups.items())}


def load_ground_truth(data: Path) -> dict[str, list[str]]:
    truth_file = require(data / "ground_truth.json", "ground_truth.json")
    try:
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        return {name: [str(paragraph) for paragraph in entry["body"]] for name, entry in truth.items()}
    except (ValueError, KeyError, TypeError) as exc:
        raise EvaluationDataError(f"{truth_file}: not in the fundus-eval format ({exc})") from None


def page_names(data: Path, *, limit: int | None = None, every: int = 1) -> list[str]:
    """The pages in name order; `every` N-th page gives a subset that still covers every publisher."""
    return sorted(load_ground_truth(data))[::every][:limit]


def evaluate_extraction(
    data: Path,
    *,
    limit: int | None = None,
    every: int = 1,
    extractor: Extractor = "newsfuse",
    workers: int = 1,
) -> ExtractionReport:
    truth = load_ground_truth(data)
    names = page_names(data, limit=limit, every=every)
    pages = [str(require(data / "html" / name, "page")) for name in names]
    scorer = RougeLsum()
    scores: list[PageScore] = []
    failed: list[str] = []
    for name, paragraphs in zip(names, _extract_all(pages, extractor, workers), strict=True):
        if not paragraphs:
            failed.append(name)
        score: RougeScore = scorer.score(truth[name], paragraphs)
        scores.append(PageScore(name, score.precision, score.recall, score.f1))
    return ExtractionReport(extractor, tuple(scores), tuple(failed))


def read_page(path: str) -> str:
    """A fundus-eval page: gzipped UTF-8 HTML."""
    try:
        return gzip.decompress(Path(path).read_bytes()).decode("utf-8")
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise EvaluationDataError(f"{path}: not a gzipped UTF-8 page ({exc})") from None


class NewsfuseExtractor:
    """The clean stage on one page: body paragraphs, list items and section headings in reading order."""

    def __init__(self) -> None:
        self._cleaner = Cleaner()

    def __call__(self, html: str, origin: str) -> list[str]:
        try:
            return self._cleaner.outline(RawDocument(origin=origin, content=html, format="html"))
        except InputError:
            return []


def trafilatura_paragraphs(html: str, origin: str = "") -> list[str]:
    """Plain trafilatura as the fundus benchmark runs it: comments and tables off, one paragraph a line."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    return [line for line in (text or "").split("\n") if line.strip()]


def _extract_all(pages: list[str], extractor: Extractor, workers: int) -> Iterator[list[str]]:
    if workers <= 1:
        yield from _extract_chunk(extractor, pages)
        return
    # One contiguous chunk per worker, results in page order: the same pages in, the same results out.
    size = -(-len(pages) // workers)
    chunks = [pages[start : start + size] for start in range(0, len(pages), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for results in pool.map(_extract_chunk, [extractor] * len(chunks), chunks):
            yield from results


def _extract_chunk(extractor: Extractor, pages: list[str]) -> list[list[str]]:
    """Extract a run of pages with one extractor (built once: its models load on first use)."""
    extract = _make_extractor(extractor)
    return [extract(read_page(path), path) for path in pages]


def _make_extractor(extractor: Extractor) -> Callable[[str, str], list[str]]:
    if extractor == "newsfuse":
        return NewsfuseExtractor()
    if extractor == "trafilatura":
        return trafilatura_paragraphs
    raise EvaluationDataError(f"unknown extractor {extractor!r} (choose from {', '.join(EXTRACTORS)})")


def _percent(values: Iterator[float] | list[float]) -> float:
    values = list(values)
    return round(100 * mean(values), 2) if values else 0.0
