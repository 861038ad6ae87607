"""Past-tense weekdays on real news (PolNeAR articles): a weekday of something done resolves back from
the publication date, not to the week after it."""

from __future__ import annotations

import csv
import dataclasses
from datetime import date

from newsfuse.extract import Extractor
from newsfuse.models import Article, DateMention, RawDocument
from newsfuse.service import Newsfuse
from tests.conftest import EVAL, need

# Huffington Post, Thursday 16 June 2016, after the Orlando shooting of Sunday 12 June: "... the
# assault rifle used in the attack on Sunday, Obama said."
ORLANDO = "huff-post_2016-06-16_obama-families-of-gun-violence-v"
# New York Times, Friday 27 May 2016: "a phone survey of 1,704 California adults taken from May 13
# through Sunday."
SURVEY = "nyt_2016-05-27_clinton-faces-tight-primary-with"


def _article(name: str) -> Article:
    folder = need(EVAL / "polnear")
    with (folder / "metadata.tsv").open(encoding="utf-8") as handle:
        published = {row["filename"]: row["publication_date"] for row in csv.DictReader(handle, delimiter="\t")}
    article = Newsfuse().articles([str(folder / "train" / "text" / f"{name}.txt")]).articles[0]
    return dataclasses.replace(article, published=date.fromisoformat(published[name]))


def _weekday(mentions: tuple[DateMention, ...], text: str, after: str) -> DateMention:
    found = [m for m in mentions if m.kind == "weekday" and m.text == "Sunday" and after in text[: m.span.start][-80:]]
    assert len(found) == 1, [(m.text, m.iso) for m in mentions if m.kind == "weekday"]
    return found[0]


def test_a_weekday_of_a_past_deed_is_the_one_before_publication(extractor: Extractor) -> None:
    article = _article(ORLANDO)
    assert article.published == date(2016, 6, 16)  # a Thursday
    facts = extractor.extract([article])
    sunday = _weekday(facts.dates, article.text, "used in the attack on ")
    assert sunday.tense == "past"
    assert sunday.start == date(2016, 6, 12)


def test_a_survey_taken_through_sunday_ended_before_publication(extractor: Extractor) -> None:
    article = _article(SURVEY)
    assert article.published == date(2016, 5, 27)  # a Friday
    facts = extractor.extract([article])
    sunday = _weekday(facts.dates, article.text, "taken from May 13 through ")
    assert sunday.start == date(2016, 5, 22)


def test_a_plan_told_in_the_past_takes_the_nearest_weekday(extractor: Extractor) -> None:
    # ECB+ 33_3ecbplus, published Friday 12 April 2013: "A second witness had expected to testify in
    # the shooting on Thursday as well but ... their testimony has been delayed until Monday."
    from newsfuse.evaluation.stories import load_ecbplus

    document = next(d for d in load_ecbplus(need(EVAL / "ecbplus-dev")) if d.name == "33_3ecbplus.xml")
    [article] = Newsfuse().articles_from_documents(
        [RawDocument(origin=document.name, content=document.text, format="text", path=document.name)]
    ).articles
    assert article.published == date(2013, 4, 12)
    facts = extractor.extract([article])
    [thursday] = [
        m for m in facts.dates if m.text == "Thursday" and "had expected" in article.text[: m.span.start][-60:]
    ]
    assert thursday.start == date(2013, 4, 11)
