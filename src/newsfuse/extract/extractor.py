"""The extract stage's entry point: one story's articles in, its `StoryFacts` out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from newsfuse.deadline import check
from newsfuse.extract.aliases import AliasMerger
from newsfuse.extract.anchors import story_anchor
from newsfuse.extract.borrowed import borrowed_spans
from newsfuse.extract.clause_dates import main_clause_dates, past_year_dates
from newsfuse.extract.dates import resolve_article, unanchored_weekdays
from newsfuse.extract.entities import extract_entities
from newsfuse.extract.events import Event, describe
from newsfuse.extract.fragments import verbless_sentences
from newsfuse.extract.leads import lead_clauses
from newsfuse.extract.leaning import leaning_sentences
from newsfuse.extract.non_answers import non_answer_sentences
from newsfuse.extract.numbers import find_numbers
from newsfuse.extract.parsing import Parser, SpacyParser
from newsfuse.extract.pending import overtaken
from newsfuse.extract.quote_groups import group_quotes
from newsfuse.extract.quote_marks import quote_regions
from newsfuse.extract.quotes import find_quotes
from newsfuse.extract.stance import story_stance
from newsfuse.extract.timeline import build_timeline
from newsfuse.extract.turns import overturned_sentences
from newsfuse.models import Article, DateMention, NumberMention, QuoteMention, StoryFacts
from newsfuse.models.facts import LeadClause, NamedWeekday
from newsfuse.models.provenance import SourceKeys


class Extractor:
    """Finds entities, dates, a timeline, numbers and quotes in one story's articles.

    Build once and reuse: the language model loads on the first call and stays with this object.
    `independence` (optional, from the provenance stage) maps an article id to the id of the
    independent source it derives from, so that copies of one wire story count once wherever
    support is counted (canonical names, timeline dates, main quote wording). `translated` names
    machine-translated articles, whose wording of a quote yields to an original's.
    """

    def __init__(self, parser: Parser | None = None, merger: AliasMerger | None = None) -> None:
        self._parser = parser or SpacyParser()
        self._merger = merger or AliasMerger()

    def extract(
        self,
        articles: Sequence[Article],
        independence: SourceKeys | None = None,
        translated: frozenset[str] = frozenset(),
    ) -> StoryFacts:
        if not articles:
            return StoryFacts((), (), (), (), ())
        docs = self._parser.parse([a.text for a in articles])
        entities = extract_entities(articles, docs, self._merger, independence)
        centre = story_anchor(articles)
        dates: list[DateMention] = []
        anchors: list[tuple[str, date]] = []
        events: list[Event] = []
        numbers: list[NumberMention] = []
        quotes: list[QuoteMention] = []
        leads: list[LeadClause] = []
        weekdays: list[NamedWeekday] = []
        main_dates: list[DateMention] = []
        for article, doc in zip(articles, docs, strict=True):
            check("extraction")
            mentions, anchor = resolve_article(article, doc, centre)
            dates.extend(mentions)
            main_dates.extend(main_clause_dates(doc, mentions))
            main_dates.extend(past_year_dates(doc, mentions))
            if anchor is not None:
                anchors.append((article.id, anchor))
            if article.published is None:
                # An undated article's weekdays name no day, even where the story's window gave them
                # one to count from (a guess): two such articles can still disagree on the weekday.
                weekdays.extend(unanchored_weekdays(article, doc))
            # The timeline holds the story's own days and months; years are background ("since 2019").
            dated = [m for m in mentions if not m.in_quote and m.granularity in ("day", "month")]
            quoted = [(r.outer_start, r.outer_end) for r in quote_regions(article.text)]
            events.extend(e for m in dated if (e := describe(doc, m, quoted)) is not None)
            numbers.extend(find_numbers(article, doc, mentions))
            quotes.extend(find_quotes(article, doc, entities))
            leads.extend(lead_clauses(article, doc))
        stance = story_stance(articles, docs)
        return StoryFacts(
            entities=tuple(entities),
            dates=tuple(dates),
            timeline=tuple(build_timeline(events, entities, independence, translated)),
            numbers=tuple(numbers),
            quotes=tuple(group_quotes(quotes, independence, translated)),
            anchor=centre,
            article_anchors=tuple(anchors),
            leads=tuple(leads),
            views=stance.views,
            arguing=tuple(sorted(stance.arguing)),
            assertions=stance.assertions,
            weekdays=tuple(weekdays),
            overtaken=overtaken(articles, docs),
            leaning=leaning_sentences(articles, docs) + overturned_sentences(articles, docs),
            fragments=verbless_sentences(articles, docs),
            non_answers=non_answer_sentences(articles, docs),
            main_dates=tuple(main_dates),
            borrowed=borrowed_spans(articles),
        )
