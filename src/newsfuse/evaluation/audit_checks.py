"""Score one brief against what a careful reader expects of its story (evaluation/audit/*.json).

Each check reads what a reader sees (the key people with their shown roles, the timeline, the
quotes with their speakers, the open disagreements, the quick read and the body sentences) and
says, item by item, whether it is right and why not. The expectations were written by reading the
articles; they name people, roles, ISO dates and single keywords, never article text.

Misleading sentences are found mechanically, by what the issue's editor saw: a headline repeated
as a body sentence, page clutter (a caption, a photo credit, a dateline, scraped link text, a
sentence ending on a colon, glued words), a cut that dropped words restricting the claim, a
substituted name that is not the person the pronoun stood for, a quotation cut open, and a
disputed claim stated as fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from rouge_score.tokenizers import DefaultTokenizer

from newsfuse.brief.verify import check_sentence
from newsfuse.models import Article
from newsfuse.models.brief import Brief, CitedSentence
from newsfuse.models.claims import Conflict
from newsfuse.models.facts import TimelineEntry
from newsfuse.render.brief import person_roles
from newsfuse.text.sentences import split_sentences

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# Words that open a name but are not part of it ("Mr Trump", "Gov. Andrew Cuomo").
_HONORIFICS = frozenset("mr mrs ms miss dr sir gov sen rep president sgt gen".split())
# Words of a role that say nothing of it on their own ("former", "the").
_ROLE_FILLER = frozenset("the a an of and former then current new top chief his her their its".split())
_SUFFIXES = frozenset("jr sr ii iii iv".split())
# ROUGE's own tokenizer and Porter stemmer: lower case, split at anything but letters and digits.
_STEMMING = DefaultTokenizer(use_stemmer=True)

# Clutter a reader would never take for reporting: photo lines, credits, datelines, link text.
_CLUTTER = re.compile(
    r"\b(?:file\s+photo|photo\s*(?:by|credit|courtesy)|\(photo|getty\s+images|ap\s+photo|reuters\s*/|"
    r"click\s+here|read\s+more|sign\s+up|subscribe\s+(?:now|to)|advertisement|related\s*:|watch\s*:)|>>|<<",
    re.IGNORECASE,
)
# A picture's label before a colon ("Map of Iran highlighting epicenter of earthquake: A tremor ..."):
# a caption, whatever sentence follows it.
_FIGURE_LABEL = re.compile(
    r"^(?:a\s+|the\s+)?(?:map|photo|picture|image|graphic|chart|diagram|video|satellite\s+image)\b[^:.!?]{0,100}:\s",
    re.IGNORECASE,
)
# A point inside a sentence, and what may follow it there: a number's, before more digits ("magnitude
# 5. 9", "9. 25 a. m."); a lower-case letter's, before a digit or a lower-case word ("a. m.", "a. 357
# Magnum"); a title's, before a name ("Det. Colin Orpe"). A line that ends on one, or starts right
# after one, is a piece of a sentence split at the wrong point.
_INNER_POINTS = (
    (re.compile(r"\d\.$"), re.compile(r"^\d")),
    (re.compile(r"\b[a-z]\.$"), re.compile(r"^[\da-z]")),
    (re.compile(r"\b(?:Det|Dist|Atty|Dep|Insp|Supt|Cpl)\.$"), re.compile(r"^[A-Z]")),
    # A clock time's "a. m." before the day it belongs to ("around 10 a. m. Monday, he looked ...").
    (re.compile(r"\b[ap]\.\s?m\.$"), re.compile(r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")),
)
# Words glued together by a scraper ("asWinnipeg"): a function word run into a capitalised one.
_GLUED = re.compile(r"\b(?:as|at|in|on|of|the|and|to|by|for|from|with|known)[A-Z][a-z]+")
# What a cut may drop: the attribution ("…, officials said.", "according to X") or a parenthesis.
_ATTRIBUTION_TAIL = re.compile(
    r"^[\s,;:—–-]*(?:(?:according\s+to|as\s+reported\s+by|reports?|said|says|told|reported)\b[^.!?]*"
    r"|[^,.;]{0,80}\b(?:said|says|told|reported|reports|added|announced|confirmed|wrote|tweeted|stated)\b[^,.;]{0,60}"
    r"|\([^()]*\))[\s.!]*$",
    re.IGNORECASE,
)
_ATTRIBUTION_HEAD = re.compile(
    r"^(?:according\s+to\s+[^,]+|[^,]{0,80}\b(?:said|says|told|reported|reports|added|announced|confirmed|wrote)"
    r"(?:\s+that)?|\([^()]*\))[\s,:—–-]*$",
    re.IGNORECASE,
)
# Page furniture before a sentence, which a cut may drop: a dateline ("WASHINGTON –", "BEIJING
# (AP) —"), a credit in parentheses, a newsletter label ("The big picture:").
_FURNITURE_HEAD = re.compile(
    r"^(?:[A-Z][A-Z.,'’ ]*(?:\([A-Za-z .]+\))?\s*(?:[—–]|--|>>)|\([^()]*\)|(?:\S+\s+){0,3}\S+:)$"
)
_ATTRIBUTED = re.compile(
    r"\b(?:said|says|told|reported|reports|according\s+to|claimed|alleged|wrote|tweeted)\b", re.IGNORECASE
)
_PRONOUN_GENDER = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f"}


def stems(text: str | Iterable[str]) -> set[str]:
    """Porter stems of a text's words (or of each of several texts), lower case."""
    texts = [text] if isinstance(text, str) else list(text)
    return {w for t in texts for w in _STEMMING.tokenize(t) if len(w) > 1}


def name_tokens(name: str) -> tuple[str, ...]:
    words = [w.lower().replace("’", "'") for w in _WORD.findall(name.replace(".", " "))]
    while words and words[0] in _HONORIFICS and len(words) > 1:
        words = words[1:]
    if words and words[-1] in ("s", "'s"):
        words = words[:-1]
    return tuple(w.removesuffix("'s").removesuffix("’s") for w in words)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    forms: tuple[tuple[str, ...], ...]  # the name and each alias, as name tokens
    gender: str | None
    roles: frozenset[str]  # stems of the accepted role words


@dataclass(frozen=True, slots=True)
class Expectation:
    """A careful reader's notes on one story (one entry of an audit file)."""

    id: str
    split: str
    people: tuple[Person, ...]
    main_who: tuple[str, ...]
    main_what: frozenset[str]
    dates: tuple[tuple[str, frozenset[str]], ...]
    quotes: tuple[tuple[tuple[str, ...], frozenset[str]], ...]
    disagreements: tuple[tuple[str, frozenset[str], frozenset[str]], ...]
    documents: tuple[str, ...] = ()

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Expectation:
        people = tuple(
            Person(
                p["name"],
                tuple(name_tokens(n) for n in (p["name"], *p.get("aliases", ()))),
                p.get("gender"),
                frozenset(stems(r for r in p.get("roles", ())) - _ROLE_FILLER),
            )
            for p in record.get("people", ())
        )
        main = record.get("main_event", {})
        return cls(
            id=str(record["id"]),
            split=str(record["split"]),
            people=people,
            main_who=tuple(main.get("who", ())),
            main_what=frozenset(stems(main.get("what", ()))),
            dates=tuple((d["date"], frozenset(stems(d["what"]))) for d in record.get("dates", ())),
            quotes=tuple((tuple(q["speakers"]), frozenset(stems(q["about"]))) for q in record.get("quotes", ())),
            disagreements=tuple(
                (d["kind"], frozenset(stems(d["about"])), frozenset(_value_key(v) for v in d.get("values", ())))
                for d in record.get("disagreements", ())
            ),
            documents=tuple(record.get("documents", ())),
        )

    def person(self, name: str) -> tuple[Person | None, str]:
        """The one expected person `name` refers to, or None and why not."""
        tokens = name_tokens(name)
        if not tokens:
            return None, "no name"
        exact = [p for p in self.people if tokens in p.forms]
        if len(exact) == 1:
            return exact[0], ""
        within = [p for p in self.people if any(_shortens(tokens, form) for form in p.forms)]
        if len(within) == 1:
            return within[0], ""
        if within:
            return None, f"ambiguous between {', '.join(p.name for p in within)}"
        return None, "not a person of this story"


def _shortens(tokens: tuple[str, ...], form: tuple[str, ...]) -> bool:
    """`tokens` name the person of `form` with middle names, initials or a suffix left out
    ("Mark Heller" for "Mark Jay Heller", "Andrew Cuomo" for "Andrew M. Cuomo"), or by surname."""
    core = tuple(t for t in form if t not in _SUFFIXES)
    if not core or not set(tokens) <= set(form):
        return False
    if len(tokens) == 1:
        return tokens[0] == core[-1]
    return tokens[0] == core[0] and core[-1] in tokens


@dataclass(frozen=True, slots=True)
class Verdict:
    """One item a reader sees, and whether it is right (`why` says what is wrong)."""

    kind: str  # person, date, speaker, sentence, alarm, main_event
    text: str
    right: bool
    why: str = ""
    section: str = ""


@dataclass(frozen=True, slots=True)
class StoryScore:
    story: str
    split: str
    verdicts: tuple[Verdict, ...] = field(default=())

    def of(self, kind: str, sections: frozenset[str] | None = None) -> list[Verdict]:
        return [v for v in self.verdicts if v.kind == kind and (sections is None or v.section in sections)]


def score_brief(brief: Brief, expected: Expectation, titles: Sequence[str]) -> StoryScore:
    """Every verdict on one brief. `titles` are the story's headline lines as the sources print them."""
    verdicts: list[Verdict] = []
    verdicts += people_verdicts(brief, expected)
    verdicts += [timeline_verdict(entry, expected) for entry in brief.timeline]
    verdicts += speaker_verdicts(brief, expected)
    verdicts += sentence_verdicts(brief, expected, titles)
    verdicts += alarm_verdicts(brief, expected)
    verdicts.append(main_event_verdict(brief, expected))
    return StoryScore(expected.id, expected.split, tuple(verdicts))


def people_verdicts(brief: Brief, expected: Expectation) -> list[Verdict]:
    out: list[Verdict] = []
    seen: set[str] = set()
    for entity in brief.people:
        roles = person_roles(entity)
        shown = entity.name + (f" — {', '.join(roles)}" if roles else "")
        person, why = expected.person(entity.name)
        if person is None:
            out.append(Verdict("person", shown, False, why))
            continue
        if person.name in seen:
            out.append(Verdict("person", shown, False, f"{person.name} listed twice"))
            continue
        seen.add(person.name)
        wrong = [r for r in roles if not (stems(r) - _ROLE_FILLER) & person.roles]
        out.append(Verdict("person", shown, not wrong, f"role {wrong[0]!r} is not {person.name}'s" if wrong else ""))
    return out


def entry_iso(entry: TimelineEntry) -> str:
    if entry.granularity == "day":
        return entry.date.isoformat()
    if entry.granularity == "month":
        return entry.date.isoformat()[:7]
    if entry.granularity == "year":
        return str(entry.date.year)
    return f"{entry.date.isoformat()}/{entry.end.isoformat()}"


def timeline_verdict(entry: TimelineEntry, expected: Expectation) -> Verdict:
    iso = entry_iso(entry)
    shown = f"{iso} {entry.event}"
    # An entry dated by its month or year is right for an event the story reports on a day within it
    # ("last month" of an April report: March 2007, the verdict of March 20).
    within = entry.granularity in {"month", "year"}
    on_day = [what for date, what in expected.dates if date == iso or (within and date.startswith(iso + "-"))]
    if not on_day:
        return Verdict("date", shown, False, f"nothing the story reports happened on {iso}")
    if not any(stems(entry.event) & what for what in on_day):
        return Verdict("date", shown, False, f"not what happened on {iso}")
    return Verdict("date", shown, True)


def speaker_verdicts(brief: Brief, expected: Expectation) -> list[Verdict]:
    out: list[Verdict] = []
    for quote in brief.quotes:
        shown = f"“{quote.text[:70]}” — {quote.speaker or 'unattributed'}"
        if not quote.speaker:
            continue  # an unattributed quote misleads no one about who spoke
        words = stems(quote.text)
        candidates = sorted(expected.quotes, key=lambda q: -len(words & q[1]))
        candidates = [q for q in candidates if words & q[1]]
        if not candidates:
            out.append(Verdict("speaker", shown, False, "not a quote the reader expects"))
            continue
        best = len(words & candidates[0][1])
        right = any(
            _same_speaker(quote.speaker, speakers, expected)
            for speakers, about in candidates
            if len(words & about) == best
        )
        out.append(Verdict("speaker", shown, right, "" if right else "someone else said it"))
    return out


def _same_speaker(shown: str, speakers: Sequence[str], expected: Expectation) -> bool:
    person, _ = expected.person(shown)
    if person is not None:
        return person.name in speakers
    tokens = set(name_tokens(shown))
    return any(tokens and tokens <= set(name_tokens(s)) for s in speakers)


# Sections whose sentences state what happened (the issue counted misleading lines there).
REPORTING_SECTIONS = frozenset({"quick_read", "what_happened"})


def sentence_verdicts(brief: Brief, expected: Expectation, titles: Sequence[str]) -> list[Verdict]:
    by_id = {a.id: a for a in brief.articles}
    disputed = [
        (side, conflict)
        for conflict in brief.conflicts
        if conflict.status == "open" and _real(conflict, expected)
        for side in conflict.sides
    ]
    out: list[Verdict] = []
    for section, sentences in brief.sections.items():
        for sentence in sentences:
            why = _misleads(sentence, by_id, expected, titles)
            if not why and section in REPORTING_SECTIONS and not _ATTRIBUTED.search(sentence.text):
                for side, conflict in disputed:
                    if any(_overlaps(span, evidence) for span in sentence.spans[:1] for evidence in side.evidence):
                        why = f"states as fact what Disagreements lists as disputed ({conflict.about})"
                        break
            out.append(Verdict("sentence", sentence.text, not why, why, section))
    return out


def _overlaps(a: Any, b: Any) -> bool:
    return bool(a.article_id == b.article_id and a.start < b.end and b.start < a.end)


def _norm(text: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(text))


def _misleads(
    sentence: CitedSentence, articles: Mapping[str, Article], expected: Expectation, titles: Sequence[str]
) -> str:
    text = sentence.text
    flat = _norm(text)
    for title in titles:
        key = _norm(title)
        if key and len(key.split()) >= 3 and (flat == key or flat.startswith(key + " ")):
            return f"repeats the headline {title!r}"
    if text.rstrip().endswith(":"):
        return "ends on a colon"
    if _CLUTTER.search(text) or _FIGURE_LABEL.match(text):
        return "page clutter"
    if _GLUED.search(text):
        return "scraped debris (glued words)"
    if text[:1].islower():
        return "starts inside a sentence"
    if text.count("“") != text.count("”") or text.count('"') % 2 or _single_quote_open(text):
        return "cuts a quotation open"
    if text.count("(") != text.count(")"):
        return "breaks off inside a parenthesis"
    if not sentence.spans or sentence.spans[0].article_id not in articles:
        return "cites nothing"
    article = articles[sentence.spans[0].article_id]
    lead = sentence.spans[0]
    split = _split_at_inner_point(article.text, lead.start, lead.end)
    if split:
        return split
    cut = _dropped(article, lead.start, lead.end)
    if cut:
        return cut
    original = article.text[lead.start : lead.end]
    if not _same_start(text, original):
        return _substitution(sentence, original, articles, expected)
    return ""


def _single_quote_open(text: str) -> bool:
    """A line opening on a single quotation mark that no mark closes (an apostrophe has a letter after it)."""
    return text[:1] in "'‘" and text[1:2].isalnum() and not re.search(r"[’'](?![^\W\d_])", text[1:])


def _split_at_inner_point(text: str, start: int, end: int) -> str:
    """Whether the cited span ends on, or starts right after, a point that ends no sentence
    (a number's, an abbreviation's), with the sentence going on across it in the same paragraph."""
    line = text[start:end].strip()
    after = text[end : end + 40].split("\n", 1)[0].strip()
    before = text[max(0, start - 40) : start].rsplit("\n", 1)[-1].strip()
    for point, going_on in _INNER_POINTS:
        if point.search(line) and going_on.match(after):
            return f"split inside a sentence, before {after[:30]!r}"
        if point.search(before) and going_on.match(line):
            return f"split inside a sentence, after {before[-30:]!r}"
    return ""


def _dropped(article: Article, start: int, end: int) -> str:
    """What a cut of the sentence around start..end dropped that a reader needed, or ''."""
    for paragraph in article.paragraphs:
        if not paragraph.start <= start <= paragraph.end:
            continue
        body = article.text[paragraph.start : paragraph.end]
        for source in split_sentences(body, offset=paragraph.start):
            if source.start <= start < source.end:
                head = article.text[source.start : start]
                tail = article.text[min(end, source.end) : source.end]
                if tail.strip(" .!") and not _ATTRIBUTION_TAIL.match(tail):
                    return f"cut before {tail.strip()[:60]!r}"
                stripped = head.strip()
                if stripped and not (_ATTRIBUTION_HEAD.match(stripped) or _FURNITURE_HEAD.match(stripped)):
                    return f"cut after {head.strip()[:60]!r}"
                return ""
    return ""


def _same_start(text: str, original: str) -> bool:
    return _norm(text).startswith(_norm(original)[:20]) or _norm(original).startswith(_norm(text)[:20])


def _substitution(
    sentence: CitedSentence, original: str, articles: Mapping[str, Article], expected: Expectation
) -> str:
    """A sentence some of whose words were replaced by names (its opening pronoun or surname, a
    surname inside it named in full, a courtesy title dropped): is each the person the words stood for?"""
    for at, replaced, name in _replacements(original.rstrip("."), sentence.text.rstrip(".")):
        if at > 0:
            continue  # a surname inside named in full as its article names it: the citation checks it
        person, why = expected.person(name)
        if person is None:
            return f"put {name!r} for {replaced!r}: {why}"
        gender = _PRONOUN_GENDER.get(replaced.lower())
        if gender and person.gender and gender != person.gender:
            return f"put {name!r} for {replaced!r}: not the same person"
    reasons = check_sentence(sentence, articles)
    return f"{reasons[0]}" if reasons else ""


def _replacements(source: str, text: str) -> list[tuple[int, str, str]]:
    """Each stretch of the source the text words otherwise, as (where it starts among the source's
    words, those words, the name put for them): a
    name grown from a surname ("Okafor" -> "Lina Okafor", "Ms. Epstein" -> "Lee Epstein") takes in the
    surname the two share."""
    old, new = source.split(), text.split()
    out: list[tuple[int, str, str]] = []
    for op, a1, a2, b1, b2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        grown = a2 < len(old) and b2 < len(new) and old[a2] == new[b2] and new[b2][:1].isupper()
        replaced = " ".join(old[a1 : a2 + 1] if grown else old[a1:a2]).rstrip(",")
        name = " ".join(new[b1 : b2 + 1] if grown else new[b1:b2]).rstrip(",")
        out.append((a1, replaced, re.sub(r"[’']s$", "", name)))
    return out


def alarm_verdicts(brief: Brief, expected: Expectation) -> list[Verdict]:
    out: list[Verdict] = []
    for conflict in brief.conflicts:
        if conflict.status != "open":
            continue
        real = _real(conflict, expected)
        shown = f"{conflict.about} ({conflict.kind}): " + " / ".join(s.value for s in conflict.sides)
        out.append(Verdict("alarm", shown, real, "" if real else "not a real disagreement"))
    return out


def _real(conflict: Conflict, expected: Expectation) -> bool:
    """The conflict is one of the disagreements the reader expects: same kind (or an open-ended
    one), about the same thing, and (for dates and numbers) between the values the sources give."""
    words = stems([conflict.about, *(s.value for s in conflict.sides)])
    values = {_value_key(s.value) for s in conflict.sides}
    return any(
        (kind == conflict.kind or kind == "other" or conflict.kind == "other")
        and bool(words & about)
        and (not wanted or bool(values & wanted) or kind == "other")
        for kind, about, wanted in expected.disagreements
    )


def _value_key(value: str) -> str:
    """A side's value for comparison: its significant digits (no separators, points or trailing
    zeros, so "$160 million", "160" and "160,000,000 USD" meet), a date as written, or its words."""
    if re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", value.strip()):
        return value.strip()
    number = re.search(r"\d[\d,.:\s]*", value)
    if number:
        return re.sub(r"\D", "", number.group(0)).rstrip("0") or "0"
    return value.strip().lower()


def main_event_verdict(brief: Brief, expected: Expectation) -> Verdict:
    """The quick read's first bullet tells the main event: its actor and what happened."""
    if not brief.sections.quick_read:
        return Verdict("main_event", "", False, "no quick read")
    first = brief.sections.quick_read[0].text
    words = stems(first)
    who = any(stems(name_tokens(name)[-1:]) <= words for name in expected.main_who)
    what = bool(stems(first) & expected.main_what)
    if who and what:
        return Verdict("main_event", first, True)
    missing = " and ".join(part for part, ok in (("who", who), ("what", what)) if not ok)
    return Verdict("main_event", first, False, f"does not say {missing}")
