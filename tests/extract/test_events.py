"""Timeline events read as whole clauses: the date and what only it held are left out, and nothing dangles."""

from __future__ import annotations

import re
from datetime import date

import pytest

from newsfuse.extract import Extractor
from newsfuse.models import Article, StoryFacts, join_paragraphs

# Written for these tests: reports of an invented flood, published on Saturday 14 March 2026.
PUBLISHED = date(2026, 3, 14)
CLOSED = (
    "Schools across Dunmore province will stay closed for two days, on Monday and Tuesday, "
    "while buildings are checked."
)
CONTROL = "The fire at the Ostrand depot was brought under control by late Thursday morning."
EARLY = "Crews from three towns brought the flood barrier back into service early on Friday."
LONG = (
    "The river rose above its banks near Carrow at about 6 p.m. on Friday, with water reaching 1.8 metres "
    "on the quay at the old harbour mouth, according to the Dunmore River Authority."
)
# A word a clause never ends on: a conjunction, an article, or the first word of a multiword preposition.
_OPEN_END = re.compile(r"\b(?:and|or|but|the|a|an|according|such)$", re.IGNORECASE)


def _article(article_id: str, *paragraphs: str) -> Article:
    text, spans = join_paragraphs(list(paragraphs))
    return Article(id=article_id, text=text, paragraphs=spans, published=PUBLISHED)


@pytest.fixture(scope="module")
def flood(extractor: Extractor) -> StoryFacts:
    return extractor.extract([_article("flood", CLOSED, CONTROL, EARLY, LONG)])


def _events_on(facts: StoryFacts, day: date) -> list[str]:
    return [e.event for e in facts.timeline if e.date == day]


def test_coordinated_days_leave_no_dangling_conjunction(flood: StoryFacts) -> None:
    for day in (date(2026, 3, 16), date(2026, 3, 17)):
        assert "Schools across Dunmore province will stay closed for two days" in _events_on(flood, day)


def test_a_date_after_by_or_early_on_goes_with_its_preposition(flood: StoryFacts) -> None:
    assert "The fire at the Ostrand depot was brought under control" in _events_on(flood, date(2026, 3, 12))
    assert "Crews from three towns brought the flood barrier back into service" in _events_on(flood, date(2026, 3, 13))


def test_a_long_event_loses_a_whole_phrase_set_off_by_a_comma(flood: StoryFacts) -> None:
    (river,) = [e for e in _events_on(flood, date(2026, 3, 13)) if e.startswith("The river")]
    # The 24th word falls inside ", with water reaching ... at the old harbour mouth": that phrase,
    # set off by its comma, goes whole; nothing is cut mid-phrase.
    assert river == (
        "The river rose above its banks near Carrow at about 6 p.m. according to the Dunmore River Authority"
    )


def test_an_original_report_words_the_entry_before_a_translation_or_a_preview(extractor: Extractor) -> None:
    original = _article("original", "The Carrow bridge reopened to traffic on Friday after engineers checked it.")
    translated = _article(
        "translated", "The bridge of Carrow was reopened to the circulation on Friday after the checks."
    )
    preview = _article("preview", "The Carrow bridge is expected to reopen to traffic on Friday after checks.")
    facts = extractor.extract([translated, preview, original], translated=frozenset({"translated"}))
    entry = next(e for e in facts.timeline if e.date == date(2026, 3, 13) and "original" in e.articles)
    assert entry.event.startswith("The Carrow bridge reopened to traffic")


def test_no_timeline_event_of_the_seeds_or_the_sample_corpus_ends_open(
    seed_facts: StoryFacts, corpus: dict[str, tuple[StoryFacts, dict[str, str]]]
) -> None:
    timelines = [seed_facts.timeline, *(facts.timeline for facts, _ in corpus.values())]
    open_ended = [e.event for timeline in timelines for e in timeline if _OPEN_END.search(e.event)]
    assert open_ended == []


def test_a_date_read_as_the_verbs_object_stays_in_the_clause(extractor: Extractor) -> None:
    # "spent Friday night": the night is what was spent; without it the clause breaks.
    night = "The evacuated families spent Friday night in the sports hall at Carrow."
    facts = extractor.extract([_article("night", night)])
    [event] = _events_on(facts, date(2026, 3, 13))
    assert event.endswith("spent Friday night in the sports hall at Carrow")
