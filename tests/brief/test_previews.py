"""What only a preview expected stays out of "what's next" once the event is reported."""

from __future__ import annotations

from newsfuse.brief.extractive import ExtractiveComposer, SourceProfile
from newsfuse.models import Article, join_paragraphs

# Written for these tests: a preview of a bridge reopening, and a report after it.
PREVIEW = [
    "Engineers are expected to reopen the Carrow bridge to traffic on Friday after three weeks of repairs.",
    "The city council will decide next month whether heavy lorries may use the bridge again.",
]
REPORT = [
    "The Carrow bridge reopened to traffic on Friday after three weeks of repairs to its flood-damaged piers.",
    "Engineers checked the piers for a final time on Thursday night before lifting the barriers at dawn.",
    "About 9,000 vehicles a day crossed the bridge before the flood closed it, the council said.",
]


def _article(article_id: str, paragraphs: list[str]) -> Article:
    text, spans = join_paragraphs(paragraphs)
    return Article(id=article_id, text=text, paragraphs=spans)


def _whats_next(articles: list[Article], previews: frozenset[str]) -> list[str]:
    """What the brief says is next: its "what's next" lines and the quick read's bullets about it."""
    profile = SourceProfile(preference={a.id: 0.0 if a.id in previews else 3.0 for a in articles}, previews=previews)
    sections = ExtractiveComposer().compose(articles, profile).sections
    return [s.text for s in (*sections.whats_next, *sections.quick_read)]


def test_a_preview_alone_says_what_is_next() -> None:
    assert any("expected to reopen" in line for line in _whats_next([_article("p", PREVIEW)], frozenset({"p"})))


def test_a_preview_is_never_cited_for_what_happened() -> None:
    articles = [_article("p", PREVIEW), _article("r", REPORT)]
    profile = SourceProfile(preference={"p": 0.0, "r": 3.0}, previews=frozenset({"p"}))
    sections = ExtractiveComposer().compose(articles, profile).sections
    reported = (*sections.quick_read, *sections.what_happened)
    assert any("reopened" in sentence.text for sentence in reported)
    for sentence in reported:
        assert "p" not in sentence.sources, sentence


def test_once_reported_the_previews_expectations_are_left_out() -> None:
    lines = _whats_next([_article("p", PREVIEW), _article("r", REPORT)], frozenset({"p"}))
    assert not any("expected to reopen" in line or "will decide" in line for line in lines)
