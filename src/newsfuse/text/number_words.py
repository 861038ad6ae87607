"""Numbers written in words: "twenty-six", "a dozen", "three hundred", "a couple of"."""

from __future__ import annotations

import re

UNITS = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
TENS = {
    word: 10 * value
    for value, word in enumerate(
        ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
    if word != "_"
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fifteenth": 15,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "hundredth": 100,
}
# Vague quantities read as the smallest number they usually mean, so comparisons stay conservative.
VAGUE = {
    "a": 1,
    "an": 1,
    "a few": 3,
    "several": 3,
    "a couple of": 2,
    "a couple": 2,
    "a dozen": 12,
    "dozen": 12,
    "a decade": 10,
    "half a dozen": 6,
}

NUMBER_WORD = r"(?:" + "|".join(sorted([*UNITS, *TENS, *SCALES, "dozen"], key=len, reverse=True)) + r")"
# One spelled-out number: "twenty-six", "three hundred", "two thousand five hundred", "a dozen".
WORD_NUMBER = re.compile(
    rf"\b(?:half a dozen|a dozen|{NUMBER_WORD}(?:[\s-]+(?:and\s+)?{NUMBER_WORD})*)\b", re.IGNORECASE
)


def parse_count(text: str) -> float | None:
    """The value of a number written in digits or words, or None when it is not one."""
    cleaned = " ".join(text.lower().replace("-", " ").split())
    if cleaned in VAGUE:
        return float(VAGUE[cleaned])
    digits = cleaned.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        pass
    total, current = 0, 0
    words = [w for w in cleaned.split() if w != "and"]
    if not words:
        return None
    for word in words:
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in SCALES:
            scale = SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        else:
            return None
    return float(total + current)
