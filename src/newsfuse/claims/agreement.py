"""Whether two statement units can back one claim: their slots must agree.

Similar wording is not enough: "41 were injured" and "14 were injured" read alike and say different
things. Two units back one claim only when every count they share agrees, the days they give for the
event meet, neither denies what the other asserts, and they speak for the same party.
"""

from __future__ import annotations

from datetime import date

from newsfuse.claims.measures import measured, same_measure
from newsfuse.claims.quantities import compare
from newsfuse.claims.story import StoryView
from newsfuse.claims.when import is_expectation, meets
from newsfuse.claims.words import negation_parity


def slots_agree(view: StoryView, i: int, j: int, published: dict[str, date]) -> bool:
    a, b = view.slots[i], view.slots[j]
    if negation_parity(view.units[i].text) != negation_parity(view.units[j].text):
        return False
    if a.credit is not None and b.credit is not None and a.credit != b.credit:
        return False
    for x in (m for n in a.numbers if (m := measured(n)) is not None):
        for y in (m for n in b.numbers if (m := measured(n)) is not None):
            if same_measure(x, y, same_statement=True):
                verdict = compare(x.number, y.number)
                if verdict is not None and not verdict.agree:
                    return False
    days_a = [d for d in a.dates if not d.in_quote and d.granularity == "day"]
    days_b = [d for d in b.dates if not d.in_quote and d.granularity == "day"]
    if days_a and days_b:
        # A forecast and a report are different statements even when they name the same day.
        if any(is_expectation(d, published) for d in days_a) != any(is_expectation(d, published) for d in days_b):
            return False
        if not any(meets(x, y) for x in days_a for y in days_b):
            return False
    return True
