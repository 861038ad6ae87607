"""Timeline entries read alone, issue 22 (the round after 22g): doubtful clause shapes left out.

Each case is a real sentence of the draw sample (every 40th PolNeAR train text from the 30th; every
6th TimeBank document from the 5th), with a right entry of the same text that must stay. The
rules are in `extract/event_doubts.py` and `extract/events.py`; the note says what was read after.
"""

from __future__ import annotations

from datetime import date

from newsfuse.clean import Cleaner
from newsfuse.evaluation.timeml import read_timeml
from newsfuse.extract import Extractor
from newsfuse.models import Article, Failure, StoryFacts, join_paragraphs
from newsfuse.provenance import trace
from tests.conftest import EVAL, need, polnear_document


def _polnear(prefix: str) -> list[str]:
    articles = [a for a in Cleaner().clean_batch([polnear_document("train", prefix)]) if not isinstance(a, Failure)]
    return [e.event for e in _facts(articles).timeline]


def _timebank(name: str) -> StoryFacts:
    document = read_timeml(need(EVAL / "timebank") / name)
    text, spans = join_paragraphs([p.strip() for p in document.text.split("\n\n") if p.strip()])
    return _facts([Article(id="t", text=text, paragraphs=spans, published=document.dct)])


def _facts(articles: list[Article]) -> StoryFacts:
    return Extractor().extract(articles, independence=trace(articles).source_keys())


def _has(events: list[str], words: str) -> bool:
    return any(words in e for e in events)


def test_a_state_is_no_event() -> None:
    # "The contrast between Sanders and Clinton was also apparent on Monday evening, when ...";
    # "... were also unifying around the nominee at a rapid pace since the party's convention last
    # month" (a stretch up to the writing, its date the convention's).
    assert not _has(_polnear("huff-post_2016-01-28_bernie-sanders"), "was also apparent")
    swing = _polnear("politico_2016-08-08_inside-the-swing")
    assert not _has(swing, "unifying around the nominee")
    assert _has(swing, "the Republican National Convention ended")
    # "... ratings were the same in late July at 37%"
    historians = _polnear("usa-today_2016-08-10_historians")
    assert not _has(historians, "were the same")
    assert _has(historians, "the Labor Department announced")


def test_a_date_of_the_subject_or_a_deadline_is_not_the_deed_s() -> None:
    # "Hillary Clinton's success in November will be closely tied to ...": November is the success's.
    assert not _has(_polnear("usa-today_2016-08-10_historians"), "success will be closely tied")
    # "Dunkin' has set Nov. 10 as the deadline ..."; "... extended to Nov. 20 its $45-a-share offer".
    dunkin = [e.event for e in _timebank("wsj_0159.tml").timeline]
    assert not _has(dunkin, "as the deadline")
    assert not _has(dunkin, "extended its $45-a-share offer")


def test_a_present_tense_deed_before_the_writing_day_is_not_dated() -> None:
    # A Sunday article: "Wayne Berman is organizing a National Finance Leadership Call Day in
    # Washington on Friday" was read as the Friday before; the day before's huddle stays.
    rubio = _polnear("wash-post_2016-01-24_mired")
    assert not _has(rubio, "is organizing")
    assert _has(rubio, "top advisers huddled")
    # "Weakness in big technology stocks hurt the composite ... on Friday": "hurt" read as present
    # by the tagger is no present tense to doubt.
    assert _has([e.event for e in _timebank("wsj_0585.tml").timeline], "Weakness in big technology stocks hurt")


def test_an_entry_read_alone_names_what_it_tells_of() -> None:
    # "Trump parroted these views ... on Thursday afternoon"; "a protester who interrupted him
    # during a rally in Indiana on Sunday"; "She's a member of the animal rights organization Direct
    # Action Everywhere, which also tried to interrupt a Clinton rally last Thursday" (the member or
    # the organization?).
    assert not _has(_polnear("huff-post_2016-08-11_donald-trump-is-now"), "these views")
    assert not _has(_polnear("usa-today_2016-05-03_ted-cruz"), "interrupted him")
    service = _polnear("breitbart_2016-08-10_secret-service")
    assert not _has(service, "a member also tried")
    assert _has(service, "Hillary Clinton had her second run in")


def test_garbled_cuts_and_misparsed_dates_are_left_out() -> None:
    # "... where both claim roots - Mrs. Clinton's father also grew up here, as she said at the
    # outset - any lingering rancor was well concealed": "here, - any".
    assert not _has(_polnear("nyt_2016-08-17_biden-calls"), "here, -")
    # "Truckloads of goods rolled into Iraq from Jordan on Tuesday and Iraqi-bound cargo was
    # unloaded ...": the parser joined Tuesday and the cargo.
    iraq = [e.event for e in _timebank("AP900815-0044.tml").timeline]
    assert not _has(iraq, "Iraqi-bound cargo")
    assert _has(iraq, "ordered a global embargo")
    # "Eight trading days after Oct. 12, ...": the fall is eight days on, not on Oct. 12.
    nasdaq = [e.event for e in _timebank("wsj_0585.tml").timeline]
    assert not _has(nasdaq, "Eight trading days")
    assert _has(nasdaq, "The Nasdaq Composite Index tumbled")
    # "conceptual drawings, released this month, show ...": a participle, no deed told.
    assert not _has([e.event for e in _timebank("wsj_0981.tml").timeline], "conceptual drawings")
    # "the carrier Dwight D. Eisenhower, which has been on patrol since March": a stretch.
    assert not _has([e.event for e in _timebank("WSJ900813-0157.tml").timeline], "on patrol")


def test_the_following_month_counts_from_the_month_the_text_told() -> None:
    # TimeBank wsj_0786: "... in March 1989 ... The following month, the company put itself up for
    # sale" (annotated 1989-04); it was counted from the last day the text had named (the date
    # line's Oct. 27, 1989), not from the month it told.
    following = [m for m in _timebank("wsj_0786.tml").dates if m.text == "The following month"]
    assert following and {m.start for m in following} == {date(1989, 4, 1)}


def test_a_role_after_as_a_future_state_and_a_standing_plan_keep_their_day() -> None:
    # Found on the check sample and the audit after the rules: "LaCalamita had been fired last
    # Thursday as a general accountant" (a passive: "as" gives his role, not what the date is);
    # "The split and quarterly dividend will be payable Jan. 3 to stock of record Nov. 16" (a
    # timetable); "Compaq ... still plans to announce new 486 products on Nov. 6" (a plan).
    # The ECB+ document (18_7ecbplus) has no date of its own: its sentence is read as an article's
    # of a few days later.
    sentence = "LaCalamita had been fired last Thursday as a general accountant at the firm."
    text, spans = join_paragraphs([sentence])
    article = Article(id="fired", text=text, paragraphs=spans, published=date(2007, 4, 10))
    assert _has([e.event for e in _facts([article]).timeline], "LaCalamita had been fired")
    payable = [e for e in _timebank("wsj_0263.tml").timeline if "will be payable" in e.event]
    assert payable and {e.date for e in payable} == {date(1990, 1, 3)}
    assert _has([e.event for e in _timebank("wsj_0781.tml").timeline], "still plans to announce")
