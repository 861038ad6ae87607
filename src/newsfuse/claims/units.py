"""Statement units and what each one holds: the sentences of every article (split at semicolons),
the entities, numbers, dates and quotes the extract stage found inside each, and the party it is
credited to.

A unit is the smallest stretch of text a claim points at. Sentences are split further only at a
semicolon between two clauses that each read as a statement, so that every unit is still a real,
contiguous stretch of the article and a citation to it reads as the article wrote it.

A credited statement ("according to state media", "KCNA reported", "the mayor said") is the credited
party's claim, not the outlet's: two outlets repeating what one agency reported are one source for
it. The party is found by the grammar of reporting (a reporting verb with its subject, or "according
to" with its object), not by a list of outlets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from newsfuse.models import Article, DateMention, NumberMention, QuoteMention, Span, StoryFacts
from newsfuse.text.calendar import MONTHS, WEEKDAYS
from newsfuse.text.sentences import split_sentences
from newsfuse.text.words import folded_words, word_count

# Fewer words than this is a fragment (a caption, a label, a dangling heading), not a statement.
# Body sentences of the seeds and the sample corpus run 6-50 words; 5-word units are kickers.
MIN_WORDS = 5
# Each side of a semicolon must keep this many words to stand as its own statement.
MIN_CLAUSE_WORDS = 5

_SEMICOLON = re.compile(r";\s+")
# A page's stamp ("Updated 5:40 p.m.", "PUBLISHED: MONDAY, MARCH 11, 2013, 10:34 PM", "Last updated at
# 11:24 GMT") says when the page changed, not what happened: it is no statement.
_PAGE_STAMP = re.compile(r"(?:^|\|)\W*(?:last\s+)?(?:updated|published|posted|edited)(?:\s+time)?\b", re.I)
# Besides numbers and month names, the words a stamp is made of ("21 July 2013 Last updated at 11:11
# GMT", "September 18th, 2013, 05:31 GMT", "10:55 P.M. FEB. 2, 2009"): a unit of nothing else says when,
# not what. Closed classes (weekdays, clock halves as written with or without stops, time zones,
# ordinal endings), not words read off the stories.
_STAMP_WORDS = frozenset(
    {
        *WEEKDAYS,
        *("a", "p", "m", "am", "pm", "a.m", "p.m"),
        *("at", "on", "last", "updated", "published", "posted", "edited", "time"),
        *("gmt", "utc", "bst", "cet", "cest", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "pt"),
    }
)
_ORDINAL_ENDINGS = ("st", "nd", "rd", "th")


@dataclass(frozen=True, slots=True)
class Unit:
    """One statement of one article: `text` is exactly `article.text[span.start:span.end]`."""

    index: int
    article_id: str
    span: Span
    text: str
    paragraph: int
    is_list_item: bool


def split_units(articles: Sequence[Article]) -> list[Unit]:
    units: list[Unit] = []
    for article in articles:
        for number, paragraph in enumerate(article.paragraphs):
            body = article.text[paragraph.start : paragraph.end]
            for sentence in split_sentences(body, offset=paragraph.start):
                for start, end in _clauses(article.text, sentence.start, sentence.end):
                    text = article.text[start:end]
                    if word_count(text) >= MIN_WORDS and not _is_stamp(text):
                        span = Span(article.id, start, end)
                        units.append(Unit(len(units), article.id, span, text, number, paragraph.is_list_item))
    return units


def _is_stamp(text: str) -> bool:
    """Whether the text stamps the page (when it was updated) rather than stating anything."""
    if _PAGE_STAMP.search(text):
        return True
    return all(
        w.isdigit() or w in MONTHS or w in _STAMP_WORDS or (w[:-2].isdigit() and w[-2:] in _ORDINAL_ENDINGS)
        for w in folded_words(text)
    )


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    cursor = start
    for match in _SEMICOLON.finditer(text, start, end):
        left = text[cursor : match.start()]
        right = text[match.end() : end]
        if word_count(left) >= MIN_CLAUSE_WORDS and word_count(right) >= MIN_CLAUSE_WORDS:
            pieces.append((cursor, match.start()))
            cursor = match.end()
    pieces.append((cursor, end))
    return pieces


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Slots:
    """The facts inside one unit. `credit` is the canonical party when it names a known entity."""

    entities: frozenset[str]
    numbers: tuple[NumberMention, ...]
    dates: tuple[DateMention, ...]
    quotes: tuple[QuoteMention, ...]
    credit: str | None


def fill_slots(units: Sequence[Unit], facts: StoryFacts) -> list[Slots]:
    entity_spans: dict[str, list[tuple[Span, str]]] = {}
    for entity in facts.entities:
        for named in entity.mentions:
            entity_spans.setdefault(named.span.article_id, []).append((named.span, entity.name))
    numbers = _by_article(facts.numbers, lambda n: n.span)
    dates = _by_article(facts.dates, lambda d: d.span)
    quotes: dict[str, list[QuoteMention]] = {}
    for quote in facts.quotes:
        for rendering in (*quote.mentions, *(m for v in quote.variants for m in v.mentions)):
            quotes.setdefault(rendering.article_id, []).append(rendering)
    out = []
    for unit in units:
        inside = unit.span
        entities = frozenset(name for span, name in entity_spans.get(unit.article_id, ()) if _within(span, inside))
        unit_quotes = tuple(q for q in quotes.get(unit.article_id, ()) if _within(q.spans[0], inside))
        out.append(
            Slots(
                entities=entities,
                numbers=tuple(n for n in numbers.get(unit.article_id, ()) if _within(n.span, inside)),
                dates=tuple(d for d in dates.get(unit.article_id, ()) if _within(d.span, inside)),
                quotes=unit_quotes,
                credit=_credit(unit, unit_quotes, facts),
            )
        )
    return out


def _credit(unit: Unit, quotes: tuple[QuoteMention, ...], facts: StoryFacts) -> str | None:
    """The party the unit speaks for: a quote's credited source or speaker, else a written credit."""
    for quote in quotes:
        if quote.attribution:
            return _canonical(quote.attribution, facts)
        if quote.speaker:
            return quote.speaker
    credit = find_credit(unit.text)
    return _canonical(credit, facts) if credit is not None else None


def _canonical(party: str, facts: StoryFacts) -> str:
    """The entity's canonical name when the party names one (also by its last words: "leader Kim")."""
    words = party.split()
    for size in range(len(words), 0, -1):
        entity = facts.entity(" ".join(words[-size:]))
        if entity is not None:
            return entity.name
    return party.lower()


def _within(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _by_article(items: Sequence[T], span_of: Callable[[T], Span]) -> dict[str, list[T]]:
    grouped: dict[str, list[T]] = {}
    for item in items:
        grouped.setdefault(span_of(item).article_id, []).append(item)
    return grouped


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
