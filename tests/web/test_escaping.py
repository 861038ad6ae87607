"""Article text is untrusted: markup in a source's text, title, outlet or link is shown, never run."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from tests.web.conftest import Site, html_of, pages


def test_the_hostile_article_was_stored_as_written(site: Site) -> None:
    [article] = site.hostile.record.articles
    assert "<script>alert('pwned')</script>" in article.text
    assert '" onmouseover="alert(2)"' in article.text
    assert article.title is not None and "<img src=x" in article.title


@pytest.mark.parametrize("page", range(9))
def test_every_page_escapes_source_text(site: Site, page: int) -> None:
    path = pages(site)[page]
    text = html_of(site.client, path)
    assert "<script" not in text.lower() and '" onmouseover=' not in text
    tree = lxml_html.fromstring(text)
    elements = list(tree.iter())
    # Nothing a source wrote became an element or an attribute...
    assert not [e.tag for e in elements if e.tag in ("script", "img", "b", "iframe", "object", "embed")]
    assert not [(e.tag, name) for e in elements for name in e.attrib if name.lower().startswith("on")]
    assert not [e.get("href") for e in elements if (e.get("href") or "").strip().lower().startswith("javascript:")]
    # ...and the pages load nothing from elsewhere and need no JavaScript.
    assert not [e.tag for e in elements if e.get("src") is not None or e.tag == "link"]


def test_the_hostile_text_is_shown_escaped(site: Site) -> None:
    story = html_of(site.client, f"/stories/{site.hostile.story_id}")
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in story
    assert "&#34; onmouseover=&#34;alert(2)&#34;" in story
    assert "Summit &lt;img src=x onerror=&#34;alert(1)&#34;&gt; talks" in story
    article = html_of(site.client, f"/articles/{site.hostile.article_ids[0]}")
    assert "&lt;b&gt;Harbour Wire&lt;/b&gt;" in article
    assert "original</a>" not in article  # its javascript: link is not offered as a link
    found = html_of(site.client, "/search?q=spokesman")
    assert "<mark>spokesman</mark>" in found.lower() and "&lt;script&gt;" in found
