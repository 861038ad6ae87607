"""Main text and metadata of an HTML page, by trafilatura."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import trafilatura

from newsfuse.errors import InputError
from newsfuse.text.calendar import parse_date


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    text: str
    title: str | None
    author: str | None
    sitename: str | None
    published: date | None
    url: str | None


def extract_html(origin: str, html: str) -> HtmlExtract:
    """Run trafilatura with comments and tables off (neither is article body)."""
    try:
        document = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=False, with_metadata=True, deduplicate=False
        )
    except (ValueError, TypeError, AttributeError) as exc:  # lxml raises these on hopeless markup
        raise InputError(origin, f"unparseable HTML ({exc})") from None
    if document is None or not (document.text or "").strip():
        raise InputError(origin, "no article text found in the HTML")
    return HtmlExtract(
        text=document.text or "",
        title=_clean(document.title),
        author=_clean(document.author),
        sitename=_clean(document.sitename),
        published=parse_date(document.date) if document.date else None,
        url=_clean(document.url),
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None
