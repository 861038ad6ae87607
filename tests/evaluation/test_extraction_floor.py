"""CI gate: extraction quality on all of fundus-eval may not fall below the floors pinned in evaluation/floors.json."""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsfuse.evaluation.extraction import ExtractionReport, evaluate_extraction
from tests.conftest import EVAL, REPO, need

FLOORS: dict[str, Any] = json.loads((REPO / "evaluation" / "floors.json").read_text(encoding="utf-8"))["extraction"]


@pytest.fixture(scope="module")
def report() -> ExtractionReport:
    # The whole set (80 pages) runs in about 20 s on one core, so the gate needs no subset.
    return evaluate_extraction(need(EVAL / "fundus-eval"))


@pytest.mark.parametrize("figure", sorted(FLOORS["floor"]))
def test_figure_stays_above_its_floor(report: ExtractionReport, figure: str) -> None:
    assert report.figures()[figure] >= FLOORS["floor"][figure]


def test_every_page_yields_text(report: ExtractionReport) -> None:
    assert len(report.pages) == FLOORS["pages"]
    assert report.failed == ()


def test_beats_plain_trafilatura_overall_and_on_every_publisher(report: ExtractionReport) -> None:
    # The peer runs here too, so a change in trafilatura itself shows up as what it is. Half a point
    # of slack per publisher: five pages each, where one page's tie-break can move that much.
    peer = evaluate_extraction(need(EVAL / "fundus-eval"), extractor="trafilatura")
    ours, theirs = report.by_publisher(), peer.by_publisher()
    assert {name: (ours[name], theirs[name]) for name in ours if ours[name] < theirs[name] - 0.5} == {}
    assert report.figures()["rougeLsum_f1"] > peer.figures()["rougeLsum_f1"]
