"""Dates and the timeline on real data: weekdays, relative dates and undated articles resolve."""

from __future__ import annotations

import re
from datetime import date

from newsfuse.extract import undated_anchor, weekday_date
from newsfuse.models import Article, StoryFacts, TimelineEntry
from tests.extract.conftest import truth

# Stem length used to compare a timeline event with the answer key's wording.
STEM = 5


def _stems(text: str) -> set[str]:
    return {w[:STEM] for w in re.findall(r"[a-z]{4,}", text.lower())}


def _entries(facts: StoryFacts, day: date) -> list[TimelineEntry]:
    return [e for e in facts.timeline if e.date == day and e.granularity == "day"]


def _about(entries: list[TimelineEntry], *stems: str) -> TimelineEntry:
    matches = [e for e in entries if all(s in e.event.lower() for s in stems)]
    assert matches, f"no event about {stems} in {[e.event for e in entries]}"
    return matches[0]


def test_story_anchor_is_inferred_from_absolute_dates(seed_facts: StoryFacts) -> None:
    # Only one seed has a published date (5 September); another writes out 4 September 2025.
    assert seed_facts.anchor == date(2025, 9, 4)


def test_seed_timeline_has_the_true_dates(seed_facts: StoryFacts) -> None:
    _about(_entries(seed_facts, date(2025, 9, 1)), "depart", "pyongyang")
    _about(_entries(seed_facts, date(2025, 9, 2)), "arrive", "beijing")
    _about(_entries(seed_facts, date(2025, 9, 3)), "parade")
    talks = _about(_entries(seed_facts, date(2025, 9, 4)), "meeting")
    assert {"Xi Jinping", "Kim Jong Un"} <= set(talks.actors)


def test_misdated_reports_are_kept_as_disputed(seed_facts: StoryFacts, seeds: dict[str, Article]) -> None:
    arrival = _about(_entries(seed_facts, date(2025, 9, 2)), "arrive")
    talks = _about(_entries(seed_facts, date(2025, 9, 4)), "meeting")
    # One rewrite has Kim arrive on the parade day; the wire copy dates the talks to the parade day.
    assert [(d.date, d.articles) for d in arrival.disputed] == [(date(2025, 9, 3), (seeds["004"].id,))]
    assert [(d.date, d.articles) for d in talks.disputed] == [(date(2025, 9, 3), (seeds["000"].id,))]


def test_undated_preview_resolves_weekdays_by_tense(seed_facts: StoryFacts, seeds: dict[str, Article]) -> None:
    preview = seeds["001"]
    assert preview.published is None
    resolved = {m.text: m for m in seed_facts.dates if m.span.article_id == preview.id}
    assert resolved["Monday"].start == date(2025, 9, 1) and resolved["Monday"].tense == "past"
    assert resolved["Tuesday"].start == date(2025, 9, 2) and resolved["Tuesday"].tense == "future"
    assert resolved["Wednesday"].start == date(2025, 9, 3)
    assert resolved["Monday"].anchor_source == "story"


def test_relative_dates_count_from_the_narrated_day(seed_facts: StoryFacts, seeds: dict[str, Article]) -> None:
    translated = {m.text: m for m in seed_facts.dates if m.span.article_id == seeds["002"].id}
    assert translated["Thursday"].start == date(2025, 9, 4)
    assert translated["one day earlier"].start == date(2025, 9, 3)
    assert translated["one day earlier"].anchor_source == "text"
    rewrite = {m.text: m for m in seed_facts.dates if m.span.article_id == seeds["004"].id}
    assert rewrite["a day after"].start == date(2025, 9, 3)
    assert rewrite["2019"].granularity == "year"


def test_every_date_span_quotes_its_article(seed_facts: StoryFacts, seeds: dict[str, Article]) -> None:
    by_id = {a.id: a for a in seeds.values()}
    for mention in seed_facts.dates:
        assert by_id[mention.span.article_id].excerpt(mention.span) == mention.text
    for entry in seed_facts.timeline:
        assert all(span.article_id in entry.articles or entry.disputed for span in entry.spans)


def test_weekday_rules() -> None:
    thursday = date(2025, 9, 4)
    assert weekday_date(0, thursday, "past") == date(2025, 9, 1)
    assert weekday_date(0, thursday, "future") == date(2025, 9, 8)
    assert weekday_date(3, thursday, "past") == thursday
    assert weekday_date(5, thursday, "present") == date(2025, 9, 6)
    assert weekday_date(3, thursday, None, "last") == date(2025, 8, 28)
    # A preview that says "departed on Monday" and "expected on Tuesday" was written in between.
    assert undated_anchor([(0, "past", None), (1, "future", None)], thursday) in (date(2025, 9, 1), date(2025, 9, 2))


def test_sample_corpus_timelines_have_every_planted_day(corpus: dict[str, tuple[StoryFacts, dict[str, str]]]) -> None:
    planted = truth()["timeline"]
    for slug, items in planted.items():  # type: ignore[attr-defined]
        facts, _ = corpus[slug]
        for item in items:
            day = date.fromisoformat(item["date"])
            entries = _entries(facts, day)
            overlap = max((len(_stems(e.event) & _stems(item["event"])) for e in entries), default=0)
            assert overlap >= 2, f"{slug} {day}: {item['event']!r} not among {[e.event for e in entries]}"


def test_sample_corpus_date_conflicts_keep_the_majority_date(
    corpus: dict[str, tuple[StoryFacts, dict[str, str]]],
) -> None:
    for conflict in truth()["conflicts"]:  # type: ignore[attr-defined]
        if conflict["kind"] != "date":
            continue
        facts, names = corpus[conflict["story"]]
        majority, minority = sorted(conflict["sides"], key=lambda s: -len(s["articles"]))[:2]
        disputed = [
            (entry, d)
            for entry in facts.timeline
            for d in entry.disputed
            if entry.date.isoformat() == majority["value"] and d.date.isoformat() == minority["value"]
        ]
        assert disputed, conflict["about"]
        assert any({names[a] for a in d.articles} == set(minority["articles"]) for _, d in disputed)


def test_a_decade_ago_is_a_year_range(corpus: dict[str, tuple[StoryFacts, dict[str, str]]]) -> None:
    facts, _ = corpus["brennholm-warehouse-fire"]
    decade = [m for m in facts.dates if m.text == "a decade ago"]
    assert decade and decade[0].granularity == "range"
    assert decade[0].start.year <= 2016 <= decade[0].end.year
