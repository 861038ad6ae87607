"""Sentence splitting keeps offsets exact and does not split at abbreviations, initials or units."""

from __future__ import annotations

import pytest

from newsfuse.text.sentences import split_sentences


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
