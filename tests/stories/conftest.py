"""Builders for the stories tests: clean articles from the seeds and the sample corpus."""

from __future__ import annotations

import json

import pytest

from newsfuse.models import Article
from newsfuse.service import Newsfuse
from tests.conftest import EXAMPLES, SEEDS, need

CORPUS = EXAMPLES / "corpus"


@pytest.fixture(scope="session")
def seed_articles() -> list[Article]:
    batch = Newsfuse().articles([str(need(SEEDS))])
    assert len(batch.articles) == 5 and not batch.failures
    return list(batch.articles)


@pytest.fixture(scope="session")
def corpus_articles() -> list[Article]:
    return list(Newsfuse().articles([str(need(CORPUS))]).articles)


def truth_stories() -> list[set[str]]:
    truth = json.loads(need(EXAMPLES / "truth.json").read_text(encoding="utf-8"))
    stories = truth.get("stories")
    if not stories:
        pytest.skip("examples/truth.json has no stories yet")
    return [set(story["articles"]) for story in stories]
