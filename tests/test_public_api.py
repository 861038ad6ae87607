"""The public API is what `newsfuse.__all__` says, and each name resolves."""

from __future__ import annotations

import newsfuse

EXPECTED = [
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


def test_public_names_are_pinned_and_sorted() -> None:
    assert newsfuse.__all__ == EXPECTED == sorted(EXPECTED)


def test_every_public_name_resolves() -> None:
    for name in newsfuse.__all__:
        assert getattr(newsfuse, name) is not None


def test_the_facade_is_the_service_class() -> None:
    from newsfuse.service import Newsfuse

    assert newsfuse.Newsfuse is Newsfuse
