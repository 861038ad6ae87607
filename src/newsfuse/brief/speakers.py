"""Who said it, as the brief shows it: a quote's speaker only where an article makes it certain.

The extract stage attributes each quote and resolves the phrase it credits ("Zhu said", "he said",
"the organization wrote") to a name only when the text leaves no doubt (`extract/speakers.py`:
a name, the one person or body in reach of a pronoun or a definite description, never a surname two
people share without the nearer full name). The brief shows that name where the articles agree on
it, without a title glued on; a description ("an Interior official said") names nobody, and
anything less certain is shown unattributed, never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsfuse.brief.people import bare_name
from newsfuse.models import Article, StoryFacts
from newsfuse.models.facts import Entity, Quote

_SPEAKERS = ("person", "organization")


def certain_speakers(quotes: Sequence[Quote], facts: StoryFacts, articles: Sequence[Article]) -> tuple[Quote, ...]:
    by_id = {a.id: a for a in articles}
    shown = []
    for quote in quotes:
        speaker = _speaker(quote, facts)
        entity = facts.entity(speaker) if speaker else None
        shown.append(replace(quote, speaker=_shown(entity, facts, by_id) if entity else speaker))
    return tuple(shown)


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
    bare = bare_name(entity.name, (a.text for a in articles.values()), known)
    named = facts.entity(bare) if bare != entity.name else None
    if named is not None and named.id != entity.id and named.type == entity.type:
        return named.name  # the name is another entity's: show that one ("Varoufakis" -> "Yanis Varoufakis")
    return bare
