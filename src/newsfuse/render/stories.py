"""Stories as contract JSON and as Markdown."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from newsfuse.models import Article, Story


def story_record(story: Story, articles: dict[str, Article]) -> dict[str, Any]:
    """One story in the JSON contract of DESIGN.md: id, headline, article ids, input paths."""
    members = [articles[i] for i in story.article_ids if i in articles]
    paths = list(dict.fromkeys(where for a in members if (where := a.path or a.url)))
    return {"id": story.id, "headline": story.headline, "articles": list(story.article_ids), "paths": paths}


def stories_json(stories: Sequence[Story], articles: Sequence[Article]) -> str:
    by_id = {a.id: a for a in articles}
    return json.dumps({"stories": [story_record(s, by_id) for s in stories]}, ensure_ascii=False, indent=2)


def stories_markdown(stories: Sequence[Story], articles: Sequence[Article]) -> str:
    by_id = {a.id: a for a in articles}
    parts: list[str] = []
    for story in stories:
        parts.append(f"# {story.headline}\n")
        facts = [f"- **id**: {story.id}", f"- **articles**: {len(story.article_ids)}"]
        if story.start and story.end:
            span = story.start.isoformat() if story.start == story.end else f"{story.start} to {story.end}"
            facts.append(f"- **published**: {span}")
        parts.extend(facts)
        parts.append("")
        for article_id in story.article_ids:
            article = by_id.get(article_id)
            if article is None:
                parts.append(f"1. {article_id}")
                continue
            when = f" ({article.published.isoformat()})" if article.published else ""
            where = article.path or article.url or article.id
            parts.append(f"1. {article.title or '(untitled)'} — {article.label}{when} — `{where}`")
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"
