"""The stage's contract on real stories: lineages partition the articles, parents exist, no cycles."""

from __future__ import annotations

import pytest

import newsfuse.provenance
from newsfuse.errors import InputError
from newsfuse.models import Article, Provenance
from newsfuse.provenance import trace
from newsfuse.service import Newsfuse
from tests.conftest import EVAL, SEEDS, need
from tests.provenance.ecbplus import read_topics


def test_public_api() -> None:
    assert newsfuse.provenance.__all__ == ["align_passages", "trace"]


def test_an_article_given_twice_is_refused() -> None:
    article = Newsfuse().articles([str(need(SEEDS))]).articles[0]
    with pytest.raises(InputError, match="twice"):
        trace([article, article])


def _check_contract(articles: list[Article], provenance: Provenance) -> None:
    ids = [a.id for a in articles]
    assert list(provenance.articles) == ids
    in_lineages = [a for lineage in provenance.lineages for a in lineage.articles]
    assert sorted(in_lineages + list(provenance.digests)) == sorted(ids)
    assert provenance.independent_sources == len(provenance.lineages) >= 1
    named = {a.id: set(a.agencies) for a in articles}
    parent_of = {}
    for derivation in provenance.derivations:
        assert 0.0 < derivation.score <= 1.0
        assert derivation.evidence
        if derivation.parent_is_agency:
            assert derivation.parent in named[derivation.article]
        else:
            assert derivation.parent in named and derivation.parent != derivation.article
        if derivation.kind != "summary":
            assert derivation.article not in parent_of, "one text parent per article"
            parent_of[derivation.article] = derivation.parent
    for start in parent_of:
        seen, node = {start}, start
        while node in parent_of:
            node = parent_of[node]
            assert node not in seen, "derivations form a cycle"
            seen.add(node)


def test_contract_holds_on_the_seeds() -> None:
    articles = list(Newsfuse().articles([str(need(SEEDS))]).articles)
    _check_contract(articles, trace(articles))


def test_contract_holds_on_ecbplus_and_human_news_holds_no_digests() -> None:
    """ECB+ is human-written news from 2008-2013: no AI digests, no bullet briefings. Its copies and
    rewrites of shared wire and press-release text are real, so derivations may be found, digests not."""
    stories = read_topics(need(EVAL / "ecbplus-dev"))
    for articles in stories.values():
        provenance = trace(articles)
        _check_contract(articles, provenance)
        assert provenance.digests == ()
