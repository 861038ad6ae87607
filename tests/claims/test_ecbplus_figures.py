"""Figures compared like with like on ECB+ dev stories (one story per gold sub-topic, full articles).

The false alarms below were read on odd-numbered topics, where the rules were drawn from: box
scores of players an article names only as "he", a part of a game against the whole ("28 of his 68
punches thrown during the round" against the fight's 369), a game clock read a second either side
of the minute, a length of time that places an event ("nine days before the inauguration"), a
title taken for a speaker's name. The real disagreements between outlets read on both halves stay
open: a sentence of "2 years" against "2 1/2 years" printed in one wording, three undersea cables
against two, a magnitude of 6.1 against 5.9, the general manager's name written two ways.
"""

from __future__ import annotations

import pytest

from newsfuse.claims import ClaimAligner
from newsfuse.evaluation.conflicts import load_stories, story_conflicts
from newsfuse.extract import Extractor
from newsfuse.models import Conflict
from tests.conftest import EVAL, need

FIXED = ("29_ecb", "7_ecb", "31_ecb", "9_ecb")
REAL = ("32_ecb", "30_ecb", "20_ecbplus", "35_ecb", "4_ecb", "13_ecbplus", "28_ecbplus")


@pytest.fixture(scope="module")
def conflicts() -> dict[str, tuple[Conflict, ...]]:
    loaded = dict(load_stories(need(EVAL / "ecbplus-dev")))
    extractor, aligner = Extractor(), ClaimAligner()
    return {label: story_conflicts(loaded[label], extractor, aligner) for label in (*FIXED, *REAL)}


def _open(found: tuple[Conflict, ...], kind: str) -> list[Conflict]:
    return [c for c in found if c.status == "open" and c.kind == kind]


@pytest.mark.parametrize("label", ["29_ecb", "7_ecb"])
def test_figures_of_different_holders_or_spans_are_no_dispute(
    conflicts: dict[str, tuple[Conflict, ...]], label: str
) -> None:
    # 29_ecb: "He has N catches" and "He wound up with M catches", two receivers neither article
    # names there; 7_ecb: one round's punches ("28 of his 68 ... during the round") against the fight's.
    assert [(c.about, [s.value for s in c.sides]) for c in _open(conflicts[label], "number")] == []


def test_a_clock_read_a_minute_apart_is_one_moment(conflicts: dict[str, tuple[Conflict, ...]]) -> None:
    times = [c for c in conflicts["31_ecb"] if c.about.startswith("what time")]
    assert times and all(c.status == "reconciled" for c in times)
    assert any("one moment" in c.explanation for c in times)


def test_a_time_before_an_event_and_a_title_are_no_dispute(conflicts: dict[str, tuple[Conflict, ...]]) -> None:
    found = conflicts["9_ecb"]
    assert [c.about for c in _open(found, "number") if c.about.startswith("how long")] == []
    speakers = {s.value for c in _open(found, "quote") for s in c.sides}
    assert "Secretary" not in speakers


@pytest.mark.parametrize(
    ("label", "about", "values"),
    [
        ("32_ecb", "how long", 2),
        ("30_ecb", "undersea cables", 2),
        ("20_ecbplus", "magnitude", 2),
    ],
)
def test_real_disagreements_stay_open(
    conflicts: dict[str, tuple[Conflict, ...]], label: str, about: str, values: int
) -> None:
    found = [c for c in _open(conflicts[label], "number") if c.about.startswith(about)]
    assert found and len({s.value for s in found[0].sides}) == values


def test_a_name_written_two_ways_stays_open(conflicts: dict[str, tuple[Conflict, ...]]) -> None:
    speakers = [{s.value for s in c.sides} for c in _open(conflicts["35_ecb"], "quote")]
    assert {"A.J. Smith", "A.J. Butler"} in speakers


@pytest.mark.parametrize(("label", "years"), [("4_ecb", {"1947", "1950"}), ("13_ecbplus", {"2009", "2010"})])
def test_real_date_disputes_stay_open(conflicts: dict[str, tuple[Conflict, ...]], label: str, years: set[str]) -> None:
    # Bettie Page meeting the police officer who photographed her in 1947 or 1950; a bond approved in
    # 2009 or 2010: the least alike real year disputes of ECB+ dev (similarity 0.435 and 0.632), the
    # first to go if pairs must be more alike than `claims.story.SAME_STATEMENT` to be compared.
    assert any({s.value for s in c.sides} == years for c in _open(conflicts[label], "date"))


def test_a_whole_number_and_its_fraction_are_one_amount_in_the_unit_written(
    conflicts: dict[str, tuple[Conflict, ...]],
) -> None:
    # 32_ecb: "sentenced to 2 1/2 years" against "2 years". 28_ecbplus: "four and a half months" and a
    # "4-1 / 2 - month prison term" are one term, set against "four months"; "4\ufffd months" (a
    # fraction the page lost) and "41 / 2 months" (its space lost) are no figures.
    sentence = next(c for c in _open(conflicts["32_ecb"], "number") if c.about.startswith("how long"))
    assert {s.value for s in sentence.sides} == {"2 years", "2.5 years"}
    served = next(c for c in _open(conflicts["28_ecbplus"], "number") if c.about.startswith("how long"))
    values = {s.value for s in served.sides}
    assert {"4.5 months", "4 months"} <= values
    assert not [v for v in values if v.startswith(("1 month", "2 months", "41 "))]
