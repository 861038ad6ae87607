"""Passage alignment: which sentence of one article matches which sentence of another, and how closely.

Sentences are compared by the Dice overlap of their content stems. Two readings of the pair come out:
- the matches: each sentence paired with its best partner on the other side (kept when either side
  chose it and it clears `PASSAGE_MIN`), which is what the claims stage reuses;
- the in-order chain: the heaviest set of matches that keeps the same order in both texts. A copy,
  a rewrite or a translation follows its parent sentence by sentence, so the chain covers most of it;
  two independent reports of one event share facts in scattered places, so their chain is short.
"""

from __future__ import annotations

from collections import defaultdict

from newsfuse.models import Article
from newsfuse.models.provenance import Alignment, PassageMatch
from newsfuse.provenance.passages import Passage, PassageText, passage_text

# Lowest Dice overlap of content stems at which two sentences count as the same passage. Calibrated on
# the seeds and the sample corpus: a sentence and its rewrite or machine translation score 0.3-0.9,
# while sentences of independent reports of one event that merely share its names mostly stay below
# 0.3 (some facts are reported in near-identical words by everyone and do match, which the in-order
# chain then has to tell apart).
PASSAGE_MIN = 0.3


def align_passages(a: Article, b: Article) -> list[PassageMatch]:
    """Every sentence of `a` matched with its counterpart in `b`, with spans into both texts, in `a`'s order."""
    return list(align(passage_text(a), passage_text(b)).matches)


def align(a: PassageText, b: PassageText) -> Alignment:
    """Align two prepared articles: sentence matches, what share of each they cover, and in what order."""
    scores = _scores(a.passages, b.passages)
    best = _best_pairs(scores)
    chain = _in_order_chain(scores, a, b)
    kept = sorted(set(best) | set(chain))
    matches = tuple(
        PassageMatch(a.span(a.passages[i]), b.span(b.passages[j]), round(scores[(i, j)], 4)) for i, j in kept
    )
    chain_weight = sum(a.passages[i].length for i, _ in chain)
    coverage_a = _share(a, {i for i, _ in kept})
    sequential_a = _share(a, {i for i, _ in chain})
    return Alignment(
        a=a.article.id,
        b=b.article.id,
        matches=matches,
        chain=tuple(kept.index(pair) for pair in chain),
        coverage_a=coverage_a,
        coverage_b=_share(b, {j for _, j in kept}),
        sequential_a=sequential_a,
        sequential_b=_share(b, {j for _, j in chain}),
        density_a=_density(a, [i for i, _ in chain]),
        density_b=_density(b, [j for _, j in chain]),
        similarity=(
            sum(a.passages[i].length * scores[(i, j)] for i, j in chain) / chain_weight if chain_weight else 0.0
        ),
    )


def dice(x: frozenset[str], y: frozenset[str]) -> float:
    if not x or not y:
        return 0.0
    return 2 * len(x & y) / (len(x) + len(y))


def _scores(left: tuple[Passage, ...], right: tuple[Passage, ...]) -> dict[tuple[int, int], float]:
    """Dice of every sentence pair at or above `PASSAGE_MIN`, found through an index of the right side's
    stems, so that pairs sharing nothing cost nothing."""
    index: dict[str, list[int]] = defaultdict(list)
    for passage in right:
        for stem in passage.stems:
            index[stem].append(passage.index)
    scores: dict[tuple[int, int], float] = {}
    for passage in left:
        shared: dict[int, int] = defaultdict(int)
        for stem in passage.stems:
            for j in index.get(stem, ()):
                shared[j] += 1
        for j, count in shared.items():
            score = 2 * count / (len(passage.stems) + len(right[j].stems))
            if score >= PASSAGE_MIN:
                scores[(passage.index, j)] = score
    return scores


def _best_pairs(scores: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    best_left: dict[int, tuple[float, int]] = {}
    best_right: dict[int, tuple[float, int]] = {}
    for (i, j), score in scores.items():
        if score > best_left.get(i, (0.0, -1))[0]:
            best_left[i] = (score, j)
        if score > best_right.get(j, (0.0, -1))[0]:
            best_right[j] = (score, i)
    return sorted({(i, j) for i, (_, j) in best_left.items()} | {(i, j) for j, (_, i) in best_right.items()})


def _in_order_chain(scores: dict[tuple[int, int], float], a: PassageText, b: PassageText) -> list[tuple[int, int]]:
    """The heaviest chain of matches increasing in both texts (weight: matched words times similarity).

    A dynamic programme over the sparse matches, sorted by position in `a`; a Fenwick tree over positions
    in `b` gives the best chain ending before each match in O(log n).
    """
    size = len(b.passages) + 1
    tree: list[tuple[float, int]] = [(0.0, -1)] * (size + 1)
    pairs = sorted(scores)
    best: list[tuple[float, int]] = []
    position = 0
    while position < len(pairs):
        # All matches of one sentence of `a` are scored before any of them enters the tree, so a chain
        # never uses one sentence twice.
        group_end = position
        while group_end < len(pairs) and pairs[group_end][0] == pairs[position][0]:
            group_end += 1
        for k in range(position, group_end):
            i, j = pairs[k]
            before = _prefix_max(tree, j)  # chains ending at b-positions < j
            weight = a.passages[i].length * scores[(i, j)]
            best.append((before[0] + weight, before[1]))
        for k in range(position, group_end):
            _update(tree, pairs[k][1] + 1, (best[k][0], k))
        position = group_end
    if not best:
        return []
    k = max(range(len(best)), key=lambda n: best[n][0])
    chain: list[tuple[int, int]] = []
    while k >= 0:
        chain.append(pairs[k])
        k = best[k][1]
    return chain[::-1]


def _prefix_max(tree: list[tuple[float, int]], index: int) -> tuple[float, int]:
    found = (0.0, -1)
    while index > 0:
        if tree[index][0] > found[0]:
            found = tree[index]
        index -= index & -index
    return found


def _update(tree: list[tuple[float, int]], index: int, value: tuple[float, int]) -> None:
    while index < len(tree):
        if value[0] > tree[index][0]:
            tree[index] = value
        index += index & -index


def _share(text: PassageText, covered: set[int]) -> float:
    if not text.length:
        return 0.0
    return sum(p.length for p in text.passages if p.index in covered) / text.length


def _density(text: PassageText, indices: list[int]) -> float:
    """Share of the stretch between the first and last chained sentence that the chain covers."""
    if not indices:
        return 0.0
    stretch = text.passages[min(indices) : max(indices) + 1]
    total = sum(p.length for p in stretch)
    return sum(text.passages[i].length for i in set(indices)) / total if total else 0.0
