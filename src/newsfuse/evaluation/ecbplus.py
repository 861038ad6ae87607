"""The one reader of ECB+ documents: tokens put back into text, with each token's place in it, and
the markables annotated over the tokens.

An ECB+ file is a list of `<token t_id= sentence=>` elements followed by `<Markables>`, each a tag
(`ACTION_OCCURRENCE`, `TIME_DATE`, ...) holding `<token_anchor t_id=>` children; a markable with no
anchor is a cross-document instance, not a mention. Sentences become paragraphs; sentence 0 of an
`ecbplus` document is its source URL and is dropped when asked.
"""

from __future__ import annotations

import bisect
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from newsfuse.errors import EvaluationDataError

# Tokens written without a space before them (closing punctuation, clitics) or after them (openers).
_NO_SPACE_BEFORE = frozenset(
    {",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "''", "’", "”"}
)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "“", "‘"})
# ECB+'s tokeniser also split inside written words: "3:30" into 3 : 30, "p.m." and "U.S." into
# letters and full stops, "35,000" into 35 , 000, "4.5" into 4 . 5, and "team’s"/"didn’t" at the
# apostrophe. Joined with spaces these read "3: 30 p. m.", "U. S.", "£35, 000", "team’ s", which the
# parser and the date patterns take for separate words (issue 22e: "wildcard game at 3", a speaker
# read as "33 a. m. from someone"). Such a separator is glued to the token after it when the tokens
# around it can only have been one word: digits on both sides of ":" or "."; a thousands group
# (1-3 digits, then exactly 3) around ","; single letters around "." (an abbreviation's letters);
# an apostrophe before an English clitic. Hyphens are left spaced: about one single "-" in five
# between two words in ECB+ is a dash ("doomed - even before jury selection"), which no token tells.
_CLITICS_AFTER_APOSTROPHE = frozenset({"s", "t", "re", "ve", "ll", "d", "m"})
_APOSTROPHES = frozenset({"’", "'"})
_THOUSANDS_HEAD = re.compile(r"\d{1,3}")
_THOUSANDS_GROUP = re.compile(r"\d{3}")
_LATEX_QUOTES = re.compile(r"``|''")
_QUOTE_MARKS = {"``": "“", "''": "”"}


@dataclass(frozen=True, slots=True)
class Token:
    sentence: int
    start: int  # characters into the document's text
    end: int


@dataclass(frozen=True, slots=True)
class Markable:
    """One annotated mention: its tag and the ids of the tokens it covers, in document order."""

    tag: str
    token_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EcbDocument:
    name: str
    text: str
    tokens: dict[str, Token]  # by t_id; tokens of a dropped URL sentence are absent
    markables: tuple[Markable, ...]

    def span(self, markable: Markable) -> tuple[int, int] | None:
        """Characters from the markable's first token to its last; None when a token is not in the text."""
        placed = [self.tokens[t] for t in markable.token_ids if t in self.tokens]
        if not placed or len(placed) < len(markable.token_ids):
            return None
        return min(t.start for t in placed), max(t.end for t in placed)


def read_ecbplus(path: Path, *, drop_url: bool) -> EcbDocument:
    """One ECB+ document; raises EvaluationDataError naming the file when it is not ECB+ XML."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise EvaluationDataError(f"{path}: not an ECB+ document ({exc})") from None
    sentences: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for token in root.iter("token"):
        sentence = token.get("sentence")
        if sentence is not None and sentence.isdigit():
            sentences[int(sentence)].append((token.get("t_id") or "", token.text or ""))
    numbers = sorted(sentences)
    if drop_url:
        numbers = [n for n in numbers if n != 0]
    parts: list[str] = []
    tokens: dict[str, Token] = {}
    length = 0
    for index, number in enumerate(numbers):
        if index:
            parts.append("\n\n")
            length += 2
        for (t_id, start, end), chunk in _detokenise(sentences[number], length):
            tokens[t_id] = Token(number, start, end)
            parts.append(chunk)
            length += len(chunk)
    markables: list[Markable] = []
    section = root.find("Markables")
    for element in section if section is not None else ():
        anchors = tuple(a.get("t_id") or "" for a in element.findall("token_anchor"))
        if anchors:
            markables.append(Markable(element.tag, anchors))
    text, moved = _quotes_written("".join(parts))
    placed = {t_id: Token(t.sentence, moved(t.start), moved(t.end)) for t_id, t in tokens.items()}
    return EcbDocument(path.stem, text, placed, tuple(markables))


def _quotes_written(raw: str) -> tuple[str, Callable[[int], int]]:
    """The tokeniser's LaTeX-style quotes written as the page wrote them, and where each character
    of `raw` went (each pair of marks becomes one). Pairs are read left to right across tokens."""
    shrunk_before: list[int] = []  # the ends of replaced pairs, in order
    for match in _LATEX_QUOTES.finditer(raw):
        shrunk_before.append(match.end())
    text = _LATEX_QUOTES.sub(lambda m: _QUOTE_MARKS[m.group()], raw)

    def moved(position: int) -> int:
        return position - bisect.bisect_right(shrunk_before, position)

    return text, moved


def _detokenise(tokens: list[tuple[str, str]], offset: int) -> list[tuple[tuple[str, int, int], str]]:
    """Each token's id and place, with the text written before and for it (a space, then the token)."""
    words = [word for _, word in tokens]
    out: list[tuple[tuple[str, int, int], str]] = []
    previous: str | None = None
    position = offset
    for index, (t_id, word) in enumerate(tokens):
        space = (
            previous is not None
            and word not in _NO_SPACE_BEFORE
            and previous not in _NO_SPACE_AFTER
            and not _split_word(words, index)
        )
        start = position + space
        out.append(((t_id, start, start + len(word)), " " * space + word))
        position = start + len(word)
        previous = word
    return out


def _split_word(tokens: list[str], index: int) -> bool:
    """Whether tokens[index] continues a word the ECB+ tokeniser split at the separator before it."""
    if index < 2:
        return False
    before, separator, token = tokens[index - 2], tokens[index - 1], tokens[index]
    if separator in (":", "."):
        if before.isdigit() and token.isdigit():
            return True
        if separator == "." and _letter(before) and _letter(token):
            return True
    if separator == ",":
        return _THOUSANDS_HEAD.fullmatch(before) is not None and _THOUSANDS_GROUP.fullmatch(token) is not None
    return separator in _APOSTROPHES and before.isalpha() and token.lower() in _CLITICS_AFTER_APOSTROPHE


def _letter(token: str) -> bool:
    return len(token) == 1 and token.isalpha()
