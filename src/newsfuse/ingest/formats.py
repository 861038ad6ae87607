"""Which reader a file or a fetched body needs, from its name and its first bytes."""

from __future__ import annotations

import re
from typing import Literal

Kind = Literal["text", "html", "jsonl", "feed"]

_EXTENSIONS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(r"<(?:!doctype html|html|head|body|article|p|div)[\s>]", re.IGNORECASE)


def kind_from_name(name: str) -> Kind | None:
    """The reader a file name asks for (``page.html.gz`` counts as HTML), or None for other files."""
    lowered = name.lower()
    if lowered.endswith(".gz"):
        lowered = lowered[:-3]
    for extension, kind in _EXTENSIONS.items():
        if lowered.endswith(extension):
            return kind
    return None


def sniff(text: str, content_type: str = "") -> Kind:
    """The reader for content of unknown name: feeds and HTML by their root element, else text."""
    head = text[:2048].lstrip()
    if "rss" in content_type or "atom" in content_type or _FEED_ROOT.search(head):
        return "feed"
    if "html" in content_type or _HTML_ROOT.search(head):
        return "html"
    if head.startswith("{") and "\n{" in text[:65536]:
        return "jsonl"
    return "text"
