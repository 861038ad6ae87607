"""Numbers on real data: values, what they count, units and qualifiers, comparable across articles."""

from __future__ import annotations

import pytest

from newsfuse.evaluation.summaries import load
from newsfuse.extract import Extractor
from newsfuse.models import Article, NumberMention, StoryFacts
from tests.conftest import EVAL, need


def _number(facts: StoryFacts, text: str) -> NumberMention:
    found = [n for n in facts.numbers if n.text == text]
    assert found, f"{text!r} not among {[n.text for n in facts.numbers]}"
    return found[0]


def test_counts_know_what_they_count(seed_facts: StoryFacts) -> None:
    troops = _number(seed_facts, "2,000")
    assert (troops.value, troops.noun_lemma, troops.qualifier) == (2000, "troop", "approximately")
    assert troops.noun == "North Korean troops"
    leaders = _number(seed_facts, "26")
    assert (leaders.value, leaders.noun_lemma) == (26, "leader")


def test_ordinals_and_durations(seed_facts: StoryFacts) -> None:
    anniversary = _number(seed_facts, "80th")
    assert (anniversary.kind, anniversary.value, anniversary.noun_lemma) == ("ordinal", 80, "anniversary")
    six = [n for n in seed_facts.numbers if n.text.lower() == "six" and n.kind == "duration"]
    assert six and six[0].value == 6 and six[0].unit == "year"


def test_calendar_dates_are_not_numbers(seed_facts: StoryFacts) -> None:
    assert not any(n.text in {"2025", "2019", "4"} for n in seed_facts.numbers)


def test_every_number_span_quotes_its_article(seed_facts: StoryFacts, seeds: dict[str, Article]) -> None:
    by_id = {a.id: a for a in seeds.values()}
    for number in seed_facts.numbers:
        assert by_id[number.span.article_id].excerpt(number.span) == number.text


def test_money_and_spaced_thousands_in_the_sample_corpus(corpus: dict[str, tuple[StoryFacts, dict[str, str]]]) -> None:
    fire, _ = corpus["brennholm-warehouse-fire"]
    dollars = _number(fire, "$1.2 billion")
    written = _number(fire, "1.2 bn dollars")
    assert (
        (dollars.value, dollars.unit, dollars.kind)
        == (written.value, written.unit, written.kind)
        == (1.2e9, "USD", "money")
    )
    hours, days = _number(fire, "72"), _number(fire, "three")
    assert (hours.kind, hours.unit) == ("duration", "hour")
    assert (days.kind, days.unit, days.value) == ("duration", "day", 3)
    storm, _ = corpus["storm-ysolde"]
    homes = _number(storm, "62 000")
    assert (homes.value, homes.noun_lemma) == (62000, "home")


def test_clock_times_compare_across_notations(corpus: dict[str, tuple[StoryFacts, dict[str, str]]]) -> None:
    plant, _ = corpus["tervik-battery-plant-fire"]
    assert _number(plant, "15:10").value == _number(plant, "3:10 pm").value == 15 * 60 + 10
    storm, _ = corpus["storm-ysolde"]
    assert _number(storm, "7 p.m.").value == _number(storm, "19 h").value == 19 * 60


@pytest.fixture(scope="module")
def jobs_reports(extractor: Extractor) -> dict[int, StoryFacts]:
    """Two NeuS jobs-report stories (lines 42 and 153): forecasts, revisions and rates beside the figures."""
    stories = load(need(EVAL / "neus-val"), limit=153)
    return {n: extractor.extract(stories[n - 1].articles) for n in (42, 153)}


def _mentions(facts: StoryFacts, text: str) -> list[NumberMention]:
    found = [n for n in facts.numbers if n.text == text]
    assert found, f"{text!r} not among {[n.text for n in facts.numbers]}"
    return found


def test_forecasts_are_expected_and_reports_reported(jobs_reports: dict[int, StoryFacts]) -> None:
    july = jobs_reports[42]
    # "Analysts ... were expecting 870,000 jobs gained and the unemployment rate to fall to 5.7%",
    # "Economists ... had been looking for 845,000 new jobs and a headline unemployment rate of 5.7%".
    assert {n.stance for n in _mentions(july, "870,000")} == {"expected"}
    assert {n.stance for n in _mentions(july, "845,000")} == {"expected"}
    assert {n.stance for n in _mentions(july, "5.7%")} == {"expected"}
    assert {n.stance for n in _mentions(july, "943,000")} == {"reported"}
    assert "reported" in {n.stance for n in _mentions(july, "1 million")}


def test_an_amount_is_labelled_by_what_it_measures(jobs_reports: dict[int, StoryFacts]) -> None:
    september = jobs_reports[153]
    rates = {n.measure for n in _mentions(september, "3.5%")}
    assert "jobless rate" in rates and "U.S. unemployment rate" in rates
    # "dropped to 3.5% in September from 3.7% in August": the starting value of a change.
    assert {n.stance for n in _mentions(september, "3.7%")} == {"earlier"}
    assert _mentions(september, "136,000")[0].noun in ("new jobs", "jobs")


def test_an_age_written_apart_is_an_age_not_a_duration(extractor: Extractor) -> None:
    # ECB+ writes "a 38 - year - old Troy resident": an age, never 38 years set against "four days".
    from newsfuse.clean import Cleaner
    from newsfuse.evaluation.stories import read_document
    from newsfuse.models import Failure, RawDocument

    path = need(EVAL / "ecbplus-dev") / "ECB+" / "18" / "18_1ecbplus.xml"
    raw = RawDocument(origin="18_1ecbplus.txt", content=read_document(path), format="text")
    (article,) = [a for a in Cleaner().clean_batch([raw]) if not isinstance(a, Failure)]
    ages = [n for n in extractor.extract([article]).numbers if n.text.startswith("38")]
    assert ages and all(n.unit == "years old" and n.kind == "cardinal" for n in ages)


def test_a_figure_knows_whose_it_is_and_over_what_span(extractor: Extractor) -> None:
    from newsfuse.models import article_id, join_paragraphs

    text, paragraphs = join_paragraphs(
        [
            "Mara Volk scored 12 points in the first half. She finished with 30 points, averaging 4.5 "
            "points a quarter. Coach Peter Lund praised Volk. She added eight rebounds. The "
            "arena opened six years ago."
        ]
    )
    article = Article(id=article_id(text, source="constructed"), text=text, paragraphs=paragraphs)
    facts = extractor.extract([article])
    half = _number(facts, "12")
    assert (half.owner, half.frame) == ("Volk", "first half")
    # "She" after a sentence naming one person is that person; after one naming two, nobody for sure.
    whole = _number(facts, "30")
    assert (whole.owner, whole.owner_unnamed, whole.frame) == ("Volk", False, None)
    assert _number(facts, "eight").owner_unnamed
    assert _number(facts, "4.5").noun_lemma == "point per quarter"  # a rate, not a total
    assert _number(facts, "six").stance == "offset"  # places the opening in time; no length of anything


def test_a_count_is_told_by_its_own_clause(extractor: Extractor) -> None:
    # NeuS 164: "held a moment of silence for the 500,000 Americans who have died": the label says
    # what the Americans counted did, not what the president did.
    story = load(need(EVAL / "neus-val"), limit=164)[163]
    facts = extractor.extract(story.articles)
    counted = [n for n in facts.numbers if n.text == "500,000" and n.noun_lemma == "americans"]
    verbs = {n.verb for n in counted}
    assert "died" in verbs and "held" not in verbs
