"""Statement units: the sentences of every article (split at semicolons), each with its span.

A unit is the smallest stretch of text a claim points at. Sentences are split further only at a
semicolon between two clauses that each read as a statement, so that every unit is still a real,
contiguous stretch of the article and a citation to it reads as the article wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsfuse.models import Article, Span
from newsfuse.text.sentences import split_sentences
from newsfuse.text.words import word_count

# Fewer words than this is a fragment (a caption, a label, a dangling heading), not a statement.
# Body sentences of the seeds and the sample corpus run 6-50 words; 5-word units are kickers.
MIN_WORDS = 5
# Each side of a semicolon must keep this many words to stand as its own statement.
MIN_CLAUSE_WORDS = 5

_SEMICOLON = re.compile(r";\s+")


@dataclass(frozen=True, slots=True)
class Unit:
    """One statement of one article: `text` is exactly `article.text[span.start:span.end]`."""

    index: int
    article_id: str
    span: Span
    text: str
    paragraph: int
    is_list_item: bool


def split_units(articles: Sequence[Article]) -> list[Unit]:
    units: list[Unit] = []
    for article in articles:
        for number, paragraph in enumerate(article.paragraphs):
            body = article.text[paragraph.start : paragraph.end]
            for sentence in split_sentences(body, offset=paragraph.start):
                for start, end in _clauses(article.text, sentence.start, sentence.end):
                    text = article.text[start:end]
                    if word_count(text) >= MIN_WORDS:
                        span = Span(article.id, start, end)
                        units.append(Unit(len(units), article.id, span, text, number, paragraph.is_list_item))
    return units


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    cursor = start
    for match in _SEMICOLON.finditer(text, start, end):
        left = text[cursor : match.start()]
        right = text[match.end() : end]
        if word_count(left) >= MIN_CLAUSE_WORDS and word_count(right) >= MIN_CLAUSE_WORDS:
            pieces.append((cursor, match.start()))
            cursor = match.end()
    pieces.append((cursor, end))
    return pieces
