"""The work one Spark task does, as plain functions over plain records (no Spark types here).

Spark ships these functions to its executors by reference, so they live at module level. Each task
does its work through the service's stage functions (`Newsfuse.read_unit`, `clean_group`,
`cluster_block`, `brief_story`), the same ones the local pipeline runs; the service (its models, an
embedding model) is built once per executor process and kept in `_CACHE`.

A record's `seq` is its place in the input: (input number, file number, record number). Sorting by
seq gives the order in which the local engine reads the same inputs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from newsfuse.clean.groups import run_of, site_key
from newsfuse.models import Article, Failure, RawDocument, Story
from newsfuse.stories.blocks import BlockPlan, BlockResult
from newsfuse.stories.similarity import Scoring

if TYPE_CHECKING:
    from pyspark import Broadcast

    from newsfuse.service import Newsfuse

Seq = tuple[int, int, int]
T = TypeVar("T")
# An article in a block: its input position, the article, and whether it is context there.
Member = tuple[int, Article, bool]

_CACHE: dict[str, Any] = {}


def cached(name: str, build: Callable[[], T]) -> T:
    """The executor's single instance of something costly to build (built on first use)."""
    if name not in _CACHE:
        _CACHE[name] = build()
    value: T = _CACHE[name]
    return value


def service(embedder: str | None = None) -> Newsfuse:
    """The executor's pipeline (with the named embedder, when clustering asks for one)."""
    from newsfuse import service as facade

    def build() -> Newsfuse:
        return facade.Newsfuse(embedder=facade.make_embedder(embedder) if embedder else None)

    return cached(f"service:{embedder}", build)


def read_unit(numbered: tuple[tuple[int, int], str]) -> Iterator[tuple[Seq, RawDocument | Failure]]:
    """Every document (or failure) of one file or URL, numbered in reading order."""
    (input_no, unit_no), name = numbered
    for record_no, item in enumerate(service().read_unit(name)):
        yield (input_no, unit_no, record_no), item


def record_document(where: str, record: dict[str, Any]) -> RawDocument | Failure:
    """A raw document from a table row with the JSON Lines fields (text or html, title, source, ...)."""
    from newsfuse.ingest.jsonl import document_or_failure

    return document_or_failure(where, {k: _as_text(v) for k, v in record.items()}, None)


def read_fact(item: tuple[Seq, RawDocument | Failure]) -> tuple[Seq, str | Failure]:
    """What the driver needs of a read document: its site (to plan cleaning groups), or its failure."""
    seq, document = item
    return seq, document if isinstance(document, Failure) else site_key(document)


def cleaning_keys(
    starts: Broadcast[dict[str, list[Seq]]],
) -> Callable[[tuple[Seq, RawDocument | Failure]], list[tuple[tuple[str, int], tuple[Seq, RawDocument]]]]:
    """Key each read document by its cleaning group: its site, and which run of the site's pages
    (`starts` holds the seq of each run's first page) it falls in. Failures are dropped."""

    def keyed(item: tuple[Seq, RawDocument | Failure]) -> list[tuple[tuple[str, int], tuple[Seq, RawDocument]]]:
        seq, document = item
        if isinstance(document, Failure):
            return []
        site = site_key(document)
        return [((site, run_of(starts.value[site], seq)), (seq, document))]

    return keyed


def clean_group(group: Iterable[tuple[Seq, RawDocument]]) -> list[tuple[Seq, Article | Failure]]:
    """Clean one cleaning group (documents compared with each other for furniture), in seq order."""
    ordered = sorted(group, key=lambda item: item[0])
    cleaned = service().clean_group([raw for _, raw in ordered])
    return [(seq, result) for (seq, _), result in zip(ordered, cleaned, strict=True)]


def clean_fact(item: tuple[Seq, Article | Failure]) -> tuple[Seq, tuple[str, date | None] | Failure]:
    """What the driver needs of a cleaned document: the article's id and date, or the failure."""
    seq, result = item
    return seq, result if isinstance(result, Failure) else (result.id, result.published)


def kept(
    slots: Broadcast[dict[Seq, tuple[int, int]]],
) -> Callable[[tuple[Seq, Article | Failure]], list[tuple[int, int, Article]]]:
    """Keep the first article of each id (those `slots` names), as (input position, rank, article)."""

    def keep(item: tuple[Seq, Article | Failure]) -> list[tuple[int, int, Article]]:
        seq, result = item
        slot = slots.value.get(seq)
        if slot is None or isinstance(result, Failure):
            return []
        return [(slot[0], slot[1], result)]

    return keep


def placements(plan: BlockPlan) -> Callable[[tuple[int, int, Article]], list[tuple[int, Member]]]:
    """Place an article (input position, rank, article) in its blocks."""

    def place(item: tuple[int, int, Article]) -> list[tuple[int, Member]]:
        position, rank, article = item
        return [(block, (position, article, context)) for block, context in plan.placements(rank)]

    return place


def block_partition(block: int) -> int:
    """The shuffle partition of a block: its own number, so each partition holds exactly one block."""
    return block


def cluster(
    scoring: Scoring | None, embedder: str | None
) -> Callable[[Iterable[tuple[int, Member]]], Iterator[BlockResult]]:
    """Cluster the block a partition holds (the embedder, when one is named, is loaded once per executor)."""

    def run(placed: Iterable[tuple[int, Member]]) -> Iterator[BlockResult]:
        numbers: set[int] = set()
        members: list[Member] = []
        for number, member in placed:
            numbers.add(number)
            members.append(member)
        if not members:
            return
        if len(numbers) != 1:
            raise ValueError(f"a partition holds blocks {sorted(numbers)}: expected one")
        yield service(embedder).cluster_block(numbers.pop(), members, scoring)

    return run


def labelled(
    stories: Broadcast[tuple[list[int], list[str]]],
) -> Callable[[tuple[int, int, Article]], list[tuple[str, tuple[int, Article]]]]:
    """Label an article (input position, rank, article) with its story id; `stories` holds each
    input position's story number (-1: in no story) and the story ids."""

    def label(item: tuple[int, int, Article]) -> list[tuple[str, tuple[int, Article]]]:
        position, _rank, article = item
        numbers, ids = stories.value
        number = numbers[position]
        return [(ids[number], (position, article))] if number >= 0 else []

    return label


def brief_story(story: tuple[str, Iterable[tuple[int, Article]]]) -> tuple[str, str]:
    """The brief of one story, as JSON (the pipeline's models are loaded once per executor)."""
    from newsfuse.service import brief_line

    story_id, members = story
    articles = [article for _, article in sorted(members, key=lambda m: m[0])]
    return story_id, brief_line(service().brief_story(story_id, articles)).rstrip("\n")


def story_row(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "headline": story.headline,
        "start": _day(story.start),
        "end": _day(story.end),
        "size": len(story.article_ids),
        "article_ids": list(story.article_ids),
    }


def article_row(item: tuple[str, tuple[int, Article]]) -> dict[str, Any]:
    story_id, (position, article) = item
    return {
        "position": position,
        "id": article.id,
        "story_id": story_id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": _day(article.published),
        "byline": article.byline,
        "dateline": article.dateline,
        "agencies": list(article.agencies),
        "language": article.language,
        "origin": article.origin,
        "text": article.text,
    }


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _as_text(value: Any) -> Any:
    """Table cells as JSON Lines values: dates and times as ISO strings, the rest as they are."""
    if isinstance(value, date):
        return value.isoformat()
    return value
