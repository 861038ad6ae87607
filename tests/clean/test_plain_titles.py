"""A plain-text article in the documented form (the title, a blank line, the body) keeps its title,
and the headline never comes back as a body sentence."""

from __future__ import annotations

from functools import cache

from newsfuse.clean import Cleaner
from newsfuse.clean.metadata import same_as_title
from newsfuse.errors import InputError
from newsfuse.evaluation.stories import load_ecbplus
from newsfuse.models import Article, RawDocument
from tests.conftest import EVAL, need, seed_paths


@cache
def _cleaner() -> Cleaner:
    return Cleaner()  # one for the module: a cleaner loads its language model once


def _clean(name: str, text: str) -> Article:
    return _cleaner().clean(RawDocument(origin=name, content=text, format="text", path=name))


def test_the_first_line_and_a_blank_line_make_the_title() -> None:
    # An ECB+ report written as the README documents plain text: headline, blank line, body. Its
    # lead retells the headline in more words and stays the first paragraph.
    document = next(d for d in load_ecbplus(need(EVAL / "ecbplus-dev")) if d.name == "35_6ecb.xml")
    headline, _, _ = document.text.partition("\n\n")
    article = _clean(document.name, document.text)
    assert article.title == headline
    assert article.paragraph_texts()[0].startswith("Chargers wide receiver Vincent Jackson was arrested")


def test_no_headline_is_repeated_as_a_body_sentence() -> None:
    titled = 0
    for document in load_ecbplus(need(EVAL / "ecbplus-dev")):
        try:
            article = _clean(document.name, document.text)
        except InputError:
            continue  # three documents are a bare headline (see test_batch_independence)
        first = document.text.partition("\n\n")[0]
        titled += article.title == first
        assert not any(same_as_title(paragraph, article.title) for paragraph in article.paragraph_texts())
    # Most ECB+ reports from the web open on their headline (ecbplus), the older ones (ecb) on their lead.
    assert titled >= 380


def test_a_first_sentence_is_not_taken_for_a_title() -> None:
    # A report that opens on its lead sentence, then a blank line: the lead ends on a full stop.
    document = next(d for d in load_ecbplus(need(EVAL / "ecbplus-dev")) if d.name == "1_10ecb.xml")
    lead, _, _ = document.text.partition("\n\n")
    article = _clean(document.name, document.text)
    assert article.title != lead
    assert lead in article.text


def test_seed_titles() -> None:
    # The seeds: one opens on its headline; another on a section label ("Top StoryWorld"), not a title.
    texts = {path.name: path.read_text(encoding="utf-8") for path in seed_paths()}
    titles = {name: _clean(name, text).title for name, text in texts.items()}
    assert titles["001_21c819ccabbfb194.txt"] == texts["001_21c819ccabbfb194.txt"].split("\n", 1)[0]
    assert titles["000_db83052d073728cb.txt"] != "Top StoryWorld"
