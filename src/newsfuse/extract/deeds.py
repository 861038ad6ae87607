"""What a date is the date of: the verbs of the clause it hangs on, up to where that clause ends.

Two dates can only disagree about one event. "Gigante was acquitted in 1958" and "In 1957 Gigante was
charged" date a charge and an acquittal; "She began modeling in 1950" and "Her modeling breakthrough
began after she divorced Neal in 1947" both date the beginning (the adverbial clause that holds 1947
says when the main verb's event came). So the deeds of a date are the lemmas of the verbs on its way
up the parse: the verb it modifies and those that clause serves (an infinitive's verb, an adverbial
clause's main verb), stopping where a clause of its own starts (a conjunct, a relative clause, a
reported clause, an aside), since the verbs above it tell another event.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsfuse.extract.syntax import climb
from newsfuse.models.facts import Party

# Dependency labels of a clause that tells an event of its own: the climb stops at its verb. A
# conjunct ("was charged in 1957 and acquitted in 1958"), a relative clause ("the film, which was
# shown in 2006, ..."), a participle on a noun ("a poll released Monday"), a reported clause ("said
# the attack took place Monday": the attack, not the saying), an aside.
OWN_CLAUSE_DEPS = frozenset({"conj", "relcl", "acl", "ccomp", "parataxis", "csubj", "csubjpass"})


def deeds_at(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    """Lemmas of the verbs the text at characters start..end dates, nearest first; () when the
    parse finds none (a headline fragment, a dateline)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ()
    found: list[str] = []
    for token in climb(span.root):  # up to the sentence's root at most: the stops above end it sooner
        if token.pos_ == "VERB" and token.i not in range(span.start, span.end):
            found.append(token.lemma_.lower())
        if token.dep_ in OWN_CLAUSE_DEPS and found:
            break
    return tuple(dict.fromkeys(found))


# Dependency labels of the parties to a deed, by role: who did it ("Felt died", "police arrested
# Smith", "was arrested by police") and to whom ("arrested Smith", "Smith was arrested").
SUBJECT_DEPS = frozenset({"nsubj"})
OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass"})


def parties_at(doc: Doc, start: int, end: int) -> tuple[Party, ...]:
    """The names that are parties of the verbs `deeds_at` finds, with their role, each as its head
    word is written ("Felt" of "W. Mark Felt", "Cummings" of "Rep. Elijah E. Cummings"): the word
    every form of one name keeps. A pronoun or a common noun ("he", "the suspect") names nobody in
    particular and is left out."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ()
    found: list[Party] = []
    verbs = 0
    for token in climb(span.root):
        if token.pos_ == "VERB" and token.i not in range(span.start, span.end):
            verbs += 1
            for child in token.children:
                if child.dep_ in SUBJECT_DEPS and child.pos_ == "PROPN":
                    found.append(("subject", child.text))
                elif child.dep_ in OBJECT_DEPS and child.pos_ == "PROPN":
                    found.append(("object", child.text))
                elif child.dep_ == "agent":
                    found.extend(("subject", c.text) for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN")
        if token.dep_ in OWN_CLAUSE_DEPS and verbs:
            break
    return tuple(dict.fromkeys(found))
