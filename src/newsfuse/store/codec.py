"""Records to and from column values: articles, spans and the JSON columns. Shared by every backend."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from newsfuse.errors import StoreError
from newsfuse.models import Article, Paragraph, Span
from newsfuse.models.record import BriefRecord, PageNotes, parse_notes, parse_record

# The article columns, in the order both backends store them.
ARTICLE_COLUMNS = (
    "id",
    "story_id",
    "title",
    "source",
    "url",
    "path",
    "byline",
    "published",
    "dateline",
    "agencies",
    "language",
    "headings",
    "origin",
    "text",
    "paragraphs",
    "added",
    "notes",
    "genre",
)
# Keys (ids, URLs) a store could never have written: a NUL (PostgreSQL refuses it in text) or a lone
# surrogate (not encodable). A lookup by one finds nothing, the same on every backend.
_UNSTORABLE_KEY = re.compile("[\x00\ud800-\udfff]")
# The largest row offset and limit SQL takes (a signed 64-bit integer), and the largest version number
# (an INTEGER column, 32-bit in PostgreSQL). Past them, a query can only come back empty.
MAX_ROWS = 2**63 - 1
MAX_VERSION = 2**31 - 1


def article_values(article: Article, story_id: str, added: datetime) -> tuple[object, ...]:
    return (
        article.id,
        story_id,
        article.title,
        article.source,
        article.url,
        article.path,
        article.byline,
        article.published.isoformat() if article.published else None,
        article.dateline,
        dumps(list(article.agencies)),
        article.language,
        dumps(list(article.headings)),
        article.origin,
        article.text,
        dumps([[p.start, p.end, p.is_list_item] for p in article.paragraphs]),
        timestamp(added),
        dumps(list(article.notes)),
        article.genre,
    )


def article_from(row: Mapping[str, Any]) -> Article:
    """The article of a row holding ARTICLE_COLUMNS (by name)."""
    try:
        return Article(
            id=row["id"],
            text=row["text"],
            paragraphs=tuple(Paragraph(int(s), int(e), bool(item)) for s, e, item in loads(row["paragraphs"])),
            title=row["title"],
            source=row["source"],
            url=row["url"],
            path=row["path"],
            byline=row["byline"],
            published=date.fromisoformat(row["published"]) if row["published"] else None,
            dateline=row["dateline"],
            agencies=tuple(loads(row["agencies"])),
            language=row["language"],
            headings=tuple(loads(row["headings"])),
            origin=row["origin"],
            notes=tuple(loads(row["notes"]) or ()),
            genre=row["genre"],
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(f"stored article {row.get('id')!r} cannot be read back ({exc})") from None


def usable_key(value: str) -> bool:
    """False for a key no store holds (see _UNSTORABLE_KEY): look-ups by it are answered empty."""
    return _UNSTORABLE_KEY.search(value) is None


def span_list(spans: tuple[Span, ...]) -> list[list[object]]:
    return [[s.article_id, s.start, s.end] for s in spans]


# Fields the brief's JSON gained after stores began keeping it, each with what an older brief meant:
# before briefs ran under a time budget (newsfuse.deadline), every stored brief was complete.
ADDED_BRIEF_FIELDS: dict[str, object] = {"complete": True, "error": None}


def brief_record_from(data: Mapping[str, Any], where: str) -> BriefRecord:
    """A stored brief's record, from the contract JSON as any version of the store wrote it."""
    try:
        return parse_record({**ADDED_BRIEF_FIELDS, **data})
    except ValueError as error:
        raise StoreError(f"{where}: the stored brief does not read as a brief record: {error}") from None


def page_notes_from(data: Mapping[str, Any] | None, where: str) -> PageNotes:
    try:
        return parse_notes(data or {})
    except ValueError as error:
        raise StoreError(f"{where}: the stored page notes do not read back: {error}") from None


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def loads(text: str | bytes | None) -> Any:
    return json.loads(text) if text else None


def timestamp(moment: datetime) -> str:
    """UTC, to the microsecond, in a form that sorts as text (SQLite compares it as a string)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def moment(value: str | datetime) -> datetime:
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
