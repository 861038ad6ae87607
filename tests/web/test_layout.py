"""The story page as a reader sees it in a real browser (Debian's chromium via Playwright), at desktop
and phone widths: the quick read first, nothing wider than the screen, drawings legible. The page's
HTML comes from the app itself; it needs no script and loads nothing from the network."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import Site

CHROMIUM = Path("/usr/bin/chromium")
PHONE, DESKTOP = 390, 1400
# The smallest label that reads comfortably on a phone, in CSS pixels.
LEGIBLE_PX = 11


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        pytest.skip("chromium is absent (Debian: apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is absent")
    executable = str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium"))
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
        yield launched
        launched.close()


def _page(browser: Any, site: Site, width: int) -> Any:
    html = site.client.get(f"/stories/{site.seeds.story_id}").text
    page = browser.new_page(viewport={"width": width, "height": 900}, java_script_enabled=False)
    page.set_content(html)
    return page


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_the_quick_read_comes_first_and_nothing_overflows(browser: Any, site: Site, width: int) -> None:
    page = _page(browser, site, width)
    headings = [h.strip().lower() for h in page.locator("h2").all_inner_texts()]
    assert headings[0] == "quick read"
    if "where the sources disagree" in headings:
        assert headings.index("where the sources disagree") == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.close()


def test_on_a_phone_sources_stack_and_drawings_stay_legible(browser: Any, site: Site) -> None:
    page = _page(browser, site, PHONE)
    boxes = [page.locator(".source").nth(i).bounding_box() for i in range(page.locator(".source").count())]
    assert len(boxes) > 1
    assert all(box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE for box in boxes)
    # The timeline reads as a list on a phone; the provenance drawing keeps its size and scrolls in its box.
    assert page.locator(".timeline .list").is_visible()
    assert not page.locator(".timeline .drawing").is_visible()
    label = page.locator("section.provenance svg text").first
    height = label.evaluate("node => node.getBoundingClientRect().height")
    assert height >= LEGIBLE_PX
    page.close()


def test_citations_are_in_order(browser: Any, site: Site) -> None:
    page = _page(browser, site, DESKTOP)
    for group in page.locator("sup.cite").all():
        numbers = [int(text.strip("[]")) for text in group.locator("a").all_inner_texts()]
        assert numbers == sorted(set(numbers))
    page.close()
