"""Briefs of the seeds and of the sample corpus, built once per test session (models load once)."""

from __future__ import annotations

import pytest

from newsfuse.clean import Cleaner
from newsfuse.evaluation.stories import read_document
from newsfuse.models import Failure, RawDocument
from newsfuse.models.brief import Brief
from newsfuse.service import Newsfuse
from tests.conftest import EVAL, EXAMPLES, SEEDS, need


def ecb_brief(topic: int, kind: str = "ecbplus") -> Brief:
    """The brief of the first eight documents of an ECB+ topic, read as plain text (no title): its
    ECB+ ones, or with `kind` "ecb" the original ECB ones."""
    folder = need(EVAL / "ecbplus-dev") / "ECB+" / str(topic)
    files = sorted(folder.glob(f"{topic}_*{kind}.xml"))[:8]
    raws = [RawDocument(origin=f"{f.stem}.txt", content=read_document(f), format="text") for f in files]
    return Newsfuse().brief_story(str(topic), [a for a in Cleaner().clean_batch(raws) if not isinstance(a, Failure)])


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
