"""Average-linkage agglomerative clustering over a sparse graph of scored pairs.

Two groups merge while the average score over all pairs between them is at least the threshold, best
pair first, and while their time windows are compatible. Only scored pairs are stored, so memory and
time grow with the number of edges, not with the square of the number of articles: a pair of groups
is queued by the mean of its scored pairs, and before it merges the caller's `exact` callback may
score the pairs the candidate index never compared (those mostly score low, and would otherwise
either count as 0 or be ignored); the pair then goes back in the queue at its true average, so
merges happen in the order of true averages, as in textbook average linkage.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# A merge is kept when its average is at least the threshold minus this: it absorbs float rounding.
_EPSILON = 1e-9


@dataclass(frozen=True, slots=True)
class Edge:
    a: int
    b: int
    score: float


def average_linkage(
    sizes: Sequence[int],
    edges: Sequence[Edge],
    threshold: float,
    compatible: Callable[[int, int], bool],
    merged: Callable[[int, int], None],
    exact: Callable[[int, int], float] | None = None,
) -> list[int]:
    """Cluster nodes 0..n-1 (node i stands for `sizes[i]` articles); returns each node's cluster root.

    `edges` hold summed scores between nodes (a node of several articles sums over its pairs).
    `compatible(a, b)` may veto a merge of the groups rooted at a and b; `merged(keep, gone)` is told
    of each merge so the caller can combine what it tracks per group (time windows); `exact(a, b)`,
    called when not every pair between the two groups was scored, gives their true average.
    """
    size = list(sizes)
    parent = list(range(len(size)))
    # links[a][b] = [summed score, number of article pairs scored] between groups a and b
    links: list[dict[int, list[float]]] = [{} for _ in size]
    for edge in edges:
        if edge.a == edge.b:
            continue
        pairs = size[edge.a] * size[edge.b]
        for x, y in ((edge.a, edge.b), (edge.b, edge.a)):
            start = links[x].setdefault(y, [0.0, 0.0])
            start[0] += edge.score
            start[1] += pairs
    heap: list[tuple[float, int, int]] = []
    for a, neighbours in enumerate(links):
        for b, (total, count) in neighbours.items():
            if a < b and total / count >= threshold - _EPSILON:
                heap.append((-total / count, a, b))
    heapq.heapify(heap)
    alive = [True] * len(size)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]):
            continue
        found = links[a].get(b)
        if found is None or abs(found[0] / found[1] + negative) > _EPSILON:
            continue  # a stale entry: one side has merged since
        link = found
        pairs = size[a] * size[b]
        if link[1] < pairs and exact is not None:
            # Score the unscored pairs, and queue the pair again by its true average: merging it now
            # would pass over other pairs whose true averages are higher (their order matters).
            average = exact(a, b)
            link[0], link[1] = average * pairs, pairs
            links[b][a] = links[a][b] = link
            if average >= threshold - _EPSILON:
                heapq.heappush(heap, (-average, a, b))
            continue
        if link[0] / pairs < threshold - _EPSILON and exact is None:
            continue
        if not compatible(a, b):
            continue
        keep, gone = (a, b) if len(links[a]) >= len(links[b]) else (b, a)
        alive[gone] = False
        parent[gone] = keep
        size[keep] += size[gone]
        merged(keep, gone)
        links[keep].pop(gone, None)
        for other, (total, count) in links[gone].items():
            if other == keep:
                continue
            combined = links[keep].setdefault(other, [0.0, 0.0])
            combined[0] += total
            combined[1] += count
            links[other][keep] = combined
            links[other].pop(gone, None)
        links[gone] = {}
        for other, (total, count) in links[keep].items():
            if total / count >= threshold - _EPSILON:
                heapq.heappush(heap, (-total / count, min(keep, other), max(keep, other)))
    return [_root(parent, node) for node in range(len(size))]


def _root(parent: list[int], node: int) -> int:
    while parent[node] != node:
        parent[node] = parent[parent[node]]
        node = parent[node]
    return node
