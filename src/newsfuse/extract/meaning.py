"""Does a quote's variant say something different? Signals, not phrases: flipped negation, an
antonym or negating prefix swapped in, a changed number.

A fragment is compared with the part of the fuller rendering it lines up with, so that quoting half
a sentence ("is contained, but it is not out") is not taken for dropping the other half's negation.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from newsfuse.text.lexicon import NEGATIONS
from newsfuse.text.number_words import parse_count
from newsfuse.text.words import folded_words

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
# The longest run of words a speaker may repeat ("we will not, we will not stand by"); a repeat is
# read once, so that it does not flip the negation count.
REPEAT_MAX = 6


def words(text: str) -> list[str]:
    """The text's word tokens, each immediately repeated run of words kept once."""
    out: list[str] = []
    for word in folded_words(text):
        out.append(word)
        for size in range(1, min(REPEAT_MAX, len(out) // 2) + 1):
            if out[-size:] == out[-2 * size : -size]:
                del out[-size:]
                break
    return out


def meaning_change(main: str, variant: str) -> str | None:
    """Why `variant` means something else than `main`, in a few words, or None when it does not."""
    a, b = _aligned(main, variant)
    wa, wb = words(a), words(b)
    if _extends(wa, wb) or _extends(wb, wa):
        return None  # one rendering quotes more of the same words ("... and have no further comment")
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


def _extends(longer: list[str], shorter: list[str]) -> bool:
    """Whether `shorter` stands word for word, as one run, inside `longer`."""
    size = len(shorter)
    return 0 < size < len(longer) and any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


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
