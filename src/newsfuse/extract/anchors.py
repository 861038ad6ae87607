"""The dates relative expressions are read against: each article's, and the story's when it has none.

An article's anchor is its `published` date. An article without one is read against the story's
time window, whose centre `story_anchor` infers from the absolute dates the articles give; the
undated article's own writing day is then placed, within a week of that centre, where its tensed
weekday references fit best (see `undated_anchor`).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from datetime import date, timedelta

from newsfuse.extract.captions import caption_spans, in_caption
from newsfuse.models import Article
from newsfuse.models.facts import Tense
from newsfuse.text.calendar import find_dates

# Absolute dates further than this from the first estimate of the story's centre are background
# ("the 2018 summit", "June 12, 2018"), not the story's own time. A month covers the span of one
# running news story while dropping anniversaries and history.
STORY_WINDOW_DAYS = 30
# An undated article was written within this many days of the story's centre: weekday references
# ("on Monday") only make sense inside one week, so the writing day is searched in centre +/- 3.
UNDATED_SEARCH_DAYS = 3


def story_anchor(articles: Sequence[Article]) -> date | None:
    """The centre of the story's time window, or None when no article gives any absolute date.

    Evidence is every article's published date and every full calendar date (with a year) written
    in the texts. The centre is the lower median of that evidence; dates more than
    `STORY_WINDOW_DAYS` from it are dropped as background and the lower median taken again. The lower
    median is used so that the anchor is a date some article actually gives.
    """
    evidence = [a.published for a in articles if a.published is not None]
    for article in articles:
        captions = caption_spans(article.text)
        evidence += [m.value for m in find_dates(article.text) if not in_caption(captions, m.start)]
    if not evidence:
        return None
    centre = statistics.median_low(evidence)
    near = [d for d in evidence if abs((d - centre).days) <= STORY_WINDOW_DAYS]
    return statistics.median_low(near)


def weekday_date(weekday: int, anchor: date, tense: Tense | None, which: str | None = None) -> date:
    """The date a weekday name refers to, seen from the day an article was written.

    News uses a bare weekday for the nearest such day: in a past-tense report the most recent one on
    or before the writing day, in a future-tense one the next one on or after it. "last"/"next" force
    the direction; a present-tense or tenseless mention takes the nearest one, the past on a tie.
    """
    back = (anchor.weekday() - weekday) % 7
    forward = (weekday - anchor.weekday()) % 7
    if which == "last":
        return anchor - timedelta(days=back or 7)
    if which == "next":
        return anchor + timedelta(days=forward or 7)
    if tense == "past":
        return anchor - timedelta(days=back)
    if tense == "future":
        return anchor + timedelta(days=forward)
    return anchor - timedelta(days=back) if back <= forward else anchor + timedelta(days=forward)


def undated_anchor(weekdays: Sequence[tuple[int, Tense | None, str | None]], centre: date) -> date:
    """The likeliest writing day of an undated article, given its weekday mentions and the story centre.

    Each candidate day within `UNDATED_SEARCH_DAYS` of the centre resolves the article's weekday
    mentions (with their tense) as `weekday_date` would; the candidate whose resolved dates lie
    closest to the centre in total wins, and the candidate nearest the centre breaks a tie. A preview
    saying Kim "departed on Monday" and is "expected on Tuesday" is thus placed between the two.
    """
    candidates = [centre + timedelta(days=offset) for offset in range(-UNDATED_SEARCH_DAYS, UNDATED_SEARCH_DAYS + 1)]

    def cost(day: date) -> tuple[int, int]:
        total = sum(abs((weekday_date(w, day, tense, which) - centre).days) for w, tense, which in weekdays)
        return (total, abs((day - centre).days))

    return min(candidates, key=cost)
