"""Weekdays of undated articles (ECB+ dev documents carry no date): independent sources that name
different weekdays for one event disagree, even where the story's window gave each a guessed day;
reports of one weekday, and weekdays of different events, do not."""

from __future__ import annotations

import pytest

from newsfuse.claims import ClaimAligner
from newsfuse.evaluation.conflicts import load_stories, story_conflicts
from newsfuse.extract import Extractor
from newsfuse.models import Article, Conflict, article_id, join_paragraphs
from tests.conftest import EVAL, need


@pytest.fixture(scope="module")
def stories() -> dict[str, tuple[Article, ...]]:
    return dict(load_stories(need(EVAL / "ecbplus-dev")))


def _weekday_conflicts(articles: tuple[Article, ...]) -> list[Conflict]:
    found = story_conflicts(articles, Extractor(), ClaimAligner())
    return [c for c in found if c.kind == "date" and all(s.value.endswith("day") for s in c.sides)]


def test_felt_died_on_friday_or_on_thursday(stories: dict[str, tuple[Article, ...]]) -> None:
    # ECB 28: "Mark Felt ... died on Friday" in one article, "Felt died Thursday" in the others. The
    # story's window (from "1972", "May 30, 2005") gave both a guessed day, so the timeline kept no
    # dispute; the weekdays still differ for one death.
    from newsfuse.service import Newsfuse

    articles = stories["28_ecb"]
    brief = Newsfuse().brief_story("28_ecb", articles)
    days = [c for c in brief.conflicts if c.status == "open" and c.kind == "date"]
    assert [{s.value for s in c.sides} for c in days] == [{"Thursday", "Friday"}]
    texts = {a.id: a.text for a in articles}
    evidence = {s.value: [texts[e.article_id][e.start : e.end] for e in s.evidence] for s in days[0].sides}
    assert any("died on Friday" in t for t in evidence["Friday"])
    assert any("Felt died Thursday" in t for t in evidence["Thursday"])
    # "He died at 12:45 p.m. on Thursday" names no one, but its article names Felt: it stands with its day.
    assert any(t.startswith("He died at 12:45 p.m. on Thursday") for t in evidence["Thursday"])
    told = [s.text for s in (*brief.sections.quick_read, *brief.sections.what_happened)]
    assert told and not [t for t in told if "died" in t and ("Thursday" in t or "Friday" in t)]


def test_one_weekday_told_by_many_is_no_dispute(stories: dict[str, tuple[Article, ...]]) -> None:
    # The same story less its one Friday: eight undated articles say Felt died Thursday.
    articles = tuple(a for a in stories["28_ecb"] if "died on Friday" not in a.text)
    assert len(articles) == len(stories["28_ecb"]) - 1
    assert [c for c in _weekday_conflicts(articles) if c.status == "open"] == []


@pytest.mark.parametrize("name", ["25_ecbplus", "23_ecbplus", "21_ecb"])
def test_weekdays_of_different_events_are_no_dispute(stories: dict[str, tuple[Article, ...]], name: str) -> None:
    # One verb, other parties: "the Saints signed DeShawn Wynn on Tuesday" and "signed rookie Joique
    # Bell" on Wednesday, Chris Ivory and Pierre Thomas placed on IR on Tuesday and Wednesday; Duncan
    # Rait died on Friday and Robert Buckley on Saturday. And forecasts of other steps: LaSalle "is
    # expected to face charges on Friday" and "expected to appear in court next Monday".
    assert [c for c in _weekday_conflicts(stories[name]) if c.status == "open"] == []


def _article(paragraphs: list[str], source: str) -> Article:
    text, spans = join_paragraphs(paragraphs)
    return Article(id=article_id(text, source=source), text=text, paragraphs=spans, source=source)


# Two undated reports of one check-in, worded apart so that neither reads as a copy of the other.
LATE = [
    "Singer Jane Doe checked into the Oak Clinic late Thursday, her lawyer said.",
    "The stay follows a court order.",
]
EARLY = [
    "Jane Doe checked into the Oak Clinic early Friday, shortly after midnight, according to people close to her.",
    "Her representatives declined to comment on the length of the treatment.",
]
TUESDAY = ["Jane Doe checked into the Oak Clinic on Tuesday, her publicist confirmed.", "Doe has struggled for years."]


def test_late_one_day_and_early_the_next_is_one_night() -> None:
    found = _weekday_conflicts((_article(LATE, "Herald"), _article(EARLY, "Courier")))
    assert [(c.status, {s.value for s in c.sides}) for c in found] == [("reconciled", {"Thursday", "Friday"})]


def test_days_apart_are_a_dispute() -> None:
    found = _weekday_conflicts((_article(EARLY, "Courier"), _article(TUESDAY, "Gazette")))
    assert [(c.status, {s.value for s in c.sides}) for c in found] == [("open", {"Friday", "Tuesday"})]
