"""Provenance of the bundled sample corpus against its answer key (examples/truth.json).

Each story of the key is traced on its own. Every derivation the key writes down must be found with the
right kind, no article the key calls independent may be marked derived, machine-translation flags must
match, and so must each story's count of independent sources.
"""

from __future__ import annotations

import pytest

from newsfuse.models import Article, Provenance
from newsfuse.provenance import trace
from newsfuse.service import Newsfuse
from tests.conftest import CORPUS, TRUTH, truth_key

STORIES = {story["slug"]: story["articles"] for story in TRUTH["stories"]}


@pytest.fixture(scope="module")
def corpus() -> dict[str, Article]:
    batch = Newsfuse().articles([str(CORPUS)])
    return {truth_key(article): article for article in batch.articles}


@pytest.fixture(scope="module")
def traced(corpus: dict[str, Article]) -> dict[str, Provenance]:
    return {slug: trace([corpus[key] for key in keys]) for slug, keys in STORIES.items()}


def _story_of(key: str) -> str:
    return next(slug for slug, keys in STORIES.items() if key in keys)


DERIVED = sorted(key for key, entry in TRUTH["articles"].items() if entry["derived_from"])
INDEPENDENT = sorted(key for key, entry in TRUTH["articles"].items() if not entry["derived_from"])


@pytest.mark.parametrize("key", DERIVED)
def test_every_written_derivation_is_found_with_its_kind(
    corpus: dict[str, Article], traced: dict[str, Provenance], key: str
) -> None:
    provenance = traced[_story_of(key)]
    found = {(d.parent, d.kind) for d in provenance.derived_from(corpus[key].id)}
    for expected in TRUTH["articles"][key]["derived_from"]:
        parent = corpus[expected["parent"]].id if expected["parent"] in corpus else expected["parent"]
        assert (parent, expected["kind"]) in found, f"{key}: {expected} not among {found}"


@pytest.mark.parametrize("key", INDEPENDENT)
def test_no_independent_article_is_marked_derived(
    corpus: dict[str, Article], traced: dict[str, Provenance], key: str
) -> None:
    assert traced[_story_of(key)].derived_from(corpus[key].id) == ()


@pytest.mark.parametrize("key", sorted(TRUTH["articles"]))
def test_machine_translation_flag_matches_the_key(
    corpus: dict[str, Article], traced: dict[str, Provenance], key: str
) -> None:
    expected = TRUTH["articles"][key]["machine_translated"]
    assert traced[_story_of(key)].machine_translated(corpus[key].id) is expected


@pytest.mark.parametrize("slug", sorted(STORIES))
def test_independent_source_count_matches_the_key(traced: dict[str, Provenance], slug: str) -> None:
    assert traced[slug].independent_sources == TRUTH["independent_sources"][slug]


def test_digests_name_no_parent_outside_what_they_retell(
    corpus: dict[str, Article], traced: dict[str, Provenance]
) -> None:
    """A digest's parents are the articles the key lists, not every article on the same event."""
    for key in DERIVED:
        expected = TRUTH["articles"][key]["derived_from"]
        if {e["kind"] for e in expected} != {"summary"}:
            continue
        found = {d.parent for d in traced[_story_of(key)].derived_from(corpus[key].id)}
        assert found == {corpus[e["parent"]].id for e in expected}, key
