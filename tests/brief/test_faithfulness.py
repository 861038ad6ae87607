"""Every brief sentence stands on its cited spans; nothing is repeated; quotes are exact."""

from __future__ import annotations

import re

import pytest

from newsfuse.brief.verify import check_sentence, is_full_name
from newsfuse.models import Span
from newsfuse.models.brief import Brief, CitedSentence
from newsfuse.service import Newsfuse
from newsfuse.text.lexicon import COURTESY_TITLES


def _all_briefs(request: pytest.FixtureRequest) -> list[Brief]:
    return list(request.getfixturevalue(request.param))


@pytest.fixture(params=["seed_briefs", "corpus_briefs"])
def briefs(request: pytest.FixtureRequest) -> list[Brief]:
    return _all_briefs(request)


def test_no_unsupported_sentence(service: Newsfuse, briefs: list[Brief]) -> None:
    for brief in briefs:
        assert service.verify(brief) == []


def test_every_section_sentence_cites_spans_of_its_own_articles(briefs: list[Brief]) -> None:
    for brief in briefs:
        ids = {a.id for a in brief.articles}
        for sentence in brief.sections.all_sentences():
            assert sentence.spans
            assert set(sentence.sources) <= ids


def test_first_span_is_the_wording(briefs: list[Brief]) -> None:
    """Extractive lines are their first span's text: whole, cut to a main clause, or with a resolved
    leading pronoun or surname, and with surnames inside it named in full as a cited span names them."""
    for brief in briefs:
        for sentence in brief.sections.all_sentences():
            source = brief.article(sentence.spans[0].article_id).excerpt(sentence.spans[0])
            named = [brief.article(s.article_id).excerpt(s) for s in sentence.spans[1:]]
            text = _as_written(sentence.text, [n for n in named if is_full_name(n)])
            source = _as_written(source, [])
            whole_or_clause = text in (source, source + ".")
            resolved_pronoun = text.endswith(source.split(" ", 1)[1])
            assert whole_or_clause or resolved_pronoun, (sentence.text, source)


def _as_written(text: str, full_names: list[str]) -> str:
    """The line with each full name it cites cut back to its surname, courtesy titles left out."""
    for name in sorted(full_names, key=len, reverse=True):
        text = text.replace(name, name.split()[-1])
    return re.sub(rf"\b(?:{'|'.join(COURTESY_TITLES)})\.? (?=[A-Z])", "", text)


def test_no_sentence_repeated_across_sections(briefs: list[Brief]) -> None:
    for brief in briefs:
        texts = [s.text for s in brief.sections.all_sentences()]
        assert len(texts) == len(set(texts))


def test_quotes_are_exact(briefs: list[Brief]) -> None:
    """Each quote's words stand in its article as written, and every span points inside them."""
    for brief in briefs:
        for quote in brief.quotes:
            for mention in quote.mentions:
                article = brief.article(mention.article_id)
                assert mention.text in article.text
                for span in mention.spans:
                    assert article.excerpt(span) in mention.text


def test_sections_are_filled_where_sources_allow(briefs: list[Brief]) -> None:
    for brief in briefs:
        assert 3 <= len(brief.sections.quick_read) <= 6
        assert brief.sections.what_happened
        assert brief.headline and brief.headline != "(no headline)"


def test_check_flags_an_invented_number_and_name(seed_briefs: list[Brief]) -> None:
    brief = seed_briefs[0]
    by_id = {a.id: a for a in brief.articles}
    honest = brief.sections.what_happened[0]
    assert check_sentence(honest, by_id) == ()
    invented = CitedSentence(re.sub(r"^\S+", "Mr Anderson", honest.text) + " 9,999 people died.", honest.spans)
    reasons = check_sentence(invented, by_id)
    assert any("9,999" in r for r in reasons)
    assert any("Anderson" in r for r in reasons)


def test_check_flags_a_sentence_citing_nothing(seed_briefs: list[Brief]) -> None:
    brief = seed_briefs[0]
    by_id = {a.id: a for a in brief.articles}
    empty = CitedSentence("Something happened.", (Span("not-an-article", 0, 5),))
    assert check_sentence(empty, by_id) == ("cites no source text",)
