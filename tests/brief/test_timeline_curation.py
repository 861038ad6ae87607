"""The brief's timeline keeps whole events: clauses that lean on a sentence before them are left out."""

from __future__ import annotations

from datetime import date

import pytest

from newsfuse.brief.builder import curate_timeline
from newsfuse.models import Span, TimelineEntry

DAY = date(2026, 3, 14)


def _entry(event: str) -> TimelineEntry:
    return TimelineEntry(
        date=DAY, end=DAY, granularity="day", event=event, articles=("a",), spans=(Span("a", 0, len(event)),)
    )


@pytest.mark.parametrize(
    "event",
    [
        "her office would ask the national government for flood relief",  # whose office?
        "His convoy was seen crossing the northern border at dawn",
        "when the levee gave way below the old mill at Carrow",  # a subordinate clause alone
        "while crews were still pumping water out of the tunnels",
        "It reopened to traffic after engineers checked the piers",
    ],
)
def test_a_clause_leaning_on_what_came_before_is_left_out(event: str) -> None:
    assert curate_timeline([_entry(event)]) == ()


def test_a_whole_event_is_kept() -> None:
    whole = _entry("The Carrow bridge reopened to traffic after engineers checked the piers")
    assert curate_timeline([whole]) == (whole,)
