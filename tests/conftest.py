"""Shared test builders and the location of ../shared data (tests that need it skip without it)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsfuse.models import Article, RawDocument

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"
EXAMPLES = REPO / "examples"
CORPUS = EXAMPLES / "corpus"
# The sample corpus's answer key (examples/README.md says what is planted where).
TRUTH: dict[str, Any] = json.loads((EXAMPLES / "truth.json").read_text(encoding="utf-8"))


def truth_key(article: Article) -> str:
    """The answer key's name for an article: its path under examples/corpus, "file.jsonl#N" for a line."""
    relative = (article.origin or "").split("examples/corpus/", 1)[1]
    return relative.replace(".jsonl:", ".jsonl#")


def need(path: Path) -> Path:
    """Skip the calling test, saying why, when shared data is absent (a clone without ../shared)."""
    if not path.exists():
        pytest.skip(f"{path} is absent: this test reads the shared data beside the checkout")
    return path


# PolNeAR names a text "<outlet>_<YYYY-MM-DD>_<slug>": the day it was published (as metadata.tsv has it).
_PUBLISHED = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


def polnear_document(split: str, prefix: str) -> RawDocument:
    """The one PolNeAR text of `split` whose name starts with `prefix`, dated the day its name gives."""
    (path,) = sorted((need(EVAL / "polnear") / split / "text").glob(f"{prefix}*.txt"))
    found = _PUBLISHED.search(path.name)
    assert found is not None
    return RawDocument(
        origin=path.name,
        content=path.read_text(encoding="utf-8"),
        format="text",
        published=date.fromisoformat(found.group(1)),
    )


def polnear_article(split: str, prefix: str) -> Article:
    """The PolNeAR text of `polnear_document`, cleaned."""
    from newsfuse.clean import Cleaner

    (article,) = Cleaner().clean_batch([polnear_document(split, prefix)])
    assert isinstance(article, Article), article
    return article


def polnear_titled(split: str, title: str) -> Article:
    """The PolNeAR text of `split` whose metadata title starts with `title`, cleaned with that title,
    as the conflicts evaluation reads it."""
    from newsfuse.clean import Cleaner
    from newsfuse.evaluation.polnear import read_metadata, read_split

    folder = need(EVAL / "polnear" / split)
    metadata = read_metadata(folder.parent / "metadata.tsv")
    text = next(t for t in read_split(folder) if (metadata[t.name].title or "").startswith(title))
    raw = RawDocument(origin=text.name, content=text.text, format="text", title=metadata[text.name].title)
    (article,) = Cleaner().clean_batch([raw])
    assert isinstance(article, Article), article
    return article


def neus_story(number: int) -> list[Article]:
    """The articles of NeuS val story `number` (its line in val.source, from 1)."""
    from newsfuse.evaluation.summaries import parse_line

    lines = need(EVAL / "neus-val" / "val.source").read_text(encoding="utf-8").splitlines()
    return parse_line(lines[number - 1], number)


def view_texts(extractor: Any, articles: list[Article]) -> list[str]:
    """The sentences the extract stage marks as writers' views, as written."""
    by_id = {a.id: a for a in articles}
    return [by_id[v.article_id].excerpt(v) for v in extractor.extract(articles).views]


def assert_stays_news(extractor: Any, articles: list[Article], line: str) -> None:
    """`line` is written in the articles (the test reads real text) and is not marked a view."""
    assert any(line in a.text for a in articles), line
    assert not any(line in v for v in view_texts(extractor, articles)), line


def seed_paths() -> list[Path]:
    return sorted(need(SEEDS).glob("*.txt"))


def text_document(content: str, origin: str = "test.txt", **hints: object) -> RawDocument:
    return RawDocument(origin=origin, content=content, format="text", **hints)  # type: ignore[arg-type]


def paragraphs(article: Article) -> list[str]:
    return article.paragraph_texts()


@pytest.fixture(scope="session")
def failed_brief(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A store whose story's brief failed with one of its articles (tests.store.builders.FailedBrief),
    made once a session (the real pipeline takes about a minute to fail and recover): copy it to change it."""
    from tests.store.builders import failed_brief_store

    return failed_brief_store(tmp_path_factory.mktemp("failed-brief"))
