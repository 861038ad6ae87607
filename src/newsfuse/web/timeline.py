"""The story's timeline as a vertical SVG: dated events and publications, spaced by the days between them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from newsfuse.web.views import Dated

# Pixels: one row per point, plus a little per day of gap (capped, so a background date years back
# does not stretch the drawing) so that bunched and spread-out days look different.
ROW = 30
PER_DAY = 3
MAX_GAP_DAYS = 20
TOP = 20
AXIS_X = 112
TEXT_X = AXIS_X + 16
WIDTH = 900
# SVG text does not wrap: longer events are cut (the whole text is in the point's tooltip).
EVENT_CHARS = 105


@dataclass(frozen=True, slots=True)
class Point:
    y: int
    date: str
    label: str  # shown, possibly cut
    text: str  # the whole event, for the tooltip
    href: str
    published: bool  # an article's publication, not an event the sources report


@dataclass(frozen=True, slots=True)
class TimelineDrawing:
    width: int
    height: int
    axis_x: int
    text_x: int
    points: tuple[Point, ...]


def timeline_drawing(items: Sequence[Dated]) -> TimelineDrawing | None:
    """The drawing, or None when nothing is dated."""
    dated = []
    for item in items:
        try:
            day = date.fromisoformat(item.date[:10])
        except ValueError:
            continue
        dated.append((day, item))
    if not dated:
        return None
    dated.sort(key=lambda pair: (pair[0], pair[1].published))
    points = []
    y = TOP
    previous: date | None = None
    for day, item in dated:
        if previous is not None:
            y += ROW + PER_DAY * min((day - previous).days, MAX_GAP_DAYS)
        previous = day
        label = item.event if len(item.event) <= EVENT_CHARS else item.event[: EVENT_CHARS - 1].rstrip() + "…"
        href = f"#{item.citation.anchor}" if item.citation.anchor else ""
        points.append(Point(y, day.isoformat(), label, item.event, href, item.published))
    return TimelineDrawing(WIDTH, y + TOP, AXIS_X, TEXT_X, tuple(points))
