"""The brief as it leaves the pipeline: the JSON contract of ../shared/DESIGN.md as typed records.

One shape from the renderer to the store to the API and the web page: `newsfuse.render.brief` builds
a `BriefRecord` from a `Brief`; `record_json` writes it as the contract's JSON object; `parse_record`
reads such an object back (the store, the API's clients), checking every field's type. The page's
extras beyond the contract (the spans behind each sentence, aligned passages, lineages) are a
`PageNotes`, kept beside the record.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any


@dataclass(frozen=True, slots=True)
class DerivedRecord:
    parent: str  # an article id, or an agency's name
    kind: str  # copy, rewrite, translation, summary
    score: float


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    id: str
    source: str | None
    title: str | None
    byline: str | None
    published: str | None  # ISO date
    dateline: str | None
    agencies: tuple[str, ...]
    language: str | None
    text: str
    derived_from: tuple[DerivedRecord, ...] = ()
    machine_translated: bool = False
    path: str | None = None  # where it was read from; the JSON leaves out whichever of these is None
    url: str | None = None

    @property
    def label(self) -> str:
        """A short name for the article: its outlet, else its file or URL, else its id."""
        where = self.url or self.path
        return self.source or (where.rstrip("/").rsplit("/", 1)[-1] if where else self.id)


@dataclass(frozen=True, slots=True)
class SentenceRecord:
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SectionsRecord:
    quick_read: tuple[SentenceRecord, ...] = ()
    what_happened: tuple[SentenceRecord, ...] = ()
    why_it_matters: tuple[SentenceRecord, ...] = ()
    whats_next: tuple[SentenceRecord, ...] = ()
    background: tuple[SentenceRecord, ...] = ()
    perspectives: tuple[SentenceRecord, ...] = ()

    def items(self) -> list[tuple[str, tuple[SentenceRecord, ...]]]:
        return [(f.name, getattr(self, f.name)) for f in dataclasses.fields(self)]


@dataclass(frozen=True, slots=True)
class TimelineRecord:
    date: str  # ISO, at the entry's precision: 2025-09-04, 2018-08, 2018
    event: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EntityRecord:
    name: str
    type: str
    aliases: tuple[str, ...]
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PersonRecord:
    name: str
    roles: tuple[str, ...]
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class VariantRecord:
    text: str
    sources: tuple[str, ...]
    meaning_changed: bool = False
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    speaker: str | None  # a name, only where it is certain
    text: str
    sources: tuple[str, ...]
    variants: tuple[VariantRecord, ...] = ()
    speaker_as_written: str | None = None  # where no name is: the articles' words for the source


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    text: str
    sources: tuple[str, ...]
    independent_sources: int
    attribution: str | None = None


@dataclass(frozen=True, slots=True)
class EvidenceRecord:
    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SideRecord:
    value: str
    articles: tuple[str, ...]
    evidence: tuple[EvidenceRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class ConflictRecord:
    kind: str
    about: str
    status: str  # open or reconciled
    explanation: str
    sides: tuple[SideRecord, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class BriefRecord:
    """Keyword-only, so the lede sits under the headline in the JSON while briefs stored before it
    had one (no `lede`) still read back."""

    id: str
    headline: str
    headline_sources: tuple[str, ...]
    lede: tuple[SentenceRecord, ...] = ()
    composer: str
    complete: bool
    error: str | None
    articles: tuple[ArticleRecord, ...]
    independent_sources: int
    sections: SectionsRecord
    timeline: tuple[TimelineRecord, ...] = ()
    entities: tuple[EntityRecord, ...] = ()
    key_people: tuple[PersonRecord, ...] = ()
    quotes: tuple[QuoteRecord, ...] = ()
    claims: tuple[ClaimRecord, ...] = ()
    conflicts: tuple[ConflictRecord, ...] = ()

    @property
    def open_conflicts(self) -> int:
        return sum(1 for conflict in self.conflicts if conflict.status == "open")

    def number(self, article_id: str) -> int:
        """The article's number as the brief cites it ([1] is the first article); 0 when it is not one."""
        return next((n for n, a in enumerate(self.articles, start=1) if a.id == article_id), 0)


Spans = tuple[tuple[str, int, int], ...]  # (article id, start, end) of each cited span


@dataclass(frozen=True, slots=True)
class AlignmentNote:
    """Two articles' aligned passages: (start in a, end in a, start in b, end in b, similarity) each."""

    a: str
    b: str
    similarity: float
    coverage_a: float
    coverage_b: float
    matches: tuple[tuple[int, int, int, int, float], ...]


@dataclass(frozen=True, slots=True)
class LineageNote:
    root: str
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PageNotes:
    """What a page shows beyond the contract: the spans behind each section's sentences and each
    timeline entry, the aligned passages of each compared pair, the lineages and the digests."""

    sentences: Mapping[str, tuple[Spans, ...]] = field(default_factory=dict)
    timeline: tuple[Spans, ...] = ()
    alignments: tuple[AlignmentNote, ...] = ()
    lineages: tuple[LineageNote, ...] = ()
    digests: tuple[str, ...] = ()


def record_json(record: BriefRecord | ArticleRecord | PageNotes) -> dict[str, Any]:
    """The record as the contract's JSON object: dicts, lists and plain values only. An article's
    `path` or `url` is left out when it has none (the contract gives one or the other), and so is a
    quote's `speaker_as_written` (the contract's quote is speaker, text, sources and variants; the
    phrase is there only where no name is)."""
    data: dict[str, Any] = _plain(dataclasses.asdict(record))
    articles = data.get("articles", []) if isinstance(record, BriefRecord) else [data]
    for article in articles if not isinstance(record, PageNotes) else []:
        for optional in ("path", "url"):
            if article.get(optional, "") is None:
                del article[optional]
    for quote in data.get("quotes", []) if isinstance(record, BriefRecord) else []:
        if quote.get("speaker_as_written", "") is None:
            del quote["speaker_as_written"]
    return data


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def parse_record(data: Mapping[str, Any]) -> BriefRecord:
    """A brief record from its JSON object; raises ValueError naming the first field that does not fit."""
    return _validated(BriefRecord, data)  # type: ignore[no-any-return]


def parse_notes(data: Mapping[str, Any]) -> PageNotes:
    """Page notes from their JSON object; raises ValueError as `parse_record` does."""
    return _validated(PageNotes, data)  # type: ignore[no-any-return]


def _validated(kind: type, data: Mapping[str, Any]) -> Any:
    try:
        return _adapter(kind).validate_python(data)
    except ValueError as error:  # pydantic's ValidationError: one line, for the first field that does not fit
        problems = error.errors() if hasattr(error, "errors") else []
        if not problems:
            raise
        first = problems[0]
        where = ".".join(str(part) for part in first["loc"]) or kind.__name__
        got = "" if first["type"] == "missing" else f" (got {first.get('input')!r:.60})"
        raise ValueError(f"{where}: {first['msg']}{got}") from None


@cache
def _adapter(kind: type) -> Any:
    # Imported here: validation is for readers of stored or posted JSON, and pydantic is not needed to
    # build a brief. Cached: building an adapter walks every nested type.
    from pydantic import TypeAdapter

    return TypeAdapter(kind)
