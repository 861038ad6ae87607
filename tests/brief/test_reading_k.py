"""Fresh reading K (issue 22, session 11): lines read against their sources on ECB+ and PolNeAR.

Each case is the real line that misled, with a right line of the same story that must stay:
- a deed dated a week or more before its report is background, not what happened;
- a count of days from an event ("the day before his June 24, 2005 murder", "fired four days
  earlier") dates no timeline entry by the day it counts from;
- a sentence that serves the one before it (an example, "What's more,", "either argument", "During
  that time,") is shown in no section, nor is a writer's view;
- only a date of the sentence's main verb dates what it tells;
- a headline in the outlet's own voice ("must", the first person) marks an opinion piece.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from newsfuse.brief.candidates import collect
from newsfuse.brief.extractive import opinion_piece
from newsfuse.clean import Cleaner
from newsfuse.evaluation.summaries import parse_line
from newsfuse.extract import Extractor
from newsfuse.extract.leaning import leans
from newsfuse.extract.parsing import SpacyParser
from newsfuse.models import Article
from newsfuse.models.brief import Brief
from newsfuse.service import Newsfuse
from tests.brief.test_lines_real import _ecb_document
from tests.conftest import EVAL, need, polnear_document, polnear_titled


def _brief(*names: str) -> Brief:
    articles = [_ecb_document(name) for name in names]
    return Newsfuse().brief_story("k", articles)


def _reported(brief: Brief) -> list[str]:
    return [s.text for s in (*brief.lede, *brief.sections.quick_read, *brief.sections.what_happened)]


def test_an_earlier_heist_is_background_to_the_news() -> None:
    # ECB+ 24: a September report of a Paris ram-raid recalls "At the end of July, an armed man
    # carried out a robbery ... in Cannes"; it opened the lede as if it were the news.
    brief = _brief("24_9ecbplus", "24_10ecbplus", "24_11ecbplus")
    assert not any(t.startswith("At the end of July") for t in _reported(brief))
    assert any(s.text.startswith("At the end of July") for s in brief.sections.background)
    assert any("rammed" in t or "4x4" in t for t in _reported(brief))


def test_a_day_counted_from_an_event_does_not_date_the_entry() -> None:
    # ECB+ 16_9: "Ortiz was assigned to track Orozco down the day before his June 24, 2005 murder"
    # was dated June 24.
    brief = _brief("16_9ecbplus")
    assert not any("assigned to track" in e.event for e in brief.timeline)
    # ECB+ 18_10, written Wednesday: "A man fired four days earlier from his job ... walked into his
    # old office ..., a police sergeant said Wednesday": four days before the deed, not the writing.
    brief = _brief("18_10ecbplus")
    assert not any(e.date == date(2007, 4, 7) for e in brief.timeline)
    assert any(e.date == date(2007, 4, 9) for e in brief.timeline)  # Monday's shooting stays


def test_a_line_that_serves_the_one_before_is_no_brief_line() -> None:
    # PolNeAR dev: "Among them: a deduction for interest expenses ...", "What's more, Clinton has
    # largely ignored the issue of tax reform." (Politico), "By the time the debates began, for
    # instance, Trump was at the top of ... polls" (USA Today).
    politico = [c.text for c in collect([polnear_titled("dev", "Trump not walking the walk")])]
    assert not any(t.startswith(("Among them", "What’s more", "What's more")) for t in politico)
    assert any("Tax Policy Center" in t for t in politico)
    usa_today = [c.text for c in collect([polnear_titled("dev", "Ready for Trump vs. Clinton")])]
    assert not any("for instance, Trump was at the top" in t for t in usa_today)


def test_either_of_two_told_before_leans_and_a_clause_before_that_does_not() -> None:
    # ECB+ 16_9: "The chance either argument will be successful is slight, Perlo said." follows the
    # two arguments; "... will argue for a mistrial and, if that is rejected, will ask ..." names
    # what "that" is before it.
    article = _ecb_document("16_9ecbplus")
    doc = SpacyParser().nlp(article.text)
    either = next(s for s in doc.sents if "either argument" in s.text)
    mistrial = next(s for s in doc.sents if "if that is rejected" in s.text)
    assert leans(either) == "either argument"
    assert leans(mistrial) is None


def test_only_a_date_of_the_main_verb_dates_the_sentence() -> None:
    # ECB+ 33_5: "Andrew Lopez, 20, was found guilty of slaying Zurana Horton ... in October 2011":
    # October 2011 dates the slaying, and the verdict stays what happened. ECB+ 24_11: "At the end of
    # July, an armed man carried out a robbery ..." is dated by July.
    lopez = _ecb_document("33_5ecbplus")
    assert "found guilty of slaying" in lopez.text
    assert not Extractor().extract([lopez]).main_dates
    cannes = _ecb_document("24_11ecbplus")
    dated = Extractor().extract([cannes]).main_dates
    assert any("July" in m.text for m in dated)


def test_a_headline_in_the_outlets_own_voice_marks_an_opinion_piece() -> None:
    # PolNeAR dev (fresh reading K): an analysis headed "The real Trump showed up at debate. GOP must
    # live with it." and a column headed "Keep the Returns, Trump; Just Give Us a Few Figures" were
    # read as reports; a judge's order and an explainer's "what we know" are reports.
    assert opinion_piece(polnear_titled("dev", "The real Trump showed up at debate"))
    assert opinion_piece(polnear_titled("dev", "Keep the Returns, Trump"))
    judge = polnear_document("train", "wash-post_2016-05-29_internal-trump-university")
    title = "Internal Trump University records must be released, federal judge rules"
    (order,) = Cleaner().clean_batch([replace(judge, title=title)])
    assert isinstance(order, Article) and not opinion_piece(order)
    line = need(EVAL / "neus-val" / "val.source").read_text(encoding="utf-8").splitlines()[70]
    explainer = next(a for a in parse_line(line, 71) if (a.title or "").startswith("What we know"))
    assert not opinion_piece(explainer)


def _neus(number: int) -> Brief:
    line = need(EVAL / "neus-val" / "val.source").read_text(encoding="utf-8").splitlines()[number - 1]
    return Newsfuse().brief_story(f"neus-{number}", parse_line(line, number))


def test_a_writers_view_is_in_no_section_the_brief_words_as_its_own() -> None:
    # NeuS 32, a page of the candidates' own op-eds: "Four years ago, Americans elected me president
    # to go to Washington, drain the swamp ..." stood as background; NeuS 194, a column: "Donald Trump
    # is starting out with a pre-approved list of far-right judges ..." as what's next.
    for number, words in ((32, "elected me president"), (194, "pre-approved list of far-right judges")):
        brief = _neus(number)
        sections = brief.sections
        own = (*sections.what_happened, *sections.why_it_matters, *sections.whats_next, *sections.background)
        assert not any(words in s.text for s in own), number
    assert _neus(194).lede  # the column's story still has its reported lines
