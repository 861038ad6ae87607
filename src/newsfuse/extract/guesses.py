"""Whether a sentence's narration guesses: the writer's forecast or conjecture, not what happened.

English marks a guess by its grammar, epistemic modality (Palmer 2001): a modal of possibility or
prediction, or a stance adverb of likelihood, says the writer reckons something is or will be so.
`extract.stance` already reads "could", "might" and "may" on the main verb and "is likely to" on its
copula. Three more forms are read here, each only in the narration (quoted words are the speaker's)
and each a guess only where nobody is said to hold it (`stance` asks whether the sentence attributes):
- a conditional forecast: a main clause under "will", "would" or another modal with an "if" or
  "unless" clause on it ("If a Democratic president succeeds Obama, he or she will spend much of the
  next four years stopping ... GOP-backed legislation", a HuffPost analysis). What will follow from a
  condition not yet met is the writer's prediction; a scheduled step ("The Senate will vote on
  Tuesday") carries no condition and stays news;
- a stance adverb of likelihood on a verb ("Sanders presumably believes", "will probably win"):
  Quirk et al.'s (1985, 8.127) disjuncts of doubt, the adverbial counterpart of "may";
- a verb of saying or believing under a modal of hypothesis or with such an adverb ("Supporters of
  Sanders would argue -- and Sanders presumably believes -- that ..."): the writer imagines what
  someone would say. Nobody is reported as saying it, so the verb attributes nothing.
A condition or an adverb on a clause joined to the main one counts as on the main one ("and Sanders
presumably believes"): a coordinated clause is a main clause too. A modal of possibility alone on a
joined clause was tried and left out (evaluation/README.md, "views, round 6"): "Republicans control
the upper chamber by a 53-47 majority but that could be in jeopardy ..." (NeuS 144) is labelled news.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

# Modals of prediction and possibility as spaCy writes them ("wo" of "won't"). "Can" is left out:
# with a condition it mostly tells what a rule permits ("Americans can travel to Cuba if it is
# covered under specific categories", NeuS 117), which reports.
MODALS = frozenset({"will", "'ll", "wo", "would", "'d", "shall", "could", "may", "might"})
# Modals of hypothesis: "would argue", "might say", "could claim" tell what someone is imagined to say;
# with a condition they make it a hypothetical one (Quirk et al. 1985, 15.35).
HYPOTHETICAL = frozenset({"would", "'d", "could", "might", "may"})
# Determiners of an indefinite noun phrase: in a condition's subject they posit someone who may
# never exist ("If a Democratic president succeeds Obama, he or she will ...").
INDEFINITE = frozenset({"a", "an", "any", "some", "another"})
# Entity types of a time (spaCy's OntoNotes labels).
TIMES = frozenset({"DATE", "TIME"})
INDEFINITE_PRONOUNS = frozenset({"anyone", "anybody", "someone", "somebody", "anything", "something"})
# Subordinators of condition (Quirk et al. 1985, 15.33): an open condition on the main clause.
CONDITIONS = frozenset({"if", "unless"})
# Verbs of saying and believing that a modal of hypothesis turns into the writer's imagining.
IMAGINABLE = frozenset(
    {"say", "argue", "contend", "claim", "insist", "counter", "respond", "reply", "object", "agree", "believe", "think"}
)
# Disjuncts of doubt (Quirk et al. 1985, 8.127; Biber et al. 1999, 10.2.4 "likelihood"): the writer
# rates the clause as likely, not known. "Apparently" and "reportedly" say the writer heard it from
# someone (evidential), which reports; they are left out.
LIKELIHOOD_ADVERBS = frozenset(
    {"presumably", "probably", "perhaps", "possibly", "maybe", "conceivably", "likely", "supposedly"}
)


def main_verbs(root: Token) -> Iterator[Token]:
    """The main clause's verb and the verbs of the clauses joined to it ("..., and he may face")."""
    yield root
    for child in root.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            yield child


def modals(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in MODALS]


def forecasts(root: Token, own: Iterable[Token]) -> bool:
    """Whether a main clause of the narration is a conditional forecast: an "if" or "unless" clause
    on it, and a modal of hypothesis ("The GOP would cut its throat if it denounced its racists",
    NeuS 78), or "will" with a condition about someone it posits ("If a Democratic president
    succeeds Obama, he or she will spend ..."). An open condition on a real actor under "will" is how
    news tells a rule or a schedule ("Federal funding will lapse if Congress fails to pass an
    appropriations plan", NeuS 162; "If Judge Barrett passes the committee hearing, the full Senate
    will vote", NeuS 169): what follows is fixed by the rule, not guessed by the writer. A condition
    whose subject is indefinite posits an actor who may never exist (a referent set up inside a
    conditional lives only there, Kamp and Reyle 1993), so what it will do is a prediction."""
    narrated = {t.i for t in own}
    for verb in main_verbs(root):
        found = [m for m in modals(verb) if m.i in narrated]
        if verb.i not in narrated or not found:
            continue
        for condition in _conditions(verb, narrated):
            if any(m.lower_ in HYPOTHETICAL for m in found) or _posits(condition):
                return True
    return False


def _conditions(verb: Token, narrated: set[int]) -> Iterator[Token]:
    """The narrated "if" and "unless" clauses on the verb."""
    for clause in verb.children:
        conditional = any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in clause.children)
        if clause.dep_ == "advcl" and clause.i in narrated and conditional:
            yield clause


def _posits(condition: Token) -> bool:
    """Whether the condition's subject is indefinite: "a Democratic president", "anyone"."""
    for subject in (c for c in condition.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.lower_ in INDEFINITE_PRONOUNS:
            return True
        if any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in subject.children):
            return True
    return False


def doubting(token: Token) -> bool:
    """A disjunct of doubt on a main verb ("presumably believes", "will probably win", "is perhaps
    the best"): an adverb of likelihood that modifies a verb of the main clause. In a clause below
    it ("the agency that will likely dismantle ...", NeuS 123) it rates a detail, and the main
    clause may still tell a deed; on an adjective it is no adverb ("a likely winner")."""
    if token.lower_ not in LIKELIHOOD_ADVERBS or token.dep_ != "advmod" or token.pos_ != "ADV":
        return False
    return token.head in set(main_verbs(token.sent.root)) and not _timed(token.head)


def _timed(verb: Token) -> bool:
    """Whether the verb is dated by an adjunct of its own ("Jury selection will likely go on until
    sometime Tuesday", ECB 33; "the winners ... probably won't be known until next week", NeuS 240):
    a scheduled step whose time the writer hedges, which is what comes next, not a guess at whether
    it comes (the brief's "what's next" holds such steps)."""
    for child in verb.children:
        if child.dep_ == "npadvmod" and child.ent_type_ in TIMES:
            return True
        if child.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in TIMES for g in child.children):
            return True
    return False


def imagined(verb: Token) -> bool:
    """Whether a verb of saying or thinking is imagined, not reported: under a modal of hypothesis
    ("would argue") or rated by a disjunct of doubt ("presumably believes"), not denied."""
    if verb.lemma_.lower() not in IMAGINABLE or any(c.dep_ == "neg" for c in verb.children):
        return False
    return any(m.lower_ in HYPOTHETICAL for m in modals(verb)) or any(doubting(c) for c in verb.children)
