"""Whether a sentence, and an article, argues rather than reports: the writer's own view, not news.

A report tells what happened and who said what; its judgements are someone's, attributed ("critics
called it a mistake"). An op-ed, a column or an analysis speaks in its writer's voice, and its marks
are in the narration (the words outside quotation marks), each with its reason:
- a question the writer asks ("Has any question taken up more airtime ...?", NeuS 183):
  a report answers questions and asks one only when it quotes someone;
- an exclamation: news copy states, it does not exclaim;
- a stance adverb on the clause (Biber and Finegan's stance adverbials: "actually underscored",
  "clearly", "of course", "after all", "was arguably Nixon's most vital defender"): the writer
  comments on the truth or weight of what is said;
- a clause the writer vouches for as the truth ("While liberals dismissed him as a Hollywood actor,
  the truth was he was a successful two-term governor ...", "The fact is that Twitter faces some
  unique challenges ...", PolNeAR train): "the fact is", "the truth is" and "the reality is" with a clause, the
  clause-initial form of "in fact" (a shell noun of fact in the "N be that" pattern, Schmid 2000),
  counted as a stance adverb; so is an extraposed frame of certainty in the present ("It is apparent
  that Clinton wanted to shield ...", "While it is true that she has been around power ..., her only
  true executive experience ...", PolNeAR train): "it is clear", "obvious", "true" ... with a
  that-clause, the clausal form of "clearly" and "obviously" (Biber et al. 1999, 9.4.5). Its past
  ("it was clear that the driver was doing it deliberately") tells what was evident at the time;
- advice in the writer's voice: "should", "ought to" or "would do well to" on the main clause,
  with nobody said to advise it;
- an impression told as the writer's own ("it seemed as if Roy Moore's political career was over",
  NeuS 13): "seem" with no one whose impression it is; and how a thing looks ("the Saints don't look
  as big a threat", ECB+ 25_13ecbplus), which like a conjecture keeps its sentence out without making
  an article argue (a game report says how a side looked);
- a claim about what a third person knows or understands, denied ("the senator doesn't understand
  that ..."): no reporter can see into someone's mind, so a report attributes it;
- the first or the second person ("We don't know where the virus came from", "you interview a
  subject"): a report speaks of others, to no one in particular;
- a command to the reader ("Imagine if the Los Angeles Rams had to play ...", NeuS 272): a sentence
  that opens on its verb in the base form, with no subject, speaks to the reader as the second person
  does;
- a conjecture: "could", "might" or "may" on the main clause ("The case could still lead to the end
  of Roe v. Wade", "Sean Spicer might outlast him", NeuS 152 and 242): what may come is a guess, and a
  report says whose ("analysts say it could ..."). A report also tells what a deed may bring, so a
  conjecture alone does not make an article argue (see `argues`). "Is likely to", "are unlikely to"
  on the main clause's copula guess as those modals do. Not on a clause joined to the main one
  ("Republicans control the upper chamber by a 53-47 majority but that could be in jeopardy ...",
  NeuS 144): a report adds what a fact may bring, and the labelled NeuS checks read such lines as
  news (evaluation/README.md, "views, round 6");
- a guess (`extract.guesses`): a conditional forecast ("If a Democratic president succeeds Obama, he
  or she will spend ..."), a disjunct of doubt on a main verb ("Sanders presumably believes"); a verb
  of saying under "would" ("Supporters of Sanders would argue") is imagined and attributes nothing.
  Like a conjecture it keeps its sentence out without making an article argue;
- someone's words after a colon: a noun of saying or thinking, then a colon ("Their argument: Only a
  Democratic Senate can make any headway on the issue", Politico). A brief drops such a label
  (`brief.compress`), which would state the argument as fact, so the sentence stays out;
- an evaluation: a judging adjective (a published subjectivity lexicon) as what the main clause's
  present copula says its subject is, or a predicate noun denied with "no" ("Trump pere is no friend
  of free speech", NeuS 102), or an emphasizer on that predicate noun ("is the very definition of a
  worldwide collaboration", "a real ..."): the writer's verdict, carried by its words
  (`extract.evaluative`). Never on a deed told as done; like a conjecture it keeps its sentence out but does not make an
  article argue (counting it did cost news lines: see evaluation/README.md, "framing");
- a reading: a thing said, in the present, to bring out or stand for something, a verb of significance
  on the main clause ("A suspected Russian hack ... highlights the far-reaching impacts of attacks on
  supply chains", NeuS 28; "Gabbard's endorsement constitutes an enormous practical concession that
  Biden is the de facto nominee", NeuS 236): a thing cannot say what it means, so the meaning is the
  writer's. A person who "epitomizes" or "embodies" something is read the same way; what a named
  person or body "highlights" is a point they make, and verbs of evidence ("records show", "polls
  suggest") report what a source holds. A past tense tells what an event was taken to mean at the
  time, which reports may observe, so only the present counts (as with an evaluation). Like a
  conjecture it keeps its sentence out without making an article argue;
- a comment (`extract.comments`): an attitude disjunct on the main clause ("Ironically it was her
  ability to win ..."), a generalisation over a kind ("an incumbent's approval is often a better
  predictor of the outcome than horserace polls"), or a third person's mind read as known ("Cruz has
  been acutely aware that ..."). Each keeps its sentence out without making an article argue.
None of these holds when the sentence attributes what it says (a reporting verb with its subject,
"according to"): then the view is someone's and the sentence reports it. Two hold all the same: the
command, and an echoed verdict, a judging adjective in the "for" phrase of a verb of judgement
("Ryan blasted the FBI for its inexplicable decision", Breitbart): the verb attributes the blame, but
the judge's reason is told as fact in the writer's words. Like a conjecture, an echoed verdict keeps
its sentence out without making an article argue.

An article argues when more of its sentences argue than attribute: a column is argued throughout,
while a report, however long, attributes most of what it tells and may still carry a comment or two
(or a speaker's "I" in a quotation whose marks were lost). The comparison needs no count fitted to
a length: on the draw (NeuS lines 3, 13, ..., 303) it flags the same articles as "two marked
sentences, or one and nothing attributed" (7 of the 9 read as opinion or analysis, no report), and
on long ECB+ reports it does not add up stray marks (see the issue-22-opinion note).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsfuse.extract.borrowed import borrowed, within
from newsfuse.extract.comments import comments
from newsfuse.extract.cues import REPORTING_VERBS, SPEECH_VERBS
from newsfuse.extract.evaluative import echoes_verdict, emphasises, evaluates
from newsfuse.extract.guesses import doubting, forecasts, imagined
from newsfuse.extract.leads import tells_deed
from newsfuse.extract.quote_marks import quote_regions
from newsfuse.models import Article, Span

# Stance adverbials in English grammar (Biber & Finegan 1989; Biber et al. 1999, ch. 12): epistemic
# ("actually", "clearly") and attitude ("frankly") markers a writer puts on a whole clause. A closed
# class, so listed. A stance adverbial comments on a clause, so it counts only before the verb it
# stands on ("actually underscored", "certainly don't know"); after the verb it tells the manner
# ("spoke clearly"), on an adjective the degree ("really fast", "clearly beaten", ECB+ 7). "Simply"
# is not among them: before a verb it means "merely" ("agencies can simply check"), a focus adverb.
STANCE_ADVERBS = frozenset(
    {
        "actually",
        "admittedly",
        "arguably",
        "certainly",
        "clearly",
        "frankly",
        "obviously",
        "surely",
        "undoubtedly",
        "undeniably",
        "really",
    }
)
# Multi-word stance adverbials, matched on the lower-cased words of the sentence's narration.
# Biber's certainty adverbials written as phrases ("There is no doubt that Ross was instrumental",
# ECB+ 6_10ecbplus). All nine in the narration of NeuS and ECB+ (read after the rule was chosen from
# the grammar, so no check) are the writer's own verdicts; the quoted ones are the speakers'.
STANCE_PHRASES = (
    "of course",
    "after all",
    "at best",
    "at worst",
    "to be sure",
    "in fact",
    "so it seemed",
    "no doubt",
    "without a doubt",
    "beyond doubt",
)
# Shell nouns of fact (Schmid 2000): as the subject of a main clause "be" that takes a clause ("the
# fact is that ...", "the truth was he was ..."), the writer vouches for that clause, as "in fact" does.
FACT_NOUNS = frozenset({"fact", "truth", "reality"})
# Adjectives of certainty that control an extraposed that-clause (Biber et al. 1999, 9.4.5): "it is
# clear that ...". Those of doubt and likelihood ("possible", "likely") guess, which `_conjectures`
# reads on the main clause; "unclear" comes with "whether" in reports of what is not known.
CERTAINTY = frozenset({"clear", "obvious", "evident", "apparent", "true", "certain", "undeniable", "plain"})
# Verbs of knowing: denied of a third person in the writer's voice, they judge that person's mind.
KNOWING = frozenset({"understand", "know", "grasp", "realize", "realise", "get", "care"})
# Modals of advice: said in the writer's voice, they advise. "Must" is left out: news states a
# rule's requirement with it ("Workers must soon be vaccinated or tested", NeuS 119), which reports.
OBLIGATION = frozenset({"should", "ought"})
# Impressions: "seem" tells how a thing strikes someone. "Appear" is left out: news uses it of
# being seen ("appeared in court") as often as of seeming.
SEEMING = frozenset({"seem"})
# Verbs of the senses used as linking verbs ("looks as big a threat", "looks like a winner"): how a
# thing strikes its beholder. Only with a predicate after them (see `_seems`).
LINKING_IMPRESSIONS = frozenset({"look"})
# A copula's predicate: a noun ("attr") or an adjective ("acomp").
_PREDICATES = frozenset({"attr", "acomp"})
# Attribution corpora count "seem" and "sound" as cues; here they are the writer's impression unless
# someone is named as having it ("seemed to investigators").
_IMPRESSIONS = frozenset({"seem", "sound", "appear"})
# Modals of possibility: on the main clause, said by no one, they guess at what may come. Denied
# ("could not be reached") they tell what was not possible, which reports.
CONJECTURE = frozenset({"could", "might", "may"})
# Adjectives of likelihood that take a to-clause on a copula ("is likely to", "are unlikely to",
# "is bound to"; Biber et al. 1999, 9.4.5): the adjectival counterpart of those modals, a guess at
# what comes.
LIKELIHOOD = frozenset({"likely", "unlikely", "certain", "sure", "bound", "apt"})
# Verbs of significance: what a thing brings out or stands for (Levin's verbs of "indicating"
# without those of evidence: "show", "indicate", "suggest", "reveal" and "demonstrate" report what a
# record, a poll or a study holds; "mark", "represent", "reflect" and "mean" also state an identity or a
# measure, "marks the first time", "represent 18 percent", "That means residents 21 and over can buy").
SIGNIFYING = frozenset(
    {
        "highlight",
        "underscore",
        "underline",
        "illustrate",
        "epitomize",
        "epitomise",
        "exemplify",
        "typify",
        "constitute",
        "symbolize",
        "symbolise",
        "embody",
    }
)
# Of those, the verbs of standing for: said of a person too ("Hansbrough epitomizes all that is right
# with college basketball", a column), they are the writer's reading of what that person stands for.
STANDING_FOR = frozenset({"epitomize", "epitomise", "exemplify", "typify", "symbolize", "symbolise", "embody"})
# Marks that keep their sentence out but do not count toward the article's voice: a report also says
# what a deed may bring ("The approval Tuesday could avert a government shutdown", NeuS 35, whose
# short excerpt attributes nothing), so one guess makes no column; and one verdict neither (counted,
# it turned NeuS 137's explainer to "argues" and its two news lines out of the brief).
# An appearance too: a game report tells how a side looked ("The Colts defense looked shaky and gave
# up 409 yards", ECB 29_7ecb); counted, it made that report argue and its lines left the brief.
# A judge's reason told as fact ("blasted the FBI for its inexplicable decision") is the judge's
# word in the writer's voice, not the writer's own view of the article's subject.
# A guess (extract.guesses) is a conjecture's kin; someone's argument after a colon is theirs, not
# the writer's.
# The writer's comments read by extract.comments (an attitude, a generalisation, a mind read as
# known) are a sentence's, as an appearance is: a report may carry one.
SENTENCE_ONLY = frozenset(
    {
        "conjecture",
        "guess",
        "evaluation",
        "reading",
        "appearance",
        "echoed verdict",
        "framed words",
        "attitude",
        "generalisation",
        "known mind",
    }
)
# Marks that hold though the sentence attributes: a command speaks to the reader whatever deed it
# names, and an echoed verdict lies in the very words that attribute.
_DESPITE_ATTRIBUTION = frozenset({"command", "echoed verdict", "framed words"})
# Nouns of saying and thinking that head a sentence before a colon ("Their argument: Only a
# Democratic Senate can make any headway on the issue", Politico; "The thinking: ..."): what follows
# the colon is that argument, someone's words. A brief's line drops such a label as it drops "The big
# picture:" (brief.compress), which would leave the argument stated as fact; so the sentence stays out.
FRAMING_NOUNS = frozenset(
    {
        "argument",
        "thinking",
        "reasoning",
        "logic",
        "rationale",
        "theory",
        "view",
        "claim",
        "contention",
        "case",
        "message",
        "pitch",
        "point",
        "belief",
        "assumption",
        "premise",
        "hope",
        "fear",
        "worry",
        "concern",
        "complaint",
        "bet",
        "calculation",
        "calculus",
        "thought",
    }
)
# Subjects that can hold a view: named people, organisations, nationalities and places (a
# government), and personal pronouns.
_SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "who", "i", "we"})
# First and second person pronouns in the narration: the writer speaks as I or we, or to the reader.
_FIRST_PERSON = frozenset({"i", "we", "us", "our", "ours", "my", "me", "mine", "myself", "ourselves"})
_SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})
# Words that open an imperative before its verb: the auxiliary of "do not", and "please".
_IMPERATIVE_OPENERS = frozenset({"do", "please", "never"})
_JOINED_CLAUSES = frozenset({"advcl", "ccomp", "conj", "parataxis"})
_QUOTE_MARKS = frozenset({"“", "”", '"', "«", "»", "``", "''"})
# Attribution phrases that are not reporting verbs.
_ACCORDING = "according to"
_ATTRIBUTING = REPORTING_VERBS | SPEECH_VERBS
# Quantifiers that stand as a subject with no noun ("Few here think ...", "Many believe ..."): who
# thinks so is not said.
_VAGUE_SUBJECTS = frozenset({"few", "many", "some", "most", "several", "others"})


@dataclass(frozen=True, slots=True)
class Stance:
    """One sentence's marks of the writer's own voice (`marks`, names as above), whether it
    attributes what it says to someone (`attributed`), and whether it asserts (`asserts`): a
    statement in the writer's own voice, unmarked, that neither tells a deed done (as a news lead
    does, extract.leads) nor names whose it is. A state, a forecast or a reading of events ("Europe
    will be watching the vote closely", "Few here think the unrest will end anytime soon", ECB 11
    and 19). It may be plain fact; it rests on its writer unless another source tells it too
    (brief.extractive)."""

    span: Span
    marks: tuple[str, ...]
    attributed: bool
    asserts: bool = False

    @property
    def argues(self) -> bool:
        # A command speaks to the reader in the writer's voice whatever deed it names: the "Kashuv
        # apologized" of "Never mind that Kashuv apologized" attributes nothing the command says.
        return bool(self.marks) and (not self.attributed or not _DESPITE_ATTRIBUTION.isdisjoint(self.marks))


def sentence_stances(article: Article, doc: Doc) -> list[Stance]:
    """Each sentence of the parsed article with its marks (quoted words never count)."""
    quoted = [(r.outer_start, r.outer_end) for r in quote_regions(article.text)]

    def narrated(token: Token) -> bool:
        return not any(start <= token.idx < end for start, end in quoted)

    stances = []
    for sentence in doc.sents:
        words = [t for t in sentence if not t.is_space]
        if not words:
            continue
        own = [t for t in words if narrated(t)]
        # A quotation mark left in the narration opens or closes a quotation that runs across
        # sentences (or past an excerpt's end): whose words these are cannot be told.
        open_quote = any(t.text in _QUOTE_MARKS for t in own)
        marks = _marks(own) if own and not open_quote else ()
        span = Span(article.id, words[0].idx, words[-1].idx + len(words[-1].text))
        asserts = (
            bool(own) and not open_quote and not marks and not _sourced(sentence) and not tells_deed(sentence.root)
        )
        stances.append(Stance(span, marks, _attributed(sentence), asserts))
    return stances


@dataclass(frozen=True, slots=True)
class StoryStance:
    """Where a story's writers argue: sentences stating their own view unattributed, and the
    articles that argue as a whole."""

    views: tuple[Span, ...]
    arguing: frozenset[str]
    assertions: tuple[Span, ...] = ()


def story_stance(articles: Sequence[Article], docs: Sequence[Doc]) -> StoryStance:
    """The stance of each parsed article of a story, gathered."""
    views: list[Span] = []
    assertions: list[Span] = []
    arguing: set[str] = set()
    for article, doc in zip(articles, docs, strict=True):
        stances = _lend(sentence_stances(article, doc), borrowed(article.text))
        views.extend(s.span for s in stances if s.argues)
        assertions.extend(s.span for s in stances if s.asserts)
        if argues(stances):
            arguing.add(article.id)
    return StoryStance(tuple(views), frozenset(arguing), tuple(assertions))


def _lend(stances: list[Stance], lent: list[tuple[int, int]]) -> list[Stance]:
    """The stances, each sentence wholly in words handed to a speaker that the quotation finder
    leaves unpaired (extract.borrowed) counted as attributed: a transcript's turn or a block quotation's questions
    are the speaker's, as a quotation is, never the writer arguing or asserting."""
    return [
        replace(s, marks=(), attributed=True, asserts=False) if within(lent, s.span.start, s.span.end) else s
        for s in stances
    ]


def argues(stances: Sequence[Stance]) -> bool:
    """Whether more of the article's sentences argue than attribute (see the module's docstring); a
    conjecture keeps its sentence out but tells nothing of the article's voice (SENTENCE_ONLY)."""
    arguing = sum(s.argues and not set(s.marks) <= SENTENCE_ONLY for s in stances)
    return arguing > sum(s.attributed for s in stances)


def _marks(own: list[Token]) -> tuple[str, ...]:
    """The marks of the writer's voice in a sentence's narrated tokens."""
    found = []
    if any(_first_person(t) for t in own):
        found.append("first person")
    if any(t.lower_ in _SECOND_PERSON and t.tag_ in ("PRP", "PRP$") for t in own):
        found.append("second person")
    # Sentence-final marks (a closing bracket may follow): not the "!" of "E! News".
    if any(t.text == "?" for t in own[-2:]):
        found.append("question")
    if any(t.text == "!" for t in own[-2:]):
        found.append("exclamation")
    text = " ".join(t.lower_ for t in own)
    if (
        any(_stance_adverb(t) for t in own)
        or any(f" {p} " in f" {text} " for p in STANCE_PHRASES)
        or _stance_frame(own)
    ):
        found.append("stance adverb")
    if any(t.lemma_.lower() in SEEMING and t.pos_ in ("VERB", "AUX") and _third_party(t) for t in own):
        found.append("impression")
    if any(_looks(t) and _third_party(t) for t in own):
        found.append("appearance")
    if any(_denied_knowing(t) for t in own):
        found.append("judged mind")
    if any(_advises(t) for t in own):
        found.append("advice")
    root = own[0].sent.root
    if root in own and _commands(root, own[0]):
        found.append("command")
    if root in own and _conjectures(root):
        found.append("conjecture")
    if root in own and (forecasts(root, own) or any(doubting(t) for t in own)):
        found.append("guess")
    if root in own and _frames_words(root):
        found.append("framed words")
    # A loaded word on a deed told as done leaves it news ("was forced to disband two councils that
    # were disintegrating around him"): the deed is reported, whatever the writer thinks of it.
    if root in own and not tells_deed(root) and (evaluates(own) or emphasises(own)):
        found.append("evaluation")
    if echoes_verdict(own):
        found.append("echoed verdict")
    if root in own and any(
        _reads(verb) for verb in (root, *(c for c in root.children if c.dep_ == "conj")) if verb in own
    ):
        found.append("reading")
    if root in own:
        found.extend(comments(root, own))
    return tuple(found)


def _reads(verb: Token) -> bool:
    """A verb of significance in the simple present, not denied nor under a modal, whose
    subject is a thing, not someone ("The update ... underscores the seriousness of the flaw"; what a
    named person "highlights" is a point they make); a verb of standing for ("epitomizes") reads its
    subject whoever it is. A verb joined to the main one shares its subject ("is something of an
    unusual move and underscores ...")."""
    if verb.lemma_.lower() not in SIGNIFYING or verb.pos_ != "VERB":
        return False
    # The simple present only: a perfect tells a deed done (`leads.tells_deed`), and people are the
    # subject there as often as things ("Republican opponents have highlighted Mr. Trump's previously
    # fawning comments", PolNeAR train, a report).
    if verb.tag_ not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ == "neg" or c.tag_ == "MD" for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if not subjects:
        return False
    return verb.lemma_.lower() in STANDING_FOR or not any(_someone(s) for s in subjects)


def _stance_frame(own: list[Token]) -> bool:
    """A clause in the writer's narration framed as true: "the truth is ..." on the main clause, or
    "it is clear that ..." on any clause (a concessive "While it is true that ..." too)."""
    root = own[0].sent.root
    return (root in own and _vouches(root)) or any(_certain(t) for t in own)


def _vouches(root: Token) -> bool:
    """A main clause "be" whose subject is "the fact", "the truth" or "the reality" and whose
    complement is a clause: "the fact is disputed" or "the truth is sexier than the lie" say something
    of the fact, not that a clause is one."""
    if root.lemma_.lower() != "be" or not any(c.dep_ == "ccomp" for c in root.children):
        return False
    return any(
        c.dep_ == "nsubj" and c.lemma_.lower() in FACT_NOUNS and any(d.lower_ == "the" for d in c.children)
        for c in root.children
    )


def _certain(verb: Token) -> bool:
    """A present "be" whose subject is an expletive "it" and whose complement is an adjective of
    certainty with a that-clause, not denied: "It is apparent that ...", "it's also clear that ..."."""
    if verb.lemma_.lower() != "be" or verb.tag_ not in ("VBZ", "VBP"):
        return False
    children = list(verb.children)
    if not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in children) or any(c.dep_ == "neg" for c in children):
        return False
    certain = [c for c in children if c.dep_ == "acomp" and c.lower_ in CERTAINTY]
    clauses = [c for c in (*children, *(g for c in certain for g in c.children)) if c.dep_ == "ccomp"]
    return bool(certain) and any(any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) for c in clauses)


def _first_person(token: Token) -> bool:
    """A pronoun of the first person. "I" is one only as a subject: a capital I elsewhere is a
    numeral or a letter ("a Class I felony", "World War I")."""
    if token.lower_ not in _FIRST_PERSON or token.tag_ not in ("PRP", "PRP$"):
        return False
    return token.text != "I" or token.dep_ in ("nsubj", "nsubjpass")


def _stance_adverb(token: Token) -> bool:
    """A stance adverbial on its clause: before the verb it stands on ("actually underscored"), or
    after "be" as the main verb, where English puts a sentence adverb ("he was arguably Nixon's most
    vital defender", ECB+ 28_11ecbplus: the medial position follows the first auxiliary, and a main
    "be" is its own auxiliary)."""
    if token.lower_ not in STANCE_ADVERBS or token.dep_ != "advmod":
        return False
    head = token.head
    if head.pos_ not in ("VERB", "AUX"):
        return False
    if token.i < head.i:
        return True
    # Only a main "be": in a reported clause ("conjectured that the source was actually an
    # amalgamation", ECB+ 28_5ecbplus) the comment is the speaker's.
    main = head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")
    return main and head.lemma_.lower() == "be" and any(c.dep_ in _PREDICATES for c in head.children)


def _looks(verb: Token) -> bool:
    """ "Look" linking its subject to what it looks like ("the Saints don't look as big a threat",
    ECB+ 25_13ecbplus; "looks like a winner"): the writer's impression unless someone is named as
    having it. "Look" with no such complement is a deed ("looked at the file", "looks to extend his
    lead")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    return verb.lemma_.lower() in LINKING_IMPRESSIONS and any(
        c.dep_ in _PREDICATES or (c.dep_ == "prep" and c.lower_ == "like" and _names_likeness(c)) for c in verb.children
    )


def _names_likeness(like: Token) -> bool:
    """Whether "like" names what the thing looks like; "what the sector will look like" asks it."""
    return any(g.dep_ == "pobj" and g.tag_ not in ("WP", "WDT") for g in like.children)


def _third_party(verb: Token) -> bool:
    """A "seem" with no experiencer ("seems to me", "seemed to investigators" name one)."""
    return not any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" for g in c.children) for c in verb.children
    )


def _denied_knowing(verb: Token) -> bool:
    """A verb of knowing in the present, negated, with a third person as subject."""
    if verb.lemma_.lower() not in KNOWING or verb.pos_ != "VERB" or verb.tag_ not in ("VB", "VBZ", "VBP"):
        return False
    negated = any(c.dep_ == "neg" for c in verb.children)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    third = subject is not None and subject.lower_ not in ("i", "we", "you")
    return negated and third


def _advises(token: Token) -> bool:
    """ "should" or "ought to" on the main clause, or "would do well to" there (a modal idiom of
    advice beside "had better": "the Clinton campaign would do well to target ethnic voters", PolNeAR
    dev, a HuffPost op-ed)."""
    if token.tag_ != "MD":
        return False
    head = token.head
    # On the main clause: the modal's verb is the sentence's root (not "said the court should ...").
    if head.dep_ != "ROOT":
        return False
    if token.lemma_.lower() in OBLIGATION:
        return True
    return (
        token.lower_ == "would"
        and head.lemma_.lower() == "do"
        and any(c.dep_ == "advmod" and c.lower_ == "well" for c in head.children)
        and any(c.dep_ in ("xcomp", "advcl") and c.tag_ == "VB" for c in head.children)
    )


def _commands(root: Token, first: Token) -> bool:
    """A sentence that opens on its main verb in the base form, with no subject: an imperative. A
    negative or softened one opens on its "never", "don't" or "please" ("Never mind that Kashuv
    apologized publicly; never mind that ...", NeuS 140), words that hang on that verb; the parser
    may make the verb a clause of a second command after a semicolon, so it need not be the root."""
    verb = first.head if first.dep_ == "neg" or first.lower_ in _IMPERATIVE_OPENERS else first
    if verb.tag_ != "VB" or any(c.dep_.startswith("nsubj") for c in verb.children):
        return False
    if verb.i != root.i and not (verb.head.i == root.i and verb.dep_ in _JOINED_CLAUSES and _commands(root, root)):
        return False
    opening = root.doc[first.i : verb.i]
    return all(t.head.i == verb.i and (t.dep_ == "neg" or t.lower_ in _IMPERATIVE_OPENERS) for t in opening)


def _frames_words(root: Token) -> bool:
    """A sentence whose main word is a noun of saying or thinking with its determiner, then a colon
    and a clause: "Their argument: Only a Democratic Senate can make any headway ..."."""
    if root.pos_ != "NOUN" or root.lemma_.lower() not in FRAMING_NOUNS:
        return False
    opening = root.doc[root.sent.start : root.i]
    if not all(t.head.i == root.i and t.dep_ in ("det", "poss", "amod", "compound") for t in opening):
        return False
    rest = root.doc[root.i + 1 : root.sent.end]
    return len(rest) > 1 and rest[0].text == ":" and any(t.pos_ in ("VERB", "AUX") for t in rest[1:])


def _conjectures(root: Token) -> bool:
    """A main verb carrying "could", "might" or "may", not denied; or a copula whose subject is
    "likely" (or "unlikely", "bound") to do something."""
    auxiliaries = [c for c in root.children if c.dep_ == "aux"]
    if any(c.lower_ in CONJECTURE for c in auxiliaries) and not any(c.dep_ == "neg" for c in root.children):
        return True
    return root.lemma_.lower() == "be" and any(
        c.dep_ == "acomp" and c.lower_ in LIKELIHOOD and any(g.dep_ == "xcomp" for g in c.children)
        for c in root.children
    )


def _attributed(sentence: SpacySpan) -> bool:
    """Whether the sentence reports someone's words or view: "according to", a verb of speech with
    its subject ("the campaign told The Hill"), or another reporting verb whose subject is someone
    (a name, an organisation, a personal pronoun): "his resignation underscored the divide" is the
    writer's reading of an event, "Democrats fear a recount" reports a view."""
    if _ACCORDING in sentence.text.lower():
        return True
    for verb, subjects in _attributing_verbs(sentence, ("nsubj", "nsubjpass", "agent")):
        lemma = verb.lemma_.lower()
        if lemma not in _IMPRESSIONS and subjects and (lemma in SPEECH_VERBS or any(_someone(s) for s in subjects)):
            return True
    return False


def _attributing_verbs(sentence: SpacySpan, subject_deps: tuple[str, ...]) -> Iterator[tuple[Token, list[Token]]]:
    """The sentence's verbs of attribution, each with its subjects (children of `subject_deps`)."""
    for verb in sentence:
        # "Supporters of Sanders would argue -- and Sanders presumably believes -- that ...": the
        # writer imagines what someone would say; nobody is reported saying it.
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in _ATTRIBUTING and not imagined(verb):
            yield verb, [c for c in verb.children if c.dep_ in subject_deps]


def _sourced(sentence: SpacySpan) -> bool:
    """Whether the sentence says whose its words are: "according to", or a verb of attribution with
    what was said (a clause or an object: "Police said the man fled") and a subject that names
    someone, not a bare quantifier ("Few here think ...", "Many believe ...": the weasel words style
    guides warn of). "The rage continues to smolder" uses a verb of speech, "continue", as an aspect."""
    if _ACCORDING in sentence.text.lower():
        return True
    for verb, subjects in _attributing_verbs(sentence, ("nsubj", "nsubjpass")):
        said = any(c.dep_ in ("ccomp", "dobj", "parataxis") for c in verb.children)
        if said and subjects and not all(_vague(s) for s in subjects):
            return True
    return False


def _vague(subject: Token) -> bool:
    """A subject that is a bare quantifier: "few", "many", "some" with no noun of its own."""
    return subject.lower_ in _VAGUE_SUBJECTS and not any(c.pos_ in ("NOUN", "PROPN") for c in subject.children)


def _someone(subject: Token) -> bool:
    return subject.ent_type_ in _SPEAKER_ENTITIES or subject.lower_ in _SPEAKER_PRONOUNS
