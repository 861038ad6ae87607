"""newsfuse's JSON-LD reader gives what trafilatura's `extract_meta_json`, which it replaces for speed, gives;
the metadata reader gives what trafilatura's documented `extract_metadata` gives without its extensive
date search, on pages whose meta tags or JSON-LD name the author (it leaves out the markup search)."""

from __future__ import annotations

import pytest
from lxml.html import HtmlElement
from trafilatura import extract_metadata
from trafilatura.metadata import extract_meta_json
from trafilatura.settings import Document
from trafilatura.utils import load_html

from newsfuse.clean.page_metadata import MetadataReader, read_json_ld
from newsfuse.evaluation.extraction import read_page
from tests.conftest import CORPUS, EVAL, need

# Every field but the body elements, which are fresh objects on every Document.
FIELDS = tuple(field for field in Document.__slots__ if "body" not in field)

# Edge cases of the text clean-up: escaped and paired-surrogate characters, entities, markup and
# spaced-out JSON inside strings, an escaped quote, and a script that is not valid JSON (read by
# trafilatura's pattern fallback).
SCRIPTS = {
    "escapes": (
        '{"@context": "https://schema.org", "@type": "NewsArticle",\n  "headline": "Caf\\u00e9 \\ud83d\\ude00 '
        '&amp; <b>bold</b>\\n  \\"quoted\\"  title",\n  "author": {"@type": "Person", "name": "Ana   Ruiz"},\n'
        '  "publisher": {"@type": "Organization", "name": "The   Daily  Paper"}}'
    ),
    "broken": (
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Broken \\" , '
        '"publisher": {"name": "Harbour Post"}, "author": {"@type": "Person", "name": "Jo Bloggs"}'
    ),
}


def _fields(document: Document) -> tuple[object, ...]:
    return tuple(getattr(document, field) for field in FIELDS)


def _same_as_trafilatura(tree: HtmlElement) -> bool:
    return _fields(read_json_ld(tree, Document())) == _fields(extract_meta_json(tree, Document()))


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_edge_cases_read_as_trafilatura_reads_them(name: str) -> None:
    page = f'<html><head><script type="application/ld+json">{SCRIPTS[name]}</script></head><body><p>x</p></body></html>'
    tree = load_html(page)
    assert tree is not None
    assert read_json_ld(tree, Document()).title  # the script was read, not skipped
    assert _same_as_trafilatura(tree)


def test_fundus_and_sample_pages_read_as_trafilatura_reads_them() -> None:
    paths = sorted(need(EVAL / "fundus-eval" / "html").glob("*.html.gz"))
    pages = [read_page(str(path)) for path in paths]
    pages += [path.read_text(encoding="utf-8") for path in sorted(CORPUS.rglob("*.html"))]
    trees = [tree for tree in map(load_html, pages) if tree is not None]
    assert len(trees) == len(pages)
    assert all(_same_as_trafilatura(tree) for tree in trees)


def test_fundus_and_sample_pages_read_as_trafilatura_extract_metadata_reads_them() -> None:
    paths = sorted(need(EVAL / "fundus-eval" / "html").glob("*.html.gz"))
    pages = [read_page(str(path)) for path in paths]
    pages += [path.read_text(encoding="utf-8") for path in sorted(CORPUS.rglob("*.html"))]
    reader = MetadataReader()
    fields = ("title", "author", "sitename", "date", "url")
    differ = []
    for number, page in enumerate(pages):
        ours, theirs = reader.read(load_html(page)), extract_metadata(load_html(page), extensive=False)
        differ += [
            (number, f, getattr(ours, f), getattr(theirs, f)) for f in fields if getattr(ours, f) != getattr(theirs, f)
        ]
    assert differ == []
