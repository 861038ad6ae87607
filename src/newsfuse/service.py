"""The use-case façade: the one place that wires stages together. CLI, API and web call only this."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from newsfuse.brief.builder import BriefBuilder, Composer
from newsfuse.brief.verify import Finding, check_sections
from newsfuse.claims import ClaimAligner
from newsfuse.clean import Cleaner
from newsfuse.extract import Extractor
from newsfuse.ingest import Reader, ReadOptions
from newsfuse.models import Article, Failure, RawDocument
from newsfuse.models.brief import Brief
from newsfuse.provenance import trace

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class Batch:
    """Clean articles from a batch of inputs, and the inputs that failed, each with its reason."""

    articles: tuple[Article, ...]
    failures: tuple[Failure, ...] = field(default=())


class Newsfuse:
    """Holds the pipeline's long-lived parts (models, compiled patterns) and runs use cases on them."""

    def __init__(self, read_options: ReadOptions | None = None, composer: Composer | None = None) -> None:
        self._reader = Reader(read_options)
        self._cleaner = Cleaner()
        self._extractor = Extractor()
        self._claims = ClaimAligner()
        self._briefs = BriefBuilder(composer)

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

    def briefs(self, articles: Sequence[Article]) -> list[Brief]:
        """One brief per story in the articles."""
        groups = self.group(articles)
        return [self.brief_story(story_id, members) for story_id, members in groups]

    def group(self, articles: Sequence[Article]) -> list[tuple[str, list[Article]]]:
        """The articles as stories: (story id, member articles)."""
        if not articles:
            return []
        return [(story_id_for(articles), list(articles))]

    def brief_story(self, story_id: str, articles: Sequence[Article]) -> Brief:
        """The whole analysis of one story: provenance, facts, then the composed brief."""
        provenance = trace(articles)
        independence = {a: (lineage.root if (lineage := provenance.lineage_of(a)) else a) for a in provenance.articles}
        translated = frozenset(a for a in provenance.articles if provenance.machine_translated(a))
        facts = self._extractor.extract(articles, independence=independence, translated=translated)
        found = self._claims.align(articles, facts, provenance)
        return self._briefs.build(story_id, articles, provenance, facts, found.claims, found.conflicts)

    def verify(self, brief: Brief) -> list[Finding]:
        """Sentences of the brief that its cited spans do not support (empty when it is faithful)."""
        entities = {name.casefold(): entity.names for entity in brief.entities for name in entity.names}
        return check_sections(
            brief.sections.items(), brief.articles, aliases=lambda name: entities.get(name.casefold(), ())
        )


def story_id_for(articles: Sequence[Article]) -> str:
    """A story's id: stable for the same set of articles."""
    import hashlib

    digest = hashlib.sha1("\n".join(sorted(a.id for a in articles)).encode(), usedforsecurity=False)
    return "s" + digest.hexdigest()[:12]
