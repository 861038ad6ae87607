"""Briefs as contract JSON (../shared/DESIGN.md), Markdown for terminals, and one standalone HTML page."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from newsfuse.models import Span
from newsfuse.models.brief import SECTION_TITLES, Brief, CitedSentence, told_above
from newsfuse.models.claims import name_articles
from newsfuse.models.facts import Entity, shown_speaker
from newsfuse.models.record import (
    BriefRecord,
    ClaimRecord,
    ConflictRecord,
    DerivedRecord,
    EntityRecord,
    EvidenceRecord,
    PersonRecord,
    QuoteRecord,
    SectionsRecord,
    SentenceRecord,
    SideRecord,
    TimelineRecord,
    VariantRecord,
    record_json,
)
from newsfuse.render.articles import article_record
from newsfuse.render.provenance import sources_line


def brief_record(brief: Brief) -> BriefRecord:
    """The brief as the typed record of the JSON contract (`record_json` writes it as JSON)."""
    provenance = brief.provenance
    articles = tuple(
        replace(
            article_record(article),
            derived_from=tuple(
                DerivedRecord(d.parent, d.kind, round(d.score, 3)) for d in provenance.derived_from(article.id)
            ),
            machine_translated=provenance.machine_translated(article.id),
        )
        for article in brief.articles
    )
    return BriefRecord(
        id=brief.story_id,
        headline=brief.headline,
        headline_sources=tuple(brief.headline_sources),
        lede=tuple(SentenceRecord(s.text, s.sources) for s in brief.lede),
        composer=brief.composer,
        complete=brief.complete,
        error=brief.error,
        articles=articles,
        independent_sources=brief.independent_sources,
        sections=SectionsRecord(
            **{
                name: tuple(SentenceRecord(s.text, s.sources) for s in sentences)
                for name, sentences in brief.sections.items()
            }
        ),
        timeline=tuple(TimelineRecord(t.iso, t.event, tuple(t.articles)) for t in brief.timeline),
        entities=tuple(EntityRecord(e.name, e.type, tuple(e.aliases), tuple(e.articles)) for e in brief.entities),
        key_people=tuple(PersonRecord(e.name, person_roles(e), tuple(e.articles)) for e in brief.people),
        quotes=tuple(
            QuoteRecord(
                speaker=q.speaker,
                speaker_as_written=q.speaker_as_written,
                text=q.text,
                sources=tuple(q.articles),
                variants=tuple(
                    VariantRecord(
                        text=v.text,
                        sources=tuple(dict.fromkeys(m.article_id for m in v.mentions)),
                        meaning_changed=v.meaning_changed,
                        reason=v.reason,
                    )
                    for v in q.variants
                ),
            )
            for q in brief.quotes
        ),
        claims=tuple(
            ClaimRecord(c.text, tuple(c.articles), c.independent_sources, c.attribution) for c in brief.claims
        ),
        conflicts=tuple(
            ConflictRecord(
                kind=c.kind,
                about=c.about,
                status=c.status,
                explanation=explained(brief, c.explanation),
                sides=tuple(
                    SideRecord(s.value, tuple(s.articles), tuple(_evidence(brief, e) for e in s.evidence))
                    for s in c.sides
                ),
            )
            for c in brief.conflicts
        ),
    )


def brief_json(brief: Brief) -> dict[str, Any]:
    """The brief as the contract's JSON object."""
    return record_json(brief_record(brief))


def briefs_json(briefs: Sequence[Brief]) -> str:
    return json.dumps({"stories": [brief_json(b) for b in briefs]}, ensure_ascii=False, indent=2)


def source_line(brief: Brief) -> str:
    """ "5 articles, 2 independent sources": the count every reader should see first."""
    return sources_line(brief.provenance)


def briefs_markdown(briefs: Sequence[Brief]) -> str:
    return "\n\n---\n\n".join(_markdown(b) for b in briefs) + "\n"


def shown_sections(brief: Brief) -> list[tuple[str, tuple[CitedSentence, ...]]]:
    """The sections a page shows under the lede, in order, empty ones left out: a line the headline
    or the lede already tells is not shown twice (the brief's data keeps both whole)."""
    told = told_above(brief.headline, (sentence.text for sentence in brief.lede))
    shown = []
    for name, sentences in brief.sections.items():
        sentences = tuple(s for s in sentences if not told(s.text))
        if sentences:
            shown.append((name, sentences))
    return shown


def _markdown(brief: Brief) -> str:
    number = {article.id: i for i, article in enumerate(brief.articles, start=1)}

    def cite(ids: Sequence[str]) -> str:
        return "".join(f"[{n}]" for n in sorted({number[i] for i in ids if i in number}))

    lines = [f"# {brief.headline}", "", f"*{source_line(brief)} · written by the {brief.composer} composer*", ""]
    if brief.error is not None:
        lines += [f"**Incomplete brief:** {brief.error}.", ""]
    if brief.lede:
        lines += [" ".join(f"{sentence.text} {cite(sentence.sources)}" for sentence in brief.lede), ""]
    for name, sentences in shown_sections(brief):
        bullet = name == "quick_read"
        lines += [f"## {SECTION_TITLES[name]}", ""]
        for sentence in sentences:
            text = f"{sentence.text} {cite(sentence.sources)}"
            lines.append(f"- {text}" if bullet else text + "\n")
        lines.append("")
    if brief.timeline:
        lines += ["## Timeline", ""]
        lines += [f"- **{t.label}** — {t.event} {cite(t.articles)}" for t in brief.timeline]
        lines.append("")
    if brief.people:
        lines += ["## Key people", ""]
        for person in brief.people:
            roles = ", ".join(person_roles(person))
            # A part of the name alone ("Hammarlund" for "Joost Hammarlund") is no other spelling.
            aliases = ", ".join(a for a in person.aliases if a != person.name and a not in person.name.split())
            extra = f" — {roles}" if roles else ""
            extra += f" (also written: {aliases})" if aliases else ""
            lines.append(f"- **{person.name}**{extra} {cite(person.articles)}")
        lines.append("")
    if brief.quotes:
        lines += ["## Quotes", ""]
        for quote in brief.quotes:
            speaker = shown_speaker(quote.speaker, quote.speaker_as_written)
            lines.append(f"> “{_quoted(quote.text)}” — {speaker} {cite(quote.articles)}")
            for variant in quote.variants:
                flag = f" **meaning changed**: {variant.reason}" if variant.meaning_changed else ""
                ids = [m.article_id for m in variant.mentions]
                lines.append(f">  - variant: “{_quoted(variant.text)}” {cite(ids)}{flag}")
            lines.append("")
    if brief.conflicts:
        lines += ["## Disagreements", ""]
        for conflict in brief.conflicts:
            explanation = explained(brief, conflict.explanation)
            lines.append(f"- **{conflict.about}** ({conflict.kind}, {conflict.status}): {explanation}")
            for side in conflict.sides:
                evidence = " … ".join(_clip(brief.article(e.article_id).excerpt(e)) for e in side.evidence[:1])
                lines.append(f"  - “{side.value}” {cite(side.articles)}" + (f": _{evidence}_" if evidence else ""))
        lines.append("")
    lines += ["## Sources", ""]
    for article in brief.articles:
        lines.append(f"{number[article.id]}. {_describe(brief, article.id)}")
    return "\n".join(lines).rstrip()


def _quoted(text: str) -> str:
    """A quote of several paragraphs stays inside its block quote: every line of it is marked."""
    return text.replace("\n", "\n> ")


def explained(brief: Brief, text: str) -> str:
    """A conflict's explanation with each article named as the reader knows it: "[2] Newslooks"."""
    number = {a.id: i for i, a in enumerate(brief.articles, start=1)}

    def name(article_id: str) -> str:
        if article_id not in number:
            return article_id
        article = brief.article(article_id)
        return f"[{number[article_id]}] {article.source}" if article.source else f"[{number[article_id]}]"

    return name_articles(text, name)


def _describe(brief: Brief, article_id: str) -> str:
    article = brief.article(article_id)
    number = {a.id: i for i, a in enumerate(brief.articles, start=1)}
    parts = [f"*{article.title or '(untitled)'}*", article.source or "", article.url or article.path or ""]
    if article.published:
        parts.append(article.published.isoformat())
    for derivation in brief.provenance.derived_from(article_id):
        parent = f"[{number[derivation.parent]}]" if derivation.parent in number else derivation.parent
        parts.append(f"{derivation.kind} of {parent}")
    if brief.provenance.machine_translated(article_id):
        parts.append("machine-translated")
    if article_id in brief.provenance.digests:
        parts.append("digest")
    return " · ".join(p for p in parts if p)


def _evidence(brief: Brief, span: Span) -> EvidenceRecord:
    return EvidenceRecord(span.article_id, span.start, span.end, brief.article(span.article_id).excerpt(span))


# Evidence shown under a disagreement is clipped to this many characters; the JSON keeps it whole.
EVIDENCE_CHARS = 160


def _clip(text: str) -> str:
    return text if len(text) <= EVIDENCE_CHARS else text[: EVIDENCE_CHARS - 1].rsplit(" ", 1)[0] + "…"


# A person's roles as shown: the most cited few, each once whatever its case, never a counted group
# ("three of Washington's strongest challengers" describes several people, not this one's role).
ROLES_SHOWN = 2
_COUNTED_GROUP = re.compile(r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|some|many|several)\s+of\b", re.I)


def person_roles(person: Entity) -> tuple[str, ...]:
    counts: dict[str, int] = {}
    shown: dict[str, str] = {}
    for role in person.roles:
        if _COUNTED_GROUP.match(role.text):
            continue
        key = re.sub(r"[^\w\s]", "", role.text.casefold())
        counts[key] = counts.get(key, 0) + 1
        shown.setdefault(key, role.text)
    picked: list[str] = []
    for key in sorted(counts, key=lambda key: (-counts[key], len(shown[key]))):
        words = set(key.split())
        # "President" adds nothing beside "Russian President"; "US President" repeats "U.S. President".
        if any(words <= set(other.split()) or words >= set(other.split()) for other in picked):
            continue
        picked.append(key)
    return tuple(shown[key] for key in picked[:ROLES_SHOWN])
