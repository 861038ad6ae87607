"""An opinion piece by its frame: what a publisher prints around a piece of opinion and around no
report (issue 22, round 3).

The narration of a column or an op-ed may argue with few marks a parser sees; its frame says what it
is outright:
- the contributor's tagline, a last paragraph of its own that says who the writer is ("Rick Scott is
  the Republican governor of Florida."). A newspaper prints an outsider's standing because that
  standing is why the piece is printed; its own reporters' taglines ("... is a reporter for ...")
  frame reports, and so do "Follow <name> on Twitter" lines, which wire and web reports carry too;
- a disclaimer that the views are the writer's ("The views expressed are the author's own");
- the page's own label for the piece: a label printed above it ("LETTERS."), its section
  (`<meta property="article:section">`), its schema.org type ("OpinionNewsArticle") or a folder of
  its address ("/opinion/").
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newsfuse.models import Article

# A tagline is short: one or two sentences of who the writer is.
TAGLINE_MAX_CHARS = 320
# How many paragraphs from the end a tagline may stand (a line on where the piece first appeared
# may follow it).
TAGLINE_LAST_PARAGRAPHS = 2

# A person's name: two to four capitalised words, initials allowed ("James M. Danko"), not opened by
# a determiner ("The Endangered Species Coalition is ..."); several writers joined by "and".
_NAME = (
    r"(?!(?:The|A|An|This|That|These|Those|Its|His|Her|Their|Our)\b)[A-Z][\w'’.-]+(?: (?:[A-Z]\.|[A-Z][\w'’-]+)){1,3}"
)
_TAGLINE = re.compile(
    rf"^(?P<names>{_NAME}(?:(?:, | and ){_NAME})*)"
    # an appositive: "Michael Haltzel, former foreign policy advisor to ..., is Senior Fellow at ..."
    r"(?:, [^\"“”]{1,200},)?"
    # a standing, not an act: "is taking over Mr. Bush's role" or "is expected to" tells news
    r" (?:is|are) (?!\w+(?:ing|ed)\b)(?P<role>[^\"“”]{3,240})\.$"
)
# A standing is stated, not explained: "is a 10-5 man (10 years in the Majors ...), meaning he could
# veto any trade" tells a fact of the story about someone in it.
_EXPLAINED = re.compile(r"\(|, (?:meaning|making|so|which)\b")
# The writer is not the paper's own reporter: a staff tagline frames a report.
_STAFF = re.compile(r"\b(?:reporter|correspondent|staff writer|bureau|news editor|covers)\b", re.IGNORECASE)
# A role, the standing the piece is printed for: a post "of"/"at"/"for" somewhere, or a writer's title.
_ROLE = re.compile(
    r"\b(?:of|at|for|in)\b|\b(?:columnist|contributor|author|writer|editor|professor|fellow|commentator)\b",
    re.IGNORECASE,
)
# "The views expressed in this article are those of the author" / "... are the author's own".
_DISCLAIMER = re.compile(
    r"\b(?:views|opinions) expressed\b[^.]{0,120}\b(?:are|is) (?:solely )?"
    r"(?:those of the (?:author|writer)|the (?:author|writer)s?['’]s? own)",
    re.IGNORECASE,
)
# A page's label for a piece of opinion, in its section, type or address.
_LABEL = re.compile(
    r"\b(?:opinions?|commentary|comment is free|editorials?|op-?eds?|columns?|columnists?|letters?|analysis|"
    r"OpinionNewsArticle|AnalysisNewsArticle|ReviewNewsArticle)\b",
    re.IGNORECASE,
)
# A page label printed with the text, the piece's first heading ("LETTERS.").
_HEADING_LABEL = re.compile(
    r"^(?:opinions?|commentary|editorials?|op-?eds?|columns?|letters(?: to the editor)?|(?:news )?analysis)[.:]?$",
    re.IGNORECASE,
)
_PATH_LABEL = re.compile(r"^(?:opinions?|commentary|editorials?|op-?eds?|columns?|columnists?|letters)$", re.IGNORECASE)


def framed_as_opinion(article: Article) -> bool:
    """Whether the piece's frame says it is opinion: a contributor's tagline, a disclaimer of its
    views, or the page's label for it."""
    return _labelled(article) or _disclaims(article) or tagline(article) is not None


def tagline(article: Article) -> str | None:
    """The contributor's tagline among the last paragraphs: a paragraph of its own, short, that says
    in the present who a person is, where the person is the byline's or named nowhere before it in
    the body (a report's last line about someone it quoted names someone it used before)."""
    paragraphs = article.paragraph_texts()
    for index in range(len(paragraphs) - 1, max(len(paragraphs) - 1 - TAGLINE_LAST_PARAGRAPHS, 0), -1):
        text = paragraphs[index].strip()
        match = _TAGLINE.match(text) if len(text) <= TAGLINE_MAX_CHARS else None
        if match is None:
            continue
        role = match["role"]
        if _EXPLAINED.search(role) or _STAFF.search(role) or not _ROLE.search(role):
            continue
        before = "\n".join(paragraphs[:index])
        names = re.split(r", | and ", match["names"])
        if all(_new_name(name, before, article.byline) for name in names):
            return text
    return None


def _new_name(name: str, before: str, byline: str | None) -> bool:
    surname = name.split()[-1]
    if byline and surname.lower() in byline.lower():
        return True
    return re.search(rf"\b{re.escape(surname)}\b", before) is None


def _disclaims(article: Article) -> bool:
    return _DISCLAIMER.search(article.text) is not None


def _labelled(article: Article) -> bool:
    """The page's own label: its section or schema.org type (`Article.genre`), a label printed as
    the piece's first heading, or a folder of its address."""
    if article.genre and _LABEL.search(article.genre):
        return True
    if article.headings and _HEADING_LABEL.match(article.headings[0].strip()):
        return True
    if article.url:
        folders = urlsplit(article.url).path.strip("/").split("/")[:-1]
        return any(_PATH_LABEL.match(folder) for folder in folders)
    return False
