"""A dated scene is not the event, nor is the next step of a narration read alone (issue 22, timeline round 3).

"Comeaux was in a wheelchair Monday when he pulled a gun": a past "be" (or a past progressive)
tells how things stood, and the "when" clause what happened; the date dates that clause. "Then,
on September 10, 2010, ..., Hiller went berserk again" is one step of a narration whose step
before is another sentence. The cases are real ECB+ documents: two of the audit's wrong entries
(3_5ecbplus, 22_7ecbplus) and one of the blind check set (28_5ecbplus, labelled before the change).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from newsfuse.brief.timeline import curate_timeline
from newsfuse.clean import Cleaner
from newsfuse.evaluation.stories import as_written, read_document
from newsfuse.extract import Extractor
from newsfuse.models import Article, Failure, RawDocument, Span, StoryFacts, TimelineEntry
from newsfuse.provenance import trace
from tests.conftest import EVAL, need


def _article(name: str) -> Article:
    """One ECB+ document as the audit reads it (its date line gives its day)."""
    topic = name.split("_", 1)[0]
    path = need(EVAL / "ecbplus-dev") / "ECB+" / topic / f"{name}.xml"
    text = "\n\n".join(as_written(p) for p in read_document(path).split("\n\n"))
    raws = [RawDocument(origin=f"{name}.txt", content=text, format="text", path=f"{name}.txt")]
    articles = [a for a in Cleaner().clean_batch(raws) if not isinstance(a, Failure)]
    assert len(articles) == 1
    return articles[0]


def _facts(article: Article) -> StoryFacts:
    return Extractor().extract([article], independence=trace([article]).source_keys())


def test_a_scene_gives_its_date_to_the_when_clause() -> None:
    # 28_5ecbplus (check set): "LaRue was with Magruder, Mitchell and Mardian at a campaign stop in
    # Los Angeles when the Watergate burglars were arrested, on June 17, 1972."
    timeline = _facts(_article("28_5ecbplus")).timeline
    arrests = [e for e in timeline if e.event == "the Watergate burglars were arrested"]
    assert [e.date for e in arrests] == [date(1972, 6, 17)]
    assert not [e for e in timeline if e.event.startswith("LaRue was with")]


def test_a_scene_s_named_subject_stands_in_for_the_deed_s_pronoun() -> None:
    # 3_5ecbplus (audit): "Comeaux was in a wheelchair Monday when he pulled a gun on two guards
    # during a transfer ...": the deed is the pulling, and "he" can only be Comeaux.
    timeline = _facts(_article("3_5ecbplus")).timeline
    assert not [e for e in timeline if "wheelchair" in e.event]
    pulled = [e for e in timeline if e.event.startswith("Comeaux pulled a gun on two guards")]
    assert [e.date for e in pulled] == [date(2009, 11, 30)]


def test_the_next_step_of_a_narration_is_left_out() -> None:
    # 22_7ecbplus (audit): "Then, on September 10, 2010, according to a surviving victim, Hiller
    # went berserk again, cursing ...": the extractor dates it; read alone it leans on what came before.
    article = _article("22_7ecbplus")
    facts = _facts(article)
    assert [e for e in facts.timeline if e.event.startswith("Then,")]
    curated = curate_timeline(facts.timeline, facts.dates, [article])
    assert not [e for e in curated if e.event.startswith("Then")]
    assert [e for e in curated if "found a former Kraft Foods company employee guilty" in e.event]


def test_a_title_with_then_is_no_step() -> None:
    # "Then-President ..." names someone's office at the time: the clause stands alone.
    event = "Then-President George W. Bush signed the measure into law"
    day = date(2006, 10, 4)
    entry = TimelineEntry(date=day, end=day, granularity="day", event=event, articles=("a",), spans=(Span("a", 0, 9),))
    assert curate_timeline([entry]) == (entry,)
    stepped = replace(entry, event="Then, the governor signed the measure into law")
    assert curate_timeline([stepped]) == ()
