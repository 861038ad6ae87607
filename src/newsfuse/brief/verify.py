"""The faithfulness check: is every brief sentence supported by the spans it cites?

A sentence passes when its checkable content — numbers, names, quoted words — appears in its
cited spans, and most of its other content words do too. Extractive sentences pass by
construction; the check exists for generated ones (the LLM composer) and for users (`--verify`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from newsfuse.models import Article
from newsfuse.models.brief import CitedSentence
from newsfuse.text.lexicon import COURTESY_TITLES, STOP_WORDS
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
    for found in _NAME.findall(sentence.text):
        name = _POSSESSIVE.sub("", found)  # "Rand Paul's claims": the name is "Rand Paul"
        forms = [name, *(aliases(name) if aliases else ())]
        if not any(_squash(form) in flat for form in forms):
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
    text = _COURTESY_TITLE.sub("", inner_names_as_written(sentence, article)).rstrip(".")
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


def inner_names_as_written(sentence: CitedSentence, article: Article) -> str:
    """The sentence with each full name given past its opening cut back to the surname its source
    wrote, where the brief cites that full name as its article wrote it before the sentence; a name
    given without such a citation stays, and fails the name check."""
    first = sentence.spans[0]
    text = sentence.text
    for span in sentence.spans[1:]:
        if span.article_id != first.article_id or span.end > first.start:
            continue
        name = article.excerpt(span)
        at = text.find(name, 1)
        if is_full_name(name) and at > 0:
            text = text[:at] + name.split()[-1] + text[at + len(name) :]
    return text


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
