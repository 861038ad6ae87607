"""Provenance: who copied, rewrote, translated or summarised whom, and how many sources are independent.

A derivation points from an article to its parent: another article of the same story, or a wire
agency the article credits (AP, Reuters, KCNA, ...). Every derivation and every machine-translation
flag carries the evidence that set it, with spans into the articles' text, so a reader can check it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from newsfuse.models.article import Span

DerivationKind = Literal["copy", "rewrite", "translation", "summary"]
DERIVATION_KINDS: tuple[DerivationKind, ...] = ("copy", "rewrite", "translation", "summary")

EvidenceKind = Literal[
    "passages",  # aligned passages shared with the parent
    "credit",  # a dateline or credit line naming an agency
    "dates",  # publication dates ordering the pair
    "containment",  # one text holds nearly all of the other
    "machine_translation",  # one of the pair reads as machine-translated, so it is the derived one
    "digest_form",  # bullet lists, explainer headings, no reporting of its own
    "name_variant",  # a name spelled unlike every other article of the story
    "pronoun_gender",  # a person referred to with the other gender's pronouns
    "typography",  # spacing and number formats of another language
    "literal_phrasing",  # wording denser in "of the" and articles than the aligned parent
]


@dataclass(frozen=True, slots=True)
class PassageMatch:
    """One sentence of article `a` aligned with one sentence of article `b`, and how alike they read.

    `similarity` is the Dice overlap (0..1) of the two sentences' content words: 1.0 is the same
    wording, around 0.3-0.6 the same fact reworded or translated.
    """

    a: Span
    b: Span
    similarity: float


@dataclass(frozen=True, slots=True)
class Alignment:
    """Every aligned passage of two articles, with what the pair looks like as a whole.

    `coverage_a` is the share of `a`'s content words in sentences matched in `b` (and `coverage_b` the
    reverse). `sequential_a` is the share in the heaviest chain of matches that keeps the same order in
    both texts: near 1.0 when `a` follows `b` sentence by sentence (a copy, rewrite or translation),
    well below when the two only share scattered facts. `similarity` is the mean match similarity
    along that chain (1.0 = the same words); `chain` indexes the matches that form it. `density_a` is
    how much of the stretch of `a` between the chain's first and last sentence the chain covers: a
    trimmed copy or rewrite follows one unbroken stretch of its parent (near 1.0), two reports that
    share scattered facts hop across each other (0.2-0.4).
    """

    a: str
    b: str
    matches: tuple[PassageMatch, ...]
    chain: tuple[int, ...]
    coverage_a: float
    coverage_b: float
    sequential_a: float
    sequential_b: float
    density_a: float
    density_b: float
    similarity: float

    def reversed(self) -> Alignment:
        return Alignment(
            a=self.b,
            b=self.a,
            matches=tuple(PassageMatch(m.b, m.a, m.similarity) for m in self.matches),
            chain=self.chain,
            coverage_a=self.coverage_b,
            coverage_b=self.coverage_a,
            sequential_a=self.sequential_b,
            sequential_b=self.sequential_a,
            density_a=self.density_b,
            density_b=self.density_a,
            similarity=self.similarity,
        )


@dataclass(frozen=True, slots=True)
class Evidence:
    """One reason behind a derivation or a translation flag, in words, with the spans it points at."""

    kind: EvidenceKind
    detail: str
    spans: tuple[Span, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Derivation:
    """`article` derives from `parent` (an article id, or an agency name when `parent_is_agency`)."""

    article: str
    parent: str
    kind: DerivationKind
    score: float
    evidence: tuple[Evidence, ...]
    parent_is_agency: bool = False


@dataclass(frozen=True, slots=True)
class TranslationCheck:
    """Whether an article reads as machine-translated, and the evidence. `score` is the share of the kinds
    of tell-tale found (names, pronouns, typography, phrasing); two kinds or more set the flag."""

    article: str
    machine_translated: bool
    score: float
    evidence: tuple[Evidence, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Lineage:
    """One independent source: a root (agency name or article id) and every article that copies,
    rewrites or translates it. Digests are listed apart: they lean on lineages and add none."""

    root: str
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Provenance:
    """Everything the provenance stage learnt about one story."""

    articles: tuple[str, ...]
    derivations: tuple[Derivation, ...]
    translations: tuple[TranslationCheck, ...]
    lineages: tuple[Lineage, ...]
    digests: tuple[str, ...]
    alignments: tuple[Alignment, ...]

    @property
    def independent_sources(self) -> int:
        return len(self.lineages)

    def derived_from(self, article_id: str) -> tuple[Derivation, ...]:
        return tuple(d for d in self.derivations if d.article == article_id)

    def machine_translated(self, article_id: str) -> bool:
        return any(t.article == article_id and t.machine_translated for t in self.translations)

    def source_key(self, article_id: str) -> str | None:
        """The one rule for "independent source": the root of the article's lineage, so that copies,
        rewrites and translations of one report count once. None for a digest: it leans on the lineages
        it digests and adds no source of its own. An article this provenance never saw stands alone."""
        if article_id not in self.articles:
            return article_id
        lineage = self.lineage_of(article_id)
        return lineage.root if lineage is not None else None

    def source_keys(self) -> dict[str, str | None]:
        """`source_key` of every article, for stages that count sources without the whole provenance."""
        return {article_id: self.source_key(article_id) for article_id in self.articles}

    def lineage_of(self, article_id: str) -> Lineage | None:
        """The lineage holding the article, or None for a digest (it belongs to the lineages it digests)."""
        return next((lineage for lineage in self.lineages if article_id in lineage.articles), None)

    def independent_among(self, article_ids: Iterable[str]) -> int:
        """How many independent sources stand behind these articles (for "reported by N sources")."""
        return count_sources(article_ids, self.source_keys())

    def alignment(self, a: str, b: str) -> Alignment | None:
        """The passage alignment of two articles, oriented a -> b, when the pair was compared."""
        for found in self.alignments:
            if (found.a, found.b) == (a, b):
                return found
            if (found.a, found.b) == (b, a):
                return found.reversed()
        return None


# Article id -> the independent source it stands for (`Provenance.source_key`); None for a digest.
SourceKeys = Mapping[str, str | None]


def count_sources(article_ids: Iterable[str], keys: SourceKeys) -> int:
    """How many independent sources these articles are: distinct source keys, digests adding none.
    An article missing from `keys` stands alone."""
    return len({key for article_id in article_ids if (key := keys.get(article_id, article_id)) is not None})
