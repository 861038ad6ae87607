"""Sentences that report only that someone gave no answer: "A.J. Smith didn't return a call seeking
further comment.", "X did not immediately respond to a request for comment", "declined to comment".

They tell the reader what a reporter tried, not what happened: no line of a brief. The grammar says
so: the main verb is negated or one of declining ("declined", "refused"), and what it denies is a
comment or the means of asking for one (a call, a message, a request), as its object, its purpose
("could not be reached for comment") or the verb it governs ("declined to comment"). Declining to
do anything else is a deed ("refused to testify", "declined to extradite him").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsfuse.extract.quote_marks import quote_regions
from newsfuse.models import Article, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Verbs that decline by their meaning, with no negation.
_DECLINING = frozenset({"decline", "refuse"})
# A comment, and the ways a reporter asks for one. A small closed class, listed as it is.
_ASKING = frozenset({"comment", "call", "message", "request", "email", "e-mail", "inquiry", "query", "voicemail"})
# How what the verb denies hangs on it: its object, a verb it governs, "to"/"for" what.
_DENIED = frozenset({"dobj", "xcomp", "pobj", "prep", "attr", "acomp"})
_PURPOSES = frozenset({"to", "for"})
# Verbs that report a clause: "a spokesman said the company declined to comment" tells no more.
_REPORTING = frozenset({"say", "tell"})
# How far below the verb the comment may sit: "didn't return a call seeking further comment" puts it
# two steps down (call, then comment); one more covers "to a request for comment". Deeper, the
# search reaches nouns of other clauses. Read off the grammar of these phrases, not fitted.
_SEARCH_DEPTH = 3


def non_answer_sentences(articles: Sequence[Article], docs: Sequence[Doc]) -> tuple[Span, ...]:
    """The parser's sentences, in every article, whose main clause tells only of an answer not given."""
    out: list[Span] = []
    for article, doc in zip(articles, docs, strict=True):
        quoted = [(r.outer_start, r.outer_end) for r in quote_regions(article.text)]
        for sentence in doc.sents:
            root = sentence.root
            if any(start <= root.idx < end for start, end in quoted):
                continue
            if non_answer(root):
                out.append(Span(article.id, sentence.start_char, sentence.end_char))
    return tuple(out)


def non_answer(verb: Token) -> bool:
    """Whether the clause the verb heads says that someone gave no comment or answered no call."""
    if verb.lemma_ in _REPORTING:
        return any(c.dep_ == "ccomp" and non_answer(c) for c in verb.children)
    negated = any(c.dep_ == "neg" for c in verb.children)
    if not (negated or verb.lemma_ in _DECLINING):
        return False
    return _asks_for_comment(verb, _SEARCH_DEPTH)


def _asks_for_comment(token: Token, depth: int) -> bool:
    if depth == 0:
        return False
    for child in token.children:
        if child.dep_ not in _DENIED:
            continue
        if child.dep_ == "prep" and child.lower_ not in _PURPOSES:
            continue
        if child.lemma_.lower() in _ASKING and not _demand(child):
            return True
        if _asks_for_comment(child, depth - 1):
            return True
    return False


def _demand(noun: Token) -> bool:
    """Whether "call" or "request" is a demand for some deed ("calls for his resignation", "a request
    to extradite him"): that is news, unless what it asks for is a comment."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "for":
            return not any(g.lemma_.lower() in _ASKING for g in child.children)
        if child.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
            return child.lemma_ != "comment"
    return False
