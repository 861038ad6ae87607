"""The when channel: the years and the days of the year an article names tell same-kind events apart."""

from __future__ import annotations

from newsfuse.models import Article, join_paragraphs
from newsfuse.stories.terms import Channel, article_terms
from newsfuse.stories.vectors import DocumentFrequencies, channel_cosines, hash_terms

# Written for these tests: three reports of a parliamentary vote in an invented country, alike but
# for the day they name (two elections of one kind, years apart, reported without their year).
REPORT = (
    "Voters in Valdoria cast ballots on {day} in a parliamentary election that the opposition "
    "boycotted, the central election commission in Port Amsel said.\n\n"
    "Turnout reached 71 percent by the evening, commission chairman Ilse Marrow told reporters."
)


def _article(article_id: str, day: str) -> Article:
    text, paragraphs = join_paragraphs(REPORT.format(day=day).split("\n\n"))
    return Article(id=article_id, title="Valdoria votes for a new parliament", text=text, paragraphs=paragraphs)


def test_days_and_years_named_are_when_terms() -> None:
    text, paragraphs = join_paragraphs(["The vote on Dec. 14 followed the one of 3 March 2009."])
    when = article_terms(Article(id="a", text=text, paragraphs=paragraphs)).of(Channel.WHEN)
    assert when == {"12-14": 1, "03-03": 1, "2009": 1}


def test_reports_naming_one_day_match_on_when_and_those_naming_another_do_not() -> None:
    first, same_day, other_day = _article("a", "Dec. 14"), _article("b", "Dec 14"), _article("c", "Dec. 15")
    vectors = [hash_terms(article_terms(a)) for a in (first, same_day, other_day)]
    frequencies = DocumentFrequencies()
    for vector in vectors:
        frequencies.add(vector)
    cosines = channel_cosines(vectors[0], vectors[1:], frequencies)
    assert cosines[0, Channel.WHEN] > 0.99
    assert cosines[1, Channel.WHEN] == 0.0
    # Every other channel sees the three reports alike: the day is the one difference.
    others = [c for c in Channel if c != Channel.WHEN]
    assert abs(cosines[0, others] - cosines[1, others]).max() < 1e-6
