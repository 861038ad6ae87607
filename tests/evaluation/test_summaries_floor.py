"""CI gate: the brief's lede on NeuS (neus-val) stays above its pinned floors and, on the stories held
out from calibration, above the lead, LexRank and centroid peers run beside it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsfuse.errors import EvaluationDataError
from newsfuse.evaluation.summaries import evaluate_summaries
from tests.conftest import EVAL, REPO, need

FLOORS: dict[str, Any] = json.loads((REPO / "evaluation" / "floors.json").read_text(encoding="utf-8"))["summaries"]
PEERS = ("lead", "lexrank", "centroid")


@pytest.fixture(scope="module")
def figures() -> dict[str, Any]:
    # All 307 stories take about 15 s: no subset needed.
    return evaluate_summaries(need(EVAL / "neus-val"))


@pytest.fixture(scope="module")
def held_out() -> dict[str, Any]:
    return evaluate_summaries(need(EVAL / "neus-val"), part="held_out")


@pytest.mark.parametrize("figure", sorted(FLOORS["floor"]))
def test_figure_stays_above_its_floor(figures: dict[str, Any], figure: str) -> None:
    assert figures[figure] >= FLOORS["floor"][figure]


@pytest.mark.parametrize("figure", sorted(FLOORS["held_out_floor"]))
def test_held_out_figure_stays_above_its_floor(held_out: dict[str, Any], figure: str) -> None:
    assert held_out[figure] >= FLOORS["held_out_floor"][figure]


@pytest.mark.parametrize("metric", ["rouge1", "rouge2", "rougeL"])
@pytest.mark.parametrize("peer", PEERS)
def test_beats_each_peer_on_held_out_stories_in_the_same_run(held_out: dict[str, Any], metric: str, peer: str) -> None:
    assert held_out[f"newsfuse_{metric}"] > held_out[f"{peer}_{metric}"]


def test_any_neus_format_pair_is_read(tmp_path: Path) -> None:
    """`--data DIR` takes whatever NAME.source / NAME.target pair the folder holds."""
    source = need(EVAL / "neus-val" / "val.source")
    (tmp_path / "test.source").symlink_to(source)
    (tmp_path / "test.target").symlink_to(source.with_suffix(".target"))
    assert evaluate_summaries(tmp_path, limit=3)["stories"] == 3


def test_a_folder_without_a_pair_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationDataError, match=r"no \*\.source"):
        evaluate_summaries(tmp_path)
    (tmp_path / "a.source").write_text("", encoding="utf-8")
    with pytest.raises(EvaluationDataError, match=r"a\.target"):
        evaluate_summaries(tmp_path)
