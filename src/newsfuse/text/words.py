"""Words: the one tokenizer, its folded form and the one stemmer that every stage uses.

A word is a run of letters or digits, joined across an apostrophe, a full stop or a hyphen inside
it ("Berg's", "U.S", "co-op", "6.1"). The stemmer is deliberately crude (a few English suffixes): it
only has to make inflected forms of one word meet ("workers" and "worker", "injured" and
"injuring"), never to find a dictionary root.
"""

from __future__ import annotations

import re

from newsfuse.text.lexicon import NEGATIONS, STOP_WORDS

WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*", re.UNICODE)
# Suffixes folded away, longest first; a stem keeps at least MIN_STEM letters, so "news" stays "news"
# and "uses" stays "uses" rather than meeting "us".
SUFFIXES = ("ings", "ing", "ies", "ied", "es", "ed", "ly", "s")
MIN_STEM = 4
# Contractions whose stem is not the word before "n't".
_IRREGULAR_NEGATIVES = {"won't": "will", "can't": "can", "shan't": "shall"}


def words(text: str) -> list[str]:
    """The words of the text, as written."""
    return WORD.findall(text)


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def folded_words(text: str) -> list[str]:
    """Lower-case words with possessives dropped and "n't" read as a separate "not"
    ("didn't" -> "did", "not"; "Berg's" -> "berg"), so that negations and names can be counted."""
    out: list[str] = []
    for word in WORD.findall(text.lower().replace("’", "'")):
        if word.endswith("n't"):
            out.extend([_IRREGULAR_NEGATIVES.get(word, word[:-3]), "not"])
        elif word.endswith("'s"):
            out.append(word[:-2])
        else:
            out.append(word)
    return out


def stem(word: str) -> str:
    """A crude, stable stem: lower case, no possessive, a few inflectional suffixes removed."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            base = word[: -len(suffix)]
            return base + "y" if suffix in ("ies", "ied") else base
    return word


def is_content(word: str) -> bool:
    """Whether a folded word can carry a fact: not a stop word, not a negation."""
    return word not in STOP_WORDS and word not in NEGATIONS


def content_stems(text: str, *, numbers: bool = True) -> list[str]:
    """The stems of the text's content words, in order, repeats kept; bare numbers only with `numbers`."""
    return [stem(word) for word in folded_words(text) if is_content(word) and (numbers or not word.isdigit())]
