"""Content words of a sentence, folded so that "workers" and "worker", "Berg's" and "Berg" compare equal.

Function words carry wording, not facts, so they are dropped: two sentences that share only "the" and
"of" say nothing alike. The stemmer is deliberately crude (a few English suffixes): it only has to make
inflected forms of one word meet, never to find a dictionary root.
"""

from __future__ import annotations

from newsfuse.text.normalize import words

FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "so",
        "yet",
        "if",
        "then",
        "than",
        "that",
        "this",
        "these",
        "those",
        "there",
        "here",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "without",
        "within",
        "into",
        "onto",
        "upon",
        "about",
        "above",
        "below",
        "over",
        "under",
        "after",
        "before",
        "during",
        "since",
        "until",
        "while",
        "as",
        "per",
        "via",
        "off",
        "out",
        "up",
        "down",
        "through",
        "across",
        "between",
        "among",
        "against",
        "toward",
        "towards",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "done",
        "has",
        "have",
        "had",
        "having",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "it",
        "its",
        "it's",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "they",
        "them",
        "their",
        "theirs",
        "we",
        "us",
        "our",
        "ours",
        "you",
        "your",
        "yours",
        "i",
        "me",
        "my",
        "mine",
        "who",
        "whom",
        "whose",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "both",
        "each",
        "few",
        "more",
        "most",
        "other",
        "some",
        "such",
        "no",
        "not",
        "only",
        "own",
        "same",
        "too",
        "very",
        "just",
        "also",
        "still",
        "even",
        "ever",
        "again",
        "further",
        "once",
        "said",
        "says",
        "say",
        "told",
        "tell",
        "according",
        "reported",
        "report",
        "one",
        "s",
    ]
)

# Suffixes folded away, longest first; a word keeps at least this many letters so "news" stays "news".
_SUFFIXES = ("ings", "ing", "ies", "ied", "es", "ed", "ly", "s")
_MIN_STEM = 4


def stem(word: str) -> str:
    """A crude, stable stem: lower case, no possessive, a few inflectional suffixes removed."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            base = word[: -len(suffix)]
            return base + "y" if suffix in ("ies", "ied") else base
    return word


def content_stems(text: str) -> list[str]:
    """The stems of the text's content words (numbers included), in order, repeats kept."""
    found: list[str] = []
    for word in words(text):
        lowered = word.lower()
        if lowered in FUNCTION_WORDS:
            continue
        found.append(stem(lowered).replace(",", ""))
    return found
