"""The Spark engine (local[2]) gives the local engine's answers: same stories, articles and failures."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsfuse.engine import LocalEngine
from newsfuse.engine.spark import SparkEngine, SparkSettings
from newsfuse.models import Article
from newsfuse.service import Newsfuse
from newsfuse.stories.blocks import BlockPlan, cluster_blocked
from tests.conftest import CORPUS, SEEDS, need


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkEngine]:
    engine = SparkEngine(SparkSettings(master="local[2]"))
    yield engine
    engine.close()


def test_seeds_sample_corpus_and_bad_inputs_come_out_as_locally(spark: SparkEngine, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    # A record with a title alone is a headline-only article; one with neither a body nor a title fails.
    bad.write_text(
        '{"text": "A short note on the harbour."}\nnot json\n{"source": "no text"}\n{"title": "Harbour reopens"}\n',
        encoding="utf-8",
    )
    inputs = [str(CORPUS), str(need(SEEDS)), str(bad), str(tmp_path / "missing.txt")]
    local = LocalEngine().stories(inputs)
    distributed = spark.stories(inputs)
    assert len(local.stories) >= 4 and len(local.failures) == 3
    assert distributed.stories == local.stories
    assert distributed.articles == local.articles
    assert distributed.failures == local.failures


def test_ecbplus_blocks_cut_small_are_joined_as_locally(spark: SparkEngine, ecb_folder: Path) -> None:
    """Blocks of 200 articles with 50 carried over: the join across block edges is exercised."""
    articles = Newsfuse().articles([str(ecb_folder)]).articles
    plan = BlockPlan(len(articles), block_articles=200, overlap=50)
    assert plan.blocks >= 4
    local = cluster_blocked(articles, plan=plan)
    distributed = SparkEngine(spark.settings, plan=(200, 50)).stories([str(ecb_folder)])
    assert distributed.articles == articles
    assert list(distributed.stories) == local


def test_parquet_rows_read_as_json_lines_records(spark: SparkEngine, tmp_path: Path) -> None:
    articles = Newsfuse().articles([str(CORPUS)]).articles
    records = [_record(a) for a in articles]
    lines = tmp_path / "corpus.jsonl"
    lines.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    table = tmp_path / "corpus.parquet"
    schema = "text string, title string, source string, url string, published string"
    spark.session().createDataFrame(records, schema).coalesce(1).write.parquet(str(table))
    from_lines = LocalEngine().stories([str(lines)])
    from_table = spark.stories([str(table)])
    assert [a.id for a in from_table.articles] == [a.id for a in from_lines.articles]
    assert [s.article_ids for s in from_table.stories] == [s.article_ids for s in from_lines.stories]


def test_write_leaves_parquet_tables_of_articles_stories_and_briefs(spark: SparkEngine, tmp_path: Path) -> None:
    run = spark.write([str(need(SEEDS))], tmp_path / "out", briefs=True)
    assert (run.articles, run.stories, run.failures, run.briefs) == (5, 1, 0, 1)
    session = spark.session()
    articles = session.read.parquet(str(tmp_path / "out" / "articles")).collect()
    stories = session.read.parquet(str(tmp_path / "out" / "stories")).collect()
    briefs = session.read.parquet(str(tmp_path / "out" / "briefs")).collect()
    assert {row.story_id for row in articles} == {stories[0].id}
    assert sorted(row.id for row in articles) == sorted(stories[0].article_ids)
    brief = json.loads(briefs[0].brief)
    assert briefs[0].story_id == brief["id"] == stories[0].id
    assert brief["independent_sources"] == 2 and brief["sections"]["what_happened"]


def test_written_articles_carry_the_story_that_lists_them(spark: SparkEngine, tmp_path: Path) -> None:
    run = spark.write([str(need(CORPUS))], tmp_path / "out")
    session = spark.session()
    articles = session.read.parquet(str(tmp_path / "out" / "articles")).collect()
    stories = session.read.parquet(str(tmp_path / "out" / "stories")).collect()
    assert run.stories == len(stories) > 1 and run.articles == len(articles)
    members: dict[str, set[str]] = {}
    for row in articles:
        members.setdefault(row.story_id, set()).add(row.id)
    assert members == {story.id: set(story.article_ids) for story in stories}


def _record(article: Article) -> dict[str, str | None]:
    return {
        "text": article.text,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
    }
