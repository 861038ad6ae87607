"""Briefs of the seeds and of the sample corpus, built once per test session (models load once)."""

from __future__ import annotations

import pytest

from newsfuse.models.brief import Brief
from newsfuse.service import Newsfuse
from tests.conftest import EXAMPLES, SEEDS, need


@pytest.fixture(scope="session")
def service() -> Newsfuse:
    return Newsfuse()


@pytest.fixture(scope="session")
def seed_briefs(service: Newsfuse) -> list[Brief]:
    batch = service.articles([str(need(SEEDS))])
    return service.briefs(batch.articles)


@pytest.fixture(scope="session")
def corpus_briefs(service: Newsfuse) -> list[Brief]:
    batch = service.articles([str(EXAMPLES / "corpus")])
    return service.briefs(batch.articles)
