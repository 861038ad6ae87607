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
from dataclasses import dataclass
from datetime import date

from newsfuse.claims.grouping import source_key
from newsfuse.claims.measures import compare_dates, is_expectation, meets, same_deed, verb_class
from newsfuse.claims.story import StoryView, coverage, side
from newsfuse.claims.units import Unit
from newsfuse.extract.cues import SPEECH_VERBS
from newsfuse.extract.tense import FUTURE_LEMMAS
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
_UNDATED = ". Note: the articles naming these weekdays are undated, so no day can be counted"
# Verbs of telling or making public: a weekday that dates one of them dates the telling.
_TELLING = SPEECH_VERBS | {"release"}
_AFTER = re.compile(r"\b(?:after|before|following|since)\b[^,.;:]*$", re.IGNORECASE)


def date_conflicts(view: StoryView) -> list[Conflict]:
    published = {a.id: a.published for a in view.articles.values() if a.published is not None}
    found = [c for entry in view.facts.timeline if entry.disputed if (c := _dispute(view, entry, published))]
    found.extend(_agreements(view, published))
    found.extend(_coarse_disputes(view, published))
    # A weekday dispute the timeline already raised (one side dated, so its day was counted) is not
    # raised twice.
    told = {(e.article_id, e.start) for c in found if c.status == "open" for s in c.sides for e in s.evidence}
    found.extend(
        c
        for c in _weekday_disputes(view)
        if not any((e.article_id, e.start) in told for s in c.sides for e in s.evidence)
    )
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
    """Undated articles of independent sources that name different weekdays for one event ("Mark Felt
    ... died on Friday" against "Felt died Thursday"; "died early Thursday" against "died early
    Tuesday"). No day can be counted (a day the story's window gave them is a guess), but one event
    falls on one weekday whenever the articles were written.

    Two weekdays date one event when the parse hangs them on verbs of one class with a named party in
    common and none at odds: "opened fire ... Friday" and "was charged Saturday" tell two deeds; "the
    Saints signed Wynn on Tuesday" and "the Saints signed Bell" on Wednesday two signings."""
    named = _reported_weekdays(view)
    told = [(x, y) for x, a in enumerate(named) for y in range(x + 1, len(named)) if a.same_event(named[y])]
    joined = UnionFind[int](range(len(named)))
    for x, y in told:
        joined.union(x, y)
    conflicts: list[Conflict] = []
    for group in map(set, joined.groups()):
        # Only two sources can disagree: one article naming two weekdays for a deed is not a dispute.
        disputes = [
            (x, y)
            for x, y in told
            if x in group and named[x].day.weekday != named[y].day.weekday and _independent(view, named[x], named[y])
        ]
        if not disputes:
            continue
        members = [named[x] for x in sorted(group)]
        # Reports of the deed whose party is not named ("He died at 12:45 p.m. on Thursday"), in an
        # article that names a party of it, stand with their day's side too, so that neither day is
        # stated as fact elsewhere in the brief; they never raise a dispute themselves.
        members += [c for c in named if any(c.unnamed_report_of(view, m) for m in members)]
        by_day: dict[str, list[Unit]] = {}
        for member in members:
            by_day.setdefault(calendar.day_name[member.day.weekday], []).append(member.unit)
        sides = tuple(side(d, units) for d, units in sorted(by_day.items(), key=lambda item: -len(item[1])))
        about = "when: " + _short(named[disputes[0][0]].unit.text)
        if all(_one_night(view, named[x], named[y]) for x, y in disputes):
            explanation = (
                "the articles put the event late on one day and early on the next: one night, told from "
                "either side of midnight"
            )
            conflicts.append(Conflict("date", about, sides, "reconciled", explanation))
            continue
        explanation = "independent sources tell the same event on different weekdays: " + "; ".join(
            f"{s.value} ({', '.join(view.label(a) for a in s.articles)})" for s in sides
        )
        conflicts.append(Conflict("date", about, sides, "open", explanation + _UNDATED))
    return conflicts


def _reported_weekdays(view: StoryView) -> list[_Dated]:
    """The weekdays of undated articles that date a reported deed, one to a unit."""
    by_unit: dict[int, tuple[Unit, list[NamedWeekday]]] = {}
    for weekday in view.facts.weekdays:
        unit = view.unit_at(weekday.span)
        if unit is None:
            continue
        before = unit.text[: weekday.span.start - unit.span.start]
        # A weekday on a verb of telling (its nearest deed: "the campaign told The Hill Sunday",
        # "figures released Saturday") dates when an outlet heard it, which differs between outlets;
        # not the deed. One after "after" or "before" in its clause ("charged ... after a shooting ...
        # Friday") may date the event of that phrase, not the clause's deed. Only a deed told as done
        # is a report of its day: not a forecast ("is expected to face charges on Friday"), a schedule
        # ("plays at Seattle on Saturday") or a habit ("typically releases patches on the second
        # Tuesday"). All left out.
        if (weekday.deeds and weekday.deeds[0] in _TELLING) or _AFTER.search(before):
            continue
        if weekday.tense != "past" or any(d in FUTURE_LEMMAS for d in weekday.deeds):
            continue
        by_unit.setdefault(unit.index, (unit, []))[1].append(weekday)
    # A sentence naming two weekdays may give each to another deed; which is which is the parse's guess.
    return [
        _Dated(unit, days[0], verb_class(days[0].deeds[0]))
        for unit, days in by_unit.values()
        if len({d.weekday for d in days}) == 1 and days[0].deeds
    ]


@dataclass(frozen=True, slots=True)
class _Dated:
    """A weekday of an undated article with the class of the verb it dates (the nearest one: in "is
    expected to appear in court next Monday" the appearing, not the expecting)."""

    unit: Unit
    day: NamedWeekday
    deed: str

    def names(self, role: str | None = None) -> set[str]:
        return {name for r, name in self.day.parties if role in (None, r)}

    def same_event(self, other: _Dated) -> bool:
        """One deed with a named party in common and no role whose named parties differ."""
        if self.deed != other.deed or not (self.names() & other.names()):
            return False
        for role in ("subject", "object"):
            mine, theirs = self.names(role), other.names(role)
            if mine and theirs and not (mine & theirs):
                return False
        return True

    def unnamed_report_of(self, view: StoryView, told: _Dated) -> bool:
        """A report of `told`'s deed with no party named, in an article that names a party of it."""
        if self.day.parties or self.deed != told.deed:
            return False
        text = view.articles[self.unit.article_id].text
        return any(re.search(rf"\b{re.escape(name)}\b", text) for name in told.names())


def _independent(view: StoryView, a: _Dated, b: _Dated) -> bool:
    """Two sources of different lineages (not copies of one report, not a digest)."""
    ka, kb = source_key(view, a.unit.article_id), source_key(view, b.unit.article_id)
    return ka is not None and kb is not None and ka != kb


# Words next to a weekday that put the time at the day's end ("late Thursday", "Thursday night") or
# at the next day's start ("early Friday", "overnight"): around midnight outlets name either day.
_LATE_BEFORE = re.compile(r"\blate\W+(?:\w+\W+)?$", re.IGNORECASE)
_LATE_AFTER = re.compile(r"^\W+night\b", re.IGNORECASE)  # an evening ends well before midnight
_EARLY_BEFORE = re.compile(r"\b(?:early|overnight)\W+(?:\w+\W+)?$", re.IGNORECASE)


def _one_night(view: StoryView, a: _Dated, b: _Dated) -> bool:
    """Consecutive weekdays where the earlier is told late in its day or the later early in its:
    "checked in late Thursday" and "early Friday morning, around 1:30 a.m." tell one night."""
    if (a.day.weekday + 1) % 7 != b.day.weekday:
        a, b = b, a
    if (a.day.weekday + 1) % 7 != b.day.weekday:
        return False
    return _near(view, a, _LATE_BEFORE, _LATE_AFTER) or _near(view, b, _EARLY_BEFORE, None)


def _near(view: StoryView, dated: _Dated, before: re.Pattern[str], after: re.Pattern[str] | None) -> bool:
    """Whether the words just before or after the weekday's name match (the mention may hold them:
    "late Thursday" is one expression)."""
    text, span, day = view.articles[dated.unit.article_id].text, dated.day.span, calendar.day_name[dated.day.weekday]
    start = max(0, span.start - 24)
    window = text[start : span.end + 12]
    at = window.lower().rfind(day.lower(), 0, span.end - start)
    if at < 0:
        return False
    return bool(before.search(window[:at])) or (after is not None and bool(after.match(window[at + len(day) :])))
