"""Time windows: a story covers the days its articles were published; far outside them is another event.

An article published long after a story's window joins it only when it says so: it mentions a date
inside the window (a follow-up: "the fire on March 9"), or the window's year ("the 2010 shooting").
One published long before joins only when it mentions a date inside the window (a preview: "the
parade on September 3"). Undated articles carry no time evidence either way. The window only vetoes;
whether two articles report one event is for their words and names to say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from newsfuse.models import Article
from newsfuse.text.calendar import find_dates

_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")

# Two groups of articles published more than this many days apart are two events, unless a date
# or year they mention bridges the gap. Coverage of one event spreads: the sample corpus's stories
# span 1 to 4 days (one seed only is dated); ECB+ dev's dated events mostly a few days, but follow-ups (a move
# to another rehab, an indictment, a sentencing) come 43 to 80 days later, and some a year or two
# later (those name the event's year). Same-kind events in ECB+ are months or years apart.
STORY_WINDOW_DAYS = 62
# A mentioned date this close to a window counts as inside it: "last Tuesday" gets resolved to a
# day or two off, and an event's report may carry the previous day's date.
MENTION_SLACK_DAYS = 3
# Only this many mentioned dates are kept per article: timelines in background paragraphs would
# otherwise bridge everything to everything.
MAX_MENTIONED_DATES = 12
# Dates are looked for in the title and this many characters of text (about 500 words): a follow-up
# or preview names the event's date in its first paragraphs, and the scan is the costliest step here.
DATE_SCAN_CHARS = 3000


@dataclass(frozen=True, slots=True)
class Window:
    """Publication days (as ordinals) of a group's dated articles, and the days its texts mention."""

    start: int | None
    end: int | None
    mentioned: frozenset[int]
    years: frozenset[int] = frozenset()

    @property
    def dated(self) -> bool:
        return self.start is not None

    def merged(self, other: Window) -> Window:
        if self.start is None or self.end is None:
            start, end = other.start, other.end
        elif other.start is None or other.end is None:
            start, end = self.start, self.end
        else:
            start, end = min(self.start, other.start), max(self.end, other.end)
        return Window(start, end, self.mentioned | other.mentioned, self.years | other.years)

    def compatible(self, other: Window) -> bool:
        """Whether the two groups can report one event, as far as their dates tell."""
        if self.start is None or self.end is None or other.start is None or other.end is None:
            return True
        gap = max(self.start - other.end, other.start - self.end, 0)
        if gap <= STORY_WINDOW_DAYS:
            return True
        return (
            _mentions_inside(self.mentioned, other)
            or _mentions_inside(other.mentioned, self)
            or _names_year(self, other)
            or _names_year(other, self)
        )

    def dates(self) -> tuple[date | None, date | None]:
        start = date.fromordinal(self.start) if self.start is not None else None
        end = date.fromordinal(self.end) if self.end is not None else None
        return start, end


def article_window(article: Article) -> Window:
    """The article's own window: its publication day, and the full dates its title and text mention."""
    day = article.published.toordinal() if article.published else None
    text = (f"{article.title}\n{article.text}" if article.title else article.text)[:DATE_SCAN_CHARS]
    years = frozenset(int(y) for y in _YEAR.findall(text))
    # Every full date carries a year: without one, the (costlier) date scan would find nothing.
    found = find_dates(text)[:MAX_MENTIONED_DATES] if years else []
    mentioned = frozenset(match.value.toordinal() for match in found)
    return Window(day, day, mentioned, years)


def _names_year(follow_up: Window, event: Window) -> bool:
    """A follow-up written in a later year names the event's year ("the 2010 shooting"). Only years
    other than its own publication years count: an article naming its own year proves nothing."""
    if follow_up.start is None or follow_up.end is None or event.start is None or event.end is None:
        return False
    own = range(date.fromordinal(follow_up.start).year, date.fromordinal(follow_up.end).year + 1)
    first, last = date.fromordinal(event.start).year, date.fromordinal(event.end).year
    return any(first <= year <= last and year not in own for year in follow_up.years)


def _mentions_inside(mentioned: frozenset[int], window: Window) -> bool:
    if window.start is None or window.end is None:
        return False
    low, high = window.start - MENTION_SLACK_DAYS, window.end + MENTION_SLACK_DAYS
    return any(low <= day <= high for day in mentioned)
