"""What a figure counts, read from the text, on ECB+ dev stories (issue 21g).

A page's stamp written with stops in its clock half ("10:55 P.M. FEB. 2, 2009") says when the page
was written, not when anything happened; "four touchdowns receiving" is the part of a player's
touchdowns gained one way, not the whole told elsewhere as "six touchdowns on offense". A side of a
disagreement is named by the figures it gives exactly: "as many as 80 people were also wounded"
agrees with "wounding other 70", so the 70 names that side, set against another outlet's 80 (a real
difference between two reports of one day, kept open, as the 6.1 and 5.9 magnitudes are). A
speaker the writer sets beside another ("Kelly told the Times there was ... while John C. Cerar ...
said "it appears to be a good shooting"") says his own words, not words of the first one's report.
"""

from __future__ import annotations

import pytest

from newsfuse.models import Conflict
from tests.claims.pipeline import ecbplus_conflicts, open_sides

STORIES = ("19_ecbplus", "20_ecbplus", "25_ecb", "35_ecbplus")


@pytest.fixture(scope="module")
def conflicts() -> dict[str, tuple[Conflict, ...]]:
    return ecbplus_conflicts(STORIES)


def test_a_page_stamp_with_stops_is_no_time_of_anything(conflicts: dict[str, tuple[Conflict, ...]]) -> None:
    # "10:55 P.M. FEB. 2, 2009" and "2 A.M. FEB. 4, 2009" head two articles written two days apart.
    assert [about for about, _ in open_sides(conflicts["35_ecbplus"]) if about.startswith("what time")] == []


def test_a_figure_gained_one_way_is_a_part(conflicts: dict[str, tuple[Conflict, ...]]) -> None:
    # "He scored six touchdowns on offense" against "He also had 440 yards and four touchdowns receiving".
    assert [about for about, sides in open_sides(conflicts["25_ecb"]) if sides == {"6", "4"}] == []


def test_a_side_is_named_by_its_exact_figures(conflicts: dict[str, tuple[Conflict, ...]]) -> None:
    opened = open_sides(conflicts["20_ecbplus"])
    wounded = [sides for about, sides in opened if "wounded" in about or "injured" in about]
    assert wounded == [{"70", "80"}]  # "wounding other 70" against "injuring 80": still open, told apart
    assert any(sides == {"6.1", "5.9"} for _, sides in opened)  # the magnitudes stay open


def test_a_second_speaker_set_beside_the_first_says_his_own_words(conflicts: dict[str, tuple[Conflict, ...]]) -> None:
    opened = open_sides(conflicts["19_ecbplus"])
    assert [about for about, _ in opened if "good shooting" in about] == []
    assert any(sides == {"357", "38"} for _, sides in opened)  # the .357 against the .38 revolver stays open
