"""Numbers as ranges of what they can mean, so that values that only look different agree.

"62 000" and "62,000" are one value (the extract stage already parsed both); "three days" and "72
hours" meet once durations are in hours; "more than 60,000" is the range above 60,000 and holds
62,000; "11 other crews" joined by one more make 12. Two quantities agree when their ranges meet.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from newsfuse.models import NumberMention

# Hours in each time unit the extract stage writes; months and years at their calendar means.
HOURS = {"second": 1 / 3600, "minute": 1 / 60, "hour": 1.0, "day": 24.0, "week": 168.0, "month": 730.5, "year": 8766.0}
# Qualifiers that bound a value from one side ("more than 60,000" excludes 60,000 itself only in
# pedantry, so bounds are kept inclusive).
LOWER_BOUND = frozenset({"more than", "over", "at least", "just over"})
UPPER_BOUND = frozenset({"fewer than", "less than", "under", "at most", "up to", "as many as", "just under"})
# Qualifiers that say the value is rounded; "nearly"/"almost" say it is rounded up.
APPROXIMATE = frozenset({"about", "around", "roughly", "approximately", "some", "an estimated", "estimated"})
ROUNDED_UP = frozenset({"nearly", "almost"})
# Share of the value an approximate figure may be off by. News rounds to one or two significant
# figures ("about 1,800" for 1,760-1,840, "about 60,000" for 55,000-65,000): 10% covers both
# without letting "about 40" meet 50.
APPROXIMATE_SHARE = 0.1
# Words in a counted noun saying the count leaves out the subject ("joined 11 other crews").
OTHER_WORDS = ("other ", "more ")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number reduced to a family (what can be compared with it) and a closed range of values."""

    family: str
    low: float
    high: float
    value: float  # the written figure in the family's base unit
    others: bool  # the count leaves out its subject ("11 other crews")

    @property
    def exact(self) -> bool:
        return self.low == self.high


def quantity(number: NumberMention) -> Quantity | None:
    """The comparable form of a number, or None for numbers that are labels, not amounts (ordinals,
    "one of the ...")."""
    if number.kind == "ordinal":
        return None
    noun = (number.noun or "").lower()
    if number.value == 1 and noun.startswith("of "):
        return None  # "one of the 26 leaders" is membership; the 26 is counted on its own
    value = number.value
    if number.kind == "duration" and number.unit in HOURS:
        family, value = "duration", value * HOURS[number.unit]
    elif number.kind == "time":
        family = "clock"
    elif number.kind in ("money", "percent"):
        family = f"{number.kind}:{number.unit}"
    elif number.unit:
        family = f"measure:{number.unit}"
    else:
        family = "count"
    low, high = _bounds(value, number.qualifier)
    others = number.kind == "cardinal" and any(noun.startswith(w) for w in OTHER_WORDS)
    return Quantity(family, low, high, value, others)


def _bounds(value: float, qualifier: str | None) -> tuple[float, float]:
    if qualifier in LOWER_BOUND:
        return value, math.inf
    if qualifier in UPPER_BOUND:
        return -math.inf, value
    if qualifier in APPROXIMATE:
        return value * (1 - APPROXIMATE_SHARE), value * (1 + APPROXIMATE_SHARE)
    if qualifier in ROUNDED_UP:
        return value * (1 - APPROXIMATE_SHARE), value
    return value, value


@dataclass(frozen=True, slots=True)
class Agreement:
    """Whether two quantities agree and, when they look different but agree, how."""

    agree: bool
    explanation: str


def compare(a: NumberMention, b: NumberMention) -> Agreement | None:
    """How two numbers of one measure relate; None when they cannot be compared (other families)."""
    qa, qb = quantity(a), quantity(b)
    if qa is None or qb is None or qa.family != qb.family:
        return None
    if _meet(qa.low, qa.high, qb.low, qb.high):
        return Agreement(True, _why_alike(a, b, qa, qb))
    if qa.others != qb.others:
        counted, total = (qa, qb) if qa.others else (qb, qa)
        one_more = (counted.low + 1, counted.high + 1)
        if _meet(*one_more, total.low, total.high):
            few, many = (a, b) if qa.others else (b, a)
            return Agreement(
                True,
                f'"{few.text} {few.noun}" leaves out the one they were joined by: '
                f'{_figure(counted.value)} + 1 = {_figure(counted.value + 1)}, as "{many.text}" says',
            )
    return Agreement(False, f"{_figure(qa.value)} against {_figure(qb.value)}")


def _meet(low_a: float, high_a: float, low_b: float, high_b: float) -> bool:
    return low_a <= high_b and low_b <= high_a


def _why_alike(a: NumberMention, b: NumberMention, qa: Quantity, qb: Quantity) -> str:
    if not (qa.exact and qb.exact):
        ranged = a if not qa.exact else b
        other = b if ranged is a else a
        return f'"{ranged.qualifier} {ranged.text}" is a range that holds {other.text}'
    if a.unit != b.unit and qa.family == "duration":
        return f"{a.text} {a.unit}s and {b.text} {b.unit}s are the same length of time"
    if a.text.strip() != b.text.strip():
        return f'"{a.text}" and "{b.text}" are the same number written differently'
    return "the same figure"


def _figure(value: float) -> str:
    """A value as people write it: 41, 62,000, 1.2."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def figure(number: NumberMention) -> str:
    """The number's value in the base unit of its family, for a conflict side ("41", "72 hours")."""
    q = quantity(number)
    if q is None:
        return number.text
    if q.family == "duration":
        return f"{_figure(q.value)} hours"
    if q.family == "clock":
        return f"{int(q.value) // 60:02d}:{int(q.value) % 60:02d}"
    if q.family.startswith("money:"):
        return f"{_figure(q.value)} {number.unit}"
    if q.family == "percent":
        return f"{_figure(q.value)}%"
    return _figure(q.value)
