"""A stored brief turned into what the story page shows: cited sentences linked to their passages, the
sources side by side with every cited, disputed and shared passage marked, the aligned passages of
each pair, the conflicts. Built from the brief's stored record and page notes only."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newsfuse.models.brief import SECTION_TITLES, told_above
from newsfuse.models.facts import shown_speaker
from newsfuse.models.record import (
    AlignmentNote,
    ArticleRecord,
    BriefRecord,
    ClaimRecord,
    EvidenceRecord,
    PageNotes,
    SentenceRecord,
    Spans,
)
from newsfuse.service import StoredBrief
from newsfuse.web.marks import Mark, Segment, anchor_id, segments

KIND_WORDS = {"copy": "copy of", "rewrite": "rewrite of", "translation": "translation of", "summary": "digest of"}
# Aligned passages shown per pair of sources: the strongest, in the order of the first source. A
# screenful; the whole alignment of a copy can run to every sentence.
MATCHES_SHOWN = 15


@dataclass(frozen=True, slots=True)
class Citation:
    number: int
    anchor: str  # "" when the citation has no span (the link then goes to the source's column)
    passage: str


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Section:
    name: str
    title: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Source:
    number: int
    id: str
    title: str
    outlet: str
    url: str | None
    published: str | None
    derived: tuple[tuple[str, str], ...]  # (words, parent label), e.g. ("copy of", "[2]")
    machine_translated: bool
    digest: bool
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class SideView:
    value: str
    sources: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class ConflictView:
    kind: str
    about: str
    status: str
    explanation: str
    sides: tuple[SideView, ...]


@dataclass(frozen=True, slots=True)
class AlignedRow:
    left: Citation
    right: Citation
    similarity: float


@dataclass(frozen=True, slots=True)
class PairView:
    left: int
    right: int
    similarity: float
    shared: int  # how many passages the pair shares in all (rows shows the strongest)
    rows: tuple[AlignedRow, ...]


@dataclass(frozen=True, slots=True)
class VariantView:
    text: str
    citations: tuple[Citation, ...]
    meaning_changed: bool
    reason: str


@dataclass(frozen=True, slots=True)
class QuoteView:
    text: str
    speaker: str
    citations: tuple[Citation, ...]
    variants: tuple[VariantView, ...]


@dataclass(frozen=True, slots=True)
class Dated:
    """A point of the story's timeline: an event the sources date, or an article's publication."""

    date: str  # ISO
    event: str
    citation: Citation
    published: bool = False  # an article's publication, not an event its sources report


@dataclass(frozen=True, slots=True)
class StoryView:
    id: str
    headline: str
    sources_line: str
    lede: tuple[Sentence, ...]
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    conflicts: tuple[ConflictView, ...]
    pairs: tuple[PairView, ...]
    timeline: tuple[Dated, ...]
    quotes: tuple[QuoteView, ...]
    claims: tuple[ClaimRecord, ...]


def in_order(citations: Iterable[Citation]) -> tuple[Citation, ...]:
    """Citations as a reader expects them: [1][3][4], each source once, whatever order they were found in."""
    first: dict[int, Citation] = {}
    for citation in citations:
        first.setdefault(citation.number, citation)
    return tuple(first[number] for number in sorted(first))


def sources_line(articles: int, independent: int) -> str:
    """ "5 articles, 2 independent sources"."""
    return (
        f"{articles} article{'s' if articles != 1 else ''}, "
        f"{independent} independent source{'s' if independent != 1 else ''}"
    )


@dataclass(frozen=True, slots=True)
class Citer:
    """Cites the brief's articles by number, and gathers every cited span as a mark on its source's
    text (so the sources, drawn last, show what the rest of the page points at)."""

    articles: tuple[ArticleRecord, ...]
    number: dict[str, int] = field(init=False)
    marks: dict[str, list[Mark]] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "number", {a.id: n for n, a in enumerate(self.articles, start=1)})
        object.__setattr__(self, "marks", {a.id: [] for a in self.articles})

    def cite(self, article_id: str, start: int | None = None, end: int | None = None, kind: str = "cited") -> Citation:
        """The citation of an article, at the span [start, end) when given (marked with `kind`)."""
        n = self.number.get(article_id, 0)
        if start is None or end is None or n == 0:
            return Citation(n, f"src{n}", "")
        anchor = anchor_id(n, start, end)
        self.marks[article_id].append(Mark(start, end, kind, anchor))
        return Citation(n, anchor, self.articles[n - 1].text[start:end])

    def cite_first(self, article_id: str, spans: Spans, kind: str = "cited") -> Citation:
        """The article cited at its first span among `spans` (at no span when none is its)."""
        first = next(((start, end) for aid, start, end in spans if aid == article_id), None)
        return self.cite(article_id, *first, kind) if first else self.cite(article_id)


def story_view(brief: StoredBrief) -> StoryView:
    record, notes = brief.record, brief.annotations
    citer = Citer(record.articles)
    lede = cited_sentences(record.lede, notes.sentences.get("lede", ()), citer)
    sections = section_views(record, notes, citer)
    conflicts = conflict_views(record, citer)
    timeline = (*dated_events(record, notes, citer), *publications(record))
    pairs = pair_views(notes, citer)
    quotes = quote_views(record, citer)
    return StoryView(
        id=brief.story_id,
        headline=brief.headline,
        sources_line=sources_line(len(record.articles), brief.independent_sources),
        lede=lede,
        sections=sections,
        sources=source_views(record, notes, citer),  # last: it shows the marks the others made
        conflicts=conflicts,
        pairs=pairs,
        timeline=timeline,
        quotes=quotes,
        claims=record.claims,
    )


def section_views(record: BriefRecord, notes: PageNotes, citer: Citer) -> tuple[Section, ...]:
    """The brief's sections in reading order, each sentence citing its sources at their first span."""
    sections = []
    told = told_above(record.headline, (item.text for item in record.lede))
    for name, items in record.sections.items():
        sentences = cited_sentences(items, notes.sentences.get(name, ()), citer)
        sentences = tuple(s for s in sentences if not told(s.text))
        if sentences:
            sections.append(Section(name, SECTION_TITLES[name], sentences))
    return tuple(sections)


def cited_sentences(items: Sequence[SentenceRecord], spans_of: Sequence[Spans], citer: Citer) -> tuple[Sentence, ...]:
    """Each sentence citing its sources at their first span (`spans_of`: the spans behind each sentence)."""
    return tuple(
        Sentence(
            item.text,
            in_order(
                citer.cite_first(source, spans_of[i] if i < len(spans_of) else ())
                for source in dict.fromkeys(item.sources)
            ),
        )
        for i, item in enumerate(items)
    )


def conflict_views(record: BriefRecord, citer: Citer) -> tuple[ConflictView, ...]:
    """The conflicts, open ones first: they are what a reader must weigh."""
    views = [
        ConflictView(
            conflict.kind,
            conflict.about,
            conflict.status,
            conflict.explanation,
            tuple(side_view(side.value, side.articles, side.evidence, citer) for side in conflict.sides),
        )
        for conflict in record.conflicts
    ]
    return tuple(sorted(views, key=lambda c: c.status != "open"))


def side_view(value: str, articles: Iterable[str], evidence: Iterable[EvidenceRecord], citer: Citer) -> SideView:
    """Every piece of evidence is marked in its source; the side cites each source once (its first)."""
    cited: dict[int, Citation] = {}
    for e in evidence:
        citation = citer.cite(e.article, e.start, e.end, "conflict")
        cited.setdefault(citation.number, citation)
    for article in articles:
        if citer.number.get(article, 0) not in cited:
            cited[citer.number.get(article, 0)] = citer.cite(article)
    return SideView(value, in_order(cited.values()))


def dated_events(record: BriefRecord, notes: PageNotes, citer: Citer) -> tuple[Dated, ...]:
    """The timeline's entries, each citing the span it was read from (else its first source)."""
    events = []
    for i, entry in enumerate(record.timeline):
        spans = notes.timeline[i] if i < len(notes.timeline) else ()
        if spans:
            article, start, end = spans[0]
            citation = citer.cite(article, start, end, "dated")
        else:
            citation = citer.cite(entry.sources[0]) if entry.sources else Citation(0, "", "")
        events.append(Dated(entry.date, entry.event, citation))
    return tuple(events)


def publications(record: BriefRecord) -> tuple[Dated, ...]:
    """Each dated article's publication, as a point of the timeline."""
    points = []
    for n, article in enumerate(record.articles, start=1):
        if article.published:
            label = " ".join(f"[{n}] {article.source or article.title or ''}".split())
            points.append(Dated(article.published, f"{label} published", Citation(n, f"src{n}", ""), True))
    return tuple(points)


def pair_views(notes: PageNotes, citer: Citer) -> tuple[PairView, ...]:
    """Each compared pair's strongest aligned passages; the pairs that share the most first (copies
    and translations before scattered common facts)."""
    pairs = [pair_view(alignment, citer) for alignment in notes.alignments]
    found = [pair for pair in pairs if pair is not None]
    return tuple(sorted(found, key=lambda p: (-p.shared * p.similarity, p.left, p.right)))


def pair_view(alignment: AlignmentNote, citer: Citer) -> PairView | None:
    a, b = alignment.a, alignment.b
    if a not in citer.number or b not in citer.number or not alignment.matches:
        return None
    strongest = sorted(alignment.matches, key=lambda m: -m[4])[:MATCHES_SHOWN]
    rows = tuple(
        AlignedRow(citer.cite(a, m[0], m[1], "shared"), citer.cite(b, m[2], m[3], "shared"), m[4])
        for m in sorted(strongest, key=lambda m: m[0])
    )
    left, right = sorted((citer.number[a], citer.number[b]))
    if (left, right) != (citer.number[a], citer.number[b]):
        rows = tuple(AlignedRow(r.right, r.left, r.similarity) for r in rows)
    return PairView(left, right, alignment.similarity, len(alignment.matches), rows)


def quote_views(record: BriefRecord, citer: Citer) -> tuple[QuoteView, ...]:
    return tuple(
        QuoteView(
            quote.text,
            shown_speaker(quote.speaker, quote.speaker_as_written),
            in_order(citer.cite(a) for a in quote.sources),
            tuple(
                VariantView(v.text, in_order(citer.cite(a) for a in v.sources), v.meaning_changed, v.reason or "")
                for v in quote.variants
            ),
        )
        for quote in record.quotes
    )


def source_views(record: BriefRecord, notes: PageNotes, citer: Citer) -> tuple[Source, ...]:
    """The sources side by side, each text cut at the marks the rest of the page made on it."""
    digests = set(notes.digests)
    return tuple(
        Source(
            number=n,
            id=article.id,
            title=article.title or "(untitled)",
            outlet=article.source or article.url or article.path or article.id,
            url=article.url,
            published=article.published,
            derived=tuple(
                (
                    KIND_WORDS.get(d.kind, d.kind),
                    f"[{citer.number[d.parent]}]" if d.parent in citer.number else d.parent,
                )
                for d in article.derived_from
            ),
            machine_translated=article.machine_translated,
            digest=article.id in digests,
            segments=tuple(segments(article.text, citer.marks[article.id])),
        )
        for n, article in enumerate(record.articles, start=1)
    )
