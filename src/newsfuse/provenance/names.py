"""Proper names as written ("Lena Marsh", "Valmark Meteorological Institute"), and spellings of one
name that differ between articles ("Lena Marhs", "Meteorological Institute of Valmark", "MARSH").

A name is a run of capitalised words, optionally joined by a lower-case particle ("of", "de", "van").
Machine translation garbles names in three typical ways, each checked here without any list of names:
a letter-level misspelling, a change of case, and the "X of Y" inversion of an "Y X" compound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from newsfuse.text.lexicon import STOP_WORDS
from newsfuse.text.words import stem

_NAME = re.compile(r"\b[A-Z][\w'’-]*(?: +(?:(?:of|de|del|la|le|van|von|der|da|du|al|bin|the) +)?[A-Z][\w'’-]*)*")
_PARTICLES = frozenset({"of", "de", "del", "la", "le", "van", "von", "der", "da", "du", "al", "bin", "the"})
_POSSESSIVE = re.compile(r"(?:['’]s?|[-–])$")
_NEGATED_STEMS = frozenset({"don", "won", "can", "isn", "aren", "wasn", "weren", "didn", "doesn"})
# Contractions that open a sentence with a capital are words, not names ("We're", "It's", "Don't").
_CONTRACTION = re.compile(r"['’](?:re|ve|ll|d|m|s|t)$", re.IGNORECASE)
_CALENDAR = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
# A line of at least this many words with at least this share capitalised is a headline or a label, not
# prose. Prose dense with names ("Lena Marsh met Ivo Dane and Tomas Berg in Kessel") stays
# below 0.8; a title-case headline is at 1.0, or 0.7-0.8 with a few lower-case short words.
TITLE_LINE_MIN_WORDS = 4
TITLE_LINE_CAPITALS = 0.7
# Compass words make different places that differ in one word ("North Korea", "South Korea"); they
# never mark a garbled spelling of one name.
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western"})

# Two spellings at or above this rapidfuzz ratio (0-100), differing in one word, are one name spelt two
# ways. 80 joins the garbled names of the seeds (87) and of the sample corpus ("Odile Merchant" for
# "Odile Marchand", 86) and keeps apart names that share a first word ("Kaldmere Power"/"Kaldmere
# Ferries", 73).
VARIANT_RATIO_MIN = 80
# Shorter names are too easily near-misses of each other ("Dane"/"Dana") to count as variants.
VARIANT_MIN_LETTERS = 5


@dataclass(frozen=True, slots=True)
class NameMention:
    form: str
    start: int
    end: int


def name_mentions(text: str) -> list[NameMention]:
    """Capitalised names in the text. A single capitalised word opening a sentence ("Police",
    "Residents", "Marsh") counts only when the text also capitalises it mid-sentence, as names are."""
    runs: list[tuple[int, list[tuple[int, str]]]] = []
    for match in _NAME.finditer(text):
        words = [(w.start() + match.start(), w.group(0)) for w in re.finditer(r"\S+", match.group(0))]
        # Function words at either end ("The Kaldmere Gazette", "But Marsh") are not part of the name.
        while words and words[0][1].lower() in STOP_WORDS:
            words = words[1:]
        while words and words[-1][1] in _PARTICLES:
            words = words[:-1]
        if len(words) == 1 and (_POSSESSIVE.sub("", words[0][1]).lower() in _CALENDAR or _is_contraction(words[0][1])):
            continue
        if words:
            runs.append((words[0][0], words))
    inner = {
        _POSSESSIVE.sub("", word) for start, words in runs if not _opens_sentence(text, start) for _, word in words
    }
    found: list[NameMention] = []
    title_lines: dict[int, bool] = {}
    for start, words in runs:
        form = _POSSESSIVE.sub("", text[start : words[-1][0] + len(words[-1][1])])
        if len(words) == 1 and _opens_sentence(text, start) and form not in inner:
            continue
        line = text.rfind("\n", 0, start) + 1
        if line not in title_lines:
            title_lines[line] = _is_title_case_line(text, line)
        if title_lines[line]:
            continue
        found.append(NameMention(form, start, start + len(form)))
    return found


@dataclass(frozen=True, slots=True)
class Variant:
    """`written` (a stretch of one mention, starting `offset` characters into it) misspells `usual`."""

    written: str
    usual: str
    how: str  # "case", "order" or "spelling"
    offset: int


def variant_of(form: str, other: str) -> Variant | None:
    """How some stretch of `form` misspells the name `other`, or None when `form` spells it right or
    names something else. "Kessel Lena Marhs" misspells "Lena Marsh" in its last two words."""
    mine, theirs = _tokens(form), _tokens(other)
    if len(mine) > 1 and sorted(mine) == sorted(theirs) and mine != theirs:
        return Variant(form, other, "order", 0)
    words = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", form)]
    size = len(other.split())
    if len(words) < size:
        return None
    windows = [
        (words[i][0], form[words[i][0] : words[i + size - 1][0] + len(words[i + size - 1][1])])
        for i in range(len(words) - size + 1)
    ]
    if any(window == other for _, window in windows):
        return None
    for offset, window in windows:
        how = _variant_kind(window, other)
        if how:
            return Variant(window, other, how, offset)
    return None


def _variant_kind(form: str, other: str) -> str | None:
    if form.lower() == other.lower():
        return "case" if form.isupper() != other.isupper() else None
    if _CONTRACTION.search(form) or _CONTRACTION.search(other):
        return None
    mine, theirs = _tokens(form), _tokens(other)
    if len(form) < VARIANT_MIN_LETTERS or len(mine) != len(theirs):
        return None
    differing = [(a, b) for a, b in zip(mine, theirs, strict=True) if a != b]
    if len(differing) != 1:
        return None
    a, b = differing[0]
    # Not garbles: another place ("North"/"South"), an initial ("James O"/"James W"), an inflection or a
    # shortening ("Chargers"/"Charger", "Stan"/"Stanley", "Johnson"/"Johnsonwas").
    if {a, b} & _DIRECTIONS or min(len(a), len(b)) < 2 or a.startswith(b) or b.startswith(a) or stem(a) == stem(b):
        return None
    return "spelling" if fuzz.ratio(form.lower(), other.lower()) >= VARIANT_RATIO_MIN else None


def _tokens(form: str) -> list[str]:
    return [word.lower() for word in form.split() if word not in _PARTICLES]


def _is_contraction(word: str) -> bool:
    if not _CONTRACTION.search(word):
        return False
    return _CONTRACTION.sub("", word).lower() in STOP_WORDS | _NEGATED_STEMS


def _is_title_case_line(text: str, start: int) -> bool:
    """Headlines and labels capitalise every word, so their capitals say nothing about names."""
    end = text.find("\n", start)
    line: list[str] = re.findall(r"[^\W\d_][\w'’-]*", text[start : end if end >= 0 else len(text)])
    if len(line) < TITLE_LINE_MIN_WORDS:
        return False
    capitals = sum(word[0].isupper() for word in line)
    return capitals / len(line) >= TITLE_LINE_CAPITALS


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?:\n"
