"""Union-find over any hashable keys: pairs found to belong together are joined into groups.

Used wherever pairwise decisions become groups (name forms into entities, numbers into one question,
dated restatements into one event). Groups come back in the order their first key was added.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class UnionFind(Generic[K]):
    def __init__(self, keys: Iterable[K]) -> None:
        self._parent: dict[K, K] = {key: key for key in keys}

    def find(self, key: K) -> K:
        parent = self._parent
        root = key
        while parent[root] != root:
            root = parent[root]
        while parent[key] != root:  # path compression
            parent[key], key = root, parent[key]
        return root

    def join(self, a: K, b: K) -> None:
        """Joins the groups of `a` and `b`; the group keeps the root of `a`'s."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._parent[rb] = ra

    def groups(self) -> list[list[K]]:
        grouped: dict[K, list[K]] = {}
        for key in self._parent:
            grouped.setdefault(self.find(key), []).append(key)
        return list(grouped.values())
