"""How much of one short text another covers: the share of the shorter text's content stems found in
the longer. Used to tell whether a sentence reports the same event as a clause, where a cosine over
whole sentences is diluted by everything else the sentence says."""

from __future__ import annotations

from newsfuse.text.words import content_stems


def coverage(a: str, b: str, ignore: frozenset[str] = frozenset()) -> float:
    """`ignore` holds stems left out on both sides (the story's names, when only the predicate counts)."""
    sa, sb = set(content_stems(a, numbers=False)) - ignore, set(content_stems(b, numbers=False)) - ignore
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))
