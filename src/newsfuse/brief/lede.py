"""The lede: the short paragraph under the headline that tells the story as a neutral summary does.

It holds no sentence of its own. Its lines are the brief's reporting lines (the quick read, then
what happened), each a whole source sentence that already passed the brief's rules (no view, no
opener leaning on the sentence before, no page clutter, nothing disputed stated as fact) and each
with its citations. The lede chooses among them and stops when it is long enough.

It opens on the main event, as a news lede does: the quick read's first bullet, which the composer
chose for telling as done the deed the sources' headlines name (brief.extractive). The other lines
follow by salience (centrality, consensus and independent support: brief.salience). On NeuS's
calibration stories (1-100) opening on the main event lifts ROUGE of headline and lede against the
neutral reference summaries from 41.99 / 18.35 / 27.43 to 42.34 / 18.53 / 27.76 (R-1 / R-2 / R-L),
in each half of them; ranking the rest by salience plus a weight (-1 to 2) on the number of
independent sources, overlap with the headline, the sentence's place in its article, or whether it
is a lead sentence moved R-1 by less than 0.2, unevenly between the halves, so salience alone ranks.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.brief.salience import Fact
from newsfuse.models import Article, Span
from newsfuse.models.brief import CitedSentence, Sections
from newsfuse.text.words import word_count

# The lede's length: it stops at the first line that takes it past LEDE_WORDS words, or past
# LEDE_SHARE of the words its sources hold if that is fewer. A summary of three short excerpts is
# short: on NeuS's calibration stories (1-100) the reference summaries' length follows the sources'
# (Pearson 0.45). Both chosen there, by ROUGE of headline and lede against the references:
# LEDE_SHARE 0.2 / 0.25 / 0.3 / 0.35 / none gave R-1 41.95 / 42.54 / 42.70 / 42.22 / 42.20; at 0.3,
# LEDE_WORDS 40 / 50 / 60 gave 42.21 / 42.70 / 42.56.
LEDE_WORDS = 50
LEDE_SHARE = 0.3


def choose_lede(sections: Sections, facts: Sequence[Fact], articles: Sequence[Article]) -> tuple[CitedSentence, ...]:
    """The lede's lines: the main event, then the most salient reporting lines, up to the length
    budget; no fact is told twice."""
    fact_of = {_key(m.span): f for f in facts for m in f.members}
    lines = [*sections.quick_read, *sections.what_happened]
    main = 0 if sections.quick_read else None
    order = sorted(range(len(lines)), key=lambda i: (i != main, -_salience(lines[i], fact_of), i))
    budget = min(LEDE_WORDS, LEDE_SHARE * sum(word_count(a.text) for a in articles))
    lede: list[CitedSentence] = []
    words = 0
    for index in order:
        if words >= budget:
            break
        line = lines[index]
        if any(_retells(line, chosen) for chosen in lede):
            continue
        lede.append(line)
        words += word_count(line.text)
    return tuple(lede)


def _retells(line: CitedSentence, other: CitedSentence) -> bool:
    """Whether the two lines tell one fact: either is worded by a sentence the other cites (a quick-read
    bullet in one source's short wording, and what happened in another's, cite each other's sentence)."""
    if not line.spans or not other.spans:
        return line.text == other.text
    own, others = {_key(s) for s in line.spans}, {_key(s) for s in other.spans}
    return _key(line.spans[0]) in others or _key(other.spans[0]) in own


def _salience(line: CitedSentence, fact_of: dict[tuple[str, int, int], Fact]) -> float:
    fact = fact_of.get(_key(line.spans[0])) if line.spans else None
    return fact.salience if fact is not None else 0.0


def _key(span: Span) -> tuple[str, int, int]:
    return (span.article_id, span.start, span.end)
