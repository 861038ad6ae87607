"""What an article's lead sentences are: a report of a deed, or a deck printed under the headline.

A news lead tells who did what: its main clause is a deed done (a past or perfect verb: "Voters
have rejected ...", "LaRue was found dead ..."), or a speaker's account of one ("Police said they had
located ..."). A lead built on a state ("Cohn is a Democrat, but ..."), the present of a feature
("Ken Klippen lives in Philadelphia ..."), or a hypothesis ("If Trump wanted ..., he could not have
found ...") opens a feature or an analysis: it is about the story, not its news.

A deck (the line a page prints under its headline) is written in headline grammar, not as a body
sentence: no main verb at all ("Order to State Department to hold off on spending jibes with ..."),
or a verb in the present for a past event with its articles dropped ("Late sacks, too much Manning
give Colts comeback win."). Only an article's first sentence can be one.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsfuse.models import Article, Span
from newsfuse.models.facts import LeadClause

# A story's lead: the opening sentence of one of its first two prose paragraphs (a page may put a
# summary paragraph above the wire story's own lead). The brief's candidates count leads the same way.
LEAD_PARAGRAPHS = 2
# Verbs of saying and telling: a lead that reports through a speaker ("Police said they had located
# X") tells the deed of its reported clause. Announcing is a deed of its own ("Trump on Tuesday
# announced he plans to nominate Price": the news is the announcement), so it is not among them.
SAYING = frozenset({"say", "tell", "report", "confirm", "state", "add"})
# A deck is a line, not a paragraph: decks in the draw sample ran 9-16 words; a body lead runs 25-45
# (brief.extractive.QUICK_READ_LEAD_MAX_WORDS). A longer first sentence is taken for a body sentence.
DECK_MAX_WORDS = 25
# Dependents that give a noun its determiner in a body sentence: an article or demonstrative, a
# possessive ("Obama's ..."), a number.
_DETERMINERS = frozenset({"det", "poss", "nummod", "predet"})
_PRESENT = frozenset({"VB", "VBP", "VBZ"})
# A line opening on an article, a demonstrative or a pronoun is written as a sentence, whatever its
# verb's tag (the parser reads "cable cut on Tuesday partially blocked" with no finite verb).
_OPENING_DETERMINERS = frozenset({"DT", "PDT", "PRP", "PRP$", "EX", "WDT", "WP"})
# A body sentence has a finite verb: a past or present form, or a modal.
_FINITE = frozenset({"VBD", "VBP", "VBZ", "MD"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def lead_clauses(article: Article, doc: Doc) -> list[LeadClause]:
    """The main clause of each sentence that opens one of the article's first prose paragraphs."""
    prose = [p for p in article.paragraphs if not p.is_list_item][:LEAD_PARAGRAPHS]
    opening = {p.start for p in prose}
    clauses = []
    first = True
    for sentence in doc.sents:
        text = sentence.text.strip()
        if not text:
            continue
        starts = sentence.start_char + (len(sentence.text) - len(sentence.text.lstrip()))
        if starts in opening or first:
            deed, report = _deed(sentence.root)
            clauses.append(
                LeadClause(
                    span=Span(article.id, starts, sentence.end_char),
                    deed=deed,
                    report=report,
                    deck=first and _headline_grammar(sentence),
                )
            )
        first = False
    return clauses


def tells_deed(root: Token) -> bool:
    """Whether a sentence's main clause (its root) tells a deed as done, itself or through a verb of
    saying, and does not deny it: "didn't anticipate or understand how the anger had spiraled" (ECB
    19) tells of no deed, and a writer's reading of a mind."""
    return _deed(root)[1] and not any(c.dep_ == "neg" for c in root.children)


def _deed(root: Token) -> tuple[tuple[str, ...], bool]:
    """The deed the clause tells (as written, and its lemma), and whether it tells it as done.

    Through a verb of saying, the deed is the reported one, and the saying a deed of its own: "Trump
    said on Wednesday that he would delay the address" reports what he did that day (he said so),
    as "Police said they had located LaCalamita" reports the locating.
    """
    if root.lemma_.lower() not in SAYING:
        return _words(root), _done(root)
    told = next((c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    if told is None:
        return _words(root), _done(root)
    return (*_words(told), *_words(root)), _done(told) or _done(root)


def _words(verb: Token) -> tuple[str, ...]:
    """The verb, as written and as its lemma, and the same of each participle after it that tells
    what the deed did ("hit southern Iran on Sunday, killing 10 people"): a news lead attaches the
    deed's toll or result so, and headlines often name that result rather than the verb ("Quake in
    Iran Kills 10" over "An earthquake ... shook southern Iran ..., killing 10 people")."""
    results = [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > verb.i and c.pos_ == "VERB"]
    for result in list(results):  # "flattening seven villages and killing 10 people": each a result
        results += [c for c in result.conjuncts if c.tag_ == "VBG" and c.pos_ == "VERB"]
    return tuple(dict.fromkeys(w for v in (verb, *results) for w in (v.lower_, v.lemma_.lower())))


def _done(verb: Token) -> bool:
    """A deed told as done: a past or perfect verb ("rejected", "has been charged", "was found"),
    no copula, no modal ("could have found" is a hypothesis)."""
    if verb.pos_ != "VERB":
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxiliaries):
        return False
    return (
        verb.tag_ == "VBD"
        or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxiliaries)
        or (verb.tag_ == "VBN" and not auxiliaries)
    )


def _headline_grammar(sentence: SpacySpan) -> bool:
    """A short line with no finite verb, a passive with its auxiliary dropped ("Nominee praised for
    ..."), or a bare present verb and a singular common noun left without its article ("give Colts
    comeback win")."""
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    if not words or len(words) > DECK_MAX_WORDS:
        return False
    if words[0].tag_ in _OPENING_DETERMINERS and any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in words):
        # A body sentence's subject with its article, whose verb the tagger may read as a participle
        # ("An undersea cable cut on Tuesday partially blocked ..."). With no verb at all the line is
        # a noun phrase, a deck ("An assessment of the organization's performance on refugees ...").
        return False
    root = sentence.root
    if not any(t.tag_ in _FINITE or _bare(t) for t in words):
        # No finite verb, nor a bare one (an imperative's, "Heap ... and shake it all up"): a noun
        # phrase, or a plan in the infinitive ("Order to State Department to hold off ...").
        return True
    if _headline_passive(root) or _subjectless_present(sentence):
        return True
    # The main verb, or a clause a deck sets off with a semicolon ("World leaders denounce N. Korea
    # test; Obama, others vow consequences.", where the parser heads the line on "vow"). A clause
    # reported in a body sentence ("U.S. intelligence indicates that ..., NBC News reported") is not
    # one: a mass noun takes no article there either.
    verbs = [
        root,
        *(c for c in root.children if c.dep_ in ("ccomp", "conj", "parataxis") and _semicolon_between(c, root)),
    ]
    return any(_bare_present_headline(v) for v in verbs)


def _subjectless_present(sentence: SpacySpan) -> bool:
    """A third-person present verb that opens the line, or follows an opening phrase set off by a
    comma, with no subject ("Says Clinton would stack Supreme Court against gun advocates", "In
    criticizing Clinton, hints that ..."): a deck drops the subject its headline names. A body
    sentence names whoever "says"; an imperative takes the bare form ("Heap ..."), not the -s one;
    a question puts its verb first ("Has any question ...?"). Where a noun stands before the verb
    the parser has only missed its subject ("The ... update fixes ...")."""
    root = sentence.root
    if root.tag_ != "VBZ" or any(c.dep_ in _SUBJECTS for c in root.children) or sentence.text.rstrip().endswith("?"):
        return False
    return root.i == sentence.start or root.nbor(-1).text == ","


def _semicolon_between(a: Token, b: Token) -> bool:
    low, high = sorted((a.i, b.i))
    return any(t.text == ";" for t in a.doc[low:high])


def _bare_present_headline(verb: Token) -> bool:
    """A present verb with no auxiliary whose subject, object or prepositional object is a singular
    common noun with no determiner ("give Colts comeback win", "denounce N. Korea test", "Chaffetz
    asks for probe of email deletions", "Sanders praises Obama after 45-minute meeting")."""
    if verb.pos_ != "VERB" or verb.tag_ not in _PRESENT or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    objects = [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    arguments = [*(c for c in verb.children if c.dep_ in ("nsubj", "dobj")), *objects]
    return any(a.tag_ == "NN" and not any(d.dep_ in _DETERMINERS for d in a.children) for a in arguments)


def _headline_passive(root: Token) -> bool:
    """A passive with its auxiliary and its subject's article dropped ("Nominee praised for her
    expertise ..."): a past form with no auxiliary, no object and a preposition after it, whose
    subject is a singular common noun with no determiner. A body sentence writes "The nominee was
    praised for ..."; read as an active past, the verb would want an object it does not have."""
    if root.pos_ != "VERB" or root.tag_ not in ("VBD", "VBN"):
        return False
    children = list(root.children)
    if any(c.dep_ in ("aux", "auxpass", "dobj", "ccomp", "xcomp") for c in children):
        return False
    subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1 or not any(c.dep_ in ("prep", "agent") and c.i > root.i for c in children):
        return False
    subject = subjects[0]
    return subject.tag_ == "NN" and not any(d.dep_ in _DETERMINERS for d in subject.children)


def _bare(token: Token) -> bool:
    """A verb's bare form with no "to" before it: an imperative or a verb after a modal."""
    return token.tag_ == "VB" and not any(c.tag_ == "TO" for c in token.children)
