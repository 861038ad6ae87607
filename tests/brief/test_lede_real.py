"""The brief's lede on real stories (NeuS): a few of the brief's own reporting lines, each cited and
supported by what it cites, most salient first, within its length budget; and it is what the
summaries evaluation scores."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from newsfuse.brief.lede import LEDE_SHARE, LEDE_WORDS
from newsfuse.evaluation.summaries import evaluate_summaries, lede_text, parse_line
from newsfuse.models import Article
from newsfuse.models.brief import Brief
from newsfuse.service import Newsfuse
from newsfuse.text.words import word_count
from tests.conftest import EVAL, need

# Stories from both the calibration (1-100) and the held-out (101-307) parts, of three sources each.
STORIES = (3, 88, 150, 230, 300)


@pytest.fixture(scope="module")
def service() -> Newsfuse:
    return Newsfuse()


def _brief(service: Newsfuse, number: int) -> Brief:
    lines = need(EVAL / "neus-val" / "val.source").read_text(encoding="utf-8").splitlines()
    return service.brief_story(str(number), parse_line(lines[number - 1], number))


@pytest.mark.parametrize("number", STORIES)
def test_the_lede_is_made_of_the_briefs_reporting_lines_each_cited(service: Newsfuse, number: int) -> None:
    brief = _brief(service, number)
    reporting = [*brief.sections.quick_read, *brief.sections.what_happened]
    assert brief.complete and brief.lede
    for sentence in brief.lede:
        # The very line the brief shows (same words, same citations), so it passed the brief's rules.
        assert sentence in reporting
        assert sentence.spans and set(sentence.sources) <= {a.id for a in brief.articles}
    assert len({s.text for s in brief.lede}) == len(brief.lede)
    assert not [f for f in service.verify(brief) if f.section == "lede"]


@pytest.mark.parametrize("number", STORIES)
def test_the_lede_stops_at_its_length_budget(service: Newsfuse, number: int) -> None:
    brief = _brief(service, number)
    budget = min(LEDE_WORDS, LEDE_SHARE * sum(word_count(a.text) for a in brief.articles))
    reporting = {s.text for s in (*brief.sections.quick_read, *brief.sections.what_happened)}
    before_last = sum(word_count(s.text) for s in brief.lede[:-1])
    assert before_last < budget
    if len(reporting) > len(brief.lede):  # it stopped for length, not for want of lines
        assert before_last + word_count(brief.lede[-1].text) >= budget


def test_the_summaries_evaluation_scores_the_briefs_headline_and_lede(tmp_path: Path) -> None:
    service = Newsfuse()
    briefs: list[Brief] = []

    def briefer(story_id: str, articles: Sequence[Article]) -> Brief:
        briefs.append(service.brief_story(story_id, articles))
        return briefs[-1]

    out = tmp_path / "ours.txt"
    figures = evaluate_summaries(need(EVAL / "neus-val"), limit=3, out=out, briefer=briefer)
    predictions = out.read_text(encoding="utf-8").splitlines()
    assert figures["stories"] == 3 and figures["newsfuse_incomplete"] == 0
    assert predictions == [lede_text(b) for b in briefs]
    for prediction, brief in zip(predictions, briefs, strict=True):
        assert brief.lede and prediction == " ".join([brief.headline, *(s.text for s in brief.lede)])
