"""Numbers read straight from a sentence, for statements that come without the extract stage's facts
(a pair of claims to compare on their own). Digits and the common number words, each with the word
after it as what it counts; enough for `measures` and `quantities` to compare like with like."""

from __future__ import annotations

import re

from newsfuse.claims.quantities import APPROXIMATE, LOWER_BOUND, ROUNDED_UP, UPPER_BOUND
from newsfuse.models import NumberMention, Span
from newsfuse.text.lexicon import STOP_WORDS
from newsfuse.text.number_words import SCALES, WORD_NUMBER, parse_count
from newsfuse.text.words import stem

# "one" and "zero" are left out: as words they mostly mean "a" ("one of the reasons"), not a count.
_NOT_COUNTS = {"one", "zero"}
# Numbers that are years, not amounts, when written alone as four digits in this range.
YEARS = range(1900, 2100)

_QUALIFIERS = sorted(LOWER_BOUND | UPPER_BOUND | APPROXIMATE | ROUNDED_UP, key=len, reverse=True)
_NUMBER = re.compile(
    r"(?P<qualifier>\b(?:" + "|".join(re.escape(q) for q in _QUALIFIERS) + r")\s+)?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + WORD_NUMBER.pattern + ")"
    r"(?P<scale>\s+(?:thousand|million|billion|trillion)\b)?"
    r"(?P<percent>\s*(?:%|per\s?cent\b))?"
    r"(?:\s+(?P<noun>[A-Za-z][A-Za-z-]+))?",
    re.I,
)


def text_numbers(text: str, source: str = "text") -> list[NumberMention]:
    found = []
    for match in _NUMBER.finditer(text):
        raw = match.group("number").lower()
        parsed = parse_count(raw)
        if parsed is None or raw in _NOT_COUNTS:
            continue
        value = parsed
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
