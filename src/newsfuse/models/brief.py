"""The brief: what a reader gets for one story. Every sentence keeps the spans it stands on."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newsfuse.models.article import Article, Span
from newsfuse.models.claims import Claim, Conflict
from newsfuse.models.facts import Entity, Quote, TimelineEntry
from newsfuse.models.provenance import Provenance

SECTION_NAMES = ("quick_read", "what_happened", "why_it_matters", "whats_next", "background", "perspectives")
# How each section is titled for readers (Markdown, HTML page, web page).
SECTION_TITLES = {
    "quick_read": "Quick read",
    "what_happened": "What happened",
    "why_it_matters": "Why it matters",
    "whats_next": "What's next",
    "background": "Background",
    "perspectives": "Perspectives",
}


def told_above(headline: str, lede: Iterable[str]) -> Callable[[str], bool]:
    """Whether a section's line repeats the headline or a lede line, which a page shows above the
    sections (a story whose articles have no title is headed by one of its sentences)."""
    told = {_bare(text) for text in (headline, *lede)}
    return lambda text: _bare(text) in told


def _bare(text: str) -> str:
    return text.strip().rstrip(".!?").casefold()


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


@dataclass(frozen=True, slots=True)
class Brief:
    """One story, briefed. `composer` names what wrote the sections (extractive, or an LLM's name).

    `lede` is the paragraph a reader meets first, under the headline: a few of the reporting
    sections' own sentences (brief.lede chooses them), each with its citations.

    `error` is None for a complete brief; otherwise it says why the brief stopped short (its time
    budget ran out, or a stage failed on this story), and the brief holds only what was done by then.
    """

    story_id: str
    headline: str
    headline_sources: tuple[str, ...]
    articles: tuple[Article, ...]
    provenance: Provenance
    sections: Sections
    lede: tuple[CitedSentence, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    people: tuple[Entity, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    composer: str = "extractive"
    warnings: tuple[str, ...] = field(default=())
    error: str | None = None

    @property
    def complete(self) -> bool:
        return self.error is None

    @property
    def independent_sources(self) -> int:
        return self.provenance.independent_sources

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)
