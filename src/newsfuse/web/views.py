"""A stored brief turned into what the story page shows: cited sentences linked to their passages, the
sources side by side with every cited, disputed and shared passage marked, the aligned passages of
each pair, the conflicts. Built from the brief's contract JSON and its annotations only."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from newsfuse.models.brief import SECTION_TITLES
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
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    conflicts: tuple[ConflictView, ...]
    pairs: tuple[PairView, ...]
    timeline: tuple[Dated, ...]
    quotes: tuple[QuoteView, ...]
    claims: tuple[dict[str, Any], ...]


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


def story_view(brief: StoredBrief) -> StoryView:
    record, notes = brief.record, brief.annotations or {}
    articles: list[dict[str, Any]] = record.get("articles") or []
    number = {str(a["id"]): i for i, a in enumerate(articles, start=1)}
    texts = {str(a["id"]): str(a.get("text") or "") for a in articles}
    marks: dict[str, list[Mark]] = {aid: [] for aid in number}

    def cite(article_id: str, start: int | None = None, end: int | None = None, kind: str = "cited") -> Citation:
        n = number.get(article_id, 0)
        if start is None or end is None or article_id not in texts:
            return Citation(n, f"src{n}", "")
        anchor = anchor_id(n, start, end)
        marks[article_id].append(Mark(start, end, kind, anchor))
        return Citation(n, anchor, texts[article_id][start:end])

    sections = []
    span_notes = notes.get("sentences") or {}
    for name, title in SECTION_TITLES.items():
        items = (record.get("sections") or {}).get(name) or []
        spans_of = span_notes.get(name) or []
        sentences = []
        for i, item in enumerate(items):
            spans = spans_of[i] if i < len(spans_of) else []
            citations = []
            for source in dict.fromkeys(item.get("sources") or []):
                first = next(((s, e) for aid, s, e in spans if aid == source), None)
                citations.append(cite(source, *first) if first else cite(source))
            sentences.append(Sentence(str(item.get("text", "")), in_order(citations)))
        if sentences:
            sections.append(Section(name, title, tuple(sentences)))

    conflicts = []
    for conflict in record.get("conflicts") or []:
        sides = []
        for side in conflict.get("sides") or []:
            # Every piece of evidence is marked in its source; the side cites each source once (its first).
            cited: dict[int, Citation] = {}
            for e in side.get("evidence") or []:
                citation = cite(e["article"], e["start"], e["end"], "conflict")
                cited.setdefault(citation.number, citation)
            for a in side.get("articles") or []:
                if number.get(a) not in cited:
                    cited[number.get(a, 0)] = cite(a)
            sides.append(SideView(str(side.get("value", "")), in_order(cited.values())))
        conflicts.append(
            ConflictView(
                str(conflict.get("kind", "")),
                str(conflict.get("about", "")),
                str(conflict.get("status", "")),
                str(conflict.get("explanation", "")),
                tuple(sides),
            )
        )
    # Open conflicts first: they are what a reader must weigh.
    conflicts.sort(key=lambda c: c.status != "open")

    timeline = []
    timeline_spans = notes.get("timeline") or []
    for i, entry in enumerate(record.get("timeline") or []):
        spans = timeline_spans[i] if i < len(timeline_spans) else []
        first = spans[0] if spans else None
        sources = entry.get("sources") or []
        if first:
            citation = cite(first[0], first[1], first[2], "dated")
        else:
            citation = cite(sources[0]) if sources else Citation(0, "", "")
        timeline.append(Dated(str(entry.get("date", "")), str(entry.get("event", "")), citation))
    for article in articles:
        if article.get("published"):
            n = number[str(article["id"])]
            label = " ".join(f"[{n}] {article.get('source') or article.get('title') or ''}".split())
            timeline.append(Dated(str(article["published"]), f"{label} published", Citation(n, f"src{n}", ""), True))

    pairs = []
    for alignment in notes.get("alignments") or []:
        a, b = str(alignment["a"]), str(alignment["b"])
        if a not in number or b not in number or not alignment.get("matches"):
            continue
        strongest = sorted(alignment["matches"], key=lambda m: -m[4])[:MATCHES_SHOWN]
        rows = tuple(
            AlignedRow(cite(a, m[0], m[1], "shared"), cite(b, m[2], m[3], "shared"), float(m[4]))
            for m in sorted(strongest, key=lambda m: m[0])
        )
        left, right = sorted((number[a], number[b]))
        if (left, right) != (number[a], number[b]):
            rows = tuple(AlignedRow(r.right, r.left, r.similarity) for r in rows)
        shared = len(alignment["matches"])
        pairs.append(PairView(left, right, float(alignment.get("similarity", 0.0)), shared, rows))
    # The pairs that share the most first: copies and translations before scattered common facts.
    pairs.sort(key=lambda p: (-p.shared * p.similarity, p.left, p.right))

    quotes = [
        QuoteView(
            str(q.get("text", "")),
            str(q.get("speaker") or "unattributed"),
            in_order(cite(a) for a in q.get("sources") or []),
            tuple(
                VariantView(
                    str(v.get("text", "")),
                    in_order(cite(a) for a in v.get("sources") or []),
                    bool(v.get("meaning_changed")),
                    str(v.get("reason") or ""),
                )
                for v in q.get("variants") or []
            ),
        )
        for q in record.get("quotes") or []
    ]

    digests = set(notes.get("digests") or [])
    sources = []
    for article in articles:
        aid = str(article["id"])
        derived = []
        for d in article.get("derived_from") or []:
            parent = str(d.get("parent"))
            label = f"[{number[parent]}]" if parent in number else parent
            derived.append((KIND_WORDS.get(str(d.get("kind")), str(d.get("kind"))), label))
        sources.append(
            Source(
                number=number[aid],
                id=aid,
                title=str(article.get("title") or "(untitled)"),
                outlet=str(article.get("source") or article.get("url") or article.get("path") or aid),
                url=article.get("url"),
                published=article.get("published"),
                derived=tuple(derived),
                machine_translated=bool(article.get("machine_translated")),
                digest=aid in digests,
                segments=tuple(segments(texts[aid], marks[aid])),
            )
        )
    return StoryView(
        id=brief.story_id,
        headline=brief.headline,
        sources_line=sources_line(len(articles), brief.independent_sources),
        sections=tuple(sections),
        sources=tuple(sources),
        conflicts=tuple(conflicts),
        pairs=tuple(pairs),
        timeline=tuple(timeline),
        quotes=tuple(quotes),
        claims=tuple(record.get("claims") or []),
    )
