"""Who a source phrase names: a name only when the text leaves no doubt, otherwise the phrase as written.

The source of an attribution (`attributions.find_attributions`) is the subject of its cue as written:
a name, a pronoun, a description ("the company", "the Russian leader"). It is resolved to a name
on these terms, and left as written otherwise:

- A name is the entity it belongs to. A surname alone shared by two people of the story ("Trump"
  for Donald and for Ivanka Trump) is the full name written first before it; with none before, or
  with another of them named in reach of it, it stays as written. A bare surname of someone the
  article names in full is a person, whatever type its entity was given.
- "he"/"she" (a person) and "it" (an organisation) take the antecedent only when it is certain: the
  nearest sentence before the pronoun that mentions a compatible candidate mentions exactly one.
- A definite organisation noun ("the company said") is an antecedent in the same way; a definite
  description of a person ("the Russian leader") is the one person whose stated roles share its
  words best, if this article named that person before. An indefinite one ("an Uber spokesperson")
  introduces someone new and is never resolved, nor is a possessive one ("her father") or one
  carrying a name ("the Clinton campaign").
- The people a quotation talks about are never its speaker: a candidate the quotation names (a
  tribute to a victim) is not a candidate for it. A group ("African-Americans") is no antecedent of
  "he", "she" or "it".
- "who" stands for the noun its clause describes; after a list, the member right before it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from newsfuse.extract.given_names import is_given_name
from newsfuse.extract.names import ORGANIZATION_HEADS, is_title_word
from newsfuse.extract.quote_marks import QuoteRegion
from newsfuse.extract.syntax import climb
from newsfuse.models import Entity

Kind = Literal["person", "organization", "either"]
Offsets = tuple[int, int]

# Sentences of narration (not wholly quoted) before the referring word's own that are in reach of
# it. One: an antecedent further back is a guess; sentences whose subject is written the same way
# ("Then she shattered party norms") carry the reach further without counting.
ANTECEDENT_REACH_SENTENCES = 1
PERSON_PRONOUNS = frozenset({"he", "she"})
BODY_PRONOUNS = frozenset({"it"})
# Determiners of a description that refers back to someone already mentioned.
DEFINITE = frozenset({"the", "this", "that"})
# spaCy's entity labels that name a speaker, as candidate kinds.
_LABEL_KINDS: dict[str, Kind] = {"PERSON": "person", "ORG": "organization"}
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# How far up a noun phrase an apposition is followed to its subject ("the director of the agency").
MAX_PHRASE_DEPTH = 6
# One word of a person's name: capitalised letters, maybe joined by an apostrophe or a hyphen
# ("O'Neil", "Jean-Luc"), or an initial ("J.").
_NAME_WORD = re.compile(r"[^\W\d_a-z][^\W\d_]*(?:['’-][^\W\d_]+)*\.?")
# spaCy's labels of a named subject that cannot be a speaker referred back to: places, dates,
# amounts. Others stay candidates: the small model often labels a person PRODUCT or WORK_OF_ART
# ("Ivanka Trump also advises her father"). NORP (nationalities, religious and political groups:
# "African-Americans", "Democrats") names a group, never the one person or body "he", "she" or "it"
# refers back to (issue 22: "African-Americans, he said, can ..." gave Mr. Obama's words to "Americans").
_MUTE_LABELS = frozenset(
    {"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LANGUAGE", "NORP"}
)


# Pronouns that open a relative clause about a person or body.
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


@dataclass(frozen=True, slots=True)
class _Candidate:
    """Someone mentioned at start..end who could be referred back to; `key` tells people apart."""

    start: int
    end: int
    key: str
    name: str | None
    kind: Kind
    sentence: int
    subject: bool


@dataclass(frozen=True, slots=True)
class _FullName:
    start: int
    first: str
    surname: str
    text: str


class SpeakerResolver:
    """Resolves the source phrases of one parsed article against the story's entities."""

    def __init__(
        self, text: str, doc: Doc, article_id: str, entities: Sequence[Entity], quotes: Sequence[QuoteRegion]
    ) -> None:
        self.text = text
        self.article_id = article_id
        self.doc = doc
        self.entities = entities
        self.quotes = list(quotes)
        sentences = list(doc.sents)
        self._sentences = sentences
        self._sentence_starts = [s.start_char for s in sentences]
        self._narration = [
            any(not t.is_punct and not t.is_space and not self._quoted(t.idx) for t in s) for s in sentences
        ]
        self._located = sorted(
            (
                (m.span.start, m.span.end, e)
                for e in entities
                for m in e.mentions
                if m.span.article_id == article_id and e.type in ("person", "organization")
            ),
            key=lambda x: x[0],
        )
        self._full_names = self._find_full_names()
        self._candidates = self._find_candidates()

    def resolve(self, source: Offsets, quote: Offsets | None = None) -> str | None:
        """The name the source phrase at `source` refers to when certain, else None (keep it as written).
        `quote` is what was said: the people it names are not its speaker. A name ending in a title
        ("Secretary" of "Secretary of the Interior Dirk Kempthorne", "Bloomington Police Sgt" of "Sgt.
        Marty Earley") is a rank the parser cut from its person, not a name: the source stays as written.
        A title word the article also writes as a surname ("King" of "Billy King") is a name."""
        name = self._resolve(source, quote)
        if name is None or not is_title_word(last := name.split()[-1]):
            return name
        # ... written after a given name ("Billy King"), not after a place ("Bloomington Police Sgt").
        surnamed = any(f.surname == last.casefold() and is_given_name(f.first) for f in self._full_names)
        return name if surnamed else None

    def _resolve(self, source: Offsets, quote: Offsets | None) -> str | None:
        span = self.doc.char_span(source[0], source[1], alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        head = span.root
        lower = head.lower_
        if lower in _RELATIVE_PRONOUNS and head.head.dep_ == "relcl" and head.head.head.i != head.head.i:
            # "said Mary John, 43, who witnessed ...": "who" stands for the noun its clause describes.
            noun = _nearest_conjunct(head.head.head, head.i)
            return self._resolve((noun.left_edge.idx, noun.idx + len(noun.text)), quote)
        if lower in PERSON_PRONOUNS:
            return self._antecedent(head, "person", quote)
        if lower in BODY_PRONOUNS:
            return self._antecedent(head, "organization", quote)
        if head.pos_ == "PRON":
            return None
        counted = any(c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ not in DEFINITE) for c in head.children)
        if head.pos_ == "PROPN" and head.ent_type_ not in {"PERSON", "ORG"} and counted:
            return None  # "one prominent centrist Democrat": a member of a group, not a name
        covering = [c for c in self._candidates if c.start <= head.idx < c.end]
        if covering:
            return covering[0].name
        if head.pos_ == "PROPN":
            return self._written_name(_name_tokens(head), None, head.idx)
        named = [c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if named:
            # "its commander, Olav Brekke": the description's apposition is its name.
            return self.resolve((named[0].left_edge.idx, named[0].idx + len(named[0].text)), quote)
        return self._described(head, quote)

    # -- candidates -------------------------------------------------------------------------------

    def _find_candidates(self) -> list[_Candidate]:
        """Entity mentions, spaCy's people and organisations the entities missed, and named subjects,
        outside quotations and not as a modifier ("the Trump administration")."""
        out: list[_Candidate] = []
        taken: list[Offsets] = []
        for start, end, entity in self._located:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None or self._quoted(start) or _modifier(span.root, span.end):
                continue
            kind: Kind = "person" if entity.type == "person" else "organization"
            if _LABEL_KINDS.get(span.root.ent_type_, kind) != kind:
                kind = "either"  # the tagger and the entity disagree: a person typed as a body, or back
            written = self.text[start:end]
            name = self._written_name(written.split(), entity, start) if entity.type == "person" else entity.name
            if entity.type == "organization" and self._surname(written):
                # A bare surname of someone this article names in full ("Waldie" after "Undersheriff
                # Larry Waldie") is that person, whatever type the entity was given.
                kind, name = "person", self._written_name([written], None, start)
            out.append(_Candidate(start, end, entity.id, name, kind, self._sentence(start), _is_subject(span.root)))
            taken.append((start, end))
        for ent in self.doc.ents:
            kind_of = _LABEL_KINDS.get(ent.label_)
            if kind_of is None or self._quoted(ent.start_char) or _overlaps(taken, ent.start_char, ent.end_char):
                continue
            if _modifier(ent.root, ent.end):
                continue
            words = _strip_titles([t.text for t in ent if not t.is_punct and t.dep_ != "case"])
            if not words:
                continue
            known = self._entity_named(words)
            if kind_of == "person":
                name = self._written_name(words, known, ent.start_char)
            else:
                name = known.name if known is not None else " ".join(words)
            key = known.id if known is not None else _key(words)
            out.append(
                _Candidate(
                    ent.start_char,
                    ent.end_char,
                    key,
                    name,
                    kind_of,
                    self._sentence(ent.start_char),
                    _is_subject(ent.root),
                )
            )
            taken.append((ent.start_char, ent.end_char))
        for token in self.doc:
            if token.dep_ not in _SUBJECTS or token.pos_ != "PROPN" or self._quoted(token.idx):
                continue
            if token.ent_type_ in _MUTE_LABELS or self._place(token.idx):
                continue  # "North Korea would harm China": a place is not someone to refer back to
            if _overlaps(taken, token.idx, token.idx + len(token.text)):
                continue
            words = _strip_titles([t.text for t in _name_tokens(token)])
            if not words:
                continue
            first = _name_tokens(token)[0]
            known = self._entity_named(words)
            name = self._written_name(words, known, first.idx)
            key = known.id if known is not None else _key(words)
            end = token.idx + len(token.text)
            out.append(_Candidate(first.idx, end, key, name, "either", self._sentence(first.idx), True))
        return sorted(out, key=lambda c: c.start)

    def _surname(self, written: str) -> bool:
        """Whether `written` is one word that ends a full name this article gives with a given name."""
        folded = written.strip().casefold()
        return " " not in folded and any(f.surname == folded and is_given_name(f.first) for f in self._full_names)

    def _place(self, at: int) -> bool:
        return any(
            m.span.start <= at < m.span.end
            for e in self.entities
            if e.type == "place"
            for m in e.mentions
            if m.span.article_id == self.article_id
        )

    def _entity_named(self, words: Sequence[str]) -> Entity | None:
        """The story's person or organisation that carries `words` as a name or alias."""
        folded = " ".join(words).casefold()
        for entity in self.entities:
            if entity.type in ("person", "organization") and any(n.casefold() == folded for n in entity.names):
                return entity
        return None

    def _find_full_names(self) -> list[_FullName]:
        """Names written with a given name and a surname ("Ivanka Trump"), outside quotations: the runs
        of proper nouns that end a name, titles left off."""
        out: list[_FullName] = []
        run: list[Token] = []
        for token in [*self.doc, None]:
            if (
                token is not None
                and token.pos_ == "PROPN"
                and _NAME_WORD.fullmatch(token.text)
                and not self._quoted(token.idx)
            ):
                run.append(token)
                continue
            # Anything else ends the run, a proper noun that is no name word too ("Fla.—President").
            words = _person_words(run)
            if len(words) >= 2:
                out.append(_FullName(run[0].idx, _given(words), words[-1].casefold(), " ".join(words)))
            run = []
        return out

    def _written_name(self, words: Sequence[str | Token], entity: Entity | None, at: int) -> str | None:
        """The name for a person written as `words` at `at`: the entity's canonical name, unless the
        words are a surname two people of the story share (then the first full name before, or
        None) or a full name the entity does not carry (then the words)."""
        plain = _strip_titles([w if isinstance(w, str) else w.text for w in words])
        if not plain:
            return None
        if len(plain) == 1:
            surname = plain[0].casefold()
            firsts = {f.first for f in self._full_names if f.surname == surname}
            firsts |= {
                _given(e.name.split())
                for e in self.entities
                if e.type == "person" and len(e.name.split()) >= 2 and e.name.split()[-1].casefold() == surname
            }
            if len(firsts) >= 2:
                # Where relatives share a surname, a news report gives the bare surname to the person
                # it is about, named first, and tells the others by given name or title ("his father,
                # coach Greg McDermott"; "Doug said").
                before = [f for f in self._full_names if f.surname == surname and f.start < at]
                if not before:
                    return None
                # ... unless another of them was just named, in reach of the surname: two unrelated
                # Williamses of one report ("Makaeo Williams, 18, said" above; "Councilman Jumaane
                # Williams blasted outsiders" right before "Williams fumed"), which is meant is no
                # longer certain.
                near = [f for f in before if self._sentence(f.start) >= self._sentence(at) - ANTECEDENT_REACH_SENTENCES]
                if near and near[-1].text != before[0].text:
                    return None
                return before[0].text
            if entity is not None:
                return self._shown(entity)
            known = [f.text for f in self._full_names if f.surname == surname]
            return known[0] if known else plain[0]
        written = " ".join(plain)
        if entity is not None and plain[0].casefold() in {w.casefold() for n in entity.names for w in n.split()}:
            return self._shown(entity)
        return written

    def _shown(self, entity: Entity) -> str:
        """A person's canonical name without what the tagger glued before it: the longest name the
        parser tags as a person in this text that ends the canonical one ("Theo Epstein" for "GM
        Theo Epstein", "Olli Rehn" for "Commissioner Olli Rehn")."""
        tagged = [
            " ".join(_person_words(list(span)))
            for m in entity.mentions
            if m.span.article_id == self.article_id
            and (span := self.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")) is not None
        ]
        suffixes = [t for t in tagged if len(t.split()) >= 2 and entity.name.endswith(" " + t)]
        return max(suffixes, key=len) if suffixes else entity.name

    # -- pronouns and descriptions -----------------------------------------------------------------

    def _antecedent(self, referring: Token, kind: Kind, quote: Offsets | None) -> str | None:
        """The one compatible candidate of the nearest sentence before `referring` that mentions
        any, within reach: the referring word's own sentence and the narration sentence before it,
        reaching further back through sentences whose subject refers the same way ("she … she")."""
        at = referring.idx
        here = self._sentence(at)
        reach = ANTECEDENT_REACH_SENTENCES
        index = here
        while index >= 0 and reach >= 0:
            mentioned = [c for c in self._candidates if c.sentence == index and c.end <= at]
            found = [c for c in mentioned if c.kind in (kind, "either")]
            if not found and any(c.subject for c in mentioned):
                return None  # the nearest subject cannot be referred to so: nobody is certain
            if found:
                # Certain: one candidate, and the subject of its clause ("told The Post that the
                # company ..." leaves the company unknown).
                speaking = [c for c in found if not self._named_in(c, quote)]
                keys = {c.key for c in speaking}
                return speaking[-1].name if len(keys) == 1 and speaking[-1].subject else None
            if index < here and self._narration[index] and not self._same_subject(index, referring):
                reach -= 1
            index -= 1
        return None

    def _same_subject(self, index: int, referring: Token) -> bool:
        """Whether sentence `index` has a subject written as `referring` is ("she", "the company")."""
        sentence = self._sentences[index]
        return any(t.dep_ in _SUBJECTS and t.lower_ == referring.lower_ for t in sentence)

    def _described(self, head: Token, quote: Offsets | None) -> str | None:
        determiners = [c for c in head.children if c.dep_ == "det"]
        if not determiners or determiners[0].lower_ not in DEFINITE:
            return None  # "an Uber spokesperson", "officials": someone not mentioned before
        if any(c.dep_ == "poss" or (c.pos_ == "PROPN" and c.dep_ in {"compound", "nmod"}) for c in head.children):
            return None  # "her father", "the Clinton campaign": the phrase says more than a name would
        if head.lemma_.lower() in ORGANIZATION_HEADS:
            return self._antecedent(head, "organization", quote)
        return self._by_role(head, quote)

    def _by_role(self, head: Token, quote: Offsets | None) -> str | None:
        """The person whose stated roles share the description's rarest words, when exactly one does best."""
        words = {t.lower_ for t in head.subtree if not t.is_stop and not t.is_punct}
        people = [e for e in self.entities if e.type == "person" and e.roles]
        vocabulary = {e.id: {w.lower().strip(",.") for r in e.roles for w in r.text.split()} for e in people}
        spread: Counter[str] = Counter(w for v in vocabulary.values() for w in v & words)
        scores = {e.id: sum(1.0 / spread[w] for w in vocabulary[e.id] & words) for e in people}
        ranked = sorted(people, key=lambda e: -scores[e.id])
        if not ranked or scores[ranked[0].id] <= 0:
            return None
        if len(ranked) > 1 and scores[ranked[1].id] == scores[ranked[0].id]:
            return None
        best = ranked[0]
        if quote is not None and any(quote[0] <= m.span.start < quote[1] for m in best.mentions):
            return None
        # A definite description refers back: to someone this article has named before it. A person
        # only another article of the story names ("the prosecutor in the Costello case" of 1957 and
        # a judge who was once a prosecutor) is not its antecedent.
        if not any(m.span.article_id == self.article_id and m.span.start < head.idx for m in best.mentions):
            return None
        return best.name

    def _named_in(self, candidate: _Candidate, quote: Offsets | None) -> bool:
        """Whether the quotation names the candidate (by any of its capitalised words): it talks about them."""
        if quote is None:
            return False
        said = set(self.text[quote[0] : quote[1]].replace("’", "'").replace("'s", " ").split())
        written = self.text[candidate.start : candidate.end].replace("’", "'").replace("'s", " ").split()
        names = [w for w in [*written, *(candidate.name or "").split()] if w[:1].isupper() and len(w) > 2]
        return any(w in said for w in names)

    # -- positions -------------------------------------------------------------------------------------

    def _sentence(self, at: int) -> int:
        return max(0, bisect_right(self._sentence_starts, at) - 1)

    def _quoted(self, at: int) -> bool:
        return any(q.start <= at < q.end for q in self.quotes)


def _person_words(run: Sequence[Token]) -> list[str]:
    """The words of a run of proper nouns that name a person: the part the parser tags as a person
    when it ends the run ("Olli Rehn" of "EU Commissioner Olli Rehn"), titles left off."""
    tagged = 0
    while tagged < len(run) and run[len(run) - 1 - tagged].ent_type_ == "PERSON":
        tagged += 1
    words = _strip_titles([t.text for t in run[len(run) - tagged :]]) if tagged >= 2 else []
    return words if len(words) >= 2 else _strip_titles([t.text for t in run])


def _nearest_conjunct(noun: Token, before: int) -> Token:
    """The member of a list that a relative pronoun right after it describes: the last one before
    it ("celebrities like Oprah Winfrey, Will Smith ... and Stevie Wonder, who joked ..."). The
    parser hangs the clause on the first member of the list; a clause that says what one person
    said is about the one named last, next to it."""
    members = [noun, *(t for t in noun.subtree if t.dep_ == "conj" and t.pos_ == noun.pos_)]
    members = [t for t in members if t.i < before and _in_chain(t, noun)]
    return max(members, key=lambda t: t.i) if members else noun


def _in_chain(token: Token, noun: Token) -> bool:
    """Whether `token` is `noun` or reached from it through conjuncts alone."""
    while token.i != noun.i:
        if token.dep_ != "conj" or token.head.i == token.i:
            return False
        token = token.head
    return True


def _given(words: Sequence[str]) -> str:
    """The given name of a full name: the word before the surname, initials skipped ("Donald J. Trump")."""
    before = [w for w in words[:-1] if not (len(w) <= 2 and w.endswith("."))]
    return (before[-1] if before else words[0]).casefold()


def _is_subject(root: Token) -> bool:
    """A subject, or a name in apposition inside one ("Its chief executive, Tobias Kallberg, said";
    "The regional director of the agency, Lene Abrahamsen, said", wherever the parser hangs it)."""
    if root.dep_ in _SUBJECTS:
        return True
    if root.dep_ != "appos":
        return False
    for token in climb(root.head, MAX_PHRASE_DEPTH):
        if token.dep_ in _SUBJECTS:
            return True
        if token.dep_ not in {"pobj", "prep", "compound", "appos"}:
            return False
    return False


def _modifier(root: Token, end: int) -> bool:
    """A name used as a modifier of what follows it ("the Trump administration")."""
    return bool(root.dep_ == "compound" and root.head.i >= end)


def _name_tokens(head: Token) -> list[Token]:
    """A proper noun with the proper nouns compounded into it ("Ivanka Trump")."""
    parts = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return [*parts, head] if parts and parts[-1].i == head.i - 1 else [head]


def _strip_titles(words: Sequence[str]) -> list[str]:
    """The words of a name after the titles before it ("U.S. President Donald Trump" -> "Donald
    Trump", "Mr. Trump" -> "Trump") and the acronyms that lead it ("GM Theo Epstein"), without a
    possessive."""
    out = [w.removesuffix("'s").removesuffix("’s") for w in words]
    out = [w for w in out if w]
    titles = [i for i, w in enumerate(out[:-1]) if is_title_word(w)]
    out = out[titles[-1] + 1 :] if titles else out
    while len(out) > 2 and out[0].isupper() and len(out[0]) >= 2:
        out = out[1:]
    return out


def _key(words: Sequence[str]) -> str:
    return "written:" + " ".join(words).casefold()


def _overlaps(taken: Sequence[Offsets], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in taken)
