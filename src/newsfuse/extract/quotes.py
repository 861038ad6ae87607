"""Direct quotes in one article, each with its speaker and cue.

A quote is the words between quotation marks; one split by its attribution (`"A," he said, "b..."`)
is one quote. Who said it comes from the attribution extractor (`attributions.find_attributions`,
measured on PolNeAR): the attribution whose content holds the quote gives the cue and the source
phrase as written ("Zhu Feng", "he", "the company", "an Uber spokesperson"). The phrase becomes a
name only when `speakers.SpeakerResolver` finds it certain; otherwise `speaker` is None and
`speaker_text` keeps the phrase. A quote also credited through "according to X" records X.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from newsfuse.extract.attributions import Attribution, according_to, find_attributions
from newsfuse.extract.quote_marks import QuoteRegion, quote_regions
from newsfuse.extract.speakers import SpeakerResolver
from newsfuse.models import Article, Entity, QuoteMention, Span

# The attribution between two halves of one split quote is short ("he said,"): longer gaps hold a
# sentence of their own.
MAX_SPLIT_GAP_CHARS = 60
_TRAILING = " \t\n,.;:"
# How a quotation that labels the noun after it hangs on it.
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def find_quotes(article: Article, doc: Doc, entities: Sequence[Entity]) -> list[QuoteMention]:
    text = article.text
    regions = quote_regions(text)
    attributions = find_attributions(text, doc, regions)
    credits = according_to(doc)
    resolver = SpeakerResolver(text, doc, article.id, entities, regions)
    quotes: list[QuoteMention] = []
    for group in _join_split(text, regions):
        if _is_label(doc, group):
            continue
        quote = _quote(doc, article, group, attributions, credits, resolver)
        if quote is not None:
            quotes.append(quote)
    return quotes


def _quote(
    doc: Doc,
    article: Article,
    group: list[QuoteRegion],
    attributions: list[Attribution],
    credits: list[Attribution],
    resolver: SpeakerResolver,
) -> QuoteMention | None:
    text = article.text
    words = " ".join(text[r.start : r.end].strip(_TRAILING) for r in group).strip(_TRAILING)
    if not words:
        return None
    spans = tuple(Span(article.id, r.start, r.start + len(text[r.start : r.end].rstrip(_TRAILING))) for r in group)
    said = (group[0].start, group[-1].end)
    holding = [a for a in attributions if a.content[0] < group[-1].outer_end and group[0].outer_start < a.content[1]]
    if not holding:
        return QuoteMention(words, spans, None, None, None, None)
    # The innermost attribution holding the quote is the one that says it ('X said Y called it
    # "..."'), unless its cue has not happened: what Pompeo "will meet ... to discuss" was quoted by
    # whoever announced it.
    said_already = [a for a in holding if not _unsaid(doc, a)] or holding
    main = min(said_already, key=lambda a: (a.content[1] - a.content[0], a.cue is None))
    cue = text[main.cue[0] : main.cue[1]] if main.cue is not None else None
    # "..., according to KCNA" beside a cue of its own: the quote reaches us through KCNA.
    through = [c for c in credits if c.source is not None and c.cue != main.cue and _overlaps(c.content, main.content)]
    attribution = None
    if through and through[0].source is not None:
        source = through[0].source
        attribution = resolver.resolve(source, said) or text[source[0] : source[1]]
    if main.source is None:
        return QuoteMention(words, spans, None, None, None, cue, attribution=attribution)
    start, end = main.source
    return QuoteMention(
        words,
        spans,
        resolver.resolve(main.source, said),
        text[start:end],
        Span(article.id, start, end),
        cue,
        attribution=attribution,
    )


def _unsaid(doc: Doc, attribution: Attribution) -> bool:
    """Whether the attribution's cue is still to come: an infinitive or a verb under a modal ("to
    discuss", "will say")."""
    if attribution.cue is None:
        return False
    cue = doc.char_span(attribution.cue[0], attribution.cue[1], alignment_mode="expand")
    if cue is None or len(cue) == 0:
        return False
    verb = cue.root
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ in {"TO", "MD"} for c in verb.children)


def _is_label(doc: Doc, group: list[QuoteRegion]) -> bool:
    """A quotation that modifies a noun names or labels it ("“Make America Great Again” signs"): it is
    not something said."""
    if len(group) > 1:
        return False
    span = doc.char_span(group[0].start, group[0].end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    head = root.head
    outside = not span.start <= head.i < span.end
    return root.dep_ in _MODIFIER_DEPS and outside and head.pos_ in {"NOUN", "PROPN"} and head.i > root.i


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


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
