"""Small helpers every conflict finder shares: one side from the units that back it, and a
union-find to join pairs into groups."""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.claims.units import Unit
from newsfuse.models import ConflictSide


def side(value: str, units: Sequence[Unit]) -> ConflictSide:
    """A side backed by `units`: their articles (first-seen order) and their spans as evidence."""
    seen: dict[tuple[str, int, int], Unit] = {}
    for unit in units:
        seen.setdefault((unit.article_id, unit.span.start, unit.span.end), unit)
    ordered = list(seen.values())
    return ConflictSide(
        value=value,
        articles=tuple(dict.fromkeys(u.article_id for u in ordered)),
        evidence=tuple(u.span for u in ordered),
    )


class UnionFind:
    def __init__(self, size: int) -> None:
        self._parent = list(range(size))

    def find(self, item: int) -> int:
        while self._parent[item] != item:
            self._parent[item] = self._parent[self._parent[item]]
            item = self._parent[item]
        return item

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        grouped: dict[int, list[int]] = {}
        for item in range(len(self._parent)):
            grouped.setdefault(self.find(item), []).append(item)
        return list(grouped.values())
