"""Articles as contract JSON and as Markdown."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from newsfuse.models import Article


def article_record(article: Article) -> dict[str, Any]:
    """One article in the JSON contract of ../shared/DESIGN.md."""
    record: dict[str, Any] = {"id": article.id}
    if article.url:
        record["url"] = article.url
    if article.path:
        record["path"] = article.path
    record.update(
        source=article.source,
        title=article.title,
        byline=article.byline,
        published=article.published.isoformat() if article.published else None,
        dateline=article.dateline,
        agencies=list(article.agencies),
        language=article.language,
        text=article.text,
    )
    return record


def articles_json(articles: Sequence[Article]) -> str:
    return json.dumps({"articles": [article_record(a) for a in articles]}, ensure_ascii=False, indent=2)


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
