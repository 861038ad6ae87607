"""Does a quote's variant say something different? Signals, not phrases: flipped negation, an
antonym or negating prefix swapped in, a changed number.

A fragment is compared with the part of the fuller rendering it lines up with, so that quoting half
a sentence ("is contained, but it is not out") is not taken for dropping the other half's negation.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from newsfuse.text.lexicon import NEGATIONS
from newsfuse.text.number_words import parse_count

# Common opposite pairs of news English; each pair is listed once and read both ways.
ANTONYMS = (
    ("increase", "decrease"),
    ("rise", "fall"),
    ("more", "less"),
    ("more", "fewer"),
    ("win", "lose"),
    ("accept", "reject"),
    ("support", "oppose"),
    ("allow", "ban"),
    ("allow", "forbid"),
    ("agree", "disagree"),
    ("safe", "dangerous"),
    ("success", "failure"),
    ("true", "false"),
    ("always", "never"),
    ("before", "after"),
    ("higher", "lower"),
    ("up", "down"),
    ("open", "closed"),
    ("strong", "weak"),
    ("peace", "war"),
    ("friend", "enemy"),
    ("good", "bad"),
    ("better", "worse"),
    ("best", "worst"),
    ("guilty", "innocent"),
    ("confirm", "deny"),
    ("start", "stop"),
    ("begin", "end"),
    ("include", "exclude"),
    ("gain", "loss"),
    ("over", "under"),
    ("all", "none"),
    ("everyone", "nobody"),
    ("everything", "nothing"),
    ("can", "cannot"),
)
NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")
# A rendering this much shorter than the other (in characters) is a fragment of it.
FRAGMENT_SHARE = 0.7
_WORD = re.compile(r"[a-z0-9]+(?:n't|'[a-z]+)?")


def words(text: str) -> list[str]:
    lowered = text.lower().replace("’", "'").replace("can't", "can not").replace("won't", "will not")
    out: list[str] = []
    for word in _WORD.findall(lowered):
        if word.endswith("n't"):
            out.extend([word[:-3], "not"])
        else:
            out.append(word)
    return out


def meaning_change(main: str, variant: str) -> str | None:
    """Why `variant` means something else than `main`, in a few words, or None when it does not."""
    a, b = _aligned(main, variant)
    wa, wb = words(a), words(b)
    na = sum(w in NEGATIONS for w in wa)
    nb = sum(w in NEGATIONS for w in wb)
    if na % 2 != nb % 2:
        only_a = sorted({w for w in wa if w in NEGATIONS} - {w for w in wb if w in NEGATIONS})
        only_b = sorted({w for w in wb if w in NEGATIONS} - {w for w in wa if w in NEGATIONS})
        if only_a:
            return f"negation dropped: {', '.join(only_a)!s}"
        if only_b:
            return f"negation added: {', '.join(only_b)!s}"
        return "negation count changed"
    sa, sb = set(wa) - set(wb), set(wb) - set(wa)
    for x, y in ANTONYMS:
        if (x in sa and y in sb) or (y in sa and x in sb):
            return f"opposite word: {x if x in sa else y} -> {y if x in sa else x}"
    for x in sa:
        for y in sb:
            if any(y == p + x or x == p + y for p in NEGATING_PREFIXES):
                return f"negated word: {x} -> {y}"
    numbers_a = {v for w in sa if (v := parse_count(w)) is not None}
    numbers_b = {v for w in sb if (v := parse_count(w)) is not None}
    if numbers_a and numbers_b and numbers_a != numbers_b:
        return "number changed"
    return None


def _aligned(main: str, variant: str) -> tuple[str, str]:
    """The two texts, the longer cut to the stretch the shorter lines up with when it is a fragment."""
    if len(variant) < FRAGMENT_SHARE * len(main):
        alignment = fuzz.partial_ratio_alignment(variant.lower(), main.lower())
        if alignment is not None:
            return main[alignment.dest_start : alignment.dest_end], variant
    if len(main) < FRAGMENT_SHARE * len(variant):
        alignment = fuzz.partial_ratio_alignment(main.lower(), variant.lower())
        if alignment is not None:
            return main, variant[alignment.dest_start : alignment.dest_end]
    return main, variant
