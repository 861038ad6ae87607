"""CI gate: newsfuse's date extractor on TimeBank's report half and on a fixed subset of ECB+ dev stays
above its pinned floors.

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


# ECB+ dev (web news, span F1 only): every fifth document in name order across all topics, about
# 20 s without the peer. The whole set and both topic halves, with HeidelTime, are in floors.json.
ECB_FLOORS: dict[str, Any] = json.loads((REPO / "evaluation" / "floors.json").read_text(encoding="utf-8"))[
    "dates_ecbplus"
]
ECB_SUBSET_STEP = 5


@pytest.fixture(scope="module")
def ecb_figures() -> dict[str, Any]:
    root = need(EVAL / "ecbplus-dev")
    names = {p.name for p in sorted((root / "ECB+").glob("*/*.xml"))[::ECB_SUBSET_STEP]}
    report = evaluate_dates(root, names=lambda name: name in names)
    assert report["set"] == "ecbplus" and report["documents"] == len(names)
    figures: dict[str, Any] = report["newsfuse"]["all"]
    return figures


@pytest.mark.parametrize("figure", sorted(ECB_FLOORS["floor"]))
def test_ecbplus_figure_stays_above_its_floor(ecb_figures: dict[str, Any], figure: str) -> None:
    assert ecb_figures[figure] >= ECB_FLOORS["floor"][figure], ecb_figures


def test_the_reader_counts_every_time_markable_of_the_subset(ecb_figures: dict[str, Any]) -> None:
    # A check on the reader: the subset holds this many distinct TIME_* spans (one span marked under
    # two tags is one).
    assert ecb_figures["gold"] == ECB_FLOORS["floor_subset_gold"]
