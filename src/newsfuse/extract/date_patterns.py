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
    "full", "month_day", "month_year", "month", "weekday", "relative_day", "offset", "period", "year", "decade"
]

WEEKDAY_NUMBERS = {
    name: number
    for number, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}
UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}

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
            r"\b(?:(?P<edge>earlier|later)\s+)?(?P<which>last|this|next|past|coming)\s+(?P<unit>week|month|year|weekend)\b",
            re.I,
        ),
    ),
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
            rf"\b(?P<prep>[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Ll]ast|[Nn]ext|[Ee]arly|[Ll]ate|[Mm]id-)\s*{_MONTH}\b(?!\s+\d)"
        ),
    ),
    ("decade", re.compile(r"\b(?:the\s+)?(?P<decade>(?:19|20)\d0)s\b")),
    # A bare year, unless it counts something ("2000 troops": a plural noun follows).
    ("year", re.compile(r"(?<![\d,.$€£:/-])(?P<year>(?:19|20)\d\d)(?![\d%:/-]|,\d|\s+[a-z]+s\b|\s*(?:km|kg|m)\b)")),
)


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
    found: list[DateExpression] = [
        DateExpression("full", m.start, m.end, text[m.start : m.end], value=m.value) for m in find_dates(text)
    ]
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
    if rule == "period" and parts.get("edge"):
        which = "this"
    if rule == "month":
        prep = (parts.get("prep") or "").lower()
        which = prep if prep in {"last", "next"} else None
    if (
        rule == "month"
        and month_text == "May"
        and (parts.get("prep") or "").lower() not in {"in", "since", "until", "early", "late", "mid-"}
    ):
        return None  # "may" the verb
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
