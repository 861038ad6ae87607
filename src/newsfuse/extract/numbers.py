"""Numbers in an article with what they count: "about 2,000 North Korean troops" -> 2000, "troops".

Numbers are found by pattern (digits with thousands separators, money, percentages, clock times,
ordinals, spelled-out numbers); the parse then says what each one counts (the noun it modifies) and
what happened to it (the verb it hangs on), so that the claims stage compares like with like.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsfuse.extract.syntax import climb
from newsfuse.models import Article, DateMention, NumberMention, Span
from newsfuse.models.facts import NumberKind
from newsfuse.text.number_words import ORDINALS, WORD_NUMBER, parse_count

CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "gbp": "GBP",
    "yuan": "CNY",
    "yen": "JPY",
    "won": "KRW",
}
SCALE_WORDS = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
TIME_UNITS = {
    "second": "second",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "decade": "year",
    "century": "year",
    "night": "day",
}
MEASURE_UNITS = {
    "km/h": "km/h",
    "km": "km",
    "kilometre": "km",
    "kilometer": "km",
    "metre": "m",
    "meter": "m",
    "mile": "mile",
    "tonne": "t",
    "ton": "t",
    "kg": "kg",
    "kilogram": "kg",
    "mph": "mph",
}
QUALIFIERS = (
    "more than",
    "fewer than",
    "less than",
    "at least",
    "at most",
    "up to",
    "as many as",
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "over",
    "under",
    "just over",
    "just under",
    "an estimated",
    "estimated",
)

_NUMBER = r"\d{1,3}(?:(?:,\d{3})+|(?: \d{3})+(?!\d))(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|mn|m|k)\b)?"
_PATTERNS: tuple[tuple[NumberKind, re.Pattern[str]], ...] = (
    ("time", re.compile(r"\b(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?:\s*(?P<half>[ap]\.?m\.?))?(?![\d])", re.I)),
    ("time", re.compile(r"\b(?P<hour>1[0-2]|0?\d)\s*(?P<half>[ap]\.m\.|[ap]m\b)", re.I)),
    ("time", re.compile(r"\b(?P<hour>[01]?\d|2[0-3])\s?h\b(?:\s?(?P<minute>[0-5]\d))?")),
    ("money", re.compile(rf"(?P<symbol>[$€£¥])\s?(?P<number>{_NUMBER}){_SCALE}", re.I)),
    (
        "money",
        re.compile(
            rf"\b(?P<number>{_NUMBER}){_SCALE}\s*(?P<currency>dollars?|euros?|pounds?|usd|eur|gbp|yuan|yen)\b", re.I
        ),
    ),
    ("percent", re.compile(rf"\b(?P<number>{_NUMBER})\s*(?:%|per\s?cent\b)", re.I)),
    ("ordinal", re.compile(r"\b(?P<number>\d+)(?:st|nd|rd|th)\b")),
    ("cardinal", re.compile(rf"(?<![\w.,:/-])(?P<number>{_NUMBER}){_SCALE}(?:-year-old\b)?(?![\w:])")),
)
_WORD_ORDINAL = re.compile(r"\b(?:" + "|".join(ORDINALS) + r")\b", re.I)
_DURATION_WORDS = re.compile(r"\b(?:a|one)\s+(?P<unit>decade|century)\b", re.I)


def find_numbers(article: Article, doc: Doc, dates: Sequence[DateMention]) -> list[NumberMention]:
    """Every number in the article that is not part of a calendar date."""
    text = article.text
    taken = [(d.span.start, d.span.end) for d in dates if d.kind != "relative"]
    found: list[NumberMention] = []

    def claim(start: int, end: int) -> bool:
        if any(start < e and s < end for s, e in taken):
            return False
        taken.append((start, end))
        return True

    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if not claim(*match.span()):
                continue
            value, unit = _value(kind, match)
            if value is not None:
                found.append(_describe(article.id, doc, text, match.start(), match.end(), value, kind, unit))
    for match in _DURATION_WORDS.finditer(text):
        if claim(*match.span()):
            years = 100.0 if match.group("unit").lower() == "century" else 10.0
            found.append(_describe(article.id, doc, text, match.start(), match.end(), years, "duration", "year"))
    for match in WORD_NUMBER.finditer(text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        value = parse_count(match.group(0))
        if span is None or value is None or not any(t.pos_ == "NUM" for t in span) or not claim(*match.span()):
            continue
        found.append(_describe(article.id, doc, text, match.start(), match.end(), value, "cardinal", None))
    for match in _WORD_ORDINAL.finditer(text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        # "second" the ordinal (an adjective), not the unit of time (a noun).
        if span is None or span.root.pos_ == "NOUN" or not claim(*match.span()):
            continue
        value = float(ORDINALS[match.group(0).lower()])
        found.append(_describe(article.id, doc, text, match.start(), match.end(), value, "ordinal", None))
    return sorted(found, key=lambda n: n.span.start)


def _value(kind: NumberKind, match: re.Match[str]) -> tuple[float | None, str | None]:
    parts = match.groupdict()
    if kind == "time":
        hour = int(parts["hour"])
        minute = int(parts.get("minute") or 0)
        half = (parts.get("half") or "").lower().replace(".", "")
        if half == "pm" and hour < 12:
            hour += 12
        elif half == "am" and hour == 12:
            hour = 0
        return (float(hour * 60 + minute), "minute") if hour < 24 else (None, None)
    number = parse_count(parts["number"].replace(" ", ""))
    if number is None:
        return None, None
    scale = SCALE_WORDS.get((parts.get("scale") or "").lower(), 1.0)
    if kind == "money":
        currency = CURRENCY_SYMBOLS.get(parts.get("symbol") or "") or CURRENCY_WORDS.get(
            (parts.get("currency") or "").lower()
        )
        return number * scale, currency
    if kind == "percent":
        return number, "%"
    if match.group(0).endswith("-year-old"):
        return number, "years old"
    return number * scale, None


def _describe(
    article_id: str, doc: Doc, text: str, start: int, end: int, value: float, kind: NumberKind, unit: str | None
) -> NumberMention:
    span = doc.char_span(start, end, alignment_mode="expand")
    noun: Token | None = None
    context: Token | None = None
    if span is not None and len(span) > 0:
        last = span[-1]
        noun = _counted_noun(last, span.end)
        context = _verb(noun or last)
    noun_text = None
    noun_lemma = None
    if noun is not None:
        first = end
        noun_text = text[first : noun.idx + len(noun.text)].strip(" -") or noun.text  # not doc.text: O(n) a call
        noun_lemma = noun.lemma_.lower()
        base = noun_lemma.rstrip("s") if noun_lemma.endswith("s") and noun_lemma[:-1] in TIME_UNITS else noun_lemma
        if kind == "cardinal" and unit is None and base in TIME_UNITS:
            kind, unit = "duration", TIME_UNITS[base]
            if base == "decade":
                value *= 10
            elif base == "century":
                value *= 100
        elif unit is None and base in MEASURE_UNITS:
            unit = MEASURE_UNITS[base]
    return NumberMention(
        text=text[start:end],
        span=Span(article_id, start, end),
        value=value,
        kind=kind,
        unit=unit,
        noun=noun_text,
        noun_lemma=noun_lemma,
        context=context.lemma_.lower() if context is not None else None,
        qualifier=_qualifier(text, start),
    )


def _counted_noun(token: Token, after: int) -> Token | None:
    """The noun a number counts: its head when it modifies one ("2,000 ... troops"), else the object
    of "of" after it ("three of the workers")."""
    modifies = token.dep_ in {"nummod", "amod", "quantmod", "compound", "npadvmod"}
    if modifies and token.head.pos_ in {"NOUN", "PROPN"} and (token.head.i >= after or token.dep_ != "compound"):
        return token.head
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
            if objects:
                return objects[0]
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is not None and following.pos_ == "NOUN" and following.head.i == token.i:
        return following
    return None


def _verb(token: Token) -> Token | None:
    return next((current for current in climb(token, 6) if current.pos_ == "VERB"), None)


def _qualifier(text: str, start: int) -> str | None:
    before = text[max(0, start - 20) : start].lower().rstrip()
    for qualifier in QUALIFIERS:
        if before.endswith(qualifier) and (len(before) == len(qualifier) or not before[-len(qualifier) - 1].isalpha()):
            return qualifier
    return None
