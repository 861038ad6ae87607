"""Whether two given names written before one surname can be one person's name.

News writes one person's given name in full, as people call him ("Mike"/"Michael"), as a short form
("Ty"/"Tywon", "Stan"/"Stanley") or spelt two ways ("Lennie"/"Lenny", "Bettie"/"Betty",
"Phillip"/"Philip"). Relatives who share a surname have different given names that merely look
alike ("Jerry"/"Jeremy", a father and his son; "Charlene"/"Charlie", a sister and her brother).
Read on every pair of given names among the people of ECB+ dev and NeuS, whatever their surnames,
and on every pair sharing a surname (evaluation/README.md, "given names").
"""

from __future__ import annotations

import re
from functools import cache

from nicknames import NickNamer

# The English pet ending is one sound written "-ie", "-y", "-ey" or "-i" ("Lennie", "Lenny").
_SPOKEN_ALIKE = re.compile(r"(?:ie|ey|y|i)$")
_DOUBLED = re.compile(r"(.)\1")
# A full name at least this many letters longer than its short form: one letter more makes another
# name, often the other sex's form ("Dan"/"Dana", "Eric"/"Erica", "Louis"/"Louise").
MIN_ADDED = 2


def is_given_name(word: str) -> bool:
    """Whether `word` is an English given name the `nicknames` list knows ("Mark", "Bill", "Will")."""
    namer = _nick_namer()
    word = word.lower()
    return bool(namer.nicknames_of(word) or namer.canonicals_of(word))


def nickname_pair(a: str, b: str) -> bool:
    """Whether one first name is a usual short form of the other (the curated English list of the
    `nicknames` package: "mike"/"michael", "bill"/"william")."""
    namer = _nick_namer()
    return b in namer.nicknames_of(a) or a in namer.nicknames_of(b)


def spelt_alike(a: str, b: str) -> bool:
    """One name spelt two ways ("Lennie"/"Lenny", "Bettie"/"Betty", "Phillip"/"Philip"): the same once
    doubled letters are written single and the pet ending one way."""
    return _spoken_key(a) == _spoken_key(b)


def _spoken_key(name: str) -> str:
    single = _DOUBLED.sub(r"\1", name)
    stem = _SPOKEN_ALIKE.sub("", single)
    return stem + "i" if len(stem) >= 2 and stem != single else single


def short_form(a: str, b: str) -> bool:
    """The shorter name is the start of the longer one and no name of its own in the curated list:
    "Ty"/"Tywon", "Stan"/"Stanley". A short name the list knows is another person's given name
    unless the list relates the two ("Dan" is Daniel, not Dana or Dante; "Carl" is not Carlos)."""
    short, full = sorted((a, b), key=len)
    if len(short) < 2 or not short.isalpha() or len(full) - len(short) < MIN_ADDED or not full.startswith(short):
        return False
    return not is_given_name(short) or _related(short, full)


def _related(a: str, b: str) -> bool:
    namer = _nick_namer()
    forms_a = namer.canonicals_of(a) | namer.nicknames_of(a) | {a}
    forms_b = namer.canonicals_of(b) | namer.nicknames_of(b) | {b}
    return bool(forms_a & forms_b)


@cache
def _nick_namer() -> NickNamer:
    return NickNamer()
