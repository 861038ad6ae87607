"""A quote's speaker is shown only where an article makes it certain; otherwise it is unattributed."""

from __future__ import annotations

import pytest

from newsfuse.brief.speakers import certain_speakers
from newsfuse.extract import Extractor
from newsfuse.models import Article, join_paragraphs
from newsfuse.models.facts import Quote

# Written for these tests.
PARAGRAPHS = [
    "Harbour master Tomas Reyes closed the quay on Friday after the tide gauge failed.",
    "“The gauge has not been replaced since 1998,” Reyes said.",
    "When Reyes met Lina Okafor on Saturday, he had called the repairs “a matter of weeks at most”.",
    "Okafor, who runs a bakery on the quay, spoke to reporters after the meeting.",
    "“We have lost a whole week of trade and nobody has told us why,” she said.",
    "“The council will pay for every day the quay stays shut,” an official said.",
]


@pytest.fixture(scope="module")
def quotes() -> dict[str, Quote]:
    text, paragraphs = join_paragraphs(PARAGRAPHS)
    article = Article(id="quay", text=text, paragraphs=paragraphs)
    facts = Extractor().extract([article])
    return {q.text: q for q in certain_speakers(facts.quotes, facts, [article])}


def _speaker(quotes: dict[str, Quote], words: str) -> str | None:
    return next(q.speaker for text, q in quotes.items() if words in text)


def test_a_speaker_named_at_the_quote_is_shown(quotes: dict[str, Quote]) -> None:
    assert _speaker(quotes, "not been replaced") == "Tomas Reyes"


def test_a_pronoun_whose_person_is_the_subject_before_it_is_resolved(quotes: dict[str, Quote]) -> None:
    assert _speaker(quotes, "lost a whole week") == "Lina Okafor"


def test_a_pronoun_with_two_people_before_it_is_left_unattributed(quotes: dict[str, Quote]) -> None:
    """ "When Reyes met Okafor, he had called ...": he could be either; the brief does not guess."""
    assert _speaker(quotes, "matter of weeks") is None


def test_a_description_names_nobody(quotes: dict[str, Quote]) -> None:
    assert _speaker(quotes, "every day the quay") is None
