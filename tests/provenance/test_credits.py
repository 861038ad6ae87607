"""Credit or attribution, on real articles: carrying an agency's story is not the same as quoting it."""

from __future__ import annotations

import pytest

from newsfuse.models import Article
from newsfuse.provenance.credits import agency_credits
from newsfuse.service import Newsfuse
from tests.conftest import EXAMPLES, SEEDS, need


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    batch = Newsfuse().articles([str(need(SEEDS)), str(EXAMPLES / "corpus")])
    return {(a.origin or "").rsplit("/", 1)[-1]: a for a in batch.articles}


def find(articles: dict[str, Article], prefix: str) -> Article:
    (article,) = [a for name, a in articles.items() if name.startswith(prefix)]
    return article


def kinds(article: Article) -> dict[str, str]:
    return {credit.agency: credit.kind for credit in agency_credits(article)}


def test_a_wire_dateline_credits_the_agency_and_a_state_media_citation_attributes(
    articles: dict[str, Article],
) -> None:
    assert kinds(find(articles, "000_")) == {"AP": "credit", "KCNA": "attribution"}


@pytest.mark.parametrize(
    ("key", "agency"),
    [
        ("001_", "KCNA"),  # the agency spelt out, "... reported"
        ("004_", "Reuters"),  # "According to Reuters"
        ("03_newsroll-feed.jsonl:1", "Reuters"),  # a rewrite: "..., Reuters reported"
    ],
)
def test_citing_an_agency_in_prose_is_attribution(articles: dict[str, Article], key: str, agency: str) -> None:
    article = find(articles, key)
    (credit,) = [c for c in agency_credits(article) if c.agency == agency]
    assert credit.kind == "attribution"
    assert credit.span is not None
    named = article.excerpt(credit.span)
    assert named == agency or "".join(word[0] for word in named.split()) == agency


def test_an_agency_the_reporters_spoke_to_is_credited(articles: dict[str, Article]) -> None:
    article = find(articles, "02_continental")
    (credit,) = agency_credits(article)
    assert (credit.agency, credit.kind) == ("AFP", "credit")


def test_a_credit_line_outside_the_body_credits_every_agency_it_names(articles: dict[str, Article]) -> None:
    assert set(kinds(find(articles, "002_")).values()) == {"credit"}
