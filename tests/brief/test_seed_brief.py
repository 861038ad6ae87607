"""The seeds' brief as a reader sees it: counts, disagreements with both sides, key people, timeline."""

from __future__ import annotations

from datetime import date

from newsfuse.models.brief import Brief
from newsfuse.render.brief import briefs_json, briefs_markdown


def test_seeds_make_one_brief_with_two_independent_sources(seed_briefs: list[Brief]) -> None:
    assert len(seed_briefs) == 1
    assert "5 articles, 2 independent sources" in briefs_markdown(seed_briefs)


def test_open_disagreements_show_both_sides_with_evidence(seed_briefs: list[Brief]) -> None:
    brief = seed_briefs[0]
    open_conflicts = [c for c in brief.conflicts if c.status == "open"]
    assert {c.kind for c in open_conflicts} >= {"date", "quote"}
    for conflict in open_conflicts:
        assert len(conflict.sides) >= 2
        for side in conflict.sides:
            assert side.articles and side.evidence
            for span in side.evidence:
                assert brief.article(span.article_id).excerpt(span).strip()


def test_look_alike_counts_are_reconciled_not_raised(seed_briefs: list[Brief]) -> None:
    """ "joined 25 other world leaders" and "one of the 26 foreign leaders" agree."""
    brief = seed_briefs[0]
    counts = [c for c in brief.conflicts if c.kind == "number"]
    assert counts and all(c.status == "reconciled" for c in counts)


def test_key_people_are_the_story_s_actors(seed_briefs: list[Brief]) -> None:
    names = [p.name for p in seed_briefs[0].people]
    assert names[:3] and set(names[:3]) == {"Kim Jong Un", "Xi Jinping", "Vladimir Putin"}


def test_timeline_has_the_parade_and_the_talks(seed_briefs: list[Brief]) -> None:
    days = {entry.date for entry in seed_briefs[0].timeline}
    assert date(2025, 9, 3) in days  # the parade
    assert date(2025, 9, 4) in days  # the Xi-Kim talks


def test_json_contract_keys(seed_briefs: list[Brief]) -> None:
    import json

    story = json.loads(briefs_json(seed_briefs))["stories"][0]
    assert {
        "id",
        "headline",
        "articles",
        "independent_sources",
        "sections",
        "timeline",
        "entities",
        "quotes",
        "claims",
        "conflicts",
    } <= set(story)
    assert set(story["sections"]) == {
        "quick_read",
        "what_happened",
        "why_it_matters",
        "whats_next",
        "background",
        "perspectives",
    }
    assert all({"derived_from", "machine_translated"} <= set(a) for a in story["articles"])
    assert sum(a["machine_translated"] for a in story["articles"]) == 1
