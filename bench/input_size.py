"""Time and memory against input size, 1 KB to 20 MB: newsfuse's cleaning beside plain trafilatura on the
same page, cleaning of the same prose as plain text, and the whole server path for it.

Inputs are built at run time from real prose, never stored: the ECB+ dev reports
(../shared/eval/ecbplus-dev), one after another (repeated past their 1.45 MB) until the input is the
size asked for, as an HTML page (`<article>` with a heading and one `<p>` per paragraph) and as plain
text. Each measurement runs in a fresh process: wall and CPU seconds, and the peak resident memory
while it ran above the memory before it (sampled every 20 ms). Kinds:

- `trafilatura`: plain `trafilatura.extract` on the page (comments and tables off, as
  bench/extraction.py runs it), the peer;
- `clean_html`: newsfuse's clean stage on the same page (`Newsfuse.articles_from_documents`);
- `clean_text`: newsfuse's clean stage on the prose as a plain-text file of the same size;
- `newsroom`: what `newsfuse ingest` and `POST /api/articles` do with that text on a fresh SQLite
  store: clean, place in a story, commit, and brief (which reads the first 50,000 characters).

The largest input is 19.9 MB: trafilatura refuses pages over 20,000,000 bytes (its MAX_FILE_SIZE),
and newsfuse's reader takes files up to 20 MiB.

    .venv/bin/python bench/input_size.py        # writes bench/results/input_size.json (about 10 minutes)
    .venv/bin/python bench/input_size.py --sizes 1000 1000000 --kinds clean_text
"""

from __future__ import annotations

import argparse
import html
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from functools import cache
from pathlib import Path
from typing import Any

from memory import PeakSampler

REPO = Path(__file__).resolve().parent.parent
ECBPLUS = REPO.parent / "shared" / "eval" / "ecbplus-dev"
RESULTS = REPO / "bench" / "results" / "input_size.json"
SIZES = (1_000, 10_000, 100_000, 1_000_000, 5_000_000, 19_900_000)
KINDS = ("trafilatura", "clean_html", "clean_text", "newsroom")
WARM_UP_BYTES = 100_000


@cache
def reports() -> list[str]:
    from newsfuse.evaluation.stories import load_ecbplus

    return [d.text for d in load_ecbplus(ECBPLUS)]


def prose(size: int) -> list[str]:
    """Paragraphs of real reports, about `size` characters in all."""
    paragraphs: list[str] = []
    total = 0
    while total < size:
        for paragraph in reports()[len(paragraphs) % len(reports())].split("\n\n"):
            paragraphs.append(paragraph)
            total += len(paragraph) + 2
    return paragraphs


def page(size: int) -> str:
    """An HTML page of `size` bytes (UTF-8) holding real prose."""
    head = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Reports</title></head><body><article><h1>Reports</h1>"
    )
    tail = "</article></body></html>"
    parts = [head]
    total = len(head.encode()) + len(tail)
    for paragraph in prose(size):
        piece = f"<p>{html.escape(paragraph)}</p>\n"
        if total + len(piece.encode()) > size:
            break
        parts.append(piece)
        total += len(piece.encode())
    return "".join(parts) + tail


def text(size: int) -> str:
    """Plain text of `size` bytes (UTF-8) holding the same prose."""
    out = "\n\n".join(prose(size)).encode()[:size]
    return out.decode("utf-8", errors="ignore")


def measure(kind: str, size: int) -> dict[str, Any]:
    """Run one kind on one input in this process (the child), after a warm-up run on a 100 KB input of
    the same shape: models loaded and lazy tables built (htmldate's date parser loads its languages
    on the first pages that need them, several seconds once per process), as in a running server."""
    from newsfuse.service import Newsfuse

    pipeline = Newsfuse() if kind != "trafilatura" else None
    run(kind, content_for(kind, WARM_UP_BYTES), pipeline)
    content = content_for(kind, size)
    sampler = PeakSampler()
    sampler.start()
    wall, cpu = time.perf_counter(), time.process_time()
    result = run(kind, content, pipeline)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    sampler.stop()
    return {
        "kind": kind,
        "input_bytes": len(content.encode()),
        "seconds": round(wall, 3),
        "cpu_seconds": round(cpu, 3),
        "peak_mb_over_input": round(sampler.peak - sampler.before, 1),
        **result,
    }


def content_for(kind: str, size: int) -> str:
    return page(size) if kind in ("trafilatura", "clean_html") else text(size)


def run(kind: str, content: str, pipeline: Any) -> dict[str, Any]:
    """One kind on one input."""
    from newsfuse.models import RawDocument
    from newsfuse.service import Newsroom, open_store

    info: dict[str, Any] = {}
    if kind == "trafilatura":
        import trafilatura

        extracted = trafilatura.extract(content, include_comments=False, include_tables=False)
        return {**info, "output_chars": len(extracted or "")}
    if kind in ("clean_html", "clean_text"):
        raw = RawDocument("input", content, "html" if kind == "clean_html" else "text")
        batch = pipeline.articles_from_documents([raw])
        return {**info, "output_chars": sum(len(a.text) for a in batch.articles), "failures": len(batch.failures)}
    folder = tempfile.mkdtemp(prefix="newsfuse-size-")
    newsroom = Newsroom(open_store(os.path.join(folder, "size.db")), pipeline)
    try:
        done = newsroom.ingest_documents([RawDocument("input.txt", content, "text")])
        placed = done.placements[0]
        article = newsroom.article(placed.article_id)
        return {
            **info,
            "output_chars": len(article.text) if article else 0,
            "briefed": newsroom.brief(placed.story_id) is not None,
            "notes": list(article.notes) if article else [],
            "failures": len(done.failures) + len(done.left_out),
        }
    finally:
        newsroom.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    parser.add_argument("--child", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child[0], int(args.child[1]))))
        return
    if not ECBPLUS.is_dir():
        sys.exit(f"input_size.py: {ECBPLUS} is absent (the ECB+ dev set beside the checkout)")
    rows = []
    for size in args.sizes:
        for kind in args.kinds:
            command = [sys.executable, __file__, "--child", kind, str(size)]
            done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=REPO)
            if done.returncode != 0:
                row = {"kind": kind, "input_bytes": size, "error": done.stderr.strip().splitlines()[-1:]}
            else:
                row = json.loads(done.stdout.strip().splitlines()[-1])
            rows.append(row)
            print(json.dumps(row), flush=True)
    result = {
        "command": "python bench/input_size.py " + " ".join(sys.argv[1:]),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
            "max_rss_children_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        },
        "rows": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
