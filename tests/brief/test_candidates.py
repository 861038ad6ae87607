"""Candidate sentences stand alone: a sentence that refers back to a person gets the person's full name."""

from __future__ import annotations

from newsfuse.brief.candidates import collect
from newsfuse.models import Article, join_paragraphs

# Written for these tests.
PARAGRAPHS = [
    "Lina Okafor was closing her bakery on Dock Street when the water reached the door.",
    "The river rose two metres in an hour, said Okafor, who has run the shop since 2009.",
    "Okafor was one of about 300 traders moved out of the old harbour district on Friday night.",
    "Police closed the bridge to traffic shortly before midnight, the city council said.",
]


def _article() -> Article:
    text, paragraphs = join_paragraphs(PARAGRAPHS)
    return Article(id="flood", text=text, paragraphs=paragraphs)


def test_a_sentence_opening_on_a_surname_gets_the_full_name_and_cites_it() -> None:
    article = _article()
    candidate = next(c for c in collect([article]) if "300 traders" in c.text)
    assert candidate.text == "Lina Okafor" + PARAGRAPHS[2][len("Okafor") :]
    assert article.excerpt(candidate.span) == PARAGRAPHS[2]  # the span is still the source's own words
    (named,) = candidate.extra_spans
    assert article.excerpt(named) == "Lina Okafor"


def test_a_common_word_opening_a_sentence_is_left_alone() -> None:
    candidate = next(c for c in collect([_article()]) if "bridge" in c.text)
    assert candidate.text == PARAGRAPHS[3]
    assert candidate.extra_spans == ()
