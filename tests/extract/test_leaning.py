"""Sentences that lean on the sentence before them, on real lines of the draw (evaluation/context/
draw.json: NeuS stories 1, 21, ..., 301 and the first eight ECB documents of the odd ECB+ topics),
parsed with their whole articles as the extract stage parses them."""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsfuse.evaluation.context import flagged, load_labels, story_articles
from newsfuse.extract.leaning import leaning_sentences
from newsfuse.extract.parsing import SpacyParser
from newsfuse.models import Article, Span
from tests.conftest import EVAL, REPO, need

DRAW = REPO / "evaluation" / "context" / "draw.json"
FLOORS: dict[str, Any] = json.loads((REPO / "evaluation" / "floors.json").read_text(encoding="utf-8"))["context"]


@pytest.fixture(scope="module")
def parsed() -> dict[str, tuple[list[Article], tuple[Span, ...]]]:
    need(EVAL / "neus-val")
    need(EVAL / "ecbplus-dev")
    parser = SpacyParser()
    out = {}
    for story in dict.fromkeys(label.story for label in load_labels(DRAW)):
        articles = story_articles(story, EVAL)
        out[story] = (articles, leaning_sentences(articles, parser.parse([a.text for a in articles])))
    return out


def _leaning(parsed: dict[str, tuple[list[Article], tuple[Span, ...]]], story: str, opens: str) -> bool:
    label = next(x for x in load_labels(DRAW) if x.story == story and x.opens.startswith(opens))
    articles, spans = parsed[story]
    return flagged(label, articles, spans)


@pytest.mark.parametrize(
    ("story", "opens"),
    [
        ("neus-1", "The performance sent already worried Democrats"),  # a shell noun: which performance?
        ("neus-41", "Portland, Ore., and Seattle, Wash., were"),  # "the other two cities on the list"
        ("neus-41", "All three cities saw large"),  # three cities named only before
        ("neus-261", "With another 15 to 25 inches"),  # "in the same region"
        ("ecb-9", "The rules also prohibit"),  # also: adds to what the sentence before told
        ("ecb-27", "Because Internet Explorer is used"),  # "this attack code"
        ("ecb-33", "Now the case is back"),  # "the case", its name a misparse away
    ],
)
def test_a_sentence_that_points_back_leans(parsed: Any, story: str, opens: str) -> None:
    assert _leaning(parsed, story, opens)


@pytest.mark.parametrize(
    ("story", "opens"),
    [
        ("neus-161", "The lawsuit, which seeks to dissolve"),  # a relative clause says which lawsuit
        ("neus-181", "The Senate voted to advance Asian"),  # "critics say the measure is ...": not its subject
        ("ecb-11", "The election of a 125-seat national"),  # "of" says which election
        ("ecb-25", "Head Coach Sean Payton said Bush's"),  # "this time" is now; "also" adds to its own clause
        ("neus-1", '"In 30-plus years of politics,'),  # a speaker's "this level of doom" is the speaker's
    ],
)
def test_a_sentence_that_says_what_it_points_at_stands(parsed: Any, story: str, opens: str) -> None:
    assert not _leaning(parsed, story, opens)


def test_the_draw_is_told_apart_as_measured(parsed: dict[str, tuple[list[Article], tuple[Span, ...]]]) -> None:
    tp = fp = fn = 0
    for label in load_labels(DRAW):
        articles, spans = parsed[label.story]
        flag, gold = flagged(label, articles, spans), label.label == "leans"
        tp, fp, fn = tp + (flag and gold), fp + (flag and not gold), fn + (gold and not flag)
    floor = FLOORS["draw_floor"]
    assert tp / (tp + fp) >= floor["flag_precision"]
    assert tp / (tp + fn) >= floor["flag_recall"]
