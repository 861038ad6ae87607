"""The quick read on real stories: it opens on the main event, and no line leans on one before it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsfuse.clean import Cleaner
from newsfuse.evaluation.audit import ecb_stories, load_expectations
from newsfuse.evaluation.stories import read_document
from newsfuse.evaluation.summaries import parse_line
from newsfuse.models import Failure, RawDocument
from newsfuse.models.brief import Brief
from newsfuse.service import Newsfuse
from tests.brief.conftest import ecb_brief
from tests.conftest import EVAL, need


def _brief(number: int) -> Brief:
    lines = need(EVAL / "neus-val" / "val.source").read_text(encoding="utf-8").splitlines()
    return Newsfuse().brief_story(str(number), parse_line(lines[number - 1], number))


def test_a_story_told_in_the_future_tense_still_opens_on_its_event() -> None:
    # Every report of Canada's 2019 election reads as the future ("Trudeau will remain in power but
    # voters reduced his Liberal Party to a minority"); the first bullet must still be that result,
    # not the popular-vote detail.
    first = _brief(47).sections.quick_read[0].text
    assert "Trudeau" in first and "power" in first


@pytest.mark.parametrize(
    ("number", "deed", "opening"),
    [
        # 103: an analysis opens on a state ("Gary D. Cohn is a Democrat, but his resignation ...
        # underscored ..."); another outlet's lead reports the resignation the headlines name.
        (103, "resigned", "Gary D. Cohn is a Democrat"),
        # 227: a lead on a state ("Michael Cohen ... is under federal investigation ...") beside
        # leads that report what was done: Trump's attack on Mueller hours after the raid.
        (227, "raided", "Michael Cohen, the longtime"),
    ],
)
def test_the_quick_read_opens_on_a_lead_that_reports_the_headlines_deed(number: int, deed: str, opening: str) -> None:
    first = _brief(number).sections.quick_read[0].text
    assert deed in first and not first.startswith(opening)


def test_a_deck_is_no_brief_line() -> None:
    # Story 281's first article is only its deck, printed under the headline in headline grammar
    # ("Order to State Department to hold off on spending jibes with president's call for an early
    # exit."): no finite verb, no article; it is no sentence of reporting.
    brief = _brief(281)
    lines = [s.text for _, sentences in brief.sections.items() for s in sentences]
    assert brief.error is None and not [t for t in lines if t.startswith("Order to State Department")]


@pytest.mark.parametrize("number", [141])
def test_no_line_opens_on_a_bare_demonstrative(number: int) -> None:
    # "Amid that, Texas will gain two seats ...": amid what?
    brief = _brief(number)
    lines = [s.text for _, sentences in brief.sections.items() for s in sentences]
    assert lines and not [t for t in lines if t.startswith(("Amid that", "Amid this"))]


def test_a_line_without_a_full_stop_is_no_sentence() -> None:
    # Story 199's second article is only its deck ("California governor, Republican president square
    # off on wall, forest management"): a headline, not a line of reporting.
    brief = _brief(199)
    lines = [s.text for _, sentences in brief.sections.items() for s in sentences]
    assert lines and all(t.rstrip()[-1] in ".!?…”\"')" for t in lines)


def test_the_writers_own_voice_is_no_reporting() -> None:
    # Story 33's third article is an essay ("We don't know where the virus came from"): what it says
    # is the writer's view and never stands as what happened.
    brief = _brief(33)
    reporting = [s.text for s in (*brief.sections.quick_read, *brief.sections.what_happened)]
    assert reporting and not [t for t in reporting if t.startswith(("We ", "We’", "I "))]
    assert not [t for t in reporting if "key characteristic of the crisis" in t]


@pytest.mark.parametrize("number", [137, 207])
def test_a_line_that_speaks_to_the_reader_is_no_report(number: int) -> None:
    # 137: "If you vehemently disagree with DeVos' decision, here's how to argue about Title IX."
    # 207: an anchor's question printed without quotation marks ("You said that you thought ...").
    brief = _brief(number)
    lines = [s.text for _, sentences in brief.sections.items() for s in sentences]
    assert lines and not [t for t in lines if re.search(r"\b(?:you|your)\b", t, re.IGNORECASE) and "“" not in t]


def test_no_line_is_a_reason_or_a_consequence_of_the_line_before() -> None:
    # Story 281, an opinion piece: "Because Obama's withdrawal led to the increasing influence of
    # Iran ..." answers a question in the sentence before; "In turn, these policies helped ...".
    # (Its other articles give a deck and a line opening on "That": the brief may hold no line.)
    brief = _brief(281)
    lines = [s.text for _, sentences in brief.sections.items() for s in sentences]
    assert brief.error is None and not [t for t in lines if t.startswith(("Because Obama", "In turn,"))]


@pytest.mark.parametrize(("number", "opening"), [(13, "After all,"), (97, "Politico reported, citing")])
def test_no_line_is_a_bare_attribution_or_an_aside_on_the_line_before(number: int, opening: str) -> None:
    # 13: "After all, he faced allegations ..."; 97: '... atmosphere." Politico reported, citing
    # interviews with 22 current and former aides.' (what Politico reported is the sentence before).
    lines = [s.text for _, sentences in _brief(number).sections.items() for s in sentences]
    assert lines and not [t for t in lines if t.startswith(opening)]


def _ecb_brief(topic: int) -> Brief:
    """The brief of an ECB+ topic's original documents 9-16."""
    folder = need(EVAL / "ecbplus-dev") / "ECB+" / str(topic)
    files = sorted(folder.glob("*ecb.xml"))[8:16]
    raws = [RawDocument(origin=f"{f.stem}.txt", content=read_document(f), format="text") for f in files]
    articles = [a for a in Cleaner().clean_batch(raws) if not isinstance(a, Failure)]
    return Newsfuse().brief_story(str(topic), articles)


def test_no_line_opens_on_an_ordinal_or_a_repetition() -> None:
    # ECB+ topic 29 (a Colts win over the Jaguars): "First, Keiwan Ratliff fooled David Garrard ..."
    # and "Again, the Jaguars couldn't come up with the play": first of what, again after what?
    lines = [s.text for _, sentences in _ecb_brief(29).sections.items() for s in sentences]
    assert lines and not [t for t in lines if t.startswith(("First,", "Again,"))]


def test_no_line_ends_on_a_bare_demonstrative() -> None:
    # ECB+ topic 27 (an Internet Explorer patch): "The Webcast will be available on demand after that."
    lines = [s.text for _, sentences in _ecb_brief(27).sections.items() for s in sentences]
    assert lines and not [t for t in lines if t.endswith("after that.")]


def test_a_deck_in_headline_grammar_is_no_brief_line() -> None:
    # ECB+ topic 29: "Late sacks, too much Manning give Colts comeback win." stands under its
    # headline; a present verb for a past game and a singular noun without its article ("win").
    lines = [s.text for _, sentences in _ecb_brief(29).sections.items() for s in sentences]
    assert lines and not [t for t in lines if t.startswith("Late sacks")]


def test_what_is_next_is_neither_a_player_named_will_nor_a_plan_of_a_year_gone() -> None:
    # ECB+ 31: "Will Artino scored 14 points off the bench" is a game report, not a plan.
    nexts = [s.text for s in ecb_brief(31).sections.whats_next]
    assert not [t for t in nexts if t.startswith("Will ")]
    # ECB+ 33 (reports of 2013): "Zurana Horton was planning to marry her boyfriend on Valentine's Day
    # in 2012" tells a plan her killing ended a year before.
    nexts = [s.text for s in ecb_brief(33).sections.whats_next]
    assert not [t for t in nexts if "2012" in t]


def test_a_person_told_only_by_age_or_birthplace_is_no_line_of_its_own() -> None:
    # ECB+ 23 (two climbers killed on Mount Cook): "The New Zealand - born Australian was planning to
    # do some ski touring." Which of the two? The article named him in a sentence the brief leaves out.
    brief = ecb_brief(23)
    lines = [s.text for _, sentences in brief.sections.items() for s in sentences]
    assert lines and not [t for t in lines if re.match(r"The [\w ]+ - born", t)]


def test_a_call_to_act_on_the_page_is_no_line() -> None:
    # NeuS story 301 opened its quick read on "Watch the full 60 Minutes interview with Andrew McCabe."
    lines = [s.text for _, sentences in _brief(301).sections.items() for s in sentences]
    assert lines and not [t for t in lines if t.startswith("Watch ")]


@pytest.mark.parametrize(("topic", "opening"), [(13, "Three years after that"), (19, "By the end")])
def test_no_line_counts_time_from_what_it_does_not_tell(topic: int, opening: str) -> None:
    # ECB+ 13: "Three years after that, the state established The Creamery Corporation ...";
    # ECB+ 19: "By the end an officer's face and the window of a police van had been hit with bricks".
    lines = [s.text for _, sentences in ecb_brief(topic).sections.items() for s in sentences]
    assert lines and not [t for t in lines if t.startswith(opening)]


def test_no_line_counts_minutes_from_a_deed_it_does_not_tell() -> None:
    # ECB 3: "Minutes later, he shot Barnes in the back of the head ..." (later than what? which he?)
    lines = [s.text for _, sentences in ecb_brief(3, "ecb").sections.items() for s in sentences]
    assert lines and not [t for t in lines if t.startswith("Minutes later")]


def test_the_main_event_is_sought_in_every_lead_not_only_the_placed_lines() -> None:
    # The audit's ECB+ 20 (documents 1-8, read as the audit reads them): the fullest lead ("A
    # powerful earthquake hit southern Iran ..., killing 10 people") names a disputed toll, and the
    # lead left ("... shook ... southern Iran on Sunday, flattening seven villages and killing 10
    # people") lost its line in what happened to detail; the quick read opened on "Iran's
    # seismologic center said the epicenter was in the waters of the Persian Gulf ...".
    audit = Path(__file__).resolve().parents[2] / "evaluation" / "audit" / "ecbplus-dev.json"
    expected = [e for e in load_expectations(audit) if e.id == "20_ecbplus"]
    (story,) = ecb_stories(expected, need(EVAL / "ecbplus-dev"))
    first = Newsfuse().brief_story("20", story.articles).sections.quick_read[0].text
    assert "earthquake" in first and "killing" in first and "epicenter" not in first
