"""The default composer: choose, order and place source sentences; never write new ones.

Facts (groups of sentences that say the same thing) are ranked by centrality and independent
support, placed in sections by what they say, and picked per section by maximal marginal relevance
so no two lines repeat each other. Each line keeps its source span plus the spans of every other
article that says the same, so its citations list every article it stands on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from newsfuse.brief.candidates import Candidate, collect
from newsfuse.brief.compress import main_clause
from newsfuse.brief.salience import Fact, Ranked, content_words, rank
from newsfuse.brief.sections import place
from newsfuse.models import Article, Span
from newsfuse.models.brief import CitedSentence, Sections
from newsfuse.models.provenance import SourceKeys
from newsfuse.text.words import word_count

_QUOTE_MARK = re.compile(r"[“”\"]")

# Lines per section. Quick read: 3-6 bullets, as the brief's contract asks; the body sections are
# sized so a whole brief reads in about two minutes (roughly 350-450 words of sentences).
SECTION_LIMITS: dict[str, int] = {
    "what_happened": 5,
    "why_it_matters": 3,
    "whats_next": 3,
    "background": 3,
    "perspectives": 4,
}
QUICK_READ_MIN = 3
QUICK_READ_MAX = 6
# Quick-read bullets are short: the shortest wording of a fact, and never past this many words.
QUICK_READ_MAX_WORDS = 30
# Two bullets sharing this share of the shorter one's content words say the same thing ("Kim held
# talks with Putin" / "Kim also met with President Putin"); read off the seed and sample briefs,
# where distinct bullets share at most a third.
BULLET_MAX_OVERLAP = 0.4
# MMR trade-off between salience and novelty (Carbonell & Goldstein's lambda); 0.7 favours salience
# while still skipping a line that mostly repeats one already chosen.
MMR_LAMBDA = 0.7
# A fact this similar (cosine) to one already in the brief is a repetition and is never added.
REPEAT_MAX_COSINE = 0.5


@dataclass(frozen=True, slots=True)
class SourceProfile:
    """What provenance says of the story's articles, for choosing wordings and counting support."""

    lineage: SourceKeys = field(default_factory=dict)
    preference: Mapping[str, float] = field(default_factory=dict)
    digests: frozenset[str] = frozenset()
    previews: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Headline:
    """A source's own title (or the top fact's sentence), with the articles it comes from."""

    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Composition:
    headline: Headline | None
    sections: Sections
    facts: tuple[Fact, ...]


class ExtractiveComposer:
    name = "extractive"

    def compose(self, articles: Sequence[Article], profile: SourceProfile | None = None) -> Composition:
        profile = profile or SourceProfile()
        candidates = collect(articles)
        reporting = {c.article_id for c in candidates if c.article_id not in profile.digests}
        if reporting:
            # Digests add no reporting of their own: what only a digest says stays out of the brief.
            candidates = [c for c in candidates if c.article_id in reporting]
        ranked = rank(candidates, lineage=profile.lineage, preference=profile.preference)
        # Once the event is reported, what only a preview expected of it is superseded.
        reported = any(c.article_id not in profile.previews for c in candidates)
        chosen: list[int] = []
        placed: dict[str, list[Fact]] = {name: [] for name in SECTION_LIMITS}
        for fact in _mmr_order(ranked):
            if _repeats(ranked, fact, chosen):
                continue
            section = place(fact.lead.text, lead=fact.lead.in_lead).section
            if len(placed[section]) >= SECTION_LIMITS[section]:
                continue
            if section == "whats_next" and reported and all(m.article_id in profile.previews for m in fact.members):
                continue
            placed[section].append(fact)
            chosen.append(fact.vector_index)
        quick = _quick_read(ranked, placed, profile.preference)
        sections = Sections(
            quick_read=tuple(quick),
            **{name: tuple(_cite(f) for f in _story_order(facts)) for name, facts in placed.items()},
        )
        return Composition(_headline(articles, ranked, profile.preference), sections, ranked.facts)


def _mmr_order(ranked: Ranked) -> list[Fact]:
    """All facts in MMR order: each next one maximises salience minus redundancy with those before."""
    facts = list(ranked.facts)
    if not facts:
        return []
    salience = np.array([f.salience for f in facts])
    salience = salience / (salience.max() or 1.0)
    rows = np.array([f.vector_index for f in facts])
    similarity = ranked.similarity[np.ix_(rows, rows)]
    redundancy = np.zeros(len(facts))
    left = np.ones(len(facts), dtype=bool)
    order: list[Fact] = []
    for _ in range(len(facts)):
        scores = np.where(left, MMR_LAMBDA * salience - (1 - MMR_LAMBDA) * redundancy, -np.inf)
        best = int(np.argmax(scores))
        order.append(facts[best])
        left[best] = False
        redundancy = np.maximum(redundancy, similarity[:, best])
    return order


def _repeats(ranked: Ranked, fact: Fact, chosen: list[int]) -> bool:
    return any(float(ranked.similarity[fact.vector_index, other]) >= REPEAT_MAX_COSINE for other in chosen)


def _quick_read(ranked: Ranked, placed: dict[str, list[Fact]], preference: Mapping[str, float]) -> list[CitedSentence]:
    """Bullets: the most salient facts, each cut to its main clause so no bullet repeats a section line.

    Facts whose sentence has no clause to cut, quotations, and facts worded only by a machine
    translation are left to the sections.
    """
    used_texts = {f.lead.text for facts in placed.values() for f in facts}
    bullets: list[CitedSentence] = []
    picked: list[int] = []
    for fact in sorted((f for facts in placed.values() for f in facts), key=lambda f: -f.salience):
        if profile_untrusted(fact, preference) or _QUOTE_MARK.search(fact.lead.text) or fact.lead.extra_spans:
            continue
        clause = main_clause(fact.lead.text, fact.lead.span)
        if clause is None or clause.text in used_texts or word_count(clause.text) > QUICK_READ_MAX_WORDS:
            continue
        if any(_overlap(clause.text, bullet.text) >= BULLET_MAX_OVERLAP for bullet in bullets):
            continue  # a shortened clause can repeat another bullet that its full sentence did not
        others = tuple(m.span for m in fact.members if m is not fact.lead)
        bullets.append(CitedSentence(clause.text, (clause.span, *others)))
        picked.append(fact.vector_index)
        if len(bullets) == QUICK_READ_MAX:
            return bullets
    # Too few cuttable facts: add short facts the sections left out, most salient first.
    for fact in ranked.facts:
        if len(bullets) >= QUICK_READ_MIN:
            break
        text = fact.lead.text
        if text in used_texts or _QUOTE_MARK.search(text) or word_count(text) > QUICK_READ_MAX_WORDS:
            continue
        if profile_untrusted(fact, preference) or _repeats(ranked, fact, picked):
            continue
        bullets.append(_cite(fact))
        picked.append(fact.vector_index)
    return bullets


def _story_order(facts: list[Fact]) -> list[Fact]:
    """Within a section, tell facts in the order their best source tells them."""
    return sorted(facts, key=lambda f: (f.lead.article_index, f.lead.span.start))


def _cite(fact: Fact, wording: Candidate | None = None) -> CitedSentence:
    lead = wording or fact.lead
    spans: list[Span] = [lead.span, *lead.extra_spans]
    for member in fact.members:
        if member is not lead:
            spans.append(member.span)
    return CitedSentence(lead.text, tuple(spans))


def _headline(articles: Sequence[Article], ranked: Ranked, preference: Mapping[str, float]) -> Headline | None:
    """The title, from the most trusted titled sources, sharing most words with the story's top facts.

    Falls back to the top fact's own sentence when no source has a title.
    """
    titled = [a for a in articles if a.title]
    if titled and ranked.facts:
        best_trust = max(preference.get(a.id, 0.0) for a in titled)
        trusted = [a for a in titled if preference.get(a.id, 0.0) == best_trust]
        top_words = {w.lower() for f in ranked.facts[:5] for w in f.lead.text.split() if len(w) > 3}
        best = max(trusted, key=lambda a: len(top_words & {w.lower() for w in (a.title or "").split()}))
        return Headline(best.title or "", (best.id,))
    if ranked.facts:
        top = _cite(ranked.facts[0])
        return Headline(top.text, top.sources)
    return None


def profile_untrusted(fact: Fact, preference: Mapping[str, float]) -> bool:
    """The fact's best wording is a machine translation's (lowest preference): no bullet for it."""
    return bool(preference) and preference.get(fact.lead.article_id, 0.0) <= min(preference.values()) < max(
        preference.values()
    )


def _overlap(a: str, b: str) -> float:
    """Share of the shorter text's content words that the other text also has."""
    first, second = content_words(a), content_words(b)
    return len(first & second) / max(min(len(first), len(second)), 1)
