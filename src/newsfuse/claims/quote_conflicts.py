"""Quotes that differ in meaning between articles, or that articles give to different speakers.

The extract stage matches renderings of one quote across articles and says when a variant's meaning
changed (a negation dropped, a word turned into its opposite). A changed meaning is an open conflict:
at most one rendering is what was said. When the changed rendering comes from a machine translation,
the explanation says so, since the translation is then the likely culprit. A quote whose renderings
name different speakers is an open conflict over who said it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from newsfuse.claims.story import StoryView
from newsfuse.models import Conflict, ConflictSide, Quote, QuoteMention, Span

# Characters of a quote shown in `Conflict.about`.
ABOUT_CHARS = 70


def quote_conflicts(view: StoryView) -> list[Conflict]:
    conflicts: list[Conflict] = []
    for quote in view.facts.quotes:
        conflicts.extend(_meaning(view, quote))
        speaker = _speaker(view, quote)
        if speaker is not None:
            conflicts.append(speaker)
    return conflicts


def _meaning(view: StoryView, quote: Quote) -> list[Conflict]:
    found = []
    for variant in quote.variants:
        if not variant.meaning_changed:
            continue
        translated = [a for a in variant.articles if view.machine_translated(a)]
        explanation = f"the quote's meaning differs ({variant.reason or 'meaning changed'})"
        if translated:
            labels = ", ".join(view.label(a) for a in translated)
            explanation += (
                f"; the changed rendering is in a machine translation ({labels}), the likely source of the error"
            )
        sides = (_side(quote.text, quote.mentions), _side(variant.text, variant.mentions))
        about = f"what {quote.speaker or 'the speaker'} said: \u201c{_short(quote.text)}\u201d"
        found.append(Conflict("quote", about, sides, "open", explanation))
    return found


def _speaker(view: StoryView, quote: Quote) -> Conflict | None:
    mentions = [*quote.mentions, *(m for v in quote.variants for m in v.mentions)]
    by_speaker: dict[str, list[QuoteMention]] = {}
    for mention in mentions:
        # Only a speaker the article names counts: "he" or "the rep" was resolved by a guess, and a
        # guess can set no article against another.
        if mention.speaker and _named(mention.speaker_text):
            name = next((n for n in by_speaker if _same_person(view, n, mention.speaker)), mention.speaker)
            by_speaker.setdefault(name, []).append(mention)
    if len(by_speaker) < 2:
        return None
    ordered = sorted(by_speaker.items(), key=lambda item: -len({m.article_id for m in item[1]}))
    sides = tuple(_side(name, group, speaker=True) for name, group in ordered)
    counts = Counter({name: len({m.article_id for m in group}) for name, group in ordered})
    leader = counts.most_common(1)[0][0]
    others = ", ".join(
        f"{name} ({', '.join(view.label(a) for a in s.articles)})"
        for (name, _), s in zip(ordered, sides, strict=True)
        if name != leader
    )
    about = f"who said \u201c{_short(quote.text)}\u201d"
    kinds = {name: _kind(view, name) for name in by_speaker}
    people = [name for name, kind in kinds.items() if kind == "person"]
    bodies = [name for name, kind in kinds.items() if kind == "organization"]
    if len(people) == 1 and bodies and len(people) + len(bodies) == len(kinds):
        # A person speaks for an organisation: one outlet credits the statement to the department,
        # another to the official who issued it. Two people, or two organisations, stay open.
        explanation = (
            f"one statement credited at two levels: to {', '.join(bodies)} and to {people[0]}, "
            "who speaks for it"
        )
        return Conflict("quote", about, sides, "reconciled", explanation)
    relayed = _named_beside(view, by_speaker)
    if relayed is not None:
        article, credited, named = relayed
        explanation = (
            f"{view.label(article)} credits the words to {credited} with {named} named beside them: it tells of "
            "both, and gives the words as said on another occasion or relayed by one of them, not by mistake"
        )
        return Conflict("quote", about, sides, "reconciled", explanation)
    explanation = f"the same words are given to different speakers: {leader} in most articles, {others} elsewhere"
    return Conflict("quote", about, sides, "open", explanation)


def _named_beside(view: StoryView, by_speaker: dict[str, list[QuoteMention]]) -> tuple[str, str, str] | None:
    """An article whose rendering credits one side's speaker while naming the other side's in the
    quote's paragraph or the one before it ("Romney also listed Trump's personal qualities, which the
    moderator rattled off": "'The greed. ...,' Fox's Chris Wallace said"; "Reid said he was confident
    that Mr. Sanders would 'do the right thing'"). The article knows both people at the words, so
    crediting one is no confusion with the other (a digest's mistake names one person only): the
    words were relayed, or said again, or are a stock phrase of both. Only a two-sided question."""
    if len(by_speaker) != 2:
        return None
    (first, first_mentions), (second, second_mentions) = by_speaker.items()
    for credited, mentions, other in ((first, first_mentions, second), (second, second_mentions, first)):
        surname = other.split()[-1]
        if surname.casefold() in _name_words(credited):
            continue  # "Hillary Clinton" against "Bill Clinton": one surname names either
        for mention in mentions:
            if re.search(rf"\b{re.escape(surname)}\b", _around(view, mention)):
                return mention.article_id, credited, other
    return None


def _around(view: StoryView, mention: QuoteMention) -> str:
    """The text of the paragraph a rendering stands in and of the paragraph before it."""
    article = view.articles[mention.article_id]
    start = mention.spans[0].start
    index = next((i for i, p in enumerate(article.paragraphs) if p.start <= start < p.end), None)
    if index is None:
        return ""
    first = article.paragraphs[max(0, index - 1)]
    return article.text[first.start : article.paragraphs[index].end]


def _named(text: str | None) -> bool:
    return text is not None and any(word[:1].isupper() for word in text.split())


def _same_person(view: StoryView, a: str, b: str) -> bool:
    """One speaker named two ways: one entity, or every word of the shorter name in the longer
    ("Heller" and "Mark Heller", "A. J. Smith" and "Manager A. J. Smith", "Kelly" and "Commissioner
    Raymond Kelly")."""
    ea, eb = view.facts.entity(a), view.facts.entity(b)
    if ea is not None and ea == eb:
        return True
    wa, wb = _name_words(a), _name_words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _name_words(name: str) -> frozenset[str]:
    """The words of a name without initials ("Edward J. Markey" -> edward, markey)."""
    return frozenset(w for w in name.casefold().replace(".", " ").split() if len(w) > 1)


def _kind(view: StoryView, name: str) -> str | None:
    entity = view.facts.entity(name)
    return entity.type if entity is not None else None


def _side(value: str, mentions: Sequence[QuoteMention], speaker: bool = False) -> ConflictSide:
    evidence: list[Span] = []
    for mention in mentions:
        # The quoted words, and for a side about the speaker also where the speaker is named.
        evidence.append(_cover(mention.spans))
        if speaker and mention.speaker_span is not None:
            evidence.append(mention.speaker_span)
    return ConflictSide(
        value=value,
        articles=tuple(dict.fromkeys(m.article_id for m in mentions)),
        evidence=tuple(dict.fromkeys(evidence)),
    )


def _cover(spans: Sequence[Span]) -> Span:
    return Span(spans[0].article_id, min(s.start for s in spans), max(s.end for s in spans))


def _short(text: str) -> str:
    return text if len(text) <= ABOUT_CHARS else text[: ABOUT_CHARS - 3].rstrip() + "..."
