"""The whole stories pipeline (read JSON Lines, clean, cluster) on the local engine and on Spark
`local[2]`, at 10k, 100k and 1M articles: wall time, CPU time and peak memory of the process tree.

The corpus is generated from real text as in bench/stories.py (ECB+ dev and the sample corpus,
renamed into new editions of each event, dated over ten years), written once as JSON Lines shards
of 10k articles under --data (default /tmp/newsfuse-bench), one folder per size, with the truth
beside them. Each article carries a URL on one of 40 made-up outlets' hosts, so cleaning groups
are per outlet as they would be for real feeds.

Each (size, engine) runs in a fresh process. Peak memory is the highest sum of resident set sizes
of that process and all its descendants (Spark's JVM and its Python workers), sampled every 0.5 s.
The local engine keeps every article in one process: it is run up to LOCAL_MAX articles. Spark
writes Parquet tables (articles with their story, stories, failures), the way a large run is used;
the local engine returns its stories in memory, so Spark's figures include writing its output.

    .venv/bin/python bench/engines.py                          # writes bench/results/engines.json
    .venv/bin/python bench/engines.py --sizes 10000 --engines local spark
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results" / "engines.json"
SIZES = (10_000, 100_000, 1_000_000)
# The local engine holds every article in one process; at 1M that is about 2.5 hours of one core
# here (the per-article rates at 10k and 100k say so), so it stops at 100k.
LOCAL_MAX = 100_000
SHARD_ARTICLES = 10_000
OUTLETS = 40
SPARK_MASTER = "local[2]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--engines", nargs="*", default=["local", "spark"])
    parser.add_argument("--data", type=Path, default=Path("/tmp/newsfuse-bench"))
    parser.add_argument("--one", nargs=2, metavar=("SIZE", "ENGINE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        size, engine = int(args.one[0]), args.one[1]
        print(json.dumps(_run(args.data / str(size), engine)), flush=True)
        return
    previous = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    runs: list[dict[str, Any]] = [
        r for r in previous.get("runs", []) if (r["size"], r["engine"]) not in _asked(args.sizes, args.engines)
    ]
    for size in args.sizes:
        _generate(args.data / str(size), size)
        for engine in args.engines:
            if engine == "local" and size > LOCAL_MAX:
                continue
            result = _measured(args.data, size, engine)
            print(json.dumps(result), flush=True)
            runs.append(result)
    runs.sort(key=lambda r: (r["size"], r["engine"]))
    report = {
        "machine": f"{platform.processor() or platform.machine()}, {multiprocessing.cpu_count()} cores (shared)",
        "python": platform.python_version(),
        "spark_master": SPARK_MASTER,
        "pipeline": "read JSON Lines shards, clean, cluster into stories (term channels, no embedder)",
        "runs": runs,
    }
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")


def _asked(sizes: list[int], engines: list[str]) -> set[tuple[int, str]]:
    return {(s, e) for s in sizes for e in engines}


def _measured(data: Path, size: int, engine: str) -> dict[str, Any]:
    """Run one (size, engine) in a child process, sampling its process tree's memory."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, __file__, "--data", str(data), "--one", str(size), engine],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.5):
            peak = max(peak, _tree_rss_mb(child.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = child.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - started
    lines = [line for line in output.splitlines() if line.startswith("{")]
    if child.returncode or not lines:
        return {"size": size, "engine": engine, "error": f"exit {child.returncode}", "wall_s": round(wall, 1)}
    result: dict[str, Any] = json.loads(lines[-1])
    result.update(
        size=size,
        engine=engine,
        process_wall_s=round(wall, 1),
        peak_tree_mb=round(peak),
        articles_per_s=round(size / result["pipeline_s"], 1),
    )
    return result


def _run(folder: Path, engine: str) -> dict[str, Any]:
    """In the child: run the pipeline over the folder's shards and score it against the truth."""
    truth = dict(line.split("\t") for line in (folder / "truth.tsv").read_text().splitlines())
    shards = str(folder / "shards")
    cpu = time.process_time()
    started = time.perf_counter()
    if engine == "local":
        from newsfuse.service import Newsfuse

        batch = Newsfuse().stories([shards])
        elapsed = time.perf_counter() - started
        urls = {a.id: a.url or "" for a in batch.articles}
        labels = {urls[a]: s.id for s in batch.stories for a in s.article_ids}
        failures = len(batch.failures)
    else:
        from newsfuse.engine.spark import SparkEngine, SparkSettings

        spark = SparkEngine(SparkSettings(master=SPARK_MASTER, driver_memory="6g"))
        spark.session()
        session_s = time.perf_counter() - started
        run = spark.write([shards], folder / "out")
        elapsed = time.perf_counter() - started
        rows = spark.session().read.parquet(str(folder / "out" / "articles")).select("url", "story_id").collect()
        labels = {row.url: row.story_id for row in rows}
        failures = run.failures
        phases = {name: round(seconds, 1) for name, seconds in spark.timings.items()}
        spark.close()
    from newsfuse.evaluation.stories import bcubed

    urls = sorted(labels)
    score = bcubed([labels[u] for u in urls], [truth[u] for u in urls])
    result: dict[str, Any] = {
        "pipeline_s": round(elapsed, 1),
        "driver_cpu_s": round(time.process_time() - cpu, 1),
        "articles": len(labels),
        "stories": len(set(labels.values())),
        "failures": failures,
        "bcubed_f1": round(100 * score.f1, 2),
    }
    if engine == "spark":
        result["session_start_s"] = round(session_s, 1)
        result["phases"] = phases
    return result


def _generate(folder: Path, size: int) -> None:
    """Write the corpus of this size as JSON Lines shards (once; kept for later runs)."""
    if (folder / "truth.tsv").exists():
        return
    sys.path.insert(0, str(REPO / "bench"))
    from stories import generate  # the generator of bench/stories.py: same corpus, same seed

    articles, truth = generate(size)
    shards = folder / "shards"
    shards.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []
    for number, article in enumerate(articles):
        outlet = number % OUTLETS
        url = f"https://outlet{outlet}.example/{number}"
        record = {
            "url": url,
            "source": f"Outlet {outlet}",
            "title": article.title,
            "published": article.published.isoformat() if article.published else None,
            "text": article.text,
        }
        lines.append(json.dumps(record, ensure_ascii=False))
        if len(lines) == SHARD_ARTICLES or number == len(articles) - 1:
            (shards / f"{number // SHARD_ARTICLES:04d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
            lines = []
    truth_lines = (f"https://outlet{n % OUTLETS}.example/{n}\t{label}" for n, label in enumerate(truth))
    (folder / "truth.tsv").write_text("\n".join(truth_lines) + "\n", encoding="utf-8")


def _tree_rss_mb(root: int) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            fields = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    total, stack = 0.0, [root]
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, []))
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            continue
    return total


if __name__ == "__main__":
    main()
