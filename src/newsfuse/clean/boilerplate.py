"""Decide, block by block, what is article body and what is page clutter.

The decision reads layout, not vocabulary: body text is prose (long, sentence-shaped blocks) and
runs from the first prose block to the last; short blocks inside that run are kept when they are
sentences (a one-line quote) or list items, set aside as headings when they are headline-shaped,
and dropped when they look like links, credits or widgets. Blocks seen in several unrelated
documents of the batch are boilerplate wherever they stand.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from enum import StrEnum

from newsfuse.clean.blocks import Block
from newsfuse.clean.furniture import CAPTION_MAX_WORDS, addresses_reader, caption_indices, is_credit

# A block is prose when it has at least this many words and ends like a sentence. Eight words
# separates the shortest real paragraphs of the seed and sample pages (one-sentence quotes run
# 10+ words) from menu items, captions and widget lines (1-7 words).
PROSE_MIN_WORDS = 8
# ...or when it is this long even without a full stop (a paragraph cut off by the page).
PROSE_UNPUNCTUATED_MIN_WORDS = 25
# Prose is mostly letters; link lists of dates or scores are not.
PROSE_MIN_LETTER_SHARE = 0.6
# A short block still counts as a sentence of the body with this many words and a full stop.
SHORT_SENTENCE_MIN_WORDS = 3
# List items shorter than this are menus, not bullet points of the story.
LIST_ITEM_MIN_WORDS = 4
# Headings are short: longer unpunctuated lines are standfirsts or captions, not section titles.
HEADING_MAX_WORDS = 14
# Prose separated from the main body by this many non-prose blocks in a row (menus, link lists,
# widgets) starts a new segment; a segment is body only if it is the largest or carries at least
# SEGMENT_MIN_WORDS of prose. A rating widget's one sentence ("No votes so far! Be the first...")
# falls short; an outlet's bullet summary above the story (60+ words in the seeds) does not.
SEGMENT_GAP_BLOCKS = 3
SEGMENT_MIN_WORDS = 30
# A paragraph of this many words is the story's own: notices to the reader after the last such
# paragraph end the article. Calibrated on the sample corpus, where closing notices run 5-14
# words and the shortest closing paragraphs of real reports run 18 words and up.
NOTICE_AFTER_WORDS = 16

# Blocks from an HTML extractor's markup (trafilatura has already cut away the page around the
# article, so what is left is mostly body; fundus-eval's gold bodies keep its headings, list items
# and one-line paragraphs) are kept unless they show one of these shapes of clutter:
# - a link and nothing else: a byline link, tag, "Comments", a teaser headline. Calibrated on the
#   fundus-eval pages: gold paragraphs have at most 0.76 of their characters in links (a "From
#   <outlet>:" introducing a quotation), whole-link clutter 0.9 and up.
MARKUP_LINK_MAX_SHARE = 0.9
# - a shouted teaser inside the running text: a paragraph wholly in bold or italics and in capitals
#   ("SUSPECT ARRESTED AFTER ...", "CLICK HERE TO GET THE APP"). Real all-capital lines in the gold
#   bodies are headings or plain-type section labels; 0.9 leaves room for a digit or a lower-case
#   "x" in an otherwise capital line.
SHOUTED_MIN_SHARE = 0.9
SHOUTED_MIN_WORDS = 4
# - a heading that is a link is the headline of a teaser for another story (fundus-eval: no gold
#   heading has a link in it; related-story cards have half or all of theirs); the short blurb
#   under it goes with it.
TEASER_HEADING_MIN_LINK_SHARE = 0.4
TEASER_BLURB_MAX_WORDS = 40
# - an author's biography at either end of the body: a name, then "is a ... reporter / writer /
#   editor ...". Looked for among the first and last blocks only, where pages put them.
BIO_EDGE_BLOCKS = 2

_BIO = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){1,4}(?:is|was)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}"
    r"(?:writer|reporter|editor|correspondent|journalist|columnist|contributor|author|producer|critic)s?\b"
)
_LABEL_LINK = re.compile(r"^[A-Z][\w'’ &-]{1,30}:\s*\S")
# The production credits closing a wire story, "(Reporting by ...; Editing by ...)", and an agency
# desk's sign-off initials ("hv/jkr"): metadata, not text (fundus-eval's gold marks the credits
# optional; the sample corpus's answer key counts both as clutter).
_PRODUCTION_CREDIT = re.compile(
    r"^\(?(?:(?:additional\s+)?reporting|writing|editing|compiled|produced)\s+by\b[^.!?]*\)?\.?$", re.IGNORECASE
)
_SIGN_OFF = re.compile(r"^[a-z]{1,4}(?:/[a-z]{1,4})+$")
_NOTE_LABEL = re.compile(r"^[\w'’ ]{2,20}:")
# A photo caption that ends with its credit ("Fans at the show Credit: Jane Doe/Agency").
_TRAILING_CREDIT = re.compile(r"\b(?:Credit|Photograph|Photo|Picture|Image)s?\s*:\s*[^.:]{2,80}$")
# A web address printed in the text is information for the reader, not navigation.
_URL = re.compile(r"\bhttps?://|\bwww\.\w")
_ENDS_EXCLAIM_OR_ASK = re.compile(r"[!?][\"'”’»)]*$")
_STARTS_SENTENCE = re.compile(r"^[\"'“‘«(]?[A-Z0-9]")


class Role(StrEnum):
    BODY = "body"
    ITEM = "item"
    HEADING = "heading"
    HEAD = "head"  # before the body: title, standfirst, metadata lines
    CLUTTER = "clutter"


class CorpusStats:
    """Which blocks occur in which documents of a batch, to spot furniture repeated across pages.

    A block shared by documents that share no other prose is furniture (a site's newsletter blurb);
    documents that share other prose paragraphs are copies of one story, and what they share is text.
    """

    def __init__(self) -> None:
        self._prose: dict[str, set[str]] = {}
        self._where: dict[str, set[str]] = defaultdict(set)

    def add(self, doc_id: str, blocks: Iterable[Block]) -> None:
        blocks = list(blocks)
        self._prose[doc_id] = {_key(block.text) for block in blocks if is_prose(block)}
        for block in blocks:
            self._where[_key(block.text)].add(doc_id)

    def is_furniture(self, doc_id: str, block: Block) -> bool:
        key = _key(block.text)
        others = [doc for doc in self._where.get(key, ()) if doc != doc_id]
        if not others:
            return False
        mine = self._prose.get(doc_id, set()) - {key}
        if not mine:
            return False  # a document's only paragraph is its content, whoever else prints it
        return not any(mine & self._prose.get(other, set()) for other in others)


def is_prose(block: Block) -> bool:
    if block.letters < PROSE_MIN_LETTER_SHARE:
        return False
    return (block.words >= PROSE_MIN_WORDS and block.sentence_end) or block.words >= PROSE_UNPUNCTUATED_MIN_WORDS


def classify(blocks: Sequence[Block], *, doc_id: str = "", stats: CorpusStats | None = None) -> list[Role]:
    """One role per block."""
    if blocks and all(block.from_markup for block in blocks):
        return classify_markup(blocks, doc_id=doc_id, stats=stats)
    captions = caption_indices(blocks)
    furniture = [
        block.is_menu
        or i in captions
        or is_credit(block)
        or addresses_reader(block, second_person=False)
        or (stats is not None and stats.is_furniture(doc_id, block))
        for i, block in enumerate(blocks)
    ]
    _mark_trailing_notices(blocks, furniture)
    prose = [is_prose(block) and not furniture[i] for i, block in enumerate(blocks)]
    if not any(prose):
        # No prose at all: keep the sentence-shaped blocks, so a short note still yields its text.
        return [Role.BODY if _short_sentence(b) and not furniture[i] else Role.CLUTTER for i, b in enumerate(blocks)]
    _drop_stray_segments(blocks, prose)
    first = prose.index(True)
    last = len(prose) - 1 - prose[::-1].index(True)
    roles: list[Role] = []
    for i, block in enumerate(blocks):
        if furniture[i]:
            roles.append(Role.CLUTTER)
        elif prose[i]:
            roles.append(Role.ITEM if block.is_list_item else Role.BODY)
        elif i < first:
            roles.append(Role.HEAD)
        elif i <= last:
            roles.append(_inside_role(block))
        else:
            roles.append(Role.CLUTTER)
    _keep_closing_sentences(blocks, roles, last, furniture)
    return roles


def classify_markup(blocks: Sequence[Block], *, doc_id: str = "", stats: CorpusStats | None = None) -> list[Role]:
    """Roles for an HTML extractor's blocks: its markup already says heading, list item or paragraph."""
    roles: list[Role] = []
    for i, block in enumerate(blocks):
        teaser_blurb = i > 0 and _is_teaser_heading(blocks[i - 1]) and block.words <= TEASER_BLURB_MAX_WORDS
        if teaser_blurb or _markup_clutter(block) or (stats is not None and stats.is_furniture(doc_id, block)):
            roles.append(Role.CLUTTER)
        elif block.kind == "heading":
            roles.append(Role.CLUTTER if _is_teaser_heading(block) else Role.HEADING)
        else:
            roles.append(Role.ITEM if block.is_list_item else Role.BODY)
    body = [i for i, role in enumerate(roles) if role in (Role.BODY, Role.ITEM)]
    for i in body[:BIO_EDGE_BLOCKS] + body[-BIO_EDGE_BLOCKS:]:
        if _BIO.match(blocks[i].text):
            roles[i] = Role.CLUTTER
    _drop_trailing_notices(blocks, roles)
    # A heading with no body after it titles a section that was all clutter ("More from ...").
    last_body = max((i for i, role in enumerate(roles) if role in (Role.BODY, Role.ITEM)), default=-1)
    return [Role.CLUTTER if role is Role.HEADING and i > last_body else role for i, role in enumerate(roles)]


def _is_teaser_heading(block: Block) -> bool:
    return block.kind == "heading" and block.link_share >= TEASER_HEADING_MIN_LINK_SHARE


def _drop_trailing_notices(blocks: Sequence[Block], roles: list[Role]) -> None:
    """The page's tail of notices to the reader ("Subscribe to ...", "Want to bookmark your ...") goes.

    A notice comes with its button or link (clutter right after it); a last paragraph that merely says
    "you" (an opinion column's close) has none. A labelled note ("Update: ...", "Editor's note: ...")
    is the newsroom's word on the story and stays.
    """
    for i in range(len(blocks) - 2, -1, -1):
        if roles[i] is Role.CLUTTER:
            continue
        if roles[i + 1] is not Role.CLUTTER or not addresses_reader(blocks[i]) or _NOTE_LABEL.match(blocks[i].text):
            return
        roles[i] = Role.CLUTTER


def _markup_clutter(block: Block) -> bool:
    if not block.words or block.letters == 0.0:
        return True  # rules and ornaments ("___", "* * *"), bare numbers such as a live blog's timestamps
    if block.link_share >= MARKUP_LINK_MAX_SHARE or _PRODUCTION_CREDIT.match(block.text) or _SIGN_OFF.match(block.text):
        return True
    label = _LABEL_LINK.match(block.text)
    if label and not _URL.search(block.text):
        # "Read more: <linked headline>", "Our standards: <linked page>": a label, then only a link.
        after = block.text[label.end() - 1 :]
        if block.link_share >= MARKUP_LINK_MAX_SHARE * _visible(after) / max(_visible(block.text), 1):
            return True
    if block.kind != "heading" and block.emphasis_share >= SHOUTED_MIN_SHARE and block.caps_share >= SHOUTED_MIN_SHARE:
        return block.words >= SHOUTED_MIN_WORDS
    return is_credit(block) or (block.words <= CAPTION_MAX_WORDS and bool(_TRAILING_CREDIT.search(block.text)))


def _mark_trailing_notices(blocks: Sequence[Block], furniture: list[bool]) -> None:
    """After the last substantial paragraph, the first notice to the reader ends the article."""
    last = max((i for i, b in enumerate(blocks) if b.words >= NOTICE_AFTER_WORDS and not furniture[i]), default=-1)
    for i in range(last + 1, len(blocks)):
        if furniture[i] or addresses_reader(blocks[i]):
            for j in range(i, len(blocks)):
                furniture[j] = True
            return


def _drop_stray_segments(blocks: Sequence[Block], prose: list[bool]) -> None:
    """Unmark prose that stands alone among clutter, away from the body (widgets, teasers)."""
    segments: list[list[int]] = []
    gap = SEGMENT_GAP_BLOCKS
    for i, is_body in enumerate(prose):
        if is_body:
            if gap >= SEGMENT_GAP_BLOCKS or not segments:
                segments.append([])
            segments[-1].append(i)
            gap = 0
        elif not _short_sentence(blocks[i]):
            gap += 1
    sizes = [sum(blocks[i].words for i in segment) for segment in segments]
    largest = max(range(len(segments)), key=sizes.__getitem__)
    for number, segment in enumerate(segments):
        if number != largest and sizes[number] < SEGMENT_MIN_WORDS:
            for i in segment:
                prose[i] = False


def _inside_role(block: Block) -> Role:
    if block.is_list_item:
        useful = block.words >= LIST_ITEM_MIN_WORDS and block.letters >= PROSE_MIN_LETTER_SHARE
        return Role.ITEM if useful else Role.CLUTTER
    if _short_sentence(block):
        return Role.BODY
    if _LABEL_LINK.match(block.text) and not block.sentence_end:
        return Role.CLUTTER  # "READ ALSO: ...", "Photo: ...": a label and a link or credit
    if block.words <= HEADING_MAX_WORDS and block.letters >= PROSE_MIN_LETTER_SHARE:
        return Role.HEADING
    return Role.CLUTTER


def _keep_closing_sentences(blocks: Sequence[Block], roles: list[Role], last: int, furniture: list[bool]) -> None:
    """Short sentences right after the last prose block still belong to the story, up to the first clutter."""
    for i in range(last + 1, len(blocks)):
        if furniture[i] or not _short_sentence(blocks[i]):
            return
        roles[i] = Role.BODY


def _short_sentence(block: Block) -> bool:
    return (
        block.sentence_end
        and block.words >= SHORT_SENTENCE_MIN_WORDS
        and block.letters >= PROSE_MIN_LETTER_SHARE
        and not _ENDS_EXCLAIM_OR_ASK.search(block.text)
        and bool(_STARTS_SENTENCE.match(block.text))
    )


def _visible(text: str) -> int:
    return len(text) - text.count(" ")


def _key(text: str) -> str:
    return hashlib.blake2b(" ".join(text.lower().split()).encode(), digest_size=12).hexdigest()
