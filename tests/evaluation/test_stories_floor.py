"""CI gate: story clustering on all of ECB+ dev may not fall below the floors pinned in evaluation/floors.json.

The whole set runs here (about 20 seconds, most of it cleaning 772 documents): batch and incremental
clustering, and their agreement, are each held to a floor.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsfuse.evaluation.stories import bcubed, evaluate_stories
from tests.conftest import EVAL, REPO, need

FLOORS = json.loads((REPO / "evaluation" / "floors.json").read_text(encoding="utf-8"))["stories"]["floor"]


@pytest.fixture(scope="module")
def figures() -> dict[str, Any]:
    return evaluate_stories(need(EVAL / "ecbplus-dev")).figures()


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_ecbplus_figure_stays_above_its_floor(figures: dict[str, Any], figure: str) -> None:
    assert figures[figure] >= FLOORS[figure], figures


def test_every_gold_story_and_document_is_counted(figures: dict[str, Any]) -> None:
    assert figures["gold_stories"] == 66
    assert figures["documents"] - figures["failed"] >= 760


def test_bcubed_scores_a_perfect_and_a_lumped_partition() -> None:
    # A check on the scorer: the gold partition scores 1; one cluster of all has full recall only.
    gold = ["a", "a", "b", "b", "b", "c"]
    assert bcubed(gold, gold).f1 == 1.0
    lumped = bcubed(["x"] * 6, gold)
    assert lumped.recall == 1.0
    assert lumped.precision == pytest.approx((2 * (2 / 6) + 3 * (3 / 6) + 1 / 6) / 6)
