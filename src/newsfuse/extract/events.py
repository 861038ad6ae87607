"""Describe the event a date mention dates: the clause around it, shortened to its core.

"Kim, who arrived in Beijing by train on Tuesday, was one of ..." dates the relative clause, so the
event reads "Kim arrived in Beijing by train"; subordinate and parallel clauses, appositions and the
date itself are left out. Each description keeps word stems for comparing events across articles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from newsfuse.extract import event_doubts as doubt
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
# Of those, the ones that leave the day something happened unknown: "required until last December",
# "has added jobs since May 2020", "would ease through Saturday" tell how long something lasted, so
# the clause is no event of that day. ("brought under control by Thursday", "before" a deadline: the
# deed is done by then; "shelters will open from Friday morning": the opening is that day. Those
# dates are kept.)
STATE_BOUNDS = frozenset({"until", "till", "through", "since"})
# A deed "before" a day happened, or will, on some day up to it that the text does not tell ("about
# one-third of the Ohio vote will be cast before March 15"): a date after "before" dates no event
# either. (It bounds no stretch of another date: "arrested on Jan. 6, five days before ..." keeps
# its Jan. 6.)
UNTOLD_DAY_BOUNDS = STATE_BOUNDS | {"before", "to"}
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
# Prepositions whose object is another event than the clause's (its cause or purpose, or what it
# came before or after): a date inside that object dates it, not the clause. A date that is itself
# their object ("set for February 17", "after Monday") is the clause's own.
# So do the bounds of a stretch ("since the party's convention last month", "from a price of $8 a
# share on Oct. 9"), a deadline's "by" ("filed by the Tuesday deadline") and "pending" ("pending
# meetings ... 10 days ago"): their object is a time point or a thing still to come, not the deed.
_OTHER_EVENT = frozenset({"for", "before", "after", "by", "pending"}) | STATE_BOUNDS | {"from"}
# Words that modify a noun; left without it they dangle.
_NOUN_MODIFIERS = frozenset({"compound", "amod", "poss", "nummod", "nmod"})
# Modal auxiliaries that leave a deed possible or hypothetical, not told as happening or planned
# ("may have lost his handkerchief", "That candidate would assume office", "could embrace"). "will"
# and "shall" tell a plan, "must" an obligation whose day a text gives as a timetable's; neither is
# here. A closed class of English, not read off a sample.
_POSSIBILITY_MODALS = frozenset({"may", "might", "could", "would", "should"})
# Personal pronouns: a clause whose subject is one of these names no one on its own ("then he
# elevated her to the Court of Appeals"), and a timeline entry is read apart from its sentence.
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it"})
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
# Marks that join two dates into a stretch when nothing but the mark stands between them ("from March
# 30-April 4", "Jan. 5 – 7").
_RANGE_MARKS = frozenset({"-", "–", "—", "--"})
# Conjunctions that make a clause a condition ("If the Saints beat Seattle, the Falcons will face
# them"): what depends on it is no scheduled event.
_CONDITIONS = frozenset({"if", "unless"})
# Phrases a long description may lose whole, when set off by a comma, dash or bracket: they add to
# the clause ("the Saints, who have placed ...", ", with water reaching ..."), and it says the same
# without them. One with no comma before it restricts what it follows ("organizations that provide
# abortions", "animals listed as threatened"), or completes a verb ("placed Thomas on injured
# reserve"): without it the clause says something else, or half of it, so it never goes. A conjunct
# never goes either: the words it shares would read as the first one's alone.
_SHORTENABLE_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "prep", "npadvmod", "parataxis"})
# Marks that set a phrase off from what it follows.
_SETTING_OFF = frozenset({",", "-", "--", "—", "–", "(", ";"})
# A description no set-off phrase brings down to MAX_EVENT_WORDS is shown whole up to this many
# words (a long news sentence), and left out beyond: a cut inside it would drop words that restrict
# it. Read on the draw sample (ECB+ documents 9-16 of odd topics): whole events there run to 31.
MAX_WHOLE_EVENT_WORDS = 40


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
        elif targets and _named_event(targets[0]):
            # "five days before San Diego's playoff loss", "the day before Buckley's death": the day
            # counts from an event no date here gives, so any day read for it is a guess.
            return None
        else:
            # The parser often hangs the clause's subject on "after" and its verb elsewhere: take
            # the first verb after "after" in the sentence.
            following = [t for t in linker.sent if t.i > linker.i and t.pos_ == "VERB"]
            if following:
                verb = following[0]
    if _state_bound(span):
        return None  # "required until last December", "added jobs since May 2020": how long, not when
    if _in_range(span):
        return None  # "conducted the poll from March 30-April 4": a stretch, neither end the deed's day
    date_tokens = _with_part_of(_with_coordinated_dates({t.i for t in span}, doc), span.root)
    if _dates_a_conjunct(span.root, verb, date_tokens):
        return None  # "a Monday vigil ...; and another on Wednesday night": the verb's clause tells another day
    if _dates_a_nested_noun(span.root, verb, date_tokens):
        return None  # "ended the 20th anniversary of the Sept. 11 attacks": the date is the attacks'
    if doubt.dates_its_subject(span.root, verb, date_tokens) or doubt.date_named_as(span.root, verb, date_tokens):
        return None  # "the California earthquake last month will result in", "set Nov. 10 as the deadline"
    if doubt.counted_from(span.root, date_tokens) or doubt.coordinated_with_other(date_tokens, doc):
        return None  # "Eight trading days after Oct. 12"; "on Tuesday and Iraqi-bound cargo" (a misparse)
    scene = doubt.scene_of(verb)
    doer: str | None = None
    if scene is not None:
        doer = doubt.scene_doer(verb, scene)  # "Comeaux ... when he pulled a gun": "he" is Comeaux
        verb = scene  # "was in a wheelchair Monday when he pulled a gun": the date is the pulling's
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
    if _present_state(verb):
        return None  # "Today there are 1,009 species listed": how things stand, not what happened
    if _present_not_ahead(verb, mention):
        return None  # "Clinton holds a lead today", "the Democrats are acting": a state on the day of writing
    # (a planned participle is a plan: "with arrival in Beijing expected on Tuesday")
    if doubt.a_state(verb) or (doubt.participle_only(verb) and verb.lemma_ not in EXPECTATION_VERBS):
        return None  # "The contrast ... was also apparent", "were still covered"; "drawings, released this month"
    if doubt.present_before_writing(verb, mention.start, mention.end, mention.anchor, mention.anchor_source):
        return None  # "is organizing a Call Day ... on Friday" read as the Friday before: not its day
    if _conditional(verb) or _conditional(predicate):
        return None  # "If the Saints beat Seattle ..., the Falcons will face the Saints": not yet planned
    if _infinitive(verb):
        return None  # "the United States to accept more refugees": an infinitive without the verb it completes
    if _past_deed_ahead(verb, mention, expected):
        return None  # "leaders had agreed to put together a plan by March of next year": March is the plan's
    if _possible(verb, quoted) or _possible(predicate, quoted):
        return None  # "may have lost his handkerchief", "would assume office": not told as done or planned
    quoted_tokens = {t.i for t in verb.subtree if any(s <= t.idx < e for s, e in quoted)}
    clause = _clause(verb, date_tokens)
    if scene is not None:
        clause = [t for t in clause if t.i != scene.left_edge.i]  # the "when" that linked it to the scene
    # The pronoun that opens a quoted relative clause belongs to the quoted words and goes with them
    # ("a large turnout, which [“will help elect ...”]"): left alone it opens a clause that never comes.
    kept = [
        t for t in clause if t.i not in quoted_tokens and not (t.lower_ in _WH_OPENINGS and t.head.i in quoted_tokens)
    ]
    if kept and any(kept[0].i < t.i < kept[-1].i for t in clause if t.i in quoted_tokens):
        return None  # quoted words taken out of the clause's middle: "reverse the so-called rule"
    if _broken(kept, verb, quoted_tokens) or _spans_a_state(kept, verb) or _spans_from(span, kept, verb):
        return None
    if _complement_quoted(kept, quoted_tokens, verb.doc):
        return None  # "the allegations are [“just more evidence ...”]": what completes the clause is gone
    if _nothing_said(kept, verb):
        return None  # "Steve Moody said at Mr. Trump's rally", what he said quoted before: no deed told
    # The scene's named subject stands in for the deed's "he"/"she" when it opens the clause.
    stand_in = kept[0] if doer is not None and kept and kept[0].lower_ in {"he", "she"} else None
    if _pronoun_subject(kept, verb) and stand_in is None:
        return None  # "then he elevated her to Wisconsin Court of Appeals": who did it is in another sentence
    if doubt.since_then(kept, verb):
        return None  # "were also unifying ... since the party's convention last month": a stretch to now
    if doubt.points_back(kept) or doubt.object_pronoun(kept, verb) or doubt.contact_clause(kept, date_tokens):
        return None  # "Trump parroted these views", "interrupted him"; "an agreement the nations ... reached"
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
    if stand_in is not None and doer is not None:
        words, prefix = words[1:], doer + " "
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
        content = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
        if content is not None:
            # what was said, not what else hangs on the speaker's verb ("..., a police sergeant said
            # Wednesday during the man's arraignment")
            rest = [t for t in rest if content.left_edge.i <= t.i <= content.right_edge.i]
        if speaker and (rest or content is not None):
            if not any(t.pos_ in {"VERB", "AUX"} for t in rest):
                return None  # what was said is gone (quoted): "Owen said: at the site of the fire"
            # The one told stays with the teller ("Graham told The Huffington Post on Thursday"):
            # without it "Graham told:" reads as if words were missing.
            hearer = [
                t
                for c in verb.children
                if c.dep_ in {"dobj", "dative"} and c.i > verb.i and c.i not in {r.i for r in rest}
                for t in c.subtree
                if t.i in {k.i for k in kept}
            ]
            prefix = f"{_join(speaker)} {_join([verb, *hearer])}: "
            words = rest
    if verb.dep_ == "relcl" and words[0].lower_ in _RELATIVE:
        if doubt.uncertain_antecedent(verb):
            return None  # "a member of the organization X, which also tried": whose deed is unsure
        antecedent = _antecedent(verb.head, {t.i for t in verb.subtree})
        prefix = "".join(t.text_with_ws for t in antecedent).strip() + " "
        words = words[1:]
    elif words[0].lower_ in _WH_OPENINGS or (
        words[0].pos_ == "ADP" and len(words) > 1 and words[1].lower_ in _WH_OPENINGS
    ):
        # "on whom they will support": a relative or interrogative clause opened by its preposition
        return None  # "whose lengthy string of victories ... ended": a relative clause cut from its noun
    elif _sentence_noun(verb):
        antecedent = _antecedent(verb.head, {t.i for t in verb.subtree})
        prefix = "".join(t.text_with_ws for t in antecedent).strip() + " "
    # Events are matched across articles on the clause's first MAX_EVENT_WORDS words, the window the
    # matching thresholds (extract/timeline.py) were calibrated on, whatever part of it is shown.
    said = words[:MAX_EVENT_WORDS]
    if _word_count(words) > MAX_EVENT_WORDS:
        shortened = _shorten(words, MAX_EVENT_WORDS, verb)
        if shortened is None:
            return None  # no phrase can go whole: a cut would leave half a clause
        words = shortened
    if doubt.garbled(words):
        return None  # "grew up here, - any lingering rancor": the cut left marks or words meeting
    # two commas meet where a phrase between them went
    if _open_quotation(_join(words)):
        if not prefix:
            return None  # "``We were unjustly pushed out of the talks": a piece of a quotation, its speaker gone
        # The speaker leads what was said ("Adams said: ``We were unjustly pushed out ... but we are
        # back"): the quotation is whole, only its closing mark went with the comma before the speaker.
        words = words + [t for t in kept if t.i > words[-1].i and t.is_quote][:1]
    text = _balanced(re.sub(r",(\s*,)+", ",", (prefix + _join(words)).strip()).strip(",;:").strip())
    if text.count("(") != text.count(")"):
        return None  # "at 260 pence ($1.64": a bracket the cut left open inside the clause
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
            _stem(t) for t in said if t.pos_ in _CONTENT_POS and not t.is_stop and t.lemma_ not in LIGHT_VERBS
        ),
    )


def _broken(kept: list[Token], verb: Token, quoted: set[int]) -> bool:
    """Whether what was taken out (the date, quoted words) leaves an article hanging ("since January
    was a [“failure”] of the system"), or the clause tells a deed with no one doing it
    ("will appear at Taunton Deane Magistrates Court", its subject left in another clause)."""
    indices = {t.i for t in kept}
    if any(t.pos_ == "DET" and t.head.i not in indices for t in kept):
        return True
    if any(t.dep_ in _NOUN_MODIFIERS and t.head.i in quoted for t in kept):
        return True  # "options for dealing with Bush-era [“rules which ...”]": a modifier of quoted words
    subject = any(c.dep_ in _SUBJECTS and c.i in indices for c in verb.children)
    # A clause tells a deed of its own subject. A root verb has no one else's to lean on; a verb
    # coordinated with another ("has been denied bail and will appear ...") leans on its head's, a
    # participle on its noun's ("a convicted rapist recaptured last month", "left fighting for his
    # life"; but see `_sentence_noun`), and a clause the parser hung on another verb without its
    # subject ("the top-seeded Bluejays defeated Drake", the Bluejays read as a second scoring
    # leader) on no one: each is left without the one who did it. A relative clause's subject is
    # its pronoun or its noun.
    return not subject and verb.dep_ != "relcl" and not _sentence_noun(verb)


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


def _shorten(words: list[Token], limit: int, verb: Token) -> list[Token] | None:
    """The description in at most `limit` words, by leaving out whole phrases set off from what they
    add to (an apposition, a relative clause or a phrase after a comma): each time the innermost such
    phrase that holds the first word over the limit. When none holds it, the description as it is
    (at most MAX_WHOLE_EVENT_WORDS), or None: a cut inside it would leave half a deed ("placed
    undrafted rookie", "which governs") or drop what restricts it ("organizations that provide")."""
    kept = list(words)
    while _word_count(kept) > limit:
        indices = {t.i for t in kept}
        over = [t for t in kept if not t.is_punct][limit]
        phrase = next(
            (
                t
                for t in climb(over)
                if t.i in indices and t.i != verb.i and t.dep_ in _SHORTENABLE_DEPS and _set_off(t)
            ),
            None,
        )
        if phrase is None or phrase.i == kept[0].i:
            return kept if _word_count(kept) <= MAX_WHOLE_EVENT_WORDS else None
        gone = {t.i for t in phrase.subtree}
        after = phrase.right_edge.i + 1
        if not (after < len(verb.doc) and verb.doc[after].is_punct and after in {t.i for t in kept}):
            gone.add(phrase.left_edge.i - 1)  # the comma before it goes too, unless one stays after it
        kept = [t for t in kept if t.i not in gone]
        while kept and kept[-1].pos_ in _DANGLING_POS:
            kept.pop()
    return kept or None


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
    # A date that modifies a noun before it is part of the noun's name ("in January polls", "in a
    # March 5 caucus") and stays: without it the phrase reads "came in second polls".
    # So does the preposition of the expression ("in January" read from "in January polls") when it
    # heads more than the date.
    dropped: set[int] = {
        i
        for i in date_tokens
        if not _argument(verb.doc[i], date_tokens)
        and not _names_a_noun(verb.doc[i], date_tokens)
        and not (verb.doc[i].dep_ in _PREPOSITIONS and not _only_dates(verb.doc[i], date_tokens))
    }
    # An adverb on a dropped date goes with it ("just one day before ...", "as early as Monday").
    for index in list(dropped):
        for child in verb.doc[index].children:
            if child.dep_ in {"advmod", "quantmod", "amod"} and child.i not in date_tokens:
                dropped.update(t.i for t in child.subtree)
    for child in verb.children:
        if child.i in date_tokens and child.i not in dropped:
            continue  # a date read as the verb's object (above) stays, whatever its label
        if _bound_participle(child):
            continue
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
    # An adverb the dropped date completed goes too ("As early [as October 1972], Nixon ..."):
    # left alone it says "as early" as what.
    for index in list(dropped):
        adverb = verb.doc[index].head
        if (
            verb.doc[index].dep_ in _PREPOSITIONS
            and adverb.dep_ == "advmod"
            and adverb.i != verb.i
            and all(t.i in dropped or t.pos_ in {"ADV", "ADP", "SCONJ"} for t in adverb.subtree)
        ):
            dropped.update(t.i for t in adverb.subtree)
    # In document order: a non-projective parse ("a gun that he later used to escape", "that" the
    # object of "escape") yields a subtree out of order.
    kept = sorted((t for t in verb.subtree if t.i not in dropped), key=lambda t: t.i)
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
    # Punctuation goes, except a mark inside a word ("33-year-old"): without it the words run together.
    # An apposition inside the phrase goes; the noun itself stays when it is one ("Peabody Energy, the
    # nation's largest coal company, which filed ...": without "company", "the nation's largest coal").
    words = [
        t
        for t in head.subtree
        if t.i not in clause
        and (t.dep_ != "appos" or t.i == head.i)
        and (t.dep_ != "punct" or _inside_word(t))
        and t.i <= head.i
    ]
    return sorted(words, key=lambda t: t.i)


def _verbs(verb: Token) -> frozenset[str]:
    found = {_stem(verb)}
    if verb.lemma_ in LIGHT_VERBS:
        found.update(_stem(c) for c in verb.children if c.dep_ in {"xcomp", "ccomp"} and c.pos_ == "VERB")
    return frozenset(found)


def _stem(token: Token) -> str:
    return token.lemma_.lower()[:STEM_LENGTH]


def _state_bound(span: TokenSpan) -> bool:
    """Whether the date is the start or end of a state ("until last December", "since May 2020"), or
    a deadline ("before March 15")."""
    first = span[0]
    if first.lower_ in UNTOLD_DAY_BOUNDS:
        return True  # the bound read as part of the date ("since March")
    return first.i > 0 and first.doc[first.i - 1].lower_ in UNTOLD_DAY_BOUNDS


def _spans_from(span: TokenSpan, kept: list[Token], verb: Token) -> bool:
    """Whether the date opens a stretch whose end the clause keeps ("met from June 19, 1972 ... to
    November 1973"): from one calendar date to another is how long, not a day's event."""
    first = span[0]
    if first.i == 0 or first.doc[first.i - 1].lower_ != "from":
        return False
    return any(
        t.head.i == verb.i
        and t.lower_ in {"to", "until", "till", "through"}
        and any(c.ent_type_ in _DATE_ENTITIES and _calendar(c) for c in t.children)
        for t in kept
    )


def _spans_a_state(kept: list[Token], verb: Token) -> bool:
    """Whether the verb keeps another date as the start or end of its state ("was at Betty Ford from
    September 2010", dated by the January 2011 that ended it): the clause tells a stretch of time.
    A bound inside a phrase of the clause ("the junta, which had been in power since 1967") is that
    phrase's."""
    return any(
        t.head.i == verb.i
        and t.lower_ in STATE_BOUNDS | {"from"}
        and any(c.ent_type_ in _DATE_ENTITIES and _calendar(c) for c in t.children)
        for t in kept
    )


def _calendar(token: Token) -> bool:
    """Whether a date phrase names a day, month or year ("September 2010", "1967", "Monday"), not a
    kind of period ("from a fiscal year to a calendar year")."""
    return any(t.like_num or t.pos_ == "PROPN" for t in token.subtree)


def _present_state(verb: Token) -> bool:
    """A present-tense "be" with no plan in it ("there are 1,009 species listed"): how things stand
    on the day of writing, no deed of that day ("is due in court", "is set for", "is to be voted on
    Thursday" stay: plans)."""
    if verb.lemma_ != "be" or verb.tag_ not in {"VBZ", "VBP"}:
        return False
    if any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children):
        return False
    return not any(c.lemma_ in EXPECTATION_VERBS for c in verb.subtree)


def _conditional(verb: Token) -> bool:
    """The clause depends on a condition: an adverbial clause opened by "if" or "unless", or one
    the parser hung on such a clause ("If the Saints beat Seattle and Philadelphia beats ...")."""
    if verb.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in verb.children):
        return True  # the date's own clause is the condition ("if Democrats win the White House in November")
    for clause in (c for c in verb.children if c.dep_ == "advcl"):
        if any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in clause.children):
            return True
        if _conditional(clause):
            return True
    return False


def _named_event(target: Token) -> bool:
    """Whether "after"/"before" counts from an event named by a noun ("before Buckley's death") and
    not from a clause whose subject the parser hung on the preposition ("after both leaders
    showcased ..."): nothing follows the noun phrase that reads as its verb."""
    if target.pos_ not in {"NOUN", "PROPN"} or target.ent_type_ in _DATE_ENTITIES:
        return False
    following = target.right_edge.i + 1
    doc = target.doc
    return following >= len(doc) or doc[following].pos_ not in {"VERB", "AUX"}


def _word_count(tokens: list[Token]) -> int:
    """Words, not tokens: "(11 - 5)" and "3: 30 p. m." are not seven words of an event."""
    return sum(1 for t in tokens if not t.is_punct)


def _bound_participle(child: Token) -> bool:
    """A participle after its verb with no comma or conjunction before it ("placed undrafted rookie
    running back Chris Ivory on IR", the parser reading "running" as a second clause): it reads as
    part of what the verb did, and leaving it out would leave the deed half told."""
    if child.dep_ != "advcl" or child.tag_ not in {"VBG", "VBN"} or child.i < child.head.i:
        return False
    if any(c.dep_ == "mark" for c in child.children):
        return False
    first = child.left_edge
    return first.i > 0 and not child.doc[first.i - 1].is_punct


def _set_off(phrase: Token) -> bool:
    """Whether a comma, dash or bracket sets the phrase off from what it follows."""
    first = phrase.left_edge
    return first.i > 0 and phrase.doc[first.i - 1].text in _SETTING_OFF


def _sentence_noun(verb: Token) -> bool:
    """Whether the verb is a participle the parser hung on a noun it read as the whole sentence
    ("The evacuated families spent Friday night ...", "families" the root): it is the sentence's
    verb, and that noun its subject."""
    head = verb.head
    if verb.dep_ != "acl" or not is_root(head) or head.pos_ not in {"NOUN", "PROPN"} or head.i > verb.i:
        return False
    # no verb outside the participle's phrase: "A man fired four days earlier ... walked into his old
    # office, ..., a police sergeant said" has its own verbs, and "fired" stays a participle
    inside = {t.i for t in verb.subtree}
    return not any(t.pos_ == "VERB" and t.i not in inside for t in head.sent)


def _dates_a_nested_noun(root: Token, verb: Token, date_tokens: set[int]) -> bool:
    """Whether the date modifies a noun ("the Sept. 11 attacks") that sits inside another noun's
    phrase ("the 20th anniversary of the Sept. 11 attacks"): it dates that noun's event, and the
    verb's clause tells something else. A dated noun the verb itself takes ("followed up with a
    Jan. 21 memo") is left to the clause, unless it is the subject ("the Nov. 30 escape ... has led
    to"), or a preposition that names another event stands between ("sentenced for a March 2005
    shooting spree", "axed the monologue for the February 2009 show", "assigned ... the day before
    his June 24, 2005 murder")."""
    top = root
    while top.head.i != top.i and top.head.i in date_tokens:
        top = top.head
    for token in climb(top.head):
        if token.i == verb.i:
            break
        # (a passive's agent, "criticised by a Monday editorial", names the doer, not a bound)
        if token.dep_ == "prep" and token.lower_ in _OTHER_EVENT and top.head.i != token.i:
            return True  # "a life sentence for a March 2005 shooting spree": the spree's date
    noun = top.head
    # A date phrase hung on a noun ("the final round of state primaries next month") is its modifier too.
    modifies = top.dep_ in _NOUN_MODIFIERS or top.dep_ == "npadvmod"
    if not modifies or noun.pos_ not in {"NOUN", "PROPN"} or noun.i == verb.i:
        return False
    while noun.dep_ == "appos" and noun.head.i != noun.i:
        noun = noun.head  # "the anger: a Monday evening vigil ...": the vigil is the anger, the subject
    above = noun.head
    if noun.dep_ in {"nsubj", "nsubjpass"} and above.i == verb.i and top.i < noun.i:
        # "The Nov. 30 escape ... has led to unprecedented fallout", "The October report exceeded
        # economists' expectations": the subject is named by its date, and the clause tells what it
        # did or led to afterwards, not a deed of that day.
        return True
    if noun.dep_ in _ARGUMENT_DEPS and above.i == verb.i:
        return False
    return not (noun.dep_ == "pobj" and above.dep_ in _PREPOSITIONS and above.head.i == verb.i)


def _inside_word(token: Token) -> bool:
    """A punctuation mark written between two letters or digits with no space ("33-year-old")."""
    doc = token.doc
    return (
        0 < token.i < len(doc) - 1
        and not doc[token.i - 1].whitespace_
        and not token.whitespace_
        and doc[token.i - 1].text[-1:].isalnum()
        and doc[token.i + 1].text[:1].isalnum()
    )


def _present_not_ahead(verb: Token, mention: DateMention) -> bool:
    """Whether a present-tense clause with no plan in it is dated by a word counted from the day of
    writing ("today", "this month") and not after it: "the Democrats are acting today as though ...",
    "too many calls today still roll over". English puts a deed of that day or before in the past
    tense; the present there means "now", how things stand, not what happened. A day named on the
    calendar is a timetable's, ahead or that very day ("faces a key test on Tuesday", "The Saints
    face the Seahawks on Saturday"), and stays; so does any clause whose writing day is unknown."""
    if verb.tag_ not in {"VBZ", "VBP"} and not (
        verb.tag_ == "VBG" and any(a.dep_ == "aux" and a.tag_ in {"VBZ", "VBP"} for a in verb.children)
    ):
        return False
    if any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "MD" for c in verb.children):
        return False
    if any(c.lemma_ in EXPECTATION_VERBS for c in verb.subtree):
        return False  # "is expected to act", "is set for": a plan
    if mention.anchor is None or mention.anchor_source not in {"published", "story"}:
        return False
    # A day named on the calendar is a timetable's even on the day of writing ("faces a key test on
    # Tuesday", the hearing that day); "today", "this month" in the present mean "now".
    return mention.kind == "relative" and mention.end <= mention.anchor


# Prepositions that bring in what a report is about ("responded to accusations", "warned of",
# "called for"); "said at the rally" names only where it was said.
_TOPIC_PREPOSITIONS = frozenset({"to", "about", "of", "for", "on", "with", "against", "over"})
# Dependencies that complete a word: without them the clause stops halfway ("the allegations are").
_COMPLEMENTS = frozenset({"attr", "acomp", "dobj", "ccomp", "xcomp", "pobj", "oprd"})


def _complement_quoted(kept: list[Token], quoted: set[int], doc: Doc) -> bool:
    """Whether quoted words taken out were what completes a kept word: the verb's object or
    complement, a preposition's object. What is left ends halfway through."""
    indices = {t.i for t in kept}
    return any(doc[i].dep_ in _COMPLEMENTS and doc[i].head.i in indices for i in quoted)


def _nothing_said(kept: list[Token], verb: Token) -> bool:
    """Whether a verb of saying keeps nothing that tells what was said: no clause, object or
    complement of its own ("Steve Moody, a small-business owner, said at Mr. Trump's rally", the
    words quoted before it; "As the Post reported just today")."""
    if verb.lemma_ not in SPEECH_VERBS or any(c.dep_ == "nsubjpass" for c in verb.children):
        return False  # "Fresh riots were reported": in the passive, what was told is the subject
    if any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children):
        return False  # "..., said the provincial authorities": the speaker comes after what was said
    indices = {t.i for t in kept}
    return not any(
        c.i in indices
        and (c.dep_ in {"ccomp", "dobj", "xcomp"} or (c.dep_ == "prep" and c.lower_ in _TOPIC_PREPOSITIONS))
        for c in verb.children
    )


def _balanced(text: str) -> str:
    """The text without a bracket whose mate the clause left out ("(Politico responded ...")."""
    if text.startswith("(") and ")" not in text:
        text = text[1:].lstrip()
    if text.endswith(")") and "(" not in text:
        text = text[:-1].rstrip()
    return text


def _names_a_noun(token: Token, date_tokens: set[int]) -> bool:
    """Whether the date phrase holding this token modifies a noun that follows it ("January polls",
    "a March 5 caucus")."""
    top = token
    while top.head.i != top.i and top.head.i in date_tokens:
        top = top.head
    noun = top.head
    return top.dep_ in {"compound", "nmod", "amod", "nummod"} and noun.pos_ in {"NOUN", "PROPN"} and noun.i > top.i


def _with_part_of(date_tokens: set[int], root: Token) -> set[int]:
    """The date's tokens and the part of it a noun names ("the second half of July", "the end of
    March"): the date is that noun's object, so the noun is part of the time expression, and leaving
    the date out alone would leave "coincide with the conventions in the second half"."""
    holder = root.head
    while root.head.i != root.i and root.head.i in date_tokens:
        root = root.head
        holder = root.head
    if root.dep_ != "pobj" or holder.lower_ != "of" or holder.dep_ != "prep":
        return date_tokens
    noun = holder.head
    if noun.pos_ != "NOUN" or noun.ent_type_ not in _DATE_ENTITIES:
        return date_tokens
    return date_tokens | {t.i for t in noun.subtree}


def _in_range(span: TokenSpan) -> bool:
    """Whether the date is one end of a stretch written with a dash between two dates ("from March
    30-April 4", "Jan. 5 – 7"): the deed took the stretch, no single day of it."""
    doc = span.doc
    after, before = span.end, span.start - 1
    if after + 1 < len(doc) and doc[after].text in _RANGE_MARKS:
        following = doc[after + 1]
        if following.ent_type_ in _DATE_ENTITIES and (following.like_num or following.pos_ == "PROPN"):
            return True
    if before >= 1 and doc[before].text in _RANGE_MARKS:
        preceding = doc[before - 1]
        if preceding.ent_type_ in _DATE_ENTITIES and (preceding.like_num or preceding.pos_ == "PROPN"):
            return True
    return False


def _possible(verb: Token, quoted: Sequence[tuple[int, int]]) -> bool:
    """Whether a modal of possibility or of the hypothetical governs the verb ("may have lost", "could
    embrace", "would assume office"): the clause tells what might be, not a deed of the day. "would"
    in a reported clause ("said he would visit Japan in May") is the future seen from the report, a
    plan, and stays. A modal inside quotation marks is the quoted words' own, whatever the parse
    hangs it on ("“He really should.” Dean ... poked at Trump's sniffing")."""
    for child in verb.children:
        if (
            child.dep_ in {"aux", "auxpass"}
            and child.lower_ in _POSSIBILITY_MODALS
            and not any(s <= child.idx < e for s, e in quoted)
        ):
            return not (child.lower_ == "would" and verb.dep_ == "ccomp")
    return False


def _pronoun_subject(kept: list[Token], verb: Token) -> bool:
    """Whether the clause's subject is a personal pronoun it keeps ("he elevated her"), or a noun a
    demonstrative points back with: the entry is read alone in the timeline, where "he" names no
    one. "It" before the clause it stands for ("it was announced that ...") names what follows."""
    indices = {t.i for t in kept}
    for child in verb.children:
        if child.dep_ not in {"nsubj", "nsubjpass"} or child.i not in indices:
            continue
        if child.lower_ in _PERSONAL_PRONOUNS:
            extraposed = child.lower_ == "it" and any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children)
            return not extraposed
        # A demonstrative points back the same way ("In Los Angeles that lesson was brought home").
        return any(d.dep_ == "det" and d.lower_ in _DEMONSTRATIVES for d in child.children)
    return False


def _infinitive(verb: Token) -> bool:
    """Whether the clause is a bare infinitive ("the transaction to be completed", "the United
    States to accept more refugees"): it completes a verb or noun outside it, and alone it tells no
    deed."""
    return verb.tag_ in {"VB", "VBN"} and any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "TO" for c in verb.children)


def _past_deed_ahead(verb: Token, mention: DateMention, expected: bool) -> bool:
    """Whether a deed told in the past tense is dated after the day its article was written ("had
    agreed to put together a reform plan by March of next year"): what is done by the day of writing
    cannot have happened later, so the date is another deed's (the plan's). A plan ("was scheduled
    for next Monday", "is expected to") stays."""
    if mention.anchor is None or mention.anchor_source != "published" or mention.start <= mention.anchor:
        return False
    if expected or any(t.lemma_ in EXPECTATION_VERBS for t in (verb, *verb.children)):
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.tag_ == "MD" for a in auxiliaries):
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(a.lemma_ == "have" and a.tag_ in {"VBD", "VBZ", "VBP"} for a in auxiliaries)


# Opening and closing marks of a quotation, as news and its corpora write them.
_QUOTE_PAIRS = (("“", "”"), ("``", "''"))


def _open_quotation(text: str) -> bool:
    """Whether the text opens a quotation it never closes (or closes one it never opened): the rest
    of the quoted words, and who said them, are outside the entry."""
    for opening, closing in _QUOTE_PAIRS:
        if text.count(opening) != text.count(closing):
            return True
    return text.count('"') % 2 == 1
