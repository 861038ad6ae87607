"""Small helpers every conflict finder shares: one side from the units that back it, and a
union-find to join pairs into groups."""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.claims.units import Unit
from newsfuse.models import ConflictSide


def side(value: str, units: Sequence[Unit]) -> ConflictSide:
    """A side backed by `units`: their articles (first-seen order) and their spans as evidence."""
    seen: dict[tuple[str, int, int], Unit] = {}
    for unit in units:
        seen.setdefault((unit.article_id, unit.span.start, unit.span.end), unit)
    ordered = list(seen.values())
    return ConflictSide(
        value=value,
        articles=tuple(dict.fromkeys(u.article_id for u in ordered)),
        evidence=tuple(u.span for u in ordered),
    )
