"""How many independent sources back a set of spans: lineages, not articles.

Copies, rewrites and translations of one story share its lineage and count once; a digest belongs
to no lineage and adds nothing; a span credited to a party ("according to KCNA", "the mayor said")
counts for that party, so outlets relaying one agency's report are one source for it.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsfuse.claims.story import StoryView


def independent_sources(view: StoryView, backing: Iterable[tuple[str, str | None]]) -> int:
    """`backing` holds (article id, credited party or None) for each supporting span.

    Each lineage is a source; lineages that relay one party's statement are joined into one, since
    they all stand on that party's word. A party never adds a source of its own: an outlet writing
    "experts say" next to its own reporting is still one outlet.
    """
    lineages_of: dict[str, set[str]] = {}
    keys: set[str] = set()
    for article_id, credit in backing:
        key = source_key(view, article_id)
        if key is None:
            continue
        keys.add(key)
        if credit is not None:
            lineages_of.setdefault(credit, set()).add(key)
    groups = [{key} for key in keys]
    for joined in lineages_of.values():
        merged = {key for group in groups if group & joined for key in group}
        groups = [group for group in groups if not group & joined] + [merged]
    return len(groups)


def source_key(view: StoryView, article_id: str) -> str | None:
    """The independent source an article stands for (`Provenance.source_key`); None for a digest."""
    return article_id if view.provenance is None else view.provenance.source_key(article_id)
