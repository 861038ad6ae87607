"""Numbers read straight from a sentence, for statements that come without the extract stage's facts
(a pair of claims to compare on their own). Digits and the common number words, each with the word
after it as what it counts; enough for `measures` and `quantities` to compare like with like."""

from __future__ import annotations

import re

from newsfuse.claims.quantities import APPROXIMATE, LOWER_BOUND, ROUNDED_UP, UPPER_BOUND
from newsfuse.claims.words import STOP_WORDS, stem
from newsfuse.models import NumberMention, Span

NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "dozen": 12,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Numbers that are years, not amounts, when written alone as four digits in this range.
YEARS = range(1900, 2100)

_QUALIFIERS = sorted(LOWER_BOUND | UPPER_BOUND | APPROXIMATE | ROUNDED_UP, key=len, reverse=True)
_NUMBER = re.compile(
    r"(?P<qualifier>\b(?:" + "|".join(re.escape(q) for q in _QUALIFIERS) + r")\s+)?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:" + "|".join(NUMBER_WORDS) + r")\b)"
    r"(?P<scale>\s+(?:" + "|".join(SCALES) + r")\b)?"
    r"(?P<percent>\s*(?:%|per\s?cent\b))?"
    r"(?:\s+(?P<noun>[A-Za-z][A-Za-z-]+))?",
    re.I,
)


def text_numbers(text: str, source: str = "text") -> list[NumberMention]:
    found = []
    for match in _NUMBER.finditer(text):
        raw = match.group("number").lower()
        value = float(NUMBER_WORDS[raw]) if raw in NUMBER_WORDS else float(raw.replace(",", ""))
        if value == int(value) and int(value) in YEARS and not match.group("scale") and "," not in raw:
            continue
        if match.group("scale"):
            value *= SCALES[match.group("scale").strip().lower()]
        noun = match.group("noun")
        noun_lemma = stem(noun.lower()) if noun and noun.lower() not in STOP_WORDS else None
        qualifier = (match.group("qualifier") or "").strip().lower() or None
        start = match.start("number")
        found.append(
            NumberMention(
                text=match.group("number"),
                span=Span(source, start, match.end("number")),
                value=value,
                kind="percent" if match.group("percent") else "cardinal",
                unit="%" if match.group("percent") else None,
                noun=noun if noun_lemma else None,
                noun_lemma=noun_lemma,
                qualifier=qualifier,
            )
        )
    return found
