"""Conflicts on ECB+ dev stories (one story per gold sub-topic, 5-20 full articles each) that once
raised an open conflict a reader judged false: two pages' stamps ("21 July 2013 Last updated at
11:11 GMT", "September 18th, 2013, 05:31 GMT") set against each other as a disputed time."""

from __future__ import annotations

import pytest

from newsfuse.claims import ClaimAligner
from newsfuse.evaluation.conflicts import load_stories, story_conflicts
from newsfuse.extract import Extractor
from newsfuse.models import Article, Conflict
from tests.conftest import EVAL, need

STAMPED = ("14_ecbplus", "27_ecbplus")


@pytest.fixture(scope="module")
def stories() -> dict[str, tuple[tuple[Article, ...], tuple[Conflict, ...]]]:
    loaded = dict(load_stories(need(EVAL / "ecbplus-dev")))
    extractor, aligner = Extractor(), ClaimAligner()
    return {label: (loaded[label], story_conflicts(loaded[label], extractor, aligner)) for label in STAMPED}


@pytest.mark.parametrize("label", STAMPED)
def test_page_stamps_are_no_disputed_time(
    stories: dict[str, tuple[tuple[Article, ...], tuple[Conflict, ...]]], label: str
) -> None:
    articles, conflicts = stories[label]
    by_id = {a.id: a for a in articles}

    def stamp(conflict: Conflict) -> bool:
        texts = [by_id[s.article_id].excerpt(s) for side in conflict.sides for s in side.evidence]
        return any("updated" in t.lower() or "GMT" in t for t in texts)

    assert [c.about for c in conflicts if c.status == "open" and stamp(c)] == []
