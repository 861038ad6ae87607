"""Extraction quality on real pages: newsfuse's clean stage beside plain trafilatura, in one run.

Either format of set is read (see `extraction_sets`), each scored the way its own benchmark scores:

- fundus-eval (gold bodies of news pages): ROUGE-LSum over paragraphs as the fundus benchmark computes
  it (see `rouge_lsum`; published: Fundus 97.69, trafilatura 93.62), and token F1 as the ScrapingHub
  article-extraction benchmark computes it (see `shingles`; published: trafilatura 2.0 0.958).
- trafilatura's benchmark (snippets on pages of any kind): a wanted snippet found in the output is a
  true positive, missed a false negative; an unwanted snippet found is a false positive. Counts are
  pooled over pages, F1 = 2TP / (2TP + FP + FN), as trafilatura's own evaluation script does.

Each benchmark's peer is plain trafilatura set up as that benchmark runs it, so its figure here is
the published one's: comments and tables off for fundus-eval (reproduces its 93.62), comments off and
tables on for trafilatura's set. Both run on the same pages in the same process as newsfuse.

What newsfuse is scored on is its article as that benchmark defines the main text: fundus-eval's gold
is the body with its section headings and without the headline (`Cleaner.outline`'s paragraphs);
trafilatura's annotators mostly count a headline printed in the body as main text, so there it
stays where the page printed it (as plain trafilatura leaves it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from statistics import mean
from typing import Any, Literal

from newsfuse.clean import Cleaner
from newsfuse.errors import EvaluationDataError, InputError
from newsfuse.evaluation.extraction_sets import EvalPage, EvalSet, Half, SetFormat, load_set
from newsfuse.evaluation.rouge_lsum import RougeLsum, RougeScore, reference_variants
from newsfuse.evaluation.shingles import ShingleCounts, corpus_score, page_counts
from newsfuse.ingest.decode import decode_bytes, gunzip
from newsfuse.models import RawDocument

Extractor = Literal["newsfuse", "trafilatura"]
EXTRACTORS: tuple[Extractor, ...] = ("newsfuse", "trafilatura")
# A page is read whole; 50 MB is far past any page of either set.
MAX_PAGE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Extracted:
    """What an extractor gave for one page: the main text's paragraphs, without and with the headline
    where the page printed it (plain trafilatura keeps whatever it keeps: the two are the same)."""

    paragraphs: tuple[str, ...]
    with_headline: tuple[str, ...]

    def text(self, *, with_headline: bool) -> str:
        return "\n".join(self.with_headline if with_headline else self.paragraphs)


@dataclass(frozen=True, slots=True)
class SnippetCounts:
    tp: int
    fn: int
    fp: int
    tn: int


@dataclass(frozen=True, slots=True)
class PageScore:
    name: str
    group: str
    half: Half
    empty: bool
    rouge: RougeScore | None = None  # fundus-eval
    shingles: ShingleCounts | None = None  # fundus-eval
    snippets: SnippetCounts | None = None  # trafilatura's set


@dataclass(frozen=True, slots=True)
class ExtractionReport:
    extractor: Extractor
    format: SetFormat
    pages: tuple[PageScore, ...]

    @property
    def failed(self) -> tuple[str, ...]:
        """Pages the extractor gave no text for."""
        return tuple(page.name for page in self.pages if page.empty)

    def figures(self) -> dict[str, Any]:
        figures: dict[str, Any] = {"extractor": self.extractor, **_core(self.format, self.pages)}
        figures["failed"] = len(self.failed)
        for half in (Half.calibration, Half.held_out):
            part = [page for page in self.pages if page.half is half]
            if part and len(part) < len(self.pages):
                figures[half.value.replace("-", "_")] = _core(self.format, part)
        figures["f1_by_group"] = self.by_group()
        return figures

    def by_group(self) -> dict[str, float]:
        """Each publisher's or site's F1 (sites of trafilatura's set: only those with a miss or a stray)."""
        groups: dict[str, list[PageScore]] = defaultdict(list)
        for page in self.pages:
            groups[page.group].append(page)
        scores = {group: _core(self.format, pages)[_headline(self.format)] for group, pages in sorted(groups.items())}
        return scores if self.format == "fundus" else {group: f1 for group, f1 in scores.items() if f1 < 100.0}


def compare_extraction(
    data: Path, *, half: Half = Half.all, limit: int | None = None, every: int = 1, workers: int = 1
) -> dict[str, Any]:
    """newsfuse and plain trafilatura on the same pages, side by side (the CLI's JSON line)."""
    evaluation = load_set(data, half=half, limit=limit, every=every)
    reports = [
        score_extractions(evaluation, name, extract_pages(evaluation, name, workers=workers)) for name in EXTRACTORS
    ]
    return {
        "set": data.name,
        "format": evaluation.format,
        "half": half.value,
        "pages": len(evaluation.pages),
        **{report.extractor: report.figures() for report in reports},
    }


def score_extractions(evaluation: EvalSet, extractor: Extractor, extracted: Sequence[Extracted]) -> ExtractionReport:
    scorer = RougeLsum()
    scores = [
        _score_page(evaluation.format, page, result, scorer)
        for page, result in zip(evaluation.pages, extracted, strict=True)
    ]
    return ExtractionReport(extractor, evaluation.format, tuple(scores))


def _score_page(fmt: SetFormat, page: EvalPage, result: Extracted, scorer: RougeLsum) -> PageScore:
    empty = not result.paragraphs
    if fmt == "fundus":
        variants = [list(variant) for variant in reference_variants(page.paragraphs)]
        extracted = result.text(with_headline=False)
        shingles = max((page_counts("\n".join(v), extracted) for v in variants), key=lambda c: c.f1)
        rouge = scorer.score(page.paragraphs, result.paragraphs)
        return PageScore(page.name, page.group, page.half, empty, rouge=rouge, shingles=shingles)
    text = result.text(with_headline=True)
    found = sum(snippet in text for snippet in page.wanted)
    stray = sum(snippet in text for snippet in page.unwanted)
    counts = SnippetCounts(found, len(page.wanted) - found, stray, len(page.unwanted) - stray)
    return PageScore(page.name, page.group, page.half, empty, snippets=counts)


def _core(fmt: SetFormat, pages: Sequence[PageScore]) -> dict[str, Any]:
    if fmt == "fundus":
        rouge = [page.rouge for page in pages if page.rouge is not None]
        tokens = corpus_score([page.shingles for page in pages if page.shingles is not None])
        return {
            "pages": len(pages),
            "rougeLsum_precision": _percent(score.precision for score in rouge),
            "rougeLsum_recall": _percent(score.recall for score in rouge),
            "rougeLsum_f1": _percent(score.f1 for score in rouge),
            "token_precision": round(tokens.precision, 4),
            "token_recall": round(tokens.recall, 4),
            "token_f1": round(tokens.f1, 4),
        }
    counts = [page.snippets for page in pages if page.snippets is not None]
    tp, fn, fp, tn = (sum(getattr(c, field) for c in counts) for field in ("tp", "fn", "fp", "tn"))
    return {
        "pages": len(pages),
        "snippets_wanted": tp + fn,
        "snippets_unwanted": fp + tn,
        "snippet_precision": round(100 * tp / (tp + fp), 2) if tp + fp else 0.0,
        "snippet_recall": round(100 * tp / (tp + fn), 2) if tp + fn else 0.0,
        "snippet_f1": round(100 * 2 * tp / (2 * tp + fp + fn), 2) if tp else 0.0,
        "snippet_accuracy": round(100 * (tp + tn) / (tp + tn + fp + fn), 2) if counts else 0.0,
    }


def _headline(fmt: SetFormat) -> str:
    return "rougeLsum_f1" if fmt == "fundus" else "snippet_f1"


def read_page(path: str) -> str:
    """A gzipped page of either set, decoded as newsfuse's reader decodes a file (pages of
    trafilatura's set come in many encodings)."""
    try:
        data = Path(path).read_bytes()
        return decode_bytes(path, gunzip(path, data, MAX_PAGE_BYTES))
    except OSError as exc:
        raise EvaluationDataError(f"{path}: cannot read the page ({exc.strerror or exc})") from None
    except InputError as exc:
        raise EvaluationDataError(f"{path}: {exc.problem}") from None


class NewsfuseExtractor:
    """The clean stage on one page: body paragraphs, list items and section headings in order, and the
    headline where the page printed it."""

    def __init__(self) -> None:
        self._cleaner = Cleaner()

    def __call__(self, html: str, origin: str) -> Extracted:
        try:
            outline = self._cleaner.outline(RawDocument(origin=origin, content=html, format="html"))
        except InputError:
            return Extracted((), ())
        return Extracted(outline.paragraphs, outline.with_headline())


def trafilatura_paragraphs(html: str, *, tables: bool = False) -> list[str]:
    """Plain trafilatura as the benchmarks run it: comments off, tables as asked, one paragraph a line."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=tables, include_formatting=False)
    return [line for line in (text or "").split("\n") if line.strip()]


def extract_pages(evaluation: EvalSet, extractor: Extractor, *, workers: int = 1) -> list[Extracted]:
    """One result per page, in page order; in worker processes when asked (each page is extracted on its
    own, so the results do not depend on it)."""
    paths = [str(page.path) for page in evaluation.pages]
    return list(_extract_all(paths, extractor, evaluation.format, workers))


def _extract_all(paths: list[str], extractor: Extractor, fmt: SetFormat, workers: int) -> Iterator[Extracted]:
    if workers <= 1:
        yield from _extract_chunk(extractor, fmt, paths)
        return
    # One contiguous chunk per worker, results in page order: the same pages in, the same results out.
    size = -(-len(paths) // workers)
    chunks = [paths[start : start + size] for start in range(0, len(paths), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for results in pool.map(_extract_chunk, [extractor] * len(chunks), [fmt] * len(chunks), chunks):
            yield from results


def _extract_chunk(extractor: Extractor, fmt: SetFormat, paths: list[str]) -> list[Extracted]:
    """Extract a run of pages with one extractor (built once: its models load on first use)."""
    extract = _make_extractor(extractor, fmt)
    return [extract(read_page(path), path) for path in paths]


def _make_extractor(extractor: Extractor, fmt: SetFormat) -> Callable[[str, str], Extracted]:
    if extractor == "newsfuse":
        return NewsfuseExtractor()
    if extractor == "trafilatura":
        tables = fmt == "snippets"
        return lambda html, origin: _as_extracted(trafilatura_paragraphs(html, tables=tables))
    raise EvaluationDataError(f"unknown extractor {extractor!r} (choose from {', '.join(EXTRACTORS)})")


def _as_extracted(paragraphs: list[str]) -> Extracted:
    return Extracted(tuple(paragraphs), tuple(paragraphs))


def _percent(values: Iterator[float] | list[float]) -> float:
    values = list(values)
    return round(100 * mean(values), 2) if values else 0.0
