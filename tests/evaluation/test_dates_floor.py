"""CI gate: newsfuse's date extractor on TimeBank's report half stays above its pinned floors.

The report half (documents whose name's SHA-1 ends in an odd hex digit, 95 of 183) was never looked
at while choosing rules; it runs whole here in about 30 s. HeidelTime, the peer, needs Java and
the eval extra and runs only from the CLI (`newsfuse eval dates`); its figures are in floors.json.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsfuse.evaluation.dates import evaluate_dates, is_calibration
from tests.conftest import EVAL, REPO, need

FLOORS: dict[str, Any] = json.loads((REPO / "evaluation" / "floors.json").read_text(encoding="utf-8"))["dates"]


@pytest.fixture(scope="module")
def figures() -> dict[str, Any]:
    report = evaluate_dates(need(EVAL / "timebank"), names=lambda name: not is_calibration(name))
    assert report["documents"] == 95 and report["calibration_documents"] == 0
    figures: dict[str, Any] = report["newsfuse"]["report"]
    return figures


@pytest.mark.parametrize("figure", sorted(FLOORS["floor"]))
def test_figure_stays_above_its_floor(figures: dict[str, Any], figure: str) -> None:
    assert figures[figure] >= FLOORS["floor"][figure], figures


def test_the_scorer_counts_every_gold_expression(figures: dict[str, Any]) -> None:
    # A check on the reader: the report half holds 642 TIMEX3 elements in <TEXT>.
    assert figures["gold"] == 642
