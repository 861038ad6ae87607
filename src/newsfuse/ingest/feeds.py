"""Articles from RSS and Atom feeds, by feedparser: each item's content, or its linked page when online."""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterator
from datetime import date, datetime, timezone
from typing import Any

import feedparser

from newsfuse.errors import InputError
from newsfuse.models import Failure, RawDocument

# Fetches an item's linked page; None when offline.
PageLoader = Callable[[str], RawDocument]


def read_feed(origin: str, text: str, *, load_page: PageLoader | None = None) -> Iterator[RawDocument | Failure]:
    parsed = feedparser.parse(text, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({str(reason).splitlines()[0][:80]})" if reason else ""
        raise InputError(origin, f"not an RSS or Atom feed{detail}")
    outlet = _clean(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{origin}#{number}"
        link = _clean(entry.get("link"))
        hints: dict[str, Any] = {
            "title": _clean(entry.get("title")),
            "source": outlet,
            "url": link,
            "published": _entry_date(entry),
            "byline": _clean(entry.get("author")),
        }
        if load_page is not None and link:
            try:
                page = load_page(link)
                yield RawDocument(
                    origin=link,
                    content=page.content,
                    format=page.format,
                    **{k: v or getattr(page, k) for k, v in hints.items()},
                )
                continue
            except InputError as exc:
                yield Failure(link, f"{exc.problem}; using the feed's own text instead")
        content = _entry_content(entry)
        if not content:
            yield Failure(where, "feed item has no text (and its page was not fetched)")
            continue
        yield RawDocument(origin=where, content=content, format="html", **hints)


def _entry_content(entry: Any) -> str:
    for part in entry.get("content") or []:
        value = part.get("value") or ""
        if value.strip():
            return str(value)
    return str(entry.get("summary") or "")


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc).date()
    return None


def _clean(value: Any) -> str | None:
    text = " ".join(str(value or "").split())
    return text or None
