"""Whether two numbers count the same thing, so that differing values are a disagreement and not two
different facts ("three workers" and "two firefighters" taken to hospital are both true).

Two counts measure the same thing when what they count (the noun) and what happened to it (the verb)
do not differ: a side that leaves one out ("41 were injured") matches on the other. Verbs that news
uses interchangeably for one count (injured, hurt, wounded) are one class.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.claims.quantities import Quantity, quantity
from newsfuse.models import NumberMention

# Verbs outlets swap for one another when reporting one count (casualties, displacement, arrests).
# A verb not listed is its own class. This is vocabulary, not tuning: the groups are the synonyms
# style guides list for casualty and emergency reporting.
VERB_CLASSES: tuple[frozenset[str], ...] = (
    frozenset({"injure", "hurt", "wound"}),
    frozenset({"kill", "die"}),
    frozenset({"evacuate", "flee", "displace", "force"}),
    frozenset({"arrest", "detain"}),
    frozenset({"rescue", "save"}),
    frozenset({"shut", "close"}),
    frozenset({"break", "start", "begin", "erupt"}),
)
# Lemmas the parser gives for forms it does not reduce ("injured" as an adjective).
VERB_FORMS = {"injured": "injure", "wounded": "wound", "dead": "die", "killed": "kill"}
# Counted nouns that say only "people", like a count with no noun ("41 were injured").
GENERIC_NOUNS = frozenset({"people", "person"})


@dataclass(frozen=True, slots=True)
class Measured:
    """A number with what it counts, ready to be compared with its like."""

    number: NumberMention
    quantity: Quantity
    noun: str | None
    verb: str | None


def measured(number: NumberMention) -> Measured | None:
    q = quantity(number)
    if q is None:
        return None
    noun = number.noun_lemma
    if q.family == "duration":
        noun = None  # the noun of "three days" is the unit itself
    return Measured(number, q, noun, _verb_class(number.context))


def _verb_class(lemma: str | None) -> str | None:
    if lemma is None:
        return None
    lemma = VERB_FORMS.get(lemma, lemma)
    for group in VERB_CLASSES:
        if lemma in group:
            return min(group)
    return lemma


def same_measure(a: Measured, b: Measured, same_statement: bool) -> bool:
    """Whether `a` and `b` count the same thing. `same_statement` says their sentences are one
    statement reworded (alike in wording and in what they say happened), which lets a differing verb
    pass ("fought" vs "battled"); without it, "extract the remaining eight boys" and "after bringing
    four boys out" are two counts."""
    if a.quantity.family != b.quantity.family:
        return False
    nouns = _nouns_match(a.noun, b.noun)
    if nouns is False:
        return False
    if a.verb is not None and b.verb is not None and a.verb != b.verb:
        return same_statement and nouns is True
    if a.verb is None and b.verb is None:
        return nouns is True or (same_statement and a.quantity.family != "count")
    # One verb is missing (or both agree): the nouns decide, or the shared verb when a noun is missing.
    return nouns is True or (a.verb is not None and a.verb == b.verb)


def _nouns_match(a: str | None, b: str | None) -> bool | None:
    """True for the same noun, False for different ones, None when neither names more than "people".

    A precise noun against a bare or generic one is a different measure: "five people were injured,
    among them two firefighters" holds two true counts of one verb.
    """
    a = None if a in GENERIC_NOUNS else a
    b = None if b in GENERIC_NOUNS else b
    if a is None and b is None:
        return None
    return a == b
