"""The tense of the clause a date expression belongs to: past reports, present states, future plans."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsfuse.extract.syntax import climb, is_root
from newsfuse.models.facts import Tense

# Verbs and adjectives that put the event they govern in the future: "expected to", "scheduled for".
FUTURE_LEMMAS = frozenset(
    ["expect", "schedule", "plan", "due", "set", "intend", "aim", "prepare", "forecast", "promise"]
)
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "would", "wo"})
# Prepositions that point forward from the present: "closed until Sunday", "restored by Tuesday".
FORWARD_PREPOSITIONS = frozenset({"until", "till", "by", "before"})
# Prepositions on the way from a date to a past participle that make the date a goal, not the
# time of the deed: "slated for Wednesday", "the run-up to the vote on Monday".
AHEAD_PREPOSITIONS = FORWARD_PREPOSITIONS | {"to", "for", "ahead"}
# How many heads up from the date the clause's verb is looked for.
MAX_CLIMB = 6


def tense_at(doc: Doc, start: int, end: int) -> Tense | None:
    """The tense of the clause around characters start..end of the parsed text, or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token: Token = span.root
    preposition = token.head.lower_ if token.head.pos_ == "ADP" else ""
    verb = _governing_verb(token)
    if verb is None:
        return None
    chain = [verb, *list(verb.ancestors)[:2]]
    for item in chain:
        if item.lemma_ in FUTURE_LEMMAS and _past_form(item):
            # "had expected to testify on Thursday", "was scheduled for Monday": a plan told in the
            # past, for a day that may be behind the report as well as ahead of it: the nearest fits.
            return "present"
        if item.lemma_ in FUTURE_LEMMAS or any(
            c.lower_ in FUTURE_AUXILIARIES for c in item.children if c.dep_ == "aux"
        ):
            return "future"
        if item.lower_ == "going" and any(c.tag_ == "VB" for c in item.children):
            return "future"
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    # A participle without an auxiliary ("remain cancelled until Sunday") takes its head verb's tense.
    if verb.tag_ == "VBN" and not auxiliaries and verb.head.pos_ in {"VERB", "AUX"} and not is_root(verb):
        verb = verb.head
        auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    # Past: a past form, a past auxiliary, or a perfect ("has been"); "remain cancelled" is present.
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxiliaries):
        return "past"
    # A past participle with no auxiliary and no verb above it reports something done: "a poll
    # released Monday", "the rifle used in the attack on Sunday", or a past form tagged as a
    # participle ("On Friday, X posted ..."); unless the date is reached through a preposition that
    # looks ahead ("slated for Wednesday", "in the run-up to the vote on Monday").
    if (
        verb.tag_ == "VBN"
        and not auxiliaries
        and (is_root(verb) or verb.head.pos_ not in {"VERB", "AUX"})
        and not _looks_ahead(token, verb)
    ):
        return "past"
    if verb.tag_ == "VB" and any(c.lower_ == "to" for c in verb.children):
        # "told residents to stay indoors on Tuesday": an instruction given in the past is carried
        # out around then, so the nearest day fits; an infinitive under a present verb looks ahead.
        return "present" if verb.head.tag_ in {"VBD", "VBN"} else "future"
    if preposition in FORWARD_PREPOSITIONS:
        return "future"
    return "present"


def _past_form(verb: Token) -> bool:
    """A past tense, or a participle or adjective under a past auxiliary ("had expected", "was due")."""
    if verb.tag_ == "VBD":
        return True
    return any(c.dep_ in {"aux", "auxpass"} and (c.tag_ == "VBD" or c.lower_ == "had") for c in verb.children)


def _looks_ahead(token: Token, verb: Token) -> bool:
    """Whether the path from the date up to its verb passes a preposition that points forward."""
    for current in climb(token, MAX_CLIMB):
        if current.i == verb.i:
            return False
        if current.pos_ == "ADP" and current.lower_ in AHEAD_PREPOSITIONS:
            return True
    return False


def _governing_verb(token: Token) -> Token | None:
    return next((current for current in climb(token, MAX_CLIMB) if current.pos_ in {"VERB", "AUX"}), None)
