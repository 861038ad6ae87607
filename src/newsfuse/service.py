"""The use-case façade: the one place that wires stages together. CLI, API and web call only this."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from newsfuse.clean import Cleaner
from newsfuse.ingest import Reader, ReadOptions
from newsfuse.models import Article, Failure, RawDocument

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class Batch:
    """Clean articles from a batch of inputs, and the inputs that failed, each with its reason."""

    articles: tuple[Article, ...]
    failures: tuple[Failure, ...] = field(default=())


class Newsfuse:
    """Holds the pipeline's long-lived parts (models, compiled patterns) and runs use cases on them."""

    def __init__(self, read_options: ReadOptions | None = None) -> None:
        self._reader = Reader(read_options)
        self._cleaner = Cleaner()

    def articles(self, inputs: Iterable[str], progress: Progress | None = None) -> Batch:
        """Read and clean every input. Duplicates (same id) are kept once, in first-seen order."""
        raws: list[RawDocument] = []
        failures: list[Failure] = []
        for item in self._reader.read(inputs):
            if isinstance(item, Failure):
                failures.append(item)
            else:
                raws.append(item)
            if progress is not None:
                progress(1)
        return self._clean(raws, failures)

    def articles_from_documents(self, raws: Sequence[RawDocument]) -> Batch:
        return self._clean(list(raws), [])

    def _clean(self, raws: list[RawDocument], failures: list[Failure]) -> Batch:
        articles: dict[str, Article] = {}
        for result in self._cleaner.clean_batch(raws):
            if isinstance(result, Failure):
                failures.append(result)
            else:
                articles.setdefault(result.id, result)
        return Batch(tuple(articles.values()), tuple(failures))
