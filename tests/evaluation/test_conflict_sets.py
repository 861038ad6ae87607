"""The fresh sets `newsfuse eval conflicts` reads besides NeuS, ECB+ and PolNeAR: TimeBank and
fundus-eval, grouped by the stories stage, each story told by two outlets or more (skipped without
../shared)."""

from __future__ import annotations

from newsfuse.evaluation.conflicts import MIN_OUTLETS, load_stories
from tests.conftest import EVAL, need


def test_timebank_is_read_as_dated_stories_of_several_outlets() -> None:
    stories = load_stories(need(EVAL / "timebank"))
    assert stories
    for _, articles in stories:
        assert len({a.source for a in articles}) >= MIN_OUTLETS
        assert all(a.published is not None for a in articles)  # each document's DCT
    outlets = {a.source for _, articles in stories for a in articles}
    assert "APW" not in outlets and "AP" in outlets  # AP's world wire is AP


def test_fundus_pages_are_read_as_their_gold_bodies_undated() -> None:
    stories = load_stories(need(EVAL / "fundus-eval"))
    assert stories
    for _, articles in stories:
        assert len({a.source for a in articles}) >= MIN_OUTLETS
        assert all(a.published is None for a in articles)  # a crawl day is not a publication day
