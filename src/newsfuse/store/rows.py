"""A brief as the store keeps it: the contract JSON plus the fields lists, pages and search need."""

from __future__ import annotations

from datetime import datetime

from newsfuse.models import Span
from newsfuse.models.brief import Brief
from newsfuse.models.record import AlignmentNote, BriefRecord, LineageNote, PageNotes, Spans
from newsfuse.store.records import BriefRow


def brief_row(brief: Brief, record: BriefRecord, created: datetime) -> BriefRow:
    """The row for one new version of `brief`, whose contract record (rendered by the caller) is `record`."""
    return BriefRow(
        story_id=brief.story_id,
        headline=brief.headline,
        article_ids=tuple(article.id for article in brief.articles),
        independent_sources=brief.independent_sources,
        open_conflicts=sum(1 for conflict in brief.conflicts if conflict.status == "open"),
        record=record,
        annotations=page_notes(brief),
        derivations=brief.provenance.derivations,
        claims=brief.claims,
        conflicts=brief.conflicts,
        search_text=search_text(brief),
        created=created,
    )


def page_notes(brief: Brief) -> PageNotes:
    """What a page shows beyond the contract: the spans behind each sentence and timeline entry, the
    aligned passages of each compared pair, and the lineages (independent sources)."""
    provenance = brief.provenance
    return PageNotes(
        sentences={
            name: tuple(_spans(sentence.spans) for sentence in sentences)
            for name, sentences in [("lede", brief.lede), *brief.sections.items()]
        },
        timeline=tuple(_spans(entry.spans) for entry in brief.timeline),
        alignments=tuple(
            AlignmentNote(
                a=alignment.a,
                b=alignment.b,
                similarity=round(alignment.similarity, 3),
                coverage_a=round(alignment.coverage_a, 3),
                coverage_b=round(alignment.coverage_b, 3),
                matches=tuple(
                    (m.a.start, m.a.end, m.b.start, m.b.end, round(m.similarity, 3)) for m in alignment.matches
                ),
            )
            for alignment in provenance.alignments
        ),
        lineages=tuple(LineageNote(lineage.root, tuple(lineage.articles)) for lineage in provenance.lineages),
        digests=tuple(provenance.digests),
    )


def _spans(spans: tuple[Span, ...]) -> Spans:
    return tuple((span.article_id, span.start, span.end) for span in spans)


def search_text(brief: Brief) -> str:
    """The brief's own words (sections, claims, quotes), for full-text search."""
    parts = [sentence.text for sentence in brief.sections.all_sentences()]
    parts += [claim.text for claim in brief.claims]
    parts += [quote.text for quote in brief.quotes]
    return "\n".join(dict.fromkeys(parts))
