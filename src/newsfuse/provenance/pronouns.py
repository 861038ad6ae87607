"""Which gender of pronoun each article uses for a named person: "Berg ... his daughter" votes "he" for Berg.

Machine translation from languages whose possessives agree with the object, not the owner (French
"sa fille"), or that drop subjects, often gives a person the wrong pronoun ("Berg, during her first
visit"). A vote is the first gendered pronoun after a sentence's subject, provided no other name or
gendered noun comes between; a sentence with a pronoun and no name votes for the subject of the
sentence before it ('... Governor Marchand ... "It is over," she said.'). Quoted words are skipped:
a speaker's "he" is someone else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newsfuse.models import Article
from newsfuse.provenance.names import NameMention, name_mentions
from newsfuse.text.sentences import split_sentences

Gender = str  # "m" or "f"

_PRONOUNS: dict[str, Gender] = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip
# Nouns that bring a second person into the clause, so a following pronoun may be theirs.
_GENDERED_NOUNS = frozenset(
    [
        "daughter",
        "daughters",
        "son",
        "sons",
        "wife",
        "husband",
        "mother",
        "father",
        "sister",
        "brother",
        "woman",
        "women",
        "man",
        "men",
        "girl",
        "boy",
        "girls",
        "boys",
        "widow",
        "widower",
        "mum",
        "dad",
        "grandmother",
        "grandfather",
        "aunt",
        "uncle",
        "niece",
        "nephew",
        "queen",
        "king",
        "princess",
        "prince",
        "wife's",
        "husband's",
    ]
)
# A name preceded by at most this many words is the sentence's subject ("The governor Odile Marchand,
# who ..."); only subjects get votes, since a pronoun after an object or a place usually is the subject's.
SUBJECT_REACH = 3
_WORD = re.compile(r"[A-Za-z’']+")
_QUOTED = re.compile(r"[\"“«][^\"”»]*[\"”»]")


@dataclass(frozen=True, slots=True)
class PronounVote:
    """`name` (as written) was followed by a pronoun of `gender` at `start`..`end` of the article text."""

    name: str
    gender: Gender
    start: int
    end: int


def pronoun_votes(article: Article, canonical: Callable[[str], str] | None = None) -> list[PronounVote]:
    """Every vote in the article. `canonical` maps a written name to the story's usual spelling."""
    spell = canonical or (lambda form: form)
    # Names are found on the whole text, so that "Berg" opening a sentence is known from "said Berg".
    blanked = _QUOTED.sub(lambda m: " " * len(m.group(0)), article.text)
    mentions = name_mentions(blanked)
    votes: list[PronounVote] = []
    for paragraph in article.paragraphs:
        subject: NameMention | None = None
        for sentence in split_sentences(article.text[paragraph.start : paragraph.end], paragraph.start):
            names = [m for m in mentions if sentence.start <= m.start < sentence.end]
            pronouns = [
                (m.start() + sentence.start, m.end() + sentence.start, _PRONOUNS[m.group(0).lower()])
                for m in _WORD.finditer(blanked[sentence.start : sentence.end])
                if m.group(0).lower() in _PRONOUNS
            ]
            nouns = [
                m.start() + sentence.start
                for m in _WORD.finditer(blanked[sentence.start : sentence.end])
                if m.group(0).lower() in _GENDERED_NOUNS
            ]
            opening = (
                names[0] if names and _words_before(blanked, sentence.start, names[0].start) <= SUBJECT_REACH else None
            )
            if opening is not None:
                vote = _first_pronoun_after(opening, names, pronouns, nouns)
                if vote:
                    votes.append(PronounVote(spell(opening.form), vote[2], vote[0], vote[1]))
            elif not names and pronouns and subject is not None:
                start, end, gender = pronouns[0]
                votes.append(PronounVote(spell(subject.form), gender, start, end))
            # A later sentence with a pronoun and no name refers back to this sentence's subject.
            subject = opening
    return votes


def _words_before(text: str, start: int, position: int) -> int:
    return len(_WORD.findall(text[start:position]))


def _first_pronoun_after(
    name: NameMention,
    names: list[NameMention],
    pronouns: list[tuple[int, int, Gender]],
    nouns: list[int],
) -> tuple[int, int, Gender] | None:
    for start, end, gender in pronouns:
        if start < name.end:
            continue
        if any(name.end <= other.start < start for other in names) or any(name.end <= n < start for n in nouns):
            return None
        return start, end, gender
    return None
