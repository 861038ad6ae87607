"""The standalone HTML brief escapes every piece of source text and needs no network."""

from __future__ import annotations

import re

from newsfuse.models import RawDocument
from newsfuse.render.html import HtmlRenderer
from newsfuse.service import Newsfuse

HOSTILE = (
    'Officials said the <script>alert("x")</script> plan would go ahead on Monday, and the council agreed '
    'to fund it. The mayor said " onmouseover="alert(1) was not a real threat to the city or its people.'
)


def test_source_text_is_escaped_everywhere() -> None:
    service = Newsfuse()
    raws = [
        RawDocument(
            origin=f"hostile-{n}.txt", content=f"Title <b>bold</b> {n}\n\n{HOSTILE}\n\n{HOSTILE.upper()}", format="text"
        )
        for n in range(2)
    ]
    batch = service.articles_from_documents(raws)
    page = HtmlRenderer().render(service.briefs(batch.articles))
    assert "<script>" not in page
    assert 'onmouseover="alert' not in page
    assert "<b>bold</b>" not in page
    # What the page shows of them, it shows escaped: the title's tags, and the quote mark that would
    # open an attribute. (The sentence holding the script tag is page markup, no brief line at all.)
    assert "&lt;b&gt;bold&lt;/b&gt;" in page
    assert re.search(r"onmouseover=&(?:#34|quot);alert", page)


def test_page_loads_nothing_from_elsewhere() -> None:
    service = Newsfuse()
    raws = [RawDocument(origin="a.txt", content=HOSTILE, format="text")]
    page = HtmlRenderer().render(service.briefs(service.articles_from_documents(raws).articles))
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)
    assert "<script" not in page
