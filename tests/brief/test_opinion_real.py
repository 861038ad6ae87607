"""An op-ed's view, or a writer's unattributed judgement, never stands as fact in the quick read or
what happened. Real NeuS stories from the draw the rules were chosen on (see extract/stance.py)."""

from __future__ import annotations

from newsfuse.evaluation.summaries import parse_line
from newsfuse.models import Article
from newsfuse.models.brief import Brief
from newsfuse.service import Newsfuse
from tests.conftest import EVAL, need


def _brief(service: Newsfuse, number: int) -> tuple[list[Article], Brief]:
    lines = need(EVAL / "neus-val" / "val.source").read_text(encoding="utf-8").splitlines()
    articles = parse_line(lines[number - 1], number)
    return articles, service.brief_story(str(number), articles)


def _reporting(brief: Brief) -> list[str]:
    return [s.text for s in (*brief.sections.quick_read, *brief.sections.what_happened)]


def test_an_analysis_neither_heads_nor_tells_what_happened(service: Newsfuse) -> None:
    # NeuS 13: "How Roy Moore Could Actually Win ..." opens "it seemed as if Roy Moore's political
    # career was over" and argues "After all, he faced allegations ...": the reports beside it tell
    # the news (Moore announced he will run again), and their title heads the brief.
    articles, brief = _brief(service, 13)
    analysis = articles[0]
    assert brief.headline != analysis.title
    lines = _reporting(brief)
    assert lines and not [line for line in lines if line in analysis.text]
    assert any("announced Thursday that he will run again" in line for line in lines)


def test_a_writer_s_stance_adverb_is_no_fact_of_the_story(service: Newsfuse) -> None:
    # NeuS 103: "his resignation ... actually underscored the fundamental divide ..." is the
    # analysis's reading of the resignation; the reports say he resigned.
    _, brief = _brief(service, 103)
    lines = _reporting(brief)
    assert lines and not [line for line in lines if "actually underscored" in line]
    assert any("resigned Tuesday" in line for line in lines)


def test_a_critic_s_review_tells_no_fact_of_the_story(service: Newsfuse) -> None:
    # NeuS 102: "Triggered review: Donald Jr, the Trump kid with real political chops." is a review,
    # whose "In case Don Jr forgot, Trump père is no friend of free speech" is the critic's verdict;
    # the pranksters' report and the book's own account tell what happened.
    articles, brief = _brief(service, 102)
    review = articles[2]
    lines = _reporting(brief)
    assert lines and not [line for line in lines if line in review.text]
    assert any(line.startswith("After the book’s release, comedians") for line in lines)


def test_a_writer_s_guess_and_command_are_no_facts(service: Newsfuse) -> None:
    # NeuS 152 ("The case could still lead to the end of Roe v. Wade.") and 272 ("Imagine if the Los
    # Angeles Rams had to play ..."): the brief tells the rulings and the ratings instead.
    _, brief = _brief(service, 152)
    lines = [s.text for s in (*brief.lede, *brief.sections.quick_read, *brief.sections.what_happened)]
    assert lines and not [line for line in lines if line.startswith("The case could still lead")]
    assert any("Chief Justice John Roberts joined" in line for line in lines)
    _, brief = _brief(service, 272)
    lines = [s.text for s in (*brief.lede, *brief.sections.quick_read, *brief.sections.what_happened)]
    assert lines and not [line for line in lines if line.startswith("Imagine")]
    assert any("highest ratings ever" in line for line in lines)
