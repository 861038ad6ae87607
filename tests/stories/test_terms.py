"""The when channel: the years, the days of the year, the lead's weekdays and the title's months an
article names tell same-kind events apart; figures are terms of what happened."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from newsfuse.models import Article, join_paragraphs
from newsfuse.stories.index import ArticleIndex
from newsfuse.stories.similarity import WEEKDAY_CONFLICT, Scoring
from newsfuse.stories.terms import NAME_CHANNELS, Channel, article_terms, other_times
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
    # The names see the three reports alike: the day is the one difference. The body and the lead
    # see it too, as a figure ("14" against "15": figures are terms of what happened).
    names = list(NAME_CHANNELS)
    assert abs(cosines[0, names] - cosines[1, names]).max() < 1e-6
    assert (cosines[0, [Channel.BODY, Channel.LEAD]] > cosines[1, [Channel.BODY, Channel.LEAD]]).all()


def test_the_weekdays_a_lead_names_are_its_weekdays_and_figures_are_body_terms() -> None:
    lead = "The commission said on Wednesday that 943,000 ballots were cast, 5.4% fewer than in 2009."
    # The weekday of a background paragraph, past the lead, is not the event's day.
    later = " ".join(["The count went on."] * 20) + " A recount on Friday is possible."
    text, paragraphs = join_paragraphs([lead, later])
    terms = article_terms(Article(id="a", text=text, paragraphs=paragraphs))
    wednesday_only = article_terms(Article(id="b", text="Wednesday.", paragraphs=()))
    assert terms.weekdays != 0 and terms.weekdays == wednesday_only.weekdays
    assert article_terms(Article(id="c", text="No day is named.", paragraphs=())).weekdays == 0
    assert {"943000", "5.4"} <= set(terms.of(Channel.BODY)) and "2009" not in terms.of(Channel.BODY)
    assert "2009" in terms.of(Channel.WHEN)


def test_reports_naming_other_weekdays_score_less_and_the_rest_alike() -> None:
    days = ("Wednesday", "Wednesday", "Friday", "Dec. 15")
    articles = [_article(str(n), day) for n, day in enumerate(days)]
    index = ArticleIndex(Scoring())
    for article in articles:
        index.add(article)
    raw = index.pairwise_raw([0], [1, 2, 3])[0]
    plain = ArticleIndex(replace(Scoring(), weekday_conflict=1.0))
    for article in articles:
        plain.add(article)
    unscaled = plain.pairwise_raw([0], [1, 2, 3])[0]
    # Wednesday against Friday: the day named in both leads differs, so the pair keeps WEEKDAY_CONFLICT
    # of its score; a lead naming no weekday ("Dec. 15") is no conflict.
    assert raw[1] == pytest.approx(WEEKDAY_CONFLICT * unscaled[1])
    assert raw[0] == pytest.approx(unscaled[0]) and raw[2] == pytest.approx(unscaled[2])
    assert raw[1] < raw[0]


def _jobs_report(article_id: str, title: str) -> Article:
    text, paragraphs = join_paragraphs(
        [
            "Employers in Valdoria added 136,000 jobs last month, the statistics office in Port Amsel said, "
            "and the unemployment rate held at 3.5 percent.",
            "Economists had expected a smaller gain, office director Ilse Marrow told reporters.",
        ]
    )
    return Article(id=article_id, title=title, text=text, paragraphs=paragraphs)


def test_a_title_month_is_a_when_mark_and_may_and_march_are_not() -> None:
    def months(title: str) -> int:
        return article_terms(_jobs_report("a", title)).title_months

    assert months("Valdoria adds 136,000 jobs in September") != 0
    assert months("Valdoria adds 136,000 jobs in September") == months("September jobs: a steady gain")
    assert months("Valdoria adds 136,000 jobs in June") != months("Valdoria adds 136,000 jobs in September")
    # In a title-case headline "May" and "March" are as often verbs; a month in the body is no title month.
    assert months("Rates May Rise As Hiring Holds") == 0 and months("Workers March On Port Amsel") == 0
    assert months("Valdoria adds 136,000 jobs") == 0


def test_titles_naming_other_months_score_less_and_the_rest_alike() -> None:
    titles = (
        "Valdoria adds 136,000 jobs in September",
        "Valdoria's September jobs report beats forecasts",
        "Valdoria adds 136,000 jobs in June",
        "Valdoria adds 136,000 jobs",
    )
    articles = [_jobs_report(str(n), title) for n, title in enumerate(titles)]
    marks = np.array([article_terms(a).when_marks for a in articles], dtype=np.int64)
    assert other_times(marks[0], marks[1:]).tolist() == [0, 1, 0]
    index = ArticleIndex(Scoring())
    plain = ArticleIndex(replace(Scoring(), weekday_conflict=1.0))
    for article in articles:
        index.add(article)
        plain.add(article)
    raw = index.pairwise_raw([0], [1, 2, 3])[0]
    unscaled = plain.pairwise_raw([0], [1, 2, 3])[0]
    # September against June: the titles' months differ, so the pair keeps WEEKDAY_CONFLICT of its
    # score; a title naming no month is no conflict.
    assert raw[1] == pytest.approx(WEEKDAY_CONFLICT * unscaled[1])
    assert raw[0] == pytest.approx(unscaled[0]) and raw[2] == pytest.approx(unscaled[2])


def test_a_pair_naming_other_weekdays_and_other_months_counts_both() -> None:
    wednesday_june = article_terms(_jobs_report("a", "Valdoria adds 136,000 jobs in June on Wednesday"))
    friday_september = article_terms(_jobs_report("b", "Valdoria adds 136,000 jobs in September on Friday"))
    marks = np.array([wednesday_june.when_marks, friday_september.when_marks], dtype=np.int64)
    assert other_times(marks[0], marks[1]) == 2
    assert other_times(marks[0], marks[0]) == 0
