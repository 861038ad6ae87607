"""How long one 20-article story takes to brief, models loaded: provenance, extraction, claims, composer.

The stories are real: the largest ECB+ dev sub-topics (documents of one event, rebuilt from their
tokens and cleaned as plain text), cut to 20 articles, plus the seeds and the sample corpus's stories
at their own sizes. Each story is briefed once to warm up, then timed REPEATS times; the fastest
run counts, since the machine may be shared. Stage times come from the same runs.

    .venv/bin/python bench/brief.py          # writes bench/results/brief.json
"""

from __future__ import annotations

import json
import platform
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

from newsfuse.evaluation.stories import load_ecbplus
from newsfuse.models import Article, RawDocument
from newsfuse.provenance import trace
from newsfuse.service import Newsfuse

REPO = Path(__file__).resolve().parent.parent
ECB = REPO.parent / "shared" / "eval" / "ecbplus-dev"
SEEDS = REPO.parent / "shared" / "seeds"
RESULTS = REPO / "bench" / "results" / "brief.json"
STORY_SIZE = 20
ECB_STORIES = 3
REPEATS = 3


def ecb_stories(service: Newsfuse) -> dict[str, list[Article]]:
    by_label: dict[str, list[RawDocument]] = defaultdict(list)
    for document in load_ecbplus(ECB):
        by_label[document.label].append(RawDocument(origin=document.name, content=document.text, format="text"))
    largest = sorted(by_label.items(), key=lambda item: -len(item[1]))[:ECB_STORIES]
    return {
        f"ecb+ {label}": list(service.articles_from_documents(raws[:STORY_SIZE]).articles) for label, raws in largest
    }


def timed(service: Newsfuse, articles: list[Article]) -> dict[str, float]:
    """Fastest whole brief (wall and CPU seconds), and the provenance stage alone, for scale.

    CPU seconds are this process's own: on a shared machine they show the work, wall seconds the wait.
    """
    whole, cpu, provenance = [], [], []
    for _ in range(REPEATS):
        start, start_cpu = time.perf_counter(), time.process_time()
        service.brief_story("bench", articles)
        whole.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        start = time.perf_counter()
        trace(articles)
        provenance.append(time.perf_counter() - start)
    return {
        "brief_wall_s": round(min(whole), 3),
        "brief_cpu_s": round(min(cpu), 3),
        "provenance_wall_s": round(min(provenance), 3),
    }


def main() -> None:
    if not ECB.is_dir():
        sys.exit(f"{ECB} is absent: this benchmark reads ECB+ dev documents beside the checkout")
    service = Newsfuse()
    stories = ecb_stories(service)
    if SEEDS.is_dir():
        stories["seeds"] = list(service.articles([str(SEEDS)]).articles)
    for story_id, members in service.group(service.articles([str(REPO / "examples" / "corpus")]).articles):
        stories[f"sample {story_id}"] = members
    for members in stories.values():
        service.brief_story("warm", members)  # load models, compile patterns
    rows = {name: {"articles": len(members), **timed(service, members)} for name, members in stories.items()}
    results = {
        "machine": f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}",
        "method": f"Newsfuse.brief_story, models loaded, fastest of {REPEATS} (wall and process CPU seconds)",
        "stories": rows,
        "process_max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3, 1),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
