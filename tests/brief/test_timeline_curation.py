"""The brief's timeline keeps whole events: clauses that lean on a sentence before them are left out."""

from __future__ import annotations

from datetime import date

import pytest

from newsfuse.brief.timeline import curate_timeline
from newsfuse.models import Article, DateMention, Span, TimelineEntry, join_paragraphs
from newsfuse.models.facts import AnchorSource

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


@pytest.mark.parametrize(
    "event",
    [
        "Lohan was at the clinic from to January after a probation violation",  # "from September 2010 to"
        "The agency notified the school on of nine alleged rules violations",  # "on Monday of"
        "Environmentalists widely praised 's action on the species rule",  # "Tuesday's action"
    ],
)
def test_a_clause_that_lost_its_date_words_is_left_out(event: str) -> None:
    assert curate_timeline([_entry(event)]) == ()


def _article_and_entry(text: str, event: str) -> tuple[Article, TimelineEntry]:
    body, paragraphs = join_paragraphs([text])
    start = body.index(event)
    entry = TimelineEntry(
        date=DAY,
        end=DAY,
        granularity="day",
        event=event,
        articles=("a",),
        spans=(Span("a", start, start + len(event)),),
    )
    return Article(id="a", text=body, paragraphs=paragraphs), entry


def _monday(article: Article, source: AnchorSource | None) -> DateMention:
    at = article.text.index("Monday")
    return DateMention(
        text="Monday",
        span=Span("a", at, at + 6),
        start=DAY,
        end=DAY,
        granularity="day",
        kind="weekday",
        anchor=DAY,
        anchor_source=source,
    )


@pytest.mark.parametrize(("source", "kept"), [("story", False), ("published", True), (None, True)])
def test_a_date_guessed_from_the_story_s_window_is_not_stated(source: AnchorSource | None, kept: bool) -> None:
    """An undated article's "Monday" read against the story's inferred window is a guess."""
    article, entry = _article_and_entry(
        "The council closed the Carrow bridge to heavy lorries on Monday.", "The council closed the Carrow bridge"
    )
    assert curate_timeline([entry], [_monday(article, source)], [article]) == ((entry,) if kept else ())


def test_a_speaker_s_words_inside_a_quotation_are_no_event() -> None:
    article, entry = _article_and_entry(
        "“The engineers will have checked every pier by Monday,” the mayor said.",
        "The engineers will have checked every pier",
    )
    assert curate_timeline([entry], [_monday(article, "published")], [article]) == ()


def test_a_quotation_running_on_from_the_paragraph_before_is_still_a_quotation() -> None:
    body, paragraphs = join_paragraphs(
        [
            'The mayor said the repairs "will cost the town far more than the council has set aside.',
            'The engineers will have checked every pier by Monday, and then we will know. "',
        ]
    )
    event = "The engineers will have checked every pier"
    start = body.index(event)
    entry = TimelineEntry(
        date=DAY,
        end=DAY,
        granularity="day",
        event=event,
        articles=("a",),
        spans=(Span("a", start, start + len(event)),),
    )
    article = Article(id="a", text=body, paragraphs=paragraphs)
    assert curate_timeline([entry], [_monday(article, "published")], [article]) == ()
