"""A quote whose source no article names for certain is shown with the source as written, marked as
such, in every format; the JSON keeps the name and the phrase apart. NeuS story 267 (line 267 of
val.source, read from ../shared/eval): '"We are devastated by this tragic news ...," an Uber
spokesperson said'."""

from __future__ import annotations

import json

import pytest

from newsfuse.evaluation.summaries import load
from newsfuse.models.brief import Brief
from newsfuse.render.brief import brief_json, briefs_markdown
from newsfuse.render.html import HtmlRenderer
from newsfuse.service import Newsfuse
from tests.conftest import EVAL, need

CARJACKING_STORY = 266
WORDS = "We are devastated by this tragic news"


@pytest.fixture(scope="module")
def brief() -> Brief:
    story = load(need(EVAL / "neus-val"))[CARJACKING_STORY]
    [made] = Newsfuse().briefs(list(story.articles))
    return made


def test_markdown_and_html_show_the_phrase_marked_as_written(brief: Brief) -> None:
    line = next(line for line in briefs_markdown([brief]).splitlines() if line.startswith(f"> “{WORDS}"))
    assert "— an Uber spokesperson (as written)" in line
    page = HtmlRenderer().render([brief])
    assert "— an Uber spokesperson (as written)" in page
    assert "Anwar (as written)" not in page and "unattributed" not in line


def test_json_keeps_the_name_and_the_phrase_apart(brief: Brief) -> None:
    quotes = json.loads(json.dumps(brief_json(brief)))["quotes"]
    [quote] = [q for q in quotes if q["text"].startswith(WORDS)]
    assert quote["speaker"] is None
    assert quote["speaker_as_written"] == "an Uber spokesperson"
