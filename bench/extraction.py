"""Throughput and memory of the clean stage: HTML pages (fundus-eval) and plain-text articles.

newsfuse's full clean (trafilatura with metadata, typed blocks, clutter roles, datelines, agencies,
language) is timed against plain trafilatura (`extract`, comments and tables off, as the fundus
benchmark runs it) on the same pages in the same run. This machine is shared, so each document is
timed in CPU seconds of this process, both extractors alternate page by page, and each document
keeps its fastest of REPEATS runs: other work on the machine then slows neither side more than the
other. Peak memory is measured in a separate pass (tracemalloc slows what it watches).

    .venv/bin/python bench/extraction.py          # writes bench/results/extraction.json
"""

from __future__ import annotations

import gzip
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
from newsfuse.models import RawDocument

REPO = Path(__file__).resolve().parent.parent
FUNDUS = REPO.parent / "shared" / "eval" / "fundus-eval" / "html"
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
    if not FUNDUS.is_dir():
        sys.exit(f"{FUNDUS} is absent: this benchmark reads the fundus-eval pages beside the checkout")
    pages = [gzip.decompress(path.read_bytes()).decode("utf-8") for path in sorted(FUNDUS.glob("*.html.gz"))]
    texts = _texts()
    cleaner = Cleaner()
    _warm(cleaner, pages[0], texts[0])

    newsfuse_html, plain_html = _alternating(
        [lambda page=page, n=n: cleaner.clean(RawDocument(f"page{n}", page, "html")) for n, page in enumerate(pages)],
        [lambda page=page: trafilatura.extract(page, include_comments=False, include_tables=False) for page in pages],
    )
    (newsfuse_text,) = _alternating(
        [lambda text=text, n=n: cleaner.clean(RawDocument(f"t{n}.txt", text, "text")) for n, text in enumerate(texts)]
    )
    peak_html = _peak_bytes(lambda: [cleaner.clean(RawDocument(f"page{n}", p, "html")) for n, p in enumerate(pages)])
    peak_text = _peak_bytes(lambda: [cleaner.clean(RawDocument(f"t{n}.txt", t, "text")) for n, t in enumerate(texts)])

    results = {
        "machine": f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}",
        "method": f"CPU seconds per document, fastest of {REPEATS}, extractors alternating page by page",
        "html": {
            "documents": len(pages),
            "megabytes": round(sum(len(page.encode()) for page in pages) / 1e6, 1),
            "newsfuse_articles_per_s": round(len(pages) / newsfuse_html, 1),
            "trafilatura_articles_per_s": round(len(pages) / plain_html, 1),
            "newsfuse_vs_trafilatura_throughput": round(plain_html / newsfuse_html, 2),
            "newsfuse_peak_python_mb": round(peak_html / 1e6, 1),
        },
        "text": {
            "documents": len(texts),
            "distinct_documents": len(set(texts)),
            "newsfuse_articles_per_s": round(len(texts) / newsfuse_text, 1),
            "newsfuse_peak_python_mb": round(peak_text / 1e6, 1),
        },
        "process_max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3, 1),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


def _texts() -> list[str]:
    files = sorted(SEEDS.glob("*.txt")) + sorted(CORPUS.rglob("*.txt"))
    distinct = [path.read_text(encoding="utf-8") for path in files]
    if not distinct:
        sys.exit("no .txt articles found in ../shared/seeds or examples/corpus")
    return [distinct[n % len(distinct)] for n in range(TEXT_DOCUMENTS)]


def _warm(cleaner: Cleaner, page: str, text: str) -> None:
    """Load lazily built models (language identifier, trafilatura's tables) before any timing."""
    cleaner.clean(RawDocument("warm", page, "html"))
    cleaner.clean(RawDocument("warm.txt", text, "text"))
    trafilatura.extract(page, include_comments=False, include_tables=False)


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
