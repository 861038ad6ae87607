"""Shapes of page furniture that layout alone reveals: menus, photo credits and captions, notices
addressed to the reader, mastheads and copyright lines.

These read the form of a line (separators, a short "Label: name" credit next to a sentence, the
second person or the imperative of web actions, a self-reference to "this article") rather than any
site's wording, so they carry over to pages nobody here has seen.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # blocks.py calls is_menu while it builds blocks, so no import at run time
    from newsfuse.clean.blocks import Block

# A menu line separates three or more short items by runs of spaces, bars or middle dots.
MENU_MIN_ITEMS = 3
MENU_ITEM_MAX_WORDS = 4
# A credit is a label and a name: at most this many words after the colon ("Photo: AFP / Jan Ruiz").
CREDIT_MAX_WORDS = 6
# The page's last lines, where a footer names the outlet again.
FOOTER_BLOCKS = 5
# A caption is one short sentence; body paragraphs that sit next to a credit line are longer.
CAPTION_MAX_WORDS = 30
# A notice that opens on a web action is short ("Follow us on Twitter for the latest news", 5-29
# words on the sample corpus and trafilatura-dev); a paragraph of 40 words that happens to open on
# one of those verbs ("Like you, I did a double-take when ...", an ECB+ column) is prose.
NOTICE_MAX_WORDS = 30

_MENU_SEPARATOR = re.compile(r"\s{2,}|\s*[|·•]\s*|\s+›\s+|\s+>\s+")
_LABEL = re.compile(r"^(?P<label>[A-Z][\w'’ &-]{1,20}?)\s?:\s*(?P<rest>\S.*)$")
# The words that label a picture credit, in the languages pages (and their translations) use.
_CREDIT_LABELS = frozenset(
    "photo photos photograph photography picture image images pic video footage credit credits caption legend "
    "foto fotos bild source illustration graphic graphics file".split()
)
# Web actions a page asks of its reader; the words of site chrome, not of any one site.
_WEB_ACTIONS = (
    "follow|share|subscribe|sign|log|join|click|tap|read|watch|listen|download|register|like|comment|"
    "rate|email|send|tell|contact|support|donate|get|sign up|visit|install|enjoy|enjoyed|skip|jump|go to"
)
_IMPERATIVE = re.compile(rf"^(?:please\s+)?(?:{_WEB_ACTIONS})\b", re.IGNORECASE)
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours)\b", re.IGNORECASE)
_SELF_REFERENCE = re.compile(
    r"\bthis\s+(?:article|story|page|briefing|digest|newsletter|post|piece|video|report was|content)\b", re.IGNORECASE
)
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]|‘[^’]*’(?!\w)")
# A paragraph that is one quotation, in the straight single quotes some wires use ("'We appreciate
# your respect ...'"): the apostrophes inside it rule out a pattern for the quotes alone.
_WHOLE_QUOTE = re.compile(r"^'.*'\W*$")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?P<rest>.+)", re.IGNORECASE)
_TAGLINE_SPLIT = re.compile(r"\s+[-–—·|:]\s+")


def is_menu(raw_line: str) -> bool:
    """A navigation line: several short items separated by spaces, bars or dots ("News | Sport | ...")."""
    items = [item for item in _MENU_SEPARATOR.split(raw_line.strip()) if item.strip()]
    if len(items) < MENU_MIN_ITEMS:
        return False
    return all(len(item.split()) <= MENU_ITEM_MAX_WORDS for item in items) and not raw_line.rstrip().endswith(".")


def is_credit(block: Block) -> bool:
    """A photo or source credit: "Photo: Reuters", "Image: AFP / Jan Ruiz", or a bare list of names."""
    if block.sentence_end:
        return False
    match = _LABEL.match(block.text)
    if not match or len(match.group("rest").split()) > CREDIT_MAX_WORDS:
        return False
    return any(word in _CREDIT_LABELS for word in match.group("label").lower().split())


def caption_indices(blocks: Sequence[Block]) -> set[int]:
    """Short sentences standing right before or after a credit line: the captions of photos."""
    captions: set[int] = set()
    for i, block in enumerate(blocks):
        if not is_credit(block):
            continue
        for j in (i - 1, i + 1):
            neighbour = blocks[j] if 0 <= j < len(blocks) else None
            if (
                neighbour is not None
                and neighbour.words <= CAPTION_MAX_WORDS
                and neighbour.sentence_end
                and not neighbour.is_list_item
                and not is_credit(neighbour)
            ):
                captions.add(j)
                break
    return captions


def addresses_reader(block: Block, *, second_person: bool = True) -> bool:
    """A notice to the reader (outside any quotation): a web action, "this article", or "you".

    The second person is telling only at a page's edges; in a body it may be an opinion writer's.
    """
    if _WHOLE_QUOTE.match(block.text):
        return False
    text = _QUOTED.sub(" ", block.text)
    if (_IMPERATIVE.match(text) and block.words <= NOTICE_MAX_WORDS) or _SELF_REFERENCE.search(text):
        return True
    return second_person and bool(_SECOND_PERSON.search(text))


def masthead(raw_first_lines: Sequence[str], blocks: Sequence[Block]) -> str | None:
    """The outlet's name: a short line at the top of the page that the page confirms.

    Confirmed means: the copyright line or the page's last lines name it again (their spelling wins
    over a shouted masthead's), or a menu follows it.
    """
    lines = [line.strip() for line in raw_first_lines if line.strip()]
    footer = [m.group("rest") for b in blocks if (m := _COPYRIGHT.search(b.text))]
    footer += [b.text for b in blocks[-FOOTER_BLOCKS:]]
    for position, line in enumerate(lines):
        name = _TAGLINE_SPLIT.split(line)[0].strip().rstrip(".")
        if not name or len(name.split()) > MENU_ITEM_MAX_WORDS or is_menu(line) or _IMPERATIVE.match(name):
            continue
        words = r"\s+".join(re.escape(w) for w in name.split())
        spellings = [m.group(0) for text in footer if (m := re.search(rf"\b{words}\b", text, re.IGNORECASE))]
        cased = [spelling for spelling in spellings if not spelling.isupper()]
        if spellings:
            return cased[0] if cased else name.title()
        if position + 1 < len(lines) and is_menu(lines[position + 1]):
            return name.title() if name.isupper() else name
        if not name.isupper() and position == 0:
            return None  # a first line that is neither a shouted name nor confirmed: no masthead
    return None
