"""Whether a sentence's narration judges: an evaluative word where a report puts a plain one.

A writer's framing often carries no grammatical mark (`extract.stance`): it lies in the words ("he
is in a good position to ask for more money", a film blog; "This Is Disgusting."). Which words
judge is not for us to list off the sets we score: the subjectivity lexicon TextBlob
ships (De Smedt and Daelemans' pattern lexicon, `textblob/en/en-sentiment.xml`, about 2,900
English adjectives hand-tagged per sense for polarity and subjectivity) tells it. A word counts as
TextBlob reads it, its senses averaged, and judges when it is both subjective and charged:
"desperate" (-0.6, 1.0), "infamous" (-0.5, 1.0), "good" (0.7, 0.6), not "major" (0.06, 0.5), "new"
(0.14, 0.45) or "key" (0.0, 1.0).

News also uses such words of what it reports ("a serious injury", "a good year for exports"), so
a word counts only where it is the writer's verdict on a subject: what the main clause's copula,
in the present, says the subject is ("Lots of Democrats are in full panic that ...", NeuS 1; "he is
in a good position to ask for more"). A past copula tells a state at the time of the events, which a report
observes ("Athens was calm Sunday"). A predicate noun denied with "no" ("is no friend of free
speech") judges by the same place, whatever the noun. Whether the sentence says whose verdict it is
(a reporting verb, "according to") is `extract.stance`'s to tell.

An epithet on a person's name ("desperate Cory Booker") was tried and left out: before a name the
parser cannot tell an epithet from a title, and the lexicon reads the adjectives of titles as
judging ("special envoy", "top Ukraine expert", "special counsel Robert Mueller"); see the framing
section of evaluation/README.md.

Two more places judge (evaluation/README.md, "views, round 5"): an emphasizer on the copula's
predicate noun ("is the very definition of"), whose charge lies in the noun the lexicon does not
hold, and a judging adjective in the "for" phrase of a verb of judgement ("blasted the FBI for its
inexplicable decision"), the judge's reason told in the writer's voice.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token

from newsfuse.errors import ConfigError

# Where the lexicon lies inside the `textblob` package (read as a file; textblob is not imported).
LEXICON_PACKAGE = "textblob"
LEXICON_FILE = "en/en-sentiment.xml"
# A word judges when its mean subjectivity is at least the lexicon's midpoint (0 objective, 1
# subjective) and its mean polarity at least this far from neutral. Set from the lexicon's scale
# before any labelled line was scored, not fitted: descriptive words with a charged sense among
# neutral ones average near 0 ("major" 0.06, "new" 0.14, "high" 0.16), plain judgements well past
# 0.3 ("good" 0.7, "desperate" -0.6, "infamous" -0.5). No draw line moved with either value.
SUBJECTIVITY = 0.5
POLARITY = 0.3
# Verbs of judgement: a subject praises or blames someone, the reason in a "for" phrase ("blasted
# the FBI for its inexplicable decision"). Levin's judgement verbs (1993, class 33) that news uses
# of speech, with the news verbs of the same frame that PolNeAR's cue list holds (extract.cues:
# "blast", "slam", "hail", "lambast", "assail").
JUDGEMENT_VERBS = frozenset(
    {
        "applaud",
        "blame",
        "castigate",
        "censure",
        "chastise",
        "chide",
        "commend",
        "compliment",
        "condemn",
        "congratulate",
        "criticize",
        "criticise",
        "denounce",
        "deride",
        "disparage",
        "extol",
        "fault",
        "lambaste",
        "laud",
        "mock",
        "praise",
        "rebuke",
        "reprimand",
        "reproach",
        "ridicule",
        "scold",
        "scorn",
        "thank",
        "upbraid",
        "assail",
        "blast",
        "hail",
        "lambast",
        "slam",
    }
)
# Emphasizers: attributive adjectives that add no property to their noun but vouch for how well it
# fits ("a real visionary", "an utter failure", "the very definition of"; Quirk et al. 1985, 7.33,
# the adjectival counterparts of "really" and "utterly"). Whoever calls a subject a true example of
# something judges it; the lexicon cannot tell, as their charge lies in the noun.
EMPHASIZERS = frozenset(
    {
        "absolute",
        "complete",
        "outright",
        "perfect",
        "pure",
        "real",
        "sheer",
        "total",
        "true",
        "utter",
        "veritable",
        "very",
    }
)
# Copulas: verbs that say what their subject is, seems or has become.
COPULAS = frozenset({"be", "seem", "look", "remain", "become", "sound", "appear", "prove", "feel"})


@dataclass(frozen=True, slots=True)
class Appraisal:
    """A word's mean polarity (-1 to 1) and subjectivity (0 to 1) over its senses in the lexicon."""

    polarity: float
    subjectivity: float

    @property
    def judges(self) -> bool:
        return self.subjectivity >= SUBJECTIVITY and abs(self.polarity) >= POLARITY


def read_lexicon(xml: str) -> dict[str, Appraisal]:
    """The adjectives of a pattern sentiment lexicon, each form's senses averaged (as TextBlob does)."""
    senses: dict[str, list[tuple[float, float]]] = {}
    for word in ET.fromstring(xml).iter("word"):
        form, pos = word.get("form"), word.get("pos")
        if form and pos == "JJ":
            senses.setdefault(form.lower(), []).append(
                (float(word.get("polarity", 0)), float(word.get("subjectivity", 0)))
            )
    return {
        form: Appraisal(sum(p for p, _ in values) / len(values), sum(s for _, s in values) / len(values))
        for form, values in senses.items()
    }


@cache
def lexicon() -> Mapping[str, Appraisal]:
    """TextBlob's adjective lexicon, read once."""
    try:
        xml = resources.files(LEXICON_PACKAGE).joinpath(LEXICON_FILE).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as error:
        raise ConfigError(
            f"the subjectivity lexicon {LEXICON_PACKAGE}/{LEXICON_FILE} is missing: "
            f"install newsfuse's dependencies ({error})"
        ) from error
    return read_lexicon(xml)


def judging(token: Token, words: Mapping[str, Appraisal] | None = None) -> bool:
    """Whether the token is an adjective the lexicon reads as a judgement."""
    # The plain degree only: a comparative measures its subject against a standard it names ("more
    # than all the jobs added in ten years", NeuS 210), a superlative ranks it among others.
    if token.pos_ != "ADJ" or token.tag_ != "JJ":
        return False
    appraisal = (words if words is not None else lexicon()).get(token.lower_)
    return appraisal is not None and appraisal.judges


def evaluates(own: Iterable[Token], words: Mapping[str, Appraisal] | None = None) -> bool:
    """Whether one of the narrated tokens judges where a report would not: as the complement of the
    main clause's present copula, or as the "no" that denies that complement."""
    return any((judging(t, words) and _verdict(t)) or _litotes(t) for t in own)


def emphasises(own: Iterable[Token]) -> bool:
    """Whether the narration vouches for a predicate noun of the main clause's present copula with
    an emphasizer ("The agreement ... is the very definition of a worldwide collaboration", NYT,
    PolNeAR train; "He's a real fish out of water"): the writer's verdict that the subject is a true
    case of what the noun names. "The very" takes "the" by its own grammar, so a definite noun counts
    with it alone; "is the perfect candidate" identifies as "is the latest" does."""
    return any(_emphasised(t) for t in own)


def _emphasised(adjective: Token) -> bool:
    if adjective.lower_ not in EMPHASIZERS or adjective.dep_ != "amod" or adjective.pos_ != "ADJ":
        return False
    noun = adjective.head
    if noun.dep_ != "attr" or (_definite(noun) and adjective.lower_ != "very"):
        return False
    return _main_copula(noun.head)


def _litotes(determiner: Token) -> bool:
    """A predicate noun denied with "no" ("Trump pere is no friend of free speech", "is no
    accident"): a figure that judges its subject by what it is not; a report says what was done or
    said. "There is no evidence" states an absence, so an expletive subject does not count."""
    noun = determiner.head
    if determiner.lower_ != "no" or determiner.dep_ != "det" or noun.dep_ != "attr" or not _main_copula(noun.head):
        return False
    return not any(c.dep_ == "expl" for c in noun.head.children)


def _verdict(adjective: Token) -> bool:
    """The complement of a copula on the main clause ("is desperate", "are in full panic"), or an
    adjective on a predicate noun that characterises ("is a good position", "is in a good position
    to"). Two complements say something else:
    - an adjective that takes its subject's to-clause ("able to", "quick to add", "happy to help")
      tells what the subject can or will do, its capacity or will (Biber et al. 1999, 9.4.5), not
      the writer's verdict;
    - a predicate with "the" identifies its subject ("The bill is the latest effort ...", NeuS 220;
      "The heist ... is the latest to hit France", ECB+ 24): the adjective picks the referent out;
      with "a" or none it characterises (Higgins' predicational against specificational copular
      clauses)."""
    if adjective.dep_ in ("acomp", "attr"):
        takes_clause = any(c.dep_ == "xcomp" for c in adjective.children)
        return not takes_clause and not _definite(adjective) and _main_copula(adjective.head)
    if adjective.dep_ != "amod" or _definite(adjective.head):
        return False
    noun = adjective.head
    if noun.dep_ == "attr":
        return _main_copula(noun.head)
    # "is in a good position": the noun of a prepositional complement of the copula, which follows
    # it; a phrase before the verb is an adjunct ("Despite a huge police investigation, the culprit
    # remains at large", ECB+ 24_3ecbplus).
    preposition = noun.head
    return (
        noun.dep_ == "pobj"
        and preposition.dep_ == "prep"
        and preposition.i > preposition.head.i
        and _main_copula(preposition.head)
    )


def _definite(noun: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "no") for c in noun.children)


def _main_copula(verb: Token) -> bool:
    """The main clause's copula in the present ("is", "are") or the present perfect ("has been"): a
    verdict the writer holds now. A past copula tells a state at the time of the events ("Athens was
    calm Sunday"), which a report observes, and a modal one ("would have been") a hypothesis."""
    if verb.dep_ != "ROOT" or verb.lemma_.lower() not in COPULAS:
        return False
    if any(c.tag_ == "MD" for c in verb.children):
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    perfect = ("has", "have", "'s", "'ve")
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in perfect for c in verb.children)


def echoes_verdict(own: Iterable[Token], words: Mapping[str, Appraisal] | None = None) -> bool:
    """Whether a judging adjective states a judge's reason as fact: it stands in the "for" phrase of
    a verb of judgement ("Ryan blasted the FBI for its inexplicable decision", Breitbart, PolNeAR
    train). Who blames someone for something gives the reason as theirs; told in the narration, the
    judgement ("inexplicable") is the judge's, put in the writer's voice unmarked, though the verb
    attributes the blame."""
    return any(judging(t, words) and _judged_reason(t) for t in own)


def _judged_reason(adjective: Token) -> bool:
    """An adjective on the noun of a "for" phrase of a verb of judgement."""
    if adjective.dep_ != "amod":
        return False
    noun = adjective.head
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ != "for" or preposition.dep_ != "prep":
        return False
    verb = preposition.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in JUDGEMENT_VERBS
