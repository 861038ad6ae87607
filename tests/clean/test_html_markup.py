"""HTML pages are read as trafilatura's typed blocks: headings, list items, table rows, lines and links."""

from __future__ import annotations

import json

from newsfuse.clean import Cleaner
from newsfuse.clean.boilerplate import Role, classify
from newsfuse.clean.html import CELL_SEPARATOR, extract_html
from newsfuse.evaluation.extraction import read_page
from newsfuse.models import RawDocument
from tests.conftest import EVAL, need


def _page(name: str) -> str:
    return read_page(str(need(EVAL / "fundus-eval" / "html" / name)))


def _web_page(file: str) -> str:
    """A page of trafilatura's benchmark, by the file name evaldata.json gives it."""
    return read_page(str(need(EVAL / "trafilatura-dev" / "html" / f"{file}.gz")))


def _wanted(file: str) -> list[str]:
    entries = json.loads((need(EVAL / "trafilatura-dev") / "evaldata.json").read_text(encoding="utf-8"))
    return next(list(entry["with"]) for entry in entries.values() if entry["file"] == file)


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


def test_whole_link_blocks_are_clutter() -> None:
    # Fox News pages: shouted teasers ("CLICK HERE TO GET THE FOX NEWS APP") are links through and through.
    blocks = extract_html("page", _page("FoxNews_3.html.gz")).blocks
    roles = dict(zip((block.text for block in blocks), classify(blocks), strict=True))
    links = [block.text for block in blocks if block.link_share >= 0.9]
    assert any(text.isupper() for text in links)
    assert all(roles[text] is Role.CLUTTER for text in links)
    assert sum(role is Role.BODY for role in roles.values()) >= 12


def test_table_rows_are_blocks_read_across() -> None:
    # A statistics office's release: the figures are in a table, one product a row (trafilatura's
    # annotators count its cells as main text).
    file = "bafa.de-mineraloelabsatz.html"
    blocks = extract_html("page", _web_page(file)).blocks
    rows = [block for block in blocks if block.kind == "row"]
    assert len(rows) >= 8
    assert any(row.text.startswith(f"Dieselkraftstoff{CELL_SEPARATOR}") for row in rows)
    outline = Cleaner().outline(RawDocument("page", _web_page(file), "html"))
    assert all(snippet in "\n".join(outline.with_headline()) for snippet in _wanted(file))


def test_numbered_items_keep_their_numbers() -> None:
    # A list of jokes numbered in their text: the number is the page's, not a bullet to drop.
    outline = Cleaner().outline(RawDocument("page", _web_page("redtri.com.jokes.html"), "html"))
    text = "\n".join(outline.paragraphs)
    assert "37. What did one volcano say to the other?" in text


def test_a_blog_posts_linked_headline_is_not_a_teaser() -> None:
    # Blogs link each post's headline to the post itself; the opening paragraph under it is the post's.
    page = _web_page("blogoff.de.i-htm.html")
    outline = Cleaner().outline(RawDocument("page", page, "html"))
    assert outline.headline == "3 verrückte Orte in Berlin"
    assert any(p.startswith("In Berlin lebe ich nun schon seit 9 Jahren") for p in outline.paragraphs[:3])
