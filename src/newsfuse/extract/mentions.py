"""Name mentions in one parsed article: NER spans tidied into names, with type cues and stated roles.

The statistical tagger is a first guess. Its spans are trimmed (articles, titles, possessives), split
at inner possessives ("Kim's Beijing"), extended over a cut-off last name part ("Kim Jong" + "One")
and over a lower-case area noun ("Halsted" + "housing estate"); each mention keeps cues that later
votes on its type use (a title before it, a locative preposition, a category word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsfuse.extract.cues import SPEECH_VERBS
from newsfuse.extract.names import (
    AREA_MODIFIERS,
    AREA_NOUNS,
    ORGANIZATION_HEADS,
    PLACE_HEADS,
    TITLE_WORDS,
    clean_surface,
    is_title_word,
)
from newsfuse.models import EntityType, Mention, Span
from newsfuse.text.calendar import MONTHS, WEEKDAYS

NER_TYPES: dict[str, EntityType] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "EVENT": "other",
    "PRODUCT": "other",
}
# Prepositions after which a name is nearly always a place ("in Tervik", "near Orrisford").
LOCATIVE_PREPOSITIONS = frozenset(["in", "near", "across", "outside", "around", "into", "through", "towards", "toward"])
# "the city of X", "the port of X": the noun before "of" makes X a place.
PLACE_OF_NOUNS = frozenset(
    ["city", "town", "port", "village", "province", "county", "region", "capital", "district", "island"]
)
# A role longer than this many words is a clause, not a title or a description.
MAX_ROLE_WORDS = 12
_JOINED_NAMES = re.compile(r"[A-Za-z.]-[A-Z]")
_ROLE_DEPS = frozenset({"compound", "amod", "nmod"})
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl"})
_SKIP_LEADING = frozenset({"DET", "PRON", "PUNCT", "CCONJ", "ADP", "SPACE"})
_ARTICLES = frozenset({"the", "a", "an"})
_WHEN = frozenset({"DATE", "TIME"})
# Words a role never ends on ("the chief of", "a friend and"): trimmed off, never its last word.
# Present forms of verbs of saying, which no title holds.
_SAYING = frozenset({"say", "says", "allege", "alleges", "tell", "tells"})
_ROLE_TRAIL = frozenset({"CCONJ", "ADP", "DET"})
# Nouns for a body, which modify a title after them ("club President", "team Captain").
_BODY_NOUNS = ORGANIZATION_HEADS | PLACE_HEADS | frozenset({"team", "squad", "firm", "unit", "station"})


@dataclass(frozen=True, slots=True)
class NameMention:
    """A name written in an article, before mentions are merged into entities."""

    text: str
    span: Span
    label: EntityType | None  # None for an occurrence found by name only, which casts no type vote
    place_cue: bool = False
    person_cue: bool = False
    role: Mention | None = None
    determined: bool = False


def find_mentions(article_id: str, doc: Doc) -> list[NameMention]:
    """Every name the tagger finds in the document, tidied, in text order."""
    found: list[NameMention] = []
    for ent in doc.ents:
        label = NER_TYPES.get(ent.label_)
        if label is None:
            continue
        for start, end in _split_possessives(ent):
            mention = _tidy(article_id, doc, start, end, label)
            if mention is not None:
                found.append(mention)
    return found


def _names_the_subject(root: Token) -> bool:
    """Whether a name is what a copula calls its subject, itself a named person."""
    verb = root.head
    return (
        root.dep_ == "attr"
        and verb.lemma_ == "be"
        and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON" for c in verb.children)
    )


def _after_dateline(text: str, label: EntityType) -> tuple[int, str]:
    """The name after a dateline run into it with an em dash and no spaces ("PALM BEACH, Fla.—President
    Trump", as some papers set it), without the title that follows the dash; and how many characters
    were cut. A name itself never holds an em dash."""
    cut = text.rfind("—") + 1
    if cut == 0:
        return 0, text
    words = text[cut:].split()
    while label == "person" and len(words) > 1 and is_title_word(words[0]):
        words = words[1:]
    rest = " ".join(words)
    return (text.find(rest, cut), rest) if rest else (len(text), "")


def _split_possessives(ent: SpacySpan) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    start = ent.start
    for token in ent:
        # Split at "'s" only: a bare apostrophe closes a plural inside a name ("General Workers' Union").
        if token.tag_ == "POS" and token.text in {"'s", "’s"} and token.i + 1 < ent.end:
            pieces.append((start, token.i))
            start = token.i + 1
    pieces.append((start, ent.end))
    return [(s, e) for s, e in pieces if e > s]


def _tidy(article_id: str, doc: Doc, start: int, end: int, label: EntityType) -> NameMention | None:
    # Leading determiners, lower-case words and titles belong to the role, not the name.
    title_start = start
    while start < end and (
        doc[start].pos_ in _SKIP_LEADING
        or not doc[start].text[:1].isupper()
        or (label == "person" and is_title_word(doc[start].text))
    ):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    if start >= end or (label == "person" and is_title_word(doc[end - 1].text)):
        return None  # a name never ends on a title: "Bloomington Police Sgt" is Sgt. Marty Earley's role
    start = _extend_left(doc, start, label)
    end = _extend(doc, start, end, label)
    text = clean_surface(doc[start:end].text)
    skipped, text = _after_dateline(text, label)
    if not text or not any(ch.isupper() for ch in text) or text.lower() in WEEKDAYS or text.lower() in MONTHS:
        return None
    if label == "person" and _JOINED_NAMES.search(text):
        return None  # "U.S.-China", "Xi-Kim": two names joined as a modifier, not a person
    if label == "person" and end - start == 1 and doc[start].tag_ == "NNPS":
        return None  # a plural name ("Greeks", "the Clintons") is a people or a family, not a person
    if label == "person" and _names_the_subject(doc[start:end].root):
        return None  # "McDermott was usual Dependable Doug": a nickname for the subject, not a person
    span = Span(article_id, doc[start].idx + skipped, doc[start].idx + skipped + len(text))
    titled = any(is_title_word(doc[i].text) for i in range(title_start, start))
    role = _role(article_id, doc, start, end)
    # A title before the name, or a description in apposition to a two-part name ("Emil Raskov, a
    # forklift driver"), marks a person; a one-word place also takes appositions ("Askervik, 20 km up").
    described = role is not None and end - start >= 2 and doc[start:end].root.dep_ != "appos"
    root = doc[start:end].root
    # English puts no article before a person's name: "the California Highway Patrol said", "the
    # Federal Vacancies Reform Act" name a body or a law, whatever the tagger says. The article must
    # belong to the name itself, not to a noun it modifies ("the Trump administration").
    determined = start > 0 and doc[start - 1].lower_ in _ARTICLES and doc[start - 1].head.i == root.i
    # A two- or three-part name that says something ("Odile Marchand said") is a person, unless its
    # last word names a kind of body or place ("Kaldmere Ferries said").
    speaks = (
        2 <= end - start <= 3
        and root.dep_ in {"nsubj", "nsubjpass"}
        and root.head.lemma_ in SPEECH_VERBS
        and not any(t.lower_ in ORGANIZATION_HEADS | PLACE_HEADS for t in doc[start:end])
    )
    return NameMention(
        text=text,
        span=span,
        label=label,
        place_cue=_place_cue(doc, start),
        person_cue=not determined and (titled or described or speaks or (role is not None and label == "person")),
        role=role,
        determined=determined,
    )


def _extend_left(doc: Doc, start: int, label: EntityType) -> int:
    # A given name the tagger left out ("Spokesman Dries | Vanterpool").
    if label == "person" and start > 0:
        before = doc[start - 1]
        if (
            before.pos_ == "PROPN"
            and before.is_title
            and not before.is_sent_start
            and not is_title_word(before.text)
            and not before.ent_type_
        ):
            return start - 1
    return start


def _extend(doc: Doc, start: int, end: int, label: EntityType) -> int:
    # A multi-part personal name cut short before a capitalised last part ("Kim Jong" | "One").
    if label == "person" and end - start >= 2 and end < len(doc):
        nxt = doc[end]
        if (
            nxt.is_title
            and not nxt.is_sent_start
            and nxt.tag_ in {"NNP", "CD"}
            and nxt.lower_ not in WEEKDAYS
            and nxt.lower_ not in MONTHS
        ):
            end += 1
    # A place written with its category noun: "Grevlund industrial park", "Halsted housing estate".
    index = end
    while index < len(doc) and index - end < 2 and doc[index].lower_ in AREA_MODIFIERS:
        index += 1
    if index < len(doc) and doc[index].lower_ in AREA_NOUNS and doc[index].text.islower():
        end = index + 1
    return end


def _place_cue(doc: Doc, start: int) -> bool:
    if start == 0:
        return False
    before = doc[start - 1]
    if before.lower_ in LOCATIVE_PREPOSITIONS:
        return True
    return before.lower_ == "of" and start >= 2 and doc[start - 2].lower_ in PLACE_OF_NOUNS


def _role(article_id: str, doc: Doc, start: int, end: int) -> Mention | None:
    """The title or description an article attaches to a name: before it ("fire chief Margit
    Sallander"), in apposition after it ("Zhu Feng, dean of ..."), or as the noun it is in apposition
    to ("Kaldmere's governor, Odile Marchand")."""
    root = doc[start:end].root
    tokens: list[Token] = []
    left = [child for child in root.lefts if child.i < start and child.dep_ in _ROLE_DEPS]
    if left:
        first = min(t.left_edge.i for t in left)
        # A role never starts inside a word: the parser may hang the parts of "co-author" apart
        # ("co" on the preposition before, "-author" on the name).
        while first > 0 and not doc[first - 1].whitespace_ and not doc[first - 1].is_punct:
            first -= 1
        tokens = _own_words(list(doc[first:start]))
        # A word with a subject of its own is a clause's verb the parser hung on the name ("The Colts'
        # defense stuffed quarterback Brady Quinn"): a title has no subject, and starts after it.
        # So is a verb of saying the tagger read as a noun ("Police allege Eric Allen Kirkpatrick, 61,
        # opened fire").
        verbs = [k for k, t in enumerate(tokens) if any(c.dep_ == "nsubj" for c in t.children) or t.lower_ in _SAYING]
        tokens = tokens[verbs[-1] + 1 :] if verbs else tokens
        tokens = _without_honorific(tokens)
        last = next((t for t in reversed(tokens) if not _trailing(t)), None)
        if last is None or not (
            last.pos_ in {"NOUN", "PROPN"}
            or (last.dep_ == "compound" and last.pos_ != "VERB")
            or is_title_word(last.text)
        ):
            return None  # "hurricane-ravaged Puerto Rico": a title ends on a noun, a description may not
    else:
        appositive = [child for child in root.rights if child.dep_ == "appos" and child.i >= end]
        if appositive and not (_describes(doc, end, appositive[0]) and _complete(appositive[0])):
            return None
        if appositive:
            # The description without its relative clause: "a forklift driver [who was working ...]".
            clauses = {t.i for c in appositive[0].children if c.dep_ in _CLAUSE_DEPS for t in c.subtree}
            tokens = [t for t in appositive[0].subtree if t.i not in clauses]
            # A role is one run of words: it ends where a clause was taken out.
            gap = next((k for k in range(1, len(tokens)) if tokens[k].i != tokens[k - 1].i + 1), len(tokens))
            tokens = tokens[:gap]
            # ... and on the name's line: a dateline or a headline below is not part of it.
            broken = next((i for i, t in enumerate(tokens) if "\n" in t.text or "\n" in t.whitespace_), None)
            tokens = tokens if broken is None else tokens[: broken + 1]
        elif root.dep_ == "appos" and root.head.i < start:
            head = root.head
            tokens = _own_words([t for t in head.subtree if t.i < start and t.i >= head.left_edge.i])
    return _as_role(article_id, doc, tokens)


def _trailing(token: Token) -> bool:
    """A word a role does not end on: punctuation, a conjunction, a preposition or an article. A word
    the parser hangs on the name as a compound is part of it, whatever its tag ("free-agent forward
    Elton Brand", where "forward" is tagged a preposition)."""
    if token.is_punct or token.is_space:
        return True
    return token.pos_ in _ROLE_TRAIL and token.dep_ != "compound"


def _without_honorific(tokens: list[Token]) -> list[Token]:
    """A description written before the honorific the name bears ("Fox Nation host Judge Andrew
    Napolitano", "fellow committee member Rep. Tom Cole", "Chairman of the Joint Chiefs of Staff
    General Joseph Dunford"): the description is the role; the honorific goes with the name and,
    glued on, garbles the role. A title of several words ("Deputy Attorney General", "U.S. District
    Judge", "Senate Majority Leader") is one role: the cut is made only where a common noun for a
    person, or a title written "X of Y", ends the words before the honorific. A noun for a body there
    says whose title it is ("club President Dean Spanos", "team Captain"), and stays."""
    words = [t for t in tokens if not t.is_space]
    end = len(words)
    while end > 0 and _honorific(words[end - 1]):
        end -= 1
    if end in {0, len(words)}:
        return tokens
    before = words[:end]
    last = before[-1]
    noun = last.pos_ == "NOUN" and not is_title_word(last.text) and last.lower_ not in _BODY_NOUNS
    titled = any(is_title_word(t.text) and n.lower_ == "of" for t, n in pairwise(before))
    return [t for t in tokens if t.i <= last.i] if noun or titled else tokens


def _honorific(token: Token) -> bool:
    """A title written capitalised before a name ("Judge", "Rep.", "General"); an acronym ("CEO",
    "Amazon's worldwide consumer CEO") heads a role and is no form of address."""
    return token.text[:1].isupper() and not token.text.isupper() and is_title_word(token.text)


def _complete(appositive: Token) -> bool:
    """Whether an apposition's noun says a role without an infinitive of its own: "his choice to
    replace Jeff Sessions", "the man to beat" name the person only through the clause, which a
    role leaves out."""
    return not any(
        c.dep_ == "acl" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children) for c in appositive.children
    )


def _own_words(tokens: list[Token]) -> list[Token]:
    """The words before a name that are its own: on its line, and after another name joined to it
    ("Perlo and co-counsel Robin Yanes": co-counsel is Yanes's role, Perlo's name is not)."""
    tokens = _on_the_names_line(tokens)
    inside = {t.i for t in tokens}
    # A name right before the "and" that hangs on nothing in the role is another subject ("Perlo"); one
    # that does is part of the role ("Minister of Communications and Information Technology").
    joined = [
        i
        for i, t in enumerate(tokens)
        if t.pos_ == "CCONJ" and i > 0 and tokens[i - 1].pos_ == "PROPN" and tokens[i - 1].head.i not in inside
    ]
    return tokens[joined[-1] + 1 :] if joined else tokens


def _on_the_names_line(tokens: list[Token]) -> list[Token]:
    """The words before a name that stand on its own line. A line above is a headline or a
    subheading ("Tactical decision" over "Stan Perlo, ..."), unless it ends on a title the name's
    line goes on from ("76ers fire Head Coach" over "Maurice Cheeks")."""
    breaks = [i for i, token in enumerate(tokens) if "\n" in token.text or "\n" in token.whitespace_]
    if not breaks:
        return tokens
    same_line = tokens[breaks[-1] + 1 :]
    if any(not (t.is_punct or t.is_space) for t in same_line):
        return same_line
    line_end = next((t for t in reversed(tokens[: breaks[-1] + 1]) if not (t.is_punct or t.is_space)), None)
    if line_end is None or not is_title_word(line_end.text):
        return []
    line_start = breaks[-2] + 1 if len(breaks) > 1 else 0
    return [t for t in tokens[line_start : breaks[-1] + 1] if not t.is_space]


def _describes(doc: Doc, end: int, appositive: Token) -> bool:
    """An apposition describes the name when it is a noun phrase set off by a comma or a dash
    right after the name. One in parentheses is an aside ("Reggie Bush (knee)", "(R-Texas)"), one
    headed by a verb is a misparse ("Kirkpatrick, police allege"), and so is one the parser hung on
    the name from further on ("Reggie Bush was lost ... in New Orleans' Sept. 20 win over San
    Francisco": "win" is no description of Bush)."""
    if appositive.pos_ not in {"NOUN", "PROPN"} and appositive.lower_ not in TITLE_WORDS:
        return False
    opening = max(end, appositive.left_edge.i)
    return all(t.is_punct for t in doc[end:opening]) and "(" not in {doc[opening - 1].text, doc[opening].text}


def _as_role(article_id: str, doc: Doc, tokens: list[Token]) -> Mention | None:
    # A date before a title belongs to the clause, not the role ("on Wednesday owner Tom Benson").
    while tokens and (tokens[0].pos_ in _SKIP_LEADING or tokens[0].tag_ == "POS" or tokens[0].ent_type_ in _WHEN):
        tokens = tokens[1:]
    while tokens and _trailing(tokens[-1]):
        tokens = tokens[:-1]
    if not tokens or len(tokens) > MAX_ROLE_WORDS:
        return None
    if not any(t.pos_ == "NOUN" or is_title_word(t.text) for t in tokens):
        return None
    # Another person's name is no role; a span the tagger took for one that ends on a title is a role
    # ("Bloomington Police Sgt." before Marty Earley).
    named = [t for t in tokens if t.ent_type_ == "PERSON"]
    if (named and not is_title_word(named[-1].text)) or any(t.text in {"(", ")", "“", "”", '"'} for t in tokens):
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    # Doc.text rebuilds the whole text on every access; the span's own text is the same characters.
    return Mention(doc[tokens[0].i : tokens[-1].i + 1].text, Span(article_id, start, end))
