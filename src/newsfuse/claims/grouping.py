"""Statement units lined up into claims: units of different articles that say the same thing
(similar wording, agreeing slots) back one claim, worded as the most original article words it.

Similar wording is not enough: "41 were injured" and "14 were injured" read alike and say different
things. Two units back one claim only when every count they share agrees, the days they give for the
event meet, neither denies what the other asserts, and they speak for the same party.

A claim's support is counted in lineages, not articles: copies, rewrites and translations of one
story share its lineage and count once; a digest belongs to no lineage and adds nothing; a span
credited to a party counts for that party, so outlets relaying one agency's report are one source.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from newsfuse.claims.contest import negation_parity
from newsfuse.claims.measures import compare, is_expectation, measured, meets, same_measure
from newsfuse.claims.story import SAME_STATEMENT, StoryView
from newsfuse.models import Claim


def group_claims(view: StoryView) -> list[Claim]:
    published = {a.id: a.published for a in view.articles.values() if a.published is not None}
    order = sorted(range(len(view.units)), key=lambda i: (_rank(view, view.units[i].article_id), i))
    groups: list[list[int]] = []
    for i in order:
        article = view.units[i].article_id
        best, best_similarity = -1, SAME_STATEMENT
        for number, members in enumerate(groups):
            if any(view.units[m].article_id == article for m in members):
                continue
            similarity = float(view.similarity[i, members[0]])
            if similarity < best_similarity or not view.same_predicate(i, members[0]):
                continue
            if all(slots_agree(view, i, m, published) for m in members):
                best, best_similarity = number, similarity
        if best >= 0:
            groups[best].append(i)
        else:
            groups.append([i])
    claims = [_claim(view, members) for members in groups]
    position = {id(claim): n for n, claim in enumerate(claims)}
    return sorted(claims, key=lambda c: (-c.independent_sources, -len(c.articles), position[id(c)]))


def _rank(view: StoryView, article_id: str) -> int:
    """Whose wording a claim takes: an original, then a machine translation, then a digest."""
    if view.is_digest(article_id):
        return 2
    return 1 if view.machine_translated(article_id) else 0


def _claim(view: StoryView, members: list[int]) -> Claim:
    head = view.units[members[0]]
    members = sorted(members, key=lambda m: (view.units[m].article_id != head.article_id, m))
    spans = tuple(view.units[m].span for m in members)
    backing = [(view.units[m].article_id, view.slots[m].credit) for m in members]
    return Claim(
        text=head.text,
        spans=spans,
        independent_sources=independent_sources(view, backing),
        attribution=view.slots[members[0]].credit,
    )


def slots_agree(view: StoryView, i: int, j: int, published: dict[str, date]) -> bool:
    a, b = view.slots[i], view.slots[j]
    if negation_parity(view.units[i].text) != negation_parity(view.units[j].text):
        return False
    if a.credit is not None and b.credit is not None and a.credit != b.credit:
        return False
    for x in (m for n in a.numbers if (m := measured(n)) is not None):
        for y in (m for n in b.numbers if (m := measured(n)) is not None):
            if same_measure(x, y, same_statement=True):
                verdict = compare(x.number, y.number)
                if verdict is not None and not verdict.agree:
                    return False
    days_a = [d for d in a.dates if not d.in_quote and d.granularity == "day"]
    days_b = [d for d in b.dates if not d.in_quote and d.granularity == "day"]
    if days_a and days_b:
        # A forecast and a report are different statements even when they name the same day.
        if any(is_expectation(d, published) for d in days_a) != any(is_expectation(d, published) for d in days_b):
            return False
        if not any(meets(x, y) for x in days_a for y in days_b):
            return False
    return True


def independent_sources(view: StoryView, backing: Iterable[tuple[str, str | None]]) -> int:
    """`backing` holds (article id, credited party or None) for each supporting span.

    Each lineage is a source; lineages that relay one party's statement are joined into one, since
    they all stand on that party's word. A party never adds a source of its own: an outlet writing
    "experts say" next to its own reporting is still one outlet.
    """
    lineages_of: dict[str, set[str]] = {}
    keys: set[str] = set()
    for article_id, credit in backing:
        key = source_key(view, article_id)
        if key is None:
            continue
        keys.add(key)
        if credit is not None:
            lineages_of.setdefault(credit, set()).add(key)
    groups = [{key} for key in keys]
    for joined in lineages_of.values():
        merged = {key for group in groups if group & joined for key in group}
        groups = [group for group in groups if not group & joined] + [merged]
    return len(groups)


def source_key(view: StoryView, article_id: str) -> str | None:
    """The independent source an article stands for (`Provenance.source_key`); None for a digest."""
    return article_id if view.provenance is None else view.provenance.source_key(article_id)
