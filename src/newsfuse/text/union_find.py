"""Disjoint sets: which items a run of pairwise "same" decisions has joined into one group."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class UnionFind(Generic[K]):
    """Groups of items under pairwise joins (path halving). Items are added on first sight; groups and
    their members come out in the order the items were first seen, so results never depend on hashing."""

    def __init__(self, items: Iterable[K] = ()) -> None:
        self._parent: dict[K, K] = {}
        for item in items:
            self._parent.setdefault(item, item)

    def find(self, item: K) -> K:
        """The representative of the item's group (the item itself when it was never joined)."""
        parent = self._parent
        while parent.setdefault(item, item) != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: K, b: K) -> K:
        """Join the groups of `a` and `b`; `a`'s representative stands for the joined group."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self._parent[root_b] = root_a
        return root_a

    def groups(self) -> list[list[K]]:
        """Every group, each listing its members in first-seen order."""
        grouped: dict[K, list[K]] = {}
        for item in list(self._parent):
            grouped.setdefault(self.find(item), []).append(item)
        return list(grouped.values())
