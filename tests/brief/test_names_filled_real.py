"""The brief fills in a name only with a person's real full name, and a pronoun only where its
antecedent is certain: real PolNeAR reports where the brief's own naming put words in the wrong
mouth (a blind reading of session 16 found each)."""

from __future__ import annotations

import pytest

from newsfuse.brief.builder import named_people
from newsfuse.brief.candidates import Candidate, collect
from newsfuse.brief.verify import substitution_reasons
from newsfuse.extract import Extractor
from newsfuse.models import Span
from newsfuse.models.brief import CitedSentence
from tests.conftest import polnear_titled


def _candidates(*titles: str) -> list[Candidate]:
    articles = [polnear_titled("train", title) for title in titles]
    return collect(articles, named_people(Extractor().extract(articles).entities))


def _line(candidates: list[Candidate], words: str) -> str:
    found = [c.shown or c.text for c in candidates if words in c.text]
    assert len(found) == 1, found
    return found[0]


@pytest.fixture(scope="module")
def perjury() -> list[Candidate]:
    return _candidates("Republicans ask DOJ to investigate Clinton for perjury")


def test_a_pronoun_is_not_filled_where_the_line_points_at_the_other_gender(perjury: list[Candidate]) -> None:
    # "FBI Director James Comey said those statements were wrong ... She did receive some emails with
    # classified markings, he said": "She" is Clinton, "he" is Comey; the brief wrote "James Comey
    # did receive some emails". Either pronoun may be the one person named before: no line.
    assert not [c for c in perjury if "did receive some emails" in c.text]
    # The rule still fills a pronoun where nothing points elsewhere (the article's other "He" lines
    # stay out or are filled by the subject of the sentence before, never by another gender's word).
    assert all(not c.text.startswith("James Comey") for c in perjury)


def test_a_capitalised_modifier_is_no_surname_to_fill() -> None:
    # "... Jason Chaffetz, a Utah Republican ...": "Republican legislators have questioned that
    # determination" became "Utah Republican legislators"; no person is named there.
    candidates = _candidates("Republican seeks new Clinton inquiry")
    assert _line(candidates, "legislators have questioned").startswith("Republican legislators have questioned")


def test_a_tagged_span_that_holds_a_title_or_a_bracket_is_no_full_name() -> None:
    # "Chief of Staff Cheryl Mills" is tagged "Staff Cheryl Mills": the brief showed "asked Staff
    # Cheryl Mills, Sullivan and Staff Huma Abedin"; the initials of "John F. Hackett" are a name's.
    candidates = _candidates("Clinton's claim that 90 percent of her e-mails were")
    line = _line(candidates, "after the department asked")
    assert "Staff " not in line and "asked Mills, Sullivan and Abedin" in line
    assert "John F. Hackett said" in line


def test_an_editors_bracket_is_not_carried_into_a_name() -> None:
    # The story's other article quotes "[Hillary] Clinton", tagged "Hillary] Clinton"; the brief
    # opened a line "Hillary] Clinton released her medical records in July".
    candidates = _candidates("Bernie Sanders To Release Medical Records After Pressure From Clinton Ally")
    assert not [c for c in candidates if "]" in (c.shown or c.text)[:20]]
    assert _line(candidates, "released her medical records in July").endswith("showed she was fit for duty.")


def test_the_verifier_fails_a_pronoun_filled_where_the_line_points_at_the_other_gender() -> None:
    # What the brief showed before the rule above: the checker passed it, citing "James Comey".
    article = polnear_titled("train", "Republicans ask DOJ to investigate Clinton for perjury")
    start = article.text.index("She did receive some emails")
    end = article.text.index("during their investigation.", start) + len("during their investigation.")
    at = article.text.rindex("James Comey", 0, start)
    source = article.text[start:end]
    wrong = CitedSentence(
        "James Comey" + source.removeprefix("She"),
        (Span(article.id, start, end), Span(article.id, at, at + len("James Comey"))),
    )
    assert substitution_reasons(wrong, {article.id: article}) == [
        "'She' may be another person: the sentence also points at the other gender"
    ]
