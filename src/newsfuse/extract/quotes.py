"""Direct quotes in one article, each with its speaker and cue.

A quote's speaker is the subject of the speech verb that introduces it, before (`Zhu said: "..."`),
after (`"...," said Zhu Feng` / `"...," he said`) or around it (`described ties as based on "..."`);
failing a verb, the source of an "according to". A name resolves to its entity; a pronoun to the
nearest person mentioned before as a subject; a description ("the Russian leader") to the person
whose stated roles share its rarest words. A quote standing alone after a quote by someone
continues that speaker. A quote split by its attribution (`"A," he said, "b..."`) is one quote.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsfuse.extract.cues import SPEECH_VERBS
from newsfuse.extract.quote_marks import QuoteRegion, quote_regions
from newsfuse.extract.syntax import climb, is_root
from newsfuse.models import Article, Entity, QuoteMention, Span
from newsfuse.text.sentences import split_sentences

# The attribution between two halves of one split quote is short ("he said,"): longer gaps hold a
# sentence of their own.
MAX_SPLIT_GAP_CHARS = 60
# How many sentences back a pronoun's antecedent is looked for.
PRONOUN_LOOKBACK_SENTENCES = 4
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
BODY_PRONOUNS = frozenset({"it", "they", "we"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_TRAILING = " \t\n,.;:"


@dataclass(frozen=True, slots=True)
class _Located:
    start: int
    end: int
    entity: Entity


def find_quotes(article: Article, doc: Doc, entities: Sequence[Entity]) -> list[QuoteMention]:
    regions = _join_split(article.text, quote_regions(article.text))
    located = sorted(
        (
            _Located(m.span.start, m.span.end, e)
            for e in entities
            for m in e.mentions
            if m.span.article_id == article.id
        ),
        key=lambda x: x.start,
    )
    resolver = _Speakers(article, doc, located, [r for group in regions for r in group])
    quotes: list[QuoteMention] = []
    previous: QuoteMention | None = None
    for group in regions:
        quote = resolver.attribute(group, previous)
        if quote is not None:
            quotes.append(quote)
            previous = quote
    return quotes


def _join_split(text: str, regions: list[QuoteRegion]) -> list[list[QuoteRegion]]:
    groups: list[list[QuoteRegion]] = []
    for region in regions:
        if groups:
            last = groups[-1][-1]
            gap = text[last.outer_end : region.outer_start]
            head = text[last.start : last.end].rstrip()
            if (
                head.endswith(",")
                and len(gap) <= MAX_SPLIT_GAP_CHARS
                and "\n" not in gap
                and text[region.start : region.start + 1].islower()
            ):
                groups[-1].append(region)
                continue
        groups.append([region])
    return groups


class _Speakers:
    def __init__(self, article: Article, doc: Doc, located: list[_Located], regions: list[QuoteRegion]) -> None:
        self.article = article
        self.doc = doc
        self.located = located
        self.regions = regions
        self._ends: dict[tuple[int, int], list[int]] = {}
        self._sentence_list: list[SpacySpan] | None = None

    def _sentences(self) -> list[SpacySpan]:
        """The document's sentences, listed once: spaCy walks every token on each `doc.sents`."""
        if self._sentence_list is None:
            self._sentence_list = list(self.doc.sents)
        return self._sentence_list

    def attribute(self, group: list[QuoteRegion], previous: QuoteMention | None) -> QuoteMention | None:
        text = self.article.text
        words = " ".join(text[r.start : r.end].strip(_TRAILING) for r in group).strip(_TRAILING)
        if not words:
            return None
        spans = tuple(
            Span(self.article.id, r.start, r.start + len(text[r.start : r.end].rstrip(_TRAILING))) for r in group
        )
        window = [t for t in self.doc if self._in_window(t.idx, group)]
        verb = self._speech_verb(group, window)
        attribution = self._according_to(window)
        speaker_token = _subject(verb) if verb is not None else None
        if speaker_token is None and attribution is not None:
            speaker_token = attribution
        if speaker_token is None:
            alone = all(t.is_punct or t.is_space for t in window)
            if previous is not None and alone and self._same_paragraph(previous, group[0]):
                return QuoteMention(
                    words, spans, previous.speaker, previous.speaker_text, previous.speaker_span, previous.cue
                )
            return QuoteMention(words, spans, None, None, None, verb.text if verb is not None else None)
        name, phrase = self._resolve(speaker_token, group[0].outer_start)
        if name is None and attribution is not None and speaker_token is not attribution:
            # "the talks were characterised as ..., according to CNN": the source is the speaker.
            name = self._name_at(attribution)
        cue = _cue(verb) if verb is not None else "according to"
        phrase_span = Span(self.article.id, phrase.start_char, phrase.end_char)
        return QuoteMention(
            words,
            spans,
            name,
            phrase.text,
            phrase_span,
            cue,
            attribution=self._name_at(attribution) if attribution is not None and verb is not None else None,
        )

    def _in_window(self, index: int, group: list[QuoteRegion]) -> bool:
        """True for text of the quote's own sentence outside its quotation marks: from the end of the
        sentence or quote before it to the end of the sentence after it, within its paragraph."""
        first, last = group[0], group[-1]
        if any(r.outer_start <= index < r.outer_end for r in group):
            return False
        if any(r.outer_start <= index < r.outer_end for r in self.regions):
            return False
        paragraph = next((p for p in self.article.paragraphs if p.start <= first.start < p.end + 1), None)
        low = paragraph.start if paragraph else 0
        high = paragraph.end if paragraph else len(self.article.text)
        if not low <= index < high:
            return False
        ends = [e for e in self._sentence_ends(low, high) if not any(r.start < e <= r.end for r in self.regions)]
        others = [r for r in self.regions if r not in group]
        left = max(
            [
                low,
                *[e for e in ends if e <= first.outer_start],
                *[r.outer_end for r in others if r.outer_end <= first.outer_start],
            ]
        )
        right = min(
            [
                high,
                *[e for e in ends if e > last.outer_end],
                *[r.outer_start for r in others if r.outer_start >= last.outer_end],
            ]
        )
        return left <= index < first.outer_start or last.outer_end <= index < right

    def _sentence_ends(self, low: int, high: int) -> list[int]:
        key = (low, high)
        if key not in self._ends:
            self._ends[key] = [s.end for s in split_sentences(self.article.text[low:high], low)]
        return self._ends[key]

    def _speech_verb(self, group: list[QuoteRegion], window: list[Token]) -> Token | None:
        # A speech verb beside the quote: the attribution ("..., he said"; "Zhu said: ...").
        verbs = [t for t in window if t.lemma_ in SPEECH_VERBS and t.pos_ in {"VERB", "AUX"}]
        quote_at = self.doc.char_span(group[0].start, group[0].end, alignment_mode="expand")
        if quote_at is None or len(quote_at) == 0:
            return None
        if verbs:
            return min(verbs, key=lambda v: (abs(v.i - quote_at[0].i), v.i))
        # Otherwise the verb of the quote's own sentence whose clause holds a partial quote
        # ("suggested the leaders were "...").
        beside = {t.i for t in window}
        for current in climb(quote_at.root, 8):
            if current.pos_ == "VERB" and current.i in beside and _subject(current) is not None:
                return current
        return None

    def _in_any_quote(self, token: Token) -> bool:
        return any(r.start <= token.idx < r.end for r in self.regions)

    def _according_to(self, window: list[Token]) -> Token | None:
        for token in window:
            if token.lower_ == "according" and token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to":
                objects = [c for c in self.doc[token.i + 1].children if c.dep_ == "pobj"]
                if objects and not self._in_any_quote(objects[0]):
                    return objects[0]
        return None

    def _same_paragraph(self, previous: QuoteMention, region: QuoteRegion) -> bool:
        between = self.article.text[previous.spans[-1].end : region.start]
        return "\n\n" not in between

    def _resolve(self, token: Token, before: int) -> tuple[str | None, SpacySpan]:
        phrase = self._phrase(token)
        name = self._entity_in(phrase.start_char, phrase.end_char)
        if name is not None:
            return name, phrase
        lower = token.lower_
        if lower in PERSON_PRONOUNS | BODY_PRONOUNS:
            return self._antecedent(token, lower in PERSON_PRONOUNS), phrase
        described = self._described(phrase, before)
        if described is None and token.pos_ == "PROPN":
            return self._full_name(token.text, before), phrase
        return described, phrase

    def _full_name(self, surname: str, before: int) -> str:
        """A name no entity covers, completed from an earlier "Given Surname" in the text."""
        matches = list(re.finditer(rf"\b[A-Z][\w'’-]+ {re.escape(surname)}\b", self.article.text[:before]))
        return matches[-1].group(0) if matches else surname

    def _phrase(self, token: Token) -> SpacySpan:
        tokens = [t for t in token.subtree if t.dep_ not in {"relcl", "punct"} and not t.is_punct]
        left = min(t.i for t in tokens)
        right = max(t.i for t in tokens)
        # Keep the name and what precedes it; cut a long trailing description ("Zhu Feng, dean of ...").
        for child in token.rights:
            inner = self._entity_in(child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text))
            if child.dep_ in {"appos", "prep", "relcl", "acl"} and inner is None:
                right = min(right, child.left_edge.i - 1)
        right = max(right, token.i)
        return self.doc[left : right + 1]

    def _entity_in(self, start: int, end: int) -> str | None:
        found = [x.entity for x in self.located if start <= x.start < end]
        people = [e for e in found if e.type == "person"]
        if people:
            return people[-1].name
        return found[0].name if found else None

    def _name_at(self, token: Token) -> str | None:
        phrase = self._phrase(token)
        return self._entity_in(phrase.start_char, phrase.end_char) or phrase.text

    def _referents(self, before: int, people: bool) -> list[tuple[int, int, int, Entity]]:
        """Entities mentioned before `before`, outside quotes and not as a modifier ("the Trump
        administration"), as (sentence index, subject rank, -position, entity)."""
        out = []
        sentences = self._sentences()
        for item in self.located:
            if item.start >= before or any(r.start <= item.start < r.end for r in self.regions):
                continue
            if (item.entity.type == "person") != people and not (not people and item.entity.type == "organization"):
                continue
            span = self.doc.char_span(item.start, item.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if root.dep_ == "compound" and root.head.i >= span.end:
                continue
            index = next(i for i, s in enumerate(sentences) if s.start <= root.i < s.end)
            out.append((index, 1 if root.dep_ in _SUBJECTS else 0, -item.start, item.entity))
        return out

    def _antecedent(self, pronoun: Token, people: bool) -> str | None:
        sentences = self._sentences()
        here = next(i for i, s in enumerate(sentences) if s.start <= pronoun.i < s.end)
        candidates = [c for c in self._referents(pronoun.idx, people) if here - c[0] <= PRONOUN_LOOKBACK_SENTENCES]
        if not candidates:
            return None
        # The nearest sentence with a candidate; in it a subject first, then the first mentioned.
        return max(candidates, key=lambda c: (c[0], c[1], c[2]))[3].name

    def _described(self, phrase: SpacySpan, before: int) -> str | None:
        """A person named by description: the one whose roles share the description's rarest words."""
        words = {t.lower_ for t in phrase if not t.is_stop and not t.is_punct}
        people = {c[3].name: c[3] for c in self._referents(before, True)}
        if not words or not people:
            return None
        spread: Counter[str] = Counter()
        role_words = {}
        for name, entity in people.items():
            vocabulary = {w.lower().strip(",.") for r in entity.roles for w in r.text.split()}
            role_words[name] = vocabulary
            spread.update(vocabulary & words)
        scores = {name: sum(1.0 / spread[w] for w in vocab & words) for name, vocab in role_words.items()}
        best = max(scores.values(), default=0.0)
        if best <= 0:
            return None
        order = {c[3].name: (c[0], c[2]) for c in sorted(self._referents(before, True))}
        return max((n for n, s in scores.items() if s == best), key=lambda n: order.get(n, (0, 0)))


def _subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if subjects:
        return subjects[0]
    # "..., adding that ..." / a conjoined verb shares its head's subject.
    if verb.dep_ in {"conj", "advcl", "xcomp"} and not is_root(verb):
        return _subject(verb.head) if verb.head.pos_ in {"VERB", "AUX"} else None
    return None


def _cue(verb: Token) -> str:
    particles = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]
    return f"{verb.text} ... as" if particles else verb.text
