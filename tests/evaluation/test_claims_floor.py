"""The ClaimDiff figure may not fall below its pinned floor (evaluation/floors.json) without notice.

The whole training file runs here (about five seconds: the pair classifier is regular expressions
and a logistic regression over five signals), so the floor is checked on the same split that
`newsfuse eval claims` reports.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsfuse.evaluation.claims import DEFAULT_FILE, evaluate_claims
from tests.conftest import EVAL, REPO, need

FLOORS = json.loads((REPO / "evaluation" / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def figures() -> dict[str, Any]:
    return evaluate_claims(need(EVAL / "claimdiff-train" / DEFAULT_FILE))


def test_claimdiff_weakens_f1_stays_above_its_floor(figures: dict[str, Any]) -> None:
    assert figures["report_pairs"] > 0 and figures["calibration_pairs"] > 0
    assert figures["newsfuse"]["f1"] >= FLOORS["claims"]["floor"]["newsfuse_f1"], figures


def test_the_always_weakens_baseline_has_full_recall(figures: dict[str, Any]) -> None:
    # A check on the scorer itself: predicting "weakens" everywhere must find every positive.
    assert figures["always_weakens"]["recall"] == 100.0
    assert 0 < figures["always_weakens"]["precision"] < 100.0
