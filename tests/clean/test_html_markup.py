"""HTML pages are read as trafilatura's typed blocks: headings, list items, lines, links and emphasis."""

from __future__ import annotations

import lxml.etree
from trafilatura.utils import load_html

from newsfuse.clean.boilerplate import Role, classify
from newsfuse.clean.html import RELATED_XPATH, extract_html
from newsfuse.evaluation.extraction import read_page
from tests.conftest import EVAL, need


def _page(name: str) -> str:
    return read_page(str(need(EVAL / "fundus-eval" / "html" / name)))


def test_list_items_and_headings_keep_their_kind() -> None:
    blocks = extract_html("page", _page("TheTelegraph_2.html.gz")).blocks
    kinds = {block.kind for block in blocks}
    assert {"heading", "item"} <= kinds
    items = [block for block in blocks if block.kind == "item"]
    # A nominations list: one- and two-word items, each its own block, all kept as list items.
    assert len(items) > 50
    assert all(block.is_list_item for block in items)
    roles = classify(blocks)
    assert sum(role is Role.ITEM for role in roles) == len(items)


def test_line_breaks_split_a_paragraph() -> None:
    # Readers' letters signed "Name<br>Town": the signature lines are separate blocks.
    blocks = extract_html("page", _page("LATimes_0.html.gz")).blocks
    texts = [block.text for block in blocks]
    assert not any("BolenMonterey" in text.replace(" ", "") for text in texts)
    assert "Monterey" in texts


def test_whole_link_blocks_and_shouted_teasers_are_clutter() -> None:
    blocks = extract_html("page", _page("FoxNews_3.html.gz")).blocks
    roles = dict(zip((block.text for block in blocks), classify(blocks), strict=True))
    links = [block.text for block in blocks if block.link_share >= 0.9]
    shouted = [block.text for block in blocks if block.caps_share > 0.9 and block.emphasis_share > 0.9]
    assert links and shouted
    assert all(roles[text] is Role.CLUTTER for text in links + shouted)
    assert sum(role is Role.BODY for role in roles.values()) >= 12


def test_related_card_xpath_finds_what_its_plain_form_finds() -> None:
    # RELATED_XPATH starts from the class attribute for speed; it must prune exactly the elements
    # the plain "every element whose class contains ..." form names.
    plain = lxml.etree.XPath(
        '//*[contains(@class, "promo") or contains(@class, "related") or contains(@class, "recirc")'
        ' or contains(@class, "teaser")]'
    )
    fast = lxml.etree.XPath(RELATED_XPATH)
    trees = [load_html(read_page(str(path))) for path in sorted(need(EVAL / "fundus-eval" / "html").glob("*.html.gz"))]
    found = [(fast(tree), plain(tree)) for tree in trees if tree is not None]
    assert len(found) == len(trees)
    assert sum(len(mine) for mine, _ in found) > 0
    assert all(mine == theirs for mine, theirs in found)
