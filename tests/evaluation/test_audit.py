"""CI gate: briefs of real stories (18 ECB+ dev topics, 32 NeuS stories, 6 PolNeAR dev stories)
against what a careful reader expects of them (evaluation/audit/), on the half looked at while
developing, the half held out and the fresh split annotated later (PolNeAR: fresh only), each against
its pinned floors; and the scorer itself catches what it is meant to catch."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from newsfuse.errors import EvaluationDataError
from newsfuse.evaluation.audit import (
    AUDIT_FILES,
    AuditRun,
    ecb_stories,
    evaluate_audit,
    load_expectations,
    polnear_audit_stories,
)
from newsfuse.evaluation.audit_checks import score_brief, timeline_verdict
from newsfuse.models import Span
from newsfuse.models.brief import CitedSentence
from newsfuse.models.facts import TimelineEntry
from tests.conftest import EVAL, REPO, need

AUDIT = REPO / "evaluation" / "audit"
FLOORS: dict[str, Any] = json.loads((REPO / "evaluation" / "floors.json").read_text(encoding="utf-8"))["audit"]
# Figures that must stay at or under their pinned ceiling; every other figure must stay at or above its floor.
CEILINGS = frozenset({"misleading_reporting", "misleading_all", "headlines_as_body", "false_alarms"})
SPLITS = ("dev", "held_out", "fresh")
# Sets annotated in halves (dev, held_out) and a fresh split; PolNeAR dev was annotated fresh only.
HALVED = ("ecbplus-dev", "neus-val")
POLNEAR_DEV = EVAL / "polnear" / "dev"


@pytest.fixture(scope="module")
def runs() -> dict[tuple[str, str], AuditRun]:
    need(EVAL / "ecbplus-dev")
    need(EVAL / "neus-val")
    need(POLNEAR_DEV)
    found = {}
    for split in SPLITS:
        for run in evaluate_audit(AUDIT, EVAL, split=split):
            found[(run.set, split)] = run
    return found


CASES = [
    (name, split, figure) for name in AUDIT_FILES for split in FLOORS[name] for figure in sorted(FLOORS[name][split])
]


@pytest.mark.parametrize(("name", "split", "figure"), CASES)
def test_figure_holds_its_pinned_bound(
    runs: dict[tuple[str, str], AuditRun], name: str, split: str, figure: str
) -> None:
    measured = runs[(name, split)].figures()[figure]
    bound = FLOORS[name][split][figure]
    if figure in CEILINGS:
        assert measured <= bound, (figure, measured, bound)
    else:
        assert measured >= bound, (figure, measured, bound)


def test_every_set_has_pinned_floors() -> None:
    assert set(AUDIT_FILES) <= set(FLOORS)
    assert set(FLOORS["polnear-dev"]) == {"fresh"}


def test_expectations_cover_every_split_of_the_halved_sets() -> None:
    for name in HALVED:
        file = AUDIT_FILES[name]
        expectations = load_expectations(AUDIT / file)
        halves = {e.split for e in expectations}
        assert halves == {"dev", "held_out", "fresh"}, name
        assert sum(e.split == "dev" for e in expectations) == sum(e.split == "held_out" for e in expectations)
        fresh = load_expectations(AUDIT / file, "fresh")
        assert fresh and {e.split for e in fresh} == {"fresh"}, name
        assert len(load_expectations(AUDIT / file, "all")) == len(expectations), name


def _ecb_brief(runs: dict[tuple[str, str], AuditRun], split: str, story_id: str) -> tuple[Any, Any, tuple[str, ...]]:
    """The audit's brief of one ECB+ story with its expectations and its sources' headline lines."""
    run = runs[("ecbplus-dev", split)]
    index = next(i for i, s in enumerate(run.scores) if s.story == story_id)
    expected = next(e for e in load_expectations(AUDIT / AUDIT_FILES["ecbplus-dev"]) if e.id == story_id)
    (story,) = ecb_stories([expected], EVAL / "ecbplus-dev")
    return run.briefs[index], expected, story.titles


@pytest.fixture(scope="module")
def lohan(runs: dict[tuple[str, str], AuditRun]) -> tuple[Any, Any, tuple[str, ...]]:
    """A real brief (ECB+ topic 1) with its expectations and its sources' headline lines."""
    return _ecb_brief(runs, "dev", "1_ecbplus")


def _with_line(brief: Any, sentence: CitedSentence) -> Any:
    return replace(brief, sections=replace(brief.sections, what_happened=(sentence,)))


def test_the_scorer_catches_a_headline_repeated_as_a_line(lohan: tuple[Any, Any, tuple[str, ...]]) -> None:
    brief, expected, titles = lohan
    article = next(a for a in brief.articles if a.title)
    line = CitedSentence(article.title, (Span(article.id, 0, len(article.title)),))
    verdicts = score_brief(_with_line(brief, line), expected, titles).of("sentence", frozenset({"what_happened"}))
    assert any(v.why.startswith("repeats the headline") for v in verdicts)


def test_the_scorer_catches_a_cut_that_drops_a_qualifier(lohan: tuple[Any, Any, tuple[str, ...]]) -> None:
    """ "… checked into rehab on Thursday, but the facility has not been officially sanctioned …"
    cut after "Thursday" loses what restricts the claim."""
    brief, expected, titles = lohan
    article = next(a for a in brief.articles if "has not been officially sanctioned" in a.text)
    start = article.text.index("Lindsay Lohan's lawyer says")
    end = article.text.index(", but the facility", start)
    line = CitedSentence(article.text[start:end] + ".", (Span(article.id, start, end),))
    verdicts = score_brief(_with_line(brief, line), expected, titles).of("sentence", frozenset({"what_happened"}))
    assert [v.right for v in verdicts] == [False]
    assert verdicts[0].why.startswith("cut before")


def test_the_scorer_catches_a_name_that_is_not_the_pronoun_s_person(lohan: tuple[Any, Any, tuple[str, ...]]) -> None:
    """ "She's in rehab right now" is Heller speaking; put "Betty Ford" (a clinic) in for a "He"."""
    brief, expected, titles = lohan
    article = next(a for a in brief.articles if "settling in at Morningside" in a.text)
    start = article.text.index("Mark Jay Heller told a judge")
    end = article.text.index(".", start) + 1
    source = article.text[start:end]
    wrong = "Betty Ford" + source[len("Mark Jay Heller") :]
    line = CitedSentence(wrong, (Span(article.id, start, end),))
    verdicts = score_brief(_with_line(brief, line), expected, titles).of("sentence", frozenset({"what_happened"}))
    assert [v.right for v in verdicts] == [False]
    assert "Betty Ford" in verdicts[0].why


@pytest.fixture(scope="module")
def ortiz(runs: dict[tuple[str, str], AuditRun]) -> tuple[Any, Any, tuple[str, ...]]:
    """A real brief of the fresh split (ECB+ topic 16) with its expectations and headline lines."""
    return _ecb_brief(runs, "fresh", "16_ecbplus")


def test_the_scorer_catches_a_line_split_at_a_title_s_point(ortiz: tuple[Any, Any, tuple[str, ...]]) -> None:
    """ "... drew a gun on him and his partner, Det." ends where the name Colin Orpe begins."""
    brief, expected, titles = ortiz
    article = next(a for a in brief.articles if "his partner, Det. Colin Orpe" in a.text)
    end = article.text.index("Det. Colin Orpe") + len("Det.")
    start = article.text.rindex("\n", 0, end) + 1
    line = CitedSentence(article.text[start:end], (Span(article.id, start, end),))
    verdicts = score_brief(_with_line(brief, line), expected, titles).of("sentence", frozenset({"what_happened"}))
    assert [v.right for v in verdicts] == [False]
    assert verdicts[0].why.startswith("split inside a sentence")


def test_the_scorer_catches_a_figure_label(ortiz: tuple[Any, Any, tuple[str, ...]]) -> None:
    brief, expected, titles = ortiz
    sentence = brief.sections.what_happened[0]
    line = CitedSentence("Map of the neighbourhood showing the apartment: " + sentence.text, sentence.spans)
    verdicts = score_brief(_with_line(brief, line), expected, titles).of("sentence", frozenset({"what_happened"}))
    assert [v.why for v in verdicts] == ["page clutter"]


def test_an_entry_dated_by_its_month_is_right_for_an_event_on_a_day_in_it(
    ortiz: tuple[Any, Any, tuple[str, ...]],
) -> None:
    """ "Orozco was found guilty by the same jury last month" (an April report): March 2007 holds the
    verdict the reader expects on March 20; February does not."""
    _, expected, _ = ortiz
    event = "Orozco was found guilty by the same jury of first-degree murder"
    march = TimelineEntry(date(2007, 3, 1), date(2007, 3, 31), "month", event, ("a",), ())
    february = replace(march, date=date(2007, 2, 1), end=date(2007, 2, 28))
    assert timeline_verdict(march, expected).right
    assert not timeline_verdict(february, expected).right


def test_polnear_expectations_are_fresh_and_name_their_texts() -> None:
    """The six PolNeAR stories were read blind (dev stories 11, 13, ..., 21): all fresh, each naming
    the texts it was written from."""
    expectations = load_expectations(AUDIT / AUDIT_FILES["polnear-dev"])
    assert [e.id for e in expectations] == ["11", "13", "15", "17", "19", "21"]
    assert {e.split for e in expectations} == {"fresh"}
    assert all(len(e.documents) >= 2 and e.people and e.main_who for e in expectations)
    assert not load_expectations(AUDIT / AUDIT_FILES["polnear-dev"], "dev")


def test_polnear_stories_are_the_texts_the_reader_read() -> None:
    """Each expectation gets the grouped story of exactly its texts, with their titles as headlines."""
    expectations = load_expectations(AUDIT / AUDIT_FILES["polnear-dev"])
    stories = polnear_audit_stories(expectations, need(POLNEAR_DEV))
    for story in stories:
        assert sorted(a.origin or "" for a in story.articles) == sorted(story.expected.documents)
        assert len(story.titles) == len(story.articles)
    lynch = next(s for s in stories if s.expected.id == "19")
    assert any("Loretta Lynch" in title for title in lynch.titles)


def test_a_polnear_story_the_stage_does_not_group_is_an_error() -> None:
    """Texts of two different stories are no story of the split: the audit says so rather than
    scoring some other brief against the reader's notes."""
    first, second = load_expectations(AUDIT / AUDIT_FILES["polnear-dev"])[:2]
    mixed = replace(first, documents=(first.documents[0], second.documents[0]))
    with pytest.raises(EvaluationDataError, match="no longer groups"):
        polnear_audit_stories([mixed], need(POLNEAR_DEV))


def test_a_set_with_no_story_in_the_split_reports_nothing() -> None:
    """PolNeAR dev has no dev half: `eval audit --split dev` leaves it out rather than report 100% of nothing."""
    assert evaluate_audit(AUDIT, EVAL, split="dev", sets=["polnear-dev"]) == []
