"""Counts and amounts that differ between articles: "41 injured" against "14 injured".

Numbers are paired when they measure the same thing (see `measures`) in related sentences of
different articles; pairs are joined into one question (how many were injured) and the values split
into sides that agree among themselves. Values that only look different ("62 000" and "62,000",
"three days" and "72 hours", "more than 60,000" and 62,000, "11 other crews" and 12 crews) agree,
and are reported as reconciled with the reason.
"""

from __future__ import annotations

from collections import Counter

from newsfuse.claims.measures import Measured, measured, same_measure
from newsfuse.claims.quantities import Agreement, compare, figure
from newsfuse.claims.sides import side
from newsfuse.claims.story import StoryView
from newsfuse.models import Conflict, ConflictSide, NumberMention
from newsfuse.text.calendar import MONTHS
from newsfuse.text.union_find import UnionFind

# Sentences must be at least this alike for their numbers to be compared at all: a count in a
# background paragraph about another event shares almost no words with the story's own count.
# Calibrated on the sample corpus, where the background paragraphs of the Tervik articles score
# 0.02-0.08 against the Tervik sentences and real restatements of one count 0.1 and up.
RELATED_MIN = 0.09
# Families whose values depend on a base the sentence states (percentages, money amounts).
RELATIVE_FAMILIES = ("percent:", "money:")


def number_conflicts(view: StoryView) -> list[Conflict]:
    items: list[tuple[int, Measured]] = []
    for unit, slots in zip(view.units, view.slots, strict=True):
        for number in slots.numbers:
            found = measured(number)
            if found is not None and not _day_of_month(view, number):
                items.append((unit.index, found))
    pairs: list[tuple[int, int, Agreement]] = []
    for x, (ua, a) in enumerate(items):
        for y in range(x + 1, len(items)):
            ub, b = items[y]
            if view.units[ua].article_id == view.units[ub].article_id:
                continue
            if view.similarity[ua, ub] < RELATED_MIN:
                continue
            restated = view.same_statement(ua, ub) and view.same_predicate(ua, ub)
            if not same_measure(a, b, restated):
                continue
            # A share or an amount is relative to what its sentence compares it with ("36% up on
            # February", "25% up on last March"): only a restatement of one sentence gives one measure.
            if a.quantity.family.startswith(RELATIVE_FAMILIES) and not restated:
                continue
            verdict = compare(a.number, b.number)
            if verdict is not None and not verdict.agree:
                verdict = _parts(items, x, y) or _parts(items, y, x) or verdict
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
    if len(groups) > 1 and disagreements:
        sides = tuple(sorted((_side(view, items, g) for g in groups), key=lambda s: -len(s.articles)))
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
        value = Counter(figure(n) for n in numbers).most_common(1)[0][0]
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
    nouns = Counter(m.number.noun for m in members if m.number.noun and m.quantity.family != "duration")
    verbs = Counter(m.number.context for m in members if m.number.context)
    family = members[0].quantity.family
    noun = nouns.most_common(1)[0][0] if nouns else None
    if noun is not None:
        noun = noun.removeprefix("other ").removeprefix("more ")
    verb = verbs.most_common(1)[0][0] if verbs else None
    if family == "duration":
        return f"how long ({verb})" if verb else "how long"
    if family == "clock":
        return f"what time ({verb})" if verb else "what time"
    what = noun or "people"
    return f"how many {what} ({verb})" if verb else f"how many {what}"
