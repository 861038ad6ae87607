"""Conflicts on the bundled sample corpus against its answer key (examples/truth.json).

Every planted conflict must be found, open, with each side's value and only articles the key puts on
that side; nothing else may be raised as open; and no open conflict may set two values the key lists
as agreeing against each other. The key's values are written as the articles write them, so a number
side is compared by its figure ("seven" -> "7") and a quote side by its words.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from newsfuse.extract.extractor import Extractor
from newsfuse.models import Article, Conflict, ConflictSide
from newsfuse.service import Newsfuse
from tests.claims.pipeline import Story, run_story
from tests.conftest import CORPUS, TRUTH, truth_key

STORIES = {story["slug"]: story["articles"] for story in TRUTH["stories"]}
PLANTED = [(n, c) for n, c in enumerate(TRUTH["conflicts"])]


@pytest.fixture(scope="module")
def corpus() -> dict[str, Article]:
    batch = Newsfuse().articles([str(CORPUS)])
    return {truth_key(article): article for article in batch.articles}


@pytest.fixture(scope="module")
def stories(corpus: dict[str, Article]) -> dict[str, Story]:
    extractor = Extractor()
    return {slug: run_story([corpus[key] for key in keys], extractor) for slug, keys in STORIES.items()}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _matches(ours: ConflictSide, value: str) -> bool:
    return _words(ours.value) == _words(value)


def _found(story: Story, planted: dict[str, Any]) -> Conflict | None:
    for conflict in story.claims.open_conflicts:
        if conflict.kind == planted["kind"] and all(
            any(_matches(side, expected["value"]) for side in conflict.sides) for expected in planted["sides"]
        ):
            return conflict
    return None


@pytest.mark.parametrize(("number", "planted"), PLANTED, ids=[c["about"][:40] for c in TRUTH["conflicts"]])
def test_every_planted_conflict_is_found_open_with_its_sides(
    stories: dict[str, Story], corpus: dict[str, Article], number: int, planted: dict[str, Any]
) -> None:
    story = stories[planted["story"]]
    conflict = _found(story, planted)
    assert conflict is not None, f"not found: {planted['about']}; open: {story.claims.open_conflicts}"
    for expected in planted["sides"]:
        (side,) = [s for s in conflict.sides if _matches(s, expected["value"])]
        allowed = {corpus[key].id for key in expected["articles"]}
        assert side.articles and set(side.articles) <= allowed, (expected["value"], side.articles)
        for span in side.evidence:
            assert story.article(span.article_id).excerpt(span).strip()


@pytest.mark.parametrize("slug", sorted(STORIES))
def test_nothing_else_is_raised_as_open(stories: dict[str, Story], slug: str) -> None:
    planted = [c for c in TRUTH["conflicts"] if c["story"] == slug]
    story = stories[slug]
    found = [c for c in planted if _found(story, c) is not None]
    assert len(story.claims.open_conflicts) == len(found), story.claims.open_conflicts


@pytest.mark.parametrize("agreeing", TRUTH["not_conflicts"], ids=[c["about"][:40] for c in TRUTH["not_conflicts"]])
def test_values_that_only_look_different_are_never_set_against_each_other(
    stories: dict[str, Story], agreeing: dict[str, Any]
) -> None:
    story = stories[agreeing["story"]]
    for conflict in story.claims.open_conflicts:
        sides_with = [
            side
            for side in conflict.sides
            if any(
                value.lower() in story.article(span.article_id).excerpt(span).lower()
                for span in side.evidence
                for value in agreeing["values"]
            )
        ]
        assert len(sides_with) < 2, (agreeing["about"], conflict)


def test_mechanisms_reconcile_what_only_looks_different(stories: dict[str, Story]) -> None:
    """The other/one-of arithmetic, unit conversion, number formats and relative years are reported
    as reconciled, with the reason, where both values are compared."""
    explanations = [
        c.explanation for story in stories.values() for c in story.claims.conflicts if c.status == "reconciled"
    ]
    assert any("same length of time" in e for e in explanations)  # three days / 72 hours
    assert any("written differently" in e for e in explanations)  # 62,000 / 62 000
    assert any("range that holds" in e for e in explanations)  # about 7 p.m. / towards 19 h
    assert any("five years ago" in e for e in explanations)  # counted from the publication date


def test_garbled_and_misspelt_names_are_reconciled(stories: dict[str, Story]) -> None:
    names = {c.about: c for story in stories.values() for c in story.claims.conflicts if c.kind == "name"}
    merchant = names["the name of Odile Marchand"]
    assert merchant.status == "reconciled" and "machine translation" in merchant.explanation
    salander = names["the name of Margit Sallander"]
    assert salander.status == "reconciled" and "another spelling" in salander.explanation


@pytest.mark.parametrize("slug", sorted(STORIES))
def test_claims_never_count_more_sources_than_the_story_has(stories: dict[str, Story], slug: str) -> None:
    story = stories[slug]
    assert story.claims.claims
    assert max(c.independent_sources for c in story.claims.claims) <= story.provenance.independent_sources
    # A wire story with its copies, rewrites or translations is one source, however many of them say
    # a thing; a digest adds none.
    digests = set(story.provenance.digests)
    for claim in story.claims.claims:
        for lineage in story.provenance.lineages:
            if set(claim.articles) <= set(lineage.articles) | digests and set(claim.articles) & set(lineage.articles):
                assert claim.independent_sources == 1, claim
        if set(claim.articles) <= digests:
            assert claim.independent_sources == 0, claim
