"""Who said what: every attribution in a parsed text, direct quotation or reported speech.

An attribution is a cue (a reporting verb, or "according to"), the content it reports and, where the
text names one, its source. The reporting verb's clausal complement is the content ("Trump said
*that he would win*"); quotation marks beside the cue widen it to the whole quotation, including
the part the cue splits (`"A," he said, "b."`); a quotation with no cue in its sentence continues the
attribution just before it, in the same paragraph. The source is the cue's subject, as written: a
name, a description, a pronoun or "the company". Offsets are characters into the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsfuse.extract.cues import NAMING_VERBS, REPORTING_VERBS
from newsfuse.extract.quote_marks import QuoteRegion, quote_regions
from newsfuse.extract.syntax import is_root

Offsets = tuple[int, int]

# Dependency labels of a reporting verb's content clause.
_CONTENT_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# The gap between a quotation and its cue's clause ('," he said') holds at most this many characters.
MAX_QUOTE_GAP_CHARS = 3
# A quotation standing alone continues the attribution before it only this close (characters
# between them): the next paragraph, not the next page.
MAX_CONTINUATION_GAP_CHARS = 400
# A quotation this short standing alone is a scare-quoted phrase or a title, not a continued quote.
CONTINUATION_MIN_WORDS = 4


@dataclass(frozen=True, slots=True)
class Attribution:
    """Content at `content`, said by the source at `source` (None: not named), through the cue at `cue`."""

    content: Offsets
    source: Offsets | None
    cue: Offsets | None


def find_attributions(text: str, doc: Doc, regions: Sequence[QuoteRegion] | None = None) -> list[Attribution]:
    """Every attribution of the text parsed as `doc`, in text order of its content."""
    quotes = list(regions) if regions is not None else quote_regions(text)
    cues = [(t, _clause_content(t)) for t in doc if _is_cue(t)]
    # Each quotation belongs to one cue: the innermost whose content clause it touches, otherwise
    # the nearest whose sentence it opens, closes or borders.
    owned: dict[int, list[QuoteRegion]] = {}
    loose: list[QuoteRegion] = []
    for quote in quotes:
        touching = [
            (verb, span) for verb, span in cues if span and quote.outer_start < span[1] and span[0] < quote.outer_end
        ]
        if touching:
            verb = min(touching, key=lambda c: (c[1] or (0, 0))[1] - (c[1] or (0, 0))[0])[0]
        else:
            beside = [verb for verb, span in cues if _beside(text, verb, quote, span is None)]
            if not beside:
                loose.append(quote)
                continue
            verb = min(
                beside, key=lambda v: abs(v.idx - (quote.outer_end if quote.outer_end <= v.idx else quote.outer_start))
            )
        owned.setdefault(verb.i, []).append(quote)
    found: list[Attribution] = []
    for verb, span in cues:
        attribution = _attribution(verb, span, owned.get(verb.i, []), text, quotes)
        if attribution is not None:
            found.append(attribution)
    for token in doc:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            attribution = _according_to(token, doc)
            if attribution is not None and not any(_overlaps(attribution.content, a.content) for a in found):
                found.append(attribution)
    found.extend(_continuations(text, loose, found))
    return sorted(found, key=lambda a: a.content)


def _is_cue(token: Token) -> bool:
    return token.lemma_.lower() in REPORTING_VERBS and token.pos_ in {"VERB", "AUX"}


def _attribution(
    verb: Token, span: Offsets | None, owned: list[QuoteRegion], text: str, quotes: list[QuoteRegion]
) -> Attribution | None:
    for quote in owned:
        span = (
            (quote.outer_start, quote.outer_end)
            if span is None
            else (min(span[0], quote.outer_start), max(span[1], quote.outer_end))
        )
    if span is None:
        return None
    start, end = span
    while end > start and text[end - 1] in " \n,;:":
        end -= 1
    if end <= start:
        return None
    subject = _subject(verb)
    source = _phrase(subject) if subject is not None else None
    if source is not None and any(q.start <= source[0] < q.end for q in quotes):
        return None  # the "subject" is inside what was said: a misparse
    return Attribution((start, end), source, (verb.idx, verb.idx + len(verb.text)))


def _beside(text: str, verb: Token, quote: QuoteRegion, bare: bool) -> bool:
    """Whether a quotation sits beside the cue: closing right before the cue's sentence ('"…" he
    said'), following the cue ('he said: "…"'), or inside the sentence of a cue with no clause."""
    sentence = verb.sent
    if quote.outer_end <= verb.idx:
        if "\n" in text[min(quote.outer_end, sentence.start_char) : max(quote.outer_start, sentence.start_char)]:
            return False
        gap = text[quote.outer_end : verb.idx]
        return (0 <= sentence.start_char - quote.outer_end <= MAX_QUOTE_GAP_CHARS) or (
            bare and quote.outer_start >= sentence.start_char and "." not in gap
        )
    return _follows(text, verb, quote)


def _clause_content(verb: Token) -> Offsets | None:
    """What the verb's own clause reports: its content clause ("said that …"), the clause it
    interrupts ('…, he said, …'), or what it calls something ("called Trump "unhinged"")."""
    clauses = [c for c in verb.children if c.dep_ in _CONTENT_DEPS and c.pos_ in {"VERB", "AUX"}]
    if clauses:
        clause = max(clauses, key=lambda c: len(list(c.subtree)))
        start = clause.left_edge.idx
        end = clause.right_edge.idx + len(clause.right_edge.text)
        marks = [c for c in clause.children if c.dep_ == "mark" and c.i < clause.i]
        return (min(start, marks[0].idx) if marks else start), end
    if verb.dep_ in {"parataxis", "advcl"} and not is_root(verb) and verb.i > verb.head.i:
        head = verb.head
        subtree = [t for t in head.subtree if not (verb.left_edge.i <= t.i <= verb.right_edge.i) and t.i < verb.i]
        if subtree:
            return subtree[0].idx, subtree[-1].idx + len(subtree[-1].text)
    if verb.lemma_ in NAMING_VERBS:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        predicates = [c for c in verb.children if c.dep_ in {"oprd", "xcomp", "ccomp", "advcl"}]
        if objects and predicates:
            last = predicates[-1].right_edge
            return objects[0].left_edge.idx, last.idx + len(last.text)
    return None


def _follows(text: str, verb: Token, quote: QuoteRegion) -> bool:
    """'He said: "…"', 'he said, "…"', or the cue's sentence ending on a colon with the quotation
    opening the next paragraph."""
    sentence = verb.sent
    between = text[sentence.end_char : quote.outer_start] if quote.outer_start >= sentence.end_char else ""
    if quote.outer_start >= sentence.end_char:
        return text[: sentence.end_char].rstrip().endswith(":") and not between.strip()
    after_cue = text[verb.idx + len(verb.text) : quote.outer_start]
    return "." not in after_cue and (after_cue.rstrip().endswith((":", ",")) or not after_cue.strip())


def _according_to(token: Token, doc: Doc) -> Attribution | None:
    to = doc[token.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects:
        return None
    source = _phrase(objects[0])
    sentence = token.sent
    phrase_start = token.idx
    phrase_end = objects[0].right_edge.idx + len(objects[0].right_edge.text)
    before = (sentence.start_char, phrase_start)
    after = (phrase_end, sentence.end_char)
    content = before if before[1] - before[0] >= after[1] - after[0] else after
    text = doc.text
    start, end = content
    while start < end and text[start] in " \n,;:—–-":
        start += 1
    while end > start and text[end - 1] in " \n,;:.—–-":
        end -= 1
    if end <= start:
        return None
    return Attribution((start, end), source, (token.idx, to.idx + len(to.text)))


def _subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if subjects:
        return subjects[0]
    # "..., adding that ..." / a conjoined verb shares its head's subject.
    if verb.dep_ in {"conj", "advcl", "xcomp"} and not is_root(verb) and verb.head.pos_ in {"VERB", "AUX"}:
        return _subject(verb.head)
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return agents[0] if agents else None


def _phrase(token: Token) -> Offsets:
    """The noun phrase a subject heads, without a trailing relative clause or apposition."""
    tokens = [
        t
        for t in token.subtree
        if not any(a.dep_ in {"relcl", "acl", "appos"} and a.head.i == token.i for a in [t, *t.ancestors][:-1])
    ]
    tokens = [t for t in tokens if t.i <= token.i or t.head.i == token.i or t.head.i in {x.i for x in tokens}]
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    while last.i > first.i and last.is_punct:
        last = last.doc[last.i - 1]
    return first.idx, last.idx + len(last.text)


def _continuations(text: str, loose: list[QuoteRegion], found: list[Attribution]) -> list[Attribution]:
    """Quotations with no cue of their own, credited to the attribution just before them."""
    out: list[Attribution] = []
    ordered = sorted(found, key=lambda a: a.content)
    for quote in loose:
        if any(a.content[0] <= quote.start < a.content[1] for a in found):
            continue
        previous = [a for a in ordered if a.content[1] <= quote.outer_start]
        if not previous or quote.outer_start - previous[-1].content[1] > MAX_CONTINUATION_GAP_CHARS:
            continue
        if len(text[quote.start : quote.end].split()) < CONTINUATION_MIN_WORDS:
            continue  # a scare-quoted word or title, not a quotation
        out.append(Attribution((quote.outer_start, quote.outer_end), previous[-1].source, None))
    return out


def _overlaps(a: Offsets, b: Offsets) -> bool:
    return a[0] < b[1] and b[0] < a[1]
