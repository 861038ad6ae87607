"""Resolve an article's date expressions to calendar dates, with granularity and the anchor used."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc

from newsfuse.extract.anchors import undated_anchor, weekday_date
from newsfuse.extract.captions import caption_spans, in_caption
from newsfuse.extract.date_patterns import UNIT_DAYS, DateExpression, find_expressions
from newsfuse.extract.deeds import deeds_at, parties_at
from newsfuse.extract.quote_marks import inside, quote_regions
from newsfuse.extract.tense import tense_at
from newsfuse.models import Article, DateMention, Span
from newsfuse.models.facts import AnchorSource, NamedWeekday, Tense

_Make = Callable[[date, date, str, str, "date | None", "AnchorSource | None"], DateMention]

# "a decade ago" is a round figure: read it as the decade's year give or take this many years.
DECADE_SPREAD_YEARS = 1


def resolve_article(article: Article, doc: Doc, story_centre: date | None) -> tuple[list[DateMention], date | None]:
    """The article's resolved date mentions, and the anchor its relative expressions were read against."""
    captions = caption_spans(article.text)
    # A caption's date is the photo's day (a file photo, an earlier event): never the story's.
    expressions = [e for e in find_expressions(article.text) if not in_caption(captions, e.start)]
    tenses = {e.start: tense_at(doc, e.start, e.end) for e in expressions}
    anchor: date | None
    source: AnchorSource | None
    if article.published is not None:
        anchor, source = article.published, "published"
    elif story_centre is not None:
        weekdays = [
            (e.weekday, tenses[e.start], e.which) for e in expressions if e.rule == "weekday" and e.weekday is not None
        ]
        anchor, source = undated_anchor(weekdays, story_centre), "story"
    else:
        anchor, source = None, None
    deeds = {e.start: deeds_at(doc, e.start, e.end) for e in expressions}
    resolved = resolve_expressions(article.id, article.text, expressions, tenses, anchor, source, deeds)
    return [mention for _, mention in resolved], anchor


def unanchored_weekdays(article: Article, doc: Doc) -> list[NamedWeekday]:
    """The weekdays an undated article names outside quotations and captions, with the deeds each
    dates: a day no date can be counted from (a story's window gives only a guess), but one that two
    articles can still disagree on for one deed."""
    captions = caption_spans(article.text)
    regions = quote_regions(article.text)
    return [
        NamedWeekday(
            Span(article.id, e.start, e.end),
            e.weekday,
            deeds_at(doc, e.start, e.end),
            parties_at(doc, e.start, e.end),
            tense_at(doc, e.start, e.end),
        )
        for e in find_expressions(article.text)
        if e.rule == "weekday"
        and e.weekday is not None
        and not in_caption(captions, e.start)
        and not inside(regions, e.start, e.end)
    ]


def resolve_expressions(
    article_id: str,
    text: str,
    expressions: list[DateExpression],
    tenses: dict[int, Tense | None],
    anchor: date | None,
    source: AnchorSource | None,
    deeds: dict[int, tuple[str, ...]] | None = None,
) -> list[tuple[DateExpression, DateMention]]:
    """Each expression that resolves, with its mention, in text order; `deeds` by expression start."""
    regions = quote_regions(text)
    resolved: list[tuple[DateExpression, DateMention]] = []
    narrative: date | None = None  # the last day the text itself named, for "one day earlier"
    narrated_month: date | None = None  # the last day or month it named, for "the following month"
    # Whether each was itself read against the story's guessed window (an undated article's
    # "Friday"): a day counted from a guess is a guess too, not a date the text gives.
    narrative_guessed = narrated_guessed = False
    for expression in expressions:
        tense = tenses.get(expression.start)
        quoted = inside(regions, expression.start, expression.end)
        monthly = expression.unit in {"month", "year"}
        told = narrated_month if monthly else narrative
        guessed = narrated_guessed if monthly and expression.which in _SEQUEL_WORDS else narrative_guessed
        mention = _resolve(article_id, expression, anchor, source, narrative, tense, quoted, told, guessed)
        if mention is not None and deeds:
            mention = replace(mention, deeds=deeds.get(expression.start, ()))
        if mention is None:
            continue
        resolved.append((expression, mention))
        if mention.granularity == "day" and not mention.in_quote:
            narrative, narrative_guessed = mention.start, mention.anchor_source == "story"
        if mention.granularity in {"day", "month"} and not mention.in_quote:
            narrated_month, narrated_guessed = mention.start, mention.anchor_source == "story"
    return resolved


def _resolve(
    article_id: str,
    e: DateExpression,
    anchor: date | None,
    source: AnchorSource | None,
    narrative: date | None,
    tense: Tense | None,
    in_quote: bool,
    told: date | None = None,
    told_guessed: bool = False,
) -> DateMention | None:
    span = Span(article_id, e.start, e.end)

    def make(
        start: date, end: date, granularity: str, kind: str, used: date | None, used_source: AnchorSource | None
    ) -> DateMention:
        return DateMention(e.text, span, start, end, granularity, kind, used, used_source, tense, in_quote)  # type: ignore[arg-type]

    if e.rule == "full" and e.value is not None:
        return make(e.value, e.value, "day", "absolute", None, None)
    if e.rule == "month_year" and e.year and e.month:
        first, last = _month_bounds(e.year, e.month)
        return make(first, last, "month", "absolute", None, None)
    if e.rule == "year" and e.year:
        return make(date(e.year, 1, 1), date(e.year, 12, 31), "year", "year", None, None)
    if e.rule == "decade" and e.year:
        return make(date(e.year, 1, 1), date(e.year + 9, 12, 31), "range", "year", None, None)
    if anchor is None:
        return None
    if e.rule == "month_of" and e.month:
        year = anchor.year + {"last": -1, "next": 1}.get(e.which or "", 0)
        first, last = _month_bounds(year, e.month)
        return make(first, last, "month", "relative", anchor, source)
    if e.rule == "month_day" and e.month and e.day:
        day = _nearest_year(e.month, e.day, anchor)
        return None if day is None else make(day, day, "day", "absolute", anchor, source)
    if e.rule == "month" and e.month:
        year = _month_year(e.month, anchor, tense, e.which)
        first, last = _month_bounds(year, e.month)
        return make(first, last, "month", "relative", anchor, source)
    if e.rule == "weekday" and e.weekday is not None:
        day = weekday_date(e.weekday, anchor, tense, e.which if e.which in {"last", "next"} else None)
        return make(day, day, "day", "weekday", anchor, source)
    if e.rule == "relative_day" and e.word:
        shift = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(e.word, 0)
        day = anchor + timedelta(days=shift)
        return make(day, day, "day", "relative", anchor, source)
    if e.rule == "period" and e.unit:
        return _period(e, anchor, source, tense, make)
    if e.rule == "offset" and e.unit:
        if e.which in _SEQUEL_WORDS:
            # "The following month", "the previous day" follow on from a time the text told: with
            # none told, the writing day is a guess (a February article's "the following month"
            # read as March). A month or year counts on from the last month or day told.
            return None if told is None else _offset(e, anchor, source, told, make, told_guessed)
        return _offset(e, anchor, source, narrative, make, told_guessed)
    return None


# Words that make an offset count from a time the text told, never from the day of writing.
_SEQUEL_WORDS = frozenset({"following", "previous", "preceding"})


def _period(
    e: DateExpression, anchor: date, source: AnchorSource | None, tense: Tense | None, make: _Make
) -> DateMention | None:
    step = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}.get(e.which or "", 0)
    if e.unit == "weekend" and e.which is None:
        # "the weekend": the one just past in a past-tense report, else the coming one (or this one).
        saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
        if tense != "past" and anchor.weekday() < 5:
            saturday += timedelta(weeks=1)
        return make(saturday, saturday + timedelta(days=1), "range", "relative", anchor, source)
    if e.unit in {"week", "weekend"}:
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
        first, last = (
            (monday + timedelta(days=5), monday + timedelta(days=6))
            if e.unit == "weekend"
            else (monday, monday + timedelta(days=6))
        )
        return make(first, last, "range", "relative", anchor, source)
    if e.unit == "month":
        month_index = anchor.year * 12 + anchor.month - 1 + step
        first, last = _month_bounds(month_index // 12, month_index % 12 + 1)
        return make(first, last, "month", "relative", anchor, source)
    year = anchor.year + step
    return make(date(year, 1, 1), date(year, 12, 31), "year", "relative", anchor, source)


def _offset(
    e: DateExpression,
    anchor: date,
    source: AnchorSource | None,
    narrative: date | None,
    make: _Make,
    narrative_guessed: bool = False,
) -> DateMention | None:
    count = e.count if e.count is not None else 1.0
    backwards = e.direction in {"earlier", "ago", "previously", "after"} or e.which in {"previous", "preceding"}
    # "came a day after <the parade>" dates what follows it: the parade was a day before the day
    # being narrated, so "after" counts back from it and "before" counts forward.
    sign = -1 if backwards else 1
    # "ago" counts from the writing day; "earlier"/"later"/"the next day" from the day just narrated.
    base, base_source = (anchor, source) if e.direction == "ago" or narrative is None else (narrative, "text")
    if base_source == "text" and narrative_guessed:
        base_source = "story"  # the day narrated was read against the story's window: so is this one
    if e.direction != "ago" and narrative is None:
        # "A man fired four days earlier ... walked into his old office, a sergeant said Wednesday":
        # earlier than the deed told, which no day before it dates. The writing day stands in for it,
        # and is a guess.
        base_source = "story"
    if e.unit in UNIT_DAYS:
        day = base + timedelta(days=sign * round(count * UNIT_DAYS[e.unit]))
        granularity = "day" if e.unit == "day" else "range"
        if granularity == "day":
            return make(day, day, "day", "relative", base, base_source)
        return make(day - timedelta(days=3), day + timedelta(days=3), "range", "relative", base, base_source)
    if e.unit == "month":
        index = base.year * 12 + base.month - 1 + sign * round(count)
        first, last = _month_bounds(index // 12, index % 12 + 1)
        return make(first, last, "month", "relative", base, base_source)
    years = round(count * (10 if e.unit == "decade" else 1))
    year = base.year + sign * years
    if e.unit == "decade":
        return make(
            date(year - DECADE_SPREAD_YEARS, 1, 1),
            date(year + DECADE_SPREAD_YEARS, 12, 31),
            "range",
            "relative",
            base,
            base_source,
        )
    return make(date(year, 1, 1), date(year, 12, 31), "year", "relative", base, base_source)


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _nearest_year(month: int, day: int, anchor: date) -> date | None:
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    return min(options, key=lambda d: abs((d - anchor).days)) if options else None


def _month_year(month: int, anchor: date, tense: Tense | None, which: str | None) -> int:
    """A month named without a year: the latest one not after the anchor for past events and the
    next one not before it for future events ("in March" written in September is this March)."""
    if which == "last":
        return anchor.year if month < anchor.month else anchor.year - 1
    if which == "next" or tense == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1
