"""Split page text into blocks (paragraph candidates) and describe each with layout features."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from newsfuse.clean.furniture import is_menu
from newsfuse.text.normalize import ends_sentence, normalize_line
from newsfuse.text.words import word_count

# A block of three or more lines whose lines mostly run past this length without ending a
# sentence is hard-wrapped prose (e-mail, wire printouts); its lines are joined. Typical wrap
# widths are 65-80 characters, and headlines or menu items are far shorter.
WRAPPED_LINE_MIN_CHARS = 45
WRAPPED_SHARE = 0.6
# ...and at least this share of its lines continue a sentence in lower case (a list of headlines
# never does; wrapped prose does on roughly half its lines).
WRAPPED_CONTINUED_SHARE = 0.25

# What a block was on its page. A "line" comes from plain text, where only layout tells body from
# clutter; the other kinds come from an HTML extractor's markup (<p>, <head>, list <item>, <quote>,
# a table <row> with its cells side by side).
BlockKind = Literal["line", "paragraph", "heading", "item", "quote", "row"]

_NOT_LETTER = re.compile(r"[\W\d_]+")
_BULLET = re.compile(r"^(?:[•·▪◦●‣⁃∙*]|[-–—](?=\s)|\d{1,2}[.)](?=\s))\s*")
# In markup the list is the element, so a bullet typed into the text is dropped only when a space
# sets it apart; a number stays ("37. What did one volcano say...", "3. Klasse": the rank or the
# step is the text's), as does a footnote's star ("*Mit der Befragung ...") and a dash opening a
# line of dialogue.
_MARKUP_BULLET = re.compile(r"^[•·▪◦●‣⁃∙*-]\s+")
# Tokenised text (ECB+, some wire feeds) sets a closing quote apart: "... at this time. '".
_SPACED_CLOSING_QUOTE = re.compile(r"([.!?…])\s+(['’”\"])$")
_SLUG_SEPARATOR = re.compile(r"\s*(?<![\d])/\s+|\s+/\s*(?![\d])|\s+\|\s+")


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph candidate with the features the classifier reads."""

    index: int
    text: str
    words: int
    sentence_end: bool
    is_list_item: bool
    letters: float
    kind: BlockKind = "line"
    link_share: float = 0.0  # share of the characters inside links (markup blocks only)
    is_menu: bool = False  # read from the raw line, before spacing is normalised away

    @property
    def from_markup(self) -> bool:
        return self.kind != "line"


def split_blocks(content: str) -> list[Block]:
    """Blocks in reading order: one per line, except hard-wrapped prose, whose lines are joined."""
    blocks: list[Block] = []
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    for raw_block in re.split(r"\n[ \t\u00a0]*\n", content):
        raw_lines = [line for line in raw_block.split("\n") if line.strip()]
        lines = [normalize_line(line) for line in raw_lines]
        menus = {line for raw, line in zip(raw_lines, lines, strict=True) if is_menu(raw)}
        for text in _unwrap(lines):
            block = make_block(len(blocks), text)
            blocks.append(replace(block, is_menu=True) if text in menus else block)
    return blocks


def make_block(index: int, text: str, *, kind: BlockKind = "line", link_share: float = 0.0) -> Block:
    """A block from one paragraph's text; a bullet ("•", "-", "1.") opening it marks a list item and is dropped
    (in markup, numbers stay: see _MARKUP_BULLET)."""
    bullet = _BULLET.match(text) if kind == "line" else _MARKUP_BULLET.match(text)
    body = text[bullet.end() :] if bullet and bullet.end() < len(text) else text
    letters = len(_NOT_LETTER.sub("", body))
    return Block(
        index=index,
        text=body,
        words=word_count(body),
        sentence_end=ends_sentence(_SPACED_CLOSING_QUOTE.sub(r"\1\2", body) if body[-2:-1] == " " else body),
        is_list_item=kind == "item" or (bullet is not None and bullet.end() < len(text)),
        letters=letters / len(body) if body else 0.0,
        kind=kind,
        link_share=link_share,
    )


def slug_segments(text: str) -> list[str]:
    """Segments of a slash- or bar-separated line ("Title/ Outlet/ CITY/ Byline/ text"), else [text]."""
    if "/" not in text and "|" not in text:
        return [text]  # every separator has one; the regex would try its three forms at each space
    parts = [part.strip() for part in _SLUG_SEPARATOR.split(text)]
    return [part for part in parts if part] if len(parts) >= 3 else [text]


def _unwrap(lines: list[str]) -> list[str]:
    if len(lines) < 3 or any(_BULLET.match(line) for line in lines):
        return lines  # lists are never wrapped prose
    inner = lines[:-1]
    wrapped = sum(1 for line in inner if len(line) >= WRAPPED_LINE_MIN_CHARS and not ends_sentence(line))
    continued = sum(1 for line in lines[1:] if line[:1].islower())
    # Wrapped prose continues mid-sentence, so some following lines start in lower case.
    if wrapped >= WRAPPED_SHARE * len(inner) and continued >= WRAPPED_CONTINUED_SHARE * len(inner):
        return [" ".join(lines)]
    return lines
