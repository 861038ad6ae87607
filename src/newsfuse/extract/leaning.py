"""Whether a sentence leans on the one before it: true, but out of context when shown alone.

A brief shows a source sentence without its neighbours, so a sentence that points back at something
only the sentence before names ("Biden leads in both of those states.", "The move comes as ...")
reads as a riddle, or as about something else. English marks such pointing in its grammar (Halliday
and Hasan's reference and comparison; Schmid's shell nouns), and the parse finds the marks:
- a demonstrative ("those states", "with those striking words", "this", and a "that" the tagger
  took for a relative pronoun though it is the main clause's subject): it points at something
  named before, unless what follows defines it ("those who ...", "this level of doom") or it points
  at the time of writing ("this week"; "that day" points back);
- a comparison with something unnamed: "the other", "the same", "the latter" / "the former" standing
  as nouns, "both", "either" or "all three" on a noun, when nothing in the sentence is what it
  compares with;
- a personal pronoun as the main clause's subject after an opening phrase ("In hindsight, it would
  prove significant"), with no clause before it in the sentence that could name what it stands for
  (a name whose honorific calls for the other pronoun cannot: "submitted by Mr. Sanders, she ...");
- an opening conjunctive adjunct, "in" or "by" and a bare singular noun ("In fact,", "In
  response,"): it joins the sentence to the one before;
- "also" or "too" on the main verb, with no clause before it in the sentence ("The rules also
  prohibit ..."): it adds to something told before; "then" there tells what came after it, and so
  does an "after" with no object ("Staff soon after alerted ...": after what?);
- a definite subject headed by a shell noun ("The move", "The decision", "The performance"), a noun
  that stands for a stretch of discourse (an act, a statement, a finding) and takes its content from
  it, when the sentence does not give that content itself (a relative clause, an "of" or a "that"
  complement, an apposition, a name). A relative clause set off by a comma defines nothing: it tells
  more of a thing the reader is taken to know ("Mitt Romney was never able to shake that image,
  which was cemented with ...", PolNeAR dev).
Words inside quotation marks are left alone: a speaker's "this" points into the speaker's world, and
the quotation is read with its speaker.
Openings that lean ("However,", "Two days later,") are the brief's candidates' own test (a pattern on
the text); this module reads only what needs the parse.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import takewhile
from typing import TYPE_CHECKING

from newsfuse.extract.quote_marks import quote_regions
from newsfuse.models import Article, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
# Prepositions of an opening phrase that sets the scene (when, where, in what way) rather than
# naming who or what the sentence is about.
_SCENE_PREPOSITIONS = frozenset(
    {"in", "on", "at", "during", "after", "before", "since", "until", "by", "upon", "following", "with", "amid", "as"}
)
# Entity types that name no person: a name tagged otherwise (even ORG) may still be someone's.
_NOT_PEOPLE = frozenset({"GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"})
# Personal pronouns that stand for someone or something named before.
_PERSONAL = frozenset({"he", "she", "it", "they"})
# Adverbs on a main verb that join its sentence to the one before: additive ("also", "too", a
# denied one's "either") and temporal ("then").
SEQUENCE_ADVERBS = frozenset({"also", "too", "then", "either"})
# "after" and its adverbs: with no object, what they count from is told before.
_AFTER = frozenset({"after", "afterward", "afterwards", "thereafter"})
# A proximal demonstrative on a noun of time points at the time of writing ("this week", "this
# time"); a distal one points back at a time told before ("that day", "at that time").
_PROXIMAL = frozenset({"this", "these"})
_TIMES = frozenset({"DATE", "TIME"})
# Finite verb tags: a clause of its own.
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Dependents that define a noun within its own sentence.
_DEFINING = frozenset({"relcl", "acl", "appos"})
# Shell nouns (Schmid 2000, "English Abstract Nouns as Conceptual Shells"): the commonest of those
# that stand for an act, an utterance or a finding told before ("the move", "the announcement", "the
# figure"). A closed, small class of abstract nouns, listed as grammars list them.
SHELL_NOUNS = frozenset(
    {
        "move",
        "decision",
        "announcement",
        "update",
        "figure",
        "incident",
        "measure",
        "step",
        "action",
        "development",
        "performance",
        "analysis",
        "finding",
        "findings",
        "statement",
        "letter",
        "study",
        "remark",
        "comment",
        "news",
        "result",
        "outcome",
        "change",
        "claim",
        "case",
        "report",
        "situation",
        "issue",
        "problem",
        "idea",
        "fact",
        "effort",
        "attempt",
        "endeavor",
        "endeavour",
        "plan",
        "proposal",
    }
)


def leaning_sentences(articles: Sequence[Article], docs: Sequence[Doc]) -> tuple[Span, ...]:
    """The parser's sentences, in every article, that lean on the sentence before them."""
    out: list[Span] = []
    for article, doc in zip(articles, docs, strict=True):
        quoted = [(r.outer_start, r.outer_end) for r in quote_regions(article.text)]
        for sentence in doc.sents:
            if leans(sentence, quoted) is not None:
                out.append(Span(article.id, sentence.start_char, sentence.end_char))
    return tuple(out)


def leans(sentence: SpacySpan, quoted: Sequence[tuple[int, int]] = ()) -> str | None:
    """Why the sentence leans on the one before it (the word that points back), or None."""
    for token in sentence:
        if any(start <= token.idx < end for start, end in quoted):
            continue
        reason = (
            _demonstrative(token)
            or _comparison(token, sentence)
            or _shell_subject(token)
            or _additive(token)
            or _stranded_after(token)
            or _pronoun_subject(token)
            or _measured_subject(token)
            or _one_of_a_set(token)
        )
        if reason is not None:
            return reason
    if any(start <= sentence.start_char < end for start, end in quoted):
        return None
    return _conjunctive_opening(sentence)


def _demonstrative(token: Token) -> str | None:
    if token.lower_ not in DEMONSTRATIVES or (token.tag_ != "DT" and not _misread_relative(token)):
        return None
    if token.dep_ == "det":
        head = token.head
        if _defined(head) or (token.lower_ in _PROXIMAL and _time(head)) or _complementiser(token):
            return None
        return f"{token.text} {head.text}"
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr") and not _defined(token):
        # "will argue for a mistrial and, if that is rejected, ...": the clause before is what it points at.
        return None if _after_its_clause(token) else token.text
    return None


def _after_its_clause(token: Token) -> bool:
    """Whether the token stands in a clause joined to one before it in the sentence, by a conjunction
    or as an adverbial clause ("... and, if that is rejected", "... but that could be in jeopardy"):
    that clause is what it points at. A reported clause ("said that that is a racist attack") or the
    main clause ("There is zero evidence for this") points out of the sentence."""
    if not any(t.tag_ in _FINITE for t in token.doc[token.sent.start : token.i]):
        return False
    node = token
    while node.head.i != node.i:
        if node.dep_ in ("conj", "advcl") and node.pos_ in ("VERB", "AUX"):
            return True
        node = node.head
    return False


def _comparison(token: Token, sentence: SpacySpan) -> str | None:
    lower = token.lower_
    if lower in ("other", "same") and token.dep_ == "amod" and _has_det(token.head, "the"):
        if lower == "same" and any(t.lower_ == "as" for t in token.head.rights):
            return None  # "the same X as Y" names what it compares with
        if lower == "other" and any(t.lower_ in ("each", "one") for t in sentence if t.i < token.i):
            return None  # "each side blaming the other": the sentence holds both
        return f"the {lower} {token.head.text}"
    if lower in ("latter", "former") and token.dep_ != "amod" and _has_det(token, "the"):
        return f"the {lower}"  # standing as a noun: "the former FBI director" is an adjective
    # "The chance either argument will be successful is slight": one of two told before, unless the
    # sentence names them ("either side or the other").
    if (
        lower in ("either", "neither")
        and token.dep_ == "det"
        and token.head.pos_ == "NOUN"
        and not any(t.lower_ in ("or", "nor") for t in sentence if t.i > token.i)
    ):
        return f"{token.text} {token.head.text}"
    if lower in ("both", "all") and token.dep_ in ("det", "predet") and token.head.pos_ == "NOUN":
        if _coordinated(token.head):
            return None  # "both X and Y" names the two
        counted = any(c.dep_ == "nummod" for c in token.head.children)
        if lower == "both" or counted:
            return f"{token.text} {token.head.text}"
    return None


def _additive(token: Token) -> str | None:
    """ "also" or "too" on the sentence's main verb: the sentence adds to something told before it;
    "then" there: it tells what came next after something told before it ("CNN's Jake Tapper then
    followed up with ...", PolNeAR dev; Halliday and Hasan's temporal conjunction)."""
    verb = token.head
    if token.lower_ not in SEQUENCE_ADVERBS or token.dep_ != "advmod" or verb.dep_ != "ROOT":
        return None
    if token.lower_ == "either" and any(t.lower_ == "or" for t in verb.sent):
        return None  # "either ... or" names both
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    # "then" follows a clause anywhere before it ("waited for Hansbrough to make history, then
    # cruised"); "also" adds to a clause before its subject.
    opening = subjects[0].left_edge.i if subjects and token.lower_ != "then" else token.i
    if any(t.tag_ in _FINITE for t in verb.doc[verb.sent.start : opening]):
        return None  # a clause before it in the sentence ("X said ..., he also said"): what it adds to
    return token.lower_


def _stranded_after(token: Token) -> str | None:
    """An "after" with no object on the main verb ("Staff soon after alerted Clinton's chief of
    staff ...", PolNeAR train; "shortly afterward", "thereafter"): a preposition of time whose object
    is left out takes it from the sentence before, as "then" does. With a clause before it in the
    sentence ("was arrested and soon after released") that clause is its object."""
    if token.lower_ not in _AFTER or token.dep_ not in ("advmod", "prep") or not _main_clause(token.head):
        return None  # a conjunction's "after" ("after they were locked out") heads a clause of its own
    if any(c.dep_ in ("pobj", "pcomp") for c in token.children):
        return None  # "after the vote", "after meeting him"
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if token.lower_ == "after" and following is not None and following.pos_ in ("DET", "NOUN", "PROPN", "PRON", "NUM"):
        return None  # an object the parser hung elsewhere ("after an NPR/PBS NewsHour/Marist poll became ...")
    if any(t.tag_ in _FINITE for t in token.doc[token.sent.start : token.i]):
        return None
    return token.lower_


def _shell_subject(token: Token) -> str | None:
    if token.dep_ not in ("nsubj", "nsubjpass") or token.lemma_.lower() not in SHELL_NOUNS:
        return None
    if not _main_clause(token.head):
        return None  # "critics say that the measure is ...": the clause around it may say what it is
    if not _has_det(token, "the") or _defined(token):
        return None
    if any(c.dep_ in ("compound", "poss") or c.pos_ == "PROPN" for c in token.lefts):
        return None  # "the Senate measure", "the court's decision": a name says whose
    return f"the {token.text}"


def _pronoun_subject(token: Token) -> str | None:
    """A personal pronoun as the main clause's subject after an opening phrase ("In hindsight, it
    would prove significant.", "In the past, they have been forced to ...", PolNeAR dev): with no
    clause before it in the sentence, what it stands for is in the sentence before. (A sentence that
    opens on the pronoun is the brief's candidates' own test.) An "it" that holds a place for a
    clause ("it was not immediately clear who fired") points at nothing."""
    if token.lower_ not in _PERSONAL or token.dep_ not in ("nsubj", "nsubjpass") or token.i == token.sent.start:
        return None
    if not token.sent[0].text[:1].isupper():
        return None  # the parser cut a sentence after a quoted "!" ('chanted “let us in!” after they ...')
    verb = token.head
    if not _main_clause(verb) or any(t.tag_ in _FINITE for t in token.doc[token.sent.start : token.i]):
        return None
    if token.lower_ == "it" and _extraposed(verb):
        return None
    if any(_antecedent(t, token) for t in token.doc[token.sent.start : token.i]):
        return None  # "According to Page's official website, by 1951 she was appearing ..."
    return token.lower_


def _antecedent(noun: Token, pronoun: Token) -> bool:
    """Whether a noun before the pronoun in its sentence can be what it stands for: a person for
    "he" / "she", a plural or a group for "they", a thing for "it"; not a noun of an opening phrase
    that sets the scene ("In a statement, he ...", "In the past, they ...", "In hindsight, it ...")."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ in _TIMES:
        return False
    # The noun's heads up to the pronoun's verb: a scene-setting preposition among them puts it in the opening.
    heads = takewhile(lambda head: head.i != pronoun.head.i, noun.ancestors)
    if any((t.dep_ == "prep" and t.lower_ in _SCENE_PREPOSITIONS) or _controlled(t) for t in heads):
        return False
    if pronoun.lower_ in ("he", "she"):
        if _honorific_gender(noun) not in (None, pronoun.lower_):
            return False  # "submitted by Mr. Sanders, she appointed ...": a man's title names no "she"
        # A name the tagger has not placed among places and things may be a person's ("Page's
        # official website": Bettie Page, tagged ORG).
        return noun.ent_type_ == "PERSON" or (noun.pos_ == "PROPN" and noun.ent_type_ not in _NOT_PEOPLE)
    if pronoun.lower_ == "they":
        return noun.tag_ in ("NNS", "NNPS") or noun.ent_type_ in ("ORG", "NORP")
    return noun.tag_ in ("NN", "NNP") and noun.ent_type_ != "PERSON"


def _controlled(verb: Token) -> bool:
    """Whether the token heads an opening clause with no subject of its own ("Whenever asked about
    her weaknesses, they shifted topics ...", PolNeAR train): such a clause takes the main clause's
    subject as its own, so it speaks of what the pronoun stands for and cannot name it."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ in ("VBN", "VBG")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    )


def _extraposed(verb: Token) -> bool:
    """Whether the verb, or its predicate, takes a clause that "it" stands in for."""
    clauses = ("ccomp", "csubj", "xcomp")
    predicates = [c for c in verb.children if c.dep_ in ("acomp", "attr", "oprd")]
    return any(c.dep_ in clauses for c in verb.children) or any(
        g.dep_ in clauses for p in predicates for g in p.children
    )


def _main_clause(verb: Token) -> bool:
    """Whether the verb heads the sentence, or a clause joined to it by "and" / "but"."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _complementiser(token: Token) -> bool:
    """Whether a "that" read as a determiner opens a reported clause instead ("announced today that
    filmmaker Chris Weitz has been hired"): its noun is the subject of a clause complement that has
    no "that" of its own, a known misparse."""
    head = token.head
    clause = head.head
    return (
        token.lower_ == "that"
        and head.dep_ in ("nsubj", "nsubjpass")
        and clause.dep_ == "ccomp"
        and not any(c.dep_ == "mark" for c in clause.children)
    )


def _coordinated(noun: Token) -> bool:
    """Whether the noun, or the name it is a modifier of ("both special counsel Robert Mueller and
    ..."), has a conjunct."""
    phrase = [noun, noun.head] if noun.dep_ in ("compound", "nmod", "appos") else [noun]
    return any(c.dep_ == "conj" for n in phrase for c in n.children)


def _time(noun: Token) -> bool:
    return noun.ent_type_ in _TIMES or noun.lemma_.lower() == "time"


def _has_det(token: Token, word: str) -> bool:
    return any(c.dep_ == "det" and c.lower_ == word for c in token.children)


def _defined(token: Token) -> bool:
    """Whether the noun's own sentence says what it is: a relative clause, an apposition, or an
    "of"/"that" complement after it."""
    for child in token.rights:
        if child.left_edge.i > token.i + 2:
            continue  # a dependent further off is no part of the noun's phrase (often a misparse)
        if child.dep_ == "relcl" and child.left_edge.i > 0 and token.doc[child.left_edge.i - 1].text == ",":
            continue  # set off by a comma, it tells more of a thing already known: "that image, which was cemented ..."
        if child.dep_ in _DEFINING or (child.dep_ == "prep" and child.lower_ == "of"):
            return True
        if child.dep_ in ("ccomp", "acl") and any(g.lower_ == "that" and g.dep_ == "mark" for g in child.children):
            return True
    return False


# Entity types of a bare amount: what a quantity is, not what it counts ("7%", "$2.50", "300").
_AMOUNTS = frozenset({"PERCENT", "MONEY", "CARDINAL", "QUANTITY"})
# Dependents by which a noun says what it is a part, a rate or an amount of ("the share of voters",
# "the rate for black voters", "the gap between them").
_RELATA = frozenset({"of", "for", "among", "between"})


def _measured_subject(token: Token) -> str | None:
    """A definite common noun as the main clause's subject, told to be a bare amount ("In
    Pennsylvania the share exceeds 7%", PolNeAR dev; "the rate rose to 5%"), with nothing in its
    phrase saying what it measures: no "of" or "for" complement, no possessor, no modifier. An
    amount is always an amount of something, so such a noun takes that from the sentence before, as
    a shell noun takes its content (Halliday and Hasan's reference; Barker's relational nouns). The
    amount decides, not a list: "the company employs 300 people" counts people, not the company."""
    if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ != "NOUN" or not _main_clause(token.head):
        return None
    if not _has_det(token, "the") or _defined(token):
        return None
    if any(c.dep_ != "det" for c in token.lefts):
        return None  # "the unemployment rate", "the state's share", "the overall figure": its phrase says
    if any(c.dep_ == "prep" and c.lower_ in _RELATA for c in token.rights):
        return None
    return f"the {token.text}" if _amount_of(token.head) else None


def _amount_of(verb: Token) -> bool:
    """Whether the verb tells its subject's value: a bare amount as its object or complement, or
    reached through "to" or "at" ("stood at 7%", "rose to $5 million"). A change ("the stock fell
    3%", "by 3 points") is told of a thing, and says nothing of what it is; so is an object's value
    ("The victory took Klitschko's record to 52-3")."""
    if any(c.dep_ == "dobj" and not _bare_amount(c) for c in verb.children):
        return False
    for child in verb.children:
        phrases = [child] if child.dep_ in ("dobj", "attr") else []
        if child.dep_ == "prep" and child.lower_ in ("to", "at"):
            phrases = [g for g in child.children if g.dep_ == "pobj"]
        if any(_bare_amount(p) for p in phrases):
            return True
    return False


def _bare_amount(head: Token) -> bool:
    """Whether a phrase is an amount by itself ("7%", "$5 million", "3 points"), counting no thing.
    News style writes amounts in figures, so a figure it is: "at one point" is a moment."""
    figures = [t for t in head.subtree if t.like_num and any(ch.isdigit() for ch in t.text)]
    if not figures:
        return False
    if head.lemma_.lower() in ("%", "percent", "point"):
        return True
    return head.ent_type_ in _AMOUNTS and (head.pos_ in ("NUM", "SYM") or head.lemma_.lower() in ("dollar", "cent"))


def _misread_relative(token: Token) -> bool:
    """Whether a "that" tagged as a relative pronoun is the main clause's subject ("In the long run,
    that can undermine the public's faith ...", PolNeAR train): a relative pronoun heads a relative
    clause, never the sentence, so it is a demonstrative standing alone."""
    return (
        token.lower_ == "that"
        and token.tag_ == "WDT"
        and token.dep_ in ("nsubj", "nsubjpass")
        and token.head.dep_ == "ROOT"
    )


# Honorifics that tell a man from a woman.
_HONORIFICS = {"mr.": "he", "mr": "he", "mrs.": "she", "mrs": "she", "ms.": "she", "ms": "she", "miss": "she"}


def _honorific_gender(noun: Token) -> str | None:
    """The pronoun a name's honorific calls for ("Mr. Sanders": he, and so its "Mr."), or None without one."""
    if noun.lower_ in _HONORIFICS:
        return _HONORIFICS[noun.lower_]
    for child in noun.lefts:
        if child.dep_ == "compound" and child.lower_ in _HONORIFICS:
            return _HONORIFICS[child.lower_]
    return None


def _one_of_a_set(token: Token) -> str | None:
    """A subject counted as one of a set, or one more, that "be" identifies ("One exception is a page
    on health care ...", PolNeAR train; "One possibility is Warren", "Another reason is ..."): "one
    N is X" picks X out of a set of Ns the reader is taken to know, and "another" compares with one
    told before (Halliday and Hasan's comparison); unless an "of" says which set ("One of the
    victims was ..."), the set is told in the sentences before. A clause after "be" ("One problem
    is that ...") gives what the one is, so only "another" leans there."""
    if token.dep_ != "nsubj" or token.pos_ != "NOUN" or token.head.lemma_ != "be" or not _main_clause(token.head):
        return None
    marker = next((c for c in token.lefts if (c.dep_, c.lower_) in (("nummod", "one"), ("det", "another"))), None)
    if marker is None or _defined(token) or any(c.dep_ == "prep" for c in token.rights):
        return None
    if marker.lower_ == "one" and (_cataphoric(token.head) or not any(c.dep_ == "attr" for c in token.head.children)):
        return None
    return f"{marker.text} {token.text}"


def _cataphoric(verb: Token) -> bool:
    """Whether "be" takes a clause after it that says what its subject is ("The question is, why
    ...", "One danger is that Sanders could ..."): a shell noun can point forward, into its own
    sentence (Schmid's N-be-clause)."""
    return any(c.dep_ in ("ccomp", "csubj", "xcomp", "advcl") for c in verb.children)


# Prepositions of the conjunctive adjuncts: "in fact", "in addition", "by contrast" (Halliday and Hasan).
_CONJUNCTIVE_PREPOSITIONS = frozenset({"in", "by"})


def _conjunctive_opening(sentence: SpacySpan) -> str | None:
    """A sentence opening on "in" or "by" and a bare singular noun set off by a comma ("In fact,",
    "In response,", "By comparison,"): a singular noun with no determiner is a fixed phrase, and
    these two prepositions make the conjunctive ones (Halliday and Hasan's conjunction: "in
    addition", "in turn", "by contrast"), which join the sentence to the one before, as "However,"
    does in the brief's candidates' own test. Other prepositions make scenes and topics ("On
    immigration,", "To date,", "Under socialism,"), which stand. Read after the marks on words, so
    that the word the adjunct's sentence leans by is named where there is one ("In hindsight, it")."""
    if len(sentence) < 4 or sentence[0].lower_ not in _CONJUNCTIVE_PREPOSITIONS:
        return None
    preposition, noun, comma = sentence[0], sentence[1], sentence[2]
    if noun.tag_ != "NN" or noun.head.i != preposition.i or any(True for _ in noun.children) or comma.text != ",":
        return None
    return f"{preposition.text} {noun.text}"
