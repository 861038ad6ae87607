"""Main text and metadata of an HTML page, by trafilatura, kept as typed blocks.

Trafilatura finds the article's part of the page; its XML says which of its paragraphs are headings,
list items, quotations or table rows, and which words were links. Those are stronger signals than
the layout of its plain text, so the blocks are read from the XML (see `markup_blocks`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.settings import Document
from trafilatura.utils import load_html

from newsfuse.clean.blocks import Block, BlockKind, make_block
from newsfuse.clean.page_metadata import MetadataReader
from newsfuse.errors import InputError
from newsfuse.text.calendar import parse_date
from newsfuse.text.normalize import normalize_line

# Holds only trafilatura's default date-search settings, so one serves every page.
_METADATA = MetadataReader()


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    text: str
    blocks: tuple[Block, ...]  # the article's paragraphs from trafilatura's markup; () for the plain-text fallback
    title: str | None
    author: str | None
    sitename: str | None
    published: date | None
    url: str | None
    language: str | None = None  # the page's declared language (<html lang="en-GB"> gives "en")
    genre: str | None = None  # the kind of piece the page declares (see `page_metadata.read_genre`)


def extract_html(origin: str, html: str) -> HtmlExtract:
    """Run trafilatura as its own benchmark runs it (comments off, tables on), keeping its markup.

    Whatever this run keeps, the cleaner starts from: it drops only blocks that show a shape of
    clutter validated on a set other than the one it was chosen on (see `boilerplate`). Embedded
    social posts are kept as trafilatura keeps them: fundus-eval's gold bodies hold them on one
    site and not on another, and trafilatura-dev's annotators count them as main text.
    """
    try:
        tree = load_html(html)
        metadata = _METADATA.read(tree) if tree is not None else None
        document = (
            trafilatura.bare_extraction(
                tree,
                # Any format but "python" leaves out the plain-text rendering of the body, which
                # newsfuse never reads: its blocks come from the XML (about 3% of the clean stage).
                output_format="txt",
                include_comments=False,
                include_tables=True,
                # Links are the one markup the cleaner reads beyond the block kinds. Each option
                # changes which part of some pages trafilatura settles on; formatting changed more
                # of them (on trafilatura-dev it lost whole bodies), and the cleaner needs no emphasis.
                include_links=True,
                include_formatting=False,
                deduplicate=False,
            )
            if tree is not None
            else None
        )
    except (ValueError, TypeError, AttributeError) as exc:  # lxml raises these on hopeless markup
        raise InputError(origin, f"unparseable HTML ({exc})") from None
    blocks = markup_blocks(document.body) if isinstance(document, Document) and document.body is not None else ()
    text = "\n\n".join(block.text for block in blocks)
    if not text.strip():
        # Trafilatura finds no article in short snippets (feed summaries, API bodies); their plain
        # text is the article, and the cleaner still sets aside whatever clutter it holds.
        blocks, text = (), markup_text(html)
    if not text.strip():
        raise InputError(origin, "no article text found in the HTML")
    language = declared_language(tree)
    if metadata is None:
        empty = {"title": None, "author": None, "sitename": None, "published": None, "url": None}
        return HtmlExtract(text=text, blocks=blocks, language=language, **empty)
    return HtmlExtract(
        text=text,
        blocks=blocks,
        title=_clean(metadata.title),
        author=_clean(metadata.author),
        sitename=_clean(metadata.sitename),
        published=parse_date(metadata.date) if metadata.date else None,
        url=_clean(metadata.url),
        language=language,
        genre=_clean(metadata.genre),
    )


# Trafilatura's XML: these elements hold blocks (the kind a block inside them gets), <lb/> breaks a
# line and <ref> is a link; anything else is inline. A table
# <row> is one block whatever its cells hold, its cells set apart by bars as trafilatura writes them.
_MARKUP_KINDS: dict[str, BlockKind] = {
    "p": "paragraph", "head": "heading", "item": "item", "list": "item", "quote": "quote"
}  # fmt: skip
CELL_SEPARATOR = " | "


class _BlockBuilder:
    """Collects the text of one block at a time, counting the characters inside links."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._parts: list[str] = []
        self._chars = self._link_chars = 0

    def add(self, text: str | None, *, link: bool) -> None:
        if not text:
            return
        self._parts.append(text)
        visible = len(text) - text.count(" ") - text.count("\n") - text.count("\t")
        self._chars += visible
        self._link_chars += visible if link else 0

    def separate(self, separator: str) -> None:
        """Set the next text apart from what came before in this block (a new cell, a line in a cell)."""
        if self._parts:
            self._parts.append(separator)

    def flush(self, kind: BlockKind) -> None:
        if not self._parts:
            return  # nothing added since the last flush, so the counts are still zero
        # str.split's spaces are the regex's \s, and normalize_line strips the ends anyway.
        text = normalize_line(" ".join("".join(self._parts).split()))
        if text.endswith(CELL_SEPARATOR.strip()):
            text = text.rstrip(" |")  # a row whose last cells are empty
        if text.strip(" |"):
            chars = max(self._chars, 1)
            self.blocks.append(make_block(len(self.blocks), text, kind=kind, link_share=self._link_chars / chars))
        self._parts.clear()
        self._chars = self._link_chars = 0


def markup_blocks(body: lxml.etree._Element) -> tuple[Block, ...]:
    """One block per paragraph, heading, list item, table row or line of trafilatura's XML body, in reading order.

    A quotation or a list may hold several paragraphs; a <lb/> inside a paragraph separates lines
    that the page shows one under another (a name over a town, a list of winners), so each is a block.
    Inside a table row everything is inline: a row is read across, one record a block.
    """
    builder = _BlockBuilder()
    kinds: list[BlockKind] = ["paragraph"]
    links = rows = 0
    # iterwalk, not recursion: hostile markup can nest thousands deep.
    for event, element in lxml.etree.iterwalk(body, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if rows:
                if tag == "cell":
                    builder.separate(CELL_SEPARATOR)
                elif tag in _MARKUP_KINDS or tag in ("lb", "row"):
                    builder.separate(" ")
            elif tag == "row":
                builder.flush(kinds[-1])
                kinds.append("row")
            elif tag in _MARKUP_KINDS:
                builder.flush(kinds[-1])
                inner = _MARKUP_KINDS[tag]
                kinds.append(kinds[-1] if tag == "p" and kinds[-1] != "paragraph" else inner)
            elif tag == "lb":
                builder.flush(kinds[-1])
            rows += tag == "row"
            links += tag == "ref"
            if tag != "lb":
                builder.add(element.text, link=links > 0)
            continue
        links -= tag == "ref"
        rows -= tag == "row"
        if not rows and (tag in _MARKUP_KINDS or tag == "row"):
            builder.flush(kinds.pop())
        elif rows and tag in _MARKUP_KINDS:
            builder.separate(" ")
        builder.add(element.tail if element is not body else None, link=links > 0)
    builder.flush(kinds[-1])
    return tuple(builder.blocks)


def declared_language(tree: lxml.etree._Element | None) -> str | None:
    """The ISO 639-1 code a page declares on its root element, if it declares a plausible one.

    A declared language saves detecting it, and publishers set it for their own pages. A machine
    translation republished elsewhere carries its new site's language, which is also its text's.
    """
    if tree is None:
        return None
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    code = str(root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or "").strip().lower()
    primary = code.split("-")[0].split("_")[0]
    return primary if len(primary) == 2 and primary.isalpha() else None


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
