"""Entities of a story: tagger mentions merged into entities, then every further written occurrence of
an entity's known names found, so that a name the tagger missed in one article still counts there."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from spacy.tokens import Doc

from newsfuse.extract.aliases import AliasMerger
from newsfuse.extract.mentions import NameMention, find_mentions
from newsfuse.extract.names import is_well_formed
from newsfuse.models import Article, Entity, Span
from newsfuse.models.provenance import SourceKeys

# Shorter names than this are not searched for again in text: two letters match too much by chance.
MIN_SEARCH_LENGTH = 3


def extract_entities(
    articles: Sequence[Article],
    docs: Sequence[Doc],
    merger: AliasMerger,
    independence: SourceKeys | None = None,
) -> list[Entity]:
    mentions = [m for article, doc in zip(articles, docs, strict=True) for m in find_mentions(article.id, doc)]
    first = merger.merge(mentions, independence)
    extra = _unlabelled_occurrences(articles, first)
    if not extra:
        return first
    return merger.merge(mentions + extra, independence)


def _unlabelled_occurrences(articles: Sequence[Article], entities: list[Entity]) -> list[NameMention]:
    """Occurrences of entity names that no mention covers yet, each labelled with its entity's type.

    A name is searched only when it is well formed and belongs to one entity; an occurrence that is
    part of a longer capitalised name ("Kaldmere" in "Kaldmere Power") is skipped."""
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for name in entity.names:
            owners[name].add(entity.id)
    covered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for entity in entities:
        for mention in entity.mentions:
            covered[mention.span.article_id].append((mention.span.start, mention.span.end))
    found: list[NameMention] = []
    for entity in entities:
        if entity.type == "person":
            # A person is referred to by surname: "Marchand said" after "Governor Odile Marchand".
            for name in entity.names:
                parts = name.split()
                if len(parts) >= 2:
                    owners[parts[-1]].add(entity.id)
    lower_words = {w for article in articles for w in re.findall(r"\b[a-z]+\b", article.text)}
    for entity in entities:
        candidates = list(entity.names)
        if entity.type == "person":
            # A surname that is also an ordinary word of these texts ("One" of "Kim Jong One") is not
            # searched for on its own.
            candidates += [
                n.split()[-1] for n in entity.names if len(n.split()) >= 2 and n.split()[-1].lower() not in lower_words
            ]
        names = [
            n
            for n in dict.fromkeys(candidates)
            if len(owners[n]) == 1 and len(n) >= MIN_SEARCH_LENGTH and is_well_formed(n)
        ]
        if not names:
            continue
        pattern = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])"
        )
        for article in articles:
            for match in pattern.finditer(article.text):
                start, end = match.span()
                spans = covered[article.id]
                if any(s < end and start < e for s, e in spans) or _inside_longer_name(article.text, start, end):
                    continue
                spans.append((start, end))
                found.append(NameMention(match.group(0), Span(article.id, start, end), None))
    return found


_CAPITAL_AFTER = re.compile(r"\s+[A-Z]")
_CAPITAL_BEFORE = re.compile(r"[A-Za-z][\w'’-]*\s+$")


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    if _CAPITAL_AFTER.match(text, end):
        return True
    before = text[max(0, start - 40) : start]
    match = _CAPITAL_BEFORE.search(before)
    if match is None or not match.group(0)[:1].isupper():
        return False
    # A capitalised word before is part of the name unless it starts the sentence.
    head = before[: match.start()].rstrip()
    return bool(head) and head[-1] not in '.!?:"“”'
