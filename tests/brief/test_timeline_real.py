"""The brief's timeline on real ECB+ stories: only deeds that happened, on days the articles can give."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsfuse.brief.timeline import curate_timeline
from newsfuse.clean import Cleaner
from newsfuse.evaluation.audit import AUDIT_FILES, ecb_stories, load_expectations
from newsfuse.evaluation.stories import read_document
from newsfuse.extract import Extractor
from newsfuse.extract.date_patterns import find_expressions
from newsfuse.models import Failure, RawDocument, TimelineEntry
from newsfuse.provenance import trace
from tests.conftest import EVAL, REPO, need

AUDIT = REPO / "evaluation" / "audit" / AUDIT_FILES["ecbplus-dev"]


@pytest.fixture(scope="module")
def timelines() -> dict[str, tuple[TimelineEntry, ...]]:
    need(EVAL / "ecbplus-dev")
    wanted = {"2_ecbplus", "9_ecbplus", "10_ecbplus"}
    stories = ecb_stories([e for e in load_expectations(AUDIT) if e.id in wanted], EVAL / "ecbplus-dev")
    extractor = Extractor()
    found = {}
    for story in stories:
        facts = extractor.extract(story.articles, independence=trace(story.articles).source_keys())
        found[story.expected.id] = curate_timeline(facts.timeline, facts.dates, story.articles)
    return found


def test_a_weekday_written_before_a_full_date_is_that_date(timelines: dict[str, tuple[TimelineEntry, ...]]) -> None:
    # "broadcast live on Oscar Sunday, March 2, 2014": the Sunday is 2 March 2014, not the Sunday
    # after the August announcement.
    broadcast = [e for e in timelines["2_ecbplus"] if "broadcast live" in e.event]
    assert broadcast and {e.date for e in broadcast} == {date(2014, 3, 2)}
    (found,) = [e for e in find_expressions("It airs on Oscar Sunday, March 2, 2014, on ABC.") if e.rule == "full"]
    assert found.text == "Sunday, March 2, 2014"


def test_a_past_deed_is_never_dated_after_its_report(timelines: dict[str, tuple[TimelineEntry, ...]]) -> None:
    # An August 2013 article on the 2001 Emmys "twice delayed because of the September 11 attacks":
    # the year-less date read as the coming September cannot date something already past.
    assert not [e for e in timelines["2_ecbplus"] if e.date == date(2013, 9, 11)]
    assert all("to head the Academy" not in e.event for e in timelines["2_ecbplus"])  # an infinitive is no event


def test_what_did_not_happen_is_no_event(timelines: dict[str, tuple[TimelineEntry, ...]]) -> None:
    # "No member of the team's front office would add comment ... last night"
    assert all("would add comment" not in e.event for e in timelines["10_ecbplus"])
    assert any("withdrew" in e.event for e in timelines["10_ecbplus"])


def test_a_weekday_guessed_from_the_story_window_stays_out(timelines: dict[str, tuple[TimelineEntry, ...]]) -> None:
    # An undated article's "Obama also helped celebrate the 160th anniversary ... on Tuesday": the
    # Tuesday is read against the story's window (the April ruling), but the visit was in March.
    assert all("160th anniversary" not in e.event for e in timelines["9_ecbplus"])


def test_a_date_on_one_of_several_coordinated_things_dates_that_thing_alone() -> None:
    # "Then came the anger: a Monday evening vigil ...; a second protest the next night; and another
    # on Wednesday night": Wednesday dates the third protest, never the Monday vigil's clause.
    vigil = [e for e in _events("19_7ecbplus") if "vigil marred" in e.event]
    assert vigil and {e.date for e in vigil} == {date(2013, 3, 11)}


def test_a_clause_left_without_its_subject_or_article_is_no_event() -> None:
    # "He has been denied bail and will appear at Taunton Deane Magistrates Court tomorrow morning";
    # "since January was a “failure” of the system" (the quoted word taken out leaves "a of").
    assert not [e for e in _events("14_9ecbplus") if e.event.startswith("will appear")]
    assert not [e for e in _events("16_7ecbplus") if " a of " in e.event]
    assert [e for e in _events("14_9ecbplus")]  # the article's other events stay


def _events(name: str) -> tuple[TimelineEntry, ...]:
    path = Path(need(EVAL / "ecbplus-dev")) / "ECB+" / name.split("_")[0] / f"{name}.xml"
    raw = RawDocument(origin=f"{name}.txt", content=read_document(path), format="text")
    articles = [a for a in Cleaner().clean_batch([raw]) if not isinstance(a, Failure)]
    return Extractor().extract(articles, independence=trace(articles).source_keys()).timeline


def test_a_habit_or_a_relative_clause_cut_from_its_noun_is_no_event() -> None:
    # "The climbing season generally starts about late October"; "an ex-boxer whose lengthy string
    # of victories over prosecutors ended with a July 1997 racketeering conviction".
    assert not [e for e in _events("23_8ecbplus") if "generally starts" in e.event]
    assert not [e for e in _events("26_9ecbplus") if e.event.startswith("whose")]


# The cases below were found on the draw sample of issue 22d (ECB+ documents 9-16 of odd topics); see
# the note for the sample read after them.


def test_a_date_that_bounds_a_state_or_counts_from_an_undated_event_dates_nothing() -> None:
    # "Until last December, developers had been required ... to get approval": how long, not when.
    assert not [e for e in _events("9_11ecbplus") if "had been required" in e.event]
    # "arrested for investigation of DUI on Jan. 6, five days before San Diego's playoff loss": the
    # five days count from a game no date here gives; only Jan. 6 dates the arrest.
    arrest = [e for e in _events("35_10ecbplus") if "arrested for investigation of DUI" in e.event]
    assert arrest and {e.date for e in arrest} == {date(2009, 1, 6)}


def test_a_clause_without_its_own_subject_is_no_event() -> None:
    # "the top-seeded Bluejays defeated Drake": the parser hangs the Bluejays on "leader", and the
    # clause left reads "defeated Drake 65 - 53 ..."; "a convicted rapist recaptured last month".
    assert not [e for e in _events("31_11ecbplus") if e.event.startswith("defeated")]
    assert not [e for e in _events("3_11ecbplus") if e.event.startswith("recaptured")]


def test_a_condition_or_a_present_state_is_no_event() -> None:
    # "If the Saints beat Seattle and Philadelphia beats Green Bay, the Falcons will face the Saints";
    # "Today there are 1,009 species in the United States listed as endangered".
    assert not [e for e in _events("25_14ecbplus") if "Falcons will face" in e.event]
    assert not [e for e in _events("9_12ecbplus") if "species" in e.event and "there are" in e.event]


def test_taking_quoted_words_out_leaves_no_broken_clause() -> None:
    # "dealing with Bush-era “rules which raise ...”", "the so-called “medical conscience” rule",
    # "“... a total loss,” Palmer Public Safety Director Jon Owen said at the site of the fire Tuesday".
    events = [e.event for name in ("9_13ecbplus", "13_9ecbplus") for e in _events(name)]
    assert events
    assert not [e for e in events if e.endswith("era") or "so - called rule" in e or e.endswith("site of the fire")]


def test_a_long_event_keeps_what_restricts_it_and_reads_in_order() -> None:
    # Before: "... to international organizations that provide or promote" and "... Act, which
    # governs": cut at 24 words. Now a phrase set off by a comma goes whole, or the clause stays whole.
    events = [e.event for e in _events("9_11ecbplus") + _events("9_13ecbplus")]
    assert not [e for e in events if e.endswith(("provide or promote", "which governs"))]
    assert any(e.endswith("organizations that provide or promote abortions") for e in events)
    # "a gun that he later used to escape", "that" parsed as the object of "escape".
    texts = [e.event for e in _events("3_11ecbplus")]
    assert any("a gun that he later used to escape" in e for e in texts)
