"""Sentences the next sentence turns against: an impression told, then what happened instead.

"... Susana Martinez of New Mexico, appeared poised to reconcile with the Republican nominee." is
followed in its paragraph by "But as she stepped forward ..., Ms. Martinez passed on a chance to
publicly back Mr. Trump." (PolNeAR train). A narrative sets up what seemed about to happen and turns
it in the next sentence; shown alone, the set-up reads as the outcome. "appear" and "seem" with a
complement report an impression, not a deed, and a next sentence that opens on a contrast ("But",
"Instead", "However") tells that the impression failed. Both marks are needed: an impression that
the article leaves standing is the article's, and a contrast after a deed only adds to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from newsfuse.models import Article, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

# Verbs that report how things looked, not what was done.
_IMPRESSION_VERBS = frozenset({"appear", "seem"})
# Complements that make such a verb an impression ("appeared poised to", "seemed ready", "appeared
# to agree"); a bare "appeared" is a deed ("appeared in court").
_COMPLEMENTS = frozenset({"xcomp", "acomp", "attr", "oprd"})
# First words of a sentence that turn against the one before.
_TURNS = frozenset({"but", "instead", "however"})


def overturned_sentences(articles: Sequence[Article], docs: Sequence[Doc]) -> tuple[Span, ...]:
    """The parser's sentences, in every article, that tell an impression the next sentence turns
    against (across a paragraph break too: news paragraphs are often one sentence, as these are)."""
    out: list[Span] = []
    for article, doc in zip(articles, docs, strict=True):
        for sentence, following in pairwise(doc.sents):
            if impression(sentence) and following[0].lower_ in _TURNS:
                out.append(Span(article.id, sentence.start_char, sentence.end_char))
    return tuple(out)


def impression(sentence: SpacySpan) -> bool:
    """Whether the sentence's main verb is "appear" or "seem" with a complement."""
    root = sentence.root
    return root.lemma_.lower() in _IMPRESSION_VERBS and any(c.dep_ in _COMPLEMENTS for c in root.children)
