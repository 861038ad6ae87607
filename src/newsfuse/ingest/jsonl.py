"""Articles from JSON Lines: one object a line with "text" or "html" and optional metadata.

A record with a title and no body is a headline-only article, as a feed item of one headline is:
it joins its story on its title (issue 19).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

from newsfuse.models import Failure, RawDocument
from newsfuse.text.calendar import parse_date

_OPTIONAL = ("title", "source", "url", "published", "byline", "author")


def read_jsonl(origin: str, text: str, path: str | None = None) -> Iterator[RawDocument | Failure]:
    """One document or one failure per non-blank line; a bad line never stops the others."""
    # Split on newlines only: str.splitlines() also breaks at U+2028, U+0085 and form feeds, which
    # JSON allows raw inside strings.
    records = 0
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip().lstrip("\ufeff")  # CRLF endings; a byte-order mark on a concatenated file
        if not line:
            continue
        records += 1
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        except ValueError:  # the only other ValueError json raises: an integer past Python's digit limit
            yield Failure(where, "malformed JSON (a number with too many digits)")
            continue
        except RecursionError:
            yield Failure(where, "malformed JSON (nested too deeply)")
            continue
        yield document_or_failure(where, record, path)
    if not records:
        yield Failure(origin, "no JSON lines in the input")


def document_or_failure(where: str, record: Any, path: str | None) -> RawDocument | Failure:
    """The document one record describes, or why it cannot be read (used for Parquet rows too)."""
    try:
        return _document(where, record, path)
    except ValueError as exc:
        return Failure(where, str(exc))


def _document(where: str, record: Any, path: str | None) -> RawDocument:
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    html, text = record.get("html"), record.get("text")
    for name, value in (("html", html), ("text", text)):
        if value is not None and not isinstance(value, str):
            raise ValueError(f'"{name}" must be a string')
    for name in _OPTIONAL:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise ValueError(f'"{name}" must be a string')
    if not (html or "").strip() and not (text or "").strip() and not _text(record.get("title")):
        raise ValueError('no "text", "html" or "title" field with content')
    has_html = bool((html or "").strip())
    return RawDocument(
        origin=where,
        content=(html if has_html else text) or "",
        format="html" if has_html else "text",
        title=_text(record.get("title")),
        source=_text(record.get("source")),
        url=_text(record.get("url")),
        published=_published(record.get("published")),
        byline=_text(record.get("byline") or record.get("author")),
        path=path,
    )


def _text(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def _published(value: str | None) -> date | None:
    if not value:
        return None
    parsed = parse_date(value)
    if parsed is None:
        raise ValueError(f'"published" is not a date: {value[:40]!r}')
    return parsed
