"""Who a statement is credited to: "according to state media", "KCNA reported", "the mayor said".

A credited statement is the credited party's claim, not the outlet's: two outlets repeating what one
agency reported are one source for it. Found by the grammar of reporting (a reporting verb with its
subject, or "according to" with its object), not by a list of outlets.
"""

from __future__ import annotations

import re

# Verbs that report what someone else says; the grammatical class, in the forms news prose uses.
REPORTING_VERBS = (
    "said",
    "says",
    "say",
    "reported",
    "reports",
    "told",
    "tells",
    "announced",
    "announces",
    "confirmed",
    "confirms",
    "stated",
    "states",
    "claimed",
    "claims",
    "added",
    "adds",
    "noted",
    "notes",
    "wrote",
    "writes",
    "quoted",
    "quotes",
    "cited",
    "cites",
    "insisted",
    "insists",
    "warned",
    "warns",
    "estimated",
    "estimates",
    "alleged",
    "alleges",
    "acknowledged",
    "acknowledges",
)
# Words a credited party is made of (names, titles, outlets); the party is at most this many words.
MAX_PARTY_WORDS = 8
# Leading words dropped from a party's name so that "the state media" and "state media" are one.
DETERMINERS = ("but ", "and ", "so ", "yet ", "the ", "a ", "an ", "its ", "his ", "her ", "their ")

_VERBS = "|".join(REPORTING_VERBS)
_PARTY = r"(?P<party>[^,.;:!?“”\"()]{2,80}?)"
_ACCORDING = re.compile(rf"\baccording to {_PARTY}(?=[,.;:!?)]|$| on | in | that )", re.I)
# "X said" / "X has told ..." at the start of a clause (sentence start or after a comma or quote).
_SUBJECT_FIRST = re.compile(
    rf"(?:^|[,“”\"]\s*|\bthat\s)(?P<party>[^,.;:!?“”\"]{{2,80}}?)\s+(?:has |have |had )?(?:{_VERBS})\b", re.I
)
# "as noted by X", "reported by X": the passive names the party after "by".
_PASSIVE = re.compile(rf"\b(?:{_VERBS}) by {_PARTY}(?=[,.;:!?]|$)", re.I)
# ", said X." at the end of a clause (inverted attribution after a quote).
_VERB_FIRST = re.compile(rf"(?:^|[,“”\"]\s*)(?:{_VERBS})\s+{_PARTY}(?=[,.;:!?]|$)", re.I)


def find_credit(text: str) -> str | None:
    """The party the statement credits, as written, or None when it speaks in the outlet's own voice."""
    for pattern in (_ACCORDING, _PASSIVE, _VERB_FIRST, _SUBJECT_FIRST):
        for match in pattern.finditer(text):
            party = _clean(match.group("party"))
            if party is not None:
                return party
    return None


def _clean(raw: str) -> str | None:
    party = raw.strip()
    lowered = party.lower()
    for determiner in DETERMINERS:  # in order: a conjunction, then an article ("but the experts")
        if lowered.startswith(determiner):
            party = party[len(determiner) :]
            lowered = lowered[len(determiner) :]
    words = party.split()
    if not words or len(words) > MAX_PARTY_WORDS:
        return None
    # A clause subject that is a whole statement ("the talks were in-depth, he said") is no party:
    # parties are noun phrases, which hold no finite verb of their own.
    if any(w.lower() in _FINITE for w in words):
        return None
    return party


# Finite verbs and clause words that show a "party" is really a clause.
_FINITE = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "will",
        "would",
        "could",
        "should",
        "can",
        "may",
        "might",
        "did",
        "does",
        "do",
        "has",
        "have",
        "had",
        "that",
        "which",
        "who",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "this",
        "these",
    ]
)
