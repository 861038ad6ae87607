"""Plain frozen dataclasses that flow through the pipeline. No I/O, no imports of other stages."""

from newsfuse.models.article import Article, InputFormat, Paragraph, RawDocument, Span, article_id, join_paragraphs
from newsfuse.models.claims import Claim, Conflict, ConflictKind, ConflictSide, ConflictStatus, StoryClaims
from newsfuse.models.facts import (
    DateMention,
    Entity,
    EntityType,
    EventDate,
    Mention,
    NumberMention,
    Quote,
    QuoteMention,
    QuoteVariant,
    StoryFacts,
    TimelineEntry,
)
from newsfuse.models.failure import Failure
from newsfuse.models.provenance import (
    Alignment,
    Derivation,
    DerivationKind,
    Evidence,
    EvidenceKind,
    Lineage,
    PassageMatch,
    Provenance,
    TranslationCheck,
)
from newsfuse.models.story import Story, story_id

__all__ = [
    "Alignment",
    "Article",
    "Claim",
    "Conflict",
    "ConflictKind",
    "ConflictSide",
    "ConflictStatus",
    "DateMention",
    "Derivation",
    "DerivationKind",
    "Entity",
    "EntityType",
    "EventDate",
    "Evidence",
    "EvidenceKind",
    "Failure",
    "InputFormat",
    "Lineage",
    "Mention",
    "NumberMention",
    "Paragraph",
    "PassageMatch",
    "Provenance",
    "Quote",
    "QuoteMention",
    "QuoteVariant",
    "RawDocument",
    "Span",
    "Story",
    "StoryClaims",
    "StoryFacts",
    "TimelineEntry",
    "TranslationCheck",
    "article_id",
    "join_paragraphs",
    "story_id",
]
