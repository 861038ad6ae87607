"""Background and lines that point back (issue 22, session 13), each on the real line that misled:
- a past year on the main verb ("lay down on Illinois train tracks last year") dates the deed
  before the story: background, not what happened;
- a line that only says someone gave no answer ("declined to comment") is no line of the brief;
- a definite amount with nothing it measures ("In Pennsylvania the share exceeds 7%") points back;
- a sentence opening on a surname takes the full name its article wrote before it, also where the
  tagger saw no person there ("Keith Lamont Scott, 43, ... Scott, who was black, ...").
"""

from __future__ import annotations

from datetime import date

from newsfuse.brief.candidates import collect
from newsfuse.clean import Cleaner
from newsfuse.evaluation.summaries import parse_line
from newsfuse.extract.clause_dates import past_year_dates
from newsfuse.extract.dates import resolve_article
from newsfuse.extract.leaning import leans
from newsfuse.extract.non_answers import non_answer
from newsfuse.extract.parsing import SpacyParser
from newsfuse.models import Article, Failure
from newsfuse.models.brief import Brief
from newsfuse.service import Newsfuse
from tests.conftest import EVAL, need, polnear_document, polnear_titled


def _reported(brief: Brief) -> list[str]:
    return [s.text for s in (*brief.lede, *brief.sections.quick_read, *brief.sections.what_happened)]


def _polnear(prefix: str) -> Article:
    (article,) = Cleaner().clean_batch([polnear_document("dev", prefix)])
    assert not isinstance(article, Failure)
    return article


def _past_years(text: str) -> list[str]:
    doc = SpacyParser().nlp(text)
    article = Article(id="a", text=text, paragraphs=(), published=date(2015, 6, 10))
    mentions, _ = resolve_article(article, doc, None)
    return [m.text for m in past_year_dates(doc, mentions)]


def test_a_past_year_on_the_main_verb_dates_the_deed() -> None:
    assert _past_years("The city raised taxes two years ago.") == ["two years ago"]
    assert _past_years("Last year, the company cut 300 jobs.") == ["Last year"]
    assert _past_years("The council approved the plan in 2014.") == ["2014"]
    # A year on a noun, a perfect that runs up to now, a period up to now: no deed's date.
    assert _past_years("Last year's law raised the tax.") == []
    assert _past_years("The company has grown 20 percent since last year.") == []
    assert _past_years("The company has cut 300 jobs over the last year.") == []
    assert _past_years("Prices rose 3 percent last year, the agency said on Tuesday.") == []


def test_an_old_deed_in_an_editorial_is_background() -> None:
    # PolNeAR dev audit story 19: a veterans' suicide editorial beside a Loretta Lynch interview;
    # "Iraq War veteran Tom Young, 30, lay down on Illinois train tracks last year ..." stood in
    # what happened.
    brief = Newsfuse().brief_story(
        "19", [_polnear("usa-today_2016-09-16_every-minutes"), _polnear("wash-post_2016-09-14_a-lesson")]
    )
    deed = "lay down on Illinois train tracks last year"
    assert not any(deed in t for t in _reported(brief))
    assert any(deed in s.text for s in brief.sections.background)


def _silent(text: str) -> bool:
    (sentence,) = SpacyParser().nlp(text).sents
    return non_answer(sentence.root)


def test_a_line_that_tells_only_of_no_answer_is_no_line() -> None:
    assert _silent("A.J. Smith didn't return a call seeking further comment.")
    assert _silent("Johnson did not immediately respond to a request for comment.")
    assert _silent("Smith could not be reached for comment.")
    assert _silent("A spokesman said the company declined to comment on the lawsuit.")
    # Declining a deed, or a demand for one, is news.
    assert not _silent("The suspect refused to testify.")
    assert not _silent("The governor did not heed calls for his resignation.")
    assert not _silent("The court declined a request to extradite him.")
    # NeuS 203: "In an email response to queries, the prosecutor’s office declined to comment."
    # stood in what happened.
    line = need(EVAL / "neus-val" / "val.source").read_text(encoding="utf-8").splitlines()[202]
    brief = Newsfuse().brief_story("neus-203", parse_line(line, 203))
    shown = [s.text for s in (*brief.lede, *brief.sections.quick_read, *brief.sections.what_happened)]
    shown += [s.text for s in brief.sections.background]
    assert shown and not any("declined to comment" in t for t in shown)


def _alone(text: str) -> str | None:
    (sentence,) = SpacyParser().nlp(text).sents
    return leans(sentence)


def test_an_amount_with_nothing_it_measures_points_back() -> None:
    op_ed = polnear_titled("dev", "Trump’s East European Achilles Heel")
    sentence = next(s for s in SpacyParser().nlp(op_ed.text).sents if "the share exceeds 7%" in s.text)
    assert leans(sentence) == "the share"
    assert _alone("The rate rose to 5.2 percent in March.") == "the rate"
    # Its phrase says what it measures, or the amount counts something else, or tells a change.
    assert _alone("The share of voters who back him exceeds 7%.") is None
    assert _alone("The unemployment rate rose to 5.2 percent in March.") is None
    assert _alone("The state's share exceeds 7%.") is None
    assert _alone("The company employs 300 people.") is None
    assert _alone("The stock fell 3%.") is None


def test_an_opening_surname_takes_the_full_name_written_before() -> None:
    # PolNeAR dev: "... after Keith Lamont Scott, 43, was killed by police. Scott, who was black, was
    # shot ..." (the tagger read the full name as an organisation) stood in a quick read as "Scott".
    article = _polnear("west-journal_2016-09-21_chris-christie")
    texts = [c.text for c in collect([article])]
    assert any(t.startswith("Keith Lamont Scott, who was black") for t in texts)
    assert not any(t.startswith("Scott, who was black") for t in texts)
