"""Title, author, site name, address and date of an HTML page, read as trafilatura reads them.

Trafilatura's `with_metadata` also collects categories, tags and the licence by scanning every link
of the page: a third of its metadata time and about 12% of a whole extraction, for fields newsfuse
never uses. This runs the same steps, in the same order, for the fields we keep (checked field by
field against `with_metadata=True` on the fundus-eval and sample-corpus pages).

Its JSON-LD reader (`extract_meta_json`) is also replaced by `read_json_ld`, which gives the same
result in about half the time (see there): its scripts' text was tidied a character at a time.

Two of trafilatura's searches are left out, for their cost on pages of unfamiliar sites:
- its author search in the page's markup, run where no meta tag or JSON-LD names one: every
  fundus-eval page names its author in those, and on trafilatura-dev, where 102 of 482 pages got an
  author only from that search, it returned theme and account names and commenters ("Catch
  Themes", "Wordpressadmin", "Unknown", "Art Edwards says") beside real names, at 9 ms a page,
  a third of a whole extraction (its three XPath passes over every element). `read_byline` looks
  for the two plainest marks of a byline instead, in 0.4 ms.
- htmldate's extensive search of the page text for a date, where the markup gives none (its
  `extensive_search`): on fundus-eval it found no date the markup did not, on trafilatura-dev it
  found one on 48 of 482 pages (from text of any kind: comments, copyright lines) at 4-5 ms a page.
  The cleaner still reads a date line at the top or foot of the article.
"""

from __future__ import annotations

import json
import re
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from html import unescape
from typing import Any

from htmldate import find_date
from lxml.etree import XPath
from lxml.html import HtmlElement

# trafilatura's step functions for JSON-LD, meta tags, the title, the address and the site name: not
# in its documented API (its documented `extract_metadata` runs them together with the searches and
# fields left out here, see the module's docstring). trafilatura is pinned below 3 in pyproject.toml,
# and tests/clean/test_page_metadata.py checks that what they give here is what `extract_metadata`
# gives, field by field, on the fundus-eval and sample-corpus pages.
from trafilatura.json_metadata import extract_json, extract_json_parse_error, normalize_authors
from trafilatura.metadata import (
    Document,
    examine_meta,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.utils import trim

# The scripts trafilatura reads metadata from, as its `extract_meta_json` selects them.
_JSON_SCRIPTS = XPath('.//script[@type="application/ld+json" or @type="application/settings+json"]')
# trafilatura's JSON_MINIFY (a string literal, kept, or a space outside one, dropped), written so
# that the regex engine runs through a literal without trying two branches at every character, and
# with runs of spaces taken at once. It finds the same literals: a literal's end is its first
# unescaped quote either way, and a run of spaces holds no quote.
_MINIFY = re.compile(r'("[^"\\]*(?:\\.[^"\\]*)*")|\s+')
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# A JSON \uXXXX escape, markup (and comments) in a JSON string, and the site an address names: what
# trafilatura's JSON-LD reader and `extract_metadata` look for.
_UNICODE_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_MARKUP = re.compile(r"<!--.*?-->|<[^>]*>")
_SITE = re.compile(r"https?://(?:www\.|w[0-9]+\.)?([^/]+)")
# A byline in the markup: an element whose class is just "byline" or "author", or a link marked as
# the author's. Written from the attribute up to its element, so libxml2 tests only the elements
# that have the attribute (see newsfuse.clean.html).
_BYLINE = XPath("//@class[. = 'byline' or . = 'author']/..|//@rel[. = 'author']/..")
# The page's own label for the kind of piece: the section it files it under, and a schema.org type
# more specific than NewsArticle ("OpinionNewsArticle", "AnalysisNewsArticle", "ReviewNewsArticle"),
# alone or in a list of types.
_SECTION = XPath("//meta[@property = 'article:section' or @name = 'article:section']/@content")
_NEWS_TYPE = re.compile(r'"@type"\s*:\s*(?:\[[^\]]*?)?"(\w+NewsArticle)"')
# trafilatura's bounds on an author's text.
AUTHOR_MAX_CHARS = 120


@dataclass(frozen=True, slots=True)
class PageMetadata:
    title: str | None
    author: str | None
    sitename: str | None
    date: str | None
    url: str | None
    genre: str | None = None


class MetadataReader:
    """Reads page metadata."""

    def read(self, tree: HtmlElement) -> PageMetadata:
        document = examine_meta(tree)
        if document.author and " " not in document.author:
            document.author = None  # a one-word "author" is a handle or a site name
        # Trafilatura's own caller guards its JSON-LD parser against any error the same way.
        with suppress(Exception):
            document = read_json_ld(tree, document)
        title = document.title or extract_title(tree)
        author = document.author or read_byline(tree)
        url = document.url or extract_url(tree, None)
        date = find_date(tree, **date_params(url))
        sitename = document.sitename or extract_sitename(tree)
        if sitename:
            sitename = sitename.lstrip("@")
            if sitename and "." not in sitename and not sitename[0].isupper():
                sitename = sitename.title()
        elif url:
            match = _SITE.match(url)
            sitename = match[1] if match else None
        return PageMetadata(
            title=title, author=author, sitename=sitename or None, date=date, url=url, genre=read_genre(tree)
        )


def date_params(url: str | None) -> dict[str, Any]:
    """htmldate's settings as trafilatura passes them, without the extensive search: the publication
    date (not the last change), none later than today (today when the page is read: a server runs for
    days)."""
    today = datetime.now().astimezone().strftime("%Y-%m-%d")
    return {"original_date": True, "extensive_search": False, "max_date": today, "url": url}


def read_byline(tree: HtmlElement) -> str | None:
    """The names in the page's first byline element ("By Ola Vesterby, VNB News" gives "Ola
    Vesterby"); None when it holds a single word (an account or site name, as in the meta tags)."""
    for element in _BYLINE(tree):
        text = trim(" ".join(element.itertext()))
        if text and 2 < len(text) < AUTHOR_MAX_CHARS:
            author = normalize_authors(None, text)
            return author if author and " " in author else None
    return None


def read_genre(tree: HtmlElement) -> str | None:
    """The kind of piece the page declares: a schema.org type more specific than NewsArticle in its
    JSON-LD, else the section its `article:section` meta tag files it under."""
    for script in _JSON_SCRIPTS(tree):
        match = _NEWS_TYPE.search(script.text or "")
        if match:
            return match[1]
    for section in _SECTION(tree):
        text = trim(unescape(str(section)))
        if text:
            return text
    return None


def read_json_ld(tree: HtmlElement, document: Document) -> Document:
    """trafilatura's `extract_meta_json`, step for step, with its two slow steps done in C.

    It minifies each script with a substitution that calls back into Python for every space and
    string literal, and drops surrogates one character at a time; a page's settings script runs to
    40 kB. A split and a character-class substitution give the same text (checked script by script
    on the fundus-eval and sample-corpus pages, and in tests/clean/test_page_metadata.py).
    """
    for element in _JSON_SCRIPTS(tree):
        if not element.text:
            continue
        text = _normalize_json("".join(filter(None, _MINIFY.split(element.text))))
        try:
            document = extract_json(json.loads(text, strict=False), document)
        except json.JSONDecodeError:
            document = extract_json_parse_error(text, document)
    return document


def _normalize_json(text: str) -> str:
    """trafilatura's `normalize_json`, with the surrogates dropped by one substitution."""
    if "\\" in text:
        text = text.replace("\\n", "").replace("\\r", "").replace("\\t", "")
        text = _UNICODE_ESCAPE.sub(lambda match: chr(int(match[1], 16)), text)
        text = unescape(_SURROGATE.sub("", text))
    return " ".join(_MARKUP.sub("", text).split())
