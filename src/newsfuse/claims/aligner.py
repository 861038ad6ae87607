"""The claims stage's entry point: one story's articles, facts and provenance in, its claims and
conflicts out."""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.claims.date_conflicts import date_conflicts
from newsfuse.claims.grouping import group_claims
from newsfuse.claims.name_conflicts import name_conflicts
from newsfuse.claims.number_conflicts import number_conflicts
from newsfuse.claims.other_conflicts import other_conflicts
from newsfuse.claims.quote_conflicts import quote_conflicts
from newsfuse.claims.story import Embedder, StoryView, TfidfEmbedder, similarity_matrix
from newsfuse.claims.units import fill_slots, split_units
from newsfuse.deadline import check
from newsfuse.errors import InputError
from newsfuse.models import Article, Conflict, Provenance, StoryClaims, StoryFacts
from newsfuse.text.words import content_stems

KIND_ORDER = {"date": 0, "number": 1, "quote": 2, "name": 3, "other": 4}


class ClaimAligner:
    """Lines a story's statements up into claims and finds where its sources disagree.

    `embedder` turns statements into vectors for similarity (TF-IDF over the story by default; a
    story embedder can be passed instead). Build once and reuse.
    """

    def __init__(self, embedder: Embedder | None = None) -> None:
        self._embedder = embedder or TfidfEmbedder()

    def align(
        self, articles: Sequence[Article], facts: StoryFacts, provenance: Provenance | None = None
    ) -> StoryClaims:
        by_id = {a.id: a for a in articles}
        if len(by_id) != len(articles):
            repeated = next(a.id for a in articles if sum(b.id == a.id for b in articles) > 1)
            raise InputError(repeated, "the same article appears twice in one story")
        units = split_units(articles)
        view = StoryView(
            articles=by_id,
            units=units,
            slots=fill_slots(units, facts),
            similarity=similarity_matrix(units, provenance, self._embedder),
            facts=facts,
            provenance=provenance,
            names=_names(facts),
        )
        conflicts: list[Conflict] = []
        for finder in (date_conflicts, number_conflicts, quote_conflicts, name_conflicts, other_conflicts):
            check("conflicts")
            conflicts.extend(finder(view))
        check("claims")
        conflicts.sort(key=lambda c: (c.status != "open", KIND_ORDER[c.kind]))
        return StoryClaims(claims=tuple(group_claims(view)), conflicts=tuple(conflicts))


def align_claims(articles: Sequence[Article], facts: StoryFacts, provenance: Provenance | None = None) -> StoryClaims:
    """One story's claims (most independently supported first) and conflicts (open ones first)."""
    return ClaimAligner().align(articles, facts, provenance)


def _names(facts: StoryFacts) -> frozenset[str]:
    """Stems of every name and role of the story's people, places and organisations ("North Korean
    leader", "Chinese President"): they say who, not what happened."""
    words: set[str] = set()
    for entity in facts.entities:
        for name in entity.names:
            words.update(content_stems(name, numbers=False))
        for role in entity.roles:
            words.update(content_stems(role.text, numbers=False))
    return frozenset(words)
