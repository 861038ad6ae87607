"""CI gate: newsfuse's attributions on PolNeAR dev stay above their pinned floors.

Rules were chosen on PolNeAR train. To keep CI fast the gate runs on a fixed, documented subset of
dev (every third text in name order: 28 of 84 texts, about 15 s); the whole dev split's figures are
in floors.json (`measured`), the subset's in `measured_floor_subset`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsfuse.evaluation.quotes import evaluate_quotes
from tests.conftest import EVAL, REPO, need

FLOORS: dict[str, Any] = json.loads((REPO / "evaluation" / "floors.json").read_text(encoding="utf-8"))["quotes"]


def subset(folder: Path) -> set[str]:
    return set(sorted(p.stem for p in (folder / "text").glob("*.txt"))[::3])


@pytest.fixture(scope="module")
def figures() -> dict[str, Any]:
    folder = need(EVAL / "polnear" / "dev")
    names = subset(folder)
    report = evaluate_quotes(folder, names=lambda name: name in names)
    assert report["annotated_texts"] == 28
    ours: dict[str, Any] = report["newsfuse"]
    return ours


@pytest.mark.parametrize("figure", sorted(FLOORS["floor"]))
def test_figure_stays_above_its_floor(figures: dict[str, Any], figure: str) -> None:
    kind, _, metric = figure.partition("_")
    assert figures[kind][metric] >= FLOORS["floor"][figure], figures
