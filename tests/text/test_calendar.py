"""Days of the year are found with or without a year, in the ways news writes them, and nothing else."""

from __future__ import annotations

import pytest

from newsfuse.text.calendar import days_of_year, find_dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Polls opened on Dec. 14 at eight.", [(12, 14)]),
        ("Polls opened on Dec.14, said the commission.", [(12, 14)]),
        ("The vote, set for December 15, 2013, drew few.", [(12, 15)]),
        ("It began on the 3rd of March and ended March 5th.", [(3, 3), (3, 5)]),
        ("Talks resumed 11 September and closed Sept. 30.", [(9, 11), (9, 30)]),
        ("On Monday, Nov. 3.", [(11, 3)]),
    ],
)
def test_days_of_year_are_found_with_or_without_a_year(text: str, expected: list[tuple[int, int]]) -> None:
    assert days_of_year(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Marchers walked 5 miles; they may 5 times a year.",  # lower-case month words are no dates
        "Released in May 2013 and again in June 2014.",  # a month and a year name no day
        "The Mayor spoke at May 20:30 local time.",  # a clock time after a month
        "Due on Feb 30 or 31 April.",  # impossible days
    ],
)
def test_what_is_not_a_day_of_the_year_is_left_out(text: str) -> None:
    assert days_of_year(text) == []


def test_every_written_out_full_date_is_also_a_day_of_the_year() -> None:
    text = "Filed 4 Sept. 2025, heard September 9, 2025, ruled on the 1st of October 2025."
    full = [(m.value.month, m.value.day) for m in find_dates(text)]
    assert full == [(9, 4), (9, 9), (10, 1)]
    assert days_of_year(text) == full
