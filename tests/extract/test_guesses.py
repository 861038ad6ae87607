"""The writer's guesses told in the narrator's voice (extract.guesses, extract.stance), on real lines.

The views are fresh reading O's lines (PolNeAR train, misleading in a brief on main 94bc1ea);
the lines that must stay news are NeuS val reports of a rule or a schedule, and a detail rated inside
a clause below the main one, found by reading every sentence the rules mark.
"""

from __future__ import annotations

from newsfuse.extract import Extractor
from tests.conftest import assert_stays_news, neus_story, polnear_article, view_texts

HUFFPOST = "huff-post_2016-01-28_bernie-sanders-and-hillary-clint"


def test_a_forecast_on_a_condition_about_someone_posited_is_a_view(extractor: Extractor) -> None:
    # Fresh reading O, PolNeAR train story 134 (HuffPost analysis), first in a quick read.
    views = view_texts(extractor, [polnear_article("train", HUFFPOST)])
    assert any(v.startswith("If a Democratic president succeeds Obama, he or she will spend") for v in views)


def test_what_someone_would_argue_is_the_writers_conjecture(extractor: Extractor) -> None:
    # Same article, under what happened: "would argue" and "presumably believes" report no one.
    views = view_texts(extractor, [polnear_article("train", HUFFPOST)])
    assert any(v.startswith("Supporters of Sanders would argue") for v in views)


def test_an_argument_after_a_colon_is_someones_words(extractor: Extractor) -> None:
    # Fresh reading O, PolNeAR train story 66 (Politico): "Their argument: Only a Democratic Senate
    # can make any headway on the issue." became "Only a Democratic Senate ..." in what happened.
    views = view_texts(extractor, [polnear_article("train", "politico_2016-06-22_what-will-it-take-for-the-senate")])
    assert any(v.startswith("Their argument: Only a Democratic Senate") for v in views)


def test_a_rule_a_schedule_or_a_fact_with_its_prospect_stays_news(extractor: Extractor) -> None:
    # An open condition on a real actor under "will" tells what a rule or a schedule fixes.
    for number, line in (
        # A modal of possibility on a clause joined to a fact (labelled news in the NeuS check2).
        (144, "Republicans control the upper chamber by a 53-47 majority but that could be in jeopardy"),
        (162, "Federal funding will lapse if Congress fails to pass an appropriations plan"),
        (169, "If Judge Barrett passes the committee hearing, the full Senate will vote"),
        (117, "However, Americans can travel to Cuba if it is covered under specific categories"),
        # A scheduled step whose time is hedged: what comes next, not a guess at whether it comes.
        (240, "but the winners of the closest races probably won’t be known until next week"),
    ):
        assert_stays_news(extractor, neus_story(number), line)


def test_a_guess_in_a_clause_below_the_main_one_leaves_the_deed_news(extractor: Extractor) -> None:
    # NeuS 123: "President-elect Donald Trump has chosen top officials ..., the sprawling agency that
    # will likely dismantle ...": the deed is reported; "likely" rates the relative clause.
    articles = neus_story(123)
    line = "President-elect Donald Trump has chosen top officials for health-care policy"
    assert any(line in a.text for a in articles)
    assert not any(v.startswith(line) for v in view_texts(extractor, articles))
