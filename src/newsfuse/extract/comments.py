"""Whether a sentence's narration comments on what it tells: the writer's attitude, a generalisation
or a reading of a mind, each carried by grammar rather than by a loaded word.

`extract.stance` reads the writer's voice (questions, stance adverbs, conjectures, ...). Three more
forms are read here, each on the main clause of the narration (quoted words are the speaker's), and
each a view only where nobody is said to hold it (`stance` asks whether the sentence attributes):
- an **attitude disjunct**: an adverb that rates the whole clause as ironic, fortunate, surprising
  ("Ironically it was her ability to win white, working-class Democrats against Obama that ...", a column). Biber et
  al. (1999, 12.2.3) class these as attitude stance adverbials, Quirk et al. (1985, 8.127) as
  content disjuncts of evaluation: the writer's judgement of the fact, not part of it. Only before
  the verb it stands on, where a disjunct stands; after it the same word tells the manner ("said
  sadly"), on an adjective the degree ("surprisingly strong"). Never on a deed told as done
  (`leads.tells_deed`): "Sadly, the mother of two died from injuries ..." (ECB+) reports the death, as
  the labels keep a loaded report of a deed as news;
- a **generalisation**: a characterising sentence (Krifka et al. 1995), a main clause in the simple
  present with an adverb of quantification over a kind ("this early in a general election, an
  incumbent's approval is often a better predictor of the outcome than horserace polls", a HuffPost
  analysis). Its subject names no one in the story: a bare plural or an indefinite ("an
  incumbent's approval"). A claim about how the world usually goes is the writer's unless a source
  is named; a report tells what happened;
- a **mind read as known**: a third person said, in the present or present perfect, to know, realize
  or be aware that something is so ("Cruz has been acutely aware that the contest boils down to a
  delegate battle", AFP). `stance` already reads a denied "doesn't understand that" as the writer
  judging a mind: no reporter sees into one, so a report attributes what someone knows ("aides say
  Cruz knows ..."). Only with a that-clause: "knows the area" states an acquaintance.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from newsfuse.extract.leads import tells_deed

# Attitude disjuncts (Biber et al. 1999, 12.2.3; Quirk et al. 1985, 8.127, content disjuncts of
# evaluation): a closed class, so listed. Left out: those that news uses as plain adverbs of manner or
# of time before a verb ("unexpectedly resigned", "naturally occurring", "significantly reduced",
# "importantly"), and "hopefully", whose use as a wish is also a manner ("looked on hopefully").
ATTITUDE_ADVERBS = frozenset(
    {
        "amazingly",
        "astonishingly",
        "conveniently",
        "curiously",
        "fortunately",
        "unfortunately",
        "ironically",
        "luckily",
        "unluckily",
        "mercifully",
        "oddly",
        "predictably",
        "regrettably",
        "sadly",
        "strangely",
        "surprisingly",
        "unsurprisingly",
        "tellingly",
        "thankfully",
        "tragically",
        "understandably",
    }
)
# Adverbs of quantification (Lewis 1975; Krifka et al. 1995): on a simple present they make the
# sentence a generalisation over cases, not a report of one.
QUANTIFYING_ADVERBS = frozenset(
    {"often", "usually", "typically", "generally", "always", "rarely", "seldom", "frequently", "commonly", "normally"}
)
# Determiners of a noun that names any member of a kind, not one in the story.
_GENERIC_DETERMINERS = frozenset({"a", "an", "any", "every"})
# Verbs and adjectives of knowing that take a that-clause: said of a third person in the writer's
# voice, they report a mind as known.
KNOWING_VERBS = frozenset({"know", "realize", "realise", "understand", "recognize", "recognise"})
KNOWING_ADJECTIVES = frozenset({"aware", "conscious", "mindful", "cognizant"})
_PRESENT = frozenset({"VBZ", "VBP"})
# Subjects that are the writer or the reader: their knowing is `stance`'s first or second person.
_NOT_THIRD = frozenset({"i", "we", "you"})


def main_verbs(root: Token) -> Iterator[Token]:
    """The main clause's verb and the verbs coordinated with it (a joined main clause)."""
    yield root
    for child in root.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            yield child


def comments(root: Token, own: list[Token]) -> tuple[str, ...]:
    """The marks of this module found on the sentence whose root is `root`, in its narrated tokens."""
    found = []
    # A deed told as done stays news whatever the writer thinks of it, as for an evaluation: "Sadly,
    # the mother of two died from injuries she sustained in the crash" (ECB+ 21_6ecbplus) reports a
    # death, "the ref mercifully stopped it" (ECB 7_9ecb) the end of a fight.
    if not tells_deed(root) and any(_attitude(t) for t in own):
        found.append("attitude")
    verbs = [v for v in main_verbs(root) if v in own]
    if any(generalises(v) for v in verbs):
        found.append("generalisation")
    if any(knows(v) for v in verbs):
        found.append("known mind")
    return tuple(found)


def _attitude(token: Token) -> bool:
    """An attitude disjunct before the verb of a main clause it stands on."""
    if token.lower_ not in ATTITUDE_ADVERBS or token.dep_ != "advmod":
        return False
    head = token.head
    if head.pos_ not in ("VERB", "AUX") or token.i > head.i:
        return False
    return head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")


def generalises(verb: Token) -> bool:
    """A simple present (no modal) with an adverb of quantification, whose subject names a kind."""
    if verb.tag_ not in _PRESENT or any(c.tag_ == "MD" for c in verb.children):
        return False
    if not any(c.dep_ == "advmod" and c.lower_ in QUANTIFYING_ADVERBS for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(_kind(s, plural_verb=verb.tag_ == "VBP") for s in subjects)


def _kind(noun: Token, plural_verb: bool = False) -> bool:
    """A common noun that names any member of a kind: a bare plural ("voters"), an indefinite
    singular ("a candidate"), or a noun whose possessor is one ("an incumbent's approval"). A bare
    plural must agree with a plural verb: "Sanders often questions ..." (PolNeAR train) is a name the
    tagger read as a plural noun, which the verb's singular gives away."""
    if noun.pos_ != "NOUN" or noun.ent_type_:
        return False
    determiners = [c for c in noun.children if c.dep_ in ("det", "poss", "nummod")]
    if not determiners:
        return noun.tag_ == "NNS" and plural_verb
    if len(determiners) > 1:
        return False
    (determiner,) = determiners
    if determiner.dep_ == "det":
        return determiner.lower_ in _GENERIC_DETERMINERS
    return determiner.dep_ == "poss" and _kind(determiner)


def knows(verb: Token) -> bool:
    """A third person said, in the present or the present perfect, to know or be aware that a clause
    is so; not denied (a denied knowing is `stance`'s judged mind) and not asked ("whether")."""
    if not _present_or_perfect(verb) or any(c.dep_ == "neg" for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or any(s.lower_ in _NOT_THIRD or s.pos_ not in ("PROPN", "NOUN", "PRON") for s in subjects):
        return False
    lemma = verb.lemma_.lower()
    if lemma in KNOWING_VERBS and verb.pos_ == "VERB":
        return _that_clause(verb)
    if lemma == "be":
        return any(c.dep_ == "acomp" and c.lower_ in KNOWING_ADJECTIVES and _that_clause(c) for c in verb.children)
    return False


def _present_or_perfect(verb: Token) -> bool:
    """The simple present, or a perfect whose auxiliary is ("has been acutely aware")."""
    if verb.tag_ in _PRESENT:
        return True
    perfect = ("has", "have", "'s", "'ve")
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in perfect for c in verb.children)


def _that_clause(word: Token) -> bool:
    """A clause complement opened by "that" (or with "that" left out), not an indirect question."""
    for clause in (c for c in word.children if c.dep_ == "ccomp"):
        asks = any(g.dep_ == "mark" and g.lower_ in ("whether", "if") for g in clause.children)
        if not asks and not any(g.tag_ in ("WP", "WRB", "WDT") for g in clause.children):
            return True
    return False
