"""Articles from RSS and Atom feeds, by feedparser: each item's content, or its linked page when online."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import feedparser

from newsfuse.errors import InputError
from newsfuse.models import Failure, RawDocument

# Fetches an item's linked page; None when offline.
PageLoader = Callable[[str], RawDocument]

# The text has been decoded already; telling feedparser so stops it from re-reading the bytes in the
# charset of the XML declaration.
_DECODED = {"content-type": "application/xml; charset=utf-8"}


def read_feed(
    origin: str, text: str, path: str | None = None, *, load_page: PageLoader | None = None
) -> Iterator[RawDocument | Failure]:
    """One document or one failure per feed item. Raises InputError when the text is not a feed.

    `path` is the feed's file, kept on items read from the feed's own text.
    """
    # Bytes in a stream, never a str: feedparser fetches a str that looks like a URL and opens one
    # that names a file, so a feed file holding "http://10.0.0.1/" or "/etc/passwd" would be followed.
    parsed = feedparser.parse(
        io.BytesIO(text.encode("utf-8", errors="replace")),
        response_headers=_DECODED,
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({_first_line(str(reason))})" if reason else ""
        raise InputError(origin, f"not an RSS or Atom feed{detail}")
    if not parsed.entries:
        raise InputError(origin, "the feed has no items")
    outlet = _clean(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        yield from _read_item(f"{origin}#{number}", entry, outlet, path, load_page)


def _read_item(
    where: str, entry: Any, outlet: str | None, path: str | None, load_page: PageLoader | None
) -> Iterator[RawDocument | Failure]:
    link = _clean(entry.get("link"))
    hints: dict[str, Any] = {
        "title": _clean(entry.get("title")),
        "source": outlet,
        "url": link,
        "published": _entry_date(entry),
        "byline": _clean(entry.get("author")),
    }
    page_problem = None
    if load_page is not None and link:
        try:
            page = load_page(link)
        except InputError as exc:
            page_problem = exc.problem
        else:
            yield RawDocument(
                origin=link,
                content=page.content,
                format=page.format,
                **{k: v or getattr(page, k) for k, v in hints.items()},
            )
            return
    content = _entry_content(entry)
    if not content.strip():
        if hints["title"]:
            # A headline-only item (feeds often carry nothing else) is an article of one line: it
            # joins its story and is listed among its sources.
            if page_problem:
                yield Failure(link or where, f"{page_problem}; kept the feed's headline only")
            yield RawDocument(origin=where, content="", format="text", path=path, **hints)
            return
        if page_problem:
            why = f"its page failed: {page_problem}"
        elif link and load_page is None:
            why = "its page is only fetched online"
        else:
            why = "no link to its page"
        yield Failure(where, f"feed item has no title and no text ({why})")
        return
    if page_problem:
        yield Failure(link or where, f"{page_problem}; used the feed's own text instead")
    yield RawDocument(origin=where, content=content, format="html", path=path, **hints)


def _entry_content(entry: Any) -> str:
    for part in entry.get("content") or []:
        value = part.get("value") or ""
        if value.strip():
            return str(value)
    return str(entry.get("summary") or "")


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed"):
        # Only keys the item really has: feedparser maps a missing one onto the other with a warning.
        value = dict.get(entry, key)
        if value:
            try:
                # feedparser gives UTC time tuples, so the calendar date is read off directly.
                return date(value.tm_year, value.tm_mon, value.tm_mday)
            except (AttributeError, TypeError, ValueError):
                continue  # a date feedparser half-understood: leave it to the next key
    return None


def _clean(value: Any) -> str | None:
    text = " ".join(str(value or "").split())
    return text or None


def _first_line(message: str) -> str:
    lines = message.strip().splitlines()
    return lines[0][:120] if lines else "no detail"
