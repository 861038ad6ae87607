"""CI gate: story clustering on two real sets of opposite difficulty may not fall below the floors
pinned in evaluation/floors.json, and on each it must beat plain TF-IDF + average linkage measured
in the same run (NeuS since the weekday conflict and figures as terms, issue 19d: 86.3 against 84.1;
issue 19's goal, 95 on both, is not met).

- ECB+ dev (`stories`): two events of one kind per topic; 772 documents, about 35 seconds.
- NeuS (`stories_neus`): a busy period of US news, 307 stories of three outlets each, many on one
  topic, no dates; 921 documents, about 30 seconds.

Each whole set runs: batch and incremental clustering, and their agreement, are each held to a floor.
The incremental figures are means over six stream orders (one order is a draw: 90.7-94.5 on ECB+).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsfuse.evaluation.stories import bcubed, evaluate_stories
from tests.conftest import EVAL, REPO, need

FLOORS = json.loads((REPO / "evaluation" / "floors.json").read_text(encoding="utf-8"))
SETS = {"stories": EVAL / "ecbplus-dev", "stories_neus": EVAL / "neus-val"}


@pytest.fixture(scope="module", params=sorted(SETS))
def measured(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    name: str = request.param
    data: Path = SETS[name]
    return name, evaluate_stories(need(data)).figures()


def test_every_figure_stays_above_its_floor(measured: tuple[str, dict[str, Any]]) -> None:
    name, figures = measured
    low = {f: (figures[f], floor) for f, floor in FLOORS[name]["floor"].items() if figures[f] < floor}
    assert not low, (name, low, figures)


def test_the_batch_beats_plain_tfidf_in_the_same_run(measured: tuple[str, dict[str, Any]]) -> None:
    name, figures = measured
    assert figures["bcubed_f1"] > figures["peer_bcubed_f1"], (name, figures)


def test_every_gold_story_and_document_is_counted(measured: tuple[str, dict[str, Any]]) -> None:
    name, figures = measured
    if name == "stories":
        assert figures["gold_stories"] == 66
        assert figures["documents"] - figures["failed"] >= 760
    else:
        # Every NeuS article cleans, the headline-only ones included (no body: a title is an article).
        assert figures["gold_stories"] == 307 and figures["documents"] == 921 and figures["failed"] == 0


def test_undated_stories_on_one_topic_are_not_lumped(measured: tuple[str, dict[str, Any]]) -> None:
    # NeuS has no dates at all: had undated articles shared one time window that merged them, a few
    # big stories would hold most of the set. The batch makes 357 stories for the 307 (its merges are
    # stories of one topic, two or three at a time).
    name, figures = measured
    if name == "stories_neus":
        assert figures["stories"] >= 0.8 * figures["gold_stories"]


def test_bcubed_scores_a_perfect_and_a_lumped_partition() -> None:
    # A check on the scorer: the gold partition scores 1; one cluster of all has full recall only.
    gold = ["a", "a", "b", "b", "b", "c"]
    assert bcubed(gold, gold).f1 == 1.0
    lumped = bcubed(["x"] * 6, gold)
    assert lumped.recall == 1.0
    assert lumped.precision == pytest.approx((2 * (2 / 6) + 3 * (3 / 6) + 1 / 6) / 6)
