"""Words as the claims stage compares them: lower-cased, crudely stemmed content words.

The stemmer only folds inflections ("injured", "injures" -> "injur"; "homes" -> "home") so that a
rewrite's "were injured" meets the original's "injuring"; it is not meant to find word families.
"""

from __future__ import annotations

import re

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

# Words that negate what they govern. "no one", "not without" and such are read by parity (two
# negations cancel) in `negation_parity`.
NEGATIONS = frozenset(
    ["not", "no", "never", "without", "nobody", "nothing", "none", "neither", "nor", "cannot", "nowhere"]
)
# Function words dropped before comparing content; the negations are kept apart and never dropped.
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) - NEGATIONS
# Suffixes folded by `stem`, longest first; a stem keeps at least MIN_STEM letters.
SUFFIXES = ("ings", "ing", "ied", "ies", "ed", "es", "s")
MIN_STEM = 3

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def tokens(text: str) -> list[str]:
    """Lower-case word tokens; "n't" is split off as "not" so that negation counts see it."""
    out: list[str] = []
    for token in _TOKEN.findall(text.lower().replace("’", "'")):
        if token.endswith("n't"):
            out.extend([{"won't": "will", "can't": "can"}.get(token, token[:-3]), "not"])
        elif token.endswith("'s"):
            out.append(token[:-2])
        else:
            out.append(token)
    return out


def stem(word: str) -> str:
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            base = word[: -len(suffix)]
            return base + "y" if suffix in ("ied", "ies") else base
    return word


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry content: no stop words, no negations, no bare numbers."""
    return [stem(t) for t in tokens(text) if t not in STOP_WORDS and t not in NEGATIONS and not t.isdigit()]


def negation_parity(text: str) -> int:
    """1 when the text holds an odd number of negations (it denies), else 0."""
    return sum(t in NEGATIONS for t in tokens(text)) % 2


# How far after a negation its scope is looked for: "has not yet formally passed" reaches "pass".
NEGATION_REACH = 4


def negated_stems(text: str) -> set[str]:
    """The content stems a negation governs an odd number of times: "not passed" negates "pass",
    "not without a sense" negates nothing (two negations reach "sense")."""
    words = tokens(text)
    counts: dict[str, int] = {}
    for index, word in enumerate(words):
        if word not in NEGATIONS:
            continue
        for after in words[index + 1 : index + 1 + NEGATION_REACH]:
            if after not in STOP_WORDS and after not in NEGATIONS and not after.isdigit():
                counts[stem(after)] = counts.get(stem(after), 0) + 1
                break
    return {word for word, count in counts.items() if count % 2}


def denies_shared(a: str, b: str) -> bool:
    """Whether one text negates what the other states: a content word stands in both texts, governed
    by a negation in one and not in the other."""
    neg_a, neg_b = negated_stems(a), negated_stems(b)
    return bool((neg_a ^ neg_b) & set(content_stems(a)) & set(content_stems(b)))
