"""Assemble a story's brief from what the earlier stages found: provenance, facts, claims.

Provenance decides whose wording is preferred (an original over a copy, a copy over a digest, any
of them over a machine translation) and how support is counted (lineages, not articles); the facts
give the timeline, the key people and the quotes; the claims give the disagreements.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Protocol

from newsfuse.brief.candidates import NamedPerson
from newsfuse.brief.extractive import Composition, ExtractiveComposer, SourceProfile
from newsfuse.brief.lede import choose_lede
from newsfuse.brief.people import key_people
from newsfuse.brief.sections import place
from newsfuse.brief.speakers import certain_speakers
from newsfuse.brief.timeline import curate_timeline
from newsfuse.models import Article, Span, StoryFacts
from newsfuse.models.brief import Brief, Sections
from newsfuse.models.claims import Claim, Conflict
from newsfuse.models.facts import Entity
from newsfuse.models.provenance import Provenance
from newsfuse.text.sentences import split_sentences
from newsfuse.text.words import word_count

# Wording preference by what provenance says of an article (higher wins when sentences say the same).
ORIGINAL_PREFERENCE = 3.0
DERIVED_PREFERENCE = 2.0
DIGEST_PREFERENCE = 1.0
TRANSLATED_PREFERENCE = 0.0  # also a preview's: its statements are expectations
# Quotes of fewer words are scare quotes or labels ("binding", "in-depth"), not statements to show.
QUOTE_MIN_WORDS = 4


class Composer(Protocol):
    """Writes a story's headline and sections from its articles. The extractive one is the default."""

    name: str

    def compose(self, articles: Sequence[Article], profile: SourceProfile | None = None) -> Composition: ...


class BriefBuilder:
    def __init__(self, composer: Composer | None = None) -> None:
        self.composer: Composer = composer or ExtractiveComposer()

    def build(
        self,
        story_id: str,
        articles: Sequence[Article],
        provenance: Provenance,
        facts: StoryFacts,
        claims: Sequence[Claim] = (),
        conflicts: Sequence[Conflict] = (),
    ) -> Brief:
        profile = source_profile(provenance, previews=previews(articles, facts))
        profile = replace(
            profile,
            people=named_people(facts.entities),
            disputed=disputed(conflicts),
            leads=facts.leads,
            views=facts.views,
            arguing=frozenset(facts.arguing),
            assertions=facts.assertions,
            overtaken=facts.overtaken,
            leaning=facts.leaning,
            fragments=facts.fragments,
            non_answers=facts.non_answers,
            dates=facts.main_dates,
            borrowed=facts.borrowed,
        )
        ordered = _reading_order(articles, profile)
        composition = self.composer.compose(ordered, profile)
        headline = composition.headline
        quotes = certain_speakers([q for q in facts.quotes if _is_speech(q.text)], facts, articles)
        return Brief(
            story_id=story_id,
            headline=headline.text if headline else "(no headline)",
            headline_sources=headline.sources if headline else (),
            articles=tuple(ordered),
            provenance=provenance,
            sections=composition.sections,
            lede=choose_lede(composition.sections, composition.facts, ordered, headline.text if headline else ""),
            timeline=curate_timeline(facts.timeline, facts.dates, articles),
            people=key_people(facts.entities, articles, speakers={q.speaker for q in quotes if q.speaker}),
            entities=facts.entities,
            quotes=quotes,
            claims=tuple(claims),
            conflicts=tuple(conflicts),
            composer=self.composer.name,
        )


# A quotation whose words are mostly capitalised is the title of a work, a prize or a programme
# ("Outstanding Individual Performance in a Variety or Music Program"), not someone's words.
TITLE_CASE_SHARE = 0.6


def _is_speech(text: str) -> bool:
    words = [w for w in text.split() if len(w) > 3]
    title_case = bool(words) and sum(w[0].isupper() for w in words) / len(words) >= TITLE_CASE_SHARE
    return word_count(text) >= QUOTE_MIN_WORDS and not title_case


def named_people(entities: Sequence[Entity]) -> dict[str, tuple[NamedPerson, ...]]:
    """Per article, where it names a person, in text order (for sentences opening on a pronoun)."""
    found: dict[str, list[NamedPerson]] = {}
    for entity in entities:
        if entity.type != "person":
            continue
        for mention in entity.mentions:
            found.setdefault(mention.span.article_id, []).append(NamedPerson(entity.name, mention.text, mention.span))
    return {article: tuple(sorted(named, key=lambda n: n.span.start)) for article, named in found.items()}


def disputed(conflicts: Sequence[Conflict]) -> tuple[Span, ...]:
    """The evidence of every open disagreement but a spelling one: what the brief may not state as fact."""
    return tuple(
        span
        for conflict in conflicts
        if conflict.status == "open" and conflict.kind != "name"
        for side in conflict.sides
        for span in side.evidence
    )


def incomplete_brief(
    story_id: str, articles: Sequence[Article], error: str, provenance: Provenance | None = None
) -> Brief:
    """What a reader gets when a story's brief stopped short: its sources (traced, if provenance had
    finished), a headline from the first titled article, no sections, and why it stopped."""
    if provenance is None:
        ids = tuple(a.id for a in articles)
        provenance = Provenance(articles=ids, derivations=(), translations=(), lineages=(), digests=(), alignments=())
    titled = next((a for a in articles if a.title), None)
    return Brief(
        story_id=story_id,
        headline=titled.title if titled and titled.title else "(no headline)",
        headline_sources=(titled.id,) if titled else (),
        articles=tuple(articles),
        provenance=provenance,
        sections=Sections(),
        error=error,
    )


def previews(articles: Sequence[Article], facts: StoryFacts) -> frozenset[str]:
    """Articles written before the story's events: what they say was expected, not reported.

    An article is a preview when it was published before the story's dates, or when its lead
    sentence tells the main event in the future ("is expected to", "is on his way to").
    """
    found = set()
    for article in articles:
        early = facts.anchor is not None and article.published is not None and article.published < facts.anchor
        if early or _lead_is_future(article):
            found.add(article.id)
    return frozenset(found)


def _lead_is_future(article: Article) -> bool:
    lead = next((p for p in article.paragraphs if not p.is_list_item), None)
    if lead is None:
        return False
    sentences = split_sentences(article.text[lead.start : lead.end])
    return bool(sentences) and place(sentences[0].text, lead=True).section == "whats_next"


def source_profile(provenance: Provenance, previews: frozenset[str] = frozenset()) -> SourceProfile:
    lineage: dict[str, str | None] = {}
    preference: dict[str, float] = {}
    derived = {d.article for d in provenance.derivations if not d.parent_is_agency}
    for article in provenance.articles:
        lineage[article] = provenance.source_key(article)
        if provenance.machine_translated(article) or article in previews:
            preference[article] = TRANSLATED_PREFERENCE
        elif article in provenance.digests:
            preference[article] = DIGEST_PREFERENCE
        elif article in derived:
            preference[article] = DERIVED_PREFERENCE
        else:
            preference[article] = ORIGINAL_PREFERENCE
    return SourceProfile(
        lineage=lineage, preference=preference, digests=frozenset(provenance.digests), previews=previews
    )


def _reading_order(articles: Sequence[Article], profile: SourceProfile) -> list[Article]:
    """Originals first, then copies, digests and translations; oldest first within each; then input order."""
    position = {a.id: n for n, a in enumerate(articles)}
    return sorted(
        articles,
        key=lambda a: (
            -profile.preference.get(a.id, 0.0),
            a.published is None,
            a.published or date.min,
            position[a.id],
        ),
    )
