"""Statement units lined up into claims: units of different articles that say the same thing
(similar wording, agreeing slots) back one claim, worded as the most original article words it."""

from __future__ import annotations

from newsfuse.claims.agreement import slots_agree
from newsfuse.claims.story import SAME_STATEMENT, StoryView
from newsfuse.claims.support import independent_sources
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
