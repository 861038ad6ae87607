"""Engines: where the pipeline's heavy stages run. `local` (this process, the default) or `spark`.

Both give the same stories on the same inputs; Spark spreads reading, cleaning, clustering blocks
and briefs over a cluster's executors (or this machine's cores in local mode).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from newsfuse.errors import ConfigError
from newsfuse.ingest import ReadOptions
from newsfuse.service import Newsfuse, Progress, StoryBatch
from newsfuse.stories.embedders import make_embedder

ENGINES = ("local", "spark")


class Engine(Protocol):
    """Reads, cleans and groups inputs into stories."""

    name: str

    def stories(self, inputs: Sequence[str], progress: Progress | None = None) -> StoryBatch: ...

    def close(self) -> None: ...


class LocalEngine:
    """The pipeline in this process (`Newsfuse.stories`)."""

    name = "local"

    def __init__(self, *, embedder: str | None = None, options: ReadOptions | None = None) -> None:
        self._service = Newsfuse(options, embedder=make_embedder(embedder) if embedder else None)

    def stories(self, inputs: Sequence[str], progress: Progress | None = None) -> StoryBatch:
        return self._service.stories(inputs, progress)

    def close(self) -> None:
        """Nothing to release: the local engine holds no outside resources."""


def make_engine(
    name: str, *, embedder: str | None = None, spark_master: str | None = None, options: ReadOptions | None = None
) -> Engine:
    """The engine registered under `name` (see ENGINES); a ConfigError names an unknown one. `options`
    say how the local engine reads (Spark's executors read files with the defaults)."""
    if name == "local":
        return LocalEngine(embedder=embedder, options=options)
    if name == "spark":
        from newsfuse.engine.spark import SparkEngine, SparkSettings

        return SparkEngine(SparkSettings(master=spark_master), embedder=embedder)
    raise ConfigError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")
