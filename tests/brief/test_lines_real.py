"""Brief lines on real documents: a sentence that only credits a speaker carries no claim, a plan
told in the past is not what comes next, a time told against the sentence before does not stand
alone, and a lead that reports an announcement tells what happened."""

from __future__ import annotations

import json
import re
from pathlib import Path

from newsfuse.brief.candidates import collect
from newsfuse.brief.clutter import clutter
from newsfuse.brief.compress import trim
from newsfuse.brief.sections import place
from newsfuse.clean import Cleaner
from newsfuse.evaluation.stories import as_written, read_document
from newsfuse.evaluation.summaries import parse_line
from newsfuse.models import Article, Failure, RawDocument
from newsfuse.service import Newsfuse
from newsfuse.text.sentences import split_sentences
from tests.conftest import EVAL, need, polnear_titled


def _ecb_document(name: str) -> Article:
    topic = name.split("_", 1)[0]
    path = need(EVAL / "ecbplus-dev") / "ECB+" / topic / f"{name}.xml"
    text = "\n\n".join(as_written(part) for part in read_document(Path(path)).split("\n\n"))
    (article,) = Cleaner().clean_batch([RawDocument(origin=f"{name}.txt", content=text, format="text")])
    assert not isinstance(article, Failure)
    return article


def _sentence(article: Article, words: str) -> str:
    return next(s.text for s in split_sentences(article.text) if words in s.text)


def test_a_sentence_that_only_credits_a_speaker_is_no_brief_line() -> None:
    # ECB+ writes the tokeniser's break after "Const." as a paragraph: "... man,” Vancouver police
    # Const. / Tim Fanning told a news conference." The second half says only who spoke, to whom.
    article = _ecb_document("18_14ecb")
    texts = [c.text for c in collect([article])]
    assert "Tim Fanning told a news conference." in article.text
    assert not any(t.endswith("told a news conference.") for t in texts)
    assert any("no one else was injured" in t for t in texts)  # a credited claim stays


def test_a_plan_told_in_the_past_is_what_happened_and_one_in_the_present_is_next() -> None:
    # "were planning to hold an office party upstairs when someone heard shots fired": the shooting
    # overtook the plan.
    past = _sentence(_ecb_document("18_9ecb"), "were planning to hold an office party")
    assert place(past).section != "whats_next"
    line = need(EVAL / "neus-val" / "val.source").read_text(encoding="utf-8").splitlines()[115]
    ahead = next(
        s.text for a in parse_line(line, 116) for s in split_sentences(a.text) if "is planning to dispatch" in s.text
    )
    assert place(ahead).section == "whats_next"


def test_an_outlet_glued_to_the_first_word_gets_its_space_and_the_dateline_is_cut() -> None:
    # NeuS 160: "Washington (CNN)Sen. Rand Paul of Kentucky expressed frustration ..." (fresh reading
    # I); NeuS 200's "(CNN)The United States" was read as a place named "CNN)The United States".
    lines = need(EVAL / "neus-val" / "val.source").read_text(encoding="utf-8").splitlines()
    assert parse_line(lines[199], 200)[0].text.startswith("(CNN) The United States is reporting")
    first = next(s.text for a in parse_line(lines[159], 160) for s in split_sentences(a.text) if "(CNN) Sen." in s.text)
    kept = trim(first).text
    assert kept.startswith("Sen. Rand Paul of Kentucky expressed frustration")
    assert kept.endswith("sources with knowledge of the situation said.")  # the claim's own credit stays


def test_a_closing_parenthesis_that_dates_the_claim_stays() -> None:
    # fundus-eval's New Yorker listings close each item on the day it happens ("... Young Fathers
    # (April 4) ..."); a closing "(file photo)" or "(AP)" is still cut.
    pages = json.loads(need(EVAL / "fundus-eval" / "ground_truth.json").read_text(encoding="utf-8"))
    body = json.dumps(pages["TheNewYorker_4.html.gz"]["body"], ensure_ascii=False)
    listing = re.search(r"The Brooklyn native L’Rain[^.]*\(May 9\)\.", body)
    assert listing is not None
    assert trim(listing.group()).text == listing.group()
    assert trim("He was arrested outside his home in Dover on Monday night (AP).").text.endswith("Monday night.")


def _neus(number: int) -> list[Article]:
    lines = need(EVAL / "neus-val" / "val.source").read_text(encoding="utf-8").splitlines()
    return parse_line(lines[number - 1], number)


def test_a_time_told_against_the_sentence_before_is_no_line() -> None:
    # ECB+ 9_9ecbplus: "Previously, federal agencies were required to consult ..." means before the
    # Bush rule the sentence before names; read alone under "Obama revoked the rule" it says the
    # opposite (fresh reading J).
    article = _ecb_document("9_9ecbplus")
    texts = [c.text for c in collect([article])]
    assert "Previously, federal agencies were required" in article.text
    assert not any(t.startswith("Previously,") for t in texts)
    assert any(t.startswith("In a letter, the scientists urged") for t in texts)


def test_a_lead_reporting_a_plan_after_its_clause_tells_what_happened() -> None:
    # NeuS 116: "The administration will send about 800 troops ..., a defense official confirmed
    # Thursday": the confirmation is the news, as it is when the credit comes first. NeuS 96: a verb
    # of saying inside what is to come ("is set to testify on Tuesday that he told ...") reports nothing.
    sent = next(s.text for a in _neus(116) for s in split_sentences(a.text) if "a defense official confirmed" in s.text)
    assert place(sent, lead=True).section == "what_happened"
    testify = next(s.text for a in _neus(96) for s in split_sentences(a.text) if "is set to testify" in s.text)
    assert place(testify, lead=True).section == "whats_next"


def test_a_quotation_trailing_a_leads_deed_backs_it() -> None:
    # NeuS 123: "... announced he plans to nominate Rep. Tom Price ..., saying Mr. Price has earned a
    # reputation for being a “tireless problem solver” and “the go-to expert ...”" was a perspective,
    # and the brief had no lede at all.
    brief = Newsfuse().brief_story("neus-123", _neus(123))
    told = [s.text for s in (*brief.lede, *brief.sections.what_happened)]
    assert any("announced he plans to nominate Rep. Tom Price" in t for t in told)
    graham = next(s.text for a in _neus(74) for s in split_sentences(a.text) if "Lindsey Graham" in s.text)
    assert place(graham, lead=True).section == "perspectives"  # a line made of quotations stays a view


def test_a_column_neither_heads_a_story_nor_stands_for_its_report() -> None:
    # NeuS 116: the only article not a preview was a column on the migrant caravan; its title headed
    # the story and its presence marked the story reported, so the Pentagon's plan was dropped as
    # superseded and the brief had no line.
    brief = Newsfuse().brief_story("neus-116", _neus(116))
    assert brief.headline and not brief.headline.startswith("Migrant caravan: Mattis")
    shown = [s.text for s in (*brief.lede, *brief.sections.what_happened, *brief.sections.whats_next)]
    assert any("800 troops" in t for t in shown)


def test_a_heading_run_into_a_line_and_a_verbless_deck_are_no_lines() -> None:
    # PolNeAR dev, a New York Times feature on the United Nations (fresh reading J): its subheads ran
    # into their first sentences ("Individual Rights Trumped by National Interests: The Human Rights
    # Council is ...") and its deck has no verb ("An assessment of the organization's performance
    # on refugees, ..."); both stood in what happened.
    article = polnear_titled("dev", "Examining the U.N.")
    texts = [c.text for c in collect([article])]
    assert not any(":" in t.split(".")[0] and t.startswith(("Individual Rights", "Veto Power")) for t in texts)
    assert clutter("Former AG Mukasey at RNC: Clinton email scandal disqualifies her for presidency.")
    assert not clutter(
        "Sen. Lindsey Graham: “Anything short” of Russia collusion will probably “fall into partisan camps.”"
    )
    brief = Newsfuse().brief_story("un", [article])
    shown = [s.text for s in (*brief.lede, *brief.sections.quick_read, *brief.sections.what_happened)]
    assert shown and not any(t.startswith("An assessment of the organization") for t in shown)


def test_a_lead_with_a_later_time_but_a_deed_done_tells_what_happened() -> None:
    # NeuS 230: "Special counsel Robert Mueller's team has accused ... Manafort of tampering with
    # witnesses in his upcoming Washington, D.C., criminal trial": the accusation is the news.
    lead = next(s.text for a in _neus(230) for s in split_sentences(a.text) if "has accused former Trump" in s.text)
    assert place(lead, lead=True).section == "what_happened"
    assert place(lead).section == "whats_next"  # in the body, the trial to come is the cue it was
