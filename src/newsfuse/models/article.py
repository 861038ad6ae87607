"""The article: clean body text plus the metadata recovered from its page."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

InputFormat = Literal["text", "html", "jsonl", "feed"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input document before cleaning: what a reader found, with any metadata it was given.

    `origin` names where it came from (a path, a URL, or ``path:line`` for one JSON line), so every
    later error can point back at it. `notes` say what the reader had to repair to make it usable
    (one line each), and travel on to the clean article.
    """

    origin: str
    content: str
    format: Literal["text", "html"]
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    byline: str | None = None
    path: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One body paragraph, located in `Article.text` by character offsets."""

    start: int
    end: int
    is_list_item: bool = False


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of one article's clean text; every citation points at one."""

    article_id: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span offsets {self.start}..{self.end}")


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article. `text` is the body paragraphs joined by blank lines.

    `notes` say, one line each, what was done to the input on its way in: characters repaired by the
    reader, a text longer than the analysis takes cut for its brief.
    """

    id: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    title: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    byline: str | None = None
    published: date | None = None
    dateline: str | None = None
    agencies: tuple[str, ...] = ()
    language: str | None = None
    headings: tuple[str, ...] = field(default=())
    # The kind of piece its page declares: the section it files the piece under or the piece's
    # schema.org type ("Opinion", "OpinionNewsArticle"); None where the page says neither.
    genre: str | None = None
    origin: str | None = None  # where it was read from: a path, a URL, or "path:line" for JSON Lines
    notes: tuple[str, ...] = ()

    def paragraph_texts(self) -> list[str]:
        return [self.text[p.start : p.end] for p in self.paragraphs]

    def excerpt(self, span: Span) -> str:
        if span.article_id != self.id:
            raise ValueError(f"span belongs to article {span.article_id}, not {self.id}")
        return self.text[span.start : span.end]

    @property
    def label(self) -> str:
        """A short human name for the article: its outlet, else its file or URL, else its id."""
        if self.source:
            return self.source
        where = self.url or self.path
        if where:
            return where.rstrip("/").rsplit("/", 1)[-1]
        return self.id


def join_paragraphs(texts: list[str], list_items: set[int] | None = None) -> tuple[str, tuple[Paragraph, ...]]:
    """Join paragraph texts with blank lines and return the text with each paragraph's offsets."""
    items = list_items or set()
    paragraphs: list[Paragraph] = []
    offset = 0
    for index, text in enumerate(texts):
        paragraphs.append(Paragraph(offset, offset + len(text), index in items))
        offset += len(text) + 2
    return "\n\n".join(texts), tuple(paragraphs)


def article_id(text: str, *, url: str | None = None, title: str | None = None, source: str | None = None) -> str:
    """A stable id: the same article ingested twice gets the same id, wherever its file lies."""
    digest = hashlib.sha1(usedforsecurity=False)
    for part in (url or "", source or "", title or "", text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()[:16]
