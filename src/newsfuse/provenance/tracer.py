"""The provenance stage's entry point: `trace(articles)` for one story.

Order of work: prepare each article (sentences, content words), check each for machine translation
against the others, sort its agency mentions into credits and attributions, block pairs with MinHash,
align the pairs that pass, then decide parents: first text derivations between articles (strongest
first, never making a cycle), then agency credits for articles with no parent in the story, then
digests for what is left. Lineages and the independent-source count follow from the parents.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from newsfuse.deadline import check
from newsfuse.errors import InputError
from newsfuse.models import Article
from newsfuse.models.provenance import (
    Alignment,
    Derivation,
    DerivationKind,
    Evidence,
    Provenance,
    TranslationCheck,
)
from newsfuse.provenance.alignment import align
from newsfuse.provenance.blocking import Blocker, MinHashBlocker
from newsfuse.provenance.credits import AgencyCredit, agency_credits
from newsfuse.provenance.digests import digest_form, digest_parents
from newsfuse.provenance.lineage import lineages
from newsfuse.provenance.passages import PassageText, passage_text
from newsfuse.provenance.relations import Side, TextRelation, text_relation
from newsfuse.provenance.translation import TranslationChecker

# Confidence of a derivation from an agency credit. Below 1.0 because a credit line may cover only a
# photograph (the clean stage keeps the agency, not where the credit stood).
CREDIT_SCORE = 0.9


def trace(articles: Sequence[Article], blocker: Blocker | None = None) -> Provenance:
    """Who copied, rewrote, translated or summarised whom in one story, and how many sources are independent.

    `blocker` picks the pairs worth aligning (default: MinHash containment, see `blocking`).
    """
    _check_unique(articles)
    ids = tuple(a.id for a in articles)
    texts = {a.id: passage_text(a) for a in articles}
    checker = TranslationChecker(articles)
    checks = {a.id: checker.check(a) for a in articles}
    credits = {a.id: tuple(agency_credits(a)) for a in articles}
    sides = {a.id: Side(a, checks[a.id], credits[a.id]) for a in articles}

    forms = {a.id: digest_form(a) for a in articles}
    alignments: dict[tuple[str, str], Alignment] = {}
    pairs = (blocker or MinHashBlocker()).pairs([texts[a].stems for a in ids], [forms[a] is not None for a in ids])
    for i, j in pairs:
        check("provenance")
        alignments[(ids[i], ids[j])] = align(texts[ids[i]], texts[ids[j]])

    # A digest is never one text with another article: a digest that repeats a short article's
    # sentences summarises it, and two digests of one source share its sentences without copying each
    # other. Digests get their parents below.
    relations = [
        found
        for (x, y), alignment in alignments.items()
        if forms[x] is None and forms[y] is None and (found := text_relation(sides[x], sides[y], alignment))
    ]
    derivations = _text_derivations(relations)
    parented = {d.article for d in derivations}
    derivations.extend(_agency_derivations(articles, credits, checks, parented))
    parented = {d.article for d in derivations}
    derivations.extend(_digest_derivations(articles, texts, alignments, forms, parented))

    found_lineages, digests = lineages(ids, derivations)
    order = {article: n for n, article in enumerate(ids)}
    derivations.sort(key=lambda d: (order[d.article], -d.score))
    return Provenance(
        articles=ids,
        derivations=tuple(derivations),
        translations=tuple(checks[a] for a in ids),
        lineages=found_lineages,
        digests=digests,
        alignments=tuple(alignments.values()),
    )


def _check_unique(articles: Sequence[Article]) -> None:
    repeated = [article for article, count in Counter(a.id for a in articles).items() if count > 1]
    if repeated:
        raise InputError(repeated[0], "the same article appears twice in one story")


def _text_derivations(relations: list[TextRelation]) -> list[Derivation]:
    """One parent per article: the candidate that best explains it, skipping any that would close a cycle."""
    parent_of: dict[str, str] = {}
    chosen: list[Derivation] = []
    for relation in sorted(relations, key=lambda r: (r.rank, r.child, r.parent), reverse=True):
        if relation.child in parent_of or _descends(relation.parent, relation.child, parent_of):
            continue
        parent_of[relation.child] = relation.parent
        chosen.append(Derivation(relation.child, relation.parent, relation.kind, relation.score, relation.evidence))
    return chosen


def _descends(article: str, ancestor: str, parent_of: dict[str, str]) -> bool:
    while article in parent_of:
        article = parent_of[article]
        if article == ancestor:
            return True
    return article == ancestor


def _agency_derivations(
    articles: Sequence[Article],
    credits: dict[str, tuple[AgencyCredit, ...]],
    checks: dict[str, TranslationCheck],
    parented: set[str],
) -> list[Derivation]:
    """Articles with no parent in the story descend from the agency they credit. With several credited
    agencies, the one other articles also credit wins ("Yonhap via AP" in a photo credit beside another
    article's "SEOUL (AP)" dateline is AP's story), else the first named."""
    credited_by = Counter(c.agency for found in credits.values() for c in found if c.kind == "credit")
    chosen: list[Derivation] = []
    for article in articles:
        own = [c for c in credits[article.id] if c.kind == "credit"]
        if article.id in parented or not own:
            continue
        best = max(own, key=lambda c: (credited_by[c.agency], -own.index(c)))
        evidence = [Evidence("credit", best.detail, (best.span,) if best.span else ())]
        others = [c.agency for c in own if c is not best]
        if others:
            evidence.append(Evidence("credit", "also credits " + ", ".join(others) + " (photographs or distribution)"))
        check = checks[article.id]
        kind: DerivationKind = "translation" if check.machine_translated else "copy"
        if check.machine_translated:
            evidence.extend(check.evidence)
        chosen.append(Derivation(article.id, best.agency, kind, CREDIT_SCORE, tuple(evidence), parent_is_agency=True))
    return chosen


def _digest_derivations(
    articles: Sequence[Article],
    texts: dict[str, PassageText],
    alignments: dict[tuple[str, str], Alignment],
    forms: dict[str, Evidence | None],
    parented: set[str],
) -> list[Derivation]:
    # Other digests are not sources: a digest of a digest would only hide where the facts came from.
    unsourced_digests = {a.id for a in articles if forms[a.id] is not None and a.id not in parented}
    roots = frozenset(a.id for a in articles if a.id not in parented)
    chosen: list[Derivation] = []
    for article in articles:
        form = forms[article.id]
        if article.id in parented or form is None:
            continue
        oriented: dict[str, Alignment] = {}
        for (x, y), alignment in alignments.items():
            if x == article.id and y not in unsourced_digests:
                oriented[y] = alignment
            elif y == article.id and x not in unsourced_digests:
                oriented[x] = alignment.reversed()
        candidates = [texts[other] for other in oriented]
        for parent in digest_parents(texts[article.id], candidates, oriented, roots):
            evidence = (form, parent.evidence)
            chosen.append(Derivation(article.id, parent.parent, "summary", round(parent.coverage, 3), evidence))
    return chosen
