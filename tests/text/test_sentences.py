"""Sentence splitting keeps offsets exact and does not split at abbreviations, initials or units."""

from __future__ import annotations

import pytest

from newsfuse.evaluation.summaries import parse_line
from newsfuse.text.sentences import split_sentences
from tests.conftest import EVAL, need


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S. officials met on Monday. They left.", ["U.S. officials met on Monday.", "They left."]),
        ("J. Mansour wrote it. Then he left.", ["J. Mansour wrote it.", "Then he left."]),
        ("Gusts hit 140 km/h. The sea rose.", ["Gusts hit 140 km/h.", "The sea rose."]),
        ("No. 14 Alabama won. He said no. Then left.", ["No. 14 Alabama won.", "He said no.", "Then left."]),
        ("“We will,” he said. “Soon.” It ended.", ["“We will,” he said.", "“Soon.”", "It ended."]),
        ("Sen. Warren spoke at 3 p.m. Monday.", ["Sen. Warren spoke at 3 p.m. Monday."]),
        ("Coach P.J. Carlesimo was fired. He left.", ["Coach P.J. Carlesimo was fired.", "He left."]),
        ("He moved to Trenton, N.J.\n\nHe stayed.", ["He moved to Trenton, N.J.", "He stayed."]),
        (
            "He shot a carjacker who drew a gun on his partner, Det. Colin Orpe. Dist. Atty. Steve Cooley spoke.",
            ["He shot a carjacker who drew a gun on his partner, Det. Colin Orpe.", "Dist. Atty. Steve Cooley spoke."],
        ),
        ("In California v. Texas, the court heard it.", ["In California v. Texas, the court heard it."]),
        # A constable's rank, as Canadian and British papers write it (ECB+ 18_15ecb).
        (
            "“He shot another man,” police Const. Tim Fanning said. Two died.",
            ["“He shot another man,” police Const. Tim Fanning said.", "Two died."],
        ),
        # No sentence ends on an article (ECB+ writes "a .357" as "a. 357").
        (
            "She came back with a. 357 Magnum and fired. Two died.",
            ["She came back with a. 357 Magnum and fired.", "Two died."],
        ),
    ],
)
def test_splits(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


def test_offsets_index_the_input() -> None:
    text = "  First one here.  Second one, with “quotes.” Third?\n Fourth!"
    for sentence in split_sentences(text, offset=100):
        assert text[sentence.start - 100 : sentence.end - 100] == sentence.text


# Dotted initials before a capital on the same line: the capital runs them on into a name or an
# organisation unless it cannot (a closed-class word, a quotation, a state closing an address).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They work for the U.S. Army in Iraq.", ["They work for the U.S. Army in Iraq."]),
        ("Clinton ties N.J. Gov. Chris Christie at 40-40.", ["Clinton ties N.J. Gov. Chris Christie at 40-40."]),
        ('He was represented by Gov. C.L. "Butch" Otter at the event.', None),
        ("Erdogan Is In Syria With A Green Light From The U.S. And Iran.", None),
        (
            "It hangs in The Smithsonian in Washington D.C. This is history.",
            ["It hangs in The Smithsonian in Washington D.C.", "This is history."],
        ),
        ("It reads, “P.S. You can chip in $35.”", None),
        ("He was seen in Washington D.C. He left.", ["He was seen in Washington D.C.", "He left."]),
        ("It met in Lodi, N.J. Harmony's phone is off.", ["It met in Lodi, N.J.", "Harmony's phone is off."]),
        ("He met residents of Lodi, N.J., on Monday.", None),
    ],
)
def test_initialisms(text: str, expected: list[str] | None) -> None:
    assert [s.text for s in split_sentences(text)] == (expected or [text])


@pytest.mark.parametrize(
    ("number", "ends", "starts"),
    [
        # Session 13 found these glued into one long lead (issue 22).
        (244, "claim asylum in the U.S.", "The numbers were the highest"),
        (267, "in southeast Washington, D.C.", "Mohammad Anwar died"),
        (300, "campaign event in Rochester, N.H.", "“He’s already convicted himself."),
    ],
)
def test_real_sentences_end_at_initialisms(number: int, ends: str, starts: str) -> None:
    lines = need(EVAL / "neus-val" / "val.source").read_text(encoding="utf-8").splitlines()
    text = next(a.text for a in parse_line(lines[number - 1], number) if ends in a.text)
    sentences = [s.text for s in split_sentences(text)]
    ending = next(i for i, s in enumerate(sentences) if ends in s)
    assert sentences[ending].endswith(ends) and sentences[ending + 1].startswith(starts)
