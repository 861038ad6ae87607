"""Dates that differ between articles for one event: when the talks took place, when someone arrived.

The extract stage's timeline already lines events up across articles and lists the other dates some
articles give (`TimelineEntry.disputed`). Each of those is checked here before it is raised: the
sentence giving the other date must describe the same event (its words must cover the event's
clause), and a forecast written before the event ("arrival expected on Tuesday") is an expectation,
not a report, so it can only be reconciled. Dates that only look different ("a decade ago" and
"in 2016", a weekday and a calendar date naming one day) are reported as reconciled.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date

from newsfuse.claims.measures import compare_dates, is_expectation, meets, same_deed, verb_class
from newsfuse.claims.story import StoryView, coverage, side
from newsfuse.claims.units import Unit
from newsfuse.extract.cues import SPEECH_VERBS
from newsfuse.models import Conflict, ConflictSide, DateMention, TimelineEntry
from newsfuse.models.facts import NamedWeekday
from newsfuse.text.lexicon import STOP_WORDS
from newsfuse.text.union_find import UnionFind

# A sentence reports the same event as a timeline clause when it holds at least this share of the
# clause's content words (or the clause this share of the sentence's); sentences that only share a
# setting ("closed" windows vs "closed" schools) share a word or two. Swept by open conflicts on ECB+
# dev's odd topics (0.4 / 0.5 / 0.6 / 0.7: 38 at each), so the value is kept; on the even topics
# (21 / 20 / 17 / 15) a higher value drops a wrong year (1957/1958: a shooting and its trial) but also
# disputes of the day that two outlets do report differently (a raid on 10 or 11 November), and on
# NeuS 0.4 opens one false dispute (0 open at 0.5-0.7).
EVENT_OVERLAP_MIN = 0.5
# Dates written as calendar values ("in 2014", "November 2011"): only these are set against each other
# by year or month, since "last month" or "last year" depends on a publication date a story may lack.
WRITTEN_KINDS = ("absolute", "year")
# Words of the event description shown in `Conflict.about`.
ABOUT_WORDS = 14
_UNDATED = ". Note: no article of the story is dated, so no day can be counted"
# Verbs of telling or making public: a weekday that dates one of them dates the telling.
_TELLING = SPEECH_VERBS | {"release"}
_AFTER = re.compile(r"\b(?:after|before|following|since)\b[^,.;:]*$", re.IGNORECASE)


def date_conflicts(view: StoryView) -> list[Conflict]:
    published = {a.id: a.published for a in view.articles.values() if a.published is not None}
    found = [c for entry in view.facts.timeline if entry.disputed if (c := _dispute(view, entry, published))]
    found.extend(_agreements(view, published))
    found.extend(_coarse_disputes(view, published))
    found.extend(_weekday_disputes(view))
    return found


def _dispute(view: StoryView, entry: TimelineEntry, published: dict[str, date]) -> Conflict | None:
    clauses = [view.articles[s.article_id].text[s.start : s.end] for s in entry.spans if s.article_id in view.articles]
    mentions: list[tuple[DateMention, Unit]] = []
    for span in entry.spans:
        unit = view.unit_at(span)
        if unit is None:
            continue
        for mention in view.slots[unit.index].dates:
            if not mention.in_quote and mention.start <= entry.date <= mention.end:
                mentions.append((mention, unit))
    own = [m for m, _ in mentions]
    for disputed in entry.disputed:
        for mention in disputed.mentions:
            unit = view.unit_at(mention.span)
            if unit is None or max((coverage(unit.text, c) for c in clauses), default=0.0) < EVENT_OVERLAP_MIN:
                continue
            if own and not any(same_deed(mention, m) for m in own):
                # "started to experience problems on Saturday" against "a problem ... which caused
                # downtime ... on Tuesday": one cable network, two faults; the other day dates
                # another deed.
                continue
            mentions.append((mention, unit))
    reports = [(m, u) for m, u in mentions if not is_expectation(m, published)]
    forecasts = [(m, u) for m, u in mentions if is_expectation(m, published)]
    about = "when " + _short(entry.event)
    # "died yesterday" in an article with no date: the day is the story's guess of when it was
    # written, moved by one; the article names no day, so it backs no side of a dispute. (A weekday
    # it names is kept: that much the article says.)
    report_sides = [(day, group) for day, group in _sides(reports) if not all(_written_when(m) for m, _ in group)]
    if len(report_sides) >= 2 and not any(_sure(m) for _, group in report_sides for m, _ in group):
        # Every side's day was counted from the story's guessed window (undated articles'
        # "Thursday" and "yesterday"): the guesses may differ while the articles agree.
        return None
    if len(report_sides) >= 2:
        sides = tuple(_side(view, day, group) for day, group in report_sides)
        explanation = "the articles put it on different days: " + "; ".join(
            f"{s.value} ({', '.join(view.label(a) for a in s.articles)})" for s in sides
        )
        explanation += _notes(view, reports, forecasts)
        return Conflict("date", about, sides, "open", explanation)
    forecast_sides = _sides(forecasts)
    if report_sides and forecast_sides and any(day != report_sides[0][0] for day, _ in forecast_sides):
        sides = tuple(_side(view, day, group) for day, group in report_sides + forecast_sides)
        explanation = (
            "a forecast written before the event expected another day than the reports give; "
            "the event moved or the forecast missed, and no report disagrees"
        )
        return Conflict("date", about, sides, "reconciled", explanation)
    return None


def _written_when(mention: DateMention) -> bool:
    """A day counted from when an undated article was written ("yesterday", "today"): a guess."""
    return mention.kind == "relative" and mention.anchor_source == "story"


def _sure(mention: DateMention) -> bool:
    """A day the article itself gives: written in full, or counted from its own publication date."""
    return not (mention.anchor_source == "story" and mention.kind in ("weekday", "relative"))


def _sides(mentions: Sequence[tuple[DateMention, Unit]]) -> list[tuple[date, list[tuple[DateMention, Unit]]]]:
    """Mentions grouped by the day they name, largest group first."""
    grouped: dict[date, list[tuple[DateMention, Unit]]] = {}
    for mention, unit in mentions:
        if mention.granularity == "day":
            grouped.setdefault(mention.start, []).append((mention, unit))
    return sorted(grouped.items(), key=lambda item: (-len({u.article_id for _, u in item[1]}), item[0]))


def _side(view: StoryView, day: date, group: Sequence[tuple[DateMention, Unit]]) -> ConflictSide:
    return side(day.isoformat(), [u for _, u in group])


def _notes(
    view: StoryView, reports: Sequence[tuple[DateMention, Unit]], forecasts: Sequence[tuple[DateMention, Unit]]
) -> str:
    notes = []
    for mention, unit in reports:
        if mention.anchor_source == "story" and mention.kind in ("weekday", "relative"):
            notes.append(
                f'{view.label(unit.article_id)} has no publication date, so its "{mention.text}" was counted '
                f"from the story's dates"
            )
    for mention, unit in forecasts:
        notes.append(f'{view.label(unit.article_id)} expected {mention.iso} before the event ("{mention.text}")')
    return "".join(f". Note: {n}" for n in dict.fromkeys(notes))


def _short(text: str) -> str:
    words = text.split()
    if words and words[0].lower() in STOP_WORDS:
        words[0] = words[0].lower()  # "when the storm made landfall", mid-phrase: no sentence capital
    return " ".join(words[:ABOUT_WORDS]) + (" ..." if len(words) > ABOUT_WORDS else "")


def _agreements(view: StoryView, published: dict[str, date]) -> list[Conflict]:
    """Restatements of one event whose dates are written differently but name the same time."""
    dated = [(unit, own[0]) for unit, own in _own_dates(view, published)]
    pairs = []
    for x, (ua, ma) in enumerate(dated):
        for y in range(x + 1, len(dated)):
            ub, mb = dated[y]
            if ua.article_id == ub.article_id or (ma.kind == mb.kind and ma.granularity == mb.granularity):
                continue
            if not meets(ma, mb) or not view.same_statement(ua.index, ub.index):
                continue
            # Names say who, not what happened: two events of one day share them ("talks" and "parade").
            if coverage(ua.text, ub.text, view.names) < EVENT_OVERLAP_MIN:
                continue
            pairs.append((x, y))
    joined = UnionFind[int](range(len(dated)))
    for x, y in pairs:
        joined.union(x, y)
    conflicts = []
    for group in joined.groups():
        if len(group) < 2:
            continue
        first = next((x, y) for x, y in pairs if x in group)
        verdict = compare_dates(dated[first[0]][1], dated[first[1]][1])
        by_text: dict[str, list[Unit]] = {}
        for member in group:
            unit, mention = dated[member]
            by_text.setdefault(mention.text, []).append(unit)
        sides = tuple(side(text, units) for text, units in by_text.items())
        about = "when: " + _short(dated[group[0]][0].text)
        conflicts.append(Conflict("date", about, sides, "reconciled", verdict.explanation))
    return conflicts


def _coarse_disputes(view: StoryView, published: dict[str, date]) -> list[Conflict]:
    """Restatements of one event that give it different years or months ("moved back in 2015" against
    "moved back in 2014"). Days are left to the timeline's disputes above, which line events up with
    more care; a year or a month is rarely a timeline entry of its own."""
    dated = [
        (unit, own[0])
        for unit, own in _own_dates(view, published)
        if own[0].granularity in ("year", "month") and own[0].kind in WRITTEN_KINDS
    ]
    conflicts = []
    for x, (ua, ma) in enumerate(dated):
        for ub, mb in dated[x + 1 :]:
            if ua.article_id == ub.article_id or ma.granularity != mb.granularity or meets(ma, mb):
                continue
            if not view.same_statement(ua.index, ub.index):
                continue
            if coverage(ua.text, ub.text, view.names) < EVENT_OVERLAP_MIN:
                continue
            if not same_deed(ma, mb):
                continue  # "charged in 1957", "acquitted in 1958": two deeds of one case, each dated
            sides = (side(ma.iso, [ua]), side(mb.iso, [ub]))
            explanation = (
                f"{view.label(ua.article_id)} and {view.label(ub.article_id)} tell the same event and date it "
                f'differently: "{ma.text}" against "{mb.text}"'
            )
            conflicts.append(Conflict("date", "when: " + _short(ua.text), sides, "open", explanation))
    return conflicts


def _own_dates(view: StoryView, published: dict[str, date]) -> list[tuple[Unit, list[DateMention]]]:
    """Units that date what they report by exactly one date of their own (not a quote's, not a forecast)."""
    out = []
    for unit, slots in zip(view.units, view.slots, strict=True):
        own = [m for m in slots.dates if not m.in_quote]
        if len(own) == 1 and not is_expectation(own[0], published):
            out.append((unit, own))
    return out


def _weekday_disputes(view: StoryView) -> list[Conflict]:
    """Restatements of one deed in a story with no date at all that name different weekdays for it
    ("died early Thursday" against "died early Tuesday"). No day can be counted, but one deed falls
    on one weekday whenever the articles were written. The weekday must date the same deed in both
    (the verbs it hangs on, of one class): "opened fire ... Friday" and "was charged Saturday" tell
    two deeds of one story."""
    by_unit: dict[int, tuple[Unit, list[NamedWeekday]]] = {}
    for weekday in view.facts.weekdays:
        unit = view.unit_at(weekday.span)
        if unit is None:
            continue
        before = unit.text[: weekday.span.start - unit.span.start]
        # A weekday on a verb of telling (its nearest deed: "the campaign told The Hill Sunday",
        # "figures released Saturday") dates when an outlet heard it, which differs between outlets;
        # not the deed. One after "after" or "before" in its clause ("charged ... after a shooting ...
        # Friday") may date the event of that phrase, not the clause's deed: left out.
        if not ((weekday.deeds and weekday.deeds[0] in _TELLING) or _AFTER.search(before)):
            by_unit.setdefault(unit.index, (unit, []))[1].append(weekday)
    named = [(unit, days[0]) for unit, days in by_unit.values() if len({d.weekday for d in days}) == 1]
    deeds = [frozenset(verb_class(d) for d in day.deeds) for _, day in named]
    pairs: set[tuple[int, int]] = set()
    for x, (ua, _) in enumerate(named):
        for y in range(x + 1, len(named)):
            ub = named[y][0]
            if ua.article_id == ub.article_id or not view.same_statement(ua.index, ub.index):
                continue
            if coverage(ua.text, ub.text, view.names) < EVENT_OVERLAP_MIN or not (deeds[x] & deeds[y]):
                continue
            pairs.add((x, y))
    conflicts: list[Conflict] = []
    for x, y in sorted(pairs):
        (ua, da), (ub, db) = named[x], named[y]
        if da.weekday == db.weekday:
            continue
        # Every unit telling the deed on either day stands with its side, so that neither day is
        # stated as fact elsewhere in the brief.
        by_day: dict[str, list[Unit]] = {calendar.day_name[da.weekday]: [ua], calendar.day_name[db.weekday]: [ub]}
        for z, (uz, dz) in enumerate(named):
            if z not in (x, y) and any((min(z, w), max(z, w)) in pairs for w in (x, y)):
                by_day.setdefault(calendar.day_name[dz.weekday], []).append(uz)
        sides = tuple(side(day, units) for day, units in sorted(by_day.items(), key=lambda item: -len(item[1])))
        if any(c.sides == sides for c in conflicts):
            continue
        explanation = "the articles tell the same deed on different weekdays: " + "; ".join(
            f"{s.value} ({', '.join(view.label(a) for a in s.articles)})" for s in sides
        )
        conflicts.append(Conflict("date", "when: " + _short(ua.text), sides, "open", explanation + _UNDATED))
    return conflicts
