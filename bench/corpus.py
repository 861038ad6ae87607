"""A corpus-sized brief run, end to end, as a user runs it: `newsfuse brief DIR --format jsonl`.

Two real corpora of different character, written out as plain-text files (title, blank line, body):

- ECB+ dev: 772 documents in 66 stories (two events of one kind per topic), long reports;
- neus-val: 921 short articles in 307 stories (three outlets each, one busy news period).

Each is run with one worker and with two, as subprocesses of the installed command; the figures are
wall seconds, the peak resident memory of the whole process tree, and how long the slowest stories
took (from the `bench/brief.py` timer run in this process on the largest stories). The time budget of a
story's brief (`newsfuse.service.brief_budget`) is checked against those per-story times.

    .venv/bin/python bench/corpus.py [--only ecb|neus] [--workers 1,2]   # writes bench/results/corpus.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsfuse.evaluation import summaries
from newsfuse.evaluation.stories import load_ecbplus
from newsfuse.service import Newsfuse, brief_budget

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO.parent / "shared" / "eval"
RESULTS = REPO / "bench" / "results" / "corpus.json"
COMMAND = [str(Path(sys.executable).with_name("newsfuse"))]


def write_ecb(folder: Path) -> int:
    documents = load_ecbplus(EVAL / "ecbplus-dev")
    for document in documents:
        (folder / f"{Path(document.name).stem}.txt").write_text(document.text, encoding="utf-8")
    return len(documents)


def write_neus(folder: Path) -> int:
    count = 0
    for number, story in enumerate(summaries.load(EVAL / "neus-val"), start=1):
        for index, article in enumerate(story.articles):
            text = f"{article.title}\n\n{article.text}" if article.title else article.text
            (folder / f"{number:03d}_{index}.txt").write_text(text, encoding="utf-8")
            count += 1
    return count


def run(folder: Path, workers: int) -> dict[str, float | int]:
    """One `newsfuse brief` run; wall seconds and peak RSS of the process tree (children included)."""
    out = folder.parent / f"briefs-{workers}.jsonl"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(
        [*COMMAND, "brief", str(folder), "--format", "jsonl", "-o", str(out), "--workers", str(workers)],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    briefs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {
        "exit_code": done.returncode,
        "wall_s": round(wall, 1),
        "stories": len(briefs),
        "incomplete": sum(not b["complete"] for b in briefs),
        "skipped_inputs": sum(line.startswith("newsfuse: skipped") for line in done.stderr.splitlines()),
        # ru_maxrss of children is the largest single child (one worker or the parent), in KB.
        "largest_process_rss_mb": round(max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1e3),
    }


def story_times(folder: Path) -> dict[str, float]:
    """Per-story brief seconds in this process (models loaded), to set against the budget."""
    service = Newsfuse()
    groups = service.group(service.articles([str(folder)]).articles)
    service.brief_story("warm", groups[0][1])
    times, ratios = [], []
    for story_id, members in groups:
        start = time.perf_counter()
        service.brief_story(story_id, members)
        took = time.perf_counter() - start
        times.append(took)
        ratios.append(took / brief_budget(len(members)))
    times.sort()
    return {
        "stories": len(times),
        "median_s": round(statistics.median(times), 2),
        "p95_s": round(times[int(0.95 * (len(times) - 1))], 2),
        "max_s": round(times[-1], 2),
        "max_share_of_budget": round(max(ratios), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["ecb", "neus"])
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    args = parser.parse_args()
    if not EVAL.is_dir():
        sys.exit(f"{EVAL} is absent: this benchmark reads ECB+ dev and neus-val beside the checkout")
    corpora = {"ecbplus-dev": write_ecb, "neus-val": write_neus}
    if args.only:
        corpora = {k: v for k, v in corpora.items() if k.startswith(args.only)}
    results: dict[str, object] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_average_at_start": [round(x, 1) for x in os.getloadavg()],
        "method": "newsfuse brief DIR --format jsonl --workers N as a subprocess; wall seconds",
    }
    for name, write in corpora.items():
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / name
            folder.mkdir()
            documents = write(folder)
            row: dict[str, object] = {"documents": documents}
            for workers in (int(w) for w in args.workers.split(",")):
                row[f"workers_{workers}"] = run(folder, workers)
                print(name, workers, row[f"workers_{workers}"], flush=True)
            row["per_story_in_process"] = story_times(folder)
            results[name] = row
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
