"""An article cut into sentences, each with its span and its content words: the unit of alignment."""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.models import Article, Span
from newsfuse.text.sentences import split_sentences
from newsfuse.text.words import content_stems

# A "sentence" with fewer content words than this (a stray label, "Share:", a dateline) cannot show
# that two texts share a passage, so it is left out of alignment. Two words keep short quotes
# ("We will be here for days, not hours") and drop one-word furniture.
MIN_PASSAGE_WORDS = 3


@dataclass(frozen=True, slots=True)
class Passage:
    """One sentence: where it sits in the article and the set of its content stems."""

    index: int
    paragraph: int
    start: int
    end: int
    stems: frozenset[str]
    length: int


@dataclass(frozen=True, slots=True)
class PassageText:
    """An article prepared for alignment: its sentences and the bag of all its content stems."""

    article: Article
    passages: tuple[Passage, ...]
    stems: frozenset[str]
    length: int

    def span(self, passage: Passage) -> Span:
        return Span(self.article.id, passage.start, passage.end)


def passage_text(article: Article) -> PassageText:
    """Cut the article's paragraphs into sentences and fold each into content stems."""
    passages: list[Passage] = []
    for number, paragraph in enumerate(article.paragraphs):
        body = article.text[paragraph.start : paragraph.end]
        for sentence in split_sentences(body, paragraph.start):
            stems = content_stems(sentence.text)
            if len(set(stems)) < MIN_PASSAGE_WORDS:
                continue
            passages.append(Passage(len(passages), number, sentence.start, sentence.end, frozenset(stems), len(stems)))
    every = frozenset().union(*(p.stems for p in passages)) if passages else frozenset()
    return PassageText(article, tuple(passages), every, sum(p.length for p in passages))
