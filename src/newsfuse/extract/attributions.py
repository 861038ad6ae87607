"""Who said what: every attribution in a parsed text, direct quotation or reported speech.

An attribution is a cue (a reporting verb, or "according to"), the content it reports and, where the
text names one, its source. The reporting verb's clausal complement is the content ("Trump said
*that he would win*"); quotation marks beside the cue widen it to the whole quotation, including
the part the cue splits (`"A," he said, "b."`); a quotation with no cue in its sentence continues the
attribution just before it, in the same paragraph; quoted words are credited once (of two
attributions holding them, one is kept). The source is the cue's subject, as written: a name, a
description, a pronoun or "the company". Offsets are characters into the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsfuse.extract.cues import NAMING_VERBS, REPORTING_VERBS
from newsfuse.extract.quote_marks import QuoteRegion, markup, quote_regions
from newsfuse.extract.syntax import climb, is_root

Offsets = tuple[int, int]

# Dependency labels of a reporting verb's content clause.
_CONTENT_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Conjunctions by which a writer sets a second speaker's report beside the first ("X said ... while Y
# said ..."): a closed class of English; "but" and "although" coordinate or concede within one report.
CONTRAST_MARKS = frozenset({"while", "whereas"})
# The words that open a reported clause ("said that …", "asked whether …"); any other subordinator
# ("after", "because", "when") opens an adverbial clause, which says when or why, not what was said.
_REPORTED_MARKS = frozenset({"that", "whether", "if"})
# What a naming verb names and what it calls it.
_NAMED_DEPS = frozenset({"dobj", "oprd", "xcomp", "ccomp", "advcl", "dative", "attr"})
# A reporting verb's object and what completes it ("accused Trump of lying").
_OBJECT_DEPS = frozenset({"dobj", "prep", "oprd", "xcomp", "advcl", "dative"})
# The gap between a quotation and its cue's clause ('," he said') holds at most this many characters.
MAX_QUOTE_GAP_CHARS = 3
# A quotation that ends on one of these is framed by the clause after it ('"…," X shot back').
_FRAME_ENDINGS = (",", "?", "!", "—", "–", "-", "…")
# The framing clause's verb comes within this many tokens of the quotation ('," the senator from
# Vermont shot back').
MAX_FRAME_TOKENS = 10
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
    tags = markup(text)
    cues = [
        (t, _in_paragraph(text, t, _clause_content(t)))
        for t in doc
        if _is_cue(t) and not any(start <= t.idx < end for start, end in tags)  # "<tweet …>" is a tag
    ]
    # Each quotation belongs to one cue: the innermost whose content clause it touches, otherwise
    # the nearest whose sentence it opens, closes or borders.
    owned: dict[int, list[QuoteRegion]] = {}
    loose: list[QuoteRegion] = []
    for quote in quotes:
        # A cue inside the quotation is the speaker's own words ("Nobody told us ..."), not its cue.
        outside = [(verb, span) for verb, span in cues if not quote.start <= verb.idx < quote.end]
        touching = [
            (verb, span) for verb, span in outside if span and quote.outer_start < span[1] and span[0] < quote.outer_end
        ]
        if touching:
            verb = min(touching, key=lambda c: (c[1] or (0, 0))[1] - (c[1] or (0, 0))[0])[0]
        else:
            beside = [verb for verb, span in outside if _beside(text, verb, quote, span is None)]
            if not beside:
                framing = _frame_verb(text, doc, quote)
                if framing is None:
                    loose.append(quote)
                    continue
                if all(framing.i != verb.i for verb, _ in cues):
                    cues.append((framing, None))
                beside = [framing]
            verb = min(
                beside, key=lambda v: abs(v.idx - (quote.outer_end if quote.outer_end <= v.idx else quote.outer_start))
            )
        owned.setdefault(verb.i, []).append(quote)
    found: list[Attribution] = []
    for verb, span in sorted(cues, key=lambda c: c[0].i):
        attribution = _attribution(verb, span, owned.get(verb.i, []), text, quotes)
        if attribution is not None:
            found.append(attribution)
    for attribution in according_to(doc):
        if not any(_overlaps(attribution.content, a.content) for a in found):
            found.append(attribution)
    return _one_per_quotation(_continuations(text, loose, found), quotes)


def _one_per_quotation(found: list[Attribution], quotes: Sequence[QuoteRegion]) -> list[Attribution]:
    """`found` with quoted words credited once: of two attributions whose contents overlap and both
    hold quoted words (a report nested in another, 'Murphy said she must … what he called a
    "revolutionary mood"'), one is kept, as a reader is told one speaker for them.

    Which one: one that names a source over one that names none; the outer one where both name the
    same source; where the sources differ, the outer one if the inner one's source is inside its
    content (the words are the outer speaker's report: 125 to 16 on PolNeAR train), else the inner
    one (the two only touch). Chosen on PolNeAR train (direct F1 92.4 -> 94.0, right speaker 88.5
    -> 88.3, reported speech unchanged); the other choices tried there: always the outer one (94.1,
    88.1), always the inner one (94.0, 86.3), both where the sources differ (93.0, 88.5).
    """
    quoted = [a for a in found if any(_overlaps(a.content, (q.outer_start, q.outer_end)) for q in quotes)]
    dropped: set[Attribution] = set()
    for i, first in enumerate(quoted):
        for second in quoted[i + 1 :]:
            if not _overlaps(first.content, second.content):
                continue
            inner, outer = sorted((first, second), key=lambda a: a.content[1] - a.content[0])
            dropped.add(_left_out(inner, outer))
    return [a for a in found if a not in dropped]


def _left_out(inner: Attribution, outer: Attribution) -> Attribution:
    if inner.source is None or (outer.source is not None and _overlaps(inner.source, outer.source)):
        return inner
    if outer.source is None:
        return outer
    nested = outer.content[0] <= inner.source[0] < outer.content[1]
    return inner if nested else outer


def _in_paragraph(text: str, verb: Token, span: Offsets | None) -> Offsets | None:
    """The content clipped to the cue's paragraph: the parser's sentences can run across a break."""
    if span is None:
        return None
    start = max(span[0], text.rfind("\n", 0, verb.idx) + 1)
    after = text.find("\n", verb.idx)
    end = min(span[1], after if after >= 0 else len(text))
    return (start, end) if start < end else None


def _frame_verb(text: str, doc: Doc, quote: QuoteRegion) -> Token | None:
    """The verb that frames a quotation as speech, whatever the verb: the clause right after a
    quotation that ends on a comma, question or exclamation mark or dash ('"…," Trump shot back',
    '"…!" beamed Donald Hartley'), or the clause that ends on a colon right before it ('he boomed:
    "…"'). Its subject is outside the quotation."""
    inner = text[quote.start : quote.end].rstrip()
    if inner.endswith(_FRAME_ENDINGS):
        following = [t for t in doc if t.idx >= quote.outer_end][:MAX_FRAME_TOKENS]
        for token in following:
            if (token.is_punct and token.text not in {",", "'", "’"}) or "\n" in token.text:
                break
            if token.pos_ != "VERB":
                continue
            subjects = [c for c in token.children if c.dep_ in _SUBJECTS and c.idx >= quote.outer_end]
            if subjects and (is_root(token) or token.dep_ in {"parataxis", "ccomp"}):
                return token
            break
        framing = _framing_subject_verb(text, doc, quote)
        if framing is not None:
            return framing
    # A colon may announce a quotation set as a paragraph of its own ("... sent out the following
    # message on Twitter:" and the tweet below it).
    before = text[: quote.outer_start].rstrip()
    if before.endswith(":"):
        colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
        if colon is not None and colon.start > 0:
            for token in climb(doc[colon.start - 1], MAX_FRAME_TOKENS):
                if token.pos_ == "VERB":
                    subject = _subject(token)
                    return token if subject is not None and subject.idx < quote.outer_start else None
    return None


def _framing_subject_verb(text: str, doc: Doc, quote: QuoteRegion) -> Token | None:
    """The verb whose subject the quotation's closing mark is followed by, however long the subject
    ('"…," Karen Olson, president and CEO of Valley Dairy, notified the panel'): the words the frame
    reaches past `MAX_FRAME_TOKENS` by apposition."""
    after = [t for t in doc if t.idx >= quote.outer_end and not t.is_punct and not t.is_space][:1]
    if not after:
        return None
    for token in climb(after[0], MAX_FRAME_TOKENS):
        if token.dep_ in _SUBJECTS:
            verb = token.head
            if (
                verb.pos_ == "VERB"
                and verb.idx > token.idx
                and "\n" not in text[quote.outer_end : verb.idx]
                and (is_root(verb) or verb.dep_ in {"parataxis", "ccomp"})
            ):
                return verb
            return None
        if token.dep_ not in {"compound", "appos", "prep", "pobj", "amod", "det", "conj", "cc", "poss", "nmod"}:
            return None
    return None


def _is_cue(token: Token) -> bool:
    if _is_according(token):
        return False  # "according to X" has a rule of its own, with X its source
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    return token.lemma_.lower() in REPORTING_VERBS or (token.lemma_.lower() == "put" and _as_aside(token))


def _as_aside(verb: Token) -> bool:
    """An "as" clause in which someone says the sentence it hangs on ("As Ms. Simonyan put it ...,
    RT is ''providing ...''"; "as Clyburn noted, those voters will ..."): a subject, and nothing
    said of its own but "it"."""
    return (
        verb.dep_ == "advcl"
        and verb.head.pos_ in {"VERB", "AUX"}
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in _CONTENT_DEPS for c in verb.children)
        and all(c.lower_ == "it" for c in verb.children if c.dep_ == "dobj")
    )


def _is_according(token: Token) -> bool:
    doc = token.doc
    return token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to"


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
    if any(q.start <= verb.idx < q.end for q in quotes):
        return None  # a cue inside what was said is the speaker's words ("Nobody told us ...")
    subject = _subject(verb)
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    misparsed = subject is not None and any(q.start <= subject.idx < q.end for q in quotes)
    if (subject is None and not passive) or misparsed:
        # No subject, or one inside what was said (a misparse): the frame of a quotation beside
        # the cue names the speaker ('"…," Gene Sperling, an adviser, said').
        subject = _framed_subject(verb, text, quotes)
    source = _phrase(subject) if subject is not None else None
    return Attribution((start, end), source, (verb.idx, verb.idx + len(verb.text)))


def _framed_subject(verb: Token, text: str, quotes: list[QuoteRegion]) -> Token | None:
    """The noun phrase between a quotation's closing mark and the cue ('"…," NP said'), or right
    after a cue that follows the quotation ('"…," said NP')."""
    doc = verb.doc
    sentence = verb.sent.start_char

    def frames(q: QuoteRegion) -> bool:
        gap = text[q.outer_end : verb.idx]
        # The quotation is in the cue's sentence; the parser's sentence, or no full stop between
        # ("Rear Adm. Hossein Khanzadi said" has one, inside the same sentence).
        return q.outer_end <= verb.idx and "\n" not in gap and (sentence <= q.outer_start or "." not in gap)

    closing = [q for q in quotes if frames(q)]
    if not closing:
        return None
    between = [t for t in doc[max(0, verb.i - MAX_FRAME_TOKENS - 1) : verb.i] if t.idx >= closing[-1].outer_end]
    if len(between) > MAX_FRAME_TOKENS:
        return None  # the quotation closed a clause ago: it does not frame this cue
    if not any(t.is_alpha for t in between):
        between = []
        for token in doc[verb.i + 1 : verb.i + 1 + MAX_FRAME_TOKENS]:
            if token.is_punct:
                break
            between.append(token)
    inside = {t.i for t in between}
    heads = [t for t in between if t.pos_ in {"NOUN", "PROPN", "PRON"} and t.head.i not in inside]
    return heads[0] if heads else None


def _beside(text: str, verb: Token, quote: QuoteRegion, bare: bool) -> bool:
    """Whether a quotation sits beside the cue: closing right before the cue's sentence ('"…" he
    said'), following the cue ('he said: "…"'), or inside the sentence of a cue with no clause."""
    sentence = verb.sent
    if quote.outer_end <= verb.idx:
        if "\n" in text[quote.outer_end : verb.idx]:
            return False  # another paragraph, whatever the parser's sentences say
        gap = text[quote.outer_end : verb.idx]
        # '"…" He said.' frames the quotation; 'X argued it is entitled to …' reports something else
        # (issue 22: a claim quoted in one sentence, a senator's own argument in the next).
        opens = bare and 0 <= sentence.start_char - quote.outer_end <= MAX_QUOTE_GAP_CHARS and _opens_with(verb)
        return opens or (bare and quote.outer_start >= sentence.start_char and "." not in gap)
    return _follows(text, verb, quote)


def _opens_with(verb: Token) -> bool:
    """Whether the cue's sentence is its own frame: nothing before the cue but its subject ('He
    said.', 'The president added.'), not a cue deep in another clause ('The comments come after
    the Pentagon announced …')."""
    subject = {t.i for c in verb.children if c.dep_ in _SUBJECTS for t in c.subtree}
    return all(t.i in subject or t.is_punct or t.is_space or t.dep_ == "advmod" for t in verb.sent if t.i < verb.i)


def _clause_content(verb: Token) -> Offsets | None:
    """What the verb's own clause reports: its content clause ("said that …"), the clause it
    interrupts ('…, he said, …'), or what it calls something ("called Trump "unhinged"")."""
    if verb.lemma_ in NAMING_VERBS:
        # What a naming verb reports follows it, whatever the parser makes of it: "called her
        # "third-rate"", "he called her "weak"" (not the clause before it).
        # What it is called may come after "as" ("described the ground as "Swiss cheese"").
        named = [c for c in verb.children if c.i > verb.i and (c.dep_ in _NAMED_DEPS or _is_as(c))]
        if named:
            first, last = named[0].left_edge, named[-1].right_edge
            return first.idx, last.idx + len(last.text)
    clauses = [
        c
        for c in verb.children
        if c.dep_ in _CONTENT_DEPS
        and c.pos_ in {"VERB", "AUX"}
        and all(m.lower_ in _REPORTED_MARKS for m in c.children if m.dep_ == "mark")
    ]
    if not clauses:
        # "said in a statement that ...": the parser hangs the clause on the statement.
        clauses = [
            clause
            for prep in verb.children
            if prep.dep_ == "prep"
            for noun in prep.children
            if noun.dep_ == "pobj"
            for clause in noun.children
            if clause.dep_ in {"acl", "ccomp"} and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
        ]
    if clauses:
        clause = max(clauses, key=lambda c: len(list(c.subtree)))
        start = clause.left_edge.idx
        end = clause.right_edge.idx + len(clause.right_edge.text)
        beside = _second_report(clause)
        if beside is not None:
            end = beside.left_edge.idx  # the attribution trims the space and commas before it
        marks = [c for c in clause.children if c.dep_ == "mark" and c.i < clause.i]
        return (min(start, marks[0].idx) if marks else start), end
    interposed = verb.dep_ == "parataxis" or (verb.dep_ == "advcl" and verb.i > verb.head.i)
    # A parenthetical cue is a short aside of its own ("Barden says", "officials said Tuesday"), not
    # a clause bound by a conjunction or carrying an object ("a day after Trump issued a directive").
    aside = not any(c.dep_ in {"mark", "dobj", "ccomp", "xcomp"} for c in verb.children)
    # An "as" clause reports the sentence it hangs on, before or after it ("As Ms. Simonyan put it, RT is ...").
    if ((interposed and aside) or _as_aside(verb)) and not is_root(verb) and not _is_cue(verb.head):
        head = verb.head
        # The whole sentence around the interposed cue: "In three years, Barden says, lives were lost".
        subtree = [t for t in head.subtree if not (verb.left_edge.i <= t.i <= verb.right_edge.i) and not t.is_punct]
        if subtree:
            return subtree[0].idx, subtree[-1].idx + len(subtree[-1].text)
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if objects:
        # "announced new measures", "criticized Sanders for ...": what is reported is named by the object.
        last = max((c for c in verb.children if c.i > verb.i and c.dep_ in _OBJECT_DEPS), key=lambda c: c.i).right_edge
        return objects[0].left_edge.idx, last.idx + len(last.text)
    return None


def _second_report(clause: Token) -> Token | None:
    """A report the writer sets beside the one being told, after the verb of its clause: a clause
    opened by a contrasting "while" or "whereas" whose verb is itself a cue with a subject and a
    content clause of its own ("Kelly told the Times there was "nothing to indicate ..." while John
    C. Cerar ... said "it appears to be a good shooting""). Its words are the second speaker's, not
    part of the first one's report. A "while" clause before that verb concedes inside the report
    ("said that while polling showed ..., it was higher"): it stays."""
    for token in clause.subtree:
        if token.i == clause.i or token.dep_ != "advcl" or not _is_cue(token) or token.left_edge.i <= clause.i:
            continue
        contrast = any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in token.children)
        # A report of its own: a subject and a content clause ("while police shout at him to drop his
        # gun" is what a video shows, no second report).
        reports = any(c.dep_ == "nsubj" for c in token.children) and any(c.dep_ == "ccomp" for c in token.children)
        if contrast and reports:
            return token
    return None


def _is_as(token: Token) -> bool:
    return token.dep_ == "prep" and token.lower_ == "as"


def _follows(text: str, verb: Token, quote: QuoteRegion) -> bool:
    """'He said: "…"', 'he said, "…"', or the cue's sentence ending on a colon with the quotation
    opening the next paragraph."""
    sentence = verb.sent
    between = text[sentence.end_char : quote.outer_start] if quote.outer_start >= sentence.end_char else ""
    if quote.outer_start >= sentence.end_char:
        return text[: sentence.end_char].rstrip().endswith(":") and not between.strip()
    after_cue = text[verb.idx + len(verb.text) : quote.outer_start]
    return "." not in after_cue and (after_cue.rstrip().endswith((":", ",")) or not after_cue.strip())


def according_to(doc: Doc) -> list[Attribution]:
    """Every "according to X" of the text: X is the source of the rest of its sentence."""
    found = []
    for token in doc:
        if _is_according(token):
            attribution = _according_to(token, doc)
            if attribution is not None:
                found.append(attribution)
    return found


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
    quoted = _quoted_as(verb)
    if quoted is not None:
        return quoted
    # A subject with no letters is a misparse ("made public ― Trump boasted": the dash tagged a noun).
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and any(ch.isalnum() for ch in c.text)]
    if subjects:
        return subjects[0]
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        # "The plan has been called a disaster (by X)": the passive subject is what was reported on.
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        return agents[0] if agents else None
    # "..., adding that ..." / a conjoined verb shares its head's subject.
    if verb.dep_ in {"conj", "advcl", "xcomp"} and not is_root(verb) and verb.head.pos_ in {"VERB", "AUX"}:
        return _subject(verb.head)
    # "She ended by saying …", "after saying …": a participle under a preposition is done by the
    # subject of the verb the preposition hangs on.
    prep = verb.head
    if verb.dep_ == "pcomp" and prep.dep_ == "prep" and not is_root(prep) and prep.head.pos_ in {"VERB", "AUX"}:
        return _subject(prep.head)
    # "released a statement saying …": whoever issued what says it.
    noun = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and noun.dep_ == "dobj" and noun.head.pos_ in {"VERB", "AUX"}:
        return _subject(noun.head)
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return agents[0] if agents else None


def _quoted_as(verb: Token) -> Token | None:
    """Whom a writer quotes as saying the words ("the Daily News quoted witness Devonte Brown as
    saying"; "Mr. Gravano quoted Mr. Gotti as saying"): the object of "quote", not its subject,
    said them; the subject only passes them on."""
    if verb.lemma_.lower() != "quote":
        return None
    said = any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" and _is_cue(g) for g in c.children)
        for c in verb.children
    )
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return objects[0] if said and objects else None


def _phrase(token: Token) -> Offsets:
    """The noun phrase a subject heads, without a trailing relative clause or apposition."""
    tokens = [
        t
        for t in token.subtree
        if not any(a.dep_ in {"relcl", "acl", "appos"} and a.head.i == token.i for a in [t, *t.ancestors][:-1])
    ]
    tokens = [t for t in tokens if t.i <= token.i or t.head.i == token.i or t.head.i in {x.i for x in tokens}]
    # A time the parser hung on the noun ("the attorney on Tuesday night") dates the saying, not the source.
    when = {t.i for c in token.rights if _dates(c) for t in c.subtree}
    tokens = [t for t in tokens if t.i not in when] or tokens
    # The phrase stays on its head's line: a title or a dateline above is not part of it.
    # (The tokens between, not `doc.text`: spaCy joins the whole document again on every read of it.)
    tokens = [t for t in tokens if "\n" not in token.doc[min(t.i, token.i) : max(t.i, token.i)].text_with_ws]
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    while last.i > first.i and (last.is_punct or last.is_space):
        last = last.doc[last.i - 1]
    while first.i < last.i and (first.is_punct or first.is_space):
        first = first.doc[first.i + 1]
    return first.idx, last.idx + len(last.text)


def _dates(child: Token) -> bool:
    if child.dep_ == "prep":
        return any(g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in child.children)
    return child.dep_ in {"npadvmod", "nmod", "compound"} and child.ent_type_ in {"DATE", "TIME"}


def _continuations(text: str, loose: list[QuoteRegion], found: list[Attribution]) -> list[Attribution]:
    """`found` with the quotations that have no cue of their own credited to the attribution just
    before them: in its paragraph the quotation is more of the same content ('"A," he said. "B."'
    is one attribution, as PolNeAR writes it); one opening the next paragraph is more of it too; one
    inside a later paragraph's narration is one of its own, with no source."""
    ordered = sorted(found, key=lambda a: a.content)
    for quote in loose:
        if any(a.content[0] <= quote.start < a.content[1] for a in ordered):
            continue
        previous = [i for i, a in enumerate(ordered) if a.content[1] <= quote.outer_start]
        if not previous:
            continue
        last = ordered[previous[-1]]
        if quote.outer_start - last.content[1] > MAX_CONTINUATION_GAP_CHARS:
            continue
        if len(text[quote.start : quote.end].split()) < CONTINUATION_MIN_WORDS:
            continue  # a scare-quoted word or title, not a quotation
        between = text[last.content[1] : quote.outer_start]
        if _paragraph_between(between):
            # Past a paragraph of other reporting, whose words these are is no longer certain ("According
            # to the Union-Tribune, ..." two paragraphs above a statement the player released).
            ordered.append(Attribution((quote.outer_start, quote.outer_end), None, None))
        elif "\n" not in between or _opens_paragraph(text, quote):
            ordered[previous[-1]] = Attribution((last.content[0], quote.outer_end), last.source, last.cue)
        else:
            # In a later paragraph, inside a sentence of narration ('Japan branded North Korea an
            # "outlaw nation ..."' below Park Geun-hye's words): the sentence is about someone else,
            # and the speaker above is a guess (issue 22).
            ordered.append(Attribution((quote.outer_start, quote.outer_end), None, None))
        ordered.sort(key=lambda a: a.content)
    return ordered


def _paragraph_between(between: str) -> bool:
    lines = between.split("\n")
    return any(line.strip() for line in lines[1:-1])


def _opens_paragraph(text: str, quote: QuoteRegion) -> bool:
    return text.rfind("\n", 0, quote.outer_start) >= len(text[: quote.outer_start].rstrip(" \t")) - 1


def _overlaps(a: Offsets, b: Offsets) -> bool:
    return a[0] < b[1] and b[0] < a[1]
