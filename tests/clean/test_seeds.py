"""The five real seed articles: every body paragraph kept, no clutter, metadata where the text gives it."""

from __future__ import annotations

from datetime import date

import pytest

from newsfuse.models import Article
from newsfuse.service import Newsfuse
from tests.conftest import SEEDS, need

# (file prefix, body paragraphs, list items, first words of the body, last words of the body)
EXPECTED_BODY = [
    ("000", 27, 8, "North Korean leader Kim Jong Un met Chinese", "time of growing geopolitical polarization."),
    ("001", 7, 0, "North Korean leader Kim Jong Un is traveling", "on sanctions and denuclearization steps."),
    ("002", 18, 0, "The North Korean leader of Beijing Kim Jong One", "would see strengthening,” he said."),
    ("003", 4, 0, "North Korean leader Kim Jong Un met with Chinese", "being prominently featured during the visit."),
    ("004", 15, 5, "Xi Jinping and Kim Jong Un held their first", "continue to unfold in the months ahead."),
]

# Fragments of page furniture in the seeds: widgets, link lines, credits, captions, menus.
CLUTTER = [
    "Top Story",
    "Quick Looks",
    "Deep Look",
    "More on World News",
    "Previous Article",
    "Next Article",
    "HHS Workers",
    "How useful was this",
    "rate it",
    "Vote count",
    "No votes so far",
    "Latest News",
    "Menu",
    "READ ALSO",
    "Leave a Comment",
    "Photo Source",
    "Military Parade\n",
    "legend Korean",
    "via KNS",
    "What's Happening?",
    "Why It's Important?",
    "Beyond the Headlines",
    "Quick Read",
    "Diplomatic Reunion After Six Years",
    "The Road Ahead",
]


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    batch = Newsfuse().articles([str(need(SEEDS))])
    assert batch.failures == ()
    return {article.path.rsplit("/", 1)[-1][:3]: article for article in batch.articles if article.path}


@pytest.mark.parametrize(("prefix", "count", "items", "first", "last"), EXPECTED_BODY)
def test_every_body_paragraph_is_kept(
    seeds: dict[str, Article], prefix: str, count: int, items: int, first: str, last: str
) -> None:
    article = seeds[prefix]
    assert len(article.paragraphs) == count
    assert sum(p.is_list_item for p in article.paragraphs) == items
    assert article.text.startswith(first)
    assert article.text.endswith(last)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_clutter_survives(seeds: dict[str, Article], prefix: str) -> None:
    text = seeds[prefix].text + "\n"
    for fragment in CLUTTER:
        assert fragment not in text, fragment


def test_repeated_headline_lines_are_dropped(seeds: dict[str, Article]) -> None:
    article = seeds["000"]
    assert article.title == "Kim Jong Un Meets Xi Jinping and Vladimir Putin in Beijing Summit"
    assert all("Beijing Summit" not in paragraph for paragraph in article.paragraph_texts())


def test_titles_where_the_text_gives_one(seeds: dict[str, Article]) -> None:
    assert seeds["001"].title == "Kim Jong Un Joins Putin & Xi in Beijing for Historic Military Parade"
    # The translated copy opens with a date and a caption credit, the digests with section labels:
    # none of them has a headline, and none is invented.
    assert seeds["002"].title is None
    assert seeds["003"].title is None
    assert seeds["004"].title is None


def test_slug_line_gives_outlet_byline_and_keeps_its_summary(seeds: dict[str, Article]) -> None:
    article = seeds["000"]
    assert article.source == "Newslooks"
    assert article.byline == "J. Mansour"
    assert article.paragraph_texts()[0].endswith("pledging full support for Russia’s war in Ukraine.")


def test_dateline_is_split_from_the_wire_paragraph(seeds: dict[str, Article]) -> None:
    article = seeds["000"]
    assert article.dateline == "BEIJING"
    wire = article.paragraph_texts()[9]
    assert wire.startswith("North Korean leader Kim Jong Un held talks")
    assert "(AP)" not in article.text


def test_kicker_is_not_taken_for_a_dateline(seeds: dict[str, Article]) -> None:
    assert seeds["001"].dateline is None


def test_published_date_only_where_stated(seeds: dict[str, Article]) -> None:
    assert seeds["002"].published == date(2025, 9, 5)
    # 004 names September 4, 2025 in its text: that is when the talks happened, not a publication date.
    assert [seeds[p].published for p in ("000", "001", "003", "004")] == [None] * 4


def test_credited_agencies(seeds: dict[str, Article]) -> None:
    assert set(seeds["000"].agencies) == {"AP", "KCNA"}
    assert set(seeds["001"].agencies) == {"KCNA"}  # "Korean Central News Agency reported"
    assert set(seeds["002"].agencies) == {"AP", "KCNA", "KNS"}  # from the garbled caption credit
    assert seeds["003"].agencies == ()
    assert set(seeds["004"].agencies) == {"Reuters"}  # CNN and ABC News are outlets, not agencies


def test_language_is_english(seeds: dict[str, Article]) -> None:
    assert {article.language for article in seeds.values()} == {"en"}


def test_digest_section_labels_are_kept_as_headings(seeds: dict[str, Article]) -> None:
    assert seeds["003"].headings[0] == "What's Happening?"
    assert "Quick Read" in seeds["004"].headings
