"""The faithfulness check: is every brief sentence supported by the spans it cites?

A sentence passes when its checkable content — numbers, names, quoted words — appears in its
cited spans, and most of its other content words do too. Extractive sentences pass by
construction; the check exists for generated ones (the LLM composer) and for users (`--verify`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from newsfuse.models import Article
from newsfuse.models.brief import CitedSentence
from newsfuse.text.lexicon import COURTESY_TITLES, STOP_WORDS, other_gender_in
from newsfuse.text.sentences import split_sentences
from newsfuse.text.words import folded_words

# Share of a sentence's ordinary content words that must appear in its cited spans. Rewording is
# allowed (a generated sentence may say "met" where the source says "held talks with"), but a
# sentence most of whose words are absent from its sources is not a summary of them. 0.6 passes the
# paraphrases of the sample corpus digests against their sources and fails sentences made up of
# another story's words.
MIN_WORD_SUPPORT = 0.6

_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_NAME = re.compile(r"\b[A-Z][a-z'’-]+(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]\.))+")
_QUOTED = re.compile(r"[“\"]([^”\"]{3,})[”\"]")
_PRONOUNS = frozenset({"he", "she", "his", "her"})
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# A courtesy title a full name replaces ("Ms. Epstein" -> "Lee Epstein"): compared without it.
_COURTESY_TITLE = re.compile(rf"\b(?:{'|'.join(COURTESY_TITLES)})\.?\s+(?=[A-Z])")
# Marks a surname a given full name was cut back to, so that it can be found among the words after
# courtesy titles are dropped (a character no article text holds: the cleaner drops NULs).
_CUT = "\x00"
# A sentence whose words, its given names cut back to their surnames, match its first cited span's
# words in at least this share (difflib's ratio, 0-1) is that sentence as its source writes it: each
# surname a name was cut back to must then stand where the source writes it. Extractive lines match
# it wholly (1.0, or a little under where the opening took a name: "He said ..." -> "Tomas Reyes said
# ..."), and a wrong name given in a line of six words still scores 0.83; a generated sentence (the
# LLM composer's) rewords its sources, and its names are read only by the name check.
EXTRACTIVE_SHARE = 0.8


@dataclass(frozen=True, slots=True)
class Finding:
    """A sentence the check could not support, and why."""

    section: str
    text: str
    reasons: tuple[str, ...]


def check_sentence(
    sentence: CitedSentence, articles: Mapping[str, Article], aliases: Callable[[str], Sequence[str]] | None = None
) -> tuple[str, ...]:
    """Reasons the sentence is unsupported; empty when it is supported."""
    cited = " ".join(articles[s.article_id].excerpt(s) for s in sentence.spans if s.article_id in articles)
    if not cited:
        return ("cites no source text",)
    reasons: list[str] = []
    flat = _squash(cited)
    for number in _NUMBER.findall(sentence.text):
        if _squash(number) not in flat:
            reasons.append(f"number {number} is not in the cited text")
    for quoted in _QUOTED.findall(sentence.text):
        if _squash(quoted) not in flat:
            reasons.append(f"quote “{quoted}” is not in the cited text")
    # A full name given in the line is read as the surname its source writes there, once the brief
    # cites where an article writes it: "Justin Trudeau’s Liberal Party" joins the given name to the
    # capitalised words after it, which no cited text writes together.
    untitled = _squash(_COURTESY_TITLE.sub("", cited))  # "Using Mr. Trump’s" shown as "Using Donald Trump’s"
    given = names_as_written(sentence, articles) if sentence.spans[0].article_id in articles else ""
    for found in _NAME.findall(given or sentence.text):
        name = _POSSESSIVE.sub("", found)  # "Rand Paul's claims": the name is "Rand Paul"
        forms = [name, *(aliases(name) if aliases else ())]
        if not any(_squash(form) in flat or _squash(form) in untitled for form in forms):
            reasons.append(f"name {name} is not in the cited text")
    reasons += substitution_reasons(sentence, articles)
    written = {w for w in folded_words(sentence.text) if w not in STOP_WORDS and not w[0].isdigit()}
    source_words = set(folded_words(cited))
    if written:
        support = len(written & source_words) / len(written)
        if support < MIN_WORD_SUPPORT:
            reasons.append(f"only {support:.0%} of its words are in the cited text")
    return tuple(reasons)


def substitution_reasons(sentence: CitedSentence, articles: Mapping[str, Article]) -> list[str]:
    """What is wrong with a name put in for a sentence's opening pronoun or bare surname.

    An extractive sentence may differ from its source only there. The name must be cited where its
    article writes it, before the sentence; a pronoun's antecedent must be in the sentence just
    before; a surname may only grow into a full name that ends in it.
    """
    first = sentence.spans[0]
    article = articles.get(first.article_id)
    if article is None:
        return []
    source = _COURTESY_TITLE.sub("", article.excerpt(first)).rstrip(".")
    marked = _COURTESY_TITLE.sub("", _names_as_written(sentence, articles)).rstrip(".")
    misplaced = _misplaced_names(source, marked)
    if misplaced:
        return misplaced
    text = marked.replace(_CUT, "")
    replaced, _, rest = source.partition(" ")
    if text == source or not rest or not text.endswith(rest) or len(rest) < len(source) / 2:
        return []  # its source's own words, or not an extractive sentence (a generated one)
    name = re.sub(r"[’']s$", "", text[: len(text) - len(rest)].strip())
    # A comma after the opening word ("Scott, who was black, ...") follows the name, not part of it.
    replaced, name = replaced.removesuffix(","), name.removesuffix(",")
    if replaced.lower() not in _PRONOUNS and not name.endswith(" " + _POSSESSIVE.sub("", replaced)):
        return [f"opens on {name!r} where its source says {replaced!r}"]
    earlier = [s for s in sentence.spans[1:] if s.article_id == first.article_id and s.end <= first.start]
    if not any(article.excerpt(s) == name for s in earlier):
        return [f"the name {name} is not cited where its article writes it"]
    if replaced.lower() in _PRONOUNS:
        if other_gender_in(replaced, rest):
            return [f"{replaced!r} may be another person: the sentence also points at the other gender"]
        # The antecedent, as written in the sentence before (in full, or by surname).
        forms = {name, name.split()[-1]}
        latest = max(s.end for s in earlier if article.excerpt(s) in forms)
        if len(split_sentences(article.text[latest : first.start])) > 1:
            return [f"the name {name} is not in the sentence before {replaced!r}"]
    return []


def is_full_name(text: str) -> bool:
    """Whether a cited span is a person's full name (the span a line that names someone in full
    cites for it), not a sentence."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words)


def names_as_written(sentence: CitedSentence, articles: Mapping[str, Article]) -> str:
    """The sentence with each full name the brief gave cut back to the surname its source writes,
    where the brief cites that name (what `--verify` compares with the source)."""
    return _names_as_written(sentence, articles).replace(_CUT, "")


def _names_as_written(sentence: CitedSentence, articles: Mapping[str, Article]) -> str:
    """The sentence with each full name it gives cut back to its surname (marked with `_CUT`), where
    the brief cites that full name as an article writes it: the sentence's own article before the
    sentence (past the opening, which `substitution_reasons` reads), or another article of the
    story, anywhere (at the opening too). A name the source itself writes in full is no name given;
    one given without such a citation stays, and fails the name check."""
    first = sentence.spans[0]
    source = articles[first.article_id].excerpt(first)
    text = sentence.text
    for span in sentence.spans[1:]:
        own = span.article_id == first.article_id
        if (own and span.end > first.start) or span.article_id not in articles:
            continue
        name = articles[span.article_id].excerpt(span)
        if not is_full_name(name) or text.count(name) <= source.count(name):
            continue
        at = text.find(name, 1 if own else 0)
        if at >= 0:
            text = text[:at] + name.split()[-1] + _CUT + text[at + len(name) :]
    return text


def _misplaced_names(source: str, marked: str) -> list[str]:
    """A name given where the source writes another surname ("said Tomas Reyes" where it says "said
    Okafor"): each surname a given name was cut back to must stand among the words the sentence
    shares with its source, in an extractive sentence."""
    if _CUT not in marked:
        return []
    old, new = source.split(), marked.split()
    plain = [w.replace(_CUT, "") for w in new]
    matcher = SequenceMatcher(None, old, plain, autojunk=False)
    if matcher.ratio() < EXTRACTIVE_SHARE:
        return []  # the composer's own wording: the name check reads its names
    aligned = {j for _, b, size in matcher.get_matching_blocks() for j in range(b, b + size)}
    return [
        f"gives a name ending in {plain[i]!r} where its source does not write that surname"
        for i, word in enumerate(new)
        if _CUT in word and i not in aligned
    ]


def check_sections(
    sections: Sequence[tuple[str, Sequence[CitedSentence]]],
    articles: Sequence[Article],
    aliases: Callable[[str], Sequence[str]] | None = None,
) -> list[Finding]:
    by_id = {a.id: a for a in articles}
    findings = []
    for name, sentences in sections:
        for sentence in sentences:
            reasons = check_sentence(sentence, by_id, aliases)
            if reasons:
                findings.append(Finding(name, sentence.text, reasons))
    return findings


def _squash(text: str) -> str:
    """Lower case, curly quotes straightened, spacing and thousands separators dropped."""
    text = text.lower().replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"[\s,]+", "", text)
