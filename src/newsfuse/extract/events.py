"""Describe the event a date mention dates: the clause around it, shortened to its core.

"Kim, who arrived in Beijing by train on Tuesday, was one of ..." dates the relative clause, so the
event reads "Kim arrived in Beijing by train"; subordinate and parallel clauses, appositions and the
date itself are left out. Each description keeps word stems for comparing events across articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsfuse.extract.cues import SPEECH_VERBS
from newsfuse.extract.syntax import climb, is_root
from newsfuse.models import DateMention, Span

# Clauses hanging off the event's verb that tell another story; dropped from the description.
_DROPPED_DEPS = frozenset({"relcl", "advcl", "parataxis", "appos", "conj", "cc", "mark", "punct", "dep", "npadvmod"})
# Verbs that carry little meaning alone: the event is named by their object or subject ("held talks",
# "made landfall", "is scheduled").
LIGHT_VERBS = frozenset(
    [
        "be",
        "have",
        "make",
        "hold",
        "take",
        "give",
        "come",
        "get",
        "do",
        "see",
        "mark",
        "expect",
        "schedule",
        "attend",
        "begin",
        "start",
    ]
)
# Prepositions that make a date the start or end of a state rather than the day something happened.
BOUNDING_PREPOSITIONS = frozenset({"until", "till", "through", "by", "before", "since", "from"})
# A description longer than this many words is cut: the timeline shows short events.
MAX_EVENT_WORDS = 24
# Stems are word starts of this length: "arrive" and "arrival" share "arriv", "depart"/"departure".
STEM_LENGTH = 5
_LIGHT_STEMS = frozenset(v[:STEM_LENGTH] for v in LIGHT_VERBS)
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
_RELATIVE = frozenset({"who", "which", "that"})
# A clause that still opens on one of these after the antecedent was sought is cut from its noun.
_WH_OPENINGS = _RELATIVE | {"whom", "whose", "where", "when"}
# A finite verb tells a deed of its subject; without one of its own the clause leans on another's.
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# Adverbs that make a present-tense clause a habit ("usually opens in May"), which no date pins down.
_HABITUAL = frozenset(
    {"generally", "usually", "normally", "typically", "often", "always", "traditionally", "routinely"}
)
_NOBODY = frozenset({"nobody", "none", "nothing", "neither"})
# Dependency labels of a preposition heading a date ("on Monday"; "by" in a passive is an agent).
_PREPOSITIONS = frozenset({"prep", "agent"})
# A verb's object or subject: a date there is part of what happened, not only when.
_ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr"})
# Parts of speech that cannot end a description: they open a phrase whose rest was cut off.
_DANGLING_POS = frozenset({"ADP", "CCONJ", "SCONJ", "DET", "PART", "PUNCT", "AUX"})
_CLOSING_PUNCTUATION = frozenset({",", ".", ";", ":", "!", "?", ")"})
# Verbs that make an event an expectation ("is expected to make landfall", "is scheduled to meet").
EXPECTATION_VERBS = frozenset({"expect", "schedule", "plan", "due", "set"})
# spaCy's entity labels for dates and times of day.
_DATE_ENTITIES = frozenset({"DATE", "TIME"})


@dataclass(frozen=True, slots=True)
class Event:
    """A date mention with the event it dates."""

    mention: DateMention
    text: str
    span: Span
    verbs: frozenset[str]  # stems of the clause's verb (and of the verb a light verb governs)
    nouns: frozenset[str]  # stems of its subject and object nouns ("arrival", "talks", "parade")
    stems: frozenset[str]  # stems of every content word
    bound: bool = False  # the date bounds a state ("closed until Sunday") rather than dating an event
    expected: bool = False  # an expectation ("is expected to make landfall"), not a report

    @property
    def light(self) -> bool:
        """True when the clause's only verbs carry little meaning alone ("held talks")."""
        return self.verbs <= _LIGHT_STEMS


def describe(doc: Doc, mention: DateMention, quoted: Sequence[tuple[int, int]] = ()) -> Event | None:
    """The event `mention` dates; words inside quotation marks (`quoted` character ranges) are left out."""
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = _verb(span.root)
    # "came a day after both leaders showcased ...": the date belongs to what follows "after".
    linker = next((t for t in span if t.lower_ in {"after", "before"}), None)
    if linker is not None and mention.kind == "relative":
        targets = [c for c in linker.children if c.dep_ in {"pcomp", "pobj"}]
        if linker.dep_ == "mark" and linker.head.pos_ in {"VERB", "AUX"}:
            verb = linker.head
        elif targets and targets[0].pos_ in {"VERB", "AUX"}:
            verb = targets[0]
        else:
            # The parser often hangs the clause's subject on "after" and its verb elsewhere: take
            # the first verb after "after" in the sentence.
            following = [t for t in linker.sent if t.i > linker.i and t.pos_ == "VERB"]
            if following:
                verb = following[0]
    date_tokens = _with_coordinated_dates({t.i for t in span}, doc)
    if _dates_a_conjunct(span.root, verb, date_tokens):
        return None  # "a Monday vigil ...; and another on Wednesday night": the verb's clause tells another day
    predicate = verb
    # "is expected to make landfall": describe from the verb that carries the subject.
    expected = False
    while verb.dep_ == "xcomp" and verb.head.pos_ in {"VERB", "AUX"} and not is_root(verb):
        verb = verb.head
        expected = expected or verb.lemma_ in EXPECTATION_VERBS
    if _negated(verb):
        return None  # "no one would comment on Monday": what did not happen has no place in time
    if verb.tag_ in {"VBZ", "VBP"} and any(c.lower_ in _HABITUAL for c in verb.children):
        return None  # "The climbing season generally starts about late October": a habit, not a deed
    quoted_tokens = {t.i for t in verb.subtree if any(s <= t.idx < e for s, e in quoted)}
    kept = [t for t in _clause(verb, date_tokens) if t.i not in quoted_tokens]
    if _broken(kept, verb):
        return None
    # Paragraph breaks at the clause's edges are not part of it (one inside still shows a clause
    # run across paragraphs).
    while kept and kept[0].is_space:
        kept.pop(0)
    while kept and kept[-1].is_space:
        kept.pop()
    if not kept:
        return None
    words = list(kept)
    prefix = ""
    # A report whose speaker follows what was said ("..., the VMI said"): the speaker leads.
    subjects = [
        c
        for c in verb.children
        if (c.dep_ == "nsubj" and c.i > verb.i)
        or (
            c.dep_ == "nsubj"
            and verb.lemma_ in SPEECH_VERBS
            and any(k.dep_ == "ccomp" and k.i < c.i for k in verb.children)
        )
    ]
    if verb.lemma_ in SPEECH_VERBS and subjects:
        speaker = [t for t in words if subjects[0].left_edge.i <= t.i <= subjects[0].right_edge.i]
        rest = [t for t in words if t not in speaker and t.i != verb.i]
        if speaker and rest:
            prefix = f"{_join(speaker)} {verb.text}: "
            words = rest
    if verb.dep_ == "relcl" and words[0].lower_ in _RELATIVE:
        antecedent = _antecedent(verb.head, {t.i for t in verb.subtree})
        prefix = "".join(t.text_with_ws for t in antecedent).strip() + " "
        words = words[1:]
    elif words[0].lower_ in _WH_OPENINGS:
        return None  # "whose lengthy string of victories ... ended": a relative clause cut from its noun
    if len(words) > MAX_EVENT_WORDS:
        words = _cut(words, MAX_EVENT_WORDS)
    text = (prefix + _join(words)).strip().strip(",;:").strip()
    first, last = min(t.idx for t in kept), max(t.idx + len(t.text) for t in kept)
    return Event(
        mention=mention,
        text=text,
        span=Span(mention.span.article_id, first, last),
        verbs=_verbs(predicate),
        nouns=frozenset(
            _stem(c)
            for v in {predicate, verb}
            for c in v.children
            if c.dep_ in {"dobj", "nsubj", "nsubjpass", "attr"} and c.pos_ == "NOUN"
        ),
        bound=span[0].i > 0 and doc[span[0].i - 1].lower_ in BOUNDING_PREPOSITIONS,
        expected=expected,
        stems=frozenset(
            _stem(t) for t in words if t.pos_ in _CONTENT_POS and not t.is_stop and t.lemma_ not in LIGHT_VERBS
        ),
    )


def _broken(kept: list[Token], verb: Token) -> bool:
    """Whether what was taken out (the date, quoted words) leaves an article hanging ("since January
    was a [“failure”] of the system"), or the clause tells a deed with no one doing it
    ("will appear at Taunton Deane Magistrates Court", its subject left in another clause)."""
    indices = {t.i for t in kept}
    if any(t.pos_ == "DET" and t.head.i not in indices for t in kept):
        return True
    finite = verb.tag_ in _FINITE or any(c.dep_ == "aux" and c.tag_ in _FINITE for c in verb.children)
    subject = any(c.dep_ in _SUBJECTS and c.i in indices for c in verb.children)
    # A root verb has no one else's subject to lean on; a verb coordinated with another ("has been
    # denied bail and will appear ...") leans on its head's, which the clause leaves out.
    return finite and not subject and (is_root(verb) or verb.dep_ == "conj")


def _dates_a_conjunct(root: Token, verb: Token, date_tokens: set[int]) -> bool:
    """Whether the date hangs on one of several coordinated nouns ("a Monday evening vigil ...; a
    second protest the next night; and another on Wednesday night"): it dates that noun alone, and
    the clause of the verb above them would tell the first one's story under this date."""
    for token in climb(root):
        if token.i == verb.i:
            return False
        if token.i not in date_tokens and token.dep_ == "conj" and token.pos_ in {"NOUN", "PRON", "PROPN"}:
            return True
    return False


def _negated(verb: Token) -> bool:
    """The clause says its deed did not happen: a negated verb ("did not arrive") or a subject
    that is no one ("no member of the team would comment", "nobody was hurt")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(s.lower_ in _NOBODY or any(d.dep_ == "det" and d.lower_ == "no" for d in s.children) for s in subjects)


def _cut(words: list[Token], limit: int) -> list[Token]:
    """The first `limit` words, less the phrases the cut leaves open: a cut mid-phrase would end on
    its opening words ("cooling drums ... for", "according to the")."""
    removed = {t.i for t in words[limit:]}
    kept = words[:limit]
    while len(kept) > 1 and (
        kept[-1].pos_ in _DANGLING_POS
        # a preposition however tagged ("according" to ...) whose object was cut
        or (kept[-1].dep_ in _PREPOSITIONS and any(c.i in removed for c in kept[-1].children))
        # a modifier whose head was cut ("the old harbour" of "the old harbour mouth", "such" of "such as")
        or kept[-1].head.i in removed
    ):
        removed.add(kept.pop().i)
    return kept


def _join(tokens: list[Token]) -> str:
    """Tokens as text; where tokens were left out between two, one space stands for them."""
    out = ""
    for index, token in enumerate(tokens):
        out += token.text
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is None:
            break
        if following.text in _CLOSING_PUNCTUATION:
            continue  # across a gap too: "the coast, bringing", not "the coast , bringing"
        if token.whitespace_ or (following.i != token.i + 1 and not following.is_punct):
            out += " "
    return out


def _verb(token: Token) -> Token:
    current = token
    for current in climb(token):
        if current.pos_ in {"VERB", "AUX"}:
            break
    return current


def _with_coordinated_dates(date_tokens: set[int], doc: Doc) -> set[int]:
    """The date's tokens and the dates coordinated with it ("on Monday and Tuesday"): the description
    of either day's event leaves out the whole "Monday and Tuesday", not one day and a dangling "and"."""
    out = set(date_tokens)
    for index in date_tokens:
        root = doc[index]
        while root.dep_ == "conj" and root.head.ent_type_ in _DATE_ENTITIES:
            root = root.head
        if root.i == index and not any(c.dep_ == "conj" for c in root.children):
            continue
        group = [t for t in root.subtree if t.i == root.i or t.dep_ in {"cc", "conj", "punct", "compound", "amod"}]
        if all(t.ent_type_ in _DATE_ENTITIES or t.dep_ in {"cc", "punct"} for t in group):
            out.update(t.i for t in group)
    return out


def _clause(verb: Token, date_tokens: set[int]) -> list[Token]:
    # A date the verb takes as its object or subject stays ("spent Friday night in shelters"): without
    # it the clause breaks. A date that only says when (an adverb, a prepositional phrase) goes.
    dropped: set[int] = {i for i in date_tokens if not _argument(verb.doc[i], date_tokens)}
    for child in verb.children:
        if child.i in date_tokens and child.i not in dropped:
            continue  # a date read as the verb's object (above) stays, whatever its label
        if (
            (child.dep_ in _DROPPED_DEPS and child.i > verb.i)
            or child.dep_ in {"advcl", "parataxis", "mark"}
            or (child.dep_ in _PREPOSITIONS and _only_dates(child, date_tokens))
        ):
            dropped.update(t.i for t in child.subtree)
    for token in verb.subtree:
        head = token.head
        if (
            token.i in date_tokens
            and head.dep_ in _PREPOSITIONS
            and head.i not in dropped
            and _only_dates(head, date_tokens)
        ):
            dropped.add(head.i)
    kept = [t for t in verb.subtree if t.i not in dropped]
    while kept and (kept[0].is_punct or kept[0].dep_ in {"cc", "mark"}):
        kept = kept[1:]
    while kept and kept[-1].is_punct:
        kept = kept[:-1]
    return kept


def _argument(token: Token, date_tokens: set[int]) -> bool:
    """Whether the date phrase holding this token is its verb's object or subject, or stands right
    after a verb with no object, where it reads as one ("spent Friday night in shelters")."""
    top = token
    while top.head.i != top.i and top.head.i in date_tokens:
        top = top.head
    if top.dep_ in _ARGUMENT_DEPS:
        return True
    verb = top.head
    return (
        verb.pos_ == "VERB"
        and min(t.i for t in top.subtree) == verb.i + 1
        and not any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children)
    )


def _only_dates(preposition: Token, date_tokens: set[int]) -> bool:
    """Whether a preposition heads nothing but a date, and perhaps an adverb on it ("early on Monday")."""
    return all(
        t.i in date_tokens or t.i == preposition.i or (t.dep_ == "advmod" and t.head.i == preposition.i)
        for t in preposition.subtree
    )


def _antecedent(head: Token, clause: set[int]) -> list[Token]:
    return [t for t in head.subtree if t.i not in clause and t.dep_ not in {"appos", "punct"} and t.i <= head.i]


def _verbs(verb: Token) -> frozenset[str]:
    found = {_stem(verb)}
    if verb.lemma_ in LIGHT_VERBS:
        found.update(_stem(c) for c in verb.children if c.dep_ in {"xcomp", "ccomp"} and c.pos_ == "VERB")
    return frozenset(found)


def _stem(token: Token) -> str:
    return token.lemma_.lower()[:STEM_LENGTH]
