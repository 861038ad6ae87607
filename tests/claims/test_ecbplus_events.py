"""Figures and dates set against each other only when they are of one event, on ECB+ dev stories.

Read on the even-numbered topics (issue 21f; the earlier rules were drawn from the odd ones):
two distances in one sentence ("took place about 150 nautical miles off Aden and INS Mysore was
about 13 nautical miles away"), a background quake's "injuring 40, 15 of them on Qeshm", a charge
in 1957 against the acquittal in 1958, a film released in 2005 against "the 2006 HBO movie", two
faults of one cable network three days apart, "died yesterday" and "discovered yesterday" in
undated articles, two prison sentences of one man told of 1997 and of 1959, "the 12000 block" and
"the 12500 block" of one street (addresses). The real disagreements
of those stories stay open: two speed boats against three, three other rifles against two, four
months served against four and a half, Bettie Page's 1947 against 1950.
"""

from __future__ import annotations

import pytest

from newsfuse.models import Conflict
from tests.claims.pipeline import ecbplus_conflicts, open_sides

STORIES = ("12_ecb", "16_ecbplus", "20_ecb", "26_ecbplus", "28_ecbplus", "30_ecbplus", "4_ecb")


@pytest.fixture(scope="module")
def conflicts() -> dict[str, tuple[Conflict, ...]]:
    return ecbplus_conflicts(STORIES)


@pytest.mark.parametrize(
    ("label", "values"),
    [
        ("12_ecb", {"150", "13"}),  # off Aden / from the ship, one sentence giving both
        ("20_ecb", {"40", "15", "3"}),  # "injuring 40, 15 of them on Qeshm" (a September quake) against 3
    ],
)
def test_two_values_of_one_sentence_are_two_measures(
    conflicts: dict[str, tuple[Conflict, ...]], label: str, values: set[str]
) -> None:
    assert [about for about, sides in open_sides(conflicts[label]) if sides == values] == []


@pytest.mark.parametrize(
    ("label", "values"),
    [
        ("26_ecbplus", {"1957", "1958"}),  # charged in 1957, acquitted in 1958
        ("4_ecb", {"2005", "2006"}),  # released in 2005, "celebrated in the 2006 HBO movie"
        ("30_ecbplus", {"2011-10-08", "2011-10-11"}),  # problems started Saturday; downtime caused Tuesday
    ],
)
def test_dates_of_different_deeds_are_no_dispute(
    conflicts: dict[str, tuple[Conflict, ...]], label: str, values: set[str]
) -> None:
    assert [about for about, sides in open_sides(conflicts[label]) if sides == values] == []


@pytest.mark.parametrize("label", ["26_ecbplus", "28_ecbplus"])
def test_yesterday_of_an_undated_article_disputes_no_day(
    conflicts: dict[str, tuple[Conflict, ...]], label: str
) -> None:
    # "Vincent Gigante, who died yesterday", "His body was discovered yesterday": the articles carry
    # no date, so their yesterday is the story's guess; the other articles' days are written out.
    opened = open_sides(conflicts[label])
    days = [sides for about, sides in opened if about.startswith("when") and "-" in next(iter(sides))]
    assert days == []


def test_figures_told_of_different_years_are_no_dispute(conflicts: dict[str, tuple[Conflict, ...]]) -> None:
    # "He was sentenced to 12 years" (after "a July 1997 racketeering conviction") against "was
    # sentenced to seven years" (after "A year later" than the 1958 acquittal): two sentences.
    assert [about for about, _ in open_sides(conflicts["26_ecbplus"]) if about.startswith("how long")] == []


def test_a_street_block_is_an_address_not_an_amount(conflicts: dict[str, tuple[Conflict, ...]]) -> None:
    # "outside an apartment in the 12000 block of East 223rd Street", "in the 12500 block of ...".
    assert [about for about, _ in open_sides(conflicts["16_ecbplus"]) if "block" in about] == []


@pytest.mark.parametrize(
    ("label", "about", "values"),
    [
        ("12_ecb", "speed boats", {"2", "3"}),
        ("12_ecb", "rifles", {"3", "2", "9"}),
        ("28_ecbplus", "how long", None),
        ("4_ecb", "when", {"1947", "1950"}),
    ],
)
def test_real_disagreements_of_these_stories_stayopen_sides(
    conflicts: dict[str, tuple[Conflict, ...]], label: str, about: str, values: set[str] | None
) -> None:
    found = [sides for topic, sides in open_sides(conflicts[label]) if topic.startswith(about)]
    assert found and (values is None or values in found)
