"""CI gate: the brief's lede on NeuS (neus-val) stays above its pinned floors and above both baselines."""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsfuse.evaluation.summaries import evaluate_summaries
from tests.conftest import EVAL, REPO, need

FLOORS: dict[str, Any] = json.loads((REPO / "evaluation" / "floors.json").read_text(encoding="utf-8"))["summaries"]


@pytest.fixture(scope="module")
def figures() -> dict[str, Any]:
    # All 307 stories take about 15 s: no subset needed.
    return evaluate_summaries(need(EVAL / "neus-val"))


@pytest.mark.parametrize("figure", sorted(FLOORS["floor"]))
def test_figure_stays_above_its_floor(figures: dict[str, Any], figure: str) -> None:
    assert figures[figure] >= FLOORS["floor"][figure]


@pytest.mark.parametrize("metric", ["rouge1", "rouge2", "rougeL"])
def test_beats_lead_and_lexrank_in_the_same_run(figures: dict[str, Any], metric: str) -> None:
    assert figures[f"newsfuse_{metric}"] > figures[f"lead_{metric}"]
    assert figures[f"newsfuse_{metric}"] > figures[f"lexrank_{metric}"]
