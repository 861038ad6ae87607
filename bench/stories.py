"""Throughput and peak memory of the stories stage at 1k, 10k and 100k articles, batch and incremental,
against a TF-IDF + average-linkage baseline measured in the same run.

The corpus is generated at run time from real text and never stored: the 766 ECB+ dev documents that
clean (../shared/eval/ecbplus-dev, 66 events) and the sample corpus (3 events) are cleaned once; then
each "edition" e of an event is a new event of the same kind made by renaming: every name of the
event (capitalised words seen mid-sentence) is replaced, consistently across its articles, by a
generated one, its years are shifted, and its articles get publication dates around a date drawn for
that edition (over ten years). An edition carries 70% of the event's articles, each keeping its first
paragraph and 75% of the others. Same-kind editions are still much closer than real same-kind events
(they share whole sentences), so the quality figure here is a harsh sanity check, not a benchmark.
Editions are interleaved in the stream, as the world's events are. Truth is known (event, edition),
so each run also reports BCubed F1.

Each (size, method) runs in a fresh process: peak memory is the highest resident set size seen
(sampled every 20 ms) while clustering, minus the resident size before it (the corpus itself).
CPU seconds of the process are reported beside wall seconds (the machine is shared).

    .venv/bin/python bench/stories.py                 # writes bench/results/stories.json
    .venv/bin/python bench/stories.py --sizes 1000    # a quick look
    .venv/bin/python bench/stories.py --sizes 10000 --methods incremental --distinct-names

Pseudo names are drawn from 4,352 (2-3 of 16 syllables), so by default they recur across editions:
at 10k articles each is given to about 24 editions, at 100k to about 240, and names then tell
editions apart less the bigger the corpus. `--distinct-names` gives every edition names of its own.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import platform
import random
import re
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from memory import PeakSampler, rss_mb

from newsfuse.evaluation.stories import PEER_SIMILARITY

REPO = Path(__file__).resolve().parent.parent
ECB = REPO.parent / "shared" / "eval" / "ecbplus-dev"
CORPUS = REPO / "examples" / "corpus"
RESULTS = REPO / "bench" / "results" / "stories.json"

SIZES = (1_000, 10_000, 100_000)
# The baseline builds a dense n x n distance matrix: 10k articles take 0.8 GB and about a minute;
# 100k would take 80 GB, so it stops at 10k.
BASELINE_MAX = 10_000
# Editions of one event are spread over this many days of publication dates (ten years): at 100k
# articles an event kind recurs about 130 times, as a kind of news does over a decade.
SPAN_DAYS = 10 * 365
# An edition carries this share of the event's articles, and each keeps this share of its later
# paragraphs: editions of one kind then differ in coverage as well as in names and dates.
KEEP_ARTICLES = 0.7
KEEP_PARAGRAPHS = 0.75
# Articles of one edition are published within this many days of its date (a story's coverage).
COVERAGE_DAYS = 4
# The baseline's cosine-similarity threshold: the evaluation's peer's (its best on ECB+ dev, 0.15).
BASELINE_SIMILARITY = PEER_SIMILARITY
_SYLLABLES = ("ka", "lo", "mer", "vis", "tan", "dor", "el", "ri", "sa", "bel", "gor", "un", "pa", "tes", "vin", "ar")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--methods", nargs="*", default=["incremental", "batch", "baseline"])
    parser.add_argument(
        "--centring-weight", type=float, default=None, help="the batch's centring weight (0: off; default: Scoring's)"
    )
    parser.add_argument(
        "--distinct-names",
        action="store_true",
        help="give every edition names no other edition uses (by default pseudo names are drawn from 4,352"
        " and recur: each in about 24 editions at 10k articles, 240 at 100k)",
    )
    parser.add_argument(
        "--name-specificity", type=float, default=None, help="the name channels' specificity power (0: off)"
    )
    parser.add_argument(
        "--name-gate", type=float, default=None, help="the body cosine at which shared names count in full (0: off)"
    )
    parser.add_argument(
        "--weekday-conflict",
        type=float,
        default=None,
        help="the share of its raw score a pair keeps when its leads name different weekdays, and again when its"
        " titles name different months (1: off)",
    )
    args = parser.parse_args()
    chosen = (
        ("centring_weight", args.centring_weight),
        ("name_specificity", args.name_specificity),
        ("name_gate", args.name_gate),
        ("weekday_conflict", args.weekday_conflict),
    )
    overrides = {field: value for field, value in chosen if value is not None}
    if not ECB.is_dir():
        sys.exit(f"{ECB} is absent: this benchmark reads ECB+ dev beside the checkout")
    runs: list[dict[str, Any]] = []
    for size in args.sizes:
        methods = [m for m in args.methods if m != "baseline" or size <= BASELINE_MAX]
        for method in methods:
            result = _in_fresh_process(size, method, overrides, args.distinct_names)
            print(json.dumps(result), flush=True)
            runs.append(result)
    report = {
        "machine": f"{platform.processor() or platform.machine()}, {multiprocessing.cpu_count()} cores (shared)",
        "python": platform.python_version(),
        "embedder": "none (term channels only; the default)",
        "baseline": f"scikit-learn TF-IDF (sublinear, stop words) + average linkage at cosine {BASELINE_SIMILARITY}",
        "baseline_stops_at": BASELINE_MAX,
        "runs": runs,
    }
    if args.sizes == list(SIZES) and len(args.methods) == 3 and not overrides and not args.distinct_names:
        RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {RESULTS}")


def _in_fresh_process(
    size: int, method: str, overrides: dict[str, float], distinct_names: bool = False
) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    queue: Any = context.Queue()
    process = context.Process(target=_run, args=(size, method, overrides, distinct_names, queue))
    process.start()
    result: dict[str, Any] = queue.get()
    process.join()
    return result


def _run(size: int, method: str, overrides: dict[str, float], distinct_names: bool, queue: Any) -> None:
    articles, truth = generate(size, distinct_names=distinct_names)
    before = rss_mb()
    peak = PeakSampler()
    peak.start()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    labels = _cluster(method, articles, overrides)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    peak.stop()
    from newsfuse.evaluation.stories import bcubed

    score = bcubed(labels, truth)
    queue.put(
        {
            "articles": size,
            "method": method,
            "wall_s": round(wall, 1),
            "cpu_s": round(cpu, 1),
            "articles_per_s": round(size / wall, 1),
            "peak_mb_over_corpus": round(peak.peak - before, 1),
            "peak_rss_mb": round(peak.peak, 1),
            "stories": len(set(labels)),
            "true_stories": len(set(truth)),
            "bcubed_precision": round(100 * score.precision, 2),
            "bcubed_recall": round(100 * score.recall, 2),
            "bcubed_f1": round(100 * score.f1, 2),
        }
    )


def _cluster(method: str, articles: list[Any], overrides: dict[str, float] | None = None) -> list[str]:
    """Each article's story label; `overrides` replace Scoring's defaults by field name."""
    if method == "baseline":
        return _baseline(articles)
    from newsfuse.stories import Scoring, StoryTracker, cluster_batch

    scoring = replace(Scoring(), **(overrides or {}))
    if method == "batch":
        stories = cluster_batch(articles, scoring)
    else:
        tracker = StoryTracker(scoring)
        for article in articles:
            tracker.add(article)
        stories = tracker.stories()
    story_of = {a: s.id for s in stories for a in s.article_ids}
    return [story_of[a.id] for a in articles]


def _baseline(articles: list[Any]) -> list[str]:
    from newsfuse.evaluation.stories import tfidf_average_linkage

    return [str(label) for label in tfidf_average_linkage(articles, BASELINE_SIMILARITY)]


def generate(size: int, seed: int = 7, distinct_names: bool = False) -> tuple[list[Any], list[str]]:
    """`size` articles made from the real events by renaming, with their true story labels.
    With `distinct_names`, no pseudo name is given to two editions."""
    events = _real_events()
    rng = random.Random(seed)
    out: list[Any] = []
    truth: list[str] = []
    edition = 0
    used: set[str] = set()
    while len(out) < size:
        for label, members in events:
            if len(out) >= size:
                break
            taken = _edition(members, rng, edition, used if distinct_names else None)[: size - len(out)]
            out.extend(taken)
            truth.extend([f"{label}/{edition}"] * len(taken))
        edition += 1
    # Interleave: events arrive mixed, each edition's articles in publication order.
    order = sorted(range(len(out)), key=lambda i: (out[i].published, i))
    return [out[i] for i in order], [truth[i] for i in order]


# The names of each real event, found once: every edition of the event renames the same names.
_NAMES: dict[str, list[str]] = {}


def _edition(members: list[Any], rng: random.Random, edition: int, used: set[str] | None = None) -> list[Any]:
    from newsfuse.models import join_paragraphs
    from newsfuse.stories.terms import Channel, article_terms

    if edition == 0:
        renamed: dict[str, str] = {}
    else:
        key = members[0].id  # an event's members are the same real articles in every edition
        if key not in _NAMES:
            _NAMES[key] = sorted({n for a in members for n in article_terms(a).of(Channel.NAMES)})
        names = _NAMES[key]
        renamed = {n: _pseudo_name(rng, used) for n in names if len(n) > 2}
    pattern = (
        re.compile(r"\b(" + "|".join(map(re.escape, sorted(renamed, key=len, reverse=True))) + r")\b", re.I)
        if renamed
        else None
    )
    shift = rng.randint(-12, 12)
    day = date(2015, 1, 1) + timedelta(days=rng.randrange(SPAN_DAYS))

    def rewrite(text: str) -> str:
        if pattern is not None:
            text = pattern.sub(lambda m: renamed[m.group(0).lower()], text)
        return re.sub(r"\b(19|20)(\d\d)\b", lambda m: str(int(m.group(0)) + shift), text) if shift else text

    made = []
    chosen = members if edition == 0 else rng.sample(members, max(2, round(KEEP_ARTICLES * len(members))))
    for number, article in enumerate(chosen):
        paragraphs = [rewrite(p) for p in article.paragraph_texts()]
        if edition and len(paragraphs) > 2:
            paragraphs = paragraphs[:1] + [p for p in paragraphs[1:] if rng.random() < KEEP_PARAGRAPHS]
        text, spans = join_paragraphs(paragraphs)
        made.append(
            replace(
                article,
                id=f"{article.id}-{edition}-{number}",
                title=rewrite(article.title) if article.title else None,
                text=text,
                paragraphs=spans,
                published=day + timedelta(days=rng.randrange(COVERAGE_DAYS)),
            )
        )
    return made


def _pseudo_name(rng: random.Random, used: set[str] | None = None) -> str:
    """A made-up name of 2-3 syllables; given the names `used` so far, one not among them (longer
    when the short ones run out), which it adds."""
    name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    while used is not None and name in used:
        name += rng.choice(_SYLLABLES)
    if used is not None:
        used.add(name)
    return name


def _real_events() -> list[tuple[str, list[Any]]]:
    from newsfuse.clean import Cleaner
    from newsfuse.evaluation.stories import load_ecbplus
    from newsfuse.models import Article, RawDocument
    from newsfuse.service import Newsfuse

    documents = load_ecbplus(ECB)
    raws = [RawDocument(origin=d.name, content=d.text, format="text", path=d.name) for d in documents]
    events: dict[str, list[Any]] = {}
    for document, result in zip(documents, Cleaner().clean_batch(raws), strict=True):
        if isinstance(result, Article):
            events.setdefault(document.label, []).append(result)
    for article in Newsfuse().articles([str(CORPUS)]).articles:
        events.setdefault("sample/" + Path(article.path or "").parent.name, []).append(article)
    return sorted(events.items())


if __name__ == "__main__":
    main()
