"""A day counted from a guessed day is a guess (issue 22, timeline round 2).

The original ECB documents of ECB+ carry no publication date, so an undated article's "Friday" or
"today" is read against the story's time window, which its background dates may set years off (the
2005 shootings in reports of the 2008 sentencing). Such a day is left out of the timeline; a "the next
day" or "a day after" counted from it was given the provenance of a date the text writes, and so
stayed. The cases are the draw sample's (first 8 `ecb` documents of the odd topics).
"""

from __future__ import annotations

from datetime import date

import pytest

from newsfuse.clean import Cleaner
from newsfuse.evaluation.stories import read_document
from newsfuse.models import Failure, RawDocument
from newsfuse.models.brief import Brief
from newsfuse.service import Newsfuse
from tests.conftest import EVAL, need


def _ecb_brief(topic: int) -> Brief:
    """The brief of an ECB+ topic's first 8 original (`ecb`) documents, as plain text."""
    folder = need(EVAL / "ecbplus-dev") / "ECB+" / str(topic)
    files = sorted(folder.glob("*ecb.xml"))[:8]
    raws = [RawDocument(origin=f"{f.stem}.txt", content=read_document(f), format="text") for f in files]
    articles = [a for a in Cleaner().clean_batch(raws) if not isinstance(a, Failure)]
    return Newsfuse().brief_story(str(topic), articles)


@pytest.fixture(scope="module")
def nichols() -> Brief:
    return _ecb_brief(3)


def test_a_day_after_a_guessed_weekday_is_no_timeline_date(nichols: Brief) -> None:
    # 3_7ecb: "On Friday morning, a day after the 9-3 deadlock was first reported, ..." (2008): the
    # Friday was read against the story's 2005 window, and the deadlock dated 2005-03-10 from it.
    assert not [e for e in nichols.timeline if "deadlock" in e.event]


def test_the_next_day_after_a_guessed_today_is_no_timeline_date(nichols: Brief) -> None:
    # 3_8ecb: "A judge handed Brian Nichols today four consecutive life sentences ... A court officer
    # was also killed outside the court and an off-duty officer the next day": "the next day" was
    # counted from the guessed "today" (2005-03-11), so the court officer's killing read 2005-03-12.
    assert not [e for e in nichols.timeline if "court officer was also killed" in e.event]


def test_the_next_day_after_a_written_date_keeps_its_day(nichols: Brief) -> None:
    # "... on March 11, 2005 ... Mr. Nichols was captured the next day": counted from a date the
    # text writes in full, so it is sure (he was caught on March 12).
    captured = [e for e in nichols.timeline if "captured the next day" in e.event]
    assert captured and {e.date for e in captured} == {date(2005, 3, 12)}


def test_one_day_after_a_guessed_saturday_is_no_timeline_date() -> None:
    # 5_*ecb (the 76ers fire Maurice Cheeks, December 2008): "fired coach Maurice Cheeks on
    # Saturday, one day after the team continued its slide", the Saturday read against the only
    # full date the texts give (his hiring, May 23, 2005); the hiring itself stays.
    timeline = _ecb_brief(5).timeline
    assert not [e for e in timeline if "fired coach Maurice Cheeks" in e.event]
    assert {e.date for e in timeline if "named the 21st head coach" in e.event} == {date(2005, 5, 23)}
