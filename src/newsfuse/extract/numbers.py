"""Numbers in an article with what they count: "about 2,000 North Korean troops" -> 2000, "troops".

Numbers are found by pattern (digits with thousands separators, money, percentages, clock times,
ordinals, spelled-out numbers); the parse then says what each one counts (the noun it modifies) and
what happened to it (the verb it hangs on), so that the claims stage compares like with like.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from newsfuse.extract.figures import frame, holder, measured_as
from newsfuse.extract.syntax import climb
from newsfuse.models import Article, DateMention, NumberMention, Span
from newsfuse.models.facts import NumberKind, NumberStance
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

# Lemmas that make a number in their clause a forecast, expectation, estimate or target, not a report:
# the verbs and nouns of expecting and planning, a closed class of English, and the modal auxiliaries
# of what would or will be. Found on the path from the number up its dependency heads.
EXPECTATION_LEMMAS = frozenset(
    {
        "expect",
        "expectation",
        "forecast",
        "forecaster",
        "predict",
        "prediction",
        "project",
        "projection",
        "anticipate",
        "estimate",
        "target",
        "goal",
        "aim",
        "plan",
        "hope",
        "consensus",
        "survey",
    }
)
# Verbs that state what a goal requires when an infinitive of purpose follows ("It takes 1,237
# delegates to win the nomination", "needing 11 points to break the record"): the figure is a
# threshold, a target, not a count of what happened. "take" only in the present tense: "It took 12
# crews to contain the fire" reports what was done.
REQUIREMENT_LEMMAS = frozenset({"take", "need", "require"})
# Conjunctions that set a coordinated clause against its neighbour: the climb stops there.
CONTRASTS = frozenset({"but", "yet", "while", "whereas", "though", "although"})
MODALS = frozenset({"will", "would", "could", "may", "might", "should", "shall"})
# Dependency heads climbed from a number when looking for what makes it an expectation: the number,
# its noun, the noun's verb and its governor ("expected the economy to add 75,000 jobs"), through a preposition
# and a coordinated noun ("looking for 845,000 new jobs and a headline unemployment rate of 5.7%").
EXPECTATION_REACH = 7
# Words after a length of time that make it a distance from a moment, placing an event ("moved there
# four years ago", "takes effect nine days before the inauguration"), not how long something lasted.
# "before"/"after" a gerund ("spent four seasons ... before being promoted") leave it a length.
_OFFSET = re.compile(r"\s+(?:ago|earlier|later|from now|(?:before|after)\s+(?![a-z]+ing\b))\b", re.I)
# The words of a measurement's precision: "a margin of error of 3 percentage points", "the margin of
# sampling error is 4 points", "plus or minus 5.7". A margin belongs to the poll or survey it qualifies,
# not to the event, and each article's "the poll" may be its own, so it is no figure of the story.
_PLUS_OR_MINUS = re.compile(r"(?:plus\s+or\s+minus|\+/-|±)\s*$", re.I)
# Prepositions that tie an amount to what it is the value of: "a cash value of $868 million", "the
# rate rose to 3.7%", "the toll stood at 41".
MEASURE_PREPOSITIONS = frozenset({"of", "to", "at"})

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
    # A whole number and a fraction, one amount: "4 1/2 months", "4-1/2-month" (before the plain
    # count, which would read the "2" of "1/2" alone), "4½".
    (
        "cardinal",
        re.compile(
            r"(?<![\w.,:/-])(?P<number>\d+)(?:(?:\s*-\s*|\s+)(?P<numerator>[13])\s*/\s*(?P<denominator>[24])"
            r"|(?P<vulgar>[½¼¾]))(?![\w/]|\s*/\s*\d)"
        ),
    ),
    # Not a number joined to the next by a hyphen: "36-3", "65-53" are a record, a score, a range.
    # An age: "38-year-old", also written "38 year old" or spaced out "38 - year - old".
    (
        "cardinal",
        # Nor a number beside a slash and a number ("41 / 2", a fraction whose space was lost; "24/7"),
        # nor one glued to an unreadable character ("4\ufffd months", a fraction the page lost).
        re.compile(
            rf"(?<![\w.,:/-])(?<!/\s)(?P<number>{_NUMBER}){_SCALE}(?P<age>\s?-?\s?years?\s?-?\s?old\b)?"
            r"(?![\w:\ufffd]|-\d|\s?/\s?\d)"
        ),
    ),
)
# A telephone number: a trunk 0 and more groups of digits ("0845 125 2222", "0800 555111"), a
# +country code and groups ("+44 20 7946 0958"), or the North American form ("(555) 123-4567").
_PHONE = re.compile(
    r"(?<![\w.,])(?:\+\d{1,3}[\s.-]?\d{1,4}(?:[\s.-]\d{2,4}){2,}|0\d{2,4}(?:[\s.-]\d{3,}){1,2})(?![\w.,]\d)"
    r"|(?<![\w.,])\(?\d{3}\)?[\s.-]\d{3}-\d{4}\b"
)
# A street address as police and court reports give it: "in the 12000 block of East 223rd Street"
# (16_ecbplus, an even-numbered ECB+ dev topic, set "12000" against "12500" block: two addresses).
_BLOCK_ADDRESS = re.compile(r"\b\d[\d,]*\s+block\s+of\b", re.I)
_VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.I)
_WORD_ORDINAL = re.compile(r"\b(?:" + "|".join(ORDINALS) + r")\b", re.I)
_DURATION_WORDS = re.compile(r"\b(?:a|one)\s+(?P<unit>decade|century)\b", re.I)


def find_numbers(article: Article, doc: Doc, dates: Sequence[DateMention]) -> list[NumberMention]:
    """Every number in the article that is not part of a calendar date."""
    text = article.text
    taken = [(d.span.start, d.span.end) for d in dates if d.kind != "relative"]
    taken += [m.span() for m in _PHONE.finditer(text)]  # "call 0845 125 2222": an identifier, not amounts
    taken += [m.span() for m in _BLOCK_ADDRESS.finditer(text)]  # "the 12000 block of": an address
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
        mention = _describe(article.id, doc, text, match.start(), match.end(), value, "cardinal", None)
        half = _AND_A_HALF.match(text, match.end())
        if half and claim(*half.span()):
            # "four and a half months": one amount, 4.5 (what it counts is read from "four").
            whole = replace(mention.span, end=half.end())
            mention = replace(mention, text=text[match.start() : half.end()], span=whole, value=value + 0.5)
        found.append(mention)
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
    if parts.get("age"):
        return number, "years old"
    if parts.get("numerator"):
        number += int(parts["numerator"]) / int(parts["denominator"])
    elif parts.get("vulgar"):
        number += _VULGAR_FRACTIONS[parts["vulgar"]]
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
    measure = None
    stance: NumberStance = "reported"
    if span is not None and len(span) > 0:
        if noun is None and kind in ("money", "percent"):
            measure = _measured_thing(span[-1])
        if _margin(text, start, noun or span[-1]):
            stance = "margin"
        elif _expected(noun or span[-1]):
            stance = "expected"
        elif _starting_value(text, start):
            stance = "earlier"
        if noun is None and kind == "cardinal" and unit is None and _appositive(span[-1]):
            unit = "years old"  # "Dr. Benjamin, 52, became ...": an age, not a count
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
        if kind == "duration" and stance == "reported" and _OFFSET.match(text, noun.idx + len(noun.text)):
            stance = "offset"
        noun_lemma = measured_as(noun, noun_lemma, text)
    owner, unnamed = holder(doc, context, noun)
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
        measure=measure,
        stance=stance,
        verb=_told_verb(noun, context),
        owner=owner,
        owner_unnamed=unnamed,
        frame=frame(span[-1], context) if span is not None and len(span) > 0 else None,
    )


def _counted_noun(token: Token, after: int) -> Token | None:
    """The noun a number counts: its head when it modifies one ("2,000 ... troops"), else the object
    of "of" after it ("three of the workers")."""
    modifies = token.dep_ in {"nummod", "amod", "quantmod", "compound", "npadvmod"}
    if modifies and token.head.pos_ in {"NOUN", "PROPN"} and (token.head.i >= after or token.dep_ != "compound"):
        return _modified(token.head)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
            if objects:
                return objects[0]
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is not None and following.pos_ == "NOUN" and following.head.i == token.i:
        return following
    return None


def _modified(noun: Token) -> Token:
    """What a compound modifier made of a noun and a past participle qualifies ("one rocket propelled
    grenade launcher", "a state owned bank" written without their hyphens): the noun after the
    participle is what is counted. Read from the words, since the parser takes the participle for the
    verb of a clause. A clause has a determiner before a singular object ("a rocket propelled the
    car") and a participle after a plural is a reduced relative ("two men killed yesterday"), so only
    a singular noun, a participle in -ed and a bare singular or plural common noun after it qualify."""
    doc = noun.doc
    if noun.tag_ != "NN" or noun.i + 2 >= len(doc):
        return noun
    participle, after = doc[noun.i + 1], doc[noun.i + 2]
    adjacent = after.idx == participle.idx + len(participle.text) + 1  # one space: no comma, no hyphen
    bare = after.tag_ in ("NN", "NNS") and not after.ent_type_ and adjacent
    if participle.tag_ in ("VBN", "VBD") and participle.lower_.endswith("ed") and bare:
        return after
    return noun


def _measured_thing(token: Token) -> str | None:
    """What an amount with no counted noun is the value of: the noun it is tied to by a preposition
    ("a cash value of $868 million", "rose to 3.7%" said of "the unemployment rate") or the subject of
    the copula it completes ("the jackpot is $1.2 billion"), with the words that modify that noun."""
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in MEASURE_PREPOSITIONS:
        governor = head.head
        if governor.pos_ in ("NOUN", "PROPN") and governor.i != head.i:
            return _noun_phrase(governor)
        if governor.pos_ in ("VERB", "AUX"):
            return _subject_phrase(governor)
    if token.dep_ == "attr" and head.pos_ in ("VERB", "AUX") and head.lemma_ == "be":
        return _subject_phrase(head)
    return None


def _subject_phrase(verb: Token) -> str | None:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
    return _noun_phrase(subject) if subject is not None else None


def _noun_phrase(noun: Token) -> str:
    """The noun with the compound and adjective words just before it ("unemployment rate", "cash value")."""
    words = [c for c in noun.lefts if c.dep_ in ("compound", "amod") and c.i >= noun.i - 3]
    return " ".join([*(w.text for w in words), noun.text])


def _expected(token: Token) -> bool:
    """Whether a forecast, expectation, estimate or target governs the number, or a modal ("will add")."""
    for current in climb(token, EXPECTATION_REACH):
        if current.lemma_.lower() in EXPECTATION_LEMMAS:
            return True
        if current.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in MODALS for c in current.children):
            return True
        if current.lemma_.lower() == "look" and any(c.lower_ == "for" for c in current.children):
            return True  # "had been looking for 845,000 new jobs"
        if _requirement(current):
            return True
        if current.dep_ == "parataxis" or (current.dep_ == "conj" and _contrasted(current)):
            break  # a clause set against its neighbour states its own fact ("expected 75,000, but added 128,000")
    return False


def _margin(text: str, start: int, token: Token) -> bool:
    """Whether the figure is a margin of error: "plus or minus" before it, or an "error" on its way up
    to its verb ("a margin of error of 3 points") or in that verb's subject ("the margin of error is
    4 points")."""
    if _PLUS_OR_MINUS.search(text[max(0, start - 20) : start]):
        return True
    for current in climb(token, EXPECTATION_REACH):
        if _error_margin(current):
            return True
        if current.pos_ in ("VERB", "AUX"):
            subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
            return any(_error_margin(t) for s in subjects for t in s.subtree)
    return False


def _error_margin(token: Token) -> bool:
    """A "margin" of "error", or a "sampling error": not any error ("committed two errors")."""
    lemma = token.lemma_.lower()
    if lemma == "margin":
        return any(g.lemma_.lower() == "error" for c in token.children if c.lower_ == "of" for g in c.children)
    return lemma == "error" and any(c.dep_ == "compound" and c.lower_ == "sampling" for c in token.children)


def _requirement(verb: Token) -> bool:
    """A verb of need with an infinitive of purpose: "It takes 2,383 delegates to win", "needed 11
    points to break the record" (the parser may hang the infinitive on the object)."""
    lemma = verb.lemma_.lower()
    if lemma not in REQUIREMENT_LEMMAS or (lemma == "take" and verb.tag_ not in ("VBZ", "VBP")):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(
        c.dep_ in ("xcomp", "advcl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in (*verb.children, *(g for o in objects for g in o.children))
    )


def _contrasted(conjunct: Token) -> bool:
    """Whether a coordinated word is joined by a contrast ("but", "yet", "while") rather than "and"."""
    head = conjunct.head
    joining = [c for c in head.children if c.dep_ == "cc" and head.i < c.i < conjunct.i]
    joining += [c for c in conjunct.children if c.dep_ == "cc"]
    return any(c.lower_ in CONTRASTS for c in joining) or not joining


def _appositive(token: Token) -> bool:
    """A bare number set beside a name or a noun between commas ("Hiller, 43,", "two half-brothers,
    17 and 22,"): news writes ages so."""
    if token.dep_ == "conj":
        token = token.head
    return token.dep_ == "appos" and token.head.pos_ in ("PROPN", "NOUN")


def _starting_value(text: str, start: int) -> bool:
    """The value a change started from ("dropped to 3.5% from 3.7%", "raise the age from 18 to 21"):
    an earlier reading of the figure, not a claim about it now. Read from the words, since the parser
    hangs "from 18 to 21" on either number."""
    before = text[max(0, start - 6) : start].lower().split()
    return bool(before) and before[-1] == "from"


def _verb(token: Token) -> Token | None:
    return next((current for current in climb(token, 6) if current.pos_ == "VERB"), None)


def _told_verb(noun: Token | None, context: Token | None) -> str | None:
    """The verb a reader is told the counted things did or underwent: the counted noun's own relative
    clause ("500,000 Americans who have died") before the clause the number sits in ("held a moment of
    silence for ...")."""
    own = next((c for c in noun.children if c.dep_ == "relcl" and c.pos_ in ("VERB", "AUX")), None) if noun else None
    told = own if own is not None and own.lemma_ not in ("be", "have") else context
    return told.text.lower() if told is not None else None


def _qualifier(text: str, start: int) -> str | None:
    before = text[max(0, start - 20) : start].lower().rstrip()
    before = re.sub(r"\s+an?$", "", before)  # "more than a hundred", "about a dozen"
    for qualifier in QUALIFIERS:
        if before.endswith(qualifier) and (len(before) == len(qualifier) or not before[-len(qualifier) - 1].isalpha()):
            return qualifier
    return None
