"""How much a brief reads: the first part of a very long article (with a note saying so), and the most
recent articles of a very large story.

Cleaning, search and clustering take an article whole, whatever its length (each is linear in it).
The analysis behind a brief is not: some of its steps compare every quote or sentence of an article
with every other, and a 1.3 MB article once took over 600 s and 3.4 GB. So a brief reads at most the
first MAX_BRIEFED_CHARS of each article, cut at a paragraph boundary. The cut keeps a prefix, so every
citation into it is a citation into the whole stored text.
"""

from __future__ import annotations

from dataclasses import replace

from newsfuse.models import Article, Paragraph

# Above the longest article in any of our real sets (fundus-eval: 40,539 characters; PolNeAR 33,672;
# TimeBank 79,941 bytes of markup), so a real news article is briefed whole. On the two shared cores a
# one-article brief takes about 5 s at 18,000 characters and 35 s at 46,000 (superlinear: quote
# attribution compares every quote with every candidate speaker), so this also bounds a brief's time.
MAX_BRIEFED_CHARS = 50_000
# A brief reads at most this many of its story's articles, the most recent ones (older ones are left
# out, marked with the reason). A brief's cost grows faster than its story: on the two shared cores,
# 20 syndicated copies of one event took 10 s, 80 took 47 s, 160 took 127 s and 330 took 434 s, past
# the 390 s budget a story of that size gets (bench/README.md, "Service"). At 100 a brief takes about
# 40% of its 160 s budget, room for a busy machine and the worker's lower priority; it is still
# four times the largest real story we hold (ECB+ dev: 22 reports).
MAX_BRIEFED_ARTICLES = 100


def cut_note(article: Article, limit: int = MAX_BRIEFED_CHARS) -> str | None:
    """The note for an article too long to be briefed whole, or None."""
    if len(article.text) <= limit:
        return None
    kept = len(briefed_part(article, limit).text)
    return f"only its first {kept:,} of {len(article.text):,} characters go into its story's brief"


def with_cut_note(article: Article, limit: int = MAX_BRIEFED_CHARS) -> Article:
    """The article, noted when its brief will read only a part of it."""
    note = cut_note(article, limit)
    if note is None or note in article.notes:
        return article
    return replace(article, notes=(*article.notes, note))


def briefed_part(article: Article, limit: int = MAX_BRIEFED_CHARS) -> Article:
    """The article as its brief reads it: whole paragraphs up to `limit` characters (the first
    paragraph cut at a space when it alone is longer)."""
    if len(article.text) <= limit:
        return article
    kept = [p for p in article.paragraphs if p.end <= limit]
    if not kept:
        first = article.paragraphs[0] if article.paragraphs else Paragraph(0, len(article.text))
        space = article.text.rfind(" ", first.start, first.start + limit)
        end = space if space > first.start else first.start + limit
        kept = [Paragraph(first.start, end, first.is_list_item)]
    return replace(article, text=article.text[: kept[-1].end], paragraphs=tuple(kept))
