"""The pages over the seed story: the list shows counts, conflicts and freshness; the story page shows the
brief with every citation linked to its passage in the sources beside it, the conflicts, the aligned
passages, and the timeline and provenance graph as SVG; versions and search work; unknown ids get 404."""

from __future__ import annotations

import re

from lxml import html as lxml_html

from newsfuse.models.record import BriefRecord
from tests.web.conftest import Site, html_of


def _figures(record: BriefRecord) -> str:
    articles, sources = len(record.articles), record.independent_sources
    return (
        f"{articles} article{'s' if articles != 1 else ''}, {sources} independent source{'s' if sources != 1 else ''}"
    )


def test_story_list(site: Site) -> None:
    page = lxml_html.fromstring(html_of(site.client, "/"))
    items = page.cssselect("ul.stories li")
    assert len(items) == 2
    headlines = {item.cssselect("a.headline")[0].text_content() for item in items}
    assert headlines == {site.seeds.headline, site.hostile.headline}
    seeds = next(i for i in items if i.cssselect("a.headline")[0].get("href") == f"/stories/{site.seeds.story_id}")
    assert _figures(site.seeds.record) in seeds.text_content()
    if site.seeds.open_conflicts:
        badge = seeds.cssselect(".badge.open")[0].text_content()
        assert badge.startswith(f"{site.seeds.open_conflicts} open conflict")
    assert re.search(r"updated (just now|\d+ minutes? ago)", " ".join(seeds.text_content().split()))


def test_story_page_shows_the_brief_with_linked_citations(site: Site) -> None:
    record = site.seeds.record
    text = html_of(site.client, f"/stories/{site.seeds.story_id}")
    page = lxml_html.fromstring(text)
    assert page.cssselect("h1.headline")[0].text_content() == record.headline
    assert page.cssselect(".sources-line")[0].text_content() == _figures(record)

    # The lede first, under the headline, each of its lines with its citations.
    assert record.lede
    [lede] = page.cssselect("p.lede")
    assert all(" ".join(s.text.split()) in " ".join(lede.text_content().split()) for s in record.lede)
    assert len(lede.cssselect("sup.cite a")) >= len(record.lede)
    assert text.index('class="lede"') < text.index('class="brief quick"')

    # Every section line is shown once: a line the lede already tells is left out below it.
    shown = " ".join(" ".join(s.text_content() for s in page.cssselect("section.brief")).split())
    told = {s.text for s in record.lede}
    for _, sentences in record.sections.items():
        for sentence in sentences:
            assert (" ".join(sentence.text.split()) in shown) != (sentence.text in told)

    ids = {element.get("id") for element in page.iter() if element.get("id")}
    numbers = {a.id: n for n, a in enumerate(record.articles, start=1)}
    links = page.cssselect("sup.cite a")
    assert links
    for link in links:
        target = link.get("href")[1:]
        assert target in ids, target  # every citation lands somewhere on the page
        passage = link.get("title")
        if passage:  # a cited span: anchored inside its source's column, which holds the passage
            column = target.split("-")[0]
            assert page.get_element_by_id(target) in page.get_element_by_id(column).iter()
            assert " ".join(passage.split()) in " ".join(page.get_element_by_id(column).text_content().split())
    # The cited spans are highlighted in the sources.
    assert page.cssselect(".source mark.cited")
    assert len(page.cssselect(".source")) == len(numbers)


def test_story_page_shows_conflicts_alignment_timeline_and_provenance(site: Site) -> None:
    record, notes = site.seeds.record, site.seeds.annotations
    page = lxml_html.fromstring(html_of(site.client, f"/stories/{site.seeds.story_id}"))
    open_conflicts = [c for c in record.conflicts if c.status == "open"]
    shown = page.cssselect("section.conflicts .conflict.open")
    assert len(shown) == len(open_conflicts) == site.seeds.open_conflicts
    for box, conflict in zip(shown, open_conflicts, strict=True):
        assert conflict.about in box.text_content()
        for side in conflict.sides:
            assert side.value in box.text_content()
    if open_conflicts:
        assert page.cssselect(".source mark.conflict")

    pairs = [a for a in notes.alignments if a.matches]
    assert len(page.cssselect("details.pair")) == len(pairs)
    assert page.cssselect("section.aligned table.aligned tr td a")

    points = page.cssselect("section.timeline svg g.point")
    published = sum(1 for a in record.articles if a.published)
    assert len(points) == len(record.timeline) + published
    agencies = {d.parent for a in record.articles for d in a.derived_from} - {a.id for a in record.articles}
    assert len(page.cssselect("section.provenance svg g.node")) == len(record.articles) + len(agencies)
    derivations = sum(len(a.derived_from) for a in record.articles)
    assert len(page.cssselect("section.provenance svg g.edge")) == derivations


def test_versions_search_and_missing_pages(site: Site) -> None:
    versions = lxml_html.fromstring(html_of(site.client, f"/stories/{site.seeds.story_id}/versions"))
    assert len(versions.cssselect("section.version")) == site.seeds.version
    word = max((w for w in site.seeds.headline.split() if w.isalpha()), key=len)
    found = lxml_html.fromstring(html_of(site.client, f"/search?q={word}"))
    assert found.cssselect("ol.hits li")
    assert {m.text_content().casefold() for m in found.cssselect("ol.hits mark")} == {word.casefold()}
    article = site.seeds.article_ids[0]
    passage = lxml_html.fromstring(html_of(site.client, f"/articles/{article}?start=10&end=60"))
    [marked] = passage.cssselect("mark#passage")
    stored = next(a for a in site.seeds.record.articles if a.id == article)
    assert marked.text_content() == stored.text[10:60]
    for missing in ("/stories/s000000000000", "/articles/0000000000000000", "/stories/s000000000000/versions"):
        response = site.client.get(missing)
        assert response.status_code == 404 and "There is no" in response.text
