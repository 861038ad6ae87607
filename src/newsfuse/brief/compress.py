"""Shorten a source sentence to its main clause, keeping it a faithful stretch of the source.

The cut falls at a clause boundary after the main statement: a participle phrase (", sending ..."),
a relative clause (", which ..."), a trailing attribution (", officials said on Tuesday") or a
subordinate clause (" as ...", " after ..."). What remains is a prefix of the sentence, so its span
still points at real text and the faithfulness check applies unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfuse.models import Span
from newsfuse.text.words import word_count

# The main clause must keep at least this many words: shorter prefixes lose the who or the what.
MIN_CLAUSE_WORDS = 7

_BOUNDARY = re.compile(
    r",\s+(?:[a-z]+ing|which|who|whose|where|while|as|although|though|according\s+to)\b"
    # a trailing attribution: ", officials said on Tuesday." ends the sentence within a few words
    r"|,\s+(?:[\w'’-]+\s+){0,3}(?:said|says|told|reported|added)(?=(?:\s+[\w'’.-]+){0,5}[.!]?$)"
    # a subordinate clause, unless the conjunction is bound to a time word ("hours after", "shortly before")
    r"|(?<!\bhours)(?<!\bdays)(?<!\bweeks)(?<!\bminutes)(?<!\bshortly)(?<!\bsoon)(?<!\bjust)(?<!\blong)"
    r"(?<!\bright)(?<!\bmonths)(?<!\byears)\s+(?:as|after|while|amid|before|because|since|although|during|following|despite)\s+(?=[a-zA-Z])"
)
# A relative or appositive clause opened in the head and not closed: the cut would fall inside
# the subject ("Mayor Joost Hammarlund, who visited the hall").
_OPEN_CLAUSE = re.compile(r",\s+(?:who|which|whose|where)\b[^,]*$")


@dataclass(frozen=True, slots=True)
class Clause:
    text: str
    span: Span


def main_clause(text: str, span: Span) -> Clause | None:
    """The sentence's first clause when it is a real shortening of it; None when no cut applies.

    `span` is the sentence's own span (its text must equal `text`).
    """
    for match in _BOUNDARY.finditer(text):
        head = text[: match.start()].rstrip(" ,;:—-")
        if word_count(head) < MIN_CLAUSE_WORDS or head.count("“") != head.count("”") or head.count('"') % 2:
            continue
        if _OPEN_CLAUSE.search(head):
            continue
        return Clause(head + ".", Span(span.article_id, span.start, span.start + len(head)))
    return None
