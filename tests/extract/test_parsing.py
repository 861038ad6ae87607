"""Texts longer than the language model takes at once are parsed in pieces, joined back with the same
text and offsets (ECB+ dev reports, a real text far past a lowered spaCy max_length)."""

from __future__ import annotations

import pytest

from newsfuse.evaluation.stories import load_ecbplus
from newsfuse.extract.parsing import SpacyParser, split_pieces
from tests.conftest import EVAL, need


def _ecb_reports(count: int) -> str:
    documents = load_ecbplus(need(EVAL / "ecbplus-dev"))
    return "\n\n".join(d.text for d in documents[:count])


def test_pieces_join_back_to_the_text_and_respect_the_limit() -> None:
    text = _ecb_reports(40)
    for limit in (500, 3_000, 20_000):
        pieces = split_pieces(text, limit)
        assert "".join(pieces) == text
        assert all(0 < len(piece) <= limit for piece in pieces)
    # Cuts fall after a paragraph, else a line, sentence or word: never inside a word when a space is near.
    for piece in split_pieces(text, 3_000)[:-1]:
        assert piece[-1].isspace()
    assert split_pieces("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_a_text_past_the_model_limit_is_parsed_in_pieces_with_its_offsets() -> None:
    text = _ecb_reports(30)
    parser = SpacyParser(piece_chars=4_000)
    # A model limit far below the text: parsing it whole raises spaCy's E088.
    parser.nlp.max_length = 5_000
    assert len(text) > 4 * parser.nlp.max_length
    with pytest.raises(ValueError, match="E088"):
        parser.nlp(text)
    [doc] = parser.parse([text])
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text
    assert all(text[e.start_char : e.end_char] == e.text for e in doc.ents)
    assert len(list(doc.sents)) > 50 and doc.has_annotation("DEP")
    # The names found in pieces are those found in a whole parse (the limit lifted), give or take a few
    # at the cuts.
    parser.nlp.max_length = 1_000_000
    [whole] = SpacyParser().parse([text])
    pieced = {(e.start_char, e.label_) for e in doc.ents}
    together = {(e.start_char, e.label_) for e in whole.ents}
    assert len(pieced & together) >= 0.95 * len(together)
