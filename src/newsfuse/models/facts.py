"""What the extract stage finds in a story: entities, dates and a timeline, numbers, quotes.

Every record points into article text through `Span`s, so a later stage (claims, conflicts, the brief)
can compare records across articles and every citation can be checked against its source.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Literal

from newsfuse.models.article import Span

EntityType = Literal["person", "organization", "place", "other"]
Granularity = Literal["day", "month", "year", "range"]
# A name taking part in a deed, by role: who did it ("subject") or to whom it was done ("object").
Party = tuple[Literal["subject", "object"], str]
DateKind = Literal["absolute", "weekday", "relative", "year"]
AnchorSource = Literal["text", "published", "story"]
Tense = Literal["past", "present", "future"]
NumberKind = Literal["cardinal", "ordinal", "money", "percent", "duration", "time"]
NumberStance = Literal["reported", "expected", "earlier", "offset", "margin"]
# Records with a field named `date` annotate with this alias, since the field shadows the type there.
Day = date


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where a name, role or phrase is written: its exact text and where."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place, with every spelling the story's articles use for it.

    `name` is the canonical form; `aliases` are the other forms (surnames, garbles, acronyms,
    expansions), most used first; `roles` are the titles or descriptions the articles give
    ("Chinese Foreign Ministry spokesperson").
    """

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]
    roles: tuple[Mention, ...] = ()

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.span.article_id for m in self.mentions))

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression resolved to calendar dates `start`..`end` (equal for a single day).

    `anchor` is the date relative expressions and weekdays were resolved against, and
    `anchor_source` says where it came from: the article's `published` date, a date written earlier
    in the same text ("one day earlier"), or the story's inferred time window (`story`). `deeds` are
    the lemmas of the verbs the date is the date of ("acquitted in 1958" -> ("acquit",)), nearest
    first, empty when the parse gives none.
    """

    text: str
    span: Span
    start: date
    end: date
    granularity: Granularity
    kind: DateKind
    anchor: date | None
    anchor_source: AnchorSource | None
    tense: Tense | None = None
    in_quote: bool = False
    deeds: tuple[str, ...] = ()

    @property
    def iso(self) -> str:
        """ISO 8601 at the mention's precision: 2025-09-04, 2025-09, 2025, or 2015/2017 for a range."""
        if self.granularity == "day":
            return self.start.isoformat()
        if self.granularity == "month":
            return self.start.isoformat()[:7]
        if self.granularity == "year":
            return str(self.start.year)
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


@dataclass(frozen=True, slots=True)
class EventDate:
    """One date that some articles give for a timeline event, with the mentions that say so."""

    date: Day
    articles: tuple[str, ...]
    mentions: tuple[DateMention, ...]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One event of the story on one date, merged across the articles that report it.

    `date` is the best-supported date; `disputed` lists other dates some articles give for what reads
    as the same event (a conflict for the claims stage to weigh). `spans` cover the clauses the
    `event` description comes from, one or more per supporting article.
    """

    date: Day
    end: Day
    granularity: Granularity
    event: str
    articles: tuple[str, ...]
    spans: tuple[Span, ...]
    actors: tuple[str, ...] = ()
    disputed: tuple[EventDate, ...] = ()

    @property
    def iso(self) -> str:
        """The date at the entry's precision: 2025-09-04, 2018-08 (a month), 2018 (a year)."""
        if self.granularity == "month":
            return self.date.isoformat()[:7]
        if self.granularity == "year":
            return str(self.date.year)
        return self.date.isoformat()

    @property
    def label(self) -> str:
        """The date as a reader sees it: "2025-09-04", "August 2018", "2018"; a month is never its 1st."""
        if self.granularity == "month":
            return f"{calendar.month_name[self.date.month]} {self.date.year}"
        return self.iso


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number with what it counts, so that like can be compared with like across articles.

    `value` is scaled ("$1.2 billion" -> 1.2e9; "15:10" -> 910 minutes after midnight); `unit` is a
    currency code, "%", a time unit (durations) or "minute" (clock times); `noun` is the counted thing
    as written ("North Korean troops") and `noun_lemma` its head lemma ("troop"); `context` is the
    lemma of the verb the number hangs on ("kill"); `qualifier` keeps "about", "more than", ...
    `measure` names what an amount is the value of when it counts no noun ("a cash value of $868
    million" -> "cash value"); `stance` is "expected" for a forecast, expectation or target ("economists
    had expected 75,000"), "earlier" for the starting value of a change ("rose to 3.7% from 3.5%"),
    "offset" for a length of time that places an event ("four years ago", "nine days before the
    inauguration": a point in time, not how long something lasted), "margin" for the precision of a
    measurement ("a margin of error of 3 percentage points", "plus or minus 5.7") and "reported"
    otherwise; `verb` is
    the verb as written ("added"); `owner` the named subject of that
    verb ("Echenique grabbed 11 rebounds" -> "Echenique") or the possessor of what it counts ("his 68
    punches", "Newton's record of 4,051 yards"), a pronoun taken as the one person it can refer to;
    `owner_unnamed` is True when that holder is a pronoun ("He has 53 catches") whose person the text
    does not settle, so that the figure is someone's the article does not name; `frame` is the span the
    figure is counted over, as written ("in the first half", "this season"), when the sentence says it.
    """

    text: str
    span: Span
    value: float
    kind: NumberKind
    unit: str | None = None
    noun: str | None = None
    noun_lemma: str | None = None
    context: str | None = None
    qualifier: str | None = None
    measure: str | None = None
    stance: NumberStance = "reported"
    verb: str | None = None
    owner: str | None = None
    owner_unnamed: bool = False
    frame: str | None = None


@dataclass(frozen=True, slots=True)
class QuoteMention:
    """One article's rendering of a direct quote.

    `spans` cover the quoted words (two or more for a quote split by its attribution); `speaker` is
    the canonical entity name when the speaker was resolved, `speaker_text` how the article names
    the speaker there ("he", "the Russian leader"); `cue` is the attributing verb or phrase;
    `attribution` names a source the quote is credited through ("according to KCNA").
    """

    text: str
    spans: tuple[Span, ...]
    speaker: str | None
    speaker_text: str | None
    speaker_span: Span | None
    cue: str | None
    attribution: str | None = None

    @property
    def article_id(self) -> str:
        return self.spans[0].article_id


@dataclass(frozen=True, slots=True)
class QuoteVariant:
    """A differing rendering of a quote in other articles; `meaning_changed` says why it matters."""

    text: str
    mentions: tuple[QuoteMention, ...]
    similarity: float
    meaning_changed: bool
    reason: str | None = None

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article_id for m in self.mentions))


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote matched across the story's articles: the main text and its variants.

    `speaker` is a name only where it is certain; `speaker_as_written` is, where no name is, how the
    articles name the source ("the company", "an Uber spokesperson", "she"), not resolved.
    """

    speaker: str | None
    text: str
    mentions: tuple[QuoteMention, ...]
    variants: tuple[QuoteVariant, ...] = ()
    speaker_as_written: str | None = None

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article_id for m in self.mentions))


def shown_speaker(speaker: str | None, as_written: str | None) -> str:
    """Who said a quote, as a brief shows it: the certain name; else the articles' own words for the
    source, marked as such ("an Uber spokesperson (as written)"); else "unattributed"."""
    if speaker:
        return speaker
    return f"{as_written} (as written)" if as_written else "unattributed"


@dataclass(frozen=True, slots=True)
class LeadClause:
    """The main clause of a sentence opening one of an article's first paragraphs (`span`, the
    sentence as the parser split it): the deed it tells (through a verb of saying, the reported
    one) as written and as its lemma ("found", "find"); whether it tells that deed as done
    (`report`); and whether the line is a deck written in headline grammar, not a body sentence."""

    span: Span
    deed: tuple[str, ...]
    report: bool
    deck: bool = False


@dataclass(frozen=True, slots=True)
class NamedWeekday:
    """A weekday an undated article names outside quotations: no day can be counted from it (what
    the story's window gives it is a guess), but `weekday` is 0 (Monday) to 6 whenever the article
    was written, and `deeds` holds the lemmas of the verbs it dates (extract.deeds), so that two
    articles' weekdays for one deed can be compared."""

    span: Span
    weekday: int
    deeds: tuple[str, ...]
    # The names that are those verbs' subjects or objects, by role, as their head words ("Felt").
    parties: tuple[Party, ...] = ()
    tense: Tense | None = None


@dataclass(frozen=True, slots=True)
class StoryFacts:
    """Everything the extract stage found in one story's articles."""

    entities: tuple[Entity, ...]
    dates: tuple[DateMention, ...]
    timeline: tuple[TimelineEntry, ...]
    numbers: tuple[NumberMention, ...]
    quotes: tuple[Quote, ...]
    anchor: date | None = None
    # (article id, date its relative expressions were resolved against), for every article.
    article_anchors: tuple[tuple[str, date], ...] = ()
    # What each article's lead sentences are (extract.leads): reports of a deed, or decks.
    leads: tuple[LeadClause, ...] = ()
    # Where the writer argues rather than reports (extract.stance): sentences whose narration marks
    # the writer's own view with nothing attributed, and the articles that argue as a whole.
    views: tuple[Span, ...] = ()
    arguing: tuple[str, ...] = ()
    # Sentences in the writer's own voice that tell no deed done and attribute nothing (a state, a
    # forecast, a reading of events): they rest on their writer unless another source tells them.
    assertions: tuple[Span, ...] = ()
    # Weekdays of undated articles, whether or not the story's window gave them a guessed day.
    weekdays: tuple[NamedWeekday, ...] = ()
    # Sentences stating as pending what another article of the story reports done (extract.pending).
    overtaken: tuple[Span, ...] = ()
    # Sentences that lean on the sentence before them ("The move comes as ...", extract.leaning).
    leaning: tuple[Span, ...] = ()
    # Sentences with no verb: a chart's title, a heading, a caption (extract.fragments).
    fragments: tuple[Span, ...] = ()
    # Sentences telling only of an answer not given ("declined to comment", extract.non_answers).
    non_answers: tuple[Span, ...] = ()
    # Dates that date their sentence's main verb: days, months, a past deed's year (extract.clause_dates).
    main_dates: tuple[DateMention, ...] = ()
    # Someone's words that the quotation finder left unpaired (extract.borrowed): a quotation running
    # past its paragraph, a block quotation after "Wallnau wrote:", a transcript's turns.
    borrowed: tuple[Span, ...] = ()

    def entity(self, name: str) -> Entity | None:
        """The entity that `name` (canonical or alias, any case) refers to, or None."""
        folded = name.casefold()
        for entity in self.entities:
            if any(n.casefold() == folded for n in entity.names):
                return entity
        return None
