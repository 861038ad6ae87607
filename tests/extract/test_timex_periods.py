"""Rules of issue 20 (dates 2) on TimeBank's calibration half, read from the real files: a quarter or
half that names its year is one expression, a year said in words keeps its last word, and "the
future of" a thing is not a time expression. Each test scores the sentence's gold TIMEX3."""

from __future__ import annotations

from functools import cache

import pytest

from newsfuse.evaluation.dates import NewsfuseTagger, is_calibration
from newsfuse.evaluation.timeml import TimemlDocument, Timex, read_timeml
from tests.conftest import EVAL, need


@cache
def _tagger() -> NewsfuseTagger:
    return NewsfuseTagger()


def _found(name: str, words: str) -> tuple[TimemlDocument, list[tuple[str, str]], list[tuple[str, str]]]:
    """The gold and newsfuse's expressions (words, value) of the paragraph of `name` holding `words`."""
    document = read_timeml(need(EVAL / "timebank") / f"{name}.tml")
    assert is_calibration(document.name), "rules are shown on the calibration half only"
    at = document.text.index(words)
    start = document.text.rfind("\n\n", 0, at) + 2
    end = document.text.find("\n\n", at)
    end = len(document.text) if end < 0 else end

    def inside(timexes: list[Timex] | tuple[Timex, ...]) -> list[tuple[str, str]]:
        return [(document.text[t.start : t.end], t.value) for t in timexes if start <= t.start < end]

    return document, inside(document.timexes), inside(_tagger().tag(document.text, document.dct))


@pytest.mark.parametrize(
    ("name", "words", "value"),
    [
        ("wsj_1003", "the third quarter of 1990", "1990-Q3"),
        ("wsj_0991", "the 1988 third quarter", "1988-Q3"),
        ("wsj_0585", "the 1988 quarter", "1988-Q3"),
        ("wsj_0344", "this year's third quarter", "1989-Q3"),
        ("wsj_1014", "the last half of 1989", "1989-H2"),
    ],
)
def test_a_quarter_or_half_that_names_its_year_is_one_expression(name: str, words: str, value: str) -> None:
    _, gold, found = _found(name, words)
    assert (words, value) in gold
    assert (words, value) in found, found


def test_a_year_said_in_words_keeps_its_last_word() -> None:
    # "In nineteen ninety-one Charles Keating was convicted": the capitalised name after the year
    # once made the pattern back off to "nineteen ninety".
    _, gold, found = _found("PRI19980115.2000.0186", "nineteen ninety-one")
    assert ("nineteen ninety-one", "1991") in gold
    assert ("nineteen ninety-one", "1991") in found, found


def test_the_future_of_a_thing_is_no_time_expression() -> None:
    # "that's very important to the future of our peoples": the future of a thing is its prospects.
    _, gold, found = _found("CNN19980213.2130.0155", "the future of our peoples")
    assert not [g for g in gold if "future" in g[0]]
    assert not [f for f in found if "future" in f[0]], found
