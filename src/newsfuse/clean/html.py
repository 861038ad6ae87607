"""Main text and metadata of an HTML page, by trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import lxml.etree
import lxml.html
import trafilatura

from newsfuse.errors import InputError
from newsfuse.text.calendar import parse_date


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    text: str
    title: str | None
    author: str | None
    sitename: str | None
    published: date | None
    url: str | None


def extract_html(origin: str, html: str) -> HtmlExtract:
    """Run trafilatura with comments and tables off (neither is article body)."""
    try:
        document = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=False, with_metadata=True, deduplicate=False
        )
    except (ValueError, TypeError, AttributeError) as exc:  # lxml raises these on hopeless markup
        raise InputError(origin, f"unparseable HTML ({exc})") from None
    text = (document.text or "") if document is not None else ""
    if not text.strip():
        # Trafilatura finds no article in short snippets (feed summaries, API bodies); their plain
        # text is the article, and the cleaner still sets aside whatever clutter it holds.
        text = markup_text(html)
    if not text.strip():
        raise InputError(origin, "no article text found in the HTML")
    if document is None:
        return HtmlExtract(text=text, title=None, author=None, sitename=None, published=None, url=None)
    return HtmlExtract(
        text=text,
        title=_clean(document.title),
        author=_clean(document.author),
        sitename=_clean(document.sitename),
        published=parse_date(document.date) if document.date else None,
        url=_clean(document.url),
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


# Elements whose content is never prose, and elements that end a line of text (the rest are inline).
_UNSEEN_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "math"})
_BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption", "figure",
     "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
     "summary", "table", "td", "th", "tr", "ul"}
)  # fmt: skip
# Characters lxml refuses in a string, and an XML declaration (lxml refuses one on a str).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
# Line breaks in the source are spaces; only block elements break lines.
_SPACE = re.compile(r"\s+")


def markup_text(html: str) -> str:
    """The plain text of markup, one paragraph per block element; "" when nothing is readable."""
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", _NOT_XML.sub(" ", html)), parser=parser)
    except (lxml.etree.ParserError, ValueError):  # "Document is empty"
        return ""
    pieces: list[str] = []
    hidden = 0  # depth inside elements whose text is not shown
    # iterwalk, not recursion: random or hostile markup can nest thousands deep.
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            hidden += tag in _UNSEEN_TAGS
            if not hidden:
                pieces.append("\n" if tag in _BLOCK_TAGS else "")
                pieces.append(_SPACE.sub(" ", element.text or ""))
            continue
        if not hidden and tag in _BLOCK_TAGS:
            pieces.append("\n")
        hidden -= tag in _UNSEEN_TAGS
        if not hidden:
            pieces.append(_SPACE.sub(" ", element.tail or ""))
    lines = (line.strip() for line in "".join(pieces).split("\n"))
    return "\n\n".join(line for line in lines if line)
