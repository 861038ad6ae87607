"""Who said it, as the brief shows it: a quote's speaker only where an article makes it certain.

The extract stage attributes each quote and resolves the phrase it credits ("Zhu said", "he said",
"the organization wrote") to a name only when the text leaves no doubt (`extract/speakers.py`:
a name, the one person or body in reach of a pronoun or a definite description, never a surname two
people share without the nearer full name). The brief shows that name where the articles agree on
it, without a title glued on. Where no article makes a name certain, the brief shows the source as
the articles write it ("an Interior official", "the company", "she"), marked as such
(`Quote.speaker_as_written`), never a guessed name; a quote with no source phrase at all, or one
the articles credit to different people, is shown unattributed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from newsfuse.brief.people import bare_name
from newsfuse.models import Article, StoryFacts
from newsfuse.models.facts import Entity, Quote

_SPEAKERS = ("person", "organization")
# A source phrase holding a quotation mark runs past its noun phrase into what was said (a misparse:
# 'Granholm on Sunday slammed … as “curious” and “perplexing” — warning that …'): not shown.
_QUOTATION_MARKS = frozenset('"“”«»')
# Pronouns that are no source as written: a first- or second-person one names the writer, the reader,
# or whoever speaks inside another quote ("'I'll prove you wrong,' you hear"), whom a reader of several
# articles cannot place; an object-case or a relative one ("him", "who yelled") stands for a noun
# phrase the brief does not show, or is a misparse (a source is its verb's subject).
_NO_SOURCE_PRONOUNS = frozenset("i me we us you him her them who whom which that".split())


def certain_speakers(quotes: Sequence[Quote], facts: StoryFacts, articles: Sequence[Article]) -> tuple[Quote, ...]:
    by_id = {a.id: a for a in articles}
    shown = []
    for quote in quotes:
        speaker = _speaker(quote, facts)
        entity = facts.entity(speaker) if speaker else None
        name = _shown(entity, facts, by_id) if entity else speaker
        shown.append(replace(quote, speaker=name, speaker_as_written=None if name else _as_written(quote)))
    return tuple(shown)


def _as_written(quote: Quote) -> str | None:
    """How the articles name the quote's source where none makes a name certain: the phrase most of
    its mentions use (the first one on a tie). None where a mention names someone (articles naming
    different people are not certain of either) or none names a source."""
    if any(m.speaker for m in quote.mentions):
        return None
    phrases = Counter(
        m.speaker_text
        for m in quote.mentions
        if m.speaker_text
        and not _QUOTATION_MARKS.intersection(m.speaker_text)
        and m.speaker_text.strip().casefold() not in _NO_SOURCE_PRONOUNS
    )
    return phrases.most_common(1)[0][0] if phrases else None


def _speaker(quote: Quote, facts: StoryFacts) -> str | None:
    found = {m.speaker for m in quote.mentions if m.speaker}
    if len(found) == 1:
        return found.pop()
    if not found and quote.speaker and all(m.speaker_text is None for m in quote.mentions):
        # A quote that runs on from the speaker's previous one, with no attribution of its own.
        entity = facts.entity(quote.speaker)
        return quote.speaker if entity is not None and entity.type in _SPEAKERS else None
    return None  # nobody named at the quote, or articles naming different people: not certain


def _shown(entity: Entity, facts: StoryFacts, articles: dict[str, Article]) -> str:
    """The speaker's name without a title glued on ("Professor Varoufakis" is Yanis Varoufakis)."""
    known = {n for e in facts.entities if e.type in _SPEAKERS for n in e.names}
    bodies = {n for e in facts.entities if e.type in {"organization", "place"} for n in e.names}
    bare = bare_name(entity.name, (a.text for a in articles.values()), known, bodies)
    named = facts.entity(bare) if bare != entity.name else None
    if named is not None and named.id != entity.id and named.type == entity.type:
        return named.name  # the name is another entity's: show that one ("Varoufakis" -> "Yanis Varoufakis")
    return bare
