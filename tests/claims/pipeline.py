"""Runs the stages the claims stage stands on (provenance, extract) for one story, as the service will."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsfuse.claims import ClaimAligner, align_claims
from newsfuse.evaluation.conflicts import load_stories, story_conflicts
from newsfuse.extract.extractor import Extractor
from newsfuse.models import Article, Conflict, Provenance, StoryClaims, StoryFacts
from newsfuse.provenance import trace
from tests.conftest import EVAL, need


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


def ecbplus_conflicts(labels: Sequence[str]) -> dict[str, tuple[Conflict, ...]]:
    """The conflicts of ECB+ dev stories, one per gold sub-topic, as `newsfuse eval conflicts` reads them."""
    loaded = dict(load_stories(need(EVAL / "ecbplus-dev")))
    extractor, aligner = Extractor(), ClaimAligner()
    return {label: story_conflicts(loaded[label], extractor, aligner) for label in labels}


def open_sides(found: Sequence[Conflict]) -> list[tuple[str, set[str]]]:
    """Each open conflict's subject and the values its sides give."""
    return [(c.about, {s.value for s in c.sides}) for c in found if c.status == "open"]
