"""Find stretches of text between quotation marks: “curly”, "straight", «guillemets», ‘single’ ones
when they open a quotation rather than an apostrophe, and ''doubled apostrophes''."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A quotation longer than this many characters is an unmatched mark, not a quote (the longest
# multi-sentence quotes in news copy run to three or four sentences, well under 1,000 characters).
MAX_QUOTE_CHARS = 1000

_PAIRS = (
    # A curly pair holds no straight double mark: '“A," she said. "B.”' is two quotations written
    # with mismatched marks (left to the last pattern), not one.
    re.compile(r'“([^“”"]+?)”'),
    re.compile(r"«\s*([^«»]+?)\s*»"),
    # Straight quotes pair up within a paragraph; the opening one follows a space or line start.
    re.compile(r'(?:(?<=^)|(?<=[\s(\[—–-]))"([^"\n]+?)"', re.MULTILINE),
    re.compile(r"(?:(?<=^)|(?<=\s))‘([^‘’\n]+?)’(?![a-z])", re.MULTILINE),
    # Two apostrophes for a double quotation mark, as in newspaper archives' plain text (''...'').
    re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))''(?!')([^\n]+?)''(?!')", re.MULTILINE),
    # Last, marks of mismatched kinds, as copy pasted together writes them ("…”, “…", ”…”), where no
    # pair above is: an opening mark after a space or a line start, a closing one before a space,
    # punctuation or the line end.
    re.compile(r'(?:(?<=^)|(?<=[\s(\[—–-]))[“"”]([^“”"\n]+?)[”"“](?=[\s,.;:!?)\]—–-]|$)', re.MULTILINE),
)

_MARKUP = re.compile(r"</?[A-Za-z][^<>\n]*>")


@dataclass(frozen=True, slots=True)
class QuoteRegion:
    """The quoted words at start..end (without the marks) and the marks' outer bounds."""

    start: int
    end: int
    outer_start: int
    outer_end: int


def quote_regions(text: str) -> list[QuoteRegion]:
    """Quoted stretches in text order, without overlaps."""
    # Marks inside markup left in the text (an embedded tweet's '<tweet author="…">') quote nothing.
    plain = _MARKUP.sub(lambda tag: " " * len(tag.group()), text)
    found: list[QuoteRegion] = []
    for pattern in _PAIRS:
        for match in pattern.finditer(plain):
            if match.end() - match.start() > MAX_QUOTE_CHARS:
                continue
            region = QuoteRegion(match.start(1), match.end(1), match.start(), match.end())
            if any(r.outer_start < region.outer_end and region.outer_start < r.outer_end for r in found):
                continue
            found.append(region)
    return sorted(found, key=lambda r: r.start)


def markup(text: str) -> list[tuple[int, int]]:
    """Where markup left in the text sits ('<tweet author="…">', '</tweet>'): tags, not words."""
    return [m.span() for m in _MARKUP.finditer(text)]


def inside(regions: list[QuoteRegion], start: int, end: int) -> bool:
    return any(r.start <= start and end <= r.end for r in regions)
