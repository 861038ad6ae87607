"""Time expressions that are not calendar dates: durations, quarters, seasons, sets and vague references.

`date_patterns` finds what the timeline needs (days, months, years); this module finds the rest of
what a TimeML annotator marks, so that `timex` can give every time expression in a text its TimeML
type and value. Each `Expression` carries the parts its value is made of, not the value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from newsfuse.text.number_words import NUMBER_WORD

Kind = Literal["duration", "quarter", "half", "season", "set", "ref", "century", "clock"]

# TimeML's letters for each unit; time units go after a "T" ("PT3H"), date units do not ("P3D").
UNIT_LETTERS = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "week": "W",
    "month": "M",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}
TIME_UNITS = frozenset({"second", "minute", "hour"})
# Counts that say "some number of": the value keeps the unit and marks the number unknown ("PXY").
VAGUE_COUNTS = frozenset({"several", "a few", "few", "some", "many", "a couple of", "a number of", "recent"})
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

_UNIT = r"(?P<unit>second|minute|hour|day|week|month|year|decade|centur(?:y|ies))"
_VAGUE = r"several|a\s+few|few|some|many|a\s+couple\s+of|a\s+number\s+of"
_COUNT = (
    rf"(?P<count>\d+(?:[.,]\d+)?(?:\s+\d/\d)?|{NUMBER_WORD}(?:[\s-]+(?:and\s+)?{NUMBER_WORD})*(?:\s+and\s+a\s+half)?"
    rf"|a|an|one|{_VAGUE})"
)
_QUALIFIER = (
    r"(?:(?:about|nearly|almost|roughly|around|over|under|more\s+than|less\s+than|at\s+least|up\s+to|only|just)\s+)?"
)
_DETERMINER = (
    r"(?:(?:the|those|these)\s+)?(?:(?P<which>past|last|next|first|latest|coming|previous|final|following|recent)\s+)?"
)

_PATTERNS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    # "the 1988 period", "the 1988 third quarter": a quarter of a named year (tried first:
    # "the 1988 third quarter" is one quarter, not a year and "third quarter").
    (
        "quarter",
        re.compile(
            r"\bthe\s+(?:fiscal\s+)?(?P<year>(?:19|20)\d\d)\s+(?:(?P<ordinal>first|second|third|fourth)\s+)?"
            r"(?:fiscal\s+)?(?:quarter|period)\b",
            re.I,
        ),
    ),
    (
        "quarter",
        re.compile(
            r"\b(?:(?P<own>this\s+year's|last\s+year's|the|its|their|a)\s+)?(?:(?:fiscal|calendar)\s+)?"
            r"(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter"
            r"(?:\s+of\s+(?:fiscal\s+)?(?P<year>(?:19|20)\d\d))?\b",
            re.I,
        ),
    ),
    (
        "quarter",
        re.compile(
            r"\b(?:the\s+)?(?P<which>latest|year-ago|year-earlier|same|current|this|previous|latest\s+fiscal)\s+"
            r"(?:quarter|period)\b|\bthe\s+quarter\b|\b(?P<which2>year-ago|year-earlier)\b",
            re.I,
        ),
    ),
    (
        "half",
        # "the last half of 1989" is its second half; a bare "the last half" is more often of an hour
        # or a game than of a year, so it needs the year.
        re.compile(
            r"\b(?:the\s+)?(?:(?P<ordinal>first|second)[\s-]+half(?:\s+of\s+(?P<year>(?:19|20)\d\d))?"
            r"|last[\s-]+half\s+of\s+(?P<last_year>(?:19|20)\d\d))\b",
            re.I,
        ),
    ),
    (
        "season",
        re.compile(
            # A season needs a word that makes it one: "a fall in prices" is no autumn.
            r"\b(?:(?P<which>this|last|next|early|late|the|in)\s+)(?P<season>spring|summer|fall|autumn|winter)"
            r"(?:\s+of\s+(?P<year>(?:19|20)\d\d))?\b(?!\s+(?:collection|olympics|games|school))",
            re.I,
        ),
    ),
    ("century", re.compile(r"\b(?:the\s+)?(?P<ordinal>\d\d?)(?:st|nd|rd|th)\s+century\b", re.I)),
    (
        "clock",
        re.compile(
            r"\b(?P<hour>[01]?\d)(?::(?P<minute>[0-5]\d))?\s*(?P<half>a\.?m\.?|p\.?m\.?)(?=\W|$)"
            r"|\b(?P<noon>noon|midnight)\b",
            re.I,
        ),
    ),
    (
        "set",
        re.compile(
            r"\b(?:every|each|per)\s+(?P<unit>day|week|month|year|quarter)\b"
            r"|\b(?:every|each)\s+(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
            re.I,
        ),
    ),
    (
        "duration",
        re.compile(
            rf"\b{_QUALIFIER}{_DETERMINER}{_QUALIFIER}{_COUNT}[\s-]+{_UNIT}s?(?:[\s-]+long)?\b"
            # an age ("37 years old") is not a time expression
            r"(?![\s-]+old\b)(?!\s+(?:ago|earlier|later|before|after|previously|from\s+now)\b)",
            re.I,
        ),
    ),
    (
        "duration",
        re.compile(rf"\b(?P<bare>(?:recent|coming|past)\s+{_UNIT}s)\b", re.I),
    ),
    (
        "ref",
        re.compile(
            r"\b(?P<present>now|currently|current|presently|at\s+present|nowadays|at\s+the\s+moment|these\s+days)\b"
            r"|\b(?P<past>recently|recent|(?:in\s+)?the\s+past(?!\s+(?:\d|"
            + NUMBER_WORD
            + r"|few|several|week|month|year|day|decade)))\b"
            # "future" as an adjective ("future growth") and "soon" are vaguer than the time they hint at,
            # and "the future of" a thing is its prospects, a noun, not a time.
            r"|\b(?P<future>(?:in\s+)?the\s+(?:near\s+|distant\s+)?future)\b(?!\s+of\b)",
            re.I,
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class Expression:
    """A non-calendar time expression as written, with the parts its TimeML value is made of."""

    kind: Kind
    start: int
    end: int
    text: str
    parts: tuple[tuple[str, str], ...]

    def part(self, name: str) -> str | None:
        return next((v for k, v in self.parts if k == name), None)


def find_other_expressions(text: str, taken: list[tuple[int, int]]) -> list[Expression]:
    """Every non-calendar time expression that does not overlap the spans in `taken`, in text order."""
    claimed = list(taken)
    found: list[Expression] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if start == end or any(start < e and s < end for s, e in claimed):
                continue
            if kind == "duration" and _not_duration(match, text):
                continue
            parts = tuple((k, v) for k, v in match.groupdict().items() if v is not None)
            found.append(Expression(kind, start, end, match.group(0), parts))
            claimed.append((start, end))
    return sorted(found, key=lambda e: e.start)


def _not_duration(match: re.Match[str], text: str) -> bool:
    """ "a day" in "$5 a day" is a rate, and "one day" opening a sentence is a vague date; both read
    as durations by the pattern, and neither is one."""
    count = (match.group("count") or "").lower() if "count" in match.groupdict() else ""
    before = text[: match.start()].rstrip()
    if count in {"a", "an"} and before[-1:].isdigit():
        return True
    return count == "one" and match.group("unit").lower() == "day" and (not before or before[-1] in ".!?\n")
