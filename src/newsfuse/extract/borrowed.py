"""Stretches of an article in someone else's words that the quotation finder does not enclose.

A writer's narration is the words outside quotations (extract.quote_marks), but news copy also hands
words to a speaker in ways the finder does not pair:
- a quotation that runs on: its opening mark is never closed in its paragraph (a quotation continued
  over several paragraphs closes only in its last one; a transcript's turns open on a mark and never
  close: '"PENCE: Well, look, ...'), or closes past the finder's reach (Trump's answer of a whole
  paragraph: "... Bush got up and stumbled through an answer and the place went crazy. ...");
- a block quotation: a paragraph introduced by the one before it ending on a colon after a verb or
  noun of speech ("In the text accompanying the video post, Wallnau wrote:"), opening on no mark and
  speaking as I, we or you. A colon after no such word introduces the writer's own list ("Here are
  three reasons ...:", "(all times EST):");
- a transcript's turn, opened by its speaker's name in capitals and a colon ("WALLACE: Let's start
  ..."), where the article has turns of two speakers or more (a lone "UPDATE:" is no transcript).
Such words are their speaker's everywhere: extract.stance counts a sentence of them as attributed,
never as the writer's view, and the brief shows none of them as its own line (brief.extractive), as
it shows no sentence inside a quotation. Found on PolNeAR reports (evaluation/README, "opinion pieces
by their narration", rounds 1 and 2).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfuse.extract.cues import SPEECH_VERBS
from newsfuse.extract.quote_marks import quote_regions
from newsfuse.models import Article, Span

_PARAGRAPH = re.compile(r"[^\n]+")
# A speaker's name in capitals and a colon at a paragraph's start, after an opening mark if any.
_SPEAKER_TURN = re.compile(r"\s*[\"“]?(?P<name>[A-Z][A-Z.'’ -]{1,30}):\s")
# An opening mark: a curly or angled one, or a straight one set before a word (at the paragraph's start
# or after a space or bracket); a closing one: a curly or angled one, or a straight one after a word
# ('review of [his] systems" including').
_OPENING_MARKS = re.compile(r"[“«]|(?:(?<=^)|(?<=[\s(\[—–]))\"(?=\S)")
_MARKS = re.compile(r"(?P<open>[“«]|(?:(?<=^)|(?<=[\s(\[—–]))\"(?=\S))|(?P<close>[”»]|(?<=\S)\")")
# Speech that the speech verbs' regular forms miss: irregular pasts, and verbs of speaking that
# introduce rather than report ("spoke out against Trump:").
_IRREGULAR = frozenset("said told wrote written spoke spoken speak speaks speaking".split())
# Nouns that name words given next: what follows the colon is that statement, speech or post.
_SPEECH_NOUNS = frozenset(
    "statement statements transcript remarks speech excerpt excerpts tweet tweets letter interview follows".split()
)
# The lead-in's last sentence: what follows its last sentence end (or the paragraph's start).
_LAST_SENTENCE = re.compile(r"(?:^|[.!?][”\"’]?\s+)(?P<last>[^.!?]*?:)\s*$")
# Words in lower case: a capitalised one is a name ("United States" is no verb "states").
_WORD = re.compile(r"(?<![\w’'-])[a-z]+\b(?!-)")
# A speaker's own voice: I, we or you (as extract.stance and brief.extractive read the first person).
_PERSON = re.compile(r"\bI(?=['’]|\s+[a-z])|\b(?:[Ww]e|[Oo]ur|us|[Mm]y|[Mm]e|[Yy]ou|[Yy]our)\b")
# At least this many speakers before a paragraph opening on capitals and a colon is a turn: a
# transcript passes words between people; one capitalised label ("UPDATE:", "WATCH:") is a heading.
TRANSCRIPT_SPEAKERS = 2


def _forms(lemma: str) -> set[str]:
    """The regular inflections of a verb lemma ("declare": declares, declared, declaring)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    return forms


# Present forms that are far more often nouns before a colon ("primaries in five states Tuesday (all
# times EST):", "a blog post:"): not read as speech.
_NOUNS_FIRST = frozenset("state states call calls post posts".split())
_SPEECH_WORDS = (frozenset().union(*(_forms(v) for v in SPEECH_VERBS)) - _NOUNS_FIRST) | _IRREGULAR | _SPEECH_NOUNS


def introduces_speech(paragraph: str) -> bool:
    """Whether the paragraph ends on a colon after a verb or noun of speech in its last sentence."""
    found = _LAST_SENTENCE.search(paragraph.rstrip())
    return found is not None and any(w in _SPEECH_WORDS for w in _WORD.findall(found.group("last")))


def borrowed(text: str) -> list[tuple[int, int]]:
    """Where the text gives someone else's words with no closing quotation mark (start, end), in
    text order."""
    quoted = [(r.outer_start, r.outer_end) for r in quote_regions(text)]
    paragraphs = list(_PARAGRAPH.finditer(text))
    speakers = {m.group("name").strip() for p in paragraphs if (m := _SPEAKER_TURN.match(p.group()))}
    transcript = len(speakers) >= TRANSCRIPT_SPEAKERS
    out: list[tuple[int, int]] = []
    introduced = False
    for paragraph in paragraphs:
        start, end = paragraph.span()
        line = paragraph.group()
        if (introduced and _speaks_unmarked(line)) or (transcript and _SPEAKER_TURN.match(line)):
            out.append((start, end))
        else:
            out.extend(_unpaired(line, start, quoted))
        introduced = introduces_speech(line)
    return out


def _speaks_unmarked(paragraph: str) -> bool:
    """Whether a paragraph after a lead-in to speech is that speech set off by the colon alone: it
    opens on no mark (one that does is read by its marks) and speaks as I, we or you. In the third
    person it is more often the writer resuming after a post or image the page dropped ("... tweeted
    the transcript of the full exchange ...:" and then "Sanders is not the first ...")."""
    return not _OPENING_MARKS.match(paragraph.lstrip()) and bool(_PERSON.search(paragraph))


def _unpaired(paragraph: str, offset: int, quoted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraph's quotations that the quotation finder left unpaired (start, end): from an
    opening mark to the next closing one, or to the paragraph's end when none closes it. The finder
    leaves a quotation longer than it takes for one (a candidate's answer of a whole paragraph) and
    one nesting another with the same marks ('"If you want ... when "your team" needs ..."')."""
    out: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in _MARKS.finditer(paragraph):
        at = offset + mark.start()
        if any(a <= at < b for a, b in quoted):
            continue
        if opened is None and mark.group("open") is not None:
            opened = at
        elif opened is not None and mark.group("close") is not None:
            out.append((opened, at + 1))
            opened = None
    if opened is not None:
        out.append((opened, offset + len(paragraph)))
    return out


def within(stretches: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether start..end lies wholly in one of the stretches: a sentence that begins outside one says
    whose words follow ("Jeff Bechdel, chairman of America Rising, tweeted: "People behind ...")."""
    return any(a <= start and end <= b for a, b in stretches)


def borrowed_spans(articles: Sequence[Article]) -> tuple[Span, ...]:
    """The borrowed stretches of each article, as spans."""
    return tuple(Span(a.id, start, end) for a in articles for start, end in borrowed(a.text))
