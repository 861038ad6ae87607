"""Dates on real news (PolNeAR articles): a photo caption never dates the story; a month stays a month."""

from __future__ import annotations

import dataclasses
from datetime import date

from newsfuse.extract import Extractor
from newsfuse.models import Article
from newsfuse.service import Newsfuse
from tests.conftest import EVAL, need

# Huffington Post, 21 March 2016. A caption dates a photo to October 2, 2015: "Christoph Blocher
# reacts during an electoral meeting of the Swiss People's Party on October 2, 2015.
# (FABRICE COFFRINI/AFP/Getty Images.)"
SWISS = "train/text/huff-post_2016-03-21_the-rise-of-switzerland-s-trump.txt"
# Politico, 31 December 2015, on Clinton's emails: "in April 2012, Mills forwards an email ..."
EMAILS = "train/text/politico_2015-12-31_more-than-clinton-emails-now-dee.txt"


def _article(relative: str, published: date) -> Article:
    path = need(EVAL / "polnear" / relative)
    article = Newsfuse().articles([str(path)]).articles[0]
    return dataclasses.replace(article, published=published)


def test_a_photo_caption_date_is_not_a_story_date(extractor: Extractor) -> None:
    article = _article(SWISS, date(2016, 3, 21))
    caption = article.text.index("Christoph Blocher reacts during an electoral meeting")
    facts = extractor.extract([article])
    assert not [m for m in facts.dates if m.start == date(2015, 10, 2)]
    assert not [e for e in facts.timeline if e.date == date(2015, 10, 2)]
    # The body's own dates are still read: the referendum "for June 5, 2016".
    assert any(m.start == date(2016, 6, 5) and m.span.start > caption for m in facts.dates)


def test_a_month_only_date_stays_a_month(extractor: Extractor) -> None:
    article = _article(EMAILS, date(2015, 12, 31))
    facts = extractor.extract([article])
    april = [e for e in facts.timeline if e.granularity == "month" and e.date == date(2012, 4, 1)]
    assert april, [(e.iso, e.event) for e in facts.timeline]
    assert april[0].iso == "2012-04"
    assert april[0].label == "April 2012"
