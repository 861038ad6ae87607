"""Split text into sentences with character offsets, without a model.

Rules: a sentence ends at . ! ? or … (with any closing quotes or brackets) followed by a space and
a capital, digit or opening quote, unless the full stop belongs to an abbreviation or an initial.
Dotted initials ("U.S.", "D.C.", "P.J.") run on into the capital after them on the same line ("U.S.
Army", "P.J. Carlesimo") unless that capital cannot continue a name: a closed-class word ("... the
U.S. The numbers ..."), a quotation, or anything after a state that closes an address ("Lodi, N.J.
Harmony's phone ..."). Good enough for news prose; offsets always index the input text exactly.
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
# Closed-class words (determiners, pronouns, conjunctions, prepositions) written with a capital: a
# capital that no name or organisation takes, so after initials it opens a sentence ("... the U.S.
# The numbers were ..."). "A" is left out: it may be one more initial ("U.S. A. Smith").
_CLOSED_CLASS = frozenset(
    """The An This That These Those His Her Its Their Our My Your He She It They We I You There
    And But Or So Yet While Although Though Because If When As After Before Since Until Whether
    In On At For From With By Of To Into During""".split()
)
# States written with dotted initials, and the district: an address's last part ("Lodi, N.J.").
_STATES = frozenset({"D.C", "N.C", "N.D", "N.H", "N.J", "N.M", "N.Y", "R.I", "S.C", "S.D"})
# How many words before the initials show a headline's capitalised closed-class words: the two
# PolNeAR headlines with initials before one ("Program To Allow Central Americans To Enter U.S. As
# Refugees") have two within eight.
_TITLE_WINDOW = 8
_WORD = re.compile(r"[A-Za-z][\w'’-]*\.?")
# A quotation that closes within three words of opening (a nickname, a name in quotes).
_SHORT_QUOTE = re.compile(r"[\"“][^\s\"”]+(?:\s[^\s\"”]+){0,2}[\"”]")
_LINE_WORD = re.compile(r"(^|[\s\"“(])([A-Za-z]+)")
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
        # Dotted initials ("P.J. Carlesimo", "N.Y. Attorney General", "U.S. Army") run on within a
        # line, unless what follows cannot continue them; before a line break they end a sentence.
        return not _initialism_ends_sentence(text, word_start, dot, after)
    if text[word_start:dot] in PLURAL_TITLES:
        return True
    if word in NUMBER_ABBREVIATIONS:
        return text[after:].lstrip()[:1].isdigit()  # "No. 14" but not "said no. Then"
    return word in ABBREVIATIONS


def _initialism_ends_sentence(text: str, word_start: int, dot: int, after: int) -> bool:
    """Whether the capital after dotted initials on the same line starts a new sentence.

    Initials run on into a name or a noun phrase ("P.J. Carlesimo", "U.S. Army", "N.J. Gov. Chris
    Christie"); three things cannot continue one and start a sentence instead: a closed-class word
    ("... into the U.S. The numbers ...", "... in Washington D.C. He recalled ..."), a quotation that
    runs on ("... in Rochester, N.H. “He's already ..."), and, after a state set off by a comma as a
    city's address is ("Lodi, N.J."), any capital: news style closes that address with a second comma
    when the sentence goes on ("Lodi, N.J., resident"), so a bare capital after it opens a sentence.
    """
    if not _has_words_before(text, word_start):
        return False  # "U.S. Flexes Muscles", "“P.S. You can": no sentence is the initials alone
    following = text[after:].lstrip(" \t")
    next_word = _WORD.match(following.lstrip("\"“'‘"))
    if next_word is None or next_word.group(0).endswith("."):
        return False  # a title runs on to its name: "U.S. Rep. Gwen Graham", "N.J. Gov. Chris Christie"
    if following[:1] in '"“' and not _closes_soon(following):
        return True
    # "He's" is "He" with a verb joined to it.
    if re.split(r"['’]", next_word.group(0))[0] in _CLOSED_CLASS and not _title_case(text, word_start):
        return True
    return text[word_start:dot] in _STATES and text[:word_start].endswith(", ")


def _has_words_before(text: str, word_start: int) -> bool:
    return not _opens(text[:word_start].rsplit("\n", 1)[-1])


def _closes_soon(following: str) -> bool:
    """Whether a quotation opened after the initials closes within a few words: a nickname or a
    title in quotes ("Gov. C.L. \"Butch\" Otter") runs on; a speaker's quotation is a sentence."""
    return bool(_SHORT_QUOTE.match(following))


def _title_case(text: str, word_start: int) -> bool:
    """Whether the line before the initials is written as a headline, with its closed-class words
    capitalised ("... A Green Light From The U.S. And Iran"): there a capital tells no sentence start."""
    line = text[:word_start].rsplit("\n", 1)[-1]
    words = list(_LINE_WORD.finditer(line))[-_TITLE_WINDOW:]
    # A word that opens a sentence is capitalised in prose too, and one more may open a name ("in
    # The Smithsonian Museum in Washington D.C. This is ...": PolNeAR train); a headline has two.
    return sum(w.group(2) in _CLOSED_CLASS and not _opens(line[: w.start(2)]) for w in words) >= 2


def _opens(before: str) -> bool:
    """Whether a word after `before` (its line so far) opens a sentence or a quotation."""
    before = before.rstrip(" \t")
    return not before or before[-1] in '.!?:"“‘('
