"""Random bytes, markup, JSON and XML at every reader: only newsfuse's own InputError where that is the
contract, readers never raise at all, and whatever comes out is valid."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.clean import Cleaner
from newsfuse.errors import InputError
from newsfuse.ingest import Reader, ReadOptions
from newsfuse.ingest.decode import decode_bytes
from newsfuse.ingest.feeds import read_feed
from newsfuse.ingest.jsonl import read_jsonl
from newsfuse.models import Article, Failure, RawDocument, article_id, join_paragraphs
from tests.ingest.samples import STORY

# Enough cases to reach the odd corners (marks, control bytes, broken tags) while the file stays a few
# seconds; a deadline would only flag the first, slower call that loads the language model.
FAST = settings(max_examples=150, deadline=None)

WORDS = ["the", "bridge", "closed", "said", "on", "Tuesday", "Veldmark", "Straße", "Кремль", "東京", "“quoted”", "—"]
word_text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)
any_text = st.one_of(word_text, st.text(max_size=40), st.sampled_from(STORY))


def assert_one_line(failure: Failure) -> None:
    assert failure.origin
    assert failure.problem.strip()
    assert "\n" not in failure.problem and "\r" not in failure.problem
    assert "Traceback" not in failure.problem


def assert_valid_article(article: Article) -> None:
    assert article.text.strip()
    texts = article.paragraph_texts()
    assert all(text.strip() for text in texts)
    assert join_paragraphs(texts, {i for i, p in enumerate(article.paragraphs) if p.is_list_item}) == (
        article.text,
        article.paragraphs,
    )
    assert article.id == article_id(article.text, url=article.url, title=article.title, source=article.source)


# Bytes: a mix of text in several encodings, control bytes, byte-order marks and noise.
text_bytes = st.tuples(any_text, st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1"])).map(
    lambda pair: pair[0].encode(pair[1], errors="replace")
)
noisy_bytes = st.lists(
    st.one_of(
        st.binary(max_size=30),
        text_bytes,
        st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x1f\x8b", b"\r\n"]),
    ),
    max_size=8,
).map(b"".join)


@FAST
@given(noisy_bytes)
def test_decode_bytes_returns_text_or_raises_input_error(data: bytes) -> None:
    try:
        text = decode_bytes("random.bin", data)
    except InputError as exc:
        assert exc.origin == "random.bin"
        assert "\n" not in exc.problem
        return
    assert text.strip()
    text.encode("utf-8")  # no lone surrogates left behind


@FAST
@given(noisy_bytes, st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.rss", "a.xml", "a.txt.gz", "noext"]))
def test_the_reader_never_raises_on_random_files(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        items = list(Reader(ReadOptions(max_bytes=10_000)).read([str(path), folder]))
    assert items, "every input gives at least one document or failure"
    for item in items:
        assert item.origin.startswith(folder)
        if isinstance(item, Failure):
            assert_one_line(item)
        else:
            assert item.content.strip()


# Markup: tags (whole, broken, unclosed), entities good and bad, comments, CDATA, scripts and words.
TAGS = ["p", "div", "b", "i", "li", "ul", "h1", "br", "span", "article", "script", "style", "table", "a href='/x'"]
markup_piece = st.one_of(
    any_text,
    st.sampled_from(TAGS).map(lambda tag: f"<{tag}>"),
    st.sampled_from(TAGS).map(lambda tag: f"</{tag.split()[0]}>"),
    st.sampled_from(["&amp;", "&lt;", "&nbsp;", "&#x41;", "&#0;", "&#99999999;", "&bogus;", "&", "<", ">", "</", "<p"]),
    st.sampled_from(["<!--", "-->", "<![CDATA[", "]]>", "<?xml version='1.0' encoding='latin-1'?>", "<!DOCTYPE html>"]),
    st.sampled_from(["\x00", "\x0b", "\ufeff", "\u2028", "\r\n", "\n\n", "\t"]),
)
markup = st.lists(markup_piece, max_size=30).map("".join)


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


@FAST
@given(markup, st.sampled_from(["html", "text"]))
def test_the_cleaner_turns_random_markup_into_a_valid_article_or_an_input_error(
    cleaner: Cleaner, content: str, kind: Any
) -> None:
    raw = RawDocument(origin="random.html", content=content, format=kind)
    try:
        article = cleaner.clean(raw)
    except InputError as exc:
        assert exc.origin == "random.html"
        assert "\n" not in exc.problem
        return
    assert_valid_article(article)
    assert cleaner.clean(raw).id == article.id  # the same input always gets the same id


@FAST
@given(st.lists(markup, min_size=1, max_size=4))
def test_batches_of_random_markup_give_one_result_per_document(cleaner: Cleaner, contents: list[str]) -> None:
    raws = [RawDocument(origin=f"doc{n}.html", content=c, format="html") for n, c in enumerate(contents)]
    results = cleaner.clean_batch(raws)
    assert len(results) == len(raws)
    for raw, result in zip(raws, results, strict=True):
        if isinstance(result, Failure):
            assert result.origin == raw.origin
            assert_one_line(result)
        else:
            assert_valid_article(result)


# JSON: any value, objects shaped like records, and raw lines that may not be JSON at all.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=10,
)
records = st.fixed_dictionaries(
    {},
    optional={
        "text": st.one_of(any_text, json_values),
        "html": st.one_of(markup, json_values),
        "title": st.one_of(any_text, json_values),
        "published": st.one_of(st.sampled_from(["2026-03-04T10:00:00Z", "4 March 2026", "soon", ""]), json_values),
        "url": any_text,
    },
)
json_line = st.one_of(
    st.tuples(st.one_of(records, json_values), st.booleans()).map(lambda p: json.dumps(p[0], ensure_ascii=p[1])),
    st.text(max_size=30),
)


@FAST
@given(st.lists(json_line, max_size=8), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_read_jsonl_gives_one_result_per_line_and_never_raises(lines: list[str], ending: str, bom: bool) -> None:
    text = ("\ufeff" if bom else "") + ending.join(lines)
    items = list(read_jsonl("random.jsonl", text))
    expected = [n for n, line in enumerate(text.split("\n"), start=1) if line.strip().lstrip("\ufeff")]
    if not expected:
        assert items == [Failure("random.jsonl", "no JSON lines in the input")]
        return
    assert [item.origin for item in items] == [f"random.jsonl:{n}" for n in expected]
    for item in items:
        if isinstance(item, Failure):
            assert_one_line(item)
        else:
            assert item.content.strip() or item.title  # a record with a title alone is a headline-only article
            assert item.format in ("text", "html")


# XML-ish text: feed vocabulary, open and close tags in any order, entities, CDATA and words.
RSS_TAGS = ["rss version='2.0'", "channel", "item", "title", "link", "description", "pubDate", "guid", "author"]
ATOM_TAGS = ["feed xmlns='http://www.w3.org/2005/Atom'", "entry", "summary", "content type='html'", "updated", "id"]
FEED_TAGS = RSS_TAGS + ATOM_TAGS
xmlish = st.lists(
    st.one_of(
        any_text,
        st.sampled_from(FEED_TAGS).map(lambda tag: f"<{tag}>"),
        st.sampled_from(FEED_TAGS).map(lambda tag: f"</{tag.split()[0]}>"),
        st.sampled_from(
            [
                "<?xml version='1.0'?>",
                "<![CDATA[<p>",
                "]]>",
                "&amp;",
                "&nope;",
                "<",
                "Tue, 03 Mar 2026 10:00:00 GMT",
                "2026-13-45T99:99:99Z",
                "http://127.0.0.1/",
                "/etc/hostname",
            ]
        ),
    ),
    max_size=30,
).map("".join)


@FAST
@given(xmlish)
def test_read_feed_raises_only_input_error_and_yields_valid_items(text: str) -> None:
    try:
        items = list(read_feed("random.xml", text))
    except InputError as exc:
        assert exc.origin == "random.xml"
        assert "\n" not in exc.problem
        return
    for item in items:
        assert item.origin.startswith("random.xml#")
        if isinstance(item, Failure):
            assert_one_line(item)
        else:
            assert item.content.strip()
