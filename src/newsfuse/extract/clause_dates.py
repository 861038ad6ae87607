"""Which dates date what their sentence tells: its main clause's verb, not a clause inside it.

"At the end of July, an armed man carried out a robbery ..." is dated by July: the robbery is what
the sentence tells. "Andrew Lopez, 20, was found guilty of slaying Zurana Horton ... in October 2011"
is not dated by October 2011: the slaying is, and the verdict the sentence tells has no date. The
brief tells news from what came before it by the first kind (`brief.extractive`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsfuse.extract.syntax import climb, is_root
from newsfuse.models.facts import DateMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_VERBS = frozenset({"VERB", "AUX"})
# A date of a day or a month dates a deed; a year or a decade may date a description ("a star of
# the 1940s").
_DEED_GRANULARITIES = frozenset({"day", "month"})
# How a year reaches the verb it dates: "lay down on the tracks last year", "raised taxes two years
# ago" (the phrase modifies the verb itself) or "approved the plan in 2014". "since last year" and
# "over the last year" run up to the writing day, and "last year's law" dates a noun.
_YEAR_ON_VERB = frozenset({"npadvmod", "advmod"})
_YEAR_PREPOSITIONS = frozenset({"in"})


def main_clause_dates(doc: Doc, mentions: Sequence[DateMention]) -> tuple[DateMention, ...]:
    """The mentions, in the writer's words, that date their sentence's main verb (or a verb joined
    to it by "and"/"but")."""
    out: list[DateMention] = []
    for mention in mentions:
        if mention.in_quote or mention.granularity not in _DEED_GRANULARITIES:
            continue
        span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        verb = next((t for t in climb(span.root) if t.pos_ in _VERBS), None)
        if verb is not None and _main(verb):
            out.append(mention)
    return tuple(out)


def past_year_dates(doc: Doc, mentions: Sequence[DateMention]) -> tuple[DateMention, ...]:
    """The year mentions, in the writer's words, that date a past deed told by the main verb: "Tom
    Young lay down on Illinois train tracks last year". A year dates no description only when it
    modifies the verb itself, and a simple past (not "has grown since last year") tells the deed as
    done then, not as a state that runs up to the report."""
    out: list[DateMention] = []
    for mention in mentions:
        if mention.in_quote or mention.granularity != "year" or mention.tense != "past":
            continue
        span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        verb = _dated_verb(span.root)
        if verb is not None and _main(verb) and verb.tag_ == "VBD" and not _perfect(verb):
            out.append(mention)
    return tuple(out)


def _dated_verb(root: Token) -> Token | None:
    """The verb a year phrase hangs on directly, or through "in"; None when it hangs on a noun."""
    if root.dep_ in _YEAR_ON_VERB and root.head.pos_ in _VERBS:
        return root.head
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in _YEAR_PREPOSITIONS and head.head.pos_ in _VERBS:
        return head.head
    return None


def _perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _main(verb: Token) -> bool:
    return is_root(verb) or (verb.dep_ == "conj" and is_root(verb.head))
