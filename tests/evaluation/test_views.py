"""Writers' views stated as news (issue 22): the labelled NeuS lines in evaluation/views stay
readable, and on the draw the brief's reporting lines hold no more views than measured."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsfuse.evaluation.summaries import parse_line
from newsfuse.evaluation.views import LABELS, load_labels
from tests.conftest import EVAL, REPO, need

VIEWS = REPO / "evaluation" / "views"
FLOORS: dict[str, Any] = json.loads((REPO / "evaluation" / "floors.json").read_text(encoding="utf-8"))["views"]


@pytest.mark.parametrize(
    "name", ["neus-draw.json", "neus-check.json", "neus-check2.json", "neus-check3.json", "neus-check4.json"]
)
def test_each_label_points_at_its_line_in_the_article(name: str) -> None:
    lines = need(EVAL / "neus-val" / "val.source").read_text(encoding="utf-8").splitlines()
    for label in load_labels(VIEWS / name):
        assert label.label in LABELS
        article = parse_line(lines[label.line - 1], label.line)[label.article]
        # The cited sentence holds the line's opening words (the brief may put a name for a leading
        # pronoun, so the last three of them are compared).
        source = " ".join(article.text[label.start : label.end].split())
        assert " ".join(label.opens.split()[-3:]) in source, (label.line, label.opens)


def test_draw_views_stay_under_the_measured_share() -> None:
    from newsfuse.evaluation.views import evaluate_views

    figures = evaluate_views(VIEWS / "neus-draw.json", need(EVAL / "neus-val"))
    assert figures["unlabelled"] == []
    assert figures["misleading_pct"] <= FLOORS["draw_ceiling"]["misleading_pct"]
    assert figures["flag_precision"] >= FLOORS["draw_floor"]["flag_precision"]


def test_a_label_file_with_an_unknown_label_is_refused(tmp_path: Path) -> None:
    from newsfuse.errors import EvaluationDataError

    bad = tmp_path / "labels.json"
    bad.write_text(json.dumps([{"line": 2, "opens": "x", "article": 0, "start": 0, "end": 1, "label": "opinion"}]))
    with pytest.raises(EvaluationDataError):
        load_labels(bad)


ECB_FLOORS: dict[str, Any] = json.loads((REPO / "evaluation" / "floors.json").read_text(encoding="utf-8"))["views_ecb"]


@pytest.mark.parametrize("name", ["ecb-draw.json", "ecb-check.json"])
def test_each_ecb_label_points_at_its_line_in_the_document(name: str) -> None:
    from newsfuse.evaluation.views_ecb import LABELS as ECB_LABELS
    from newsfuse.evaluation.views_ecb import labelled_stories, load_ecb_labels

    data = need(EVAL / "ecbplus-dev")
    stories, labels = load_ecb_labels(VIEWS / name)
    documents = {
        (a.origin or "").removesuffix(".txt"): a.text
        for _, articles in labelled_stories(data, stories)
        for a in articles
    }
    for label in labels:
        assert label.label in ECB_LABELS
        if label.end == 0:  # a document's title heads the brief: it is no sentence of the text
            continue
        source = " ".join(documents[label.document][label.start : label.end].split())
        assert " ".join(label.opens.split()[-3:]) in source, (label.document, label.opens)


def test_ecb_draw_misleading_lines_stay_under_the_ceiling() -> None:
    from newsfuse.evaluation.views_ecb import evaluate_ecb_views

    figures = evaluate_ecb_views(VIEWS / "ecb-draw.json", need(EVAL / "ecbplus-dev"))
    assert figures["unlabelled"] == []
    assert figures["misleading_pct"] <= ECB_FLOORS["draw_ceiling"]["misleading_pct"]


@pytest.mark.parametrize(("name", "count"), [("polnear-check", 8), ("polnear-draw", 9)])
def test_each_polnear_label_points_at_its_line_in_its_text(name: str, count: int) -> None:
    from newsfuse.evaluation.views_ecb import LABELS as ECB_LABELS
    from newsfuse.evaluation.views_ecb import labelled_stories, load_ecb_labels, polnear_split

    path = VIEWS / f"{name}.json"
    split = polnear_split(path)
    assert split == "train"
    stories, labels = load_ecb_labels(path)
    grouped = dict(labelled_stories(need(EVAL / "polnear" / split), stories))
    assert len(grouped) == len(stories) == count
    documents = {(a.origin or ""): a for articles in grouped.values() for a in articles}
    for label in labels:
        assert label.label in ECB_LABELS
        assert label.topic in grouped
        article = documents[label.document]
        if label.end == 0:  # a text's title heads the brief
            assert article.title is not None and article.title.startswith(" ".join(label.opens.split()[:3]))
            continue
        source = " ".join(article.text[label.start : label.end].split())
        assert " ".join(label.opens.split()[-3:]) in source, (label.document, label.opens)


def test_a_polnear_label_file_without_story_names_is_refused(tmp_path: Path) -> None:
    from newsfuse.errors import EvaluationDataError
    from newsfuse.evaluation.views_ecb import load_ecb_labels

    bad = tmp_path / "polnear.json"
    row = {"topic": 3, "opens": "x", "document": "d", "start": 0, "end": 1, "label": "ok"}
    bad.write_text(json.dumps({"polnear": "train", "stories": [{"story": "s"}], "labels": [row]}))
    with pytest.raises(EvaluationDataError):
        load_ecb_labels(bad)
