"""Average linkage over a sparse graph: merges by average, honours vetoes, uses exact averages when asked."""

from __future__ import annotations

from newsfuse.stories.linkage import Edge, average_linkage


def _groups(roots: list[int]) -> set[frozenset[int]]:
    found: dict[int, set[int]] = {}
    for node, root in enumerate(roots):
        found.setdefault(root, set()).add(node)
    return {frozenset(g) for g in found.values()}


def _never(a: int, b: int) -> None:
    return None


def test_two_tight_pairs_stay_apart_when_the_bridge_is_weak() -> None:
    edges = [Edge(0, 1, 0.9), Edge(2, 3, 0.9), Edge(1, 2, 0.5)]
    roots = average_linkage([1, 1, 1, 1], edges, 0.6, lambda a, b: True, _never)
    # After the pairs form, the bridge averages 0.5 / 4 over the four cross pairs.
    assert _groups(roots) == {frozenset({0, 1}), frozenset({2, 3})}


def test_a_vetoed_merge_never_happens() -> None:
    roots = average_linkage([1, 1], [Edge(0, 1, 0.9)], 0.6, lambda a, b: False, _never)
    assert _groups(roots) == {frozenset({0}), frozenset({1})}


def test_node_sizes_weigh_the_average() -> None:
    # Node 0 stands for 3 articles; a summed score of 1.5 over its 3 pairs with node 1 averages 0.5.
    roots = average_linkage([3, 1], [Edge(0, 1, 1.5)], 0.6, lambda a, b: True, _never)
    assert len(_groups(roots)) == 2
    roots = average_linkage([3, 1], [Edge(0, 1, 2.1)], 0.6, lambda a, b: True, _never)
    assert len(_groups(roots)) == 1


def test_an_exact_average_decides_when_pairs_were_not_all_scored() -> None:
    edges = [Edge(0, 1, 0.9), Edge(1, 2, 0.8)]
    low = average_linkage([1, 1, 1], edges, 0.6, lambda a, b: True, _never, exact=lambda a, b: 0.2)
    assert _groups(low) == {frozenset({0, 1}), frozenset({2})}
    high = average_linkage([1, 1, 1], edges, 0.6, lambda a, b: True, _never, exact=lambda a, b: 0.7)
    assert _groups(high) == {frozenset({0, 1, 2})}
