"""Whose words: a sentence in the middle of a quotation is never a line of the brief."""

from __future__ import annotations

from pathlib import Path

from newsfuse.clean import Cleaner
from newsfuse.evaluation.stories import read_document
from newsfuse.models import Failure, RawDocument
from newsfuse.service import Newsfuse
from tests.conftest import EVAL, need


def test_a_sentence_inside_a_quotation_of_several_paragraphs_is_no_brief_line() -> None:
    # ECB+ 31: Phil Ford's quotation runs over three paragraphs; its middle one ("At the time, my
    # parents were teachers ...") has no quotation mark of its own and is Ford's, not the reporter's.
    folder = need(EVAL / "ecbplus-dev") / "ECB+" / "31"
    files = sorted(Path(folder).glob("*ecb.xml"))[8:16]
    raws = [RawDocument(origin=f"{f.stem}.txt", content=read_document(f), format="text") for f in files]
    articles = [a for a in Cleaner().clean_batch(raws) if not isinstance(a, Failure)]
    assert any("my parents were teachers" in a.text for a in articles)
    brief = Newsfuse().brief_story("31", articles)
    lines = [s.text for s in brief.sections.all_sentences()]
    assert lines and not [line for line in lines if "my parents" in line]
