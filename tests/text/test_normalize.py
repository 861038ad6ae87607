"""The clean-up every reader applies: a credit glued to the next word is parted from it; a German
word's bracketed prefix is left whole (both as written on real pages)."""

from __future__ import annotations

import pytest

from newsfuse.text.normalize import normalize_line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # NeuS 200 and 160 (CNN's web style); the tagger read "CNN)The United States" as one place.
        ("(CNN)The United States is reporting", "(CNN) The United States is reporting"),
        ("Washington (CNN)Sen. Rand Paul of Kentucky", "Washington (CNN) Sen. Rand Paul of Kentucky"),
        # trafilatura-dev's wanted snippets (motor.at, hpd.de): a prefix in brackets is part of the word.
        ("Der (Elektro-)Roller versteht", "Der (Elektro-)Roller versteht"),
        ("Unterdrückte (Homo-)Sexualität: Ein Risikofaktor", "Unterdrückte (Homo-)Sexualität: Ein Risikofaktor"),
    ],
)
def test_a_credit_glued_to_the_next_word_is_parted(line: str, expected: str) -> None:
    assert normalize_line(line) == expected
