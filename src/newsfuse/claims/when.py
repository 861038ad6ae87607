"""Dates as the ranges of days they can mean, read with the tense of their sentence.

Every mention arrives resolved (the extract stage turned "Wednesday", "one day earlier", "a decade
ago" and "September 4, 2025" into calendar ranges against the publication date). Two mentions agree
when their ranges meet: "a decade ago" written in 2026 spans 2015-2017 and holds "in 2016"; a weekday
and a calendar date that resolve to one day are one day. A mention in the future tense, from an
article published before the day it names, is an expectation, not a report: it disagrees with
nothing that happened later.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from newsfuse.models import DateMention


@dataclass(frozen=True, slots=True)
class DateAgreement:
    agree: bool
    explanation: str


def meets(a: DateMention, b: DateMention) -> bool:
    return a.start <= b.end and b.start <= a.end


def is_expectation(mention: DateMention, published: Mapping[str, date]) -> bool:
    """A forecast: future tense, written (when the article's date is known) before the day it names."""
    if mention.tense != "future":
        return False
    written = published.get(mention.span.article_id)
    return written is None or written <= mention.start


def compare_dates(a: DateMention, b: DateMention) -> DateAgreement:
    if meets(a, b):
        return DateAgreement(True, _why_alike(a, b))
    return DateAgreement(False, f"{a.iso} against {b.iso}")


def _why_alike(a: DateMention, b: DateMention) -> str:
    if a.granularity != b.granularity or a.kind != b.kind:
        # Explain the mention that needed resolving ("five years ago"), else the wider one.
        if (a.kind in ("relative", "weekday")) != (b.kind in ("relative", "weekday")):
            wide, narrow = (a, b) if a.kind in ("relative", "weekday") else (b, a)
        else:
            wide, narrow = (a, b) if (a.end - a.start) >= (b.end - b.start) else (b, a)
        if wide.kind in ("relative", "weekday") and wide.anchor is not None:
            resolved = f'"{wide.text}", counted from {wide.anchor.isoformat()}, is {wide.iso}'
        else:
            resolved = f'"{wide.text}" is {wide.iso}'
        return f'{resolved}, which holds "{narrow.text}" ({narrow.iso})'
    return f'"{a.text}" and "{b.text}" are the same date ({a.iso})'
