"""Full names written by the story's other articles, for a person one article names by surname alone.

A report may never write a person's full name ("Friends say Manafort has not lived ...", a second
day's story that assumes the reader met him the day before) while another article of the same story
does. The extract stage links mentions into one entity across the story's articles; where it linked
a bare surname to one person, and that person is the only one of that surname the story names in
full, the full name another article writes may stand in the brief, cited where that article writes it.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfuse.extract.given_names import is_given_name
from newsfuse.extract.names import is_title_word
from newsfuse.models import Article

if TYPE_CHECKING:  # candidates imports this module: the type only, to keep the import one way
    from newsfuse.brief.candidates import NamedPerson


def _is_full_name(text: str, surname: str, common: frozenset[str]) -> bool:
    """Given names or initials before the surname ("Paul Manafort", "Donald J. Trump"), fit to name
    the person in another article's line: a plain name (`_is_plain_name`), and no word before a given
    name the `nicknames` list knows ("Vermonter Bernie Sanders")."""
    words = text.split()
    if not _is_plain_name(text, surname, common):
        return False
    given = [is_given_name(word) for word in words[:-1]]
    return not any(later and not first for first, later in itertools.pairwise(given))


def _is_plain_name(text: str, surname: str, common: frozenset[str]) -> bool:
    """Capitalised words or initials before the surname. A tagged span that holds a title, a number,
    a mark ("Hillary] Clinton" out of an editor's bracket), or a word the story also writes in lower
    case, as a common noun ("President Obama", "Davis Manafortin 1995", "Staff Cheryl Mills" of
    "Chief of Staff Cheryl Mills"), is no full name to put in a line."""
    words = text.split()
    if len(words) < 2 or words[-1] != surname:
        return False
    return all(
        word[:1].isupper()
        and all(c.isalpha() for c in word[1:].replace(".", "").replace("-", ""))  # an initial, "J.", is one letter
        and not is_title_word(word)
        and word.lower() not in common
        for word in words[:-1]
    )


# What comes before a word a sentence capitalises: the text's start, a sentence's end, a line break,
# an opening quotation mark.
_SENTENCE_OPENS = re.compile(r"""(?:^|[.!?:]['"’”]?|\n|["“‘'])\s*$""")


def _opens_sentence(text: str, at: int) -> bool:
    # Eight characters reach over a sentence's end mark, a closing quotation mark and the spaces (a
    # line break among them) before the word; what lies further back is the sentence before's own text.
    return _SENTENCE_OPENS.search(text, max(0, at - 8), at) is not None


@dataclass(frozen=True, slots=True)
class StoryNames:
    """The full names each person is written with across the story, in the articles' reading order.

    `full` maps a person (the extract stage's canonical name) to where the story writes them in full;
    `surnames` maps a surname to the people the story names in full with it."""

    full: Mapping[str, tuple[NamedPerson, ...]]
    surnames: Mapping[str, frozenset[str]]
    common: frozenset[str] = frozenset()  # the words the story writes in lower case

    @classmethod
    def of(cls, articles: Sequence[Article], people: Mapping[str, Sequence[NamedPerson]]) -> StoryNames:
        """From the articles in reading order and where each names a person (the extract stage's)."""
        common = frozenset(w for a in articles for w in re.findall(r"\b[a-z]+\b", a.text))
        full: dict[str, list[NamedPerson]] = {}
        surnames: dict[str, set[str]] = {}
        # A full name is trusted where some article writes it inside a sentence, or where its first
        # word is a given name: one only ever written at a sentence's opening may be a common noun
        # the sentence capitalised ("Drugmaker Pfizer announced Monday ...", the tagger's person).
        trusted: set[str] = set()
        for article in articles:
            for mention in people.get(article.id, ()):
                words = mention.text.split()
                if len(words) < 2:
                    continue
                surnames.setdefault(words[-1], set()).add(mention.name)
                if _is_full_name(mention.text, words[-1], common):
                    full.setdefault(mention.name, []).append(mention)
                    if not _opens_sentence(article.text, mention.span.start) or is_given_name(words[0]):
                        trusted.add(mention.text)
        return cls(
            full={name: tuple(m for m in found if m.text in trusted) for name, found in full.items()},
            surnames={surname: frozenset(names) for surname, names in surnames.items()},
            common=common,
        )

    def writes_in_full(self, mention: NamedPerson) -> bool:
        """Whether a mention in a line's own article is a full name to put in that line: a plain name
        ("LuAnn Marie Johnson"; not "Staff Cheryl Mills", nor "Hillary] Clinton")."""
        words = mention.text.split()
        return bool(words) and _is_plain_name(mention.text, words[-1], self.common)

    def named_elsewhere(self, mention: NamedPerson, article_id: str) -> NamedPerson | None:
        """The full name that other articles of the story write for the person `mention` names by
        surname alone: of their forms ending in that surname, one opening on a given name the
        `nicknames` list knows before others, then the most written, then the first in reading
        order; cited at its first place. None where the story names two people of that surname in
        full (a father and a son, a firm named after a partner), or no other article names them."""
        surname = mention.text
        if self.surnames.get(surname, frozenset()) != {mention.name}:
            return None
        found = [
            m
            for m in self.full.get(mention.name, ())
            if m.span.article_id != article_id and m.text.split()[-1] == surname
        ]
        if not found:
            return None
        counts = Counter(m.text for m in found)
        ranked = enumerate(found)
        return max(ranked, key=lambda n: (is_given_name(n[1].text.split()[0]), counts[n[1].text], -n[0]))[1]
