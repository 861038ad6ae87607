"""Clause shapes that make a dated clause doubtful as a timeline entry, read alone.

`extract.events` cuts a dated clause out of its sentence. Some clauses come out whole and still
mislead a reader who sees only the entry and its date: a state rather than a deed ("was also
apparent", "were still covered"), a date that belongs to another thing in the clause (the subject's
"Trump's visit ... last Friday would likely earn", a deadline "set Nov. 10 as the deadline", the
new end "extended to Nov. 20"), a relative clause whose noun the parse may have got wrong ("a member
of the organization X, which also tried"), or wording the cut garbled ("unambiguously
unambiguously", "here, - any rancor"). Each test here names one such shape by its syntax or tense;
a timeline prefers leaving a doubtful entry out to printing a wrong one.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from spacy.tokens import Doc, Token

# spaCy's entity labels for dates and times of day.
DATE_ENTITIES = frozenset({"DATE", "TIME"})
# Adverbs that tell a state going on, not a deed ("were still covered", "remains"): the date is a
# day the state held, not one on which something happened. A closed class of English.
_CONTINUING = frozenset({"still"})
# Units of time a count before "after"/"before" measures ("eight trading days after Oct. 12").
_TIME_UNITS = frozenset({"day", "week", "month", "year", "hour", "minute", "session", "decade", "night"})
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
_RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which", "that", "where", "when", "why"})


def a_state(verb: Token) -> bool:
    """Whether the clause tells how something stood, not what happened: a copula with an adjective
    ("The contrast ... was also apparent on Monday evening", "ratings were the same in late July"),
    or a verb a "still" holds in a continuing state ("were still covered"). The present-tense
    copula is `events._present_state`'s; this is the past one. Found on the check sample and
    kept: a future copula ("will be payable Jan. 3") and a plan that still stands."""
    if any(c.dep_ == "advmod" and c.lower_ in _CONTINUING for c in verb.children):
        # a plan that still stands dates the deed planned ("still plans to announce new 486
        # products on Nov. 6")
        return not any(c.dep_ == "xcomp" for c in verb.children)
    if verb.lemma_ != "be" or verb.dep_ in {"aux", "auxpass"}:
        return False
    if any(c.dep_ == "aux" and c.lower_ in {"will", "shall"} for c in verb.children):
        return False  # a state a timetable starts on the day ("will be payable Jan. 3")
    return any(c.dep_ == "acomp" or (c.dep_ == "attr" and c.pos_ == "ADJ") for c in verb.children)


def scene_of(verb: Token) -> Token | None:
    """The deed of a "when" clause that a past scene frames ("Comeaux was in a wheelchair Monday
    when he pulled a gun", "LaRue was with Magruder ... when the Watergate burglars were arrested,
    on June 17, 1972"): a past "be" with no passive in it, or a past progressive ("was walking home
    when ..."), tells how things stood, and English puts what happened in the "when" clause. The
    date dates the moment the clause names, so that clause is the event; None when the verb tells
    no scene or has no such clause."""
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    copula = verb.lemma_ == "be" and verb.tag_ == "VBD" and not auxiliaries and verb.dep_ not in {"aux", "auxpass"}
    progressive = verb.tag_ == "VBG" and any(a.tag_ == "VBD" and a.lemma_ == "be" for a in auxiliaries)
    if not (copula or progressive):
        return None
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.i < verb.i:
            continue
        opener = clause.left_edge
        if opener.lower_ == "when" and opener.dep_ in {"advmod", "mark"} and opener.head.i == clause.i:
            return clause
    return None


# Subject pronouns that stand for one person, as a scene's named subject is.
_ONE_PERSON = frozenset({"he", "she"})


def scene_doer(scene: Token, deed: Token) -> str | None:
    """The name a "he" or "she" opening the deed's clause stands for, when the scene it is told in
    has a person's name for subject and names no other person before it ("Comeaux was in a
    wheelchair Monday when he pulled a gun"): a pronoun in a clause below a main clause takes the
    main clause's subject, and with one person named there it has no other to take. None when the
    deed's subject is no such pronoun, or another person could be meant."""
    pronoun = next((c for c in deed.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if pronoun is None or pronoun.lower_ not in _ONE_PERSON:
        return None
    subject = next((c for c in scene.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.ent_type_ != "PERSON":
        return None
    doc = scene.doc
    name = next((e for e in doc.ents if e.start <= subject.i < e.end and e.label_ == "PERSON"), None)
    if name is None:
        return None
    start = scene.sent.start
    others = [t for t in doc[start : pronoun.i] if t.ent_type_ == "PERSON" and not name.start <= t.i < name.end]
    return None if others else name.text


def participle_only(verb: Token) -> bool:
    """Whether the clause's verb is a past participle with no auxiliary ("conceptual drawings,
    released this month"): no finite clause tells a deed, only a noun and what was done to it."""
    # Only as an adverbial clause the parser hung on another: at the head of its own sentence a
    # "VBN" is as often a past tense the tagger misread ("an armed man carried out a brazen
    # robbery"), and one hung on a noun may be the sentence's verb ("The evacuated families spent
    # Friday night ...", `events._sentence_noun`).
    if verb.tag_ != "VBN" or verb.dep_ != "advcl":
        return False
    return not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


def present_before_writing(verb: Token, start: date, end: date, anchor: date | None, source: str | None) -> bool:
    """Whether a present-tense clause is dated before the day its article was written ("Wayne
    Berman is organizing a ... Call Day in Washington on Friday", read as the Friday before a
    Sunday article): English tells a past day's deed in the past tense, so the present here is a
    plan or how things stand, and the day read for it is not its day."""
    if anchor is None or source != "published" or end >= anchor:
        return False
    # "-s" and "is/are ...-ing" are present beyond doubt; a bare VBP may be a past the tagger
    # misread ("Weakness ... hurt the composite" on Friday)
    finite = verb.tag_ == "VBZ" or (
        verb.tag_ == "VBG" and any(a.dep_ == "aux" and a.tag_ in {"VBZ", "VBP"} for a in verb.children)
    )
    if not finite:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    # a perfect ("has recently interviewed") or a modal tells of the past or of a plan, not the present
    return not any(a.lemma_ == "have" or a.tag_ == "MD" for a in auxiliaries)


def _top(root: Token, date_tokens: set[int]) -> Token:
    """The head of the date's phrase: the date's own preposition's object when the mention holds
    the preposition ("in November" read as one expression), else the highest date token."""
    top = root
    while top.head.i != top.i and top.head.i in date_tokens:
        top = top.head
    if top.pos_ == "ADP":
        objects = [c for c in top.children if c.dep_ == "pobj" and c.i in date_tokens]
        if objects:
            return objects[0]
    return top


def dates_its_subject(root: Token, verb: Token, date_tokens: set[int]) -> bool:
    """Whether the date sits in the phrase of the clause's subject, after its noun ("Trump's visit
    to Des Moines ... last Friday would likely earn", "the California earthquake last month will
    result in", "Clinton's success in November will be tied"): it dates the subject, and the
    clause tells what followed. Only a common noun: a name ("Hillary Clinton on Wednesday had
    ...") is where the parser hangs the clause's own date."""
    top = _top(root, date_tokens)
    holder = top.head
    if top.dep_ == "pobj" and holder.dep_ == "prep":
        noun = holder.head
        # a phrase on a noun that names a deed with its doer or object ("Clinton's success in
        # November", "the sale of X in August"); on a plain noun ("U.N. officials in New York on
        # Friday finished") the parser often hangs the clause's own date
        if not any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in noun.children):
            return False
    elif top.dep_ in {"npadvmod", "nmod", "compound"}:
        noun = holder
    else:
        return False
    if noun.pos_ != "NOUN" or noun.dep_ not in {"nsubj", "nsubjpass"} or noun.head.i != verb.i:
        return False
    return noun.i < top.i < verb.i


def date_named_as(root: Token, verb: Token, date_tokens: set[int]) -> bool:
    """Whether the verb takes the date as its object and names what the date is ("Dunkin' has set
    Nov. 10 as the deadline for ... bids"): the date is the deadline's, not the day of the deed."""
    top = _top(root, date_tokens)
    if top.dep_ not in {"dobj", "npadvmod"} or top.head.i != verb.i:
        return False
    # the date fills the object's place only in an active clause with no other object: "Cheeks
    # was fired March 2 as head coach" is passive, its date an adverb and "as" his role
    if any(c.dep_ in {"dobj", "nsubjpass", "auxpass"} and c.i != top.i for c in verb.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "as" and c.i > top.i for c in verb.children)


def counted_from(root: Token, date_tokens: set[int]) -> bool:
    """Whether the date is the day a count of time starts from ("Eight trading days after Oct. 12",
    "two weeks before Nov. 3"): the deed is that many days away, not on the date."""
    top = _top(root, date_tokens)
    linker = top.head
    if top.dep_ != "pobj" or linker.lower_ not in {"after", "before"}:
        return False
    measure = linker.head
    if measure.i not in date_tokens and measure.pos_ == "NOUN" and measure.lemma_.lower() in _TIME_UNITS:
        return True
    # The parser may hang the count on the verb and the preposition beside it ("assigned to track
    # Orozco down the day before his June 24, 2005 murder"): the count stands right before "before".
    previous = linker.doc[linker.i - 1] if linker.i > 0 else None
    return previous is not None and previous.pos_ == "NOUN" and previous.lemma_.lower() in _TIME_UNITS


def coordinated_with_other(date_tokens: set[int], doc: Doc) -> bool:
    """Whether a date is coordinated with something that is no date ("rolled into Iraq from Jordan
    on Tuesday and Iraqi-bound cargo"): the parser joined unlike things, and the clause read from
    that parse comes out half of one sentence and half of another."""
    for index in date_tokens:
        children = list(doc[index].children)
        if any(c.dep_ == "cc" for c in children) and not any(c.dep_ == "conj" for c in children):
            return True  # "on Tuesday and Iraqi-bound cargo": an "and" after the date joins nothing
        for child in children:
            if (
                child.dep_ == "conj"
                and child.i not in date_tokens
                and child.ent_type_ not in DATE_ENTITIES
                and child.pos_ in {"NOUN", "PROPN"}
            ):
                return True
    return False


def since_then(kept: list[Token], verb: Token) -> bool:
    """Whether the clause runs "since" something ("were also unifying around the nominee at a rapid
    pace since the party's convention last month"): it tells a stretch from then to the writing,
    so no date in it is a day something happened. A "since" inside a phrase that describes a noun
    ("the junta, which had been in power since 1967") is that phrase's."""
    indices = {t.i for t in kept}
    for token in kept:
        if token.lower_ != "since" or token.dep_ != "prep":
            continue
        path = [token, *token.ancestors]
        above = path[: next((k for k, t in enumerate(path) if t.i == verb.i), len(path)) + 1]
        inside = all(t.i in indices and t.dep_ not in {"relcl", "acl", "appos"} for t in above[:-1])
        if above[-1].i == verb.i and inside:
            return True
    return False


def points_back(kept: list[Token]) -> bool:
    """Whether a kept noun takes a demonstrative ("Trump parroted these views", "the effect" is
    not counted: "the" names things the sentence can): read alone, the entry does not say which.
    A date's own "this" ("this month") is the date's."""
    indices = {t.i for t in kept}
    return any(
        t.dep_ == "det"
        and t.lower_ in _DEMONSTRATIVES
        and t.head.i in indices
        and t.head.ent_type_ not in DATE_ENTITIES
        and t.head.pos_ in {"NOUN", "PROPN"}
        for t in kept
    )


# Object forms of the personal pronouns: as a verb's object one never names the verb's own subject
# (that takes "himself"), so it points to someone outside the clause.
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us"})


def object_pronoun(kept: list[Token], verb: Token) -> bool:
    """Whether the verb's object is a personal pronoun the entry keeps ("a protester interrupted
    him during a rally in Indiana"): it names someone of another sentence, and read alone the entry
    does not say whom."""
    indices = {t.i for t in kept}
    return any(
        c.i in indices and c.dep_ in {"dobj", "dative"} and c.tag_ == "PRP" and c.lower_ in _OBJECT_PRONOUNS
        for c in verb.children
    )


def uncertain_antecedent(verb: Token) -> bool:
    """Whether a relative clause's noun is one of two the relative word could point to: a noun
    phrase that goes on past its head before the clause ("a member of the organization Direct
    Action Everywhere, which also tried"), or a noun inside another's "of" phrase ("net gains of
    $48 million, which included"). The parser picks one; an entry that names the wrong one tells
    another's deed."""
    head = verb.head
    opening = verb.left_edge.i
    # words of the head's own name are no second noun ("the Meteorological Institute of Valmark,
    # which had raised ...")
    between = [
        t
        for t in head.doc[head.i + 1 : opening]
        if not t.is_punct and not (head.ent_type_ and t.ent_type_ == head.ent_type_ and t.ent_iob_ == "I")
    ]
    if any(t.pos_ in {"NOUN", "PROPN"} and t.dep_ != "appos" and t.head.dep_ != "appos" for t in between):
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "of"


def contact_clause(kept: list[Token], date_tokens: set[int]) -> bool:
    """Whether the date sits in a relative clause with no relative word ("an agreement the nations
    ... reached in Paris in December"): the date is the clause's, and the entry runs a noun and a
    clause together as if the clause's subject did something to nothing. A contact clause the date
    is outside ("was asked today about the message the king was said to be carrying") stays."""
    indices = {t.i for t in kept}
    for token in kept:
        if token.dep_ != "relcl" or token.head.i not in indices:
            continue
        if not any(t.i in date_tokens for t in token.subtree):
            continue
        if not any(c.lower_ in _RELATIVE_WORDS or c.tag_ in {"WDT", "WP", "WP$", "WRB"} for c in token.subtree):
            return True
    return False


def garbled(kept: list[Token]) -> bool:
    """Whether the cut left two marks meeting ("here, - any lingering rancor", where "as she said at
    the outset" stood between) or a word twice in a row ("stated unambiguously unambiguously", its
    date and the marks around it gone): words stood between them in the source."""
    for first, second in pairwise(kept):
        if second.i == first.i + 1:
            continue
        # two commas meeting are one phrase shortened away (`events._shorten` joins them)
        if first.is_punct and second.is_punct and first.text != second.text and not (first.is_quote or second.is_quote):
            return True
        if first.is_alpha and first.lower_ == second.lower_:
            return True
    return False
