"""Split text into sentences with character offsets, without a model.

Rules: a sentence ends at . ! ? or … (with any closing quotes or brackets) followed by a space and
a capital, digit or opening quote, unless the full stop belongs to an abbreviation or an initial.
Good enough for news prose; offsets always index the input text exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Words that end with a full stop without ending the sentence (titles, months, common shorthands).
# The police and court titles news style abbreviates before a name ("Det. Colin Orpe", "Dist. Atty.
# Steve Cooley", "Dep. Ortiz") are titles too: a brief line cut after one lost the name.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj pres st jr sr co corp inc ltd
    vs etc approx dept est jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu
    fri sat sun u.s u.k u.n e.u a.m p.m i.e e.g al ft mt rev hon det dist atty dep insp supt cpl const cst""".split()
)

# Titles whose plural is abbreviated before several names ("Reps. Darrell Issa and Duncan Hunter",
# "Sens. John McCain and Lindsey Graham"): a brief line cut after one lost the names (PolNeAR train).
# Written with a capital, as a title is; "reps." in lower case may end a sentence on gym repetitions.
PLURAL_TITLES = frozenset({"Reps", "Sens", "Govs", "Gens", "Drs", "Profs", "Dets", "Sgts", "Capts", "Lts"})

# Abbreviations only when a number follows.
NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "fig", "vol", "art"})

_ARTICLES = frozenset({"a", "an", "the"})
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Sentences of `text`; offsets are into `text` plus `offset`."""
    return list(_iter_sentences(text, offset))


def _iter_sentences(text: str, offset: int) -> Iterator[Sentence]:
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        mark = match.group(0)
        # A full stop inside closing quotes ends a sentence; a bare one may belong to an abbreviation.
        if mark.startswith(".") and mark.rstrip(".") == "" and _is_abbreviation(text, match.start(), end):
            continue
        yield from _emit(text, start, end, offset)
        start = end
    yield from _emit(text, start, len(text), offset)


def _emit(text: str, start: int, end: int, offset: int) -> Iterator[Sentence]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield Sentence(start + offset, end + offset, text[start:end])


def _is_abbreviation(text: str, dot: int, after: int) -> bool:
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    if not word:
        return False
    if text[word_start:dot] in _ARTICLES:
        # No sentence ends on an article: "pointed a. 38 - caliber revolver" is ECB+'s spacing of
        # "a .38" (unlike "Plan A." or "Vitamin A.", written in capitals).
        return True
    if text[word_start:dot] == "v" and text[after:].lstrip()[:1].isupper():
        return True  # a case's "versus" ("California v. Texas")
    if len(word) == 1 and word.isalpha():
        # An initial ("J. Mansour") is a capital standing alone, not the end of "km/h."
        return text[word_start].isupper() and (word_start == 0 or text[word_start - 1] in ' ("“')
    if _INITIALS.fullmatch(text[word_start:dot]) and "\n" not in text[after : after + 2]:
        # Dotted initials ("P.J. Carlesimo", "N.Y. Attorney General") run on within a line: across
        # ECB+ dev and neus-val, 25 of 26 such groups (other than "U.S.") before a capital on the same
        # line end no sentence ("Trenton, N.J. He has" does); before a line break they end one.
        return True
    if text[word_start:dot] in PLURAL_TITLES:
        return True
    if word in NUMBER_ABBREVIATIONS:
        return text[after:].lstrip()[:1].isdigit()  # "No. 14" but not "said no. Then"
    return word in ABBREVIATIONS
