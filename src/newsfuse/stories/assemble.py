"""Turn groups of article positions into Story records: stable ids, a headline, the time window."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsfuse.models import Article, Story, story_id
from newsfuse.stories.index import ArticleIndex
from newsfuse.stories.window import Window

# The headline is the title of the story's most central article (highest summed raw score with the
# others). Centrality is computed over at most this many of its articles, the earliest: enough to
# find a typical title, and bounded for stories of thousands of articles.
HEADLINE_SAMPLE = 24
# A story whose articles have no title is headed by its central article's opening, cut at a word
# boundary near this many characters.
HEADLINE_FALLBACK_CHARS = 100


def build_story(members: Sequence[int], articles: Sequence[Article], index: ArticleIndex, window: Window) -> Story:
    """The story of the articles at `members` (positions, in arrival order); its id comes from the first."""
    ordered = sorted(members)
    start, end = window.dates()
    return Story(
        id=story_id(articles[ordered[0]].id),
        headline=_headline(ordered, articles, index),
        article_ids=tuple(articles[p].id for p in ordered),
        start=start,
        end=end,
    )


def first_of_each_id(articles: Sequence[Article]) -> list[Article]:
    """The articles with the same id kept once: the first seen, in input order."""
    return list({a.id: a for a in reversed(articles)}.values())[::-1]


def order_stories(stories: list[Story]) -> list[Story]:
    """Largest first; ties by id, so output is stable."""
    return sorted(stories, key=lambda s: (-len(s.article_ids), s.id))


def _headline(members: Sequence[int], articles: Sequence[Article], index: ArticleIndex) -> str:
    originals = sorted({index.original[p] for p in members})[:HEADLINE_SAMPLE]
    titled = [p for p in originals if articles[p].title]
    pool = titled or originals
    if len(pool) == 1:
        central = pool[0]
    else:
        totals = [float(np.sum(row)) for row in index.raw_scores_within(pool)]
        central = pool[int(np.argmax(totals))]
    article = articles[central]
    if article.title:
        return article.title
    text = " ".join(article.text.split())
    if len(text) <= HEADLINE_FALLBACK_CHARS:
        return text
    cut = text.rfind(" ", 0, HEADLINE_FALLBACK_CHARS)
    return text[: cut if cut > 0 else HEADLINE_FALLBACK_CHARS] + "…"
