"""Articles as contract JSON and as Markdown."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from newsfuse.models import Article
from newsfuse.models.record import ArticleRecord, record_json


def article_record(article: Article) -> ArticleRecord:
    """One article as the contract records it (a brief adds what it derives from)."""
    return ArticleRecord(
        id=article.id,
        source=article.source,
        title=article.title,
        byline=article.byline,
        published=article.published.isoformat() if article.published else None,
        dateline=article.dateline,
        agencies=tuple(article.agencies),
        language=article.language,
        text=article.text,
        path=article.path,
        url=article.url,
    )


def article_json(article: Article) -> dict[str, Any]:
    """One article as ../shared/DESIGN.md's `articles` contract writes it (no provenance: no story yet)."""
    record = record_json(article_record(article))
    del record["derived_from"], record["machine_translated"]
    return record


def articles_json(articles: Sequence[Article]) -> str:
    return json.dumps({"articles": [article_json(a) for a in articles]}, ensure_ascii=False, indent=2)


def articles_markdown(articles: Sequence[Article]) -> str:
    parts: list[str] = []
    for article in articles:
        parts.append(f"# {article.title or '(untitled)'}\n")
        facts = [
            ("id", article.id),
            ("from", article.url or article.path),
            ("outlet", article.source),
            ("byline", article.byline),
            ("published", article.published.isoformat() if article.published else None),
            ("dateline", article.dateline),
            ("agencies", ", ".join(article.agencies) or None),
            ("language", article.language),
        ]
        parts.extend(f"- **{name}**: {value}" for name, value in facts if value)
        parts.append("")
        for paragraph in article.paragraph_texts():
            parts.append(paragraph + "\n")
    return "\n".join(parts).rstrip() + "\n"
