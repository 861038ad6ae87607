"""newsfuse: many news articles about one event in, one trustworthy, cited story out.

    from newsfuse import Newsfuse
    service = Newsfuse()
    batch = service.articles(["articles/"])
    for brief in service.briefs(batch.articles):
        print(brief.headline)

`Newsfuse` (the use-case façade) is imported on first use, since it loads the NLP stages; the data
model and the errors are plain modules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsfuse.errors import (
    ConfigError,
    EmptyArticleError,
    EvaluationDataError,
    FetchError,
    InputError,
    NewsfuseError,
)
from newsfuse.models import Article, Failure, RawDocument, Span
from newsfuse.models.brief import Brief, CitedSentence
from newsfuse.models.claims import Claim, Conflict
from newsfuse.models.provenance import Provenance
from newsfuse.models.story import Story

if TYPE_CHECKING:
    from newsfuse.service import Batch, Newsfuse

__all__ = [
    "Article",
    "Batch",
    "Brief",
    "CitedSentence",
    "Claim",
    "ConfigError",
    "Conflict",
    "EmptyArticleError",
    "EvaluationDataError",
    "Failure",
    "FetchError",
    "InputError",
    "Newsfuse",
    "NewsfuseError",
    "Provenance",
    "RawDocument",
    "Span",
    "Story",
]

_LAZY = {"Newsfuse", "Batch"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from newsfuse import service

        return getattr(service, name)
    raise AttributeError(f"module 'newsfuse' has no attribute {name!r}")
