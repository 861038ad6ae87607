"""The opinion-piece flag on PolNeAR articles labelled by reading (evaluation/opinion): the floors
pinned in evaluation/floors.json hold (precision first: a report flagged loses all its lines)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsfuse.evaluation.opinion import evaluate_opinion
from tests.conftest import EVAL, need

REPO = Path(__file__).resolve().parents[2]
FLOORS: dict[str, Any] = json.loads((REPO / "evaluation" / "floors.json").read_text(encoding="utf-8"))["opinion"]


def test_the_check_labels_hold_their_floors() -> None:
    report = evaluate_opinion(REPO / "evaluation" / "opinion" / "check.json", need(EVAL / "polnear"))
    assert report["articles"] == 42 and report["opinion"] == 11
    assert report["precision"] >= FLOORS["floors"]["check"]["precision"]
    assert report["recall"] >= FLOORS["floors"]["check"]["recall"]


def test_the_second_check_holds_its_floors() -> None:
    # Every 14th train text from the 7th, labelled before the frame rule (brief.frame) was written.
    report = evaluate_opinion(REPO / "evaluation" / "opinion" / "check2.json", need(EVAL / "polnear"))
    assert report["articles"] == 60 and report["opinion"] == 8
    assert report["precision"] >= FLOORS["floors"]["check2"]["precision"]
    assert report["recall"] >= FLOORS["floors"]["check2"]["recall"]
