"""The brief: what a reader gets for one story. Every sentence keeps the spans it stands on."""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.models.article import Span

SECTION_NAMES = ("quick_read", "what_happened", "why_it_matters", "whats_next", "background", "perspectives")


@dataclass(frozen=True, slots=True)
class CitedSentence:
    """One sentence of a brief and the source spans that support it (first span: its wording)."""

    text: str
    spans: tuple[Span, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        """Ids of the cited articles, each once, in citation order."""
        return tuple(dict.fromkeys(span.article_id for span in self.spans))


@dataclass(frozen=True, slots=True)
class Sections:
    quick_read: tuple[CitedSentence, ...] = ()
    what_happened: tuple[CitedSentence, ...] = ()
    why_it_matters: tuple[CitedSentence, ...] = ()
    whats_next: tuple[CitedSentence, ...] = ()
    background: tuple[CitedSentence, ...] = ()
    perspectives: tuple[CitedSentence, ...] = ()

    def items(self) -> list[tuple[str, tuple[CitedSentence, ...]]]:
        return [(name, getattr(self, name)) for name in SECTION_NAMES]

    def all_sentences(self) -> list[CitedSentence]:
        return [sentence for _, sentences in self.items() for sentence in sentences]
