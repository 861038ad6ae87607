"""Sentences with no verb: a chart's title, a heading, a list item or a caption left in the text.

"Highest share of defense spending in NATO." (a Washington Post chart's title, PolNeAR dev) ends on a
full stop like a sentence, but tells nothing done or stated: a sentence has a verb. A deck under a
headline is the same grammar in the lead (`extract.leads`); this finds such lines anywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsfuse.models import Article, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

_VERBS = frozenset({"VERB", "AUX"})


def verbless_sentences(articles: Sequence[Article], docs: Sequence[Doc]) -> tuple[Span, ...]:
    """The parser's sentences, in every article, that hold words but no verb."""
    out: list[Span] = []
    for article, doc in zip(articles, docs, strict=True):
        for sentence in doc.sents:
            words = [t for t in sentence if t.is_alpha]
            if words and not any(t.pos_ in _VERBS for t in sentence):
                out.append(Span(article.id, sentence.start_char, sentence.end_char))
    return tuple(out)
