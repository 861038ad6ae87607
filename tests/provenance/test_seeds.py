"""Provenance of the five real seed articles: one event (Kim, Xi and Putin in Beijing, September 2025).

How a careful editor reads the five, which is what these tests hold the stage to:

- 000 (Newslooks) carries an AP wire story under a "BEIJING (AP)" dateline, with the outlet's own
  bullet summary on top: it belongs to AP's lineage.
- 002 is a machine translation (a round trip through another language) of an AP story: "Kim Jong
  One", Kim called "her", "large -scale", genitives translated word for word. Its credit line names AP
  (KCNA photographs distributed via KNS and AP). It is AP's lineage too. 000 and 002 are not copies of
  each other (they carry different versions of AP's coverage), but they are one source, not two.
- 001 is a preview written before the event. It cites KCNA for Kim's departure: that attributes one
  fact to KCNA, it does not make the text KCNA's. Nothing else in the set derives from it or it from
  anything in the set: its own lineage.
- 003 ("What's Happening? / Why It's Important?") and 004 ("Quick Read" bullets) are AI digests. 003
  retells the AP story (the facts and order of 002, plus wording only 000 keeps). 004 retells it too
  (26 foreign leaders, the 2024 defence treaty, Zhu Feng's warning) mixed with material it attributes
  to CNN, Reuters and ABC News, which are not in the set. A digest retells others' reporting and adds
  none of its own, so neither is a source.

Five articles, then, rest on two independent sources: AP, and the preview's own reporting. "Independent"
means separate reporting lineages; counting the five as five would count AP three or four times.
"""

from __future__ import annotations

import pytest

from newsfuse.models import Article, Provenance
from newsfuse.provenance import trace
from newsfuse.service import Newsfuse
from tests.conftest import SEEDS, need


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    batch = Newsfuse().articles([str(need(SEEDS))])
    return {article.path.rsplit("/", 1)[-1][:3]: article for article in batch.articles if article.path}


@pytest.fixture(scope="module")
def provenance(seeds: dict[str, Article]) -> Provenance:
    return trace(list(seeds.values()))


def test_five_articles_rest_on_two_independent_sources(provenance: Provenance) -> None:
    assert len(provenance.articles) == 5
    assert provenance.independent_sources == 2


def test_the_wire_story_and_its_translation_are_one_ap_lineage(
    seeds: dict[str, Article], provenance: Provenance
) -> None:
    lineage = provenance.lineage_of(seeds["000"].id)
    assert lineage is not None
    assert lineage.root == "AP"
    assert set(lineage.articles) == {seeds["000"].id, seeds["002"].id}


def test_the_republished_wire_story_derives_from_ap(seeds: dict[str, Article], provenance: Provenance) -> None:
    (derivation,) = provenance.derived_from(seeds["000"].id)
    assert (derivation.parent, derivation.parent_is_agency, derivation.kind) == ("AP", True, "copy")
    assert any(e.kind == "credit" for e in derivation.evidence)


def test_the_machine_translation_is_flagged_and_traced_to_ap(seeds: dict[str, Article], provenance: Provenance) -> None:
    article = seeds["002"]
    (derivation,) = provenance.derived_from(article.id)
    assert (derivation.parent, derivation.kind) == ("AP", "translation")
    assert provenance.machine_translated(article.id)
    (check,) = [t for t in provenance.translations if t.article == article.id]
    kinds = {e.kind for e in check.evidence}
    assert {"name_variant", "pronoun_gender"} <= kinds
    garbled = [article.excerpt(span) for e in check.evidence if e.kind == "name_variant" for span in e.spans]
    assert "Kim Jong One" in garbled


def test_no_other_seed_reads_as_machine_translated(seeds: dict[str, Article], provenance: Provenance) -> None:
    flagged = {key for key, article in seeds.items() if provenance.machine_translated(article.id)}
    assert flagged == {"002"}


def test_the_preview_citing_kcna_is_its_own_source(seeds: dict[str, Article], provenance: Provenance) -> None:
    article = seeds["001"]
    assert "KCNA" in article.agencies
    assert provenance.derived_from(article.id) == ()
    lineage = provenance.lineage_of(article.id)
    assert lineage is not None and lineage.articles == (article.id,)


@pytest.mark.parametrize("key", ["003", "004"])
def test_ai_digests_summarise_the_ap_lineage_and_add_no_source(
    seeds: dict[str, Article], provenance: Provenance, key: str
) -> None:
    article = seeds[key]
    derivations = provenance.derived_from(article.id)
    assert derivations, f"{key} should be found to digest other articles"
    assert {d.kind for d in derivations} == {"summary"}
    assert {d.parent for d in derivations} <= {seeds["000"].id, seeds["002"].id}
    assert article.id in provenance.digests
    assert provenance.lineage_of(article.id) is None


def test_every_evidence_span_points_into_its_article(seeds: dict[str, Article], provenance: Provenance) -> None:
    by_id = {article.id: article for article in seeds.values()}
    evidence = [e for d in provenance.derivations for e in d.evidence]
    evidence += [e for t in provenance.translations for e in t.evidence]
    spans = [span for e in evidence for span in e.spans]
    assert spans
    for span in spans:
        article = by_id[span.article_id]
        assert 0 <= span.start < span.end <= len(article.text)
        assert article.excerpt(span).strip()


def test_corroboration_counts_lineages_not_articles(seeds: dict[str, Article], provenance: Provenance) -> None:
    """A fact in all five articles is corroborated by two sources; one in the wire story, its translation
    and a digest of them, by one. A digest adds no source even where it retells one: a fact only the
    preview and a digest state stands on the preview alone (the digest may have it from CNN or
    Reuters, which are not in the set, or from nowhere)."""
    assert provenance.independent_among(a.id for a in seeds.values()) == 2
    assert provenance.independent_among([seeds["000"].id, seeds["002"].id, seeds["003"].id]) == 1
    assert provenance.independent_among([seeds["001"].id, seeds["004"].id]) == 1


def test_one_source_key_counts_the_seeds_as_the_stages_do(provenance: Provenance, seeds: dict[str, Article]) -> None:
    key = {name: provenance.source_key(article.id) for name, article in seeds.items()}
    # The wire copy and the translation stand for one source; the preview for its own; the digests
    # for none (they lean on what they digest).
    assert key["000"] == key["002"] is not None
    assert key["001"] not in (None, key["000"])
    assert key["003"] is None and key["004"] is None
    assert provenance.independent_among(a.id for a in seeds.values()) == provenance.independent_sources == 2
    assert provenance.independent_among([seeds["003"].id, seeds["004"].id]) == 0
    assert provenance.source_key("not-in-this-story") == "not-in-this-story"
