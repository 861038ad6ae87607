"""Recover title, byline, publication date and dateline from the blocks around the body."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz

from newsfuse.clean.blocks import Block, slug_segments
from newsfuse.text.calendar import find_dates
from newsfuse.text.words import content_stems, word_count, words

# Headline length bounds in words: "Top Story" or "World" are section labels, and anything past 25
# words is a standfirst. Checked against the titles of the fundus-eval pages (4-22 words).
TITLE_MIN_WORDS = 4
TITLE_MAX_WORDS = 25
# Share of a headline's content words that its article's opening paragraphs repeat. Headlines of
# the seed, sample and fundus pages score 0.4-1.0; mastheads and taglines score 0-0.1.
TITLE_MIN_LEAD_OVERLAP = 0.25
# A line this similar (0-100, token-set ratio) to the title is the title repeated by the page...
SAME_AS_TITLE_MIN = 90
# ...when it also holds this share of the headline's words. The token-set ratio is 100 for any line
# whose words all occur in the title, so without this a section heading or a list item made of one
# of the title's words ("Raye" under "Brit Awards 2024: Full winners list as Raye wins ...") was
# taken for the headline and lost from the body (fundus-eval's gold keeps them). Pages print their
# headline whole; a page title adds the site's name after a separator, which is left out first.
# Repeated headlines on fundus-eval and trafilatura-dev cover 0.75-1.0 of it; section headings
# and items taken for it by the ratio alone 0.08-0.5. The other way round, most of the line's words
# are the title's: a lead sentence that retells the headline in more words ("Chargers wide receiver
# Vincent Jackson was arrested early yesterday on suspicion of drunken driving." under "Chargers'
# Jackson arrested on suspicion of DUI", 0.43 of its words) is the story, not its headline again.
TITLE_MIN_COVERAGE = 0.6
# A date line carries the date and at most this many other words ("Published on", "Updated:").
DATE_LINE_MAX_OTHER_WORDS = 4
# A slug line's metadata segments are short; its last segment is the text.
SLUG_META_MAX_WORDS = 6

_BYLINE = re.compile(r"^(?:by|written by|words by|reporting by)\s*:?\s+(?P<names>[^\d]{3,80})$", re.IGNORECASE)
_BYLINE_ROLE = re.compile(r"\s*(?:[,;|]|\s[-–—]\s)\s*")
_TITLE_SEPARATOR = re.compile(r"\s+[|–—»•·:-]\s+|\s*\|\s*")
_PERSON = re.compile(r"^(?:[A-Z]\.\s?){1,2}[A-Z][\w'’-]+$|^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]*){1,3}$")
_DATELINE_AGENCY = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}?(?:,\s*[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?)"
    r"(?:,\s*(?P<when>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?\s*\((?P<agency>[^)]{2,40})\)\s*(?:[-—–:]+\s*)?"
)
_DATELINE_DATED = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}?(?:,\s*[A-Z][\w.]+)?),\s*(?P<when>[A-Z][a-z]{2,8}\.?\s+\d{1,2})\s*[-—–:]+\s*"
)
# "CITY, State —" or "CITY, Country —": a comma form names a place.
_DATELINE_COMMA = re.compile(r"^(?P<place>[A-Z][A-Z.'’\- ]{1,30},\s*[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)\s+[-—–]{1,2}\s+")
# An all-caps kicker with a dash ("MILITARY PARADE –"): a label, dropped, but not claimed as a place.
_KICKER = re.compile(r"^(?P<kicker>[A-Z][A-Z0-9.'’\- ]{2,40})\s+[-—–]{1,2}\s+(?=[A-Z\"“])")


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str | None
    agency: str | None
    rest: str  # the paragraph with the dateline removed
    credit: str  # the dateline as written, for agency detection


@dataclass(frozen=True, slots=True)
class SlugLine:
    """A "Title/ Outlet/ CITY/ Byline/ Edition/ text" line split into its parts."""

    meta: tuple[str, ...]
    text: str | None


def split_slug(block: Block) -> SlugLine | None:
    segments = slug_segments(block.text)
    if len(segments) < 3:
        return None
    meta: list[str] = []
    for position, segment in enumerate(segments):
        if word_count(segment) <= SLUG_META_MAX_WORDS or (position == 0 and word_count(segment) <= TITLE_MAX_WORDS):
            meta.append(segment)
        else:
            rest = " / ".join(segments[position:])
            return SlugLine(tuple(meta), rest) if len(meta) >= 2 else None
    return SlugLine(tuple(meta), None)


def slug_byline(meta: Sequence[str]) -> str | None:
    """The person's name among a slug line's segments: the first name-shaped one after an all-caps place."""
    after_place = False
    for segment in meta:
        if segment.isupper():
            after_place = True
        elif after_place and _PERSON.match(segment):
            return segment
    return None


def slug_place(meta: Sequence[str]) -> str | None:
    return next((segment for segment in meta if segment.isupper() and segment.replace(" ", "").isalpha()), None)


def pick_title(head: Sequence[Block], all_blocks: Sequence[Block], lead: str) -> str | None:
    """The headline: a headline-shaped block before the body that announces what the lead tells.

    Mastheads, taglines and section labels share few words with the story's opening paragraphs;
    a headline shares many. Of the lines that pass, one the page repeats wins, else the earliest
    (a headline stands above its standfirst).
    """
    candidates = [b for b in head if _title_shaped(b)]
    if not candidates:
        return None
    lead_words = _content_words(lead)
    texts = [b.text for b in all_blocks]

    def announces_lead(block: Block) -> bool:
        words = _content_words(block.text)
        return len(words & lead_words) >= TITLE_MIN_LEAD_OVERLAP * max(len(words), 1)

    passing = [b for b in candidates if announces_lead(b)]
    if not passing:
        return None
    repeated = [b for b in passing if sum(fuzz.token_set_ratio(b.text, t) >= SAME_AS_TITLE_MIN for t in texts) > 1]
    return (repeated or passing)[0].text


def opens_with_title(content: str, first: Block) -> bool:
    """Plain text in the documented form: the first line is the title, then a blank line, then the
    body. `first` is the first block read from the content; it is the title when it stands alone on
    that first line and is headline-shaped (a first sentence of a body ends on a full stop)."""
    lines = content.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff \t\n").split("\n", 2)
    return (
        len(lines) == 3
        and not lines[1].strip()
        and bool(lines[2].strip())
        and " ".join(lines[0].split()) == first.text
        and _title_shaped(first)
    )


def same_as_title(text: str, title: str | None) -> bool:
    """The line repeats the title: nearly all its words are the title's, and it holds most of the
    headline (the title's longest part between separators such as " | " or " - ")."""
    if not title:
        return False
    if fuzz.token_set_ratio(text, title) < SAME_AS_TITLE_MIN or word_count(text) > 2 * word_count(title) + 3:
        return False
    headline = {w.lower() for w in words(max(_TITLE_SEPARATOR.split(title), key=len))}
    line = {w.lower() for w in words(text)}
    in_title = {w.lower() for w in words(title)}
    return len(headline & line) >= TITLE_MIN_COVERAGE * len(headline) and len(
        line & in_title
    ) >= TITLE_MIN_COVERAGE * len(line)


def find_byline(blocks: Sequence[Block]) -> str | None:
    for block in blocks:
        match = _BYLINE.match(block.text)
        if match and word_count(block.text) <= 10:
            return names_only(match.group("names"))
    return None


def names_only(byline: str) -> str | None:
    """The names of a byline without the role or outlet after them ("Ana Ruiz, Senior Editor")."""
    names = _BYLINE_ROLE.split(byline, maxsplit=1)[0].strip(" .,;")
    return names or None


def find_published(blocks: Sequence[Block]) -> date | None:
    """A date standing nearly alone on a line ("date 2025-09-05", "Published: 4 Sept. 2025")."""
    for block in blocks:
        matches = find_dates(block.text)
        if len(matches) != 1:
            continue
        match = matches[0]
        other = block.text[: match.start] + " " + block.text[match.end :]
        if word_count(other) <= DATE_LINE_MAX_OTHER_WORDS:
            return match.value
    return None


def is_date_line(block: Block) -> bool:
    matches = find_dates(block.text)
    if len(matches) != 1:
        return False
    other = block.text[: matches[0].start] + " " + block.text[matches[0].end :]
    return word_count(other) <= DATE_LINE_MAX_OTHER_WORDS


def is_byline(block: Block) -> bool:
    return bool(_BYLINE.match(block.text)) and word_count(block.text) <= 10


def split_dateline(paragraph: str, *, first: bool, text: str = "") -> Dateline | None:
    """A dateline opening a paragraph ("BEIJING (AP) —", "PARIS, March 3 (AFP) -").

    Any paragraph may open with the agency form (pages often put a summary above the wire story);
    the weaker forms and kickers are only read at the start of the first paragraph.
    """
    patterns = (_DATELINE_AGENCY, _DATELINE_DATED, _DATELINE_COMMA) if first else (_DATELINE_AGENCY,)
    for pattern in patterns:
        match = pattern.match(paragraph)
        if match and match.end() < len(paragraph):
            place = match.group("place").strip(" ,").split(",")[0].strip()
            agency = match.groupdict().get("agency")
            if not place.replace(" ", "").replace(",", "").replace(".", "").isalpha():
                continue
            return Dateline(place=place, agency=agency, rest=paragraph[match.end() :].lstrip(), credit=match.group(0))
    kicker = _KICKER.match(paragraph) if first else None
    if kicker and word_count(kicker.group("kicker")) <= 4:
        label = kicker.group("kicker").strip()
        # An all-caps opener is a place when the story names it as one ("in Velsport", "Velsport's");
        # otherwise it is a topic label ("MILITARY PARADE –") and is only removed.
        place = label if _named_as_place(label, text or paragraph) else None
        return Dateline(
            place=place, agency=None, rest=paragraph[kicker.end() :], credit=kicker.group(0) if place else ""
        )
    return None


def _named_as_place(label: str, text: str) -> bool:
    name = re.escape(label.title())
    return bool(re.search(rf"\b(?:in|at|from|near|outside|to|of)\s+{name}\b|\b{name}['’]s\b", text))


def _content_words(text: str) -> set[str]:
    return {stem for stem in content_stems(text) if len(stem) > 2}


def _title_shaped(block: Block) -> bool:
    if not TITLE_MIN_WORDS <= block.words <= TITLE_MAX_WORDS or block.is_list_item or block.is_menu:
        return False
    if block.text.endswith(".") or block.letters < 0.6:
        return False
    return not (is_date_line(block) or is_byline(block) or len(slug_segments(block.text)) >= 3)
