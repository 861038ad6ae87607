"""Runs the stages the claims stage stands on (provenance, extract) for one story, as the service will."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsfuse.claims import align_claims
from newsfuse.extract.extractor import Extractor
from newsfuse.models import Article, Provenance, StoryClaims, StoryFacts
from newsfuse.provenance import trace


@dataclass(frozen=True, slots=True)
class Story:
    articles: tuple[Article, ...]
    provenance: Provenance
    facts: StoryFacts
    claims: StoryClaims

    def article(self, article_id: str) -> Article:
        return next(a for a in self.articles if a.id == article_id)


def run_story(articles: Sequence[Article], extractor: Extractor) -> Story:
    provenance = trace(articles)
    independence = {member: lineage.root for lineage in provenance.lineages for member in lineage.articles}
    translated = frozenset(t.article for t in provenance.translations if t.machine_translated)
    facts = extractor.extract(articles, independence, translated)
    return Story(tuple(articles), provenance, facts, align_claims(articles, facts, provenance))
