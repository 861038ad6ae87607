"""Lineages: the independent sources of a story.

An agency and every article that copies, rewrites or translates it (directly or through another
article) are one lineage, as is an article nobody is shown to derive from with all its own copies.
Digests belong to no lineage: they retell others and add no reporting. The number of lineages is the
number of independent sources.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.models.provenance import Derivation, Lineage
from newsfuse.text.union_find import UnionFind

AGENCY_PREFIX = "agency:"


def lineages(articles: Sequence[str], derivations: Sequence[Derivation]) -> tuple[tuple[Lineage, ...], tuple[str, ...]]:
    """(lineages in the order of their first article, digests in input order)."""
    joined: UnionFind[str] = UnionFind()
    digests = tuple(a for a in articles if any(d.article == a and d.kind == "summary" for d in derivations))
    for derivation in derivations:
        if derivation.kind == "summary":
            continue
        source = AGENCY_PREFIX + derivation.parent if derivation.parent_is_agency else derivation.parent
        joined.union(source, derivation.article)
    groups: dict[str, list[str]] = {}
    for article in articles:
        if article not in digests:
            groups.setdefault(joined.find(article), []).append(article)
    found: list[Lineage] = []
    for members in groups.values():
        found.append(Lineage(root=_root(members, derivations), articles=tuple(members)))
    return tuple(found), digests


def _root(members: list[str], derivations: Sequence[Derivation]) -> str:
    """The agency the lineage descends from, else its one article that derives from nothing."""
    inside = set(members)
    for derivation in derivations:
        if derivation.article in inside and derivation.parent_is_agency and derivation.kind != "summary":
            return derivation.parent
    derived = {d.article for d in derivations if d.kind != "summary"}
    return next((m for m in members if m not in derived), members[0])
