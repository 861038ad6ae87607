"""The ECB+ reader: the text the stories, audit and views sets read, and each token's place in it."""

from __future__ import annotations

from newsfuse.evaluation.ecbplus import read_ecbplus
from newsfuse.evaluation.stories import read_document
from tests.conftest import EVAL, need


def test_every_token_sits_where_the_text_writes_it() -> None:
    path = need(EVAL / "ecbplus-dev" / "ECB+" / "1" / "1_10ecbplus.xml")
    document = read_ecbplus(path, drop_url=True)
    assert document.text == read_document(path)
    words = [document.text[t.start : t.end] for t in document.tokens.values()]
    assert "Lohan" in words and all(word.strip() == word and word for word in words)
    # Sentence 0 (the source URL) is dropped, and its tokens with it.
    assert not any(t.sentence == 0 for t in document.tokens.values())


def test_a_time_markable_spans_the_words_it_anchors() -> None:
    path = need(EVAL / "ecbplus-dev" / "ECB+" / "1" / "1_10ecbplus.xml")
    document = read_ecbplus(path, drop_url=True)
    times = [document.span(m) for m in document.markables if m.tag.startswith("TIME_")]
    written = {document.text[s:e] for s, e in (span for span in times if span is not None)}
    # ECB+'s tokens are spaced as they were split ("90 - day").
    assert {"on June 8", "May 03, 2013", "90 - day"} <= written, written
