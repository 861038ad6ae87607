"""What each statement unit is about: the entities, numbers, dates and quotes the extract stage found
inside its span, and the party it is credited to."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from newsfuse.claims.attribution import find_credit
from newsfuse.claims.units import Unit
from newsfuse.models import DateMention, NumberMention, QuoteMention, Span, StoryFacts

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
