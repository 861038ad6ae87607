"""Claims and conflicts of the five real seed articles (Kim, Xi and Putin in Beijing, September 2025).

What a careful editor finds when reading the five side by side, and what these tests hold the stage to:

- The Xi-Kim talks: the AP story in 000 (no publication date, written the next day) has them "on
  Wednesday", the parade day; the translated AP story in 002 (dated 5 September) has state media
  reporting them "on Thursday" after the parade "one day earlier", and 004 gives "September 4, 2025".
  A real disagreement: 3 against 4 September.
- Kim's arrival in Beijing: 002 says "on Tuesday" (2 September), 004 "on September 3"; the preview 001
  expected it "on Tuesday". A real disagreement; the preview's expectation is not a report.
- Putin's quip: "not without a sense of humor" (000) became "not a sense of humor" in the machine
  translation (002). The meaning flipped.
- "Kim Jong One" in 002 is the translation's garble of Kim Jong Un: a name disagreement, reconciled.
- "joined 25 other world leaders" (000) and "one of the 26 foreign leaders" (002, 004) agree.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsfuse.claims import contests
from newsfuse.extract.extractor import Extractor
from newsfuse.models import Article, Conflict, ConflictSide
from newsfuse.service import Newsfuse
from tests.claims.pipeline import Story, run_story
from tests.conftest import SEEDS, need


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    batch = Newsfuse().articles([str(need(SEEDS))])
    return {article.path.rsplit("/", 1)[-1][:3]: article for article in batch.articles if article.path}


@pytest.fixture(scope="module")
def story(seeds: dict[str, Article]) -> Story:
    return run_story(list(seeds.values()), Extractor())


def _side_with(conflict: Conflict, article: Article) -> ConflictSide:
    (found,) = [s for s in conflict.sides if article.id in s.articles]
    return found


def _open(story: Story, kind: str) -> list[Conflict]:
    return [c for c in story.claims.conflicts if c.kind == kind and c.status == "open"]


def _date_conflict(story: Story, first: Article, second: Article, event_word: str) -> Conflict:
    """The one open date conflict with sides from both articles whose evidence speaks of the event."""
    found = [
        c
        for c in _open(story, "date")
        if any(first.id in s.articles for s in c.sides)
        and any(second.id in s.articles for s in c.sides)
        and any(event_word in text for s in c.sides for text in _evidence(story, s))
    ]
    assert len(found) == 1, f"expected one open date conflict about {event_word!r}, got {found}"
    return found[0]


def _evidence(story: Story, side: ConflictSide) -> list[str]:
    return [story.article(span.article_id).excerpt(span) for span in side.evidence]


def test_the_day_of_the_xi_kim_talks_is_an_open_conflict(story: Story, seeds: dict[str, Article]) -> None:
    conflict = _date_conflict(story, seeds["000"], seeds["004"], "talks")
    wednesday, fourth = _side_with(conflict, seeds["000"]), _side_with(conflict, seeds["004"])
    assert wednesday.value == "2025-09-03"
    assert fourth.value == "2025-09-04"
    assert seeds["002"].id in fourth.articles  # state media reported the meeting on Thursday
    assert any("talks" in text and "Wednesday" in text for text in _evidence(story, wednesday))
    assert any("September 4" in text for text in _evidence(story, fourth))
    assert "no publication date" in conflict.explanation  # 000's weekday was counted from the story


def test_the_day_kim_arrived_in_beijing_is_an_open_conflict(story: Story, seeds: dict[str, Article]) -> None:
    conflict = _date_conflict(story, seeds["002"], seeds["004"], "arrived")
    tuesday, third = _side_with(conflict, seeds["002"]), _side_with(conflict, seeds["004"])
    assert (tuesday.value, third.value) == ("2025-09-02", "2025-09-03")
    assert all("arrived in Beijing" in text for text in _evidence(story, tuesday) + _evidence(story, third))
    # The preview's "arrival expected on Tuesday" is an expectation, not one more report.
    assert not any(seeds["001"].id in side.articles for side in conflict.sides)


def test_the_flipped_putin_quote_in_the_machine_translation_is_an_open_conflict(
    story: Story, seeds: dict[str, Article]
) -> None:
    (conflict,) = [c for c in _open(story, "quote") if "humor" in c.about]
    original, translated = _side_with(conflict, seeds["000"]), _side_with(conflict, seeds["002"])
    assert "not without a sense of humor" in original.value
    assert "without" not in translated.value and "not a sense of humor" in translated.value
    assert "machine translation" in conflict.explanation
    for side in (original, translated):
        assert side.value in " ".join(_evidence(story, side))


def test_the_garbled_name_is_reported_and_reconciled_as_a_translation_garble(
    story: Story, seeds: dict[str, Article]
) -> None:
    (conflict,) = [c for c in story.claims.conflicts if c.kind == "name" and "Kim Jong Un" in c.about]
    assert conflict.status == "reconciled"
    garbled = _side_with(conflict, seeds["002"])
    assert garbled.value == "Kim Jong One"
    assert "translation" in conflict.explanation
    assert any("Kim Jong One" in text for text in _evidence(story, garbled))


def test_25_other_leaders_and_26_foreign_leaders_agree(story: Story, seeds: dict[str, Article]) -> None:
    numbers = [c for c in story.claims.conflicts if c.kind == "number"]
    leaders = [c for c in numbers if any("25" in s.value for s in c.sides)]
    assert leaders and all(c.status == "reconciled" for c in leaders)
    assert "25 + 1 = 26" in leaders[0].explanation


def test_no_other_open_conflicts(story: Story) -> None:
    """Nothing beyond what the editor found: two dates and one quote."""
    found = sorted((c.kind, tuple(sorted(s.value for s in c.sides))) for c in story.claims.open_conflicts)
    assert [kind for kind, _ in found] == ["date", "date", "quote"], found


def test_claims_count_lineages_not_articles(story: Story, seeds: dict[str, Article]) -> None:
    ap = {seeds["000"].id, seeds["002"].id}
    digests = set(story.provenance.digests)
    for claim in story.claims.claims:
        articles = set(claim.articles)
        assert claim.independent_sources <= story.provenance.independent_sources
        if claim.attribution is None and articles <= ap | digests and articles & ap:
            assert claim.independent_sources == 1, claim
        if articles <= digests:
            assert claim.independent_sources == 0 and claim.single_source, claim
    corroborated = [c for c in story.claims.claims if c.independent_sources == 2]
    assert corroborated, "the preview and the AP lineage share facts (Kim's first visit to China in six years)"
    assert all(seeds["001"].id in c.articles for c in corroborated)


def test_attributed_statements_are_the_attributed_partys(story: Story, seeds: dict[str, Article]) -> None:
    credited = [c for c in story.claims.claims if c.attribution and "state media" in c.attribution]
    assert credited, "001 and 000 credit statements to North Korean state media"
    speakers = {c.attribution for c in story.claims.claims if c.attribution}
    assert {"Zhu Feng", "Vladimir Putin"} <= speakers


def test_every_claim_points_at_real_text(story: Story) -> None:
    assert story.claims.claims
    for claim in story.claims.claims:
        first = claim.spans[0]
        assert story.article(first.article_id).excerpt(first) == claim.text
        for span in claim.spans:
            assert story.article(span.article_id).excerpt(span).strip()


def test_published_dates_order_the_seeds_as_the_conflicts_assume(seeds: dict[str, Article]) -> None:
    # The date conflicts above depend on 002 being dated 5 September 2025 (its weekdays resolve from it).
    assert seeds["002"].published == date(2025, 9, 5)


def test_the_contest_logic_reads_the_flipped_quote_as_a_denial(story: Story, seeds: dict[str, Article]) -> None:
    # The one contest logic the finders use: the translation's rendering denies the original's.
    (conflict,) = [c for c in _open(story, "quote") if "humor" in c.about]
    original, translated = _side_with(conflict, seeds["000"]), _side_with(conflict, seeds["002"])
    found = contests(original.value, translated.value)
    assert found.denial and found.structural
    assert "one statement denies what the other asserts" in found.reasons
    assert 0.0 < found.probability < 1.0
