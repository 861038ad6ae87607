"""MinHash LSH finds a wire copy of a real article, and not a different report of the same event."""

from __future__ import annotations

from newsfuse.models import Article
from newsfuse.stories.neardup import NearDuplicates


def test_a_lightly_edited_copy_is_found_and_another_report_is_not(seed_articles: list[Article]) -> None:
    original, other = seed_articles[0], seed_articles[1]
    paragraphs = original.paragraph_texts()
    copy = "\n\n".join(["Updated with a new first line.", *paragraphs[:-1]])
    index = NearDuplicates()
    index.add(0, index.sketch(original.text))
    assert index.match(index.sketch(copy)) == 0
    assert index.match(index.sketch(other.text)) is None


def test_a_text_too_short_to_sketch_matches_nothing() -> None:
    index = NearDuplicates()
    assert index.sketch("Kim meets Xi in Beijing.") is None
    assert index.match(None) is None
