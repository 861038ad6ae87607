"""The lede is shown first, under the headline, in every output: Markdown, the HTML page, the contract
JSON (and so the API), with its citations; a brief stored before it had one still reads back."""

from __future__ import annotations

import json

import pytest
from lxml import html as lxml_html

from newsfuse.evaluation.summaries import parse_line
from newsfuse.models.brief import Brief
from newsfuse.models.record import parse_record, record_json
from newsfuse.render.brief import brief_json, brief_record
from newsfuse.service import Newsfuse, render_briefs
from tests.conftest import EVAL, need

# A NeuS story (October 2018 jobs report) whose lede holds two lines from different sources.
STORY = 88


@pytest.fixture(scope="module")
def brief() -> Brief:
    lines = need(EVAL / "neus-val" / "val.source").read_text(encoding="utf-8").splitlines()
    made = Newsfuse().brief_story(str(STORY), parse_line(lines[STORY - 1], STORY))
    assert made.lede, "story 88's brief has a lede"
    return made


def test_markdown_puts_the_lede_under_the_headline_with_citations(brief: Brief) -> None:
    text = render_briefs([brief], "md")
    number = {a.id: n for n, a in enumerate(brief.articles, start=1)}
    paragraphs = text.split("\n\n")
    # Headline, the sources' line, then the lede, before any section.
    assert paragraphs[0].startswith("# ") and paragraphs[1].startswith("*")
    lede = paragraphs[2]
    for sentence in brief.lede:
        cites = "".join(f"[{n}]" for n in sorted(number[s] for s in sentence.sources))
        assert f"{sentence.text} {cites}" in lede
    assert text.index(lede) < text.index("## Quick read")
    # A line the lede already tells is not shown again below it.
    assert all(text.count(sentence.text) == 1 for sentence in brief.lede)
    assert set(brief.sections.quick_read) - set(brief.lede), "story 88's quick read tells more than its lede"


def test_json_gives_the_lede_after_the_headline(brief: Brief) -> None:
    data = brief_json(brief)
    keys = list(data)
    assert keys.index("lede") == keys.index("headline_sources") + 1
    assert data["lede"] == [{"text": s.text, "sources": list(s.sources)} for s in brief.lede]


def test_the_html_page_shows_the_lede_first_with_linked_citations(brief: Brief) -> None:
    page = lxml_html.fromstring(render_briefs([brief], "html"))
    [lede] = page.cssselect("p.lede")
    shown = " ".join(lede.text_content().split())
    assert all(" ".join(s.text.split()) in shown for s in brief.lede)
    assert len(lede.cssselect("sup.cite a")) >= len(brief.lede)
    body = lxml_html.tostring(page, encoding="unicode")
    assert body.index('class="lede"') < body.index('class="quick_read"')
    # As in Markdown, a bullet the lede already tells is not shown again.
    bullets = [" ".join(li.text_content().split()) for li in page.cssselect("ul.quick li")]
    assert bullets and not [b for b in bullets for s in brief.lede if " ".join(s.text.split()) in b]


def test_a_record_without_a_lede_still_reads_back(brief: Brief) -> None:
    written = json.loads(json.dumps(record_json(brief_record(brief))))
    assert parse_record(written).lede == brief_record(brief).lede
    del written["lede"]  # stored by a version of newsfuse before the lede
    assert parse_record(written).lede == ()


def test_the_lede_does_not_repeat_a_headline_taken_from_a_sentence() -> None:
    # ECB topic 16's three `*ecb` documents have no titles: the brief is headed by a sentence ("Two male
    # gang members whose names remain unreleased were arrested last night ..."), which the lede then
    # opened on as well.
    from newsfuse.clean import Cleaner
    from newsfuse.evaluation.stories import as_written, read_document
    from newsfuse.models import Failure, RawDocument

    root = need(EVAL / "ecbplus-dev") / "ECB+" / "16"
    raws = []
    for n in range(1, 4):
        text = "\n\n".join(map(as_written, read_document(root / f"16_{n}ecb.xml").split("\n\n")))
        raws.append(RawDocument(origin=f"16_{n}ecb.txt", content=text, format="text"))
    articles = [a for a in Cleaner().clean_batch(raws) if not isinstance(a, Failure)]
    made = Newsfuse().brief_story("16", articles)
    assert made.lede and made.headline.startswith("Two male gang members")
    assert not [s for s in made.lede if s.text.rstrip(" .") == made.headline.rstrip(" .")]
