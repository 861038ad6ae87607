"""Page clutter that reaches an article's body: lines a reader would never take for reporting.

Captions and photo credits, calls to action and link text ("click here", "sound off in the comments
below"), headings run into a line, lines that introduce something the page no longer shows (they
end on a colon), shouted lines in capitals, and words a scraper glued together ("asWinnipeg"). The
cues are the page's own conventions, not phrases of any one article.
"""

from __future__ import annotations

import calendar
import re

from newsfuse.extract.date_patterns import find_expressions
from newsfuse.extract.quote_marks import markup
from newsfuse.text.words import words

_CAPTION = re.compile(
    r"\b(?:file\s+photo|photo\s+(?:by|credit|courtesy|illustration)|pictured\s+(?:above|below|here|left|right)|"
    r"getty\s+images|(?:ap|afp|reuters|epa)\s+photo|image\s+(?:credit|source|courtesy)|credit\s*:|"
    r"\(photo\b|photograph(?:ed)?\s+by)",
    re.IGNORECASE,
)
_CALL_TO_ACTION = re.compile(
    r"\b(?:click\s+here|read\s+more|sign\s+up\s+(?:for|to|here)|subscribe\s+(?:to|now|here)|"
    r"comments?\s+(?:section\s+)?below|sound\s+off|hit\s+the\s+jump|check\s+out\s+(?:the|our|this|these)|"
    r"follow\s+(?:us|him|her|them)\s+on|share\s+this|leave\s+your\s+(?:thoughts|comments)|"
    r"(?:watch|related|advertisement|listen|more)\s*:)",
    re.IGNORECASE,
)
# A line that opens by asking the reader to act on the page ("Watch the full 60 Minutes interview
# with ...", "Click to see ..."): a sentence of reporting never opens in the imperative of these verbs.
_WEB_IMPERATIVE = re.compile(
    r"^(?:please\s+)?(?:watch|click|tap|subscribe|download|listen\s+to|sign\s+up)\b", re.IGNORECASE
)
# A picture's label before a colon, with its caption after it ("Map of Iran highlighting epicenter of
# earthquake: A tremor shook ..."): the words editors use to name a figure, then a colon in the
# sentence's opening words.
_FIGURE_LABEL = re.compile(
    r"^(?:an?\s+|the\s+)?(?:map|photo|picture|image|graphic|chart|diagram|video|satellite\s+image)\b[^:.!?]{0,100}:\s",
    re.IGNORECASE,
)
# An agency caption: a named subject, a verb in the present tense ("President Barack Obama announces his
# nomination ..."), and the day the photo was taken written in full with its weekday ("Monday, July
# 13, 2009"). A report tells its deeds in the past tense; the caption describes the picture as it is.
_CAPTION_PRESENT = re.compile(r"^(?:[A-Z][\w.'’-]*,?\s+){1,6}[a-z]+s\b")
_WEEKDAYS = frozenset(calendar.day_name)
# A heading in title case run into the line ("Veto Power Impedes Peace Efforts: Eliminating ...", a
# section's subhead; "Former AG Mukasey at RNC: Clinton email scandal disqualifies her ...", a
# headline that puts words in someone's mouth): four words or more, each capitalised but the short
# words a title leaves in lower case, then a colon. Cutting it off could leave the headline's claim
# as the writer's own, so the line goes. A speaker's name before a colon is two or three words.
_HEADING_OPENING = re.compile(
    r"^[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|(?:a|an|the|of|for|by|in|on|at|to|and|or|with|from|as)\b)){3,9}:\s"
)
# A dateline or section marker that a scraper kept inline: "WOODLAND HILLS >>", "NEWS <<".
_MARKER = re.compile(r">>|<<|\|\s*[A-Z]")
# Words glued together by a scraper: a function word run into a capitalised word ("asWinnipeg").
_GLUED = re.compile(r"\b(?:as|at|in|on|of|the|and|to|by|for|from|with|known)[A-Z][a-z]+")
# A line whose letters are mostly capitals is a heading or a shouted label, not a sentence; so is
# one opening on two words in capitals ("PHILADELPHIA 76ERS Fired ...", a transactions list).
MAX_CAPITAL_SHARE = 0.6
# A line whose longer words are nearly all capitalised is a headline ("Swimmer And Actress Dies Aged
# 91"); reporting sentences full of names stay under half (0.3-0.5 in the ECB+ and seed articles),
# though a short one can reach 0.8 ("Gary Ross has not departed The Hunger Games").
TITLE_CASE_SHARE = 0.9
TITLE_CASE_MIN_WORDS = 6
# A sentence ends on a full stop, a question or exclamation mark, or an ellipsis, perhaps inside
# closing quotation marks or brackets.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_SHOUTED_OPENING = re.compile(r"^[A-Z0-9]{2,}[A-Z]*\s+[A-Z0-9]*[A-Z]{2,}\b(?!\.)")


def clutter(text: str) -> str | None:
    """Why `text` is page clutter, or None when it reads as a sentence of reporting."""
    stripped = text.rstrip()
    if stripped.endswith(":"):
        return "ends on a colon (it introduces something the page no longer shows)"
    if stripped[:1].islower():
        return "starts inside a sentence"
    if not _SENTENCE_END.search(stripped):
        return "no full stop (a headline, a deck, or a sentence the page cut off)"
    if _CAPTION.search(text) or _FIGURE_LABEL.match(text) or (_CAPTION_PRESENT.match(text) and _photo_day(text)):
        return "a caption or photo credit"
    if _CALL_TO_ACTION.search(text) or _WEB_IMPERATIVE.match(text):
        return "link text or a call to action"
    if _HEADING_OPENING.match(text):
        return "a heading run into the line"
    if _MARKER.search(text):
        return "a page marker"
    if markup(text):
        return "markup the page left in its text (an embedded post: '<tweet author=...>')"
    if _GLUED.search(text):
        return "words glued together by the page's scraper"
    if _SHOUTED_OPENING.match(text) and sum(c.isupper() for c in text.split()[0] + text.split()[1]) >= 5:
        return "a heading in capitals"
    long_words = [w for w in words(text) if len(w) > 3]
    if len(long_words) >= TITLE_CASE_MIN_WORDS and sum(w[0].isupper() for w in long_words) >= TITLE_CASE_SHARE * len(
        long_words
    ):
        return "a headline in title case"
    letters = [c for c in text if c.isalpha()]
    if len(words(text)) >= 3 and letters and sum(c.isupper() for c in letters) / len(letters) > MAX_CAPITAL_SHARE:
        return "a heading in capitals"
    return None


def _photo_day(text: str) -> bool:
    """Whether the text names a day in full with its weekday ("Monday, July 13, 2009"), as the date
    extractor reads full dates."""
    return any(e.rule == "full" and e.text.split(",")[0].strip() in _WEEKDAYS for e in find_expressions(text))
