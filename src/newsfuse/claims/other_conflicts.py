"""Statements that deny one another outright: one article says a thing happened, a restatement of
the same sentence in another says it did not. The denial is the contest logic's (`contest.contests`);
quotes are left to `quote_conflicts`, which compares renderings of one quote with more care."""

from __future__ import annotations

from newsfuse.claims.contest import contests
from newsfuse.claims.story import StoryView, side
from newsfuse.models import Conflict
from newsfuse.text.words import content_stems

# Only a restatement close enough to be the same sentence reworded (a copy, a rewrite, a translation)
# is held to say the opposite: looser pairs share a topic and deny different things. Set by reading the
# sample corpus (sentences that share a topic and a negation pair at 0.35-0.55, a copied or translated
# sentence at 0.6 and up); not yet swept on a real set (ECB+ odd/even topics would do, as for claims/story).
SAME_SENTENCE_MIN = 0.6
# Share of each sentence's content words the other must hold: a flipped statement keeps its words and
# changes its polarity. Sentences that each add words of their own ("did not yet know" against "has not
# said") cover 0.6-0.75 of each other in the sample corpus; like the bar above, not yet swept on a real set.
SAME_WORDS_MIN = 0.8


def other_conflicts(view: StoryView) -> list[Conflict]:
    conflicts = []
    units = view.units
    for i, a in enumerate(units):
        if view.slots[i].quotes:
            continue
        for j in range(i + 1, len(units)):
            b = units[j]
            if a.article_id == b.article_id or view.slots[j].quotes:
                continue
            if view.similarity[i, j] < SAME_SENTENCE_MIN:
                continue
            if _mutual_coverage(a.text, b.text) < SAME_WORDS_MIN:
                continue
            if not contests(a.text, b.text).denial:
                continue
            sides = (side(a.text, [a]), side(b.text, [b]))
            explanation = (
                f"{view.label(a.article_id)} and {view.label(b.article_id)} word one statement, "
                "and one of them denies it"
            )
            conflicts.append(Conflict("other", "whether: " + a.text[:80], sides, "open", explanation))
    return conflicts


def _mutual_coverage(a: str, b: str) -> float:
    """The smaller of the shares of each text's content stems found in the other."""
    sa, sb = set(content_stems(a, numbers=False)), set(content_stems(b, numbers=False))
    if not sa or not sb:
        return 0.0
    shared = len(sa & sb)
    return min(shared / len(sa), shared / len(sb))
