"""Time windows veto joining two groups published far apart, unless a mentioned date or year bridges them."""

from __future__ import annotations

from datetime import date, timedelta

from newsfuse.models import Article, join_paragraphs
from newsfuse.stories.window import STORY_WINDOW_DAYS, Window, article_window


def _window(day: date | None, mentioned: tuple[date, ...] = (), years: tuple[int, ...] = ()) -> Window:
    ordinal = day.toordinal() if day else None
    return Window(ordinal, ordinal, frozenset(d.toordinal() for d in mentioned), frozenset(years))


def test_undated_groups_carry_no_time_evidence() -> None:
    assert _window(None).compatible(_window(date(2025, 9, 3)))


def test_coverage_within_the_window_is_compatible() -> None:
    start = date(2025, 9, 1)
    assert _window(start).compatible(_window(start + timedelta(days=STORY_WINDOW_DAYS)))
    assert not _window(start).compatible(_window(start + timedelta(days=STORY_WINDOW_DAYS + 1)))


def test_a_report_a_year_later_is_another_event() -> None:
    assert not _window(date(2025, 9, 3)).compatible(_window(date(2026, 9, 3)))


def test_a_follow_up_naming_the_event_date_bridges_the_gap() -> None:
    follow_up = _window(date(2026, 3, 1), mentioned=(date(2025, 9, 4),))
    assert follow_up.compatible(_window(date(2025, 9, 3)))


def test_a_follow_up_naming_the_event_year_bridges_the_gap() -> None:
    assert _window(date(2027, 4, 4), years=(2025,)).compatible(_window(date(2025, 6, 24)))


def test_a_merged_window_spans_both_and_keeps_their_mentions() -> None:
    merged = _window(date(2025, 9, 1), mentioned=(date(2025, 9, 3),)).merged(_window(date(2025, 9, 5)))
    assert merged.dates() == (date(2025, 9, 1), date(2025, 9, 5))
    assert date(2025, 9, 3).toordinal() in merged.mentioned


def test_an_article_window_reads_its_date_and_the_dates_it_mentions() -> None:
    text, paragraphs = join_paragraphs(["The parade on September 3, 2025 drew 26 leaders, as in 2015."])
    article = Article(id="a", text=text, paragraphs=paragraphs, published=date(2025, 9, 1))
    window = article_window(article)
    assert window.dates() == (date(2025, 9, 1), date(2025, 9, 1))
    assert window.mentioned == {date(2025, 9, 3).toordinal()}
    assert window.years == {2025, 2015}
