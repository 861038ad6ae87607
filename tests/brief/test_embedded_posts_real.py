"""Markup a page left in its text (PolNeAR's embedded posts, '<tweet author=...>...<tweet/>') is
never a line of the brief: it is the page's furniture, not the report's prose."""

from __future__ import annotations

import re

from newsfuse.extract.quote_marks import markup
from newsfuse.service import Newsfuse
from tests.conftest import polnear_article


def test_an_embedded_post_is_never_a_brief_line() -> None:
    article = polnear_article("train", "west-journal_2016-03-08_the-entire-gop-race-is-hinging-o")
    assert re.search(r"<tweet[^>]*>\w", article.text)  # a post with words in it, not an empty embed
    brief = Newsfuse().brief_story("gop-race", [article])
    lines = [s.text for s in brief.lede] + [s.text for s in brief.sections.all_sentences()]
    assert lines
    assert not [line for line in lines if markup(line)]
