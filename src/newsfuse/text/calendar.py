"""Find calendar dates written out in text: full ones ("2025-09-05", "September 4, 2025", "4 Sept. 2025")
and days of the year with or without a year ("Dec. 14", "the 3rd of March")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# Weekday names as the text folds them, the one list the stages share.
WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# The most days each month can have (a leap year's).
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_NUMERIC = re.compile(r"\b(?P<first>[0-3]?\d)[/.](?P<second>[01]?\d)[/.](?P<year>(?:19|20)\d\d)\b")
_PATTERNS = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:[T ][0-2]\d:[0-5]\d\S*)?\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
)

# A month name as written in running text, capitalised ("may" and "march" are also words): a regex
# group named "month", with an optional abbreviation dot after it.
CAPITAL_MONTH = r"(?P<month>" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
# Days of the year, with or without a year after them. A number after the day ("May 20:30",
# "Dec 1.5") makes it no day.
_DAYS_OF_YEAR = (
    re.compile(rf"\b{CAPITAL_MONTH}\s*{_DAY}\b(?!\s*[:.]?\d)"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{CAPITAL_MONTH}\b"),
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int
    end: int
    value: date


def find_dates(text: str) -> list[DateMatch]:
    """Every full date (with a year) in the text, in order, without overlaps."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            value = _to_date(match)
            if value is not None:
                found.append(DateMatch(match.start(), match.end(), value))
                taken.append((match.start(), match.end()))
    for match in _NUMERIC.finditer(text):
        if any(match.start() < end and start < match.end() for start, end in taken):
            continue
        value = _numeric_date(match)
        if value is not None:
            found.append(DateMatch(match.start(), match.end(), value))
    return sorted(found, key=lambda m: m.start)


def days_of_year(text: str) -> list[tuple[int, int]]:
    """Every (month, day) the text names, with or without a year ("Dec. 14", "14 December 2008"), in
    order; impossible days (February 30) are left out."""
    found: list[tuple[int, int, int]] = []
    for pattern in _DAYS_OF_YEAR:
        for match in pattern.finditer(text):
            month, day = MONTHS[match.group("month").lower()], int(match.group("day"))
            if 1 <= day <= _MONTH_DAYS[month - 1]:
                found.append((match.start(), month, day))
    return [(month, day) for _, month, day in sorted(found)]


def parse_date(text: str) -> date | None:
    """The first full date in the text, or None when there is none."""
    matches = find_dates(text)
    return matches[0].value if matches else None


def _to_date(match: re.Match[str]) -> date | None:
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower().rstrip(".")]
    try:
        return date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


def _numeric_date(match: re.Match[str]) -> date | None:
    """dd/mm/yyyy or mm/dd/yyyy, only where the order is certain (one part above 12); never a guess."""
    first, second, year = int(match.group("first")), int(match.group("second")), int(match.group("year"))
    if first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        day, month = second, first
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
