"""Does a quote's variant say something different? Signals, not phrases: flipped negation, an
antonym or negating prefix swapped in, a changed number.

Renderings are compared sentence by sentence, each sentence with the one of the other rendering it
lines up with; a sentence that one rendering quotes and the other leaves out says nothing about a
change ("No. I've done it. ... I don't need to" against "... I don't need to"). Within a sentence,
a fragment is compared with the part of the fuller sentence it lines up with, so that quoting half
a sentence ("is contained, but it is not out") is not taken for dropping the other half's negation.
Clock times are read as times of day, so "6:41pm" and "18:41" are one time.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from newsfuse.text.lexicon import NEGATIONS
from newsfuse.text.number_words import parse_count
from newsfuse.text.words import folded_words, is_content

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
# Comparatives after which a negation bounds a quantity instead of denying ("no more than", "nothing
# short of"): a closed class of English.
_COMPARATIVES = frozenset({"less", "more", "fewer", "short"})
# A rendering this much shorter than the other (in characters) is a fragment of it.
FRAGMENT_SHARE = 0.7
# The longest run of words a speaker may repeat ("we will not, we will not stand by"); a repeat is
# read once, so that it does not flip the negation count.
REPEAT_MAX = 6
# Two sentences are renderings of one when the shorter lines up with part of the longer this well
# (rapidfuzz partial_ratio, 0-100). Read on ECB+ dev's quote variants: renderings of one sentence
# score 74-96 (a translation or a paraphrase with a dropped clause at the low end), other sentences
# of the same speech or another quote 46 or less.
SENTENCE_MATCH_MIN = 60
# What opens an aside set into a sentence: a comma, a dash or an opening bracket.
_ASIDE_OPENING = re.compile(r"\s*(?:,|\u2014|\u2013|\(|\[|\s-{1,2}(?=\s))\s*")
# Where a quote's sentences end: a full stop, question or exclamation mark, an ellipsis, a paragraph.
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])\s+|\n+")
# A time of day: "6:41pm", "6:41 p.m.", "6 p.m.", "18:41", "0241 GMT" (four digits only before a
# time zone).
_CLOCK = re.compile(
    r"\b(?P<h>[012]?\d)(?:[:.](?P<m>[0-5]\d))?\s*(?P<half>[ap])\.?m\b\.?"
    r"|\b(?P<h24>[012]?\d):(?P<m24>[0-5]\d)\b"
    r"|\b(?P<hz>[012]\d)(?P<mz>[0-5]\d)(?=\s*(?:GMT|UTC|Z)\b)",
    re.IGNORECASE,
)


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
    for a, b in _matched_sentences(_clock_times(main), _clock_times(variant)):
        reason = _sentence_change(a, b)
        if reason is not None:
            return reason
    return None


def _matched_sentences(main: str, variant: str) -> list[tuple[str, str]]:
    """Each sentence of the rendering with fewer sentences beside the other's sentence it lines up
    with best; a sentence with no counterpart is left out."""
    left, right = _sentences(main), _sentences(variant)
    fewer, more = (left, right) if len(left) <= len(right) else (right, left)
    pairs = []
    for sentence in fewer:
        score, best = max(((_match(sentence, other), other) for other in more), default=(0.0, ""))
        if score >= SENTENCE_MATCH_MIN:
            pairs.append((sentence, best) if fewer is left else (best, sentence))
    return pairs


def _sentences(text: str) -> list[str]:
    return [s for part in _SENTENCE_END.split(text) if (s := part.strip(" .\u2026")) and folded_words(s)]


def _match(a: str, b: str) -> float:
    return float(fuzz.partial_ratio(a.lower(), b.lower()))


def _clock_times(text: str) -> str:
    """The text with each time of day written one way ("18:41"), whatever notation it came in."""

    def written(match: re.Match[str]) -> str:
        if match["half"]:
            hour = int(match["h"]) % 12 + (12 if match["half"].lower() == "p" else 0)
            return f"{hour:02d}:{match['m'] or '00'}"
        if match["h24"]:
            return f"{int(match['h24']):02d}:{match['m24']}"
        return f"{match['hz']}:{match['mz']}"

    return _CLOCK.sub(written, text)


def _sentence_change(main: str, variant: str) -> str | None:
    a, b = _aligned(main, variant)
    wa, wb = words(a), words(b)
    if _extends(wa, wb) or _extends(wb, wa):
        return None  # one rendering quotes more of the same words ("... and have no further comment")
    if _aside_inserted(a, wb) or _aside_inserted(b, wa):
        return None  # "never been a man or a woman, not me, not Bill, nobody more qualified than ..."
    neg_a, neg_b = _negations(wa), _negations(wb)
    if len(neg_a) % 2 != len(neg_b) % 2:
        only_a = sorted(set(neg_a) - set(neg_b))
        only_b = sorted(set(neg_b) - set(neg_a))
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
            # A prefix negates a content word ("possible", "impossible"); "to" and "into" are no pair.
            if is_content(x) and is_content(y) and any(y == p + x or x == p + y for p in NEGATING_PREFIXES):
                return f"negated word: {x} -> {y}"
    numbers_a = {v for w in sa if (v := parse_count(w)) is not None}
    numbers_b = {v for w in sb if (v := parse_count(w)) is not None}
    if numbers_a and numbers_b and numbers_a != numbers_b:
        return "number changed"
    return None


def _negations(words: list[str]) -> list[str]:
    """The negation words that deny something. One that opens a comparison ("nothing less than the
    future of Europe", "no more than ten") bounds a quantity and asserts it: it denies nothing."""
    return [
        word
        for i, word in enumerate(words)
        if word in NEGATIONS
        and not (words[i + 1 : i + 2] and words[i + 1] in _COMPARATIVES and words[i + 2 : i + 3] in (["than"], ["of"]))
    ]


def _extends(longer: list[str], shorter: list[str]) -> bool:
    """Whether `shorter` stands word for word, as one run, inside `longer`."""
    size = len(shorter)
    return 0 < size < len(longer) and any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def _aside_inserted(longer: str, shorter: list[str]) -> bool:
    """Whether `longer` is the words of `shorter` with an aside set into them: a run opened by a comma,
    a dash or a bracket after the shorter's first words, the shorter's remaining words after it ("there
    has never been a man or a woman - not me, not Bill, nobody - more qualified" against the advance
    text's "never been a man or a woman more qualified"). Only in a clause already denied ("never"):
    there the aside's negations echo the denial ("not me, not Bill, nobody"), while in an affirmed
    clause an inserted "not" is the denial itself ("We will, of course, not sign it")."""
    if not _negations(shorter):
        return False
    for opening in _ASIDE_OPENING.finditer(longer):
        head, rest = words(longer[: opening.start()]), words(longer[opening.end() :])
        tail = shorter[len(head) :]
        if head and tail and shorter[: len(head)] == head and len(rest) > len(tail) and rest[-len(tail) :] == tail:
            return True
    return False


def _aligned(main: str, variant: str) -> tuple[str, str]:
    """The two texts, the longer cut to the stretch the shorter lines up with when it is a fragment:
    much shorter, or shorter and opening in lower case (a quote that starts mid-sentence, "need to do
    any of that anymore", is a part of what was said, whatever its length)."""
    if len(variant) < FRAGMENT_SHARE * len(main) or (variant[:1].islower() and len(variant) < len(main)):
        alignment = fuzz.partial_ratio_alignment(variant.lower(), main.lower())
        if alignment is not None:
            return main[alignment.dest_start : alignment.dest_end], variant
    if len(main) < FRAGMENT_SHARE * len(variant) or (main[:1].islower() and len(main) < len(variant)):
        alignment = fuzz.partial_ratio_alignment(main.lower(), variant.lower())
        if alignment is not None:
            return main, variant[alignment.dest_start : alignment.dest_end]
    return main, variant
