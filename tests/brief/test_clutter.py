"""Page furniture never becomes a brief line; a sentence keeps every word that restricts its claim."""

from __future__ import annotations

import pytest

from newsfuse.brief.clutter import clutter
from newsfuse.brief.compress import trim


@pytest.mark.parametrize(
    "line",
    [
        "WOODLAND HILLS >> Firefighters contained the brush fire before dawn on Sunday.",
        "A firefighter walks past the burned hillside on Sunday (file photo).",
        "Here is the full statement the council released on Friday:",
        "The band played at, now known asWinnipeg, beginning in the early.",
        "Sound off in the comments below and tell us what you think of the plan.",
        "Photo by the city council shows the flooded underpass on Friday.",
        "PHILADELPHIA 76ERS Fired Jim O'Brien, coach.",
        "Map of the region highlighting the epicentre of the quake: A tremor shook the coast on Sunday.",
    ],
)
def test_clutter_is_recognised(line: str) -> None:
    assert clutter(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Firefighters contained the brush fire in Woodland Hills before dawn on Sunday.",
        "NATO forces entered the town on Sunday after a week of shelling.",
        "U.S. officials said the talks would resume in Geneva next month.",
    ],
)
def test_reporting_is_not_clutter(line: str) -> None:
    assert clutter(line) is None


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        (
            "WASHINGTON – The House passed the spending bill on Tuesday.",
            "The House passed the spending bill on Tuesday.",
        ),
        (
            "BEIJING (AP) — Kim Jong Un held talks with Xi Jinping on Thursday.",
            "Kim Jong Un held talks with Xi Jinping on Thursday.",
        ),
        (
            "(Medicine Hat Police Service) The 53-year-old man was charged on Monday.",
            "The 53-year-old man was charged on Monday.",
        ),
        (
            "The big picture: The guidelines come as vaccinations pass 40% nationwide.",
            "The guidelines come as vaccinations pass 40% nationwide.",
        ),
        (
            "The rule undermined the act, according to the Union of Concerned Scientists (UCS).",
            "The rule undermined the act, according to the Union of Concerned Scientists.",
        ),
    ],
)
def test_only_furniture_at_the_ends_is_cut(line: str, kept: str) -> None:
    assert trim(line).text == kept


@pytest.mark.parametrize(
    "line",
    [
        "Visitors from the seven countries will still be able to visit the US as tourists.",
        "She taught at the college and returned to the college until this past summer.",
        "Federal workers lacked protective gear, according to a whistleblower complaint.",
        "Obama said: the rule will be reviewed by the end of the month.",
    ],
)
def test_words_that_restrict_a_claim_are_never_cut(line: str) -> None:
    assert trim(line).text == line


def test_an_agency_caption_in_the_present_with_the_photo_s_day_is_clutter() -> None:
    # ECB+ 34_3ecbplus holds the agency caption "President Barack Obama announces his nomination of Dr.
    # Regina Benjamin, ... in the White House Rose Garden Monday, July 13, 2009."; 28_6ecbplus reports
    # in the past tense with a day written the same way ("His body was discovered Tuesday, July 27, 2004, ...").
    from newsfuse.evaluation.stories import read_document
    from newsfuse.text.sentences import split_sentences
    from tests.conftest import EVAL, need

    root = need(EVAL / "ecbplus-dev") / "ECB+"

    def sentences(name: str) -> list[str]:
        text = read_document(root / name.split("_")[0] / f"{name}.xml")
        return [text[s.start : s.end] for s in split_sentences(text)]

    caption = [s for s in sentences("34_3ecbplus") if "announces his nomination" in s]
    report = [s for s in sentences("28_6ecbplus") if s.startswith("His body was discovered Tuesday")]
    assert caption and report
    assert clutter(caption[0].split("\n")[-1]) == "a caption or photo credit"
    assert clutter(report[0]) is None
