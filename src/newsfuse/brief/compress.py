"""The only cuts a brief makes to a source sentence: page furniture at its ends, never its claim.

A sentence may lose a leading dateline ("WASHINGTON –", "BEIJING (AP) —"), a leading credit in
parentheses ("(Medicine Hat Police Service)"), a leading label ("The big picture:") and a closing
parenthesis ("(file photo)"), unless it names a day ("this morning (July 21)": the day is when the
claim holds). Words that restrict what the sentence claims ("as tourists", "until
this past summer", "according to a whistleblower complaint") are never cut: a brief that cannot
use a sentence whole leaves it out. What remains is one stretch of the source, so its span still
points at real text and the faithfulness check applies unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfuse.text.calendar import WEEKDAYS, days_of_year, find_dates
from newsfuse.text.wire_agencies import AGENCIES

# "WASHINGTON –", "CHARLOTTE, N.C. —", "BEIJING (AP) —", "WOODLAND HILLS >>": capitals, then a dash.
# Web pages also write a place and the outlet in parentheses with no dash ("Washington (CNN) Sen.
# Rand Paul ...", "New York (CNN Business) Facebook ..."): a wire agency or a broadcaster that signs
# its copy so. Other initials in parentheses name what the words before them name ("World Health
# Organization (WHO) Director-General ...", "Rep. Ilhan Omar (D-Minn.)") and stay.
_OUTLETS = "|".join(sorted({*map(re.escape, AGENCIES), "CNN", "CNN Business", "BBC", "NBC", "CBS", "ABC", "CNBC"}))
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’]*(?:[ ,]+[A-Z][A-Za-z.'’]*){0,4}\s*(?:\([A-Za-z .]+\)\s*)?(?:[—–]|--|>>)\s*"
    rf"|^[A-Z][A-Za-z.'’-]*(?:[ ,]+[A-Z][A-Za-z.'’-]*){{0,2}}\s*\((?:{_OUTLETS})\)\s*(?=[A-Z“\"])"
)
# "(Medicine Hat Police Service) The 53-year-old ...": a credit in parentheses before the sentence.
_CREDIT = re.compile(r"^\([^()]{2,60}\)\s*")
# "The big picture: ...", "Why it matters: ...": a newsletter label of up to four words and a colon
# (lower case after its first word, and no speech verb: "Obama said: ..." is an attribution, kept).
_LABEL = re.compile(
    r"^[A-Z][a-z'’]*(?:,?\s+(?!(?:said|says|told|wrote|added|tweeted)\b)[a-z'’]+){0,3}:\s+(?=[A-Z0-9“\"])"
)
# "... on Tuesday (file photo)." / "... (AP)": a parenthesis closing the sentence.
_CLOSING_PARENTHESIS = re.compile(r"\s*\([^()]*\)\s*(?P<stop>[.!]?)$")
# A cut that leaves fewer words than this is no sentence.
MIN_WORDS_LEFT = 5


@dataclass(frozen=True, slots=True)
class Trim:
    """The kept stretch of a sentence: its text and its offsets within the sentence."""

    text: str
    start: int
    end: int


def trim(text: str) -> Trim:
    """The sentence less its leading dateline, credit or label and its closing parenthesis."""
    start, end = 0, len(text)
    for pattern in (_DATELINE, _CREDIT, _LABEL):
        found = pattern.match(text, start)
        if found and len(text[found.end() :].split()) >= MIN_WORDS_LEFT:
            start = found.end()
    closing = _CLOSING_PARENTHESIS.search(text, start)
    if closing and len(text[start : closing.start()].split()) >= MIN_WORDS_LEFT and not _names_a_day(closing.group()):
        end = closing.start()
    kept = text[start:end].rstrip()
    end = start + len(kept)
    if end < len(text) and kept and kept[-1] not in ".!?”\"'’":
        kept += "."  # the cut parenthesis carried the full stop
    return Trim(kept, start, end)


def _names_a_day(text: str) -> bool:
    """Whether the text names a day: a date, a day of the year or a weekday."""
    words = {w.strip(".,").lower() for w in text.split()}
    return bool(words & WEEKDAYS or days_of_year(text) or find_dates(text))
