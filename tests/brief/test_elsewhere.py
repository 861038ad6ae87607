"""A person one article names by surname alone is named in full as another article of the story
writes them, cited there, and only where the story names one person of that surname in full."""

from __future__ import annotations

import re

import pytest

from newsfuse.brief.builder import named_people
from newsfuse.brief.candidates import Candidate, collect
from newsfuse.brief.verify import check_sentence
from newsfuse.extract import Extractor
from newsfuse.models import Article, Span, join_paragraphs
from newsfuse.models.brief import CitedSentence

# Written for these tests: a first report names the people in full, a second day's report only by
# surname; a third report names a councillor who shares the baker's surname.
FIRST = [
    "Lina Okafor was closing her bakery on Dock Street when the water reached the door on Friday.",
    "Harbour master Tomas Reyes said the tide gauge failed at nine o'clock on Friday evening.",
]
SECOND = [
    "The river rose two metres in an hour, said Okafor, who has run the shop since 2009.",
    "Okafor was one of about 300 traders moved out of the old harbour district on Friday night.",
    "Reyes said a new gauge would be fitted before the spring tides arrive next month.",
]
THIRD = ["Dele Okafor, a city councillor, said the district would stay closed until Monday at the earliest."]


def _article(article_id: str, paragraphs: list[str]) -> Article:
    text, spans = join_paragraphs(paragraphs)
    return Article(id=article_id, text=text, paragraphs=spans)


def _collect(articles: list[Article]) -> list[Candidate]:
    return collect(articles, named_people(Extractor().extract(articles).entities))


def _one(candidates: list[Candidate], words: str) -> Candidate:
    return next(c for c in candidates if words in c.text)


@pytest.fixture(scope="module")
def story() -> list[Article]:
    return [_article("first", FIRST), _article("second", SECOND)]


@pytest.fixture(scope="module")
def candidates(story: list[Article]) -> list[Candidate]:
    return _collect(story)


def test_a_surname_takes_the_full_name_another_article_writes_and_cites_it(
    story: list[Article], candidates: list[Candidate]
) -> None:
    said = _one(candidates, "The river rose two metres")
    assert said.text == SECOND[0]  # ranked as written
    assert said.shown == SECOND[0].replace("said Okafor", "said Lina Okafor")
    assert said.shown_spans == (Span("first", 0, len("Lina Okafor")),)
    # At the opening too, where the line's own article has no full name for the opening's rule.
    opening = _one(candidates, "300 traders")
    assert opening.text == SECOND[1]
    assert opening.shown == "Lina " + SECOND[1]
    assert opening.shown_spans == (Span("first", 0, len("Lina Okafor")),)


def test_the_verifier_passes_the_name_cited_and_fails_a_made_up_or_wrong_one(
    story: list[Article], candidates: list[Candidate]
) -> None:
    by_id = {a.id: a for a in story}
    for words in ("The river rose two metres", "300 traders", "new gauge"):
        line = _one(candidates, words)
        assert check_sentence(CitedSentence(line.shown, (line.span, *line.extra_spans, *line.shown_spans)), by_id) == ()
    said = _one(candidates, "The river rose two metres")
    cited = (said.span, *said.shown_spans)
    # A given name no article writes.
    assert check_sentence(CitedSentence(said.shown.replace("Lina Okafor", "Rosa Okafor"), cited), by_id)
    # The right name, but not cited where the other article writes it.
    assert check_sentence(CitedSentence(said.shown, (said.span,)), by_id)
    # Another person of the story, cited where the other article writes him, put for "Okafor".
    reyes = FIRST[1].index("Tomas Reyes") + len(FIRST[0]) + 2  # the joined text's paragraph break
    assert story[0].excerpt(Span("first", reyes, reyes + len("Tomas Reyes"))) == "Tomas Reyes"
    wrong = said.shown.replace("Lina Okafor", "Tomas Reyes")
    reasons = check_sentence(CitedSentence(wrong, (said.span, Span("first", reyes, reyes + 11))), by_id)
    assert any("where its source does not write that surname" in r for r in reasons)


def test_two_people_of_one_surname_in_the_story_leave_it_as_written(story: list[Article]) -> None:
    found = _collect([*story, _article("third", THIRD)])
    assert not _one(found, "The river rose two metres").shown
    assert not _one(found, "300 traders").shown
    assert _one(found, "new gauge").shown.startswith("Tomas Reyes said")  # nobody else is a Reyes


def test_a_real_second_article_names_obama_as_the_first_does() -> None:
    # PolNeAR train: The Washington Post's report of Sanders at the White House says only "Obama";
    # The Huffington Post's piece on the Iowa caucus names "Barack Obama". "Clinton" stays: the two
    # articles name both Hillary and Bill Clinton in full.
    from tests.conftest import polnear_titled

    report = polnear_titled("train", "Senator from Vermont steps off campaign trail")
    iowa = polnear_titled("train", "Here’s Why Winning Iowa")
    story = [iowa, report]
    found = [c for c in _collect(story) if c.article_id == report.id]
    met = _one(found, "has met previously with Clinton")
    assert met.shown == "Barack " + met.text
    (cited,) = met.shown_spans
    assert cited.article_id == iowa.id and iowa.excerpt(cited) == "Barack Obama"
    by_id = {a.id: a for a in story}
    assert check_sentence(CitedSentence(met.shown, (met.span, *met.shown_spans)), by_id) == ()
    for line in found:
        if line.shown:
            cited = (line.span, *line.extra_spans, *line.shown_spans)
            assert check_sentence(CitedSentence(line.shown, cited), by_id) == ()
            assert re.findall(r"\w+ Clinton", line.shown) == re.findall(r"\w+ Clinton", line.text)
