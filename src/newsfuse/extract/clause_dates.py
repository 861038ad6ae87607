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


def _main(verb: Token) -> bool:
    return is_root(verb) or (verb.dep_ == "conj" and is_root(verb.head))
