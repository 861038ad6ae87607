"""Find date expressions in text, unresolved: what was written and what it means relative to what.

Each `DateExpression` says which rule matched and carries its parsed parts; `dates.py` turns it into
calendar dates once the article's anchor is known. Patterns are tried from the most to the least
specific, and a stretch of text belongs to the first expression that claims it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from newsfuse.text.calendar import CAPITAL_MONTH, MONTHS, find_dates
from newsfuse.text.number_words import parse_count

Rule = Literal[
    "full",
    "month_day",
    "month_year",
    "month_of",
    "month",
    "weekday",
    "relative_day",
    "offset",
    "period",
    "year",
    "decade",
]

WEEKDAY_NUMBERS = {
    name: number
    for number, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}
UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
# The last two digits of a year said in words ("nineteen ninety-six").
_TENS_WORD = (
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
)
_UNIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
# Decades named in words ("the nineties"), from the 1920s on.
SPELLED_DECADES = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")

_MONTH = CAPITAL_MONTH
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_COUNT = r"(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|a couple of)"

_PATTERNS: tuple[tuple[Rule, re.Pattern[str]], ...] = (
    ("month_day", re.compile(rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!,?\s*\d)")),
    (
        "month_day",
        re.compile(rf"\b(?:{_WEEKDAY},?\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b(?!,?\s*\d)"),
    ),
    ("month_year", re.compile(rf"\b{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b")),
    # "June last year", "January this year": a month of a year named relative to the writing day.
    ("month_of", re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(?P<which>last|this|next)\s+year\b")),
    (
        "offset",
        re.compile(
            rf"\b{_COUNT}\s+(?P<unit>day|week|fortnight|month|year|decade)s?\s+(?P<direction>earlier|later|ago|before|after|previously)\b",
            re.I,
        ),
    ),
    (
        "offset",
        re.compile(r"\bthe\s+(?P<which>next|following|previous|preceding)\s+(?P<unit>day|week|month|year)\b", re.I),
    ),
    (
        "offset",
        re.compile(
            r"\bthe\s+(?P<unit>day|week)\s+(?P<direction>before|after)\b(?!\s+(?:the|a|an|his|her|their|its)\b)", re.I
        ),
    ),
    (
        "period",
        re.compile(
            r"\b(?:(?P<edge>earlier|later)\s+)?(?P<which>last|this|next|past|coming|current)\s+(?P<unit>week|month|year|weekend)\b",
            re.I,
        ),
    ),
    # "over the weekend": the one nearest the writing day in the clause's tense.
    ("period", re.compile(r"\b(?:the|this)\s+(?P<unit>weekend)\b")),
    ("weekday", re.compile(rf"\b(?:(?P<which>last|next|this|early|late)\s+)?{_WEEKDAY}{_PART}\b")),
    (
        "relative_day",
        re.compile(
            r"\b(?P<word>yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening))\b", re.I
        ),
    ),
    (
        "month",
        re.compile(
            rf"\b(?P<prep>[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]hrough|[Ff]rom|[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id-"
            rf"|(?:[Tt]he\s+)?(?:middle|beginning|start|end)\s+of)\s*{_MONTH}\b(?!\s+\d)"
        ),
    ),
    # A month named alone ("sales for October"): not "May" (a verb), not "March" (a verb too) nor any
    # month opening a sentence, where capitals say nothing.
    ("month", re.compile(rf"(?<=[a-z,] )(?!May\b|March\b){_MONTH}\b(?!\s+\d|\s+[A-Z])")),
    ("decade", re.compile(r"\b(?:the\s+)?(?P<decade>(?:19|20)\d0)s\b")),
    ("decade", re.compile(r"\b(?:the\s+)?'(?P<short_decade>\d0)s\b")),
    (
        "decade",
        re.compile(r"\bthe\s+(?:early\s+|late\s+|mid-)?(?P<spelled_decade>" + "|".join(SPELLED_DECADES) + r")\b", re.I),
    ),
    # A year said in words, as broadcast transcripts write it: "nineteen ninety-six", "the year two thousand".
    # A lower-case plural after it is what it counts; a capitalised word is a name that starts the
    # next phrase ("In nineteen ninety-one Charles Keating was convicted"), and the year is never cut
    # short of its last word ("nineteen ninety" of "nineteen ninety-one").
    (
        "year",
        re.compile(
            rf"\b(?P<spelled_year>nineteen[\s-]+{_TENS_WORD}(?:[\s-]+{_UNIT_WORD})?|(?<=year\s)two\s+thousand(?:\s+and)?(?:[\s-]+{_UNIT_WORD})?)\b"
            rf"(?![\s-]+{_UNIT_WORD}\b)(?!\s+(?-i:[a-z]+s)\b)",
            re.I,
        ),
    ),
    # A bare year, unless it counts something ("2000 troops": a plural noun follows).
    (
        "year",
        re.compile(
            r"(?:(?<=mid-)|(?<![\d,.$€£:/-]))(?P<year>(?:19|20)\d\d)(?![\d%:/-]|,\d|\s+[a-z]+s\b|\s*(?:km|kg|m)\b)"
        ),
    ),
)


_LEADING_WEEKDAY = re.compile(rf"\b{_WEEKDAY},?\s+$")


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A date expression as written, with its parts parsed but not yet placed on the calendar."""

    rule: Rule
    start: int
    end: int
    text: str
    value: date | None = None  # a full date written with its year
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    which: str | None = None  # last / next / this / previous ..., lower case
    count: float | None = None
    unit: str | None = None
    direction: str | None = None  # earlier / later / ago / before / after
    word: str | None = None  # yesterday / today / ...


def find_expressions(text: str) -> list[DateExpression]:
    """Every date expression in the text, in order, without overlaps."""
    found: list[DateExpression] = []
    for m in find_dates(text):
        # "Sunday, March 2, 2014" is one date: the weekday names the day the full date gives.
        before = _LEADING_WEEKDAY.search(text, max(0, m.start - 16), m.start)
        start = before.start() if before is not None else m.start
        found.append(DateExpression("full", start, m.end, text[start : m.end], value=m.value))
    taken = [(e.start, e.end) for e in found]
    for rule, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            if rule == "relative_day" and match.group(0)[0].isupper() and not _sentence_start(text, start):
                continue  # "Valmark Industry Today" is a name
            expression = _parse(rule, match)
            if expression is not None:
                found.append(expression)
                taken.append((start, end))
    return sorted(found, key=lambda e: e.start)


def _sentence_start(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \"“'‘(")
    return not before or before[-1] in ".!?\n:"


def _parse(rule: Rule, match: re.Match[str]) -> DateExpression | None:
    parts = match.groupdict()
    month_text = parts.get("month")
    month = MONTHS[month_text.lower().rstrip(".")] if month_text else None
    weekday_text = parts.get("weekday")
    count_text = parts.get("count")
    count = parse_count(count_text) if count_text else None
    if count_text and count is None:
        return None
    which = (parts.get("which") or "").lower() or None
    if rule == "period" and (parts.get("edge") or which == "current"):
        which = "this"
    if rule == "month":
        prep = (parts.get("prep") or "").lower()
        which = prep if prep in {"last", "next", "this"} else None
    if (
        rule == "month"
        and month_text == "May"
        and (parts.get("prep") or "").lower()
        not in {"in", "since", "until", "early", "late", "mid-", "last", "next", "this"}
    ):
        return None  # "may" the verb
    if parts.get("short_decade"):
        # "the '80s" names a decade of the last century; "the '00s" and "the '10s" this one's.
        short = parts["short_decade"]
        parts["decade"] = ("20" if short in {"00", "10"} else "19") + short
    if parts.get("spelled_year"):
        spoken = parts["spelled_year"].lower().replace("-", " ").split()
        century = 1900 if spoken[0] == "nineteen" else 2000
        rest = (
            parse_count(" ".join(w for w in spoken[1:] if w not in {"thousand", "and"}))
            if len(spoken) > 2 or century == 1900
            else 0
        )
        if rest is None:
            return None
        parts["year"] = str(century + int(rest))
    if parts.get("spelled_decade"):
        parts["decade"] = str(1900 + 10 * SPELLED_DECADES.index(parts["spelled_decade"].lower()) + 20)
    return DateExpression(
        rule=rule,
        start=match.start(),
        end=match.end(),
        text=match.group(0),
        year=int(parts["year"]) if parts.get("year") else (int(parts["decade"]) if parts.get("decade") else None),
        month=month,
        day=int(parts["day"]) if parts.get("day") else None,
        weekday=WEEKDAY_NUMBERS[weekday_text.lower()] if weekday_text else None,
        which=which,
        count=count,
        unit=(parts.get("unit") or "").lower() or None,
        direction=(parts.get("direction") or "").lower() or None,
        word=(parts.get("word") or "").lower() or None,
    )
