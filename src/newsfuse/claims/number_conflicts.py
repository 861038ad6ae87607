"""Counts and amounts that differ between articles: "41 injured" against "14 injured".

Numbers are paired when they measure the same thing (see `measures`) in related sentences of
different articles; pairs are joined into one question (how many were injured) and the values split
into sides that agree among themselves. Values that only look different ("62 000" and "62,000",
"three days" and "72 hours", "more than 60,000" and 62,000, "11 other crews" and 12 crews) agree,
and are reported as reconciled with the reason.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from rapidfuzz import fuzz

from newsfuse.claims.measures import Agreement, Measured, compare, figure, measured, same_measure, thing
from newsfuse.claims.story import StoryView, side
from newsfuse.models import Conflict, ConflictSide, NumberMention
from newsfuse.models.claims import ConflictStatus
from newsfuse.text.calendar import MONTHS
from newsfuse.text.union_find import UnionFind

# Sentences must be at least this alike for their numbers to be compared at all: a count in a
# background paragraph about another event shares almost no words with the story's own count. Read
# in the sample corpus (background paragraphs 0.02-0.08, restatements of one count 0.1 and up); on
# real sets it is flat: open conflicts on ECB+ dev's odd / even topics 37 / 20, 38 / 20, 38 / 20 and
# 38 / 20 at 0.05 / 0.09 / 0.15 / 0.2 (the same box-score figures split into other groups), and 0 on
# NeuS at each, so the value is kept; `SAME_STATEMENT` does the work on real stories.
RELATED_MIN = 0.09
# Verbs that report a figure as it moves: a toll that "rose to" 41 is a reading of a changing count.
RUNNING_VERBS = frozenset({"rise", "climb", "grow", "reach", "increase", "mount", "jump", "swell", "soar", "top"})
# Phrases that say the figure is as of now and may change, wherever the sentence puts them ("So far,
# the Indian Navy has confiscated ...", "The ship has, thus far, confiscated ...").
RUNNING_MARKERS = re.compile(r"\b(?:so far|thus far|as of|to date|at last count|latest)\b")
# Relatives counted by grammatical number ("his wife and daughters"), singular for each plural.
KIN_PLURALS = {
    "sons": "son",
    "daughters": "daughter",
    "children": "child",
    "brothers": "brother",
    "sisters": "sister",
    "grandchildren": "grandchild",
    "grandsons": "grandson",
    "granddaughters": "granddaughter",
    "stepchildren": "stepchild",
}
_KIN = re.compile(
    r"\b(?:his|her|their)\s+(?:[a-z]+\s+and\s+|two\s+|adult\s+|young\s+)?(?P<kin>"
    + "|".join(sorted([*KIN_PLURALS, *KIN_PLURALS.values()], key=len, reverse=True))
    + r")\b",
    re.I,
)
# "including the shooter": a count that says it takes in one more person than the others give.
_INCLUDING_ONE = re.compile(r"\bincluding (?P<one>(?:the|a|an|one) [a-z]+(?: [a-z]+)?)\b", re.I)
# Similarity (rapidfuzz ratio, 0-100) at which two articles' sentences are one sentence copied, a
# figure or a word apart ("He was sentenced to 2 years, with 9 months to serve" and "... 2 1/2
# years, ..."): the "he" of both is then one person. Read on the odd-numbered ECB+ dev topics, where
# pairs about different people with an unresolved "he" score at most 64 ("He finished with 269
# yards ..." and "He had 793 yards ...") and an outlet's edit of one wire sentence about 70.
ONE_WORDING_MIN = 90
# Families compared only between restatements of one sentence: values that depend on a base the
# sentence states (percentages, money amounts), and lengths of time, times of day and measures
# (ages, distances), which a story gives for many different things ("a 10-year contract", "a
# five-year deal"; "updated 5:40 p.m.", "by 6:40 a.m."). Read on ECB+ dev, where across sentences
# that only share a topic these made most of the false alarms.
RELATIVE_FAMILIES = ("percent", "money:", "duration", "clock", "measure:")


def number_conflicts(view: StoryView) -> list[Conflict]:
    return [*_figure_conflicts(view), *_kin_conflicts(view)]


def _figure_conflicts(view: StoryView) -> list[Conflict]:
    items: list[tuple[int, Measured]] = []
    for unit, slots in zip(view.units, view.slots, strict=True):
        for number in slots.numbers:
            found = measured(number)
            # A forecast or target is compared with nothing: it is not a measurement of what happened.
            if found is not None and number.stance == "reported" and not _day_of_month(view, number):
                items.append((unit.index, found))
    by_unit: dict[int, list[Measured]] = {}
    for unit_index, found in items:
        by_unit.setdefault(unit_index, []).append(found)
    pairs: list[tuple[int, int, Agreement]] = []
    for x, (ua, a) in enumerate(items):
        for y in range(x + 1, len(items)):
            ub, b = items[y]
            if view.units[ua].article_id == view.units[ub].article_id:
                continue
            if view.similarity[ua, ub] < RELATED_MIN:
                continue
            if (a.number.owner_unnamed or b.number.owner_unnamed) and not _one_wording(view, ua, ub):
                # "He has 53 catches", "He wound up with eight catches": whose figure the articles do
                # not say for certain, so it is set against no other article's (as with a quote's
                # speaker), unless both print one sentence.
                continue
            years = _year(view, ua), _year(view, ub)
            if None not in years and years[0] != years[1]:
                # "He was sentenced to 12 years" after "a July 1997 racketeering conviction", "was
                # sentenced to seven years" after "A year later [than 1958], he was convicted": two
                # sentences of one man, told of different years.
                continue
            restated = view.same_statement(ua, ub) and view.same_predicate(ua, ub)
            if not same_measure(a, b, restated):
                continue
            # A share or an amount is relative to what its sentence compares it with ("36% up on
            # February", "25% up on last March"): only a restatement of one sentence gives one measure.
            # So for times and lengths of time, which a story gives for many things.
            if a.quantity.family.startswith(RELATIVE_FAMILIES) and not restated:
                continue
            verdict = compare(a.number, b.number)
            if verdict is None:
                continue
            if not verdict.agree:
                if _spoken_for(by_unit[ub], a) or _spoken_for(by_unit[ua], b):
                    continue  # a sentence also gives the other's figure ("29 of 34 passes"): both told
                verdict = _parts(items, x, y) or _parts(items, y, x) or _including(view, items, x, y) or verdict
            if not verdict.agree and not restated:
                # Only one statement worded twice gives one figure twice: sentences that share a topic
                # and a counted noun give figures of different things (two players' points, two
                # meetings, a day's total and one run's). Read on ECB+ dev, where such pairs made most
                # of the false alarms; every planted conflict of the seeds and the sample corpus is
                # between restatements.
                continue
            if verdict is not None:
                pairs.append((x, y, verdict))
    questions = UnionFind[int](range(len(items)))
    for x, y, _ in pairs:
        questions.union(x, y)
    conflicts = []
    for members in questions.groups():
        if len(members) < 2:
            continue
        inside = [(x, y, v) for x, y, v in pairs if x in members]
        conflict = _conflict(view, items, members, inside)
        if conflict is not None:
            conflicts.append(conflict)
    return conflicts


def _conflict(
    view: StoryView,
    items: list[tuple[int, Measured]],
    members: list[int],
    pairs: list[tuple[int, int, Agreement]],
) -> Conflict | None:
    agreeing = UnionFind[int](range(len(items)))
    for x, y, verdict in pairs:
        if verdict.agree:
            agreeing.union(x, y)
    by_root: dict[int, list[int]] = {}
    for m in members:
        by_root.setdefault(agreeing.find(m), []).append(m)
    groups = list(by_root.values())
    about = _about([items[m][1] for m in members])
    disagreements = [v for x, y, v in pairs if not v.agree and agreeing.find(x) != agreeing.find(y)]
    if len(groups) > 1 and disagreements and _one_sentence_on_two_sides(items, groups):
        # "The attack took place about 150 nautical miles off Aden and INS Mysore was about 13
        # nautical miles away"; "injuring 40, 15 of them on Qeshm": a sentence gives both values, so
        # they measure two things, and which of them another article's figure is cannot be told.
        return None
    if len(groups) > 1 and disagreements:
        sides = tuple(sorted((_side(view, items, g) for g in groups), key=lambda s: -len(s.articles)))
        update = _update(view, items, groups)
        if update is not None:
            return Conflict("number", about, *update)
        values = " against ".join(
            f"{s.value} ({len(s.articles)} article{'s' if len(s.articles) > 1 else ''})" for s in sides
        )
        return Conflict("number", about, sides, "open", f"the articles give different figures: {values}")
    explained = [v.explanation for x, y, v in pairs if v.agree and _looks_different(items[x][1], items[y][1])]
    if not explained:
        return None
    by_text: dict[str, list[int]] = {}
    for m in members:
        by_text.setdefault(items[m][1].number.text.strip().lower(), []).append(m)
    sides = tuple(_side(view, items, g, written=True) for g in by_text.values())
    return Conflict("number", about, sides, "reconciled", explained[0])


def _year(view: StoryView, unit: int) -> int | None:
    """The year the sentence tells of: the one year its own dates name, else the sentence before it
    in its article; None when neither names one year (or names several). Days counted from an
    undated article's guessed time are left out: the article does not say them."""
    article = view.units[unit].article_id
    for index in (unit, unit - 1):
        if index < 0 or view.units[index].article_id != article:
            return None
        years = {
            m.start.year
            for m in view.slots[index].dates
            if not m.in_quote and m.anchor_source != "story" and m.start.year == m.end.year
        }
        if years:
            return years.pop() if len(years) == 1 else None
    return None


def _one_sentence_on_two_sides(items: list[tuple[int, Measured]], groups: list[list[int]]) -> bool:
    """Whether one sentence (unit) backs two of the sides: no sentence disagrees with itself."""
    seen: dict[int, int] = {}
    for number, group in enumerate(groups):
        for unit in {items[m][0] for m in group}:
            if seen.setdefault(unit, number) != number:
                return True
    return False


def _one_wording(view: StoryView, a: int, b: int) -> bool:
    return fuzz.ratio(view.units[a].text, view.units[b].text) >= ONE_WORDING_MIN


def _parts(items: list[tuple[int, Measured]], whole: int, part: int) -> Agreement | None:
    """Whether the counts in `part`'s sentence add up to `whole` ("2.5 million doses to Mexico and 1.5
    million to Canada" against "4 million doses"): the sentence then splits the total, not contradicts it."""
    unit, target = items[part][0], items[whole][1]
    pieces = [
        m
        for u, m in items
        if u == unit
        and m.quantity.family == target.quantity.family
        and m.quantity.exact
        and m.noun in (None, target.noun)
    ]
    if len(pieces) < 2 or not target.quantity.exact or sum(m.quantity.value for m in pieces) != target.quantity.value:
        return None
    terms = " + ".join(m.number.text for m in pieces)
    return Agreement(True, f"{terms} are parts of the {target.number.text} in total")


def _spoken_for(others: list[Measured], value: Measured) -> bool:
    """Whether a sentence also holds a figure of the same family that agrees with `value`."""
    return any(
        o.quantity.family == value.quantity.family and (v := compare(o.number, value.number)) is not None and v.agree
        for o in others
    )


def _including(view: StoryView, items: list[tuple[int, Measured]], x: int, y: int) -> Agreement | None:
    """Counts one apart where the larger's sentence says it includes one more ("four people were
    killed, including the shooter" against "killed three people"): the same toll, counted two ways."""
    (ua, a), (ub, b) = items[x], items[y]
    if not (a.quantity.exact and b.quantity.exact) or abs(a.quantity.value - b.quantity.value) != 1:
        return None
    larger_unit, larger, smaller = (ua, a, b) if a.quantity.value > b.quantity.value else (ub, b, a)
    match = _INCLUDING_ONE.search(view.units[larger_unit].text)
    if match is None:
        return None
    return Agreement(
        True,
        f'"{larger.number.text}" counts {match.group("one")} ("{match.group(0).strip("() ")}"), '
        f'"{smaller.number.text}" does not',
    )


def _day_of_month(view: StoryView, number: NumberMention) -> bool:
    """A day written after its month ("a Jan. 29 memo") that the date patterns let through: a date,
    not an amount."""
    text = view.articles[number.span.article_id].text
    before = text[max(0, number.span.start - 12) : number.span.start].split()
    return bool(before) and before[-1].lower().rstrip(".") in MONTHS


def _side(view: StoryView, items: list[tuple[int, Measured]], group: list[int], written: bool = False) -> ConflictSide:
    numbers = [items[m][1].number for m in group]
    if written:
        first = numbers[0]
        value = f"{first.text.strip()} {first.noun}" if first.noun else first.text.strip()
    else:
        # A side is named by the figures it gives exactly: "as many as 80" agrees with the 70 beside it
        # and with 80, so it says nothing about which side it is on ("70 against 80", not "80 against 80").
        exact = [items[m][1].number for m in group if items[m][1].quantity.exact]
        value = Counter(figure(n) for n in exact or numbers).most_common(1)[0][0]
    return side(value, [view.units[items[m][0]] for m in group])


def _looks_different(a: Measured, b: Measured) -> bool:
    """Whether a reader would stop at the pair: digits written apart, a range, a unit, "other"."""
    if a.quantity.value != b.quantity.value or a.quantity.exact != b.quantity.exact:
        return True
    if a.number.unit != b.number.unit:
        return True
    ta, tb = a.number.text.strip(), b.number.text.strip()
    has_digits = any(c.isdigit() for c in ta) and any(c.isdigit() for c in tb)
    return has_digits and ta.lower() != tb.lower()


def _about(members: list[Measured]) -> str:
    """What the question counts, in the articles' words: "jobs added", "cash value", "how many injured"."""
    things = Counter(t for m in members if m.quantity.family != "duration" and (t := thing(m.number)))
    # The verb says what happened to a counted thing ("jobs added"); a copula says nothing ("value is").
    verbs = Counter(m.number.verb for m in members if m.number.verb and m.number.context not in ("be", "have"))
    family = members[0].quantity.family
    what = things.most_common(1)[0][0] if things else None
    verb = verbs.most_common(1)[0][0] if verbs else None
    if family == "duration":
        return f"how long ({verb})" if verb else "how long"
    if family == "clock":
        return f"what time ({verb})" if verb else "what time"
    if what is not None:
        return f"{what} {verb}" if verb else what
    return f"how many {verb}" if verb else "the figure"


def _update(
    view: StoryView, items: list[tuple[int, Measured]], groups: list[list[int]]
) -> tuple[tuple[ConflictSide, ...], ConflictStatus, str] | None:
    """Values of a changing figure read at different times, shown as a change over time: each value's
    articles were all published on one day and the days differ, or the sentences say the figure
    moves ("rose to", "so far") and the order is unknown."""
    days: list[date] = []
    for group in groups:
        published = {view.articles[view.units[items[m][0]].article_id].published for m in group}
        if len(published) != 1 or None in published:
            days = []
            break
        days.append(published.pop())  # type: ignore[arg-type]
    if days and len(set(days)) == len(days):
        ordered = sorted(zip(days, groups, strict=True), key=lambda pair: pair[0])
        sides = tuple(_side(view, items, g) for _, g in ordered)
        steps = " then ".join(
            f"{s.value} ({', '.join(view.label(a) for a in s.articles)}, {day.isoformat()})"
            for (day, _), s in zip(ordered, sides, strict=True)
        )
        return sides, "reconciled", f"an update, not a disagreement: the figure changed over time: {steps}"
    running = [m for g in groups for m in g if _running(view, items[m])]
    if running:
        sides = tuple(_side(view, items, g) for g in groups)
        values = ", ".join(s.value for s in sides)
        explanation = (
            f"a running figure ({values}): the articles say it changes, and each gives it as it stood when "
            "written; their order is not known"
        )
        return sides, "reconciled", explanation
    return None


def _running(view: StoryView, item: tuple[int, Measured]) -> bool:
    """Whether the sentence gives the figure as one that moves: "rose to", "has climbed to", "so far"."""
    unit, found = item
    text = view.units[unit].text.lower()
    return found.number.context in RUNNING_VERBS or RUNNING_MARKERS.search(text) is not None


def _kin_conflicts(view: StoryView) -> list[Conflict]:
    """Counts a sentence gives by grammatical number alone: "his wife and daughters" says more than one
    daughter, "his wife and daughter" says one. Read only where one statement is worded twice and the
    relative belongs to someone ("his", "her", "their"): "a daughter" does not say there is only one."""
    found: list[tuple[int, str, bool]] = []
    for unit in view.units:
        for match in _KIN.finditer(unit.text):
            noun = match.group("kin").lower()
            found.append((unit.index, KIN_PLURALS.get(noun, noun), noun in KIN_PLURALS))
    conflicts = []
    seen: set[tuple[str, str, str]] = set()
    for x, (ua, kin, plural) in enumerate(found):
        for ub, other_kin, other_plural in found[x + 1 :]:
            a, b = view.units[ua], view.units[ub]
            if kin != other_kin or plural == other_plural or a.article_id == b.article_id:
                continue
            if not (view.same_statement(ua, ub) and view.same_predicate(ua, ub)):
                continue
            key = (kin, min(a.article_id, b.article_id), max(a.article_id, b.article_id))
            if key in seen:
                continue
            seen.add(key)
            one, many = (b, a) if plural else (a, b)
            sides = (side(f"one {kin}", [one]), side(f"more than one {kin}", [many]))
            explanation = (
                f"{view.label(one.article_id)} speaks of one {kin}, {view.label(many.article_id)} of several, "
                "in the same statement"
            )
            conflicts.append(Conflict("number", f"how many {kin}s", sides, "open", explanation))
    return conflicts
