"""Negation as the claims stage reads it: which content words a statement denies.

Words, stems and the word lists come from `newsfuse.text`; what is read here is claims' own: the
parity of negations ("no one", "not without" cancel) and the words a negation governs.
"""

from __future__ import annotations

from newsfuse.text.lexicon import NEGATIONS
from newsfuse.text.words import content_stems, folded_words, is_content, stem


def negation_parity(text: str) -> int:
    """1 when the text holds an odd number of negations (it denies), else 0."""
    return sum(t in NEGATIONS for t in folded_words(text)) % 2


# How far after a negation its scope is looked for: "has not yet formally passed" reaches "pass".
NEGATION_REACH = 4


def negated_stems(text: str) -> set[str]:
    """The content stems a negation governs an odd number of times: "not passed" negates "pass",
    "not without a sense" negates nothing (two negations reach "sense")."""
    words = folded_words(text)
    counts: dict[str, int] = {}
    for index, word in enumerate(words):
        if word not in NEGATIONS:
            continue
        for after in words[index + 1 : index + 1 + NEGATION_REACH]:
            if is_content(after) and not after.isdigit():
                counts[stem(after)] = counts.get(stem(after), 0) + 1
                break
    return {word for word, count in counts.items() if count % 2}


def denies_shared(a: str, b: str) -> bool:
    """Whether one text negates what the other states: a content word stands in both texts, governed
    by a negation in one and not in the other."""
    neg_a, neg_b = negated_stems(a), negated_stems(b)
    shared = set(content_stems(a, numbers=False)) & set(content_stems(b, numbers=False))
    return bool((neg_a ^ neg_b) & shared)
