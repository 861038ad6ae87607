"""The use-case façade: the one place that wires stages together. CLI, API and web call only this."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from newsfuse import store
from newsfuse.brief.builder import BriefBuilder, Composer, incomplete_brief
from newsfuse.brief.verify import Finding, check_sections
from newsfuse.claims import ClaimAligner
from newsfuse.clean import Cleaner
from newsfuse.deadline import budget, check
from newsfuse.errors import BudgetExceeded, InputError
from newsfuse.extract import Extractor
from newsfuse.ingest import Fetcher, Reader, ReadOptions, is_url
from newsfuse.ingest.decode import decode_bytes
from newsfuse.models import Article, Failure, Provenance, RawDocument, Story
from newsfuse.models.brief import Brief
from newsfuse.provenance import trace
from newsfuse.render.brief import brief_json
from newsfuse.store import BriefRow, Reads
from newsfuse.store.changes import BriefChange, brief_change
from newsfuse.store.rows import brief_row
from newsfuse.stories import Embedder, StoryTracker
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
open_store = store.open_store


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
            brief.sections.items(), brief.articles, aliases=lambda name: entities.get(name.casefold(), ())
        )


# Output formats of the CLI's three batch commands; "jsonl" writes one brief a line as each is done.
ARTICLE_FORMATS = ("json", "md")
BRIEF_FORMATS = ("md", "json", "html", "jsonl")


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


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an ingested article went. `added` is False when it was stored already (re-ingest is a no-op)."""

    article_id: str
    story_id: str
    added: bool


@dataclass(frozen=True, slots=True)
class Ingested:
    """What one ingest stored: a placement per article, each input that failed, the briefs refreshed."""

    placements: tuple[Placement, ...]
    failures: tuple[Failure, ...] = ()
    refreshed: tuple[str, ...] = ()


# A brief is recomputed outside the write transaction and saved only if the story did not change
# meanwhile (another process added to it); after this many such races the last brief is saved anyway
# and the story stays marked stale for the next refresh.
REFRESH_ATTEMPTS = 3
# A feed that keeps failing is polled every `every * 2**failures`, but never less often than this:
# a feed down for a day is still retried four times a day, so its recovery is seen within hours.
MAX_FEED_BACKOFF = timedelta(hours=6)
# The versions page compares this many of the latest versions: each comparison loads two whole briefs.
VERSIONS_SHOWN = 50


class Newsroom:
    """The store-backed use cases: ingest (each article placed in a story as it arrives, its story's
    brief refreshed, every step committed), and the reads that the API and web page serve.

    Thread-safe: reads run in parallel; articles are placed and briefed one at a time.
    """

    def __init__(
        self,
        store: Store,
        newsfuse: Newsfuse | None = None,
        read_options: ReadOptions | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.store = store
        self._options = read_options or ReadOptions()
        self._newsfuse = newsfuse or Newsfuse(self._options)
        self._reader = Reader(self._options)
        self._clock = clock or (lambda: datetime.now(UTC))
        # The pipeline's models are not shared across threads: cleaning, placing and briefing each
        # run one at a time (reads never wait for them).
        self._clean_lock = threading.Lock()
        self._place_lock = threading.Lock()
        self._brief_lock = threading.Lock()
        self._tracker: StoryTracker | None = None
        self._seen = 0  # the last arrival (store seq) the tracker has been given
        self._aliases: dict[str, str] = {}  # the tracker's story id -> the stored story it stands for

    @classmethod
    def open(cls, db: str = DEFAULT_DB, *, allow_private_urls: bool = False, fetch_pages: bool = False) -> Newsroom:
        """The newsroom over the store at `db` (a file path, sqlite:///path or postgresql://...).

        URLs are fetched from public addresses only unless `allow_private_urls`; feed items' own
        pages are fetched only with `fetch_pages`.
        """
        options = ReadOptions(online=fetch_pages, fetcher=Fetcher(allow_private=allow_private_urls))
        return cls(open_store(db), read_options=options)

    def close(self) -> None:
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
        batch = self.clean(raws)
        return self.file(Batch(batch.articles, (*failures, *batch.failures)), on_placed)

    def ingest_documents(self, raws: Sequence[RawDocument]) -> Ingested:
        return self.file(self.clean(raws))

    def clean(self, raws: Sequence[RawDocument]) -> Batch:
        """Clean documents already in memory (an API request) without storing them."""
        with self._clean_lock:
            return self._newsfuse.articles_from_documents(raws)

    def file(self, batch: Batch, on_placed: Callable[[Placement], None] | None = None) -> Ingested:
        """Place each article (one transaction each), then refresh the brief of every story that grew."""
        placements = []
        for article in batch.articles:
            placement = self.place(article)
            placements.append(placement)
            if on_placed is not None:
                on_placed(placement)
        grown = [p.story_id for p in placements if p.added]
        stale = dict.fromkeys([*grown, *self.store.stale_stories()])
        refreshed = [story for story in stale if self.refresh(story, only_if_stale=True)]
        return Ingested(tuple(placements), batch.failures, tuple(refreshed))

    def add(self, article: Article) -> Placement:
        """Place one article and refresh its story's brief before returning (the API's POST). An article
        stored already changes nothing and returns at once."""
        placement = self.place(article)
        if placement.added:
            self.refresh(placement.story_id, only_if_stale=True)
        return placement

    def place(self, article: Article) -> Placement:
        """Store the article in the story it joins, in one transaction. Its brief is left stale."""
        known = self.store.story_of(article.id)
        if known is not None:
            return Placement(article.id, known, added=False)
        with self._place_lock:
            try:
                with self.store.write() as tx:
                    known = tx.story_of(article.id)
                    if known is not None:
                        return Placement(article.id, known, added=False)
                    self._catch_up(tx)
                    story_id = self._join_story(article)
                    self._seen = tx.add_article(article, story_id)
            except BaseException:
                self._tracker = None  # it saw an article the store did not keep: rebuild it from the store
                raise
        return Placement(article.id, story_id, added=True)

    def refresh(self, story_id: str, *, only_if_stale: bool = False) -> bool:
        """Recompute and store a new version of the story's brief; False when nothing was stored (the
        story has no articles, or `only_if_stale` and its brief already covers them all).

        The brief is computed outside the write transaction and saved only if the story's articles
        are still the same; if another process keeps adding to it, the last brief is saved anyway and
        the story stays marked stale for the next refresh. With `only_if_stale`, refreshes queued
        behind one another collapse: the first to run covers every article placed before it.
        """
        with self._brief_lock:
            if only_if_stale and story_id not in self.store.stale_stories():
                return False
            row: BriefRow | None = None
            for _ in range(REFRESH_ATTEMPTS):
                members = self.store.story_articles(story_id)
                if not members:
                    return False
                brief = self._newsfuse.brief_story(story_id, members)
                row = brief_row(brief, brief_json(brief), self._clock())
                with self.store.write() as tx:
                    if [a.id for a in tx.story_articles(story_id)] == [a.id for a in members]:
                        tx.save_brief(row)
                        return True
            assert row is not None
            with self.store.write() as tx:
                tx.save_brief(row)
            return True

    def refresh_stale(self) -> list[str]:
        """Refresh every story whose brief misses some of its articles (a run was cut short)."""
        return [story for story in self.store.stale_stories() if self.refresh(story)]

    def _catch_up(self, tx: Reads) -> None:
        """Give the tracker every article stored since it last looked (all of them on first use, and
        those another process added), with the story each was stored in."""
        if self._tracker is None:
            self._tracker, self._seen, self._aliases = StoryTracker(), 0, {}
        for arrival in tx.arrivals_since(self._seen):
            self._aliases.setdefault(self._tracker.add(arrival.article), arrival.story_id)
            self._seen = arrival.seq

    def _join_story(self, article: Article) -> str:
        """The one seam with the stories stage: the story a new article joins, or founds."""
        assert self._tracker is not None
        placed = self._tracker.add(article)
        return self._aliases.setdefault(placed, placed)

    # Feeds

    def ingest_feed(self, feed: str, state: FeedState | None = None) -> tuple[Ingested, FeedState]:
        """Read a feed (a file, or a URL fetched with a conditional GET against `state`) and ingest its items.

        Raises InputError (FetchError for the network) when the feed itself cannot be read; a bad
        item is a failure in the result. The returned state is what to send next time.
        """
        state = state or FeedState(feed)
        now = self._clock()
        if not is_url(feed):
            done = self.ingest([feed])
            if done.failures and not done.placements:
                raise InputError(done.failures[0].origin, done.failures[0].problem)
            return done, replace(state, checked=now)
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        response = self._options.fetcher.get(feed, headers)
        if response.status == 304:
            return Ingested(()), replace(state, checked=now)
        text = decode_bytes(feed, response.body, declared=response.charset)
        raws: list[RawDocument] = []
        failures: list[Failure] = []
        for item in self._reader.read_text(feed, text, kind="feed"):
            if isinstance(item, Failure):
                failures.append(item)
            else:
                raws.append(item)
        if failures and not raws:
            raise InputError(feed, failures[0].problem)
        batch = self.clean(raws)
        done = self.file(Batch(batch.articles, (*failures, *batch.failures)))
        seen = state.articles_seen + sum(1 for p in done.placements if p.added)
        etag = response.headers.get("etag") or None
        modified = response.headers.get("last-modified") or None
        return done, replace(state, etag=etag, last_modified=modified, checked=now, articles_seen=seen)

    def poll(self, feed: str, every: timedelta) -> tuple[Ingested | None, FeedState]:
        """Poll one feed, remembering its validators and backing off while it fails. Never raises for
        the feed's own failure: it is recorded in the state (and the result is None)."""
        state = self.store.feed(feed) or FeedState(feed)
        now = self._clock()
        try:
            done, state = self.ingest_feed(feed, state)
        except InputError as exc:
            failures = state.failures + 1
            wait = min(every * 2**failures, max(MAX_FEED_BACKOFF, every))
            state = replace(state, checked=now, next_due=now + wait, failures=failures, last_error=exc.problem)
            result = None
        else:
            state = replace(state, next_due=now + every, failures=0, last_error=None)
            result = done
        with self.store.write() as tx:
            tx.save_feed(state)
        return result, state

    def watch(
        self,
        feeds: Sequence[str],
        every: timedelta,
        *,
        rounds: int | None = None,
        sleep: Callable[[float], None] = time.sleep,
        report: Callable[[str, Ingested | None, FeedState], None] | None = None,
    ) -> None:
        """Poll the feeds that are due, round after round (`rounds` of them, or forever), sleeping until
        the next one is due. One feed failing never stops the others."""
        done = 0
        while rounds is None or done < rounds:
            now = self._clock()
            for feed in feeds:
                known = self.store.feed(feed)
                if known is None or known.next_due is None or known.next_due <= now:
                    result, state = self.poll(feed, every)
                    if report is not None:
                        report(feed, result, state)
            done += 1
            if rounds is not None and done >= rounds:
                return
            due = [s.next_due for f in feeds if (s := self.store.feed(f)) is not None and s.next_due is not None]
            wait = (min(due) - self._clock()).total_seconds() if due else every.total_seconds()
            sleep(max(wait, 0.0))

    # Reads

    def article(self, article_id: str) -> Article | None:
        return self.store.article(article_id)

    def story_of(self, article_id: str) -> str | None:
        return self.store.story_of(article_id)

    def stories(self, limit: int, offset: int = 0) -> tuple[list[StorySummary], int]:
        """A page of stories, most recently updated first, and how many there are in all."""
        return self.store.stories(limit, offset), self.store.story_count()

    def brief(self, story_id: str, version: int | None = None) -> StoredBrief | None:
        return self.store.brief(story_id, version)

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
