"""Which documents of a batch are cleaned together: pages of one site, a bounded number at a time.

Furniture repeated across pages (a newsletter blurb, a footer, a reader notice) belongs to a site,
so a page is compared with the other pages of its own site only. Grouping by site also bounds the
work of one group, and lets a distributed engine clean each group on its own and still give the
answers of one process: the groups depend on each document alone and on its place in the input.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from pathlib import PurePath
from typing import TypeVar
from urllib.parse import urlsplit

from newsfuse.models import RawDocument

# A page's place in the input: a position, or (input, file, record) numbers in a distributed run.
Place = TypeVar("Place", int, tuple[int, int, int])
# A site's pages are cleaned this many at a time, in input order. Furniture shows on most of a
# site's pages, so a few thousand of them find it as surely as all; the bound keeps one group's
# block statistics small when a site contributes hundreds of thousands of pages.
CLEANING_GROUP_PAGES = 5_000


def site_key(raw: RawDocument) -> str:
    """The site a document comes from: its URL's host, else its outlet, else the folder it was read from."""
    if raw.url:
        host = (urlsplit(raw.url).hostname or "").lower().removeprefix("www.")
        if host:
            return f"host:{host}"
    if raw.source:
        return "source:" + " ".join(raw.source.lower().split())
    if raw.path:
        return f"folder:{PurePath(raw.path).parent}"
    return "input"


def cleaning_groups(raws: Sequence[RawDocument]) -> list[list[int]]:
    """The documents' positions, grouped as they are cleaned: by site, then in runs of CLEANING_GROUP_PAGES."""
    by_site: dict[str, list[int]] = {}
    for position, raw in enumerate(raws):
        by_site.setdefault(site_key(raw), []).append(position)
    groups: list[list[int]] = []
    for positions in by_site.values():
        for start in range(0, len(positions), CLEANING_GROUP_PAGES):
            groups.append(positions[start : start + CLEANING_GROUP_PAGES])
    return groups


def run_starts(places: Sequence[Place]) -> list[Place]:
    """Where each run of CLEANING_GROUP_PAGES pages of one site starts, given the site's pages'
    places in the input (any sortable keys): the same runs as `cleaning_groups` cuts."""
    return sorted(places)[::CLEANING_GROUP_PAGES]


def run_of(starts: Sequence[Place], place: Place) -> int:
    """Which run of its site (from `run_starts`) the page at `place` falls in."""
    return bisect.bisect_right(starts, place) - 1
