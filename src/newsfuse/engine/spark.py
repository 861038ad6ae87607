"""The Spark engine: the local pipeline's stages run as Spark jobs, with the local engine's answers.

Every stage is the local engine's own code, applied to the same units of work:
- reading: each file or URL the inputs name is read by one task (`expand_inputs` lists them on the
  driver, in the local reading order); Parquet inputs are read by Spark itself, a row a document;
- cleaning: documents are cleaned in the local engine's cleaning groups (pages of one site, in runs
  of CLEANING_GROUP_PAGES); a document's rank within its site is counted per partition, as
  `zipWithIndex` counts, so no site's pages ever gather in one place to be numbered;
- stories: articles are ranked by day, then input order, and cut into the blocks of
  `newsfuse.stories.blocks`; each block is clustered by one task (near-duplicates by MinHash LSH,
  an embedding model loaded once per executor when one is asked for), and the driver joins the
  blocks' stories, which carry only article ids;
- briefs: each story's articles are gathered by one task and run through provenance, extraction,
  claims and the brief builder, whose models load once per executor.

So on the same inputs the two engines give the same stories (tests/engine assert it on ECB+ dev).
Results are returned to the caller (`stories`) or written as Parquet tables (`write`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsfuse.clean.groups import run_starts
from newsfuse.engine import tasks
from newsfuse.errors import ConfigError
from newsfuse.ingest.reader import expand_inputs, is_url
from newsfuse.models import Article, Failure, RawDocument, Story
from newsfuse.service import Progress, StoryBatch
from newsfuse.stories.blocks import BlockPlan, Known, join_blocks, rank_key
from newsfuse.stories.similarity import Scoring

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

# Where no master is configured (here, `--spark-master`, NEWSFUSE_SPARK_MASTER or spark-submit's),
# Spark runs in this process on every core.
DEFAULT_MASTER = "local[*]"
# Memory of the driver's JVM in local mode, where executors live inside it. Spark's default of 1 GB
# leaves little room to cache the articles between stages (what does not fit spills to disk); the
# 100k benchmark ran with 6 GB allowed and 3.9 GB resident in all (bench/README.md).
DEFAULT_DRIVER_MEMORY = "4g"
# Files read per task: a task per file would cost more in scheduling than in reading for a folder
# of thousands of small articles (a Spark task costs about 0.3 s here before it does any work).
FILES_PER_TASK = 256
# Bytes read per task, at most (when files are few and large, as JSON Lines shards are): a task's
# output is held as one block, and Spark handles blocks of tens of MB best.
BYTES_PER_TASK = 64 * 1024 * 1024
# Documents cleaned per task, at least: about 10 s of work each, so scheduling stays negligible and
# a failed task is cheap to retry.
DOCUMENTS_PER_TASK = 2_000


@dataclass(frozen=True, slots=True)
class SparkSettings:
    """How to reach Spark. `master` None means: NEWSFUSE_SPARK_MASTER, else spark-submit's, else local[*]."""

    master: str | None = None
    app_name: str = "newsfuse"
    driver_memory: str = DEFAULT_DRIVER_MEMORY


@dataclass(frozen=True, slots=True)
class SparkRun:
    """What `SparkEngine.write` wrote: the folder of its tables, and how many rows of each kind."""

    output: Path
    articles: int
    stories: int
    failures: int
    briefs: int


class SparkEngine:
    """Runs the pipeline's heavy stages on a Spark cluster (or on this machine's cores in local mode)."""

    name = "spark"

    def __init__(
        self,
        settings: SparkSettings | None = None,
        *,
        scoring: Scoring | None = None,
        embedder: str | None = None,
        plan: tuple[int, int] | None = None,
    ) -> None:
        """`embedder` names one of newsfuse.stories.EMBEDDERS (None: term channels only); `plan`
        overrides (articles per block, overlap) of newsfuse.stories.blocks."""
        self.settings = settings or SparkSettings()
        self._scoring = scoring
        self._embedder = embedder
        self._plan = plan
        self._spark: SparkSession | None = None
        # Wall seconds of the last run's phases (read_clean_s, cluster_s, write_s), for capacity planning.
        self.timings: dict[str, float] = {}

    def stories(self, inputs: Sequence[str], progress: Progress | None = None) -> StoryBatch:
        """Read, clean and group the inputs into stories; everything comes back to the caller.
        `progress` ticks once per article at the end (Spark reports no progress while it runs)."""
        cleaned = self._articles(inputs)
        stories = self._cluster(cleaned)
        ordered = [article for _, _, article in sorted(cleaned.articles.collect(), key=lambda item: item[0])]
        cleaned.articles.unpersist()
        if progress is not None:
            progress(len(ordered) + len(cleaned.failures))
        return StoryBatch(tuple(stories), tuple(ordered), tuple(cleaned.failures))

    def write(self, inputs: Sequence[str], output: Path, *, briefs: bool = False) -> SparkRun:
        """Run the pipeline and write Parquet tables under `output`: articles (with their story id),
        stories, failures and, when asked, briefs (one JSON document per story)."""
        spark = self.session()
        started = time.perf_counter()
        self.timings = {}
        cleaned = self._articles(inputs)
        self.timings["read_clean_s"] = time.perf_counter() - started
        stories = self._cluster(cleaned)
        self.timings["cluster_s"] = time.perf_counter() - started - self.timings["read_clean_s"]
        partitions = cleaned.articles.getNumPartitions()
        # Each article's story travels as a small broadcast (a story number per input position), so
        # labelling is a map: no shuffle of the articles.
        numbers = [-1] * len(cleaned.known)
        for number, story in enumerate(stories):
            for article_id in story.article_ids:
                numbers[cleaned.known[article_id][0]] = number
        story_ids = [story.id for story in stories]
        labelled = cleaned.articles.flatMap(tasks.labelled(spark.sparkContext.broadcast((numbers, story_ids))))
        if output.exists():
            shutil.rmtree(output)
        spark.createDataFrame(labelled.map(tasks.article_row), _ARTICLE_SCHEMA).write.parquet(str(output / "articles"))
        spark.createDataFrame([tasks.story_row(s) for s in stories], _STORY_SCHEMA).write.parquet(
            str(output / "stories")
        )
        rows = [(f.origin, f.problem) for f in cleaned.failures]
        spark.createDataFrame(rows, "origin string, problem string").coalesce(1).write.parquet(str(output / "failures"))
        written = 0
        if briefs:
            table = labelled.groupByKey(partitions).map(tasks.brief_story)
            spark.createDataFrame(table, "story_id string, brief string").write.parquet(str(output / "briefs"))
            written = len(stories)
        cleaned.articles.unpersist()
        self.timings["write_s"] = time.perf_counter() - started - sum(self.timings.values())
        articles = sum(len(s.article_ids) for s in stories)
        return SparkRun(output, articles, len(stories), len(cleaned.failures), written)

    def session(self) -> SparkSession:
        if self._spark is None:
            self._spark = start_session(self.settings)
        return self._spark

    def close(self) -> None:
        if self._spark is not None:
            self._spark.stop()
            self._spark = None

    def _articles(self, inputs: Sequence[str]) -> _Cleaned:
        """Clean articles (ids kept once, the first), and every failure in the local engine's order:
        reading failures, then cleaning failures, each in input order."""
        from pyspark import StorageLevel

        spark = self.session()
        context = spark.sparkContext
        units: list[tuple[tuple[int, int], str]] = []
        read_failures: list[tuple[tasks.Seq, Failure]] = []
        tables: list[RDD[tuple[tasks.Seq, RawDocument | Failure]]] = []
        for input_no, name in enumerate(inputs):
            if _is_parquet(name):
                tables.append(_parquet_documents(spark, input_no, name))
                continue
            for unit_no, unit in enumerate(expand_inputs([name])):
                if isinstance(unit, Failure):
                    read_failures.append(((input_no, unit_no, 0), unit))
                else:
                    units.append(((input_no, unit_no), unit))
        read = context.parallelize(units, self._read_slices(units)).flatMap(tasks.read_unit)
        for table in tables:
            read = read.union(table)
        read = read.persist(StorageLevel.MEMORY_AND_DISK)

        # The driver learns each document's site (or failure), and from them where each site's
        # cleaning groups start; executors then key their documents by group without a sort.
        sites: dict[str, list[tasks.Seq]] = {}
        for seq, site in read.map(tasks.read_fact).collect():
            if isinstance(site, Failure):
                read_failures.append((seq, site))
            else:
                sites.setdefault(site, []).append(seq)
        starts = {site: run_starts(seqs) for site, seqs in sites.items()}
        partitions = self._partitions(sum(len(seqs) for seqs in sites.values()))
        grouped = read.flatMap(tasks.cleaning_keys(context.broadcast(starts))).groupByKey(partitions)
        cleaned = grouped.flatMap(lambda group: tasks.clean_group(group[1])).persist(StorageLevel.MEMORY_AND_DISK)
        outcomes = sorted(cleaned.map(tasks.clean_fact).collect(), key=lambda item: item[0])
        read.unpersist()

        clean_failures = [fact for _, fact in outcomes if isinstance(fact, Failure)]
        first: dict[str, tuple[tasks.Seq, date | None]] = {}
        for seq, outcome in outcomes:
            if not isinstance(outcome, Failure):
                first.setdefault(outcome[0], (seq, outcome[1]))
        known = {article_id: (position, day) for position, (article_id, (_, day)) in enumerate(first.items())}
        ranking = sorted(first.items(), key=lambda item: rank_key(item[1][1], known[item[0]][0]))
        slots = {seq: (known[article_id][0], rank) for rank, (article_id, (seq, _)) in enumerate(ranking)}
        articles = cleaned.flatMap(tasks.kept(context.broadcast(slots))).persist(StorageLevel.MEMORY_AND_DISK)
        articles.count()
        cleaned.unpersist()
        failures = [f for _, f in sorted(read_failures, key=lambda item: item[0])] + clean_failures
        return _Cleaned(articles, failures, known)

    def _read_slices(self, units: list[tuple[tuple[int, int], str]]) -> int:
        """Read tasks: every core busy, at most FILES_PER_TASK files or about BYTES_PER_TASK each."""
        size = 0
        for _, name in units:
            with contextlib.suppress(OSError):
                size += 0 if is_url(name) else os.stat(name).st_size
        wanted = max(self.session().sparkContext.defaultParallelism, -(-len(units) // FILES_PER_TASK))
        return max(1, min(len(units), max(wanted, -(-size // BYTES_PER_TASK))))

    def _partitions(self, documents: int) -> int:
        """Shuffle partitions for this many documents: every core busy, and no task too big to retry."""
        parallelism = self.session().sparkContext.defaultParallelism
        return max(parallelism, -(-documents // DOCUMENTS_PER_TASK))

    def _cluster(self, cleaned: _Cleaned) -> list[Story]:
        if not cleaned.known:
            return []
        size = len(cleaned.known)
        plan = BlockPlan(size, *self._plan) if self._plan else BlockPlan(size)
        # One partition per block, filled by partitionBy: a groupByKey would first gather each map
        # task's articles into per-block lists in Python, which spill to disk whenever the worker's
        # memory passes spark.python.worker.memory (512 MB; a worker holding the cleaner is past it).
        placed = cleaned.articles.flatMap(tasks.placements(plan)).partitionBy(plan.blocks, tasks.block_partition)
        results = placed.mapPartitions(tasks.cluster(self._scoring, self._embedder)).collect()
        return join_blocks(results, cleaned.known)


@dataclass(frozen=True, slots=True)
class _Cleaned:
    """Clean articles as (input position, rank, article) on the executors; failures and each
    article's (input position, publication date) on the driver."""

    articles: RDD[tuple[int, int, Article]]
    failures: list[Failure]
    known: dict[str, Known]


def start_session(settings: SparkSettings) -> SparkSession:
    """A Spark session as configured; a ConfigError says what is missing (PySpark or Java)."""
    try:
        from pyspark import SparkConf
        from pyspark.sql import SparkSession
    except ImportError:
        raise ConfigError("the Spark engine needs PySpark: pip install 'newsfuse[spark]'") from None
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        raise ConfigError("the Spark engine needs Java 17 (install a JDK, or run scripts/install-spark)")
    # Executors' Python must be this one (the one with newsfuse installed), in local mode at least.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(settings.app_name)
    master = settings.master or os.environ.get("NEWSFUSE_SPARK_MASTER")
    if master:
        builder = builder.master(master)
    elif not SparkConf().contains("spark.master"):  # spark-submit sets it
        builder = builder.master(DEFAULT_MASTER)
    session = (
        builder.config("spark.driver.memory", settings.driver_memory)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return session


def _is_parquet(name: str) -> bool:
    return not is_url(name) and name.rstrip("/").lower().endswith(".parquet")


def _parquet_documents(spark: SparkSession, input_no: int, name: str) -> RDD[tuple[tasks.Seq, RawDocument | Failure]]:
    """A Parquet table's rows as documents: each row has the JSON Lines fields (text or html, ...)."""
    frame = spark.read.parquet(name)

    def numbered(pair: tuple[Any, int]) -> tuple[tasks.Seq, RawDocument | Failure]:
        row, row_no = pair
        return (input_no, row_no, 0), tasks.record_document(f"{name}#{row_no + 1}", row.asDict())

    return frame.rdd.zipWithIndex().map(numbered)


_ARTICLE_SCHEMA = (
    "position long, id string, story_id string, title string, source string, url string, published string, "
    "byline string, dateline string, agencies array<string>, language string, origin string, text string"
)
_STORY_SCHEMA = "id string, headline string, start string, end string, size long, article_ids array<string>"
