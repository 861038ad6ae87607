"""Numbers and dates as what they can mean, so that like is compared with like.

Numbers become ranges in a family ("62 000" and "62,000" are one value; "three days" and "72 hours"
meet once durations are in hours; "more than 60,000" is the range above 60,000 and holds 62,000; "11
other crews" joined by one more make 12). Two counts measure the same thing when what they count
(the noun) and what happened to it (the verb) do not differ; verbs news uses interchangeably for one
count (injured, hurt, wounded) are one class. Dates are the ranges of days they can mean, read with
the tense of their sentence: a mention in the future tense, from an article published before the day
it names, is an expectation, not a report.

`text_numbers` reads numbers straight from a sentence for statements that come without the extract
stage's facts (a pair of claims compared on their own).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from newsfuse.extract.events import LIGHT_VERBS
from newsfuse.extract.numbers import EXPECTATION_LEMMAS, MODALS
from newsfuse.models import DateMention, NumberMention, Span
from newsfuse.text.lexicon import STOP_WORDS
from newsfuse.text.number_words import SCALES, WORD_NUMBER, parse_count
from newsfuse.text.words import folded_words, stem

# Hours in each time unit the extract stage writes; months and years at their calendar means.
HOURS = {"second": 1 / 3600, "minute": 1 / 60, "hour": 1.0, "day": 24.0, "week": 168.0, "month": 730.5, "year": 8766.0}
# Qualifiers that bound a value from one side ("more than 60,000" excludes 60,000 itself only in
# pedantry, so bounds are kept inclusive).
LOWER_BOUND = frozenset({"more than", "over", "at least", "just over"})
UPPER_BOUND = frozenset({"fewer than", "less than", "under", "at most", "up to", "as many as", "just under"})
# Qualifiers that say the value is rounded; "nearly"/"almost" say it is rounded up.
APPROXIMATE = frozenset({"about", "around", "roughly", "approximately", "some", "an estimated", "estimated"})
ROUNDED_UP = frozenset({"nearly", "almost"})
# Share of the value an approximate figure may be off by. News rounds to one or two significant
# figures ("about 1,800" for 1,760-1,840, "about 60,000" for 55,000-65,000): 10% covers both
# without letting "about 40" meet 50.
APPROXIMATE_SHARE = 0.1
# Minutes apart at which two clock readings are one moment told twice: a game clock or a page's
# time read a second either side of the minute ("with 7:41 to go", "with 7:42 left" in 31_ecb, an
# odd-numbered ECB+ dev topic). Two minutes apart are two moments ("3:30" and "3:33" a.m. of a call).
CLOCK_SLACK_MINUTES = 1
# Words in a counted noun saying the count leaves out the subject ("joined 11 other crews").
OTHER_WORDS = ("other ", "more ")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number reduced to a family (what can be compared with it) and a closed range of values."""

    family: str
    low: float
    high: float
    value: float  # the written figure in the family's base unit
    others: bool  # the count leaves out its subject ("11 other crews")

    @property
    def exact(self) -> bool:
        return self.low == self.high


def quantity(number: NumberMention) -> Quantity | None:
    """The comparable form of a number, or None for numbers that are labels, not amounts (ordinals,
    "one of the ...")."""
    if number.kind == "ordinal":
        return None
    noun = (number.noun or "").lower()
    if number.value == 1 and noun.startswith("of "):
        return None  # "one of the 26 leaders" is membership; the 26 is counted on its own
    value = number.value
    if number.kind == "duration" and number.unit in HOURS:
        family, value = "duration", value * HOURS[number.unit]
    elif number.kind == "time":
        family = "clock"
    elif number.kind in ("money", "percent"):
        family = f"{number.kind}:{number.unit}"
    elif number.unit:
        family = f"measure:{number.unit}"
    else:
        family = "count"
    low, high = _bounds(value, number.qualifier)
    others = number.kind == "cardinal" and any(noun.startswith(w) for w in OTHER_WORDS)
    return Quantity(family, low, high, value, others)


def _bounds(value: float, qualifier: str | None) -> tuple[float, float]:
    if qualifier in LOWER_BOUND:
        return value, math.inf
    if qualifier in UPPER_BOUND:
        return -math.inf, value
    if qualifier in APPROXIMATE:
        return value * (1 - APPROXIMATE_SHARE), value * (1 + APPROXIMATE_SHARE)
    if qualifier in ROUNDED_UP:
        return value * (1 - APPROXIMATE_SHARE), value
    return value, value


@dataclass(frozen=True, slots=True)
class Agreement:
    """Whether two quantities agree and, when they look different but agree, how."""

    agree: bool
    explanation: str


def compare(a: NumberMention, b: NumberMention) -> Agreement | None:
    """How two numbers of one measure relate; None when they cannot be compared (other families)."""
    qa, qb = quantity(a), quantity(b)
    if qa is None or qb is None or qa.family != qb.family:
        return None
    if _meet(qa.low, qa.high, qb.low, qb.high):
        return Agreement(True, _why_alike(a, b, qa, qb))
    if qa.family == "clock" and abs(qa.value - qb.value) <= CLOCK_SLACK_MINUTES:
        return Agreement(True, f'"{a.text}" and "{b.text}" are one moment, read a minute apart')
    if qa.others != qb.others:
        counted, total = (qa, qb) if qa.others else (qb, qa)
        one_more = (counted.low + 1, counted.high + 1)
        if _meet(*one_more, total.low, total.high):
            few, many = (a, b) if qa.others else (b, a)
            return Agreement(
                True,
                f'"{few.text} {few.noun}" leaves out the one they were joined by: '
                f'{_figure(counted.value)} + 1 = {_figure(counted.value + 1)}, as "{many.text}" says',
            )
    return Agreement(False, f"{_figure(qa.value)} against {_figure(qb.value)}")


def _meet(low_a: float, high_a: float, low_b: float, high_b: float) -> bool:
    return low_a <= high_b and low_b <= high_a


def _why_alike(a: NumberMention, b: NumberMention, qa: Quantity, qb: Quantity) -> str:
    if not (qa.exact and qb.exact):
        ranged = a if not qa.exact else b
        other = b if ranged is a else a
        return f'"{ranged.qualifier} {ranged.text}" is a range that holds {other.text}'
    if a.unit != b.unit and qa.family == "duration":
        return f"{a.text} {a.unit}s and {b.text} {b.unit}s are the same length of time"
    if a.text.strip() != b.text.strip():
        return f'"{a.text}" and "{b.text}" are the same number written differently'
    return "the same figure"


def _figure(value: float) -> str:
    """A value as people write it: 41, 62,000, 1.2."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def figure(number: NumberMention) -> str:
    """The number's value for a conflict side: in the base unit of its family ("41", "62,000 USD"),
    a length of time in the unit the article gave it ("72 hours", "4.5 months")."""
    q = quantity(number)
    if q is None:
        return number.text
    if q.family == "duration" and number.unit:
        # In the article's own unit ("4.5 months", not "3,287.25 hours"): sides that agree in hours
        # are one side, and a reader knows the figure as written.
        return f"{_figure(number.value)} {number.unit}{'' if number.value == 1 else 's'}"
    if q.family == "clock":
        return f"{int(q.value) // 60:02d}:{int(q.value) % 60:02d}"
    if q.family.startswith("money:"):
        return f"{_figure(q.value)} {number.unit}"
    if q.family == "percent":
        return f"{_figure(q.value)}%"
    return _figure(q.value)


# Verbs outlets swap for one another when reporting one count (casualties, displacement, arrests).
# A verb not listed is its own class. This is vocabulary, not tuning: the groups are the synonyms
# style guides list for casualty and emergency reporting.
VERB_CLASSES: tuple[frozenset[str], ...] = (
    frozenset({"injure", "hurt", "wound"}),
    frozenset({"kill", "die"}),
    frozenset({"evacuate", "flee", "displace", "force"}),
    frozenset({"arrest", "detain"}),
    frozenset({"rescue", "save"}),
    frozenset({"shut", "close"}),
    frozenset({"break", "start", "begin", "erupt"}),
)
# Lemmas the parser gives for forms it does not reduce ("injured" as an adjective).
VERB_FORMS = {"injured": "injure", "wounded": "wound", "dead": "die", "killed": "kill"}
# Counted nouns that say only "people", like a count with no noun ("41 were injured").
GENERIC_NOUNS = frozenset({"people", "person"})
# Families whose value says what it is without a noun: a head count of people, a length of time, a
# time of day. Any other amount (money, a share, a distance) needs what it measures named.
SELF_DESCRIBED = frozenset({"count", "duration", "clock"})


@dataclass(frozen=True, slots=True)
class Measured:
    """A number with what it counts, ready to be compared with its like."""

    number: NumberMention
    quantity: Quantity
    noun: str | None
    verb: str | None


def measured(number: NumberMention) -> Measured | None:
    q = quantity(number)
    if q is None:
        return None
    noun = number.noun_lemma or (number.measure.lower() if number.measure else None)
    if noun is not None and (number.noun or "").lower().startswith("of "):
        noun = f"part of {noun}"  # "five of his rebounds" counts some of them, not how many he had
    if q.family == "duration":
        noun = None  # the noun of "three days" is the unit itself
    elif noun is not None and (group := named_group(number.noun)):
        noun = f"{group} {noun}"
    return Measured(number, q, noun, verb_class(number.context) if number.context is not None else None)


def named_group(written: str | None) -> str | None:
    """The name a counted noun is qualified by ("595 Republican delegates", "three American soldiers"):
    the delegates of one party, the soldiers of one country, a part of whatever a bare "delegates" or
    "soldiers" counts, so another measure. Read from the capitals of the words before the noun; a noun
    itself capitalised is a title's capitals ("595 Republican Delegates"), which tell nothing."""
    words = (written or "").split()
    if len(words) < 2 or not words[-1].islower():
        return None
    named = [w for w in words[:-1] if w[:1].isupper()]
    return " ".join(named).lower() or None


def thing(number: NumberMention) -> str | None:
    """What the number counts or is the value of, as the article wrote it ("jobs", "cash value")."""
    if number.noun:
        return number.noun.removeprefix("other ").removeprefix("more ")
    return number.measure


def verb_class(lemma: str) -> str:
    """The lemma's class of verbs reported interchangeably (`VERB_CLASSES`), named by its first member."""
    lemma = VERB_FORMS.get(lemma, lemma)
    for group in VERB_CLASSES:
        if lemma in group:
            return min(group)
    return lemma


def same_measure(a: Measured, b: Measured, same_statement: bool) -> bool:
    """Whether `a` and `b` count the same thing. `same_statement` says their sentences are one
    statement reworded (alike in wording and in what they say happened), which lets a differing verb
    pass ("fought" vs "battled"); without it, "extract the remaining eight boys" and "after bringing
    four boys out" are two counts.

    A forecast, expectation or target is never the same measurement as a reported value, and an
    amount that is not a plain count (money, a share, a measure) must name the same thing on both
    sides: "$1.2 billion" and "$868 million" of one jackpot are its annuity and its cash value."""
    if a.quantity.family != b.quantity.family or a.number.stance != b.number.stance:
        return False
    if a.number.owner and b.number.owner and a.number.owner != b.number.owner:
        return False  # "Echenique grabbed 11 rebounds", "Carter grabbed seven": two players' counts
    if a.number.frame != b.number.frame and a.quantity.family != "clock":
        # "in the first half" and "in the second half"; "this season" and "since Week 11"; "five
        # points during a 15-2 run" and "23 points" (a part of the game against the whole of it). A
        # clock reading names a moment, whatever span its sentence also names.
        return False
    nouns = _nouns_match(a.noun, b.noun)
    if nouns is False or (nouns is None and a.quantity.family not in SELF_DESCRIBED):
        return False
    if a.verb is not None and b.verb is not None and a.verb != b.verb:
        return same_statement and nouns is True
    if a.verb is None and b.verb is None:
        return nouns is True or (same_statement and a.quantity.family != "count")
    # One verb is missing (or both agree): the nouns decide, or the shared verb when a noun is missing.
    return nouns is True or (a.verb is not None and a.verb == b.verb)


def _nouns_match(a: str | None, b: str | None) -> bool | None:
    """True for the same noun, False for different ones, None when neither names more than "people".

    A precise noun against a bare or generic one is a different measure: "five people were injured,
    among them two firefighters" holds two true counts of one verb.
    """
    a = None if a in GENERIC_NOUNS else a
    b = None if b in GENERIC_NOUNS else b
    if a is None and b is None:
        return None
    return a == b


@dataclass(frozen=True, slots=True)
class DateAgreement:
    agree: bool
    explanation: str


def meets(a: DateMention, b: DateMention) -> bool:
    return a.start <= b.end and b.start <= a.end


def is_expectation(mention: DateMention, published: Mapping[str, date]) -> bool:
    """A forecast: future tense, written (when the article's date is known) before the day it names."""
    if mention.tense != "future":
        return False
    written = published.get(mention.span.article_id)
    return written is None or written <= mention.start


def same_deed(a: DateMention, b: DateMention) -> bool:
    """Whether two dates can date one event: they hang on verbs of one class ("acquitted in 1958"
    and "charged in 1957" date two deeds; "died yesterday" and "died on Monday" one; "began modeling
    in 1950" and "her modeling breakthrough began after she divorced in 1947" one beginning). A date
    whose verbs the parse did not find, or that are only light verbs ("took place", "held talks":
    the event is their object), can date anything, and is compared as before."""
    if not _weighty(a.deeds) or not _weighty(b.deeds):
        return True
    return bool({verb_class(d) for d in a.deeds} & {verb_class(d) for d in b.deeds})


def _weighty(deeds: tuple[str, ...]) -> bool:
    return any(d not in LIGHT_VERBS for d in deeds)


def compare_dates(a: DateMention, b: DateMention) -> DateAgreement:
    if meets(a, b):
        return DateAgreement(True, _why_same_day(a, b))
    return DateAgreement(False, f"{a.iso} against {b.iso}")


def _why_same_day(a: DateMention, b: DateMention) -> str:
    if a.granularity != b.granularity or a.kind != b.kind:
        # Explain the mention that needed resolving ("five years ago"), else the wider one.
        if (a.kind in ("relative", "weekday")) != (b.kind in ("relative", "weekday")):
            wide, narrow = (a, b) if a.kind in ("relative", "weekday") else (b, a)
        else:
            wide, narrow = (a, b) if (a.end - a.start) >= (b.end - b.start) else (b, a)
        if wide.kind in ("relative", "weekday") and wide.anchor is not None:
            resolved = f'"{wide.text}", counted from {wide.anchor.isoformat()}, is {wide.iso}'
        else:
            resolved = f'"{wide.text}" is {wide.iso}'
        return f'{resolved}, which holds "{narrow.text}" ({narrow.iso})'
    return f'"{a.text}" and "{b.text}" are the same date ({a.iso})'


# Numbers that are years, not amounts, when written alone as four digits in this range.
YEARS = range(1900, 2100)
# Bare text has no parse: a number is a forecast or target when one of the words of expecting (the
# extract stage's list) or a modal stands among the few words before it ("had expected 75,000",
# "will cut 1,200"). Six words reach across "expected the economy to add 75,000".
EXPECTATION_WINDOW = 6
EXPECTATION_WINDOW_CHARS = 80
_EXPECTATION_STEMS = frozenset(stem(word) for word in EXPECTATION_LEMMAS | {f"{w}ed" for w in EXPECTATION_LEMMAS})

_QUALIFIERS = sorted(LOWER_BOUND | UPPER_BOUND | APPROXIMATE | ROUNDED_UP, key=len, reverse=True)
_NUMBER = re.compile(
    r"(?P<qualifier>\b(?:" + "|".join(re.escape(q) for q in _QUALIFIERS) + r")\s+)?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + WORD_NUMBER.pattern + r")"
    r"(?P<scale>\s+(?:thousand|million|billion|trillion)\b)?"
    r"(?P<percent>\s*(?:%|per\s?cent\b))?"
    r"(?:\s+(?P<noun>[A-Za-z][A-Za-z-]+))?",
    re.I,
)


def text_numbers(text: str, source: str = "text") -> list[NumberMention]:
    found = []
    for match in _NUMBER.finditer(text):
        raw = match.group("number").lower()
        parsed = parse_count(raw)
        if parsed is None or (parsed == 1 and not raw[0].isdigit()):
            continue  # "one" is mostly a pronoun ("one of them") in bare text
        value = parsed
        if value == int(value) and int(value) in YEARS and not match.group("scale") and "," not in raw:
            continue
        if match.group("scale"):
            value *= SCALES[match.group("scale").strip().lower()]
        noun = match.group("noun")
        noun_lemma = stem(noun.lower()) if noun and noun.lower() not in STOP_WORDS else None
        qualifier = (match.group("qualifier") or "").strip().lower() or None
        start = match.start("number")
        before = folded_words(text[max(0, start - EXPECTATION_WINDOW_CHARS) : start])[-EXPECTATION_WINDOW :]
        expected = any(word in MODALS or stem(word) in _EXPECTATION_STEMS for word in before)
        found.append(
            NumberMention(
                text=match.group("number"),
                span=Span(source, start, match.end("number")),
                value=value,
                kind="percent" if match.group("percent") else "cardinal",
                unit="%" if match.group("percent") else None,
                noun=noun if noun_lemma else None,
                noun_lemma=noun_lemma,
                qualifier=qualifier,
                stance="expected" if expected else "reported",
            )
        )
    return found
