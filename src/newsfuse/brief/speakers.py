"""Who said it, as the brief shows it: a quote's speaker only where an article makes it certain.

The extract stage attributes each quote. The brief names a speaker only when some article names
that speaker at the quote: by name ("King said", "Interior Secretary Ken Salazar said"), or by a
pronoun whose person is certain (the one person named in the sentence before, or earlier in the
same sentence). A description ("an Interior official said", "the source told us") names nobody; a
quote credited to a word the tagger mistook for a name ("When King") goes to the person that name
is; anything less certain is shown unattributed, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from newsfuse.brief.people import bare_name
from newsfuse.models import Article, Span, StoryFacts
from newsfuse.models.facts import Entity, Quote, QuoteMention
from newsfuse.text.sentences import split_sentences

_PRONOUN = re.compile(r"^(?:he|she|they|it|that|which|who|this)$", re.IGNORECASE)
_PERSONAL = re.compile(r"^(?:he|she)$", re.IGNORECASE)
_DESCRIPTION = re.compile(r"^(?:a|an|the|one|some|another|two|three|several)\b", re.IGNORECASE)
_SPEAKERS = ("person", "organization")
# The subject of a sentence is named within its first words ("Snider, who attended ..., said").
SUBJECT_WORDS = 3


def certain_speakers(quotes: Sequence[Quote], facts: StoryFacts, articles: Sequence[Article]) -> tuple[Quote, ...]:
    by_id = {a.id: a for a in articles}
    shown = []
    for quote in quotes:
        speaker = _speaker(quote, facts, by_id)
        entity = facts.entity(speaker) if speaker else None
        shown.append(replace(quote, speaker=_shown(entity, facts, by_id) if entity else speaker))
    return tuple(shown)


def _speaker(quote: Quote, facts: StoryFacts, articles: dict[str, Article]) -> str | None:
    named = [_named_at(m, facts, articles) for m in quote.mentions]
    found = {name for name in named if name}
    if len(found) == 1:
        return found.pop()
    if not found and quote.speaker and all(m.speaker_text is None for m in quote.mentions):
        # A quote that runs on from the speaker's previous one, with no attribution of its own.
        entity = facts.entity(quote.speaker)
        return quote.speaker if entity is not None and entity.type in _SPEAKERS else None
    return None  # nobody named at the quote, or articles naming different people: not certain


def _named_at(mention: QuoteMention, facts: StoryFacts, articles: dict[str, Article]) -> str | None:
    """The speaker this article names at the quote, or None where it names nobody for certain."""
    text = (mention.speaker_text or "").strip()
    if not text or _DESCRIPTION.match(text):
        return None
    if _PRONOUN.match(text):
        if not _PERSONAL.match(text) or mention.speaker_span is None:
            return None
        article = articles.get(mention.speaker_span.article_id)
        return _antecedent(article, mention, facts) if article else None
    # "Stuart Pimm, Doris Duke Professor of ...": the name before the apposition is the speaker.
    head = text.split(",", 1)[0].strip()
    for candidate in (head, text):
        entity = _entity(candidate, facts)
        if entity is not None:
            return entity.name
    return None


def _shown(entity: Entity, facts: StoryFacts, articles: dict[str, Article]) -> str:
    """The speaker's name without a title glued on ("Professor Varoufakis" is Yanis Varoufakis)."""
    known = {n for e in facts.entities if e.type in _SPEAKERS for n in e.names}
    bare = bare_name(entity.name, (a.text for a in articles.values()), known)
    named = facts.entity(bare) if bare != entity.name else None
    if named is not None and named.id != entity.id and named.type == entity.type:
        return named.name  # the name is another entity's: show that one ("Varoufakis" -> "Yanis Varoufakis")
    return bare


def _entity(text: str, facts: StoryFacts) -> Entity | None:
    """The person `text` names first, as written or after a title ("Interior Secretary Ken Salazar",
    "Noah Greenwald of the Center for Biological Diversity"), else the organisation it names first."""
    words = [w.strip(",.;:") for w in text.split()]
    for kind in _SPEAKERS:
        for start in range(len(words)):
            for end in range(len(words), start, -1):
                entity = facts.entity(" ".join(words[start:end]))
                if entity is not None and entity.type == kind:
                    return entity
    return None


def _antecedent(article: Article, mention: QuoteMention, facts: StoryFacts) -> str | None:
    """The person a quote's "he" or "she" stands for: the one person named earlier in its sentence
    (outside the quotation), or else the subject of the sentence before (named in its first words)."""
    pronoun = mention.speaker_span
    if pronoun is None:
        return None
    paragraph = next((p for p in article.paragraphs if p.start <= pronoun.start <= p.end), None)
    if paragraph is None:
        return None
    sentences = split_sentences(article.text[paragraph.start : paragraph.end], offset=paragraph.start)
    index = next((i for i, s in enumerate(sentences) if s.start <= pronoun.start < s.end), None)
    if index is None:
        return None
    named = [
        (m.span, e.name)
        for e in facts.entities
        if e.type == "person"
        for m in e.mentions
        if m.span.article_id == article.id and not any(_inside(m.span, q) for q in mention.spans)
    ]
    same = {name for span, name in named if sentences[index].start <= span.start and span.end <= pronoun.start}
    if same:
        return same.pop() if len(same) == 1 else None
    if index > 0:
        before = sentences[index - 1]
    else:  # the quotation opens its paragraph: the sentence before ends the paragraph before
        at = article.paragraphs.index(paragraph)
        if at == 0:
            return None
        previous = article.paragraphs[at - 1]
        earlier = split_sentences(article.text[previous.start : previous.end], offset=previous.start)
        if not earlier:
            return None
        before = earlier[-1]
    opening = before.start + len(" ".join(article.text[before.start : before.end].split()[:SUBJECT_WORDS]))
    subject = {name for span, name in named if before.start <= span.start < opening}
    return subject.pop() if len(subject) == 1 else None


def _inside(span: Span, quote: Span) -> bool:
    return quote.start <= span.start and span.end <= quote.end
