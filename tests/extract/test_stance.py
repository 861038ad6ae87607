"""Whether a writer argues or reports, read from the narration of real NeuS articles.

The articles are from the draw on which the rules were chosen (NeuS lines 3, 13, ..., 303, labelled
by reading before any rule was written; see the issue-22-opinion note), never from the check lines.
"""

from __future__ import annotations

from newsfuse.evaluation.summaries import parse_line
from newsfuse.extract import Extractor
from newsfuse.models import Article, StoryFacts
from tests.conftest import EVAL, need


def _story(extractor: Extractor, number: int) -> tuple[list[Article], StoryFacts]:
    lines = need(EVAL / "neus-val" / "val.source").read_text(encoding="utf-8").splitlines()
    articles = parse_line(lines[number - 1], number)
    return articles, extractor.extract(articles)


def _views(articles: list[Article], facts: StoryFacts) -> list[str]:
    by_id = {a.id: a for a in articles}
    return [by_id[v.article_id].excerpt(v) for v in facts.views]


def test_an_essay_in_the_first_person_argues(extractor: Extractor) -> None:
    # NeuS 33: "We don't know where the virus came from. We still don't know ..." (an essay) and
    # "We've learned that the CDC is making, at best, a debilitating mistake" (a column); the first
    # article reports ("The Centers for Disease Control ... has acknowledged ...").
    articles, facts = _story(extractor, 33)
    assert set(facts.arguing) == {articles[1].id, articles[2].id}


def test_a_question_the_writer_asks_marks_an_op_ed(extractor: Extractor) -> None:
    # NeuS 183: a column opening "Has any question taken up more airtime ...?" argues; the fact
    # check and the explainer beside it report.
    articles, facts = _story(extractor, 183)
    assert facts.arguing == (articles[0].id,)
    assert any(v.startswith("Has any question taken up more airtime") for v in _views(articles, facts))


def test_a_stance_adverb_marks_an_analysis(extractor: Extractor) -> None:
    # NeuS 103: "his resignation ... actually underscored the fundamental divide": the writer's
    # reading of an event, with no one said to hold it.
    articles, facts = _story(extractor, 103)
    assert articles[2].id in facts.arguing
    assert any("actually underscored" in v for v in _views(articles, facts))


def test_news_reports_neither_argue_nor_state_views(extractor: Extractor) -> None:
    # NeuS 43 (the House passes the relief bill) and 23 (Iran warns the U.S.): three reports each,
    # whose judgements are someone's ("... said", "according to ...").
    for number in (43, 23):
        articles, facts = _story(extractor, number)
        assert facts.arguing == ()
        assert _views(articles, facts) == []


def test_a_quotation_left_open_is_nobody_s_narration(extractor: Extractor) -> None:
    # NeuS 53: '"Police alerted us to a video ... and we quickly removed ...' opens a quotation the
    # excerpt never closes: Facebook's words, not the writer's "us".
    articles, facts = _story(extractor, 53)
    assert articles[2].id not in facts.arguing
    assert not any(v.startswith("“Police alerted us") for v in _views(articles, facts))
