"""Whose a figure is, over what span it is counted and what it measures, read from the parse.

Two figures conflict only when they measure one quantity of one holder over one span: "Echenique
grabbed 11 rebounds" and "Carter grabbed seven" are two players' counts; "in the first half" and "in
the second half" two parts of a game; "five of his rebounds" a part of his rebounds; "5.2 yards a
carry" a rate, not a total. A holder written "he" counts only where the text settles who he is.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsfuse.extract.names import TITLE_WORDS
from newsfuse.extract.syntax import climb
from newsfuse.text.number_words import parse_count

# Determiners that point back to a figure already given ("those 10 points"): its holder and span are
# in another sentence.
ANAPHORIC_DETERMINERS = frozenset({"those", "these"})
# Adjectives that make a count the opening or closing part of a larger one ("his first 17 passes",
# "Creighton's first eight points"): a part, not the whole.
PART_ADJECTIVES = frozenset({"first", "last", "final", "opening"})
# Pronouns that stand for a person holding a figure ("He has 53 catches", "28 of his 68 punches").
PERSON_PRONOUNS = frozenset({"he", "she", "his", "her"})
# Nouns that name the span a figure is counted over: a season, a game or part of one, a career, a
# run of play. A count "in the first half" and one "in the second half" (or "this season" and "since
# Week 11") are different measures. Days and times of day are left out: a toll "on Friday evening"
# names when it happened, not a part of the whole. The vocabulary of sports and of periods, read off
# the odd-numbered ECB+ dev topics' box scores (see evaluation/README.md, "conflicts").
SPAN_NOUNS = frozenset(
    {"season", "career", "half", "quarter", "period", "round", "inning", "game", "week", "stretch", "run", "minute"}
)
# Dependencies of the words that tell one span from another: "first half", "last two games", "106 games".
_SPAN_WORDS = frozenset({"amod", "nummod", "compound"})
# The noun whose value a figure gives when the figure is its "of" ("Buford's school scoring record of
# 2,116 points"): a record stands until a larger figure breaks it, so its value and the value that
# broke it are two measures by definition, as a career is not a game.
RECORD_NOUNS = frozenset({"record"})
# Entities a counted scope's number may not belong to: "on March 1", "in 2009" place the figure in
# time; "at $5 a share" prices it.
_SCOPE_EXCLUDED = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
# "5.2 yards a carry", "3.8 yards per run": a rate, another quantity than a total of yards. The
# words after it rule out a time reference ("a year ago").
_RATE = re.compile(r"\s+(?:per|a|an|each)\s+(?P<per>[a-z]+)\b(?!\s+(?:ago|earlier|later|before|after)\b)", re.I)


def measured_as(noun: Token, lemma: str, text: str) -> str:
    """What a figure measures, told apart from the plain count of its noun: a rate ("5.2 yards a
    carry" is yards per carry), a part ("his first 17 passes") and a length that describes a thing
    ("an 86-yard touchdown run", "a 200-yard game" measure the run and the game, not the yards a
    player gained)."""
    rate = _RATE.match(text, noun.idx + len(noun.text))
    if rate is not None:
        return f"{lemma} per {rate.group('per').lower()}"
    if any(c.dep_ == "amod" and c.lower_ in PART_ADJECTIVES and c.i < noun.i for c in noun.children):
        return f"part of {lemma}"
    describes = noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ == "NOUN" and noun.head.i > noun.i
    if noun.tag_ == "NN" and describes:
        return f"{lemma} {noun.head.lemma_.lower()}"
    return lemma


def holder(doc: Doc, verb: Token | None, noun: Token | None) -> tuple[str | None, bool]:
    """Whose figure it is, and whether that holder is someone the text does not name for certain.

    The possessor of what is counted comes first ("28 of his 68 punches", "Newton's record of 4,051
    yards"), else the subject of the number's verb when that subject is not the counted noun itself
    (whose rebounds, whose points, whose votes). A proper noun is the holder as written; "he", "she",
    "his", "her" are the one person named in their sentence before them or, failing that, in the
    sentence before; with none or several there, the holder is unnamed."""
    who: Token | None = None
    if noun is not None and any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS for c in noun.children):
        return None, True  # "Those 10 points tied McDermott with Buford": whose, and when, is told before
    if noun is not None:
        owned = [noun]
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            owned.append(noun.head.head)  # "Newton's record of 4,051 yards"
        who = next((c for t in owned for c in t.children if c.dep_ == "poss"), None)
    if who is None and verb is not None:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and (noun is None or subject.i != noun.i):
            who = subject
    if who is None:
        return None, False
    if who.pos_ == "PROPN":
        return who.text, False
    if who.lower_ in PERSON_PRONOUNS:
        name = _person_before(doc, who)
        return name, name is None
    return None, False


def _person_before(doc: Doc, pronoun: Token) -> str | None:
    """The one person (by surname) named in the pronoun's sentence before it, else in the sentence
    before that; None when there is none or more than one: then the text leaves the holder open."""
    sentence = pronoun.sent
    windows = [(sentence.start, pronoun.i)]
    if sentence.start > 0:
        previous = doc[sentence.start - 1].sent
        windows.append((previous.start, previous.end))
    for start, end in windows:
        names = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and start <= e.start and e.end <= end}
        # A named subject the tagger did not label a person ("Klitschko" as a nationality) is one too.
        names |= {t.text for t in doc[start:end] if t.pos_ == "PROPN" and t.dep_ == "nsubj" and t.ent_type_ != "GPE"}
        if names:
            return names.pop() if len(names) == 1 else None
    return None


def frame(token: Token, verb: Token | None) -> str | None:
    """The span a figure is counted over, as written: the phrases naming a season, a game, a half, a
    run of play ("in the first half", "this season", "during the round"), the start it is counted
    from ("since October", "since Week 11") or the capacity it was counted in ("as the team's
    director") that hang on the way from the number up to its verb, on a participle describing the
    counted noun ("punches thrown during the round"), or on the verb a coordinated verb shares its
    phrases with ("During the run, Echenique scored ..., and blocked two shots"). Each phrase is its
    noun with the words that tell one span from another ("first half", "last two games"). A bare
    gerund naming the way it was gained ("four touchdowns receiving") is a span of its own kind."""
    parts: set[str] = set()
    path = list(climb(token, 6))
    own = len(path)
    if verb is not None and verb in path:
        path = path[: path.index(verb) + 1]
        own = len(path)
        while path[-1].dep_ == "conj" and path[-1].head.pos_ in ("VERB", "AUX"):
            path.append(path[-1].head)
    for step, current in enumerate(path):
        if step and step < own and (standing := _standing(current, path[step - 1], counted=step == 1)) is not None:
            parts.add(standing)
        children = [*current.children, *(g for c in current.children if c.dep_ == "acl" for g in c.children)]
        for child in children:
            if step < own and child.dep_ == "attr" and _all_time(child):
                # "passed Buford to become the school's all-time scoring leader with 2,117 points": the
                # figure that makes the holder an all-time leader is a career total, not a game's.
                parts.add("career")
                continue
            phrase: Token | None = None
            if step < own and _manner(child):
                # "four touchdowns receiving", "404 yards rushing": the way the figure was gained, a
                # part of the player's whole ("six touchdowns on offense"), not the whole itself.
                parts.add(child.lemma_.lower())
                continue
            if child.dep_ == "prep" and child.lower_ == "as":
                if step >= own:
                    continue  # "was known as the bagman, and served 4 months": another verb's role
                # "four seasons as the team's director of personnel": the office it was counted in.
                # Only an office (a title word) is one: "as a precaution" says why, not in what role.
                role = next((c for c in child.children if c.dep_ == "pobj" and c.lower_ in TITLE_WORDS), None)
                if role is not None:
                    parts.add(f"as {role.lemma_.lower()}")
                continue
            if child.dep_ == "prep" and child.lower_ == "since":
                # "three times since October", "since Week 11": counted from a start, not in all.
                start = next((c for c in child.children if c.dep_ == "pobj"), None)
                if start is not None and start.i != token.i:
                    parts.add(f"since {start.lower_}")
                continue
            if child.dep_ == "prep":
                phrase = next((c for c in child.children if c.dep_ == "pobj"), None)
                scope = _counted_scope(child, phrase, token)
                if scope is not None:
                    parts.add(scope)
                    continue
            elif child.dep_ in ("npadvmod", "advmod") and child.pos_ == "NOUN":
                phrase = child
            if phrase is None or phrase.lemma_.lower() not in SPAN_NOUNS or phrase.i == token.i or token.head == phrase:
                continue
            words = [w.lower_ for w in phrase.lefts if w.dep_ in _SPAN_WORDS and not w.is_punct]
            parts.add(" ".join([*words, phrase.lemma_.lower()]))
    return "; ".join(sorted(parts)) or None


def _standing(noun: Token, below: Token, counted: bool) -> str | None:
    """The span a noun on the way up from a figure says it is totalled over: a span noun written into
    the counted noun itself, apart (`counted`: "2,117 career points", "in 113 career games"; not a
    noun hyphenated to the next, "career-high", "seven run-ins", nor one the figure itself counts, "a
    95-minute speech"), a noun marked all-time ("the all-time leader in points"), or a record the
    figure is the value of ("record of 2,116 points"; "the records of three people" are papers)."""
    if noun.pos_ != "NOUN":
        return None
    if counted:
        doc = noun.doc
        for child in noun.children:
            hyphenated = child.i + 1 < len(doc) and doc[child.i + 1].text == "-"
            if child.dep_ == "compound" and child.pos_ == "NOUN" and child.i < noun.i and not hyphenated:
                lemma = child.lemma_.lower()
                if lemma in SPAN_NOUNS:
                    return lemma
    if _all_time(noun):
        return "career"
    of_it = below.dep_ == "prep" and below.lower_ == "of"
    if noun.lemma_.lower() in RECORD_NOUNS and noun.tag_ == "NN" and of_it:
        return "record"
    return None


def _all_time(noun: Token) -> bool:
    """Whether the noun is modified by "all-time" (the tokenizer splits it: "all", "-", "time")."""
    for child in noun.children:
        if child.lower_ == "all-time":
            return True
        if child.lemma_.lower() == "time" and any(g.lower_ == "all" for g in child.children):
            return True
    return False


def _counted_scope(preposition: Token, phrase: Token | None, token: Token) -> str | None:
    """A scope the figure is counted over that the sentence itself counts: "691 delegates are up for
    grabs in five states", "865 delegates at stake in 11 states". A figure over five states and one
    over 11 (or over states not counted) are different totals, as a half is not a game. "of" is the
    counted noun's own ("29 of 34 passes"); a number in a date or an amount ("on March 1") is none."""
    if phrase is None or preposition.lower_ == "of" or phrase.pos_ != "NOUN" or token in phrase.subtree:
        return None
    count = next((c for c in phrase.children if c.dep_ == "nummod"), None)
    if count is None or count.ent_type_ in _SCOPE_EXCLUDED or phrase.ent_type_ in _SCOPE_EXCLUDED:
        return None
    value = parse_count(count.lower_)
    return f"over {count.lower_ if value is None else f'{value:g}'} {phrase.lemma_.lower()}"


def _manner(token: Token) -> bool:
    """A bare gerund hanging on the figure's verb or noun ("had four touchdowns receiving", "404
    yards rushing"): it names the way the figure was gained. A gerund with dependents of its own
    ("killing 10 people", "leading the team") is another action, not a manner."""
    return (
        token.tag_ == "VBG"
        and token.dep_ in ("xcomp", "advcl", "acl")
        and all(c.dep_ in ("punct", "advmod") for c in token.children)
    )
