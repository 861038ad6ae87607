"""Article text cut into segments at the edges of marked spans, so a template can highlight spans
without ever building markup out of the (untrusted) text itself."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True, slots=True)
class Mark:
    """A span of the text to show: `kind` is its CSS class, `anchor` the element id links point at."""

    start: int
    end: int
    kind: str
    anchor: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of text with the same marks over all of it; `anchors` are those that start here."""

    text: str
    kinds: tuple[str, ...]
    anchors: tuple[str, ...]

    @property
    def css(self) -> str:
        return " ".join(self.kinds)


def segments(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """The whole text, in order, as segments. Marks outside the text are clipped; empty ones dropped."""
    kept = [
        Mark(max(0, m.start), min(len(text), m.end), m.kind, m.anchor)
        for m in marks
        if min(len(text), m.end) > max(0, m.start)
    ]
    edges = sorted({0, len(text), *(m.start for m in kept), *(m.end for m in kept)})
    pieces = []
    for start, end in pairwise(edges):
        over = [m for m in kept if m.start <= start and m.end >= end]
        kinds = tuple(sorted({m.kind for m in over}))
        anchors = tuple(dict.fromkeys(m.anchor for m in kept if m.start == start))
        pieces.append(Segment(text[start:end], kinds, anchors))
    return pieces


def anchor_id(number: int, start: int, end: int) -> str:
    """The element id of a passage of source [number]: stable, so links to it can be shared."""
    return f"src{number}-{start}-{end}"
