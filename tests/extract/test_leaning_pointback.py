"""Lines that point back, round 2 (issue 22, session 14): real PolNeAR train sentences that fresh
reading O found misleading alone (an opening "In fact,", a "she" after an opening that names only a
"Mr.", a "that" the tagger read as a relative pronoun, "One exception is ..."), each parsed with its
whole article as the extract stage parses it, and real sentences of the same kinds that stand."""

from __future__ import annotations

import pytest

from newsfuse.extract.leaning import leaning_sentences
from newsfuse.extract.parsing import SpacyParser
from newsfuse.models import Article
from tests.conftest import polnear_article


@pytest.fixture(scope="module")
def parser() -> SpacyParser:
    return SpacyParser()


def _leans(parser: SpacyParser, prefix: str, opens: str) -> bool:
    article: Article = polnear_article("train", prefix)
    start = article.text.index(opens)
    (doc,) = parser.parse([article.text])
    return any(span.start <= start < span.end for span in leaning_sentences([article], [doc]))


@pytest.mark.parametrize(
    ("prefix", "opens"),
    [
        # "In fact" confirms the sentence before it (Trump and Lewandowski denying Fields's account).
        ("wash-post_2016-03-30_trump-sticking", "In fact, in the days after the incident"),
        # "she" is Debbie Wasserman Schultz, of the sentence before; "Mr. Sanders" cannot be "she".
        ("nyt_2016-04-26_sanders-and-allies", "Of 45 potential members submitted by Mr. Sanders"),
        # "that" is the sentence before; the tagger reads it as a relative pronoun.
        ("huff-post_2016-01-28_bernie-sanders-and-hillary", "In the long run, that can undermine"),
        # One exception to what? To the sentence before (Sanders's pages mention Obama only in passing).
        ("huff-post_2016-01-28_bernie-sanders-and-hillary", "One exception is a page on health care"),
    ],
)
def test_a_sentence_that_points_back_leans(parser: SpacyParser, prefix: str, opens: str) -> None:
    assert _leans(parser, prefix, opens)


@pytest.mark.parametrize(
    ("prefix", "opens"),
    [
        # An opening that sets the time and names the one who acts.
        ("nyt_2016-04-26_sanders-and-allies", "In January, the party chairwoman, Representative"),
        # "he" after "Mr. Kim's": the honorific agrees, so the opening holds its antecedent.
        ("nyt_2016-08-26_u-s-nominates-jim-yong-kim", "For all of Mr. Kim's critics, he has acquired"),
        # A relative "that" in its own clause.
        ("huff-post_2016-01-28_bernie-sanders-and-hillary", "Sanders answered an early question about his"),
        # "One potential obstacle is that ...": the clause after "be" says what the one is.
        ("wash-post_2016-06-09_party-aims-to-heal", "One potential obstacle is that Massachusetts"),
        # One of the tunnels the sentence counts; no "be" picks it out of a set.
        ("nyt_2016-09-03_as-trump-demands-wall-smugglers", "One tunnel was dug under"),
    ],
)
def test_a_sentence_that_names_what_it_speaks_of_stands(parser: SpacyParser, prefix: str, opens: str) -> None:
    assert not _leans(parser, prefix, opens)
