"""A line that rests on one writer's word (one source tells it, in no lead, and it neither tells a
deed done nor says whose it is) gives way, in the quick read, to lines a second source, a lead or a
deed backs. Real ECB+ briefs of the draw the rule was chosen on (evaluation/views/ecb-draw.json)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.evaluation.views_ecb import EcbStory, story_articles
from newsfuse.models.brief import Brief
from newsfuse.service import Newsfuse
from tests.conftest import EVAL, need


def _draw_brief(service: Newsfuse, topic: int) -> Brief:
    data: Path = need(EVAL / "ecbplus-dev")
    return service.brief_story(str(topic), story_articles(data, EcbStory(topic, "ecb", 10)))


def _leading(brief: Brief) -> list[str]:
    return [brief.headline, *(s.text for s in (*brief.lede, *brief.sections.quick_read))]


@pytest.fixture(scope="module")
def greece(service: Newsfuse) -> Brief:
    return _draw_brief(service, 19)


def test_a_feature_writer_s_reading_does_not_lead(greece: Brief) -> None:
    # ECB 19_6, a feature deep in its text: "Few here think the unrest will end anytime soon, and the
    # rage of Greece's youth continues to smolder" (labelled misleading): no one named thinks so.
    assert not [line for line in _leading(greece) if line.startswith("Few here think")]


def test_a_corroborated_report_beside_it_stays(greece: Brief) -> None:
    # Two sources tell that violence has wracked Greece every day since the boy's death: it stays in
    # the quick read and the lede, as do the riots reported as done.
    quick = [s.text for s in greece.sections.quick_read]
    assert any(line.startswith("Violence has wracked Greece every day") for line in quick)
    assert any("attacked a police station" in s.text for s in greece.lede)
    assert len(quick) >= 3


def test_a_one_source_forecast_gives_way_to_an_attributed_line(service: Newsfuse) -> None:
    # ECB 11_6: "Europe will be watching the vote closely as it tries to gauge ..." (labelled
    # misleading: the writer's forecast); "The authorities say the vote is an important democratic
    # step, but critics question ..." says whose views these are.
    brief = _draw_brief(service, 11)
    lines = _leading(brief)
    assert not [line for line in lines if line.startswith("Europe will be watching")]
    assert any(line.startswith("The authorities say the vote") for line in lines)


def test_a_blog_s_question_does_not_head_the_story(service: Newsfuse) -> None:
    # ECB 34, documents 9-16 (fresh reading G): the only titled one is a blog's "Barack Obama to Name
    # Dr. Sanjay Gupta Surgeon General: Onion headline or actual news?"; the reports beside it tell the
    # offer as news, and the story's main event heads it.
    data: Path = need(EVAL / "ecbplus-dev")
    articles = [
        a
        for a in story_articles(data, EcbStory(34, "ecb", 16))
        if int((a.origin or "").split("_")[1].removesuffix("ecb.txt")) >= 9
    ]
    brief = service.brief_story("34", articles)
    assert "?" not in brief.headline
    assert "Gupta" in brief.headline and brief.headline == brief.sections.quick_read[0].text
