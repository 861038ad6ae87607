"""The use-case façade: the one place that wires stages together. CLI, API and web call only this."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

from newsfuse import store
from newsfuse.brief.builder import BriefBuilder, Composer, incomplete_brief
from newsfuse.brief.verify import Finding, check_sections
from newsfuse.claims import ClaimAligner
from newsfuse.clean import Cleaner
from newsfuse.deadline import budget, check
from newsfuse.errors import BudgetExceeded, InputError
from newsfuse.extract import Extractor
from newsfuse.ingest import Fetcher, Reader, ReadOptions
from newsfuse.ingest.repair import repair_document
from newsfuse.models import Article, Failure, Provenance, RawDocument, Story
from newsfuse.models.brief import Brief
from newsfuse.newsroom.background import BriefQueue
from newsfuse.newsroom.bounds import MAX_BRIEFED_ARTICLES, MAX_BRIEFED_CHARS, with_cut_note
from newsfuse.newsroom.briefing import Briefer, BriefStory
from newsfuse.newsroom.feeds import MAX_FEED_BACKOFF, FeedPoller
from newsfuse.newsroom.filing import Filer
from newsfuse.newsroom.records import BriefOutcome, Ingested, Placement
from newsfuse.newsroom.worker import WorkerBriefs
from newsfuse.provenance import trace
from newsfuse.render.brief import brief_json
from newsfuse.store.changes import BriefChange, brief_change
from newsfuse.stories import Embedder
from newsfuse.stories.blocks import BlockResult, cluster_block, cluster_blocked
from newsfuse.stories.similarity import Scoring

if TYPE_CHECKING:
    from pathlib import Path

    from newsfuse.engine import Engine
    from newsfuse.engine.spark import SparkRun

Progress = Callable[[int], None]

# A story's brief may take BRIEF_BUDGET_BASE_S plus BRIEF_BUDGET_PER_ARTICLE_S a member article
# before it is cut short and marked incomplete. Far above what real stories take (see
# bench/README.md#briefs: the slowest ECB+ dev and neus-val stories take a few seconds), so only a
# pathological story meets it; it bounds the time one story can hold a worker or the server.
BRIEF_BUDGET_BASE_S = 60.0
BRIEF_BUDGET_PER_ARTICLE_S = 1.0
# Below this many articles in all, briefing in one process beats starting workers (each loads the
# language model, about 3 s): see bench/README.md#briefs.
PARALLEL_MIN_ARTICLES = 40


def brief_budget(articles: int) -> float:
    """Seconds a story of this many articles may take to brief."""
    return BRIEF_BUDGET_BASE_S + BRIEF_BUDGET_PER_ARTICLE_S * articles


# The store's names that the CLI, API and web need: they import only this module and models.
DEFAULT_DB = store.DEFAULT_DB
SNIPPET_START = store.SNIPPET_START
SNIPPET_END = store.SNIPPET_END
Store = store.Store
StoredBrief = store.StoredBrief
StorySummary = store.StorySummary
SearchHit = store.SearchHit
FeedState = store.FeedState
StoryState = store.StoryState
open_store = store.open_store

__all__ = [
    "DEFAULT_DB",
    "MAX_FEED_BACKOFF",
    "Batch",
    "BriefOutcome",
    "FeedState",
    "Ingested",
    "Newsfuse",
    "Newsroom",
    "Placement",
    "SearchHit",
    "Store",
    "StoredBrief",
    "StoryBatch",
    "StoryState",
    "StorySummary",
    "open_store",
]


OnFailure = Callable[[Failure], None]


def read_all(
    reader: Reader, inputs: Iterable[str], progress: Progress | None, on_failure: OnFailure | None = None
) -> tuple[list[RawDocument], list[Failure]]:
    """Every raw document the inputs hold, and every input that failed, ticking `progress` per item
    and telling `on_failure` of each failure as it happens."""
    raws: list[RawDocument] = []
    failures: list[Failure] = []
    for item in reader.read(inputs):
        if isinstance(item, Failure):
            failures.append(item)
            if on_failure is not None:
                on_failure(item)
        else:
            raws.append(item)
        if progress is not None:
            progress(1)
    return raws, failures


@dataclass(frozen=True, slots=True)
class Batch:
    """Clean articles from a batch of inputs, and the inputs that failed, each with its reason."""

    articles: tuple[Article, ...]
    failures: tuple[Failure, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class StoryBatch:
    """Stories found in a batch of inputs, the clean articles they hold, and the inputs that failed."""

    stories: tuple[Story, ...]
    articles: tuple[Article, ...]
    failures: tuple[Failure, ...] = field(default=())


class Newsfuse:
    """Holds the pipeline's long-lived parts (models, compiled patterns) and runs use cases on them."""

    def __init__(
        self,
        read_options: ReadOptions | None = None,
        composer: Composer | None = None,
        embedder: Embedder | None = None,
    ) -> None:
        """`embedder` adds a text embedding to story clustering (None: term channels only, the default)."""
        self._reader = Reader(read_options)
        self._embedder = embedder
        self._cleaner = Cleaner()
        self._extractor = Extractor()
        self._claims = ClaimAligner()
        self._briefs = BriefBuilder(composer)

    def articles(
        self, inputs: Iterable[str], progress: Progress | None = None, on_failure: OnFailure | None = None
    ) -> Batch:
        """Read and clean every input. Duplicates (same id) are kept once, in first-seen order.
        `on_failure` hears of each input that fails as soon as it is known."""
        raws, failures = read_all(self._reader, inputs, progress, on_failure)
        return self._clean(raws, failures, on_failure)

    def articles_from_documents(self, raws: Sequence[RawDocument]) -> Batch:
        return self._clean(list(raws), [])

    def _clean(self, raws: list[RawDocument], failures: list[Failure], on_failure: OnFailure | None = None) -> Batch:
        articles: dict[str, Article] = {}
        for result in self._cleaner.clean_batch(raws):
            if isinstance(result, Failure):
                failures.append(result)
                if on_failure is not None:
                    on_failure(result)
            else:
                articles.setdefault(result.id, result)
        return Batch(tuple(articles.values()), tuple(failures))

    def stories(self, inputs: Iterable[str], progress: Progress | None = None) -> StoryBatch:
        """Read, clean and group the inputs into stories (batch clustering, in blocks when the
        corpus is large: `newsfuse.stories.blocks`), largest story first."""
        batch = self.articles(inputs, progress)
        stories = cluster_blocked(batch.articles, embedder=self._embedder)
        return StoryBatch(tuple(stories), batch.articles, batch.failures)

    def briefs(self, articles: Sequence[Article], workers: int = 1) -> list[Brief]:
        """One brief per story in the articles, largest story first."""
        groups = self.group(articles)
        done = dict(self.brief_groups(groups, workers=workers))
        return [done[story_id] for story_id, _ in groups]

    def brief_groups(
        self, groups: Sequence[tuple[str, Sequence[Article]]], workers: int = 1
    ) -> Iterator[tuple[str, Brief]]:
        """(story id, brief) for each story, as each is done. With `workers` > 1 and a corpus big enough
        to repay their start, stories are briefed in that many worker processes (`newsfuse.parallel`)."""
        if workers > 1 and len(groups) > 1 and sum(len(m) for _, m in groups) >= PARALLEL_MIN_ARTICLES:
            from newsfuse.parallel import brief_in_workers

            yield from brief_in_workers(groups, workers, self._briefs.composer)
            return
        for story_id, members in groups:
            yield story_id, self.brief_story(story_id, members)

    def group(self, articles: Sequence[Article]) -> list[tuple[str, list[Article]]]:
        """The articles as stories, largest first: (story id, member articles in input order)."""
        by_id = {a.id: a for a in articles}
        stories = cluster_blocked(articles, embedder=self._embedder)
        return [(story.id, [by_id[i] for i in story.article_ids]) for story in stories]

    def brief_story(self, story_id: str, articles: Sequence[Article], seconds: float | None = None) -> Brief:
        """The whole analysis of one story: provenance, facts, then the composed brief.

        It runs under a time budget (`seconds`, default `brief_budget(len(articles))`). Never raises for
        the story's own trouble: past the budget, or when a stage fails on this story, the brief comes
        back marked incomplete (`Brief.error`) with what was done by then.
        """
        provenance: Provenance | None = None
        try:
            with budget(brief_budget(len(articles)) if seconds is None else seconds):
                provenance = trace(articles)
                independence = provenance.source_keys()
                translated = frozenset(a for a in provenance.articles if provenance.machine_translated(a))
                facts = self._extractor.extract(articles, independence=independence, translated=translated)
                found = self._claims.align(articles, facts, provenance)
                check("writing")
                brief = self._briefs.build(story_id, articles, provenance, facts, found.claims, found.conflicts)
                check("writing")
                return brief
        except BudgetExceeded as error:
            return incomplete_brief(story_id, articles, str(error), provenance)
        except Exception as error:  # one story's failure is reported on its brief, never sinks the batch
            return incomplete_brief(story_id, articles, f"failed: {type(error).__name__}: {error}", provenance)

    # The units of work both engines run: the local pipeline here in this process, the Spark engine
    # as tasks on its executors (newsfuse.engine.tasks), so that both give the same answers.

    def read_unit(self, name: str) -> Iterator[RawDocument | Failure]:
        """Every document (or failure) of one file or URL, in reading order."""
        return self._reader.read_unit(name)

    def clean_group(self, raws: Sequence[RawDocument]) -> list[Article | Failure]:
        """Clean documents that are compared with each other for page furniture (one cleaning group)."""
        return self._cleaner.clean_group(raws)

    def cluster_block(
        self, block: int, members: Sequence[tuple[int, Article, bool]], scoring: Scoring | None = None
    ) -> BlockResult:
        """Cluster one time-ordered block of articles (see `newsfuse.stories.blocks`)."""
        return cluster_block(block, members, scoring, self._embedder)

    def verify(self, brief: Brief) -> list[Finding]:
        """Sentences of the brief that its cited spans do not support (empty when it is faithful)."""
        entities = {name.casefold(): entity.names for entity in brief.entities for name in entity.names}
        return check_sections(
            [("lede", brief.lede), *brief.sections.items()],
            brief.articles,
            aliases=lambda name: entities.get(name.casefold(), ()),
        )


# Output formats of the CLI's three batch commands; "jsonl" writes one brief a line as each is done.
ARTICLE_FORMATS = ("json", "md")
BRIEF_FORMATS = ("md", "json", "html", "jsonl")


def article_json(article: Article) -> dict[str, Any]:
    """One clean article as the JSON contract writes it."""
    from newsfuse.render.articles import article_json as record

    return record(article)


def render_articles(articles: Sequence[Article], fmt: str) -> str:
    """Clean articles as contract JSON or Markdown."""
    from newsfuse.render.articles import articles_json, articles_markdown

    return articles_json(articles) if fmt == "json" else articles_markdown(articles)


def render_stories(batch: StoryBatch, fmt: str) -> str:
    """Stories as contract JSON or Markdown."""
    from newsfuse.render.stories import stories_json, stories_markdown

    render = stories_json if fmt == "json" else stories_markdown
    return render(batch.stories, batch.articles)


def render_briefs(briefs: Sequence[Brief], fmt: str) -> str:
    """Briefs as Markdown, contract JSON, one standalone HTML page, or JSON Lines (one brief a line)."""
    from newsfuse.render.brief import briefs_json, briefs_markdown
    from newsfuse.render.html import HtmlRenderer

    if fmt == "json":
        return briefs_json(briefs)
    if fmt == "html":
        return HtmlRenderer().render(briefs)
    if fmt == "jsonl":
        return "".join(brief_line(b) for b in briefs)
    return briefs_markdown(briefs)


def brief_line(brief: Brief) -> str:
    """One brief as one line of JSON (the contract's brief object), newline included."""
    import json

    return json.dumps(brief_json(brief), ensure_ascii=False) + "\n"


def open_engine(
    name: str, *, embedder: str | None = None, spark_master: str | None = None, options: ReadOptions | None = None
) -> Engine:
    """The engine that reads, cleans and groups inputs: "local" (this process) or "spark"."""
    from newsfuse.engine import make_engine

    return make_engine(name, embedder=embedder, spark_master=spark_master, options=options)


def write_parquet(
    inputs: Sequence[str], output: Path, *, spark_master: str | None, embedder: str | None, briefs: bool
) -> SparkRun:
    """Run the pipeline on Spark and write its Parquet tables (articles, stories, failures, briefs) under `output`."""
    from newsfuse.engine.spark import SparkEngine, SparkSettings

    spark = SparkEngine(SparkSettings(master=spark_master), embedder=embedder)
    try:
        return spark.write(inputs, output, briefs=briefs)
    finally:
        spark.close()


def make_embedder(name: str) -> Embedder:
    """The text embedder registered under `name`; a ConfigError names an unknown one or a missing extra."""
    from newsfuse.stories.embedders import make_embedder as make

    return make(name)


def llm_composer(url: str, model: str, api_key: str | None = None) -> Composer:
    """The composer that has a language model at an OpenAI-compatible endpoint reword the brief."""
    from newsfuse.brief.llm import LlmComposer, LlmSettings

    return LlmComposer(LlmSettings(url, model, api_key=api_key))


def read_options(*, allow_private_urls: bool = False, fetch_pages: bool = False) -> ReadOptions:
    """How inputs are read: URLs from public addresses only unless `allow_private_urls`; feed items'
    own pages fetched only with `fetch_pages`."""
    return ReadOptions(online=fetch_pages, fetcher=Fetcher(allow_private=allow_private_urls))


# The versions page compares this many of the latest versions: each comparison loads two whole briefs.
VERSIONS_SHOWN = 50
BriefState = Literal["current", "queued", "rebuilding", "stale"]


class Newsroom:
    """The store-backed use cases: ingest (each article placed in a story as it arrives and committed,
    its story's brief rebuilt), feeds, and the reads that the API and web page serve.

    The jobs live in `newsfuse.newsroom` (filing, briefing, the background queue, feeds); this class
    wires them to the pipeline and the store. Without `start_briefing`, briefs are rebuilt before a
    call returns (the command line); after it, in the background (a server), and a write returns as
    soon as its article is committed. Thread-safe: reads run in parallel with everything.
    """

    def __init__(
        self,
        store: Store,
        newsfuse: Newsfuse | None = None,
        read_options: ReadOptions | None = None,
        clock: Callable[[], datetime] | None = None,
        *,
        max_briefed_chars: int = MAX_BRIEFED_CHARS,
        max_briefed_articles: int = MAX_BRIEFED_ARTICLES,
    ) -> None:
        """`newsfuse`: a pipeline to share (its briefs are then computed in this process, where a
        server would use a worker process); `max_briefed_chars` and `max_briefed_articles`: how much of an
        article, and how many of a story's most recent articles, a brief reads."""
        self.store = store
        self._options = read_options or ReadOptions()
        self._own_pipeline = newsfuse is None
        self._newsfuse = newsfuse or Newsfuse(self._options)
        self._reader = Reader(self._options)
        self._clock = clock or (lambda: datetime.now(UTC))
        self._max_chars = max_briefed_chars
        self._max_articles = max_briefed_articles
        # The pipeline's models are not shared across threads: cleaning runs one at a time.
        self._clean_lock = threading.Lock()
        self._filer = Filer(store)
        self._briefer = self._make_briefer(self._newsfuse.brief_story)
        self._feeds = FeedPoller(store, self, self._options.fetcher, self._reader, self._clock)
        self._queue: BriefQueue | None = None

    @classmethod
    def open(cls, db: str = DEFAULT_DB, *, allow_private_urls: bool = False, fetch_pages: bool = False) -> Newsroom:
        """The newsroom over the store at `db` (a file path, sqlite:///path or postgresql://...).

        URLs are fetched from public addresses only unless `allow_private_urls`; feed items' own
        pages are fetched only with `fetch_pages`.
        """
        options = ReadOptions(online=fetch_pages, fetcher=Fetcher(allow_private=allow_private_urls))
        return cls(open_store(db), read_options=options)

    def close(self) -> None:
        self.stop_briefing()
        self.store.close()

    # Ingest

    def ingest(
        self,
        inputs: Iterable[str],
        progress: Progress | None = None,
        on_placed: Callable[[Placement], None] | None = None,
    ) -> Ingested:
        """Read, clean, place and brief every input (files, folders, feeds, URLs). `on_placed` hears of
        each article once it is committed. Inputs are read with this newsroom's options (its fetcher)."""
        raws, failures = read_all(self._reader, inputs, progress)
        return self.ingest_documents(raws, failures, on_placed)

    def ingest_documents(
        self,
        raws: Sequence[RawDocument],
        failures: Sequence[Failure] = (),
        on_placed: Callable[[Placement], None] | None = None,
    ) -> Ingested:
        batch = self.clean(raws)
        return self.file(Batch(batch.articles, (*failures, *batch.failures)), on_placed)

    def clean(self, raws: Sequence[RawDocument]) -> Batch:
        """Clean documents already in memory (an API request) without storing them. Each is repaired as
        the reader repairs what it reads; one that breaks the cleaner becomes a failure naming it."""
        raws = [repair_document(raw) for raw in raws]
        with self._clean_lock:
            try:
                batch = self._newsfuse.articles_from_documents(raws)
            except Exception:
                batch = self._clean_one_by_one(raws)
        return Batch(tuple(with_cut_note(a, self._max_chars) for a in batch.articles), batch.failures)

    def _clean_one_by_one(self, raws: Sequence[RawDocument]) -> Batch:
        articles: dict[str, Article] = {}
        failures: list[Failure] = []
        for raw in raws:
            try:
                one = self._newsfuse.articles_from_documents([raw])
            except Exception as exc:
                failures.append(Failure(raw.origin, f"could not be cleaned ({type(exc).__name__}: {exc})"))
                continue
            for article in one.articles:
                articles.setdefault(article.id, article)
            failures.extend(one.failures)
        return Batch(tuple(articles.values()), tuple(failures))

    def file(self, batch: Batch, on_placed: Callable[[Placement], None] | None = None) -> Ingested:
        """Store each article (in transactions of several), then have the brief of every story that grew
        (and any left stale) rebuilt: now, or in the background once `start_briefing` was called."""
        placements: list[Placement] = []
        failures = list(batch.failures)

        def filed(result: Placement | Failure) -> None:
            if isinstance(result, Failure):
                failures.append(result)
                return
            placements.append(result)
            if on_placed is not None:
                on_placed(result)

        self._filer.place_all(batch.articles, filed)
        grown = [p.story_id for p in placements if p.added]
        if self._queue is not None:
            self._queue.request_all(dict.fromkeys(grown))
            return Ingested(tuple(placements), tuple(failures))
        refreshed: list[str] = []
        left_out: list[Failure] = []
        for story in dict.fromkeys([*grown, *self.store.stale_stories()]):
            outcome = self._briefer.refresh(story)
            if outcome.version is not None:
                refreshed.append(story)
            left_out.extend(outcome.left_out)
        return Ingested(tuple(placements), tuple(failures), tuple(refreshed), tuple(left_out))

    def add(self, article: Article) -> Placement:
        """Place one article (the API's POST) and have its story's brief rebuilt: in the background once
        `start_briefing` was called, else before returning. An article stored already changes nothing.
        Raises InputError when no store can take the article."""
        placement = self.place(article)
        if placement.added:
            if self._queue is not None:
                self._queue.request(placement.story_id)
            else:
                self._briefer.refresh(placement.story_id)
        return placement

    def place(self, article: Article) -> Placement:
        """Store the article in the story it joins, committed (concurrent calls share a commit). Its
        brief is left stale. Raises InputError when no store can take the article."""
        result = self._filer.place(article)
        if isinstance(result, Failure):
            raise InputError(result.origin, result.problem)
        return result

    def refresh(self, story_id: str, *, force: bool = False) -> bool:
        """Rebuild the story's brief now, adding the articles it does not cover yet (an article the
        brief fails with is left out, and marked); False when no version was stored. With `force`, a
        new version is made even when every article is covered."""
        return self._briefer.refresh(story_id, force=force).version is not None

    def refresh_stale(self) -> list[str]:
        """Rebuild now every brief that misses some of its story's articles (a run was cut short)."""
        return [story for story in self.store.stale_stories() if self.refresh(story)]

    # Background briefing (a server)

    def start_briefing(self, *, separate_process: bool | None = None) -> None:
        """Rebuild briefs in the background from now on: writes return once committed, and stories whose
        briefs are behind are caught up without holding up the caller. `separate_process` (default:
        when this newsroom built its own pipeline) computes them in a worker process."""
        if self._queue is not None:
            return
        if separate_process is None:
            separate_process = self._own_pipeline
        briefer, on_stop = self._briefer, None
        if separate_process:
            workers = WorkerBriefs(brief_budget)
            briefer = self._make_briefer(workers.brief_story, cancelled=workers.stopping)
            on_stop = workers.close
        self._queue = BriefQueue(briefer.refresh, self.store.stale_stories, before=self._filer.warm, on_stop=on_stop)
        self._queue.start()

    def _make_briefer(self, brief_story: BriefStory, cancelled: Callable[[], bool] | None = None) -> Briefer:
        return Briefer(
            self.store,
            brief_story,
            self._clock,
            max_chars=self._max_chars,
            max_articles=self._max_articles,
            cancelled=cancelled,
        )

    def stop_briefing(self) -> None:
        """Stop rebuilding in the background (a rebuild under way is abandoned; its story stays stale)."""
        queue, self._queue = self._queue, None
        if queue is not None:
            queue.stop()

    def wait_briefed(self, timeout: float) -> bool:
        """Wait until the background has no brief queued or under way; False if `timeout` passes first."""
        return self._queue.wait_idle(timeout) if self._queue is not None else True

    def brief_state(self, story_id: str, state: StoryState | None = None) -> BriefState:
        """Where the story's brief stands: "current" (it covers every article it can), "queued" or
        "rebuilding" (in the background), or "stale" (articles wait and nothing is rebuilding it)."""
        running = self._queue.state(story_id) if self._queue is not None else None
        if running is not None:
            return running
        state = state or self.store.story_state(story_id)
        return "stale" if state is not None and state.pending else "current"

    # Feeds

    def ingest_feed(self, feed: str, state: FeedState | None = None) -> tuple[Ingested, FeedState]:
        """Read a feed and ingest its items (see `newsfuse.newsroom.feeds.FeedPoller.ingest_feed`)."""
        return self._feeds.ingest_feed(feed, state)

    def poll(self, feed: str, every: timedelta) -> tuple[Ingested | None, FeedState]:
        """Poll one feed, backing off while it fails; never raises for the feed's own failure."""
        return self._feeds.poll(feed, every)

    def watch(
        self,
        feeds: Sequence[str],
        every: timedelta,
        *,
        rounds: int | None = None,
        sleep: Callable[[float], None] = time.sleep,
        report: Callable[[str, Ingested | None, FeedState], None] | None = None,
    ) -> None:
        """Poll the feeds that are due, round after round (`rounds` of them, or forever)."""
        self._feeds.watch(feeds, every, rounds=rounds, sleep=sleep, report=report)

    # Reads

    def article(self, article_id: str) -> Article | None:
        return self.store.article(article_id)

    def story_of(self, article_id: str) -> str | None:
        return self.store.story_of(article_id)

    def story_articles(self, story_id: str) -> list[Article]:
        """The story's articles in arrival order, read at once (empty for an unknown story)."""
        return self.store.story_articles(story_id)

    def stories(self, limit: int, offset: int = 0) -> tuple[list[StorySummary], int]:
        """A page of stories (those still waiting for a first brief too), most recently updated first,
        and how many there are in all."""
        return self.store.stories(limit, offset), self.store.story_count()

    def brief(self, story_id: str, version: int | None = None) -> StoredBrief | None:
        return self.store.brief(story_id, version)

    def story_state(self, story_id: str) -> StoryState | None:
        """Which of the story's articles its brief covers, waits for, or left out (None: no such story)."""
        return self.store.story_state(story_id)

    def changes(self, story_id: str) -> list[BriefChange]:
        """The story's latest brief versions, newest first, each with what changed since the one before."""
        versions = sorted(v.version for v in self.store.versions(story_id)[: VERSIONS_SHOWN + 1])
        briefs = [b for v in versions if (b := self.store.brief(story_id, v)) is not None]
        changes = [brief_change(b, briefs[i - 1] if i else None) for i, b in enumerate(briefs)]
        return changes[::-1][:VERSIONS_SHOWN]

    def search(self, query: str, limit: int) -> list[SearchHit]:
        return self.store.search(query, limit)

    def counts(self) -> dict[str, int]:
        return self.store.counts()
