"""Throughput and memory of the clean stage: HTML pages (fundus-eval, trafilatura-dev) and plain text.

newsfuse's full clean (trafilatura with metadata, typed blocks, clutter roles, datelines, agencies,
language) is timed against plain trafilatura (`extract`, as each set's benchmark runs it: comments
off, tables off for fundus-eval and on for trafilatura's pages) on the same pages in the same run.
This machine is shared, so each document is timed in CPU seconds of this process, both extractors
alternate page by page, and each document keeps its fastest of REPEATS runs: other work on the
machine then slows neither side more than the other. Peak memory is measured in a separate pass
(tracemalloc slows what it watches).

    .venv/bin/python bench/extraction.py          # writes bench/results/extraction.json
"""

from __future__ import annotations

import json
import platform
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import trafilatura

from newsfuse.clean import Cleaner
from newsfuse.errors import InputError
from newsfuse.evaluation.extraction import read_page
from newsfuse.evaluation.extraction_sets import load_set
from newsfuse.models import RawDocument

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO.parent / "shared" / "eval"
SETS = {"html": EVAL / "fundus-eval", "html_web": EVAL / "trafilatura-dev"}
SEEDS = REPO.parent / "shared" / "seeds"
CORPUS = REPO / "examples" / "corpus"
RESULTS = REPO / "bench" / "results" / "extraction.json"

# Best of three runs per document: enough to shed another process's burst, short enough (about a
# minute) for a shared two-core machine.
REPEATS = 3
# The text set is the seeds and the sample corpus's .txt files, cycled to this many documents so the
# timing covers a batch of realistic size rather than a dozen files.
TEXT_DOCUMENTS = 400


def main() -> None:
    missing = [str(path) for path in SETS.values() if not path.is_dir()]
    if missing:
        sys.exit(f"{', '.join(missing)} absent: this benchmark reads the evaluation pages beside the checkout")
    texts = _texts()
    cleaner = Cleaner()
    results: dict[str, object] = {
        "machine": f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}",
        "method": f"CPU seconds per document, fastest of {REPEATS}, extractors alternating page by page",
    }
    for name, data in SETS.items():
        evaluation = load_set(data)
        tables = evaluation.format == "snippets"  # as each set's benchmark runs trafilatura
        pages = [read_page(str(page.path)) for page in evaluation.pages]
        _warm(cleaner, pages[0], texts[0], tables)
        newsfuse_html, plain_html = _alternating(
            [
                lambda page=page, n=n: _clean_or_none(cleaner, RawDocument(f"page{n}", page, "html"))
                for n, page in enumerate(pages)
            ],
            [
                lambda page=page, tables=tables: trafilatura.extract(
                    page, include_comments=False, include_tables=tables
                )
                for page in pages
            ],
        )
        peak_html = _peak_bytes(
            lambda pages=pages: [_clean_or_none(cleaner, RawDocument(f"p{n}", p, "html")) for n, p in enumerate(pages)]
        )
        results[name] = {
            "set": data.name,
            "documents": len(pages),
            "megabytes": round(sum(len(page.encode()) for page in pages) / 1e6, 1),
            "newsfuse_articles_per_s": round(len(pages) / newsfuse_html, 1),
            "trafilatura_articles_per_s": round(len(pages) / plain_html, 1),
            "newsfuse_vs_trafilatura_throughput": round(plain_html / newsfuse_html, 2),
            "newsfuse_peak_python_mb": round(peak_html / 1e6, 1),
        }
    (newsfuse_text,) = _alternating(
        [lambda text=text, n=n: cleaner.clean(RawDocument(f"t{n}.txt", text, "text")) for n, text in enumerate(texts)]
    )
    peak_text = _peak_bytes(lambda: [cleaner.clean(RawDocument(f"t{n}.txt", t, "text")) for n, t in enumerate(texts)])
    results["text"] = {
        "documents": len(texts),
        "distinct_documents": len(set(texts)),
        "newsfuse_articles_per_s": round(len(texts) / newsfuse_text, 1),
        "newsfuse_peak_python_mb": round(peak_text / 1e6, 1),
    }
    results["process_max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3, 1)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


def _texts() -> list[str]:
    files = sorted(SEEDS.glob("*.txt")) + sorted(CORPUS.rglob("*.txt"))
    distinct = [path.read_text(encoding="utf-8") for path in files]
    if not distinct:
        sys.exit("no .txt articles found in ../shared/seeds or examples/corpus")
    return [distinct[n % len(distinct)] for n in range(TEXT_DOCUMENTS)]


def _warm(cleaner: Cleaner, page: str, text: str, tables: bool) -> None:
    """Load lazily built models (language identifier, trafilatura's tables) before any timing."""
    _clean_or_none(cleaner, RawDocument("warm", page, "html"))
    cleaner.clean(RawDocument("warm.txt", text, "text"))
    trafilatura.extract(page, include_comments=False, include_tables=tables)


def _clean_or_none(cleaner: Cleaner, raw: RawDocument) -> object:
    """A page with no article text is timed like any other (its failure is part of the work)."""
    try:
        return cleaner.clean(raw)
    except InputError:
        return None


def _alternating(*jobs: list[Callable[[], object]]) -> tuple[float, ...]:
    """Total CPU seconds of each job list, each item at its fastest of REPEATS, lists interleaved item by item."""
    best = [[float("inf")] * len(items) for items in jobs]
    for _ in range(REPEATS):
        for index in range(len(jobs[0])):
            for job, times in zip(jobs, best, strict=True):
                start = time.process_time()
                job[index]()
                times[index] = min(times[index], time.process_time() - start)
    return tuple(sum(times) for times in best)


def _peak_bytes(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


if __name__ == "__main__":
    main()
