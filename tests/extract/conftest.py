"""Stories for the extract tests: the five seeds as one story, the sample corpus grouped by its key."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from newsfuse.clean import Cleaner
from newsfuse.evaluation.stories import as_written, read_document
from newsfuse.extract import Extractor
from newsfuse.models import Article, Failure, RawDocument, StoryFacts
from newsfuse.service import Newsfuse
from tests.conftest import EVAL, EXAMPLES, SEEDS, need


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def seeds() -> dict[str, Article]:
    batch = Newsfuse().articles([str(need(SEEDS))])
    return {Path(a.path or "").name[:3]: a for a in batch.articles}


@pytest.fixture(scope="session")
def seed_facts(extractor: Extractor, seeds: dict[str, Article]) -> StoryFacts:
    return extractor.extract([seeds[key] for key in sorted(seeds)])


def truth() -> dict[str, object]:
    path = EXAMPLES / "truth.json"
    if not path.exists():
        pytest.skip(f"{path} is absent: the sample corpus answer key is not written yet")
    loaded: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    for part in ("stories", "entities", "timeline", "quotes"):
        if part not in loaded:
            pytest.skip(f"{path} has no {part!r} yet")
    return loaded


def corpus_keys() -> dict[str, Article]:
    """Articles of the sample corpus by the answer key's name: path under corpus/, `#n` for JSON Lines."""
    batch = Newsfuse().articles([str(EXAMPLES / "corpus")])
    seen: dict[str, int] = defaultdict(int)
    keyed: dict[str, Article] = {}
    for article in batch.articles:
        relative = (article.path or "").split("corpus/", 1)[-1]
        if relative.endswith(".jsonl"):
            seen[relative] += 1
            relative = f"{relative}#{seen[relative]}"
        keyed[relative] = article
    return keyed


@pytest.fixture(scope="session")
def corpus(extractor: Extractor) -> dict[str, tuple[StoryFacts, dict[str, str]]]:
    """Each story's facts, with the answer key's article names by article id."""
    key = truth()
    keyed = corpus_keys()
    out: dict[str, tuple[StoryFacts, dict[str, str]]] = {}
    for story in key["stories"]:  # type: ignore[attr-defined]
        articles = [keyed[name] for name in story["articles"]]
        out[story["slug"]] = (extractor.extract(articles), {keyed[n].id: n for n in story["articles"]})
    return out


def ecb_story(topic: int, kind: str) -> list[Article]:
    """One ECB+ dev sub-topic's documents (`kind` "ecb" or "ecbplus"), read as the audit reads them:
    title line, blank line, body."""
    folder = need(EVAL / "ecbplus-dev" / "ECB+" / str(topic))
    raws = []
    for path in sorted(folder.glob(f"{topic}_*{kind}.xml")):
        text = "\n\n".join(as_written(p) for p in read_document(path).split("\n\n"))
        raws.append(RawDocument(origin=f"{path.stem}.txt", content=text, format="text", path=f"{path.stem}.txt"))
    return [a for a in Cleaner().clean_batch(raws) if not isinstance(a, Failure)]
