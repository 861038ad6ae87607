"""Lines out of context (issue 22): the labelled lines in evaluation/context stay readable, and the
draw's briefs show no more leaning lines than measured."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsfuse.evaluation.context import LABELS, load_labels, story_articles
from tests.conftest import EVAL, REPO, need

CONTEXT = REPO / "evaluation" / "context"
FLOORS: dict[str, Any] = json.loads((REPO / "evaluation" / "floors.json").read_text(encoding="utf-8"))["context"]


@pytest.mark.parametrize("name", ["draw.json", "check.json", "check2.json"])
def test_each_label_points_at_its_line_in_the_article(name: str) -> None:
    need(EVAL / "neus-val")
    need(EVAL / "ecbplus-dev")
    articles: dict[str, Any] = {}
    for label in load_labels(CONTEXT / name):
        assert label.label in LABELS
        if label.story not in articles:
            articles[label.story] = story_articles(label.story, EVAL)
        article = articles[label.story][label.article]
        # The brief may put a name for a leading pronoun or surname: the last three opening words are compared.
        source = " ".join(article.text[label.start : label.end].split())
        assert " ".join(label.opens.split()[-3:]) in source, (label.story, label.opens)


def test_the_draw_briefs_show_no_more_leaning_lines_than_measured() -> None:
    from newsfuse.evaluation.context import evaluate_context

    figures = evaluate_context(CONTEXT / "draw.json", need(EVAL))
    assert figures["leaning_pct"] <= FLOORS["draw_ceiling"]["leaning_pct"]


def test_a_label_file_with_an_unknown_label_is_refused(tmp_path: Path) -> None:
    from newsfuse.errors import EvaluationDataError

    bad = tmp_path / "labels.json"
    row = {"story": "neus-1", "opens": "x", "article": 0, "start": 0, "end": 1, "label": "misleading"}
    bad.write_text(json.dumps([row]))
    with pytest.raises(EvaluationDataError):
        load_labels(bad)
