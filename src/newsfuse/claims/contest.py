"""Does one statement contest another? The pairwise form of the conflict checks, for two statements
that come as bare text (a claim from one outlet against a claim from another).

Signals, each a mechanism the conflict finders also use: a count of the same thing given with a
value the other's does not allow (`measures`, `quantities`); one statement denying what the other
asserts (negation parity over shared content); and the grammar of contestation, a statement that
disputes, denies or rejects something said about what the other one is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfuse.claims.measures import Measured, compare, measured, text_numbers
from newsfuse.claims.story import coverage
from newsfuse.text.words import denies_shared

# Verbs and adjectives of contestation (the stems of deny, reject, dispute, ...): a statement built on
# one argues with a claim rather than reporting a fact. A closed class of English, not a topic list.
CONTESTING_STEMS = (
    "deni",
    "deny",
    "reject",
    "disput",
    "refut",
    "rebut",
    "dismiss",
    "counter",
    "contradict",
    "fals",
    "untru",
    "disagre",
    "challeng",
    "critic",
    "blast",
    "slam",
    "accus",
    "condemn",
    "denounc",
    "mislead",
    "wrong",
    "lie",
    "lied",
    "oppos",
    "doubt",
    "question",
    "skeptic",
    "sceptic",
    "claim",
    "insist",
)
# Two statements must share this share of the shorter one's content words before a negation on one
# side reads as denying the other (and not as a statement about something else). Chosen on the
# seeds' and the sample corpus' translated quotes (0.5-0.9 for one statement, under 0.3 otherwise).
NEGATION_OVERLAP_MIN = 0.5
# Weights of the signals in `Contest.score`: a disagreeing count or a flipped negation of one
# statement is direct evidence; contestation wording is circumstantial, so it counts half, and the
# content both statements share (0..1) adds up to its own size, since two statements can only
# contest each other when they are about the same thing.
NUMBER_WEIGHT = 1.0
NEGATION_WEIGHT = 1.0
CONTESTING_WEIGHT = 0.5
SHARED_WEIGHT = 1.0

# The names of `Contest.features()`, in order.
FEATURES = ("numbers", "denial", "contesting_a", "contesting_b", "shared")

_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Contest:
    """Why `b` may contest `a`: each signal, in words, and a default score that weighs them.

    `features` gives the signals as numbers, in a fixed order, for a caller that weighs them itself
    (the ClaimDiff evaluation fits its weights on a calibration part of its data).
    """

    numbers: str | None  # "41 people against 14 people"
    denial: bool  # one statement negates what the other states
    contesting_a: tuple[str, ...]  # contesting words in a
    contesting_b: tuple[str, ...]  # contesting words in b
    shared: float  # share of the shorter statement's content words the other holds

    @property
    def reasons(self) -> tuple[str, ...]:
        found = []
        if self.numbers:
            found.append(self.numbers)
        if self.denial:
            found.append("one statement denies what the other asserts")
        words = sorted({*self.contesting_a, *self.contesting_b})
        if words:
            found.append("contesting wording: " + ", ".join(words))
        return tuple(found)

    @property
    def contested(self) -> bool:
        return bool(self.reasons)

    @property
    def score(self) -> float:
        return (
            NUMBER_WEIGHT * bool(self.numbers)
            + NEGATION_WEIGHT * self.denial
            + CONTESTING_WEIGHT * bool(self.contesting_a or self.contesting_b)
            + SHARED_WEIGHT * self.shared
        )

    def features(self) -> tuple[float, ...]:
        return (
            float(bool(self.numbers)),
            float(self.denial),
            float(bool(self.contesting_a)),
            float(bool(self.contesting_b)),
            self.shared,
        )


def contests(a: str, b: str) -> Contest:
    """The signals that statement `b` contests statement `a` (`reasons` is empty when none fired)."""
    shared = coverage(a, b)
    return Contest(
        numbers=_numbers_disagree(a, b),
        denial=shared >= NEGATION_OVERLAP_MIN and denies_shared(a, b),
        contesting_a=tuple(_contesting(a)),
        contesting_b=tuple(_contesting(b)),
        shared=shared,
    )


def _numbers_disagree(a: str, b: str) -> str | None:
    """A count of one noun given two values that do not meet. Bare text has no parse, so the counted
    noun must be written out on both sides, and a count that finds its match on the other side is
    spoken for ("three people died and 41 were hurt" against "three people died and 14 people ...")."""
    left = [m for n in text_numbers(a, "a") if (m := measured(n)) is not None and n.noun_lemma]
    right = [m for n in text_numbers(b, "b") if (m := measured(n)) is not None and n.noun_lemma]

    def comparable(x: Measured, y: Measured) -> bool:
        return x.number.noun_lemma == y.number.noun_lemma and x.quantity.family == y.quantity.family

    def agrees(x: Measured, y: Measured) -> bool:
        verdict = compare(x.number, y.number)
        return verdict is not None and verdict.agree

    open_left = [x for x in left if not any(comparable(x, y) and agrees(x, y) for y in right)]
    open_right = [y for y in right if not any(comparable(x, y) and agrees(x, y) for x in left)]
    for x in open_left:
        for y in open_right:
            if comparable(x, y):
                return f"{x.number.text} {x.number.noun} against {y.number.text} {y.number.noun}"
    return None


def _contesting(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if any(w.startswith(s) for s in CONTESTING_STEMS)]
