"""Past-tense weekdays on real news (PolNeAR articles): a weekday of something done resolves back from
the publication date, not to the week after it."""

from __future__ import annotations

import csv
import dataclasses
from datetime import date

from newsfuse.extract import Extractor
from newsfuse.models import Article, DateMention
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
