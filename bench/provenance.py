"""Benchmark of the provenance stage on a 200-article story built from real news.

The story: 80 real documents from the ECB+ dev set (../shared/eval/ecbplus-dev), plus 120 derived
from them by mechanical edits whose parents are known: 50 trimmed copies (last third cut, new title),
50 rewrites (in every sentence a quarter of the content words dropped and a sixth replaced), and 20
bullet-point digests (four shortened lead sentences of one document, two of another).

Measured in one run, on one machine:
- `trace` on the whole story, and the part of it spent on MinHash blocking;
- the peer: `trace` with blocking switched off, every pair aligned (what blocking saves);
- the pipeline's clean stage on the same 200 texts (what provenance must not exceed by much);
- recall of the planted derivations (right parent and kind), and the blocking's recall of planted pairs.

Run: .venv/bin/python bench/provenance.py [--data ../shared/eval/ecbplus-dev] [--out bench/results/provenance.json]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from newsfuse.models import Article, RawDocument, article_id, join_paragraphs
from newsfuse.provenance import trace
from newsfuse.provenance.blocking import AllPairs, candidate_pairs
from newsfuse.provenance.digests import digest_form
from newsfuse.provenance.passages import passage_text
from newsfuse.service import Newsfuse

ORIGINALS = 80
COPIES = 50
REWRITES = 50
DIGESTS = 20
# Real documents shorter than this many sentences give copies and rewrites too short to tell apart.
MIN_SENTENCES = 6
REPEATS = 3
SEED = 7

_NO_SPACE_BEFORE = re.compile(r"^(?:[.,:;?!%)\]}”’]|'s|'re|'ve|'ll|'d|'m|n't|')", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_FUNCTION = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
    ]
)


@dataclass(frozen=True)
class Planted:
    child: str
    parents: tuple[str, ...]
    kind: str


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/eval/ecbplus-dev")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results/provenance.json")
    args = parser.parse_args()

    articles, planted = build_story(args.data)
    texts = {a.id: a.text for a in articles}
    print(f"story: {len(articles)} articles ({ORIGINALS} real, {len(planted)} derived)")

    trace_s, provenance = best_of(lambda: trace(articles))
    stems = [passage_text(a).stems for a in articles]
    digests = [digest_form(a) is not None for a in articles]
    blocking_s, pairs = best_of(lambda: candidate_pairs(stems, digests))
    unblocked_s, unblocked = best_of(lambda: trace(articles, AllPairs()), repeats=1)
    raws = [RawDocument(origin=f"bench-{n}.txt", content=raw_text(a), format="text") for n, a in enumerate(articles)]
    cleaner = Newsfuse()
    clean_s, _ = best_of(lambda: cleaner.articles_from_documents(raws))
    tracemalloc.start()
    trace(articles)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    index = {a.id: n for n, a in enumerate(articles)}
    pair_set = set(pairs)
    planted_pairs = [tuple(sorted((index[p.child], index[parent]))) for p in planted for parent in p.parents]
    found = {(d.article, d.parent, d.kind) for d in provenance.derivations}
    recall: dict[str, dict[str, int]] = defaultdict(lambda: {"planted": 0, "found": 0, "first_parent": 0})
    for item in planted:
        recall[item.kind]["planted"] += 1
        recall[item.kind]["first_parent"] += (item.child, item.parents[0], item.kind) in found
        if all((item.child, parent, item.kind) in found for parent in item.parents):
            recall[item.kind]["found"] += 1
    unblocked_found = {(d.article, d.parent, d.kind) for d in unblocked.derivations}
    real = {a.id for a in articles[:ORIGINALS]}
    real_derived = sorted({d.article for d in provenance.derivations if d.article in real and d.parent in real})
    total_pairs = len(articles) * (len(articles) - 1) // 2
    results: dict[str, Any] = {
        "machine": {"python": platform.python_version(), "processor": platform.processor() or platform.machine()},
        "story": {
            "articles": len(articles),
            "real": ORIGINALS,
            "copies": COPIES,
            "rewrites": REWRITES,
            "digests": DIGESTS,
        },
        "seconds": {
            "trace": round(trace_s, 3),
            "blocking": round(blocking_s, 4),
            "trace_without_blocking": round(unblocked_s, 3),
            "clean_stage_same_texts": round(clean_s, 3),
        },
        "ratios": {
            "trace_vs_clean_stage": round(trace_s / clean_s, 3),
            "trace_vs_trace_without_blocking": round(trace_s / unblocked_s, 3),
        },
        "pairs": {
            "all": total_pairs,
            "aligned_after_blocking": len(pairs),
            "planted_kept_by_blocking": f"{sum(p in pair_set for p in planted_pairs)}/{len(planted_pairs)}",
        },
        "recall_all_parents": {kind: f"{v['found']}/{v['planted']}" for kind, v in sorted(recall.items())},
        "recall_main_parent": {kind: f"{v['first_parent']}/{v['planted']}" for kind, v in sorted(recall.items())},
        "derivations_lost_to_blocking": len(unblocked_found - found),
        "derivations_only_with_blocking": len(found - unblocked_found),
        "real_documents_given_a_real_parent": len(real_derived),
        "independent_sources": provenance.independent_sources,
        "trace_peak_python_memory_mb": round(peak / 2**20, 1),
        "characters": sum(len(t) for t in texts.values()),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


def best_of(work: Callable[[], Any], repeats: int = REPEATS) -> tuple[float, Any]:
    times: list[float] = []
    result: Any = None
    for _ in range(repeats):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), result


def build_story(data: Path) -> tuple[list[Article], list[Planted]]:
    rng = random.Random(SEED)
    documents = [sentences for sentences in read_documents(data) if len(sentences) >= MIN_SENTENCES]
    originals = [make_article(sentences, f"real-{n}") for n, sentences in enumerate(documents[:ORIGINALS])]
    story = list(originals)
    planted: list[Planted] = []
    for n in range(COPIES):
        source = rng.randrange(ORIGINALS)
        kept = documents[source][: max(3, 2 * len(documents[source]) // 3)]
        story.append(make_article(kept, f"copy-{n}"))
        planted.append(Planted(story[-1].id, (originals[source].id,), "copy"))
    for n in range(REWRITES):
        source = rng.randrange(ORIGINALS)
        story.append(make_article([rewrite(s, rng) for s in documents[source]], f"rewrite-{n}"))
        planted.append(Planted(story[-1].id, (originals[source].id,), "rewrite"))
    for n in range(DIGESTS):
        first, second = rng.sample(range(ORIGINALS), 2)
        bullets = [shorten(s, rng) for s in documents[first][:4]] + [shorten(s, rng) for s in documents[second][:2]]
        story.append(make_article(bullets, f"digest-{n}", bullets=True))
        planted.append(Planted(story[-1].id, (originals[first].id, originals[second].id), "summary"))
    return story, planted


def read_documents(data: Path) -> list[list[str]]:
    """Each ECB+ document as its sentences, rebuilt from the token XML (URL line of *ecbplus files dropped)."""
    documents: list[list[str]] = []
    for path in sorted(data.glob("ECB+/*/*.xml")):
        sentences: dict[int, list[str]] = defaultdict(list)
        for token in ElementTree.parse(path).getroot().iter("token"):
            sentences[int(token.get("sentence", "0"))].append((token.text or "").strip())
        if path.name.endswith("ecbplus.xml"):
            sentences.pop(0, None)
        joined = [detokenize(tokens) for _, tokens in sorted(sentences.items())]
        documents.append([s for s in joined if len(s.split()) >= 4])
    return documents


def detokenize(tokens: list[str]) -> str:
    out = ""
    for token in tokens:
        if token:
            out += token if not out or _NO_SPACE_BEFORE.match(token) or out[-1] in "([{“$" else " " + token
    return out


def rewrite(sentence: str, rng: random.Random) -> str:
    """Drop a quarter of the content words and replace a sixth with other words: same facts, new wording."""
    words: list[str] = []
    for word in sentence.split():
        roll = rng.random()
        if word.lower() in _FUNCTION or not word[:1].isalpha() or word[:1].isupper():
            words.append(word)
        elif roll < 0.25:
            continue
        elif roll < 0.42:
            words.append("reportedly" if word.endswith("ly") else word[::-1].lower())
        else:
            words.append(word)
    return " ".join(words)


def shorten(sentence: str, rng: random.Random) -> str:
    words = sentence.split()
    return " ".join(w for w in words if w[:1].isupper() or w.lower() in _FUNCTION or rng.random() > 0.3)


def make_article(sentences: list[str], name: str, bullets: bool = False) -> Article:
    paragraphs = sentences if bullets else [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]
    text, spans = join_paragraphs(paragraphs, set(range(len(paragraphs))) if bullets else None)
    return Article(id=article_id(text, title=name), text=text, paragraphs=spans, title=name)


def raw_text(article: Article) -> str:
    lines = [("- " if p.is_list_item else "") + article.text[p.start : p.end] for p in article.paragraphs]
    return f"{article.title}\n\n" + "\n\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
