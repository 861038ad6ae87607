"""MinHash blocking on real news: it keeps every copy pair and drops most pairs about different events."""

from __future__ import annotations

from itertools import combinations

from newsfuse.provenance.blocking import candidate_pairs
from newsfuse.provenance.passages import passage_text
from tests.conftest import EVAL, need
from tests.provenance.ecbplus import read_topics

# Share of pairs of documents about different ECB+ topics that may still reach alignment. Measured on
# the first eight topics: about 1%.
CROSS_TOPIC_KEPT_MAX = 0.05


def test_blocking_keeps_trimmed_copies_and_drops_other_events() -> None:
    stories = read_topics(need(EVAL / "ecbplus-dev"))
    labels = sorted(stories)[:16]
    documents = [(label, passage_text(article)) for label in labels for article in stories[label][:6]]
    stems = [text.stems for _, text in documents]
    # A trimmed copy keeps the first two thirds of its source's sentences.
    copies: list[tuple[int, frozenset[str]]] = []
    for index, (_, text) in enumerate(documents):
        kept = text.passages[: max(2, 2 * len(text.passages) // 3)]
        copies.append((index, frozenset().union(*(p.stems for p in kept))))
    pairs = set(candidate_pairs(stems + [copy for _, copy in copies]))
    for offset, (source, _) in enumerate(copies):
        assert (source, len(documents) + offset) in pairs
    topic = [label.split("_")[0] for label, _ in documents]
    cross = [(i, j) for i, j in combinations(range(len(documents)), 2) if topic[i] != topic[j]]
    kept = sum((i, j) in pairs for i, j in cross)
    assert kept / len(cross) <= CROSS_TOPIC_KEPT_MAX
