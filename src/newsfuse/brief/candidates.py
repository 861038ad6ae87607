"""Candidate sentences for a brief: every well-formed body sentence of every article, with its span."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsfuse.models import Article, Span
from newsfuse.text.sentences import split_sentences
from newsfuse.text.words import word_count

# Sentences shorter than this are fragments or captions; longer ones are run-ons that make poor
# brief lines. Bounds chosen from the seed and sample articles (body sentences run 8-45 words).
MIN_WORDS = 6
MAX_WORDS = 55

# A story's lead: the opening sentence of its first two prose paragraphs (a page may put a
# summary paragraph above the wire story's own lead).
LEAD_PARAGRAPHS = 2
_START_PRONOUN = re.compile(r"^(?P<pronoun>He|She|His|Her)\b")
_DANGLING_START = re.compile(r"^(?:It|They|Their|This|These|That|Those|But|And|Also|However|Meanwhile|Still|So)\b")
# A person's name: two or three capitalised words, optionally with an initial ("J. Mansour").
_NAME = re.compile(r"\b(?:[A-Z]\.\s)?[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+){1,2}\b")
# A sentence opening on one capitalised word and then a lower-case one ("Castellan was ..."): when
# that word is a surname, the person was named in full earlier in the article.
_ONE_WORD_START = re.compile(r"^(?P<word>[A-Z][a-z'’-]+)\s+(?=[a-z])")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A source sentence. `text` may differ from the span's text only by a resolved leading pronoun or surname."""

    article_id: str
    span: Span
    text: str
    article_index: int
    paragraph_index: int
    position: float  # 0 at the article's start, 1 at its end
    is_list_item: bool
    in_lead: bool  # the first sentence of one of the article's first two prose paragraphs
    extra_spans: tuple[Span, ...] = ()  # where a substituted name was found


def collect(articles: Sequence[Article]) -> list[Candidate]:
    out: list[Candidate] = []
    for article_index, article in enumerate(articles):
        length = max(len(article.text), 1)
        previous_text = ""
        prose_rank = 0
        for paragraph_index, paragraph in enumerate(article.paragraphs):
            body = article.text[paragraph.start : paragraph.end]
            for number, sentence in enumerate(split_sentences(body, offset=paragraph.start)):
                in_lead = number == 0 and not paragraph.is_list_item and prose_rank < LEAD_PARAGRAPHS
                candidate = _candidate(
                    article,
                    article_index,
                    paragraph_index,
                    sentence.start,
                    sentence.end,
                    length,
                    previous_text,
                    paragraph.is_list_item,
                    in_lead,
                )
                previous_text = sentence.text
                if candidate is not None:
                    out.append(candidate)
            if not paragraph.is_list_item:
                prose_rank += 1
    return out


def _candidate(
    article: Article,
    article_index: int,
    paragraph_index: int,
    start: int,
    end: int,
    length: int,
    previous: str,
    is_item: bool,
    in_lead: bool,
) -> Candidate | None:
    text = article.text[start:end]
    words = word_count(text)
    if not MIN_WORDS <= words <= MAX_WORDS or text.endswith("?") or not _balanced(text):
        return None
    if _DANGLING_START.match(text):
        return None  # leans on the sentence before it
    extra: tuple[Span, ...] = ()
    pronoun = _START_PRONOUN.match(text)
    if pronoun:
        resolved = _resolve(text, pronoun.group("pronoun"), previous)
        if resolved is None:
            return None
        text, name = resolved
        where = article.text.rfind(name, 0, start)
        extra = (Span(article.id, where, where + len(name)),)
    else:
        surname = _ONE_WORD_START.match(text)
        full = _full_name(article.text, surname.group("word"), start) if surname else None
        if surname and full:
            text = full.group(0) + text[len(surname.group("word")) :]
            extra = (Span(article.id, full.start(), full.end()),)
    return Candidate(
        article_id=article.id,
        span=Span(article.id, start, end),
        text=text,
        article_index=article_index,
        paragraph_index=paragraph_index,
        position=start / length,
        is_list_item=is_item,
        in_lead=in_lead,
        extra_spans=extra,
    )


def _resolve(text: str, pronoun: str, previous: str) -> tuple[str, str] | None:
    """Replace a leading He/She/His/Her with the one person named in the sentence before."""
    names = {match.group(0) for match in _NAME.finditer(previous) if not match.group(0).startswith(("The ", "A "))}
    if len(names) != 1:
        return None
    name = names.pop()
    replacement = name + "’s" if pronoun in ("His", "Her") else name
    return replacement + text[len(pronoun) :], name


def _full_name(text: str, surname: str, before: int) -> re.Match[str] | None:
    """The last full name ending in `surname` ("Noor Castellan") before offset `before`, when the
    surname is a name: written capitalised in mid-sentence somewhere in the text ("said Castellan")."""
    word = re.escape(surname)
    if not re.search(rf"[a-z,] {word}\b", text):
        return None  # "Police said ...": a common word that opens a sentence, not a surname
    found = None
    for match in re.finditer(rf"\b(?:[A-Z]\.\s)?[A-Z][a-z'’-]+\s{word}\b", text[:before]):
        found = match
    return found


def _balanced(text: str) -> bool:
    """Whole quotations only: a sentence cut inside a quote would misquote its speaker."""
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0 and text.count("«") == text.count("»")
