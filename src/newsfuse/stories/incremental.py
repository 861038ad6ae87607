"""Incremental clustering: each new article joins an existing story or starts one, as it arrives.

Nothing is re-clustered on arrival. The article is scored against the earlier articles filed under
its own heaviest terms; each story those belong to gets the article's average relative score over
all its articles (the same average linkage the batch uses); the best story at or over the threshold
whose time window admits the article takes it. A copy of an earlier article joins that article's
story at once. `recluster` runs the batch over everything seen, which may merge and split stories.

Bad input gets a deliberate outcome, never an error:
- an article with no words (empty text and no title) starts a story of its own and nothing joins it,
  since nothing can be compared with it;
- a one-line article is compared like any other, on its few terms: it joins a story when its names
  and words match one well (a headline of the story does), and starts its own otherwise;
- an article in another language is compared on the same channels; names, years and dates are
  shared across languages written in Latin script, words mostly are not, so a translation joins its
  story when it names the same people and places, and one in another script starts its own story.
"""

from __future__ import annotations

from collections import defaultdict

from newsfuse.models import Article, Story
from newsfuse.stories.assemble import build_story, order_stories
from newsfuse.stories.batch import regroup
from newsfuse.stories.embedders import Embedder
from newsfuse.stories.index import Arrival, ArticleIndex
from newsfuse.stories.similarity import Scoring
from newsfuse.stories.window import Window

# The article is averaged against at most this many stories (those its scored neighbours favour
# most): each costs a sample of up to 24 x 1 scores; the favourites are nearly always the answer.
STORIES_CHECKED = 3
# A story is re-clustered with its neighbouring stories when it reaches 4, 8, 16, ... articles: early
# decisions were taken with little known of the neighbourhood. Doubling keeps the work per article
# bounded (each article takes part in a few repairs). 4 is the smallest story where a split shows.
FIRST_CHECKPOINT = 4
CHECKPOINT_GROWTH = 1.5
# A repair takes at most this many articles (the story first, then whole neighbouring stories);
# bigger stories are settled, and are left to `recluster`. Each repair scores up to 48 x 48 pairs.
REPAIR_NODES = 48


def _checkpoint(size: int) -> bool:
    mark = FIRST_CHECKPOINT
    while mark < size:
        mark = int(mark * CHECKPOINT_GROWTH + 0.5)
    return mark == size


class StoryTracker:
    """Stories so far; `add` places one article and returns its story's id."""

    def __init__(self, scoring: Scoring | None = None, embedder: Embedder | None = None) -> None:
        self._scoring = scoring or Scoring.for_embedder(embedder.name if embedder else None)
        self._embedder = embedder
        self._index = ArticleIndex(self._scoring, embedder)
        self._articles: list[Article] = []
        self._positions: dict[str, int] = {}
        self._story_of: list[int] = []
        self._members: list[list[int]] = []
        self._windows: list[Window] = []
        self._sealed: set[int] = set()  # stories of one wordless article: nothing joins them

    def __len__(self) -> int:
        return len(self._articles)

    def add(self, article: Article) -> str:
        """Place the article in a story (an article seen before keeps its story); return the story's id."""
        known = self._positions.get(article.id)
        if known is not None:
            return self._story_id(self._story_of[known])
        arrival = self._index.add(article)
        self._articles.append(article)
        self._positions[article.id] = arrival.position
        window = self._index.windows[arrival.position]
        if not (article.text.strip() or (article.title or "").strip()):
            story = self._start(arrival.position, window)
            self._sealed.add(story)
        elif arrival.duplicate_of is not None:
            story = self._join(self._story_of[arrival.duplicate_of], arrival.position, window)
        else:
            best = self._best_story(arrival, window)
            story = (
                self._start(arrival.position, window) if best is None else self._join(best, arrival.position, window)
            )
            if _checkpoint(len(self._members[story])):
                story = self._repair(story, arrival.position)
        return self._story_id(story)

    def story_of(self, article_id: str) -> str:
        """The current story of an article placed before. A repair (see FIRST_CHECKPOINT) may have
        moved it since `add` answered; a KeyError names an article never placed."""
        return self._story_id(self._story_of[self._positions[article_id]])

    def extend(self, articles: list[Article]) -> None:
        for article in articles:
            self.add(article)

    def stories(self) -> list[Story]:
        """Every story so far, largest first."""
        built = [
            build_story(members, self._articles, self._index, self._windows[number])
            for number, members in enumerate(self._members)
            if members
        ]
        return order_stories(built)

    def recluster(self) -> list[Story]:
        """Re-cluster everything seen in one batch (stories may merge or split); the tracker goes on
        from the batch's stories."""
        from newsfuse.stories.batch import BatchResult, cluster_positions

        result: BatchResult = cluster_positions(self._articles, self._scoring, self._embedder)
        self._index = result.index
        self._members = [sorted(group) for group in result.groups]
        self._windows = list(result.windows)
        self._story_of = [0] * len(self._articles)
        for number, members in enumerate(self._members):
            for position in members:
                self._story_of[position] = number
        self._sealed = {n for n, members in enumerate(self._members) if members and self._wordless(members[0])}
        return self.stories()

    def _best_story(self, arrival: Arrival, window: Window) -> int | None:
        """The story with the best average relative score (at least the threshold) that admits the
        article's window. Stories are ranked by the mean over the article's scored neighbours in
        them; the best few are then averaged over all their articles (sampled for big stories)."""
        scale = self._index.scale(arrival.position)
        totals: dict[int, float] = defaultdict(float)
        counts: dict[int, int] = defaultdict(int)
        for neighbour, raw in zip(arrival.neighbours.tolist(), arrival.raw.tolist(), strict=True):
            story = self._story_of[neighbour]
            if raw <= 0 or story in self._sealed:
                continue
            copies = self._index.copies[neighbour]
            totals[story] += self._scoring.relative(raw, scale, self._index.scale(neighbour)) * copies
            counts[story] += copies
        ranked = sorted(((totals[s] / counts[s], s) for s in totals), reverse=True)
        for known_mean, story in ranked[:STORIES_CHECKED]:
            if known_mean < self._scoring.threshold:
                break
            members = self._members[story]
            if counts[story] < len(members):
                originals = sorted({self._index.original[m] for m in members})
                average = self._index.average_relative([arrival.position], originals)
            else:
                average = known_mean
            if average >= self._scoring.threshold and self._windows[story].compatible(window):
                return story
        return None

    def _repair(self, story: int, position: int) -> int:
        """Re-cluster the story with the stories of its articles' nearest neighbours (those small
        enough to take whole), as the batch would, now that their neighbourhoods are better known.
        Returns the story that now holds the article at `position`."""
        involved = [story]
        for member in self._members[story]:
            for neighbour in self._index.nearest(member):
                other = self._story_of[neighbour]
                if other not in involved and other not in self._sealed:
                    involved.append(other)
        nodes: list[int] = []
        taken: list[int] = []
        for number in involved:
            members = self._members[number]
            if len(nodes) + len(members) > REPAIR_NODES:
                continue
            nodes.extend(members)
            taken.append(number)
        if len(nodes) < 2:
            return story
        groups = regroup(self._index, nodes, self._scoring)
        reused = list(taken)
        for group in groups:
            members = sorted(group)
            number = reused.pop(0) if reused else len(self._members)
            if number == len(self._members):
                self._members.append([])
                self._windows.append(Window(None, None, frozenset()))
            self._members[number] = members
            window = self._index.windows[members[0]]
            for member in members[1:]:
                window = window.merged(self._index.windows[member])
            self._windows[number] = window
            for member in members:
                self._story_of[member] = number
        for number in reused:  # stories emptied by a merge: kept as empty slots, never listed
            self._members[number] = []
        return self._story_of[position]

    def _start(self, position: int, window: Window) -> int:
        self._members.append([position])
        self._windows.append(window)
        self._story_of.append(len(self._members) - 1)
        return len(self._members) - 1

    def _join(self, story: int, position: int, window: Window) -> int:
        self._members[story].append(position)
        self._windows[story] = self._windows[story].merged(window)
        self._story_of.append(story)
        return story

    def _story_id(self, story: int) -> str:
        from newsfuse.models import story_id

        return story_id(self._articles[min(self._members[story])].id)

    def _wordless(self, position: int) -> bool:
        article = self._articles[position]
        return not (article.text.strip() or (article.title or "").strip())
