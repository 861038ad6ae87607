"""How fast the command answers: `newsfuse --help` beside `trafilatura --help`, and a cold brief.

Each command runs as a fresh process, REPEATS times, one after another on this machine; the median
wall time counts (a shared machine adds noise), and the user+system CPU seconds of the median run
show the work. The cold brief reads the five seed articles and briefs them from nothing: imports,
model load and all.

    .venv/bin/python bench/cli.py            # writes bench/results/cli.json
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
RESULTS = REPO / "bench" / "results" / "cli.json"
BIN = Path(sys.executable).parent
REPEATS = 7


def timed(command: list[str]) -> dict[str, float]:
    walls, cpus = [], []
    for _ in range(REPEATS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return {"median_wall_s": round(statistics.median(walls), 3), "median_cpu_s": round(statistics.median(cpus), 3)}


def main() -> None:
    rows = {
        "newsfuse --help": timed([str(BIN / "newsfuse"), "--help"]),
        "trafilatura --help": timed([str(BIN / "trafilatura"), "--help"]),
        "newsfuse --version": timed([str(BIN / "newsfuse"), "--version"]),
    }
    if SEEDS.is_dir():
        rows["newsfuse brief (5 seed articles, cold)"] = timed([str(BIN / "newsfuse"), "brief", str(SEEDS)])
    help_ratio = rows["newsfuse --help"]["median_wall_s"] / rows["trafilatura --help"]["median_wall_s"]
    results = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_average_at_start": [round(x, 1) for x in os.getloadavg()],
        "method": f"each command a fresh process, median of {REPEATS} runs in a row",
        "commands": rows,
        "newsfuse_help_over_trafilatura_help": round(help_ratio, 2),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
