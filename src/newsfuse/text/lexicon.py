"""The closed word lists every stage shares. Written for this project."""

from __future__ import annotations

import re

# Words that carry no fact of a news story: English function words (articles, pronouns, prepositions,
# conjunctions, auxiliaries, common adverbs of degree and frequency) and the verbs of reporting
# ("said", "told", "according"), which every report of every event uses. Negations are listed too
# (a content comparison drops them), and also apart, in NEGATIONS, for the stages that read them.
STOP_WORDS = frozenset(
    """
    a about above according across after again against all almost also although always am among an and
    another any anyone anything are around as at be because been before being below between both but by can
    could did do does doing done down during each either else enough even ever every few for from further had
    has have having he her here hers herself him himself his how however i if in into is it its itself just
    least less many may me might mine more most much must my myself neither never no nor not now of off often
    on once one only onto or other others our ours ourselves out over own per perhaps quite rather really
    report reported said same say says several shall she should since so some still such tell than that the
    their theirs them themselves then there these they this those though through thus to together told too
    toward towards under until up upon us very via was we well were what whatever when where whether which
    while who whom whose why will with within without would yet you your yours yourself yourselves
    """.split()
)

# Words that negate what they govern. "n't" is here for tokenizers that split it off (spaCy does);
# `newsfuse.text.words.folded_words` reads it as "not".
NEGATIONS = frozenset(
    ["not", "no", "never", "without", "nobody", "nothing", "none", "neither", "nor", "cannot", "nowhere", "n't"]
)

# Titles that tell only what a given name tells ("Ms. Epstein" is "Lee Epstein"), unlike "Dr.", "Sen."
# or "Gov.", which carry a role: a line that names a person in full may drop one, and a check compares
# lines without them.
COURTESY_TITLES = ("Mr", "Mrs", "Ms", "Miss")

# Third-person pronouns by gender: which one a sentence uses says whom it can stand for.
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})


def other_gender_in(pronoun: str, text: str) -> bool:
    """Whether the text holds a pronoun of the other gender than `pronoun` (he, she, his, her):
    someone else is in reach, and a person's own gender is not known from their name."""
    other = FEMALE_PRONOUNS if pronoun.lower() in MALE_PRONOUNS else MALE_PRONOUNS
    return any(word in other for word in re.findall(r"[a-z]+", text.lower()))
