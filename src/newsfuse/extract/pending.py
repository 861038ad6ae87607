"""Pending states a later report overtook: "the results have not been released" in one article while
another of the story reports "the results were released Wednesday".

Undated articles cannot be ordered by their dates, but their content orders them. A statement that
something has not happened yet (a negated perfect or present passive, "not yet") or is still to come
(a future, "is expected to ...") is stale once another article of the story tells the same predicate
as done, as a plain past or perfect statement: the same verb (by lemma, active or passive) on the same
theme (the lemma of the passive subject or the object), by the same doer where both name one, with
every word that pins the pending clause's event (its names and numbers, the theme's modifiers, what
it is of or on) also in the report's sentence, and no year in the report the pending clause does not
name. So "Klitschko will defend his title against Charr" is not overtaken by a report that he
defended it against Thompson, nor "his mother is expected to take the stand" by "his best friend took
the stand", nor "she will be hosting the Oscars this year" by "she first hosted the Oscars in 2007".
A stale statement would tell the reader, as current, what is no longer so.

One step further, by the story's own words: once a negated pending state of a common noun is
overtaken, every other pending statement about that noun is too ("the results were not yet known"
and "it will take a few weeks for the results to be completed" go with "the results have not been
released" once the results were released).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsfuse.models import Article, Span

# Heads whose infinitive complement is still to come: "is expected to appear", "plans to rejoin".
# A purpose ("aiming to fix") or a wish ("hopes to") is no plan of record, and is left out.
_PLANNED = frozenset({"expect", "schedule", "set", "due", "plan", "intend"})
_NEGATION = frozenset({"not", "n't", "never"})
# Future auxiliaries. "would" is left out: it is as often a hypothesis ("a rule that would let ...").
_FUTURE = frozenset({"will", "shall", "'ll", "wo"})
# Clauses that only suppose or ask ("if the results were released", "whether police named him").
_SUPPOSING = frozenset({"if", "whether", "unless"})
# Entity labels a pending clause may name without the report repeating it: when it was to happen.
_TIMES = frozenset({"DATE", "TIME"})
_WH = frozenset({"WDT", "WP", "WP$", "WRB"})
# A report dated by a year the pending clause does not give tells an earlier time of the same deed
# ("first hosted the Oscars in 2007" beside "she will be hosting the Oscars this year").
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# A report dated before the story by its own words ("Previously, agencies were required to ...")
# tells the state a plan returns to, not the plan done.
_EARLIER = frozenset({"previously", "formerly", "once", "earlier", "before"})


@dataclass(frozen=True, slots=True)
class _Clause:
    article_id: str
    verb: str  # lemma
    agent: str | None  # who does it, when a noun tells
    theme: str  # lemma of the theme's head noun
    common: bool  # the theme is a common noun ("results"), not a name
    negated: bool
    names: frozenset[str]  # lemmas the clause pins its event by: names, numbers, the theme's modifiers
    words: frozenset[str]  # the sentence's lemmas, for the names check
    years: frozenset[str]  # years the clause's own date expressions name ("in 2007")
    span: Span  # the sentence it is in


def overtaken(articles: Sequence[Article], docs: Sequence[Doc]) -> tuple[Span, ...]:
    """The sentences (as the parser split them) whose pending statement another article reports done."""
    pending: list[_Clause] = []
    done: list[_Clause] = []
    for article, doc in zip(articles, docs, strict=True):
        for verb in (t for t in doc if t.pos_ == "VERB"):
            clause = _clause(article.id, verb)
            if clause is None:
                continue
            if _pending(verb):
                pending.append(clause)
            elif _done(verb):
                done.append(clause)
    stale = [p for p in pending if any(_overtakes(d, p, same_verb=True) for d in done)]
    # The story's own words tie a theme's other pending statements to it: once "the results" were
    # released, "the results were not yet known" is as stale as "the results have not been released".
    themes = {p.theme for p in stale if p.common and p.negated}
    stale += [
        p for p in pending if p.theme in themes and p.common and any(_overtakes(d, p, same_verb=False) for d in done)
    ]
    return tuple(dict.fromkeys(p.span for p in stale))


def _overtakes(report: _Clause, pending: _Clause, *, same_verb: bool) -> bool:
    """Whether another article's report tells the pending clause's predicate done: the same theme,
    the same verb (when asked), the same doer where both name one, no year the pending clause does
    not give, and every word the pending clause pins its event by."""
    return (
        report.article_id != pending.article_id
        and report.theme == pending.theme
        and (report.verb == pending.verb or not same_verb)
        and (report.agent is None or pending.agent is None or report.agent == pending.agent)
        and pending.names <= report.words
        and report.years <= pending.years
    )


def _clause(article_id: str, verb: Token) -> _Clause | None:
    theme = _theme(verb)
    if theme is None:
        return None
    sentence = verb.sent
    # Names and numbers anywhere in the clause, and the theme's own modifiers ("a full security patch"
    # is not "a temporary patch"), pin which event it is; when it was to happen does not.
    pins = [t for t in verb.subtree if t.pos_ in ("PROPN", "NUM") and t.ent_type_ not in _TIMES]
    pins += [c for c in theme.children if c.dep_ in ("amod", "compound", "nummod") and c.ent_type_ not in _TIMES]
    # So does what the theme, or the deed, is of or on ("results of the test", "no decision had been
    # made on the matter").
    pins += [
        o
        for head in (theme, verb)
        for c in head.children
        if c.dep_ == "prep"
        for o in c.children
        if o.dep_ == "pobj" and o.pos_ == "NOUN" and o.ent_type_ not in _TIMES
    ]
    return _Clause(
        article_id=article_id,
        verb=verb.lemma_.lower(),
        agent=_agent(verb),
        theme=theme.lemma_.lower(),
        common=theme.pos_ == "NOUN",
        negated=_negated(verb),
        names=frozenset(t.lemma_.lower() for t in pins if len(t.text) > 1 and any(ch.isalnum() for ch in t.text)),
        words=frozenset(t.lemma_.lower() for t in sentence),
        years=frozenset(t.text for t in verb.subtree if t.ent_type_ == "DATE" and _YEAR.fullmatch(t.text)),
        span=Span(article_id, sentence.start_char, sentence.end_char),
    )


def _theme(verb: Token) -> Token | None:
    """What the verb is done to: its passive subject or its object. A pronoun or a number tells
    nothing another article could be matched on, and a question ("how many kids ...") asks."""
    theme = next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")), None)
    if theme is None or theme.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(t.tag_ in _WH for t in theme.subtree if t.i < theme.i):
        return None
    return theme


def _negated(verb: Token) -> bool:
    """A "not" or "never" on the verb, or "no" on its theme ("No charges have been filed")."""
    if any(c.dep_ == "neg" or c.lower_ in _NEGATION for c in verb.children):
        return True
    theme = next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj", "nsubj")), None)
    return theme is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in theme.children)


def _agent(verb: Token) -> str | None:
    """Who does the deed, as a noun's lemma: the active subject (a planned verb's is its head's:
    "X is expected to take the stand"; a relative pronoun's is the noun it stands for), or the
    passive's "by" phrase. None when not told, or told only by a personal pronoun."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "xcomp":
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        by = next((c for c in verb.children if c.dep_ == "agent"), None)
        subject = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if subject is not None and subject.tag_ in _WH and subject.head.dep_ == "relcl":
        subject = subject.head.head
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    return subject.lemma_.lower()


def _pending(verb: Token) -> bool:
    """Not done yet, or still to come: a negated perfect or present passive ("have not been
    released", "are not known"), a negation with "yet", a future ("will"), a plan ("is expected to
    ..."), or "yet to". A negated simple past ("did not land a punch") tells a deed that did not
    happen, not one pending; a modal other than "will" supposes."""
    if _supposed(verb):
        return False
    children = list(verb.children)
    auxiliaries = [c for c in children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" and a.lower_ not in _FUTURE for a in auxiliaries):
        return False
    if any(a.lower_ in _FUTURE for a in auxiliaries):
        return True  # "will be released", "won't be known for a few weeks"
    if _negated(verb):
        perfect = any(a.lemma_ == "have" for a in auxiliaries)
        present_passive = any(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in auxiliaries)
        yet = any(c.lower_ == "yet" for c in children)
        return perfect or present_passive or yet
    head = verb.head
    infinitive = any(a.tag_ == "TO" for a in auxiliaries) and verb.dep_ in ("advcl", "xcomp", "ccomp")
    if infinitive and head is not verb and any(a.lower_ in _FUTURE for a in head.children if a.dep_ == "aux"):
        return True  # "it will take a few weeks for the results to be completed"
    if verb.dep_ == "xcomp" and head is not verb:
        if head.lemma_.lower() in _PLANNED and not _negated(head):
            return True
        if any(c.lower_ == "yet" for c in head.children):  # "has yet to release", "is yet to be named"
            return True
    return False


def _done(verb: Token) -> bool:
    """Told as done, as a plain statement: a past or perfect verb (not a progressive), no negation,
    no modal, in no supposition or question, governed by no pending head ("expected to have been
    released"), and not dated before ("previously were required")."""
    if _supposed(verb) or verb.tag_ == "VBG" or _negated(verb) or verb.dep_ in ("relcl", "acl"):
        return False  # a relative clause describes its noun ("customers who have applied ..."), it reports nothing
    children = list(verb.children)
    if any(c.lower_ in _EARLIER for c in children):
        return False
    auxiliaries = [c for c in children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxiliaries):
        return False
    if verb.dep_ == "xcomp" and _pending(verb.head):
        return False
    return (
        verb.tag_ == "VBD"
        or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxiliaries)
        or (verb.tag_ == "VBN" and verb.dep_ in ("ROOT", "conj", "ccomp") and not auxiliaries)
    )


def _supposed(verb: Token) -> bool:
    """Whether the verb, or a clause above it, is introduced by "if" or "whether"."""
    for token in (verb, *verb.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in _SUPPOSING for c in token.children):
            return True
    return False
